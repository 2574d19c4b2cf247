//! Where a node's data lives when nobody says: one rule for every program that finds it (`aortad`,
//! the `aorta` and `aorta-engine` CLIs, the Rust client), so that they agree without a
//! configuration file.

use std::ffi::OsString;
use std::path::PathBuf;

/// The data directory when none is given, and the rule that chose it: `$AORTA_DATA_DIR`, else
/// `$XDG_DATA_HOME/aorta`, else `$HOME/.local/share/aorta` (empty values count as unset). `env`
/// reads a variable (`std::env::var_os` in production, a table in tests). `None` if none is set.
pub fn default_data_dir(env: &dyn Fn(&str) -> Option<OsString>) -> Option<(PathBuf, &'static str)> {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    if let Some(dir) = set("AORTA_DATA_DIR") {
        return Some((dir.into(), "$AORTA_DATA_DIR"));
    }
    if let Some(dir) = set("XDG_DATA_HOME") {
        return Some((PathBuf::from(dir).join("aorta"), "$XDG_DATA_HOME/aorta"));
    }
    set("HOME").map(|home| {
        (
            PathBuf::from(home).join(".local/share/aorta"),
            "$HOME/.local/share/aorta",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name: &str| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.into())
        }
    }

    #[test]
    fn the_rule_takes_the_first_variable_set() {
        let all = env(&[
            ("AORTA_DATA_DIR", "/a"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ]);
        assert_eq!(
            default_data_dir(&all),
            Some((PathBuf::from("/a"), "$AORTA_DATA_DIR"))
        );
        let xdg = env(&[
            ("AORTA_DATA_DIR", ""),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ]);
        assert_eq!(default_data_dir(&xdg).unwrap().0, PathBuf::from("/x/aorta"));
        let home = env(&[("HOME", "/h")]);
        assert_eq!(
            default_data_dir(&home).unwrap().0,
            PathBuf::from("/h/.local/share/aorta")
        );
        assert!(default_data_dir(&env(&[])).is_none());
    }
}
