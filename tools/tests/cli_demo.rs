//! The `aorta-engine` CLI as a user runs it: real processes, their output and exit codes.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_aorta-engine");

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    fn ok(self) -> Self {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Fails with exit code 1 and an `error:` line containing every one of `words`.
    fn fails_with(self, words: &[&str]) -> Self {
        assert_eq!(
            self.code,
            Some(1),
            "expected failure\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        let error = self
            .stderr
            .lines()
            .find(|l| l.starts_with("error: "))
            .unwrap_or_else(|| panic!("no error line in stderr:\n{}", self.stderr));
        for word in words {
            assert!(error.contains(word), "{error:?} does not mention {word:?}");
        }
        self
    }

    /// The value of a `  field: value` line of a shown resource.
    fn field(&self, name: &str) -> String {
        let prefix = format!("  {name}:");
        self.stdout
            .lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .unwrap_or_else(|| panic!("no {name} in:\n{}", self.stdout))
            .trim()
            .to_string()
    }
}

fn cli(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("running aorta-engine");
    Run::from(output)
}

#[test]
fn demo_then_single_resource_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");

    let demo = cli(&dir, &["--shards", "2", "demo"]).ok();
    assert!(
        demo.stdout.contains("The data survived the restart."),
        "{}",
        demo.stdout
    );
    assert!(demo.stdout.contains("/demo/shop/web"), "{}", demo.stdout);
    assert!(
        demo.stdout.contains("(deleted, and still gone)"),
        "{}",
        demo.stdout
    );
    assert!(
        demo.stderr
            .contains(&format!("data directory: {} (--data-dir)", dir.display())),
        "{}",
        demo.stderr
    );
    // Again, on the data it left: the demo clears its own resources first.
    cli(&dir, &["demo"]).ok();

    let web = cli(&dir, &["get", "/demo/shop", "web"]).ok();
    assert!(web.stdout.starts_with("/demo/shop/web\n"), "{}", web.stdout);
    assert_eq!(web.field("type"), "service");
    assert_eq!(web.field("data"), "\"nginx:1.28\"");
    assert_eq!(web.field("tags"), "tier=frontend");
    let id = web.field("id");
    let revision = web.field("revision");

    let by_id = cli(&dir, &["get-id", &id]).ok();
    assert_eq!(by_id.stdout, web.stdout);

    // A conditional put at the current revision succeeds; at a stale one it is rejected.
    let put = cli(
        &dir,
        &[
            "put",
            "/demo/shop",
            "web",
            "--type",
            "service",
            "--data",
            "nginx:1.29",
            "--tag",
            "tier=frontend",
            "--tag",
            "team=edge",
            "--expect-revision",
            &revision,
        ],
    )
    .ok();
    assert!(
        put.stdout.starts_with("put /demo/shop/web at position "),
        "{}",
        put.stdout
    );
    assert_eq!(put.field("id"), id, "a put keeps the id");
    assert_eq!(put.field("data"), "\"nginx:1.29\"");
    assert_eq!(put.field("tags"), "team=edge, tier=frontend");
    let new_revision = put.field("revision");
    assert_ne!(new_revision, revision);
    cli(
        &dir,
        &[
            "put",
            "/demo/shop",
            "web",
            "--type",
            "service",
            "--expect-revision",
            &revision,
        ],
    )
    .fails_with(&["/demo/shop/web", "expected revision", &revision]);
    let after = cli(&dir, &["get-id", &id]).ok();
    assert_eq!(
        after.field("data"),
        "\"nginx:1.29\"",
        "a rejected put writes nothing"
    );

    // Invalid input: a clear message and a non-zero exit, and nothing written.
    cli(&dir, &["put", "/bad//ns", "x", "--type", "t"]).fails_with(&[
        "invalid input",
        "namespace",
        "/bad//ns",
    ]);
    cli(&dir, &["get", "no-slash", "x"]).fails_with(&["invalid input", "namespace"]);
    cli(&dir, &["get-id", "xyz"]).fails_with(&["not a resource id"]);
    cli(&dir, &["create", "/demo/shop", "web", "--type", "service"])
        .fails_with(&["already exists"]);
    cli(&dir, &["get", "/demo/shop", "nothing"]).fails_with(&["/demo/shop/nothing", "not found"]);

    // Create, binary-safe data display, delete.
    let created = cli(
        &dir,
        &["create", "/t", "fresh", "--type", "thing", "--owner", "ann"],
    )
    .ok();
    assert!(created.stdout.starts_with("created /t/fresh at position "));
    assert_eq!(created.field("owner"), "ann");
    assert_eq!(created.field("data"), "\"\"");
    let fresh_revision = created.field("revision");
    cli(
        &dir,
        &["delete", "/t", "fresh", "--expect-revision", "999999"],
    )
    .fails_with(&["/t/fresh", "expected revision 999999"]);
    let deleted = cli(
        &dir,
        &[
            "delete",
            "/t",
            "fresh",
            "--expect-revision",
            &fresh_revision,
        ],
    )
    .ok();
    assert!(deleted.stdout.starts_with("deleted /t/fresh at position "));
    cli(&dir, &["get", "/t", "fresh"]).fails_with(&["not found"]);
    cli(&dir, &["delete", "/t", "fresh"]).fails_with(&["/t/fresh", "does not exist"]);

    // The shard count of an existing directory is fixed.
    cli(&dir, &["--shards", "3", "get", "/demo/shop", "web"])
        .fails_with(&["opening the engine", "2 shards"]);
}

