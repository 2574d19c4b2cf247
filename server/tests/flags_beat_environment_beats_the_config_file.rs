//! The layers of configuration, end to end: a `--config` file's value is used, an `AORTA_*`
//! variable overrides it, a flag overrides both (the `listening` line shows the value in force).

mod common;

use std::time::Duration;

use common::{field, Node};

fn connections_max_in_force(node: &Node) -> String {
    let listening = node
        .log
        .wait_for("listening", |_| true, Duration::ZERO)
        .unwrap();
    field(&listening, "connections_max")
}

#[test]
fn flags_beat_environment_beats_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("aortad.toml");
    std::fs::write(&config, "connections_max = 7\nshutdown_grace_ms = 100\n").unwrap();
    let config = config.to_str().unwrap();
    let data_dir = dir.path().join("data");

    let from_file = Node::start(&data_dir, &["--config", config]);
    assert_eq!(connections_max_in_force(&from_file), "7");
    assert_eq!(from_file.terminate().0.code(), Some(0));

    let env = [("AORTA_CONNECTIONS_MAX", "5")];
    let from_env = Node::start_with_env(&data_dir, &["--config", config], &env);
    assert_eq!(connections_max_in_force(&from_env), "5");
    assert_eq!(from_env.terminate().0.code(), Some(0));

    let from_flag = Node::start_with_env(
        &data_dir,
        &["--config", config, "--connections-max", "3"],
        &env,
    );
    assert_eq!(connections_max_in_force(&from_flag), "3");
    assert_eq!(from_flag.terminate().0.code(), Some(0));
}
