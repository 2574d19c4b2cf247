//! Log lines on stderr: human-readable on a terminal, JSON otherwise (or when asked), both stamped
//! with the system time in RFC 3339, UTC (tracing-subscriber's default timer), JSON ones with
//! `level` and `timestamp` fields as the design asks.

use std::io::IsTerminal as _;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Whether `format` writes JSON when stderr is (or is not) a terminal.
pub fn writes_json(format: LogFormat, stderr_is_terminal: bool) -> bool {
    match format {
        LogFormat::Json => true,
        LogFormat::Text => false,
        LogFormat::Auto => !stderr_is_terminal,
    }
}

/// Installs the global subscriber. `filter` was checked when the configuration was resolved.
pub fn init(format: LogFormat, filter: &str) {
    let terminal = std::io::stderr().is_terminal();
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(terminal && std::env::var_os("NO_COLOR").is_none());
    if writes_json(format, terminal) {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_is_text_on_a_terminal_and_json_elsewhere() {
        assert!(!writes_json(LogFormat::Auto, true));
        assert!(writes_json(LogFormat::Auto, false));
        assert!(writes_json(LogFormat::Json, true));
        assert!(!writes_json(LogFormat::Text, false));
    }
}
