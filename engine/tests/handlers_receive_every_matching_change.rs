//! In-process handlers: a handler registered with a pattern is called with every matching change,
//! in commit order, on its own thread; unregistering it says how it ended; a handler that panics
//! stops alone and says so; closing the engine stops the rest.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aorta_engine::subscription::{EventAction, Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn wait_for(seen: &Mutex<Vec<(u64, EventAction)>>, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while seen.lock().unwrap().len() < count {
        assert!(
            Instant::now() < deadline,
            "the handler saw {:?}",
            seen.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_handler_sees_every_matching_change_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(1)).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorder = seen.clone();
    let handler = engine
        .register_handler(Pattern::subtree("/jobs"), Start::Now, move |event| {
            recorder
                .lock()
                .unwrap()
                .push((event.position, event.action));
        })
        .unwrap();
    let panicking = engine
        .register_handler(Pattern::subtree("/jobs"), Start::Now, |_| {
            panic!("handler bug")
        })
        .unwrap();
    let mut expected = Vec::new();
    for i in 0..20 {
        let spec = ResourceSpec::new("/jobs", &format!("j{}", i % 5), "job");
        let position = engine
            .commit(Batch::new(vec![Command::put(spec, None)]))
            .unwrap()
            .position;
        let action = if i < 5 {
            EventAction::Created
        } else {
            EventAction::Updated
        };
        expected.push((position, action));
        engine
            .commit(Batch::new(vec![Command::put(
                ResourceSpec::new("/other", "x", "t"),
                None,
            )]))
            .unwrap();
    }
    wait_for(&seen, expected.len());
    assert_eq!(*seen.lock().unwrap(), expected);
    assert!(matches!(
        engine.unregister_handler(panicking),
        Some(Err(Error::HandlerPanicked { .. }))
    ));
    assert!(matches!(engine.unregister_handler(handler), Some(Ok(()))));
    assert!(engine.unregister_handler(handler).is_none());
    // A handler still running when the engine closes is stopped by the close.
    let _running = engine
        .register_handler(Pattern::subtree("/"), Start::Now, |_| {})
        .unwrap();
    engine.close();
}
