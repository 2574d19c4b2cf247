//! A page whose resources would not fit one frame is cut where the frame is full, and its token
//! resumes right after its last resource: a listing of 1 MiB resources with the largest page size,
//! on a node with the smallest frame limit, comes back whole, each resource once, in order, over
//! several pages that each fit.

mod common;

use aorta_engine::limits::{DATA_BYTES_MAX, PAGE_BYTES_DEFAULT, PAGE_SIZE_MAX, TAG_COUNT_MAX};
use aorta_engine::query::{Query, Scope};
use aorta_engine::{Batch, Command, ResourceId, ResourceSpec};
use aorta_wire::convert::{Call, ListFrom, Reply};
use aorta_wire::frame::FRAME_BYTES_MIN;
use common::artery::connect_as;
use common::Node;

const RESOURCES: usize = 10;
/// Four such resources are within the engine's own page budget (4 MiB by their size) but not
/// within a 4 MiB frame (their 64 tags cost more on the wire than in memory): only the node's cut
/// to the frame keeps the pages whole.
const DATA_BYTES: usize = DATA_BYTES_MAX - 2048;

fn spec(i: usize) -> ResourceSpec {
    let mut spec = ResourceSpec::new("/blobs", &format!("b{i:02}"), "blob")
        .with_data(vec![i as u8; DATA_BYTES]);
    spec.tags = (0..TAG_COUNT_MAX)
        .map(|t| (format!("{t:x}"), String::new()))
        .collect();
    spec
}

#[tokio::test]
async fn a_page_too_large_for_a_frame_is_cut_and_continues() {
    let dir = tempfile::tempdir().unwrap();
    let frame = FRAME_BYTES_MIN.to_string();
    let node = Node::start(dir.path(), &["--frame-bytes-max", &frame]);
    let artery = connect_as(&node, "root").await;
    for i in 0..RESOURCES {
        let spec = spec(i);
        assert!(
            spec.clone()
                .into_resource(ResourceId::new(1, 0, 1, 0), 0, 0)
                .size_bytes()
                * 4
                <= PAGE_BYTES_DEFAULT
        );
        let reply = artery
            .call(&Call::Commit(Batch::single(Command::create(spec))))
            .await;
        assert!(matches!(reply, Reply::Committed(_)), "{reply:?}");
    }

    let query = Query {
        namespace: "/blobs".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: PAGE_SIZE_MAX,
    };
    let mut from = ListFrom::Latest;
    let mut names = Vec::new();
    let mut pages = 0;
    loop {
        let reply = artery
            .call(&Call::List {
                query: query.clone(),
                from,
            })
            .await;
        let Reply::Page(page) = reply else {
            panic!("page {pages}: {reply:?}")
        };
        pages += 1;
        assert!(
            !page.items.is_empty(),
            "a page with more to come holds something"
        );
        for resource in &page.items {
            let i: usize = resource.name[1..].parse().unwrap();
            let intact =
                resource.data.len() == DATA_BYTES && resource.data.iter().all(|&b| b == i as u8);
            assert!(intact, "{} came back changed", resource.name);
            names.push(resource.name.clone());
        }
        match page.next {
            Some(token) => from = ListFrom::Token(token.encode()),
            None => break,
        }
        assert!(pages <= RESOURCES, "a listing ends");
    }
    let expected: Vec<String> = (0..RESOURCES).map(|i| format!("b{i:02}")).collect();
    assert_eq!(names, expected, "every resource once, in order");
    // Three such resources fit a 4 MiB frame with its envelope, four do not.
    assert_eq!(pages, RESOURCES.div_ceil(3), "pages cut to the frame");
    node.terminate();
}
