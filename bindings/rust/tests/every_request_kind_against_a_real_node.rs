//! Every request of the protocol through the client against a real `aortad`: writes with and
//! without expected revisions, conflicts and not-found answered with their kinds, an atomic batch
//! that writes all or nothing, reads by key and id, listing page by page with tokens and at an
//! older position, positions and status; and a client with the wrong cluster key refused.

mod support;

use aorta_client::{
    Batch, Client, ClusterKey, Command, ErrorKind, ListFrom, Query, ResourceSpec, Scope,
    TagSelector,
};
use support::{client_config, Node};

fn task(name: &str, env: &str) -> ResourceSpec {
    ResourceSpec::new("/apps/web", name, "task")
        .with_tag("env", env)
        .with_data(format!("{{\"name\":\"{name}\"}}"))
}

#[tokio::test]
async fn every_request_kind_against_a_real_node() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let client = Client::connect(client_config(dir.path(), node.address))
        .await
        .expect("connects and passes the handshake");
    let session = client.session().await.expect("an artery is up");
    assert_eq!(session.principal, "root");

    // Create, get by key and id.
    let created = client.create(task("t1", "prod")).await.unwrap();
    let t1 = client.get("/apps/web", "t1").await.unwrap().expect("t1");
    assert_eq!(t1.revision, created.position);
    assert_eq!(t1.id, created.ids[0]);
    assert_eq!(t1.tags["env"], "prod");
    let by_id = client.get_by_id(created.ids[0]).await.unwrap();
    assert_eq!(by_id.as_ref(), Some(&t1));

    // Conditional writes: the right revision passes, a stale one is a conflict, nothing written.
    let updated = client
        .update(task("t1", "dev"), Some(created.position))
        .await
        .unwrap();
    assert!(updated.position > created.position);
    let stale = client
        .update(task("t1", "stale"), Some(created.position))
        .await
        .unwrap_err();
    assert_eq!(stale.kind(), ErrorKind::Conflict, "{stale}");
    let exists = client.create(task("t1", "again")).await.unwrap_err();
    assert_eq!(exists.kind(), ErrorKind::Conflict, "{exists}");
    let t1 = client.get("/apps/web", "t1").await.unwrap().unwrap();
    assert_eq!(t1.tags["env"], "dev");
    assert_eq!(t1.revision, updated.position);

    // Put creates or replaces; 0 as the expected revision means "only if absent".
    client.put(task("t2", "prod"), None).await.unwrap();
    let absent_only = client.put(task("t2", "prod"), Some(0)).await.unwrap_err();
    assert_eq!(absent_only.kind(), ErrorKind::Conflict, "{absent_only}");

    // Not found: a missing key reads as none, and deleting or updating it is NotFound.
    assert_eq!(client.get("/apps/web", "nope").await.unwrap(), None);
    let missing = client.delete("/apps/web", "nope", None).await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound, "{missing}");
    let missing = client.update(task("nope", "x"), None).await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound, "{missing}");

    // An atomic batch: one failing condition writes nothing; a good batch writes every command
    // at one position.
    let failing = Batch::new(vec![
        Command::create(task("b1", "prod")),
        Command::create(task("t1", "prod")),
    ]);
    let error = client.commit(failing).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict, "{error}");
    assert_eq!(client.get("/apps/web", "b1").await.unwrap(), None);
    let batch = Batch::new(vec![
        Command::create(task("b1", "prod")),
        Command::create(task("b2", "prod")),
        Command::delete("/apps/web", "t2", None),
    ]);
    let receipt = client.commit(batch).await.unwrap();
    assert_eq!(receipt.ids.len(), 3);
    for name in ["b1", "b2"] {
        let resource = client.get("/apps/web", name).await.unwrap().unwrap();
        assert_eq!(resource.revision, receipt.position);
    }
    assert_eq!(client.get("/apps/web", "t2").await.unwrap(), None);
    let before_more = client.positions().await.unwrap();
    client.create(task("b3", "prod")).await.unwrap();

    // List page by page with tokens: every resource once, in key order.
    let query = Query {
        namespace: "/apps".into(),
        scope: Scope::Subtree,
        kind: Some("task".into()),
        selector: Some(TagSelector::parse("env=prod").unwrap()),
        page_size: 1,
    };
    let mut names = Vec::new();
    let mut from = ListFrom::Latest;
    loop {
        let page = client.list(&query, from).await.unwrap();
        names.extend(page.items.iter().map(|r| r.name.clone()));
        match page.next {
            Some(token) => from = ListFrom::Token(token.encode()),
            None => break,
        }
    }
    assert_eq!(names, ["b1", "b2", "b3"]);
    // At the positions taken before b3 was made, the list is as it was then.
    let query_all = Query {
        page_size: 100,
        ..query.clone()
    };
    let older = client
        .list(&query_all, ListFrom::Positions(before_more.clone()))
        .await
        .unwrap();
    let older: Vec<_> = older.items.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(older, ["b1", "b2"]);
    let bad_token = client
        .list(&query, ListFrom::Token("garbage".into()))
        .await
        .unwrap_err();
    assert_eq!(bad_token.kind(), ErrorKind::InvalidInput, "{bad_token}");

    // Positions and status.
    let positions = client.positions().await.unwrap();
    assert_eq!(positions.len(), before_more.len());
    assert!(positions.iter().sum::<u64>() > before_more.iter().sum::<u64>());
    let status = client.status().await.unwrap();
    assert_eq!(status.shards.len(), positions.len());
    assert_eq!(status.cluster_id, t1.id.cluster_id());

    // Delete at the right revision.
    client
        .delete("/apps/web", "t1", Some(t1.revision))
        .await
        .unwrap();
    assert_eq!(client.get("/apps/web", "t1").await.unwrap(), None);
    client.close().await;
}

#[tokio::test]
async fn a_client_with_the_wrong_cluster_key_is_denied() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let mut config = client_config(dir.path(), node.address);
    config.cluster_key = ClusterKey::new(&[7u8; 32]).unwrap();
    let error = Client::connect(config).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Denied, "{error}");
}
