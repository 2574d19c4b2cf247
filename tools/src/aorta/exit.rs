//! The `aorta` CLI's exit codes: one per thing a script does something different about.

use aorta_client::ErrorKind;

/// The request did what was asked.
pub const OK: i32 = 0;
/// The node failed, or broke the protocol.
pub const FAILED: i32 = 1;
/// The command line, a file it names, or the request breaks a rule (clap's usage errors are 2 too).
pub const BAD_INPUT: i32 = 2;
/// The key or id is not there (`get`, `delete`, `update`).
pub const NOT_FOUND: i32 = 3;
/// A condition did not hold: the key exists, or its revision moved on.
pub const CONFLICT: i32 = 4;
/// The cluster key or a command filter refused.
pub const DENIED: i32 = 5;
/// The node could not be reached or could not answer now: retry later.
pub const UNAVAILABLE: i32 = 6;
/// A position asked for is past the node's history: list again, then watch from there.
pub const COMPACTED: i32 = 7;

/// What `aorta --help` says about them.
pub const HELP: &str = "\
Exit codes:
  0  ok
  1  the node failed, or broke the protocol
  2  bad input: the command line, a file it names (a missing certificate or cluster key file
     too), or a request the node refused as invalid
  3  not found: the key or id is not there
  4  conflict: the key exists, or its revision moved on (--expect-revision)
  5  denied: wrong cluster key, or a command filter refused
  6  unavailable: the node could not be reached or could not answer now; retry later
  7  compacted: the position asked for is past the node's history

Connection: --address (AORTA_ADDRESS, default 127.0.0.1:7700); the node's certificate and cluster
key from --certificate and --cluster-key-file (AORTA_CERTIFICATE, AORTA_CLUSTER_KEY_FILE), else
node.cert.pem and cluster.key in the data directory: --data-dir, else $AORTA_DATA_DIR, else
$XDG_DATA_HOME/aorta, else $HOME/.local/share/aorta (aortad's rule).";

/// The exit code of a client error.
pub fn of_kind(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::NotFound => NOT_FOUND,
        ErrorKind::Conflict => CONFLICT,
        ErrorKind::Denied => DENIED,
        ErrorKind::Unavailable => UNAVAILABLE,
        ErrorKind::InvalidInput => BAD_INPUT,
        ErrorKind::Compacted => COMPACTED,
        ErrorKind::Protocol | ErrorKind::Internal => FAILED,
    }
}

/// The name of a kind in `--json` errors.
pub fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "not_found",
        ErrorKind::Conflict => "conflict",
        ErrorKind::Denied => "denied",
        ErrorKind::Unavailable => "unavailable",
        ErrorKind::InvalidInput => "bad_input",
        ErrorKind::Compacted => "compacted",
        ErrorKind::Protocol => "protocol",
        ErrorKind::Internal => "failed",
    }
}