#[test]
fn list_pages_through_a_subtree_with_a_selector() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    for (namespace, name, env) in [
        ("/apps/web", "a", "prod"),
        ("/apps/web", "b", "prod"),
        ("/apps/db", "c", "prod"),
        ("/apps/db", "d", "dev"),
    ] {
        let tag = format!("env={env}");
        cli(
            &dir,
            &["put", namespace, name, "--type", "task", "--tag", &tag],
        )
        .ok();
    }
    let first = cli(
        &dir,
        &[
            "list",
            "/apps",
            "--subtree",
            "--selector",
            "env=prod",
            "--page-size",
            "2",
        ],
    )
    .ok();
    let token = first
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("next page: --token "))
        .unwrap_or_else(|| panic!("no token in:\n{}", first.stdout))
        .to_string();
    let second = cli(
        &dir,
        &[
            "list",
            "/apps",
            "--subtree",
            "--selector",
            "env=prod",
            "--page-size",
            "2",
            "--token",
            &token,
        ],
    )
    .ok();
    let keys: Vec<&str> = first
        .stdout
        .lines()
        .chain(second.stdout.lines())
        .filter(|l| l.starts_with('/'))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(keys, ["/apps/db/c", "/apps/web/a", "/apps/web/b"]);
    assert!(!second.stdout.contains("next page"));
    // A token is bound to its query, a selector must parse.
    cli(&dir, &["list", "/apps", "--token", &token]).fails_with(&["listing /apps"]);
    cli(&dir, &["list", "/apps", "--selector", "env in ("]).fails_with(&["--selector"]);
}

#[test]
fn data_dir_defaults_to_env_then_xdg_then_home() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |envs: &[(&str, &Path)]| {
        let mut command = Command::new(BIN);
        command
            .args(["get", "/x", "y"])
            .env_remove("AORTA_DATA_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("RUST_LOG");
        for (name, value) in envs {
            command.env(name, value);
        }
        Run::from(command.output().expect("running aorta-engine"))
    };
    let aorta = tmp.path().join("aorta-dir");
    let xdg = tmp.path().join("xdg");
    let home = tmp.path().join("home");

    let first = run(&[
        ("AORTA_DATA_DIR", &aorta),
        ("XDG_DATA_HOME", &xdg),
        ("HOME", &home),
    ]);
    let first = first.fails_with(&["/x/y", "not found"]);
    assert!(
        first.stderr.contains(&format!(
            "data directory: {} ($AORTA_DATA_DIR)",
            aorta.display()
        )),
        "{}",
        first.stderr
    );
    let second = run(&[("XDG_DATA_HOME", &xdg), ("HOME", &home)]).fails_with(&["not found"]);
    assert!(
        second.stderr.contains(&format!(
            "data directory: {} ($XDG_DATA_HOME/aorta)",
            xdg.join("aorta").display()
        )),
        "{}",
        second.stderr
    );
    let third = run(&[("HOME", &home)]).fails_with(&["not found"]);
    let under_home = home.join(".local/share/aorta");
    assert!(
        third
            .stderr
            .contains(&format!("data directory: {}", under_home.display())),
        "{}",
        third.stderr
    );
    for dir in [&aorta, &xdg.join("aorta"), &under_home] {
        assert!(
            dir.join("aorta.meta").exists(),
            "{} was not used",
            dir.display()
        );
    }
}

#[test]
fn json_logs_carry_level_and_rfc3339_timestamp() {
    let tmp = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .arg("--data-dir")
        .arg(tmp.path())
        .args([
            "--log-format",
            "json",
            "--shards",
            "1",
            "put",
            "/j",
            "a",
            "--type",
            "t",
        ])
        .env("RUST_LOG", "info")
        .output()
        .expect("running aorta-engine");
    let run = Run::from(output).ok();
    let events: Vec<serde_json::Value> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?} is not JSON: {e}")))
        .collect();
    assert!(!events.is_empty(), "no JSON log lines in:\n{}", run.stderr);
    for event in &events {
        let level = event["level"]
            .as_str()
            .unwrap_or_else(|| panic!("no level in {event}"));
        assert!(
            ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"].contains(&level),
            "{event}"
        );
        let timestamp = event["timestamp"]
            .as_str()
            .unwrap_or_else(|| panic!("no timestamp in {event}"));
        assert!(is_rfc3339(timestamp), "{timestamp:?} is not RFC 3339");
    }
    assert!(
        events
            .iter()
            .any(|e| e["fields"]["message"] == "engine opened"),
        "{}",
        run.stderr
    );
}

/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`.
fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        range
            .clone()
            .all(|i| b.get(i).is_some_and(u8::is_ascii_digit))
    };
    if b.len() < 20
        || !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        || !(b[10] == b'T' || b[10] == b't')
        || !(digits(11..13) && b[13] == b':' && digits(14..16) && b[16] == b':' && digits(17..19))
    {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let end = frac
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(frac.len());
        if end == 0 {
            return false;
        }
        rest = &frac[end..];
    }
    let z = rest.as_bytes();
    rest == "Z"
        || rest == "z"
        || (z.len() == 6
            && (z[0] == b'+' || z[0] == b'-')
            && z[1..3].iter().all(u8::is_ascii_digit)
            && z[3] == b':'
            && z[4..6].iter().all(u8::is_ascii_digit))
}
