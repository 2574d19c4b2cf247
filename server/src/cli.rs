//! `aortad`'s command line: `--config FILE` and one flag per setting, each also read from its
//! `AORTA_*` environment variable (clap's `env`). [`parse_from`] keeps which values came from the
//! environment, so that the resolved configuration can say where each value came from.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{CommandFactory as _, FromArgMatches as _, Parser};

use crate::config::{self, ConfigError, Layers, Resolved, Settings, Surroundings};

#[derive(Debug, Parser)]
#[command(
    name = "aortad",
    version,
    about = "The Aorta node: the storage engine served over QUIC (ALPN aorta/1)",
    long_about = "The Aorta node: the storage engine served over QUIC (ALPN aorta/1).\n\n\
        With no arguments it listens on 127.0.0.1:7700 (UDP) and keeps its data in the default \
        data directory, where the first start makes a self-signed certificate and a cluster key \
        (mode 0600), and logs where they are. A client proves it knows the cluster key on its \
        first stream, then sends requests and subscriptions on others (docs/protocol.md); a \
        refused or closed connection gets an error code and a reason (docs/operations.md).",
    after_help = "Each setting is read from its flag, else its AORTA_* environment variable, else \
        the --config file (same names in snake_case, e.g. connections_max = 100), else its default.\n\
        SIGTERM or SIGINT: stop accepting, let connections finish (shutdown_grace_ms), close them \
        (code 22, Unavailable), close the engine, exit 0. Full reference: docs/operations.md."
)]
pub struct Cli {
    /// TOML configuration file; flags and AORTA_* variables override its values
    #[arg(long, env = "AORTA_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub settings: Settings,
}

/// The command line as parsed, and which settings came from environment variables.
#[derive(Debug)]
pub struct Parsed {
    pub cli: Cli,
    pub from_environment: BTreeSet<String>,
}

/// Parses `args` (the program name first); clap's error prints usage or help.
pub fn parse_from<I, T>(args: I) -> Result<Parsed, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = Cli::command().try_get_matches_from(args)?;
    let cli = Cli::from_arg_matches(&matches)?;
    let from_environment = matches
        .ids()
        .filter(|id| matches.value_source(id.as_str()) == Some(ValueSource::EnvVariable))
        .map(|id| id.as_str().to_string())
        .collect();
    Ok(Parsed {
        cli,
        from_environment,
    })
}

/// Reads the configuration file if one is named, then resolves every setting. Touches no disk
/// but to read that file.
pub fn resolve(parsed: &Parsed, surroundings: &Surroundings<'_>) -> Result<Resolved, ConfigError> {
    let file = match &parsed.cli.config {
        Some(path) => Some(config::read_file(path)?),
        None => None,
    };
    let from_environment = |key: &str| parsed.from_environment.contains(key);
    config::resolve(
        &Layers {
            command_line: &parsed.cli.settings,
            from_environment: &from_environment,
            file: file.as_ref(),
        },
        surroundings,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::defaults;

    #[test]
    fn the_help_states_every_default() {
        let help = Cli::command().render_long_help().to_string();
        let expected = [
            defaults::LISTEN.to_string(),
            defaults::LOG_FILTER.to_string(),
            defaults::TLS_NAMES.join(","),
            defaults::CONNECTIONS_MAX.to_string(),
            defaults::STREAMS_PER_CONNECTION_MAX.to_string(),
            defaults::IDLE_TIMEOUT_MS.to_string(),
            defaults::KEEP_ALIVE_INTERVAL_MS.to_string(),
            defaults::FRAME_BYTES_MAX.to_string(),
            defaults::REQUESTS_IN_FLIGHT_MAX.to_string(),
            defaults::REQUEST_BYTES_IN_FLIGHT_MAX.to_string(),
            defaults::SHUTDOWN_GRACE_MS.to_string(),
            defaults::UDP_RECEIVE_BUFFER_BYTES.to_string(),
            defaults::UDP_SEND_BUFFER_BYTES.to_string(),
            defaults::HANDSHAKE_TIMEOUT_MS.to_string(),
            defaults::HISTORY_CHANGES_MAX.to_string(),
            defaults::HISTORY_BYTES_MAX.to_string(),
            defaults::HISTORY_AGE_MS.to_string(),
            defaults::MEMTABLE_BYTES_MAX.to_string(),
        ];
        for default in expected {
            assert!(
                help.contains(&format!("[default: {default}]")),
                "--help lacks [default: {default}]:\n{help}"
            );
        }
    }

    /// The close codes the help names are the ones the node sends.
    #[test]
    fn the_help_names_the_close_codes_the_node_sends() {
        use crate::service::close_code;
        let help = Cli::command().render_long_help().to_string();
        let shutting_down = close_code::SHUTTING_DOWN.into_inner();
        let too_many = close_code::TOO_MANY_CONNECTIONS.into_inner();
        assert!(
            help.contains(&format!("close them (code {shutting_down}, Unavailable)")),
            "{help}"
        );
        assert!(
            help.contains(&format!("refused with code {too_many} (Overloaded)")),
            "{help}"
        );
        assert!(!help.contains("not served yet"), "{help}");
    }

    #[test]
    fn flags_parse_and_the_environment_is_told_apart() {
        // The environment of this test process has no AORTA_* variables set by the suite.
        let parsed = parse_from([
            "aortad",
            "--listen",
            "127.0.0.1:0",
            "--tls-names",
            "a.example,10.0.0.1",
            "--log-format",
            "json",
        ])
        .unwrap();
        assert_eq!(
            parsed.cli.settings.listen,
            Some("127.0.0.1:0".parse().unwrap())
        );
        assert_eq!(
            parsed.cli.settings.tls_names,
            Some(vec!["a.example".to_string(), "10.0.0.1".to_string()])
        );
        assert!(!parsed.from_environment.contains("listen"));
        assert!(parse_from(["aortad", "--connections-max", "many"]).is_err());
    }
}
