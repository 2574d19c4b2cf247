//! A subscription with an invalid pattern (namespace, type, no action) or a resume token that does
//! not name one position per shard is refused with a typed error before anything is read.

use aorta_engine::subscription::{Actions, Pattern, PatternError, Start};
use aorta_engine::{Engine, EngineConfig, Error};

#[test]
fn bad_patterns_and_tokens_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(2)).unwrap();
    let refused = |pattern: Pattern, start: Start| engine.subscribe(pattern, start).err();
    assert!(matches!(
        refused(Pattern::subtree("no-slash"), Start::Now),
        Some(Error::InvalidPattern(PatternError::Namespace(_)))
    ));
    assert!(matches!(
        refused(Pattern::subtree("/a").with_kind(""), Start::Now),
        Some(Error::InvalidPattern(PatternError::Kind(_)))
    ));
    assert!(matches!(
        refused(
            Pattern::subtree("/a").with_actions(Actions::NONE),
            Start::Now
        ),
        Some(Error::InvalidPattern(PatternError::NoAction))
    ));
    assert!(matches!(
        refused(Pattern::subtree("/a"), Start::After(vec![0; 3])),
        Some(Error::InvalidQuery(_))
    ));
    assert!(matches!(
        engine.register_handler(Pattern::subtree("bad"), Start::Now, |_| {}),
        Err(Error::InvalidPattern(_))
    ));
}
