//! Thread per core: with `--connection-threads 3`, six connections are placed two on each
//! connection thread (the least loaded one each time), all through the one listening socket, and
//! each is served on its core's thread.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::{connect, field, Node};

#[tokio::test]
async fn connections_are_spread_over_the_connection_threads() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--connection-threads", "3"]);
    let listening = node
        .log
        .until("listening", |_| true, Duration::ZERO)
        .await
        .unwrap();
    assert_eq!(field(&listening, "connection_threads"), "3");

    let mut clients = Vec::new();
    let mut per_core = BTreeMap::<String, usize>::new();
    for _ in 0..6 {
        let client = common::client(dir.path(), b"aorta/1");
        let connection = connect(&client, node.address).await.unwrap();
        let local = client.local_addr().unwrap().to_string();
        let established = node
            .log
            .until(
                "connection established",
                |line| field(line, "remote") == local,
                Duration::from_secs(10),
            )
            .await
            .unwrap();
        let core = field(&established, "core");
        // Served on the thread of the core it was placed on (its quinn driver runs there too:
        // `cores` unit test).
        assert_eq!(field(&established, "thread"), format!("aortad-core-{core}"));
        *per_core.entry(core).or_default() += 1;
        clients.push((client, connection));
    }
    assert_eq!(
        per_core,
        BTreeMap::from([("0".into(), 2), ("1".into(), 2), ("2".into(), 2)])
    );
}
