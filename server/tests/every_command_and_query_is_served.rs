//! Every request of `aorta/1` against a real node: create, update, put and delete; get by key
//! and by id; list by children, subtree, type and tag selector, page by page with tokens, and at
//! an older position; positions; status. Also pipelined on one stream, answered in order.

mod common;

use aorta_engine::query::{Query, Scope, TagSelector};
use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, ListFrom, Reply};
use common::artery::connect_as;
use common::Node;

fn spec(namespace: &str, name: &str, kind: &str, env: &str) -> ResourceSpec {
    ResourceSpec::new(namespace, name, kind)
        .with_tag("env", env)
        .with_data(format!("{{\"name\":\"{name}\"}}").into_bytes())
}

fn commit(command: Command) -> Call {
    Call::Commit(Batch::single(command))
}

fn query(namespace: &str, scope: Scope, page_size: usize) -> Query {
    Query {
        namespace: namespace.into(),
        scope,
        kind: None,
        selector: None,
        page_size,
    }
}

fn names(reply: &Reply) -> Vec<String> {
    match reply {
        Reply::Page(page) => page.items.iter().map(|r| r.name.clone()).collect(),
        other => panic!("not a page: {other:?}"),
    }
}

#[tokio::test]
async fn every_command_and_query_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    assert_eq!(artery.session.principal, "root");

    // Create, then read it back by key and by id.
    let created = match artery
        .call(&commit(Command::create(spec(
            "/apps/web",
            "a",
            "task",
            "prod",
        ))))
        .await
    {
        Reply::Committed(receipt) => receipt,
        other => panic!("{other:?}"),
    };
    let Reply::Found(Some(by_key)) = artery
        .call(&Call::Get {
            namespace: "/apps/web".into(),
            name: "a".into(),
        })
        .await
    else {
        panic!("get by key found nothing")
    };
    assert_eq!(by_key.revision, created.position);
    assert_eq!(by_key.id, created.ids[0]);
    let Reply::Found(Some(by_id)) = artery.call(&Call::GetById(created.ids[0])).await else {
        panic!("get by id found nothing")
    };
    assert_eq!(by_id, by_key);

    // Update, put (new and existing), delete.
    let updated = artery
        .call(&commit(Command::update(
            spec("/apps/web", "a", "task", "staging"),
            Some(created.position),
        )))
        .await;
    assert!(matches!(updated, Reply::Committed(_)), "{updated:?}");
    for (namespace, name, kind, env) in [
        ("/apps/web", "b", "task", "prod"),
        ("/apps/web", "c", "service", "prod"),
        ("/apps/web/deep", "d", "task", "prod"),
        ("/apps/web", "gone", "task", "prod"),
    ] {
        let put = artery
            .call(&commit(Command::put(
                spec(namespace, name, kind, env),
                None,
            )))
            .await;
        assert!(matches!(put, Reply::Committed(_)), "{put:?}");
    }
    let deleted = artery
        .call(&commit(Command::delete("/apps/web", "gone", None)))
        .await;
    assert!(matches!(deleted, Reply::Committed(_)), "{deleted:?}");
    let Reply::Positions(before_last) = artery.call(&Call::Positions).await else {
        panic!("positions")
    };
    let last = artery
        .call(&commit(Command::put(
            spec("/apps/web", "e", "task", "prod"),
            None,
        )))
        .await;
    assert!(matches!(last, Reply::Committed(_)), "{last:?}");
    let gone = artery
        .call(&Call::Get {
            namespace: "/apps/web".into(),
            name: "gone".into(),
        })
        .await;
    assert_eq!(gone, Reply::Found(None));

    // Lists: children, subtree, type, selector; pages with tokens; an older position.
    let children = artery
        .call(&Call::List {
            query: query("/apps/web", Scope::Children, 100),
            from: ListFrom::Latest,
        })
        .await;
    assert_eq!(names(&children), ["a", "b", "c", "e"]);
    let subtree = artery
        .call(&Call::List {
            query: query("/apps", Scope::Subtree, 100),
            from: ListFrom::Latest,
        })
        .await;
    assert_eq!(names(&subtree).len(), 5);
    let mut typed = query("/apps", Scope::Subtree, 100);
    typed.kind = Some("service".into());
    let services = artery
        .call(&Call::List {
            query: typed,
            from: ListFrom::Latest,
        })
        .await;
    assert_eq!(names(&services), ["c"]);
    let mut selected = query("/apps/web", Scope::Children, 100);
    selected.selector = Some(TagSelector::parse("env=staging").unwrap());
    let staging = artery
        .call(&Call::List {
            query: selected,
            from: ListFrom::Latest,
        })
        .await;
    assert_eq!(names(&staging), ["a"]);

    let paged = query("/apps/web", Scope::Children, 3);
    let first = artery
        .call(&Call::List {
            query: paged.clone(),
            from: ListFrom::Latest,
        })
        .await;
    let Reply::Page(first_page) = &first else {
        panic!("{first:?}")
    };
    let token = first_page.next.as_ref().expect("a next page").encode();
    let second = artery
        .call(&Call::List {
            query: paged,
            from: ListFrom::Token(token),
        })
        .await;
    let mut all = names(&first);
    all.extend(names(&second));
    assert_eq!(all, ["a", "b", "c", "e"]);
    let older = artery
        .call(&Call::List {
            query: query("/apps/web", Scope::Children, 100),
            from: ListFrom::Positions(before_last),
        })
        .await;
    assert_eq!(names(&older), ["a", "b", "c"]);

    // Status names the cluster and every shard, up.
    let Reply::Status(status) = artery.call(&Call::Status).await else {
        panic!("status")
    };
    assert_eq!(status.cluster_id, artery.session.cluster_id);
    assert!(!status.shards.is_empty());

    // Pipelined on one stream: answered in order (the client's codec checks the ids).
    let mut stream = artery.requests().await;
    let calls = [
        Call::Positions,
        commit(Command::put(spec("/apps/web", "p", "task", "prod"), None)),
        Call::Get {
            namespace: "/apps/web".into(),
            name: "p".into(),
        },
        Call::Status,
    ];
    for call in &calls {
        stream.send(call).await;
    }
    assert!(matches!(stream.receive().await, Reply::Positions(_)));
    assert!(matches!(stream.receive().await, Reply::Committed(_)));
    assert!(matches!(stream.receive().await, Reply::Found(_)));
    assert!(matches!(stream.receive().await, Reply::Status(_)));
    stream.stream.send.finish().unwrap();
    assert_eq!(
        stream.stream.receive().await,
        Ok(None),
        "finished after the last answer"
    );
}
