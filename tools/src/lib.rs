//! Support code for the `aorta-engine` command-line tool, shared with its tests: where the data
//! directory is, how a resource is shown, and the deterministic workload of `write-loop`.

use std::fmt::Write as _;
use std::path::PathBuf;

use aorta_engine::Resource;

/// The data directory to use when `--data-dir` is not given, and where the choice came from
/// (`aorta_engine::data_dir::default_data_dir`'s rule, over this process's environment).
pub fn default_data_dir() -> Option<(PathBuf, &'static str)> {
    aorta_engine::data_dir::default_data_dir(&|name| std::env::var_os(name))
}

/// An error and its causes, `: `-separated, leaving out a cause whose text the message before it
/// already includes (the engine's and the client's errors show their source themselves): what
/// both CLIs print.
pub fn describe(error: &anyhow::Error) -> String {
    let mut text = String::new();
    let mut previous = String::new();
    for cause in error.chain() {
        let message = cause.to_string();
        if !previous.contains(&message) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&message);
        }
        previous = message;
    }
    text
}

/// `data` as text when it is UTF-8 (quoted, escaped), else its length and leading bytes in hex.
pub fn show_data(data: &[u8]) -> String {
    match std::str::from_utf8(data) {
        Ok(text) => format!("{text:?}"),
        Err(_) => {
            let mut hex = String::new();
            for byte in data.iter().take(32) {
                let _ = write!(hex, "{byte:02x}");
            }
            let more = if data.len() > 32 { "…" } else { "" };
            format!("<{} bytes, not UTF-8: {hex}{more}>", data.len())
        }
    }
}

/// Every field of a resource, one per line, for the CLI.
pub fn show_resource(resource: &Resource) -> String {
    let tags = if resource.tags.is_empty() {
        "-".to_string()
    } else {
        resource
            .tags
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let owner = if resource.owner.is_empty() {
        "-"
    } else {
        &resource.owner
    };
    format!(
        "{key}\n  id:         {id}\n  type:       {kind}\n  apiVersion: {api}\n  revision:   {rev}\n  created_ms: {created}\n  owner:      {owner}\n  tags:       {tags}\n  cost:       {cost}\n  data:       {data}\n",
        key = resource.key(),
        id = resource.id,
        kind = resource.kind,
        api = resource.api_version,
        rev = resource.revision,
        created = resource.created_ms,
        cost = resource.cost,
        data = show_data(&resource.data),
    )
}

/// The workload of `aorta-engine write-loop`: every write is a function of its run, writer and
/// sequence number, so a checker can tell exactly what an acknowledged write must contain.
pub mod workload {
    use std::fmt::Write as _;

    use aorta_engine::{Resource, ResourceSpec};

    /// The type of every write-loop resource.
    pub const KIND: &str = "aorta.test/write-loop";

    /// One write of the write loop.
    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
    pub struct WriteKey {
        pub run: String,
        pub writer: u32,
        pub seq: u64,
    }

    impl WriteKey {
        pub fn new(run: &str, writer: u32, seq: u64) -> Self {
            WriteKey {
                run: run.into(),
                writer,
                seq,
            }
        }

        /// `/kill/n{(writer + seq) % namespace_count}`.
        pub fn namespace(&self, namespace_count: u32) -> String {
            let n = (self.writer as u64 + self.seq) % namespace_count.max(1) as u64;
            format!("/kill/n{n}")
        }

        /// `{run}-w{writer}-{seq}`.
        pub fn name(&self) -> String {
            format!("{}-w{}-{}", self.run, self.writer, self.seq)
        }

        /// Parses a name made by [`WriteKey::name`].
        pub fn parse_name(name: &str) -> Option<Self> {
            let (rest, seq) = name.rsplit_once('-')?;
            let (run, writer) = rest.rsplit_once("-w")?;
            Some(WriteKey {
                run: run.into(),
                writer: writer.parse().ok()?,
                seq: seq.parse().ok()?,
            })
        }

        /// What the writer commits for this key.
        pub fn spec(&self, namespace_count: u32) -> ResourceSpec {
            let namespace = self.namespace(namespace_count);
            let name = self.name();
            let data = payload(&namespace, &name);
            ResourceSpec::new(&namespace, &name, KIND)
                .with_tag("writer", &self.writer.to_string())
                .with_tag("seq", &self.seq.to_string())
                .with_data(data)
        }

        /// Checks that a stored resource holds exactly what [`WriteKey::spec`] wrote.
        pub fn check(&self, namespace_count: u32, resource: &Resource) -> Result<(), String> {
            let spec = self.spec(namespace_count);
            let mut wrong = Vec::new();
            if resource.namespace != spec.namespace {
                wrong.push("namespace");
            }
            if resource.name != spec.name {
                wrong.push("name");
            }
            if resource.kind != spec.kind {
                wrong.push("type");
            }
            if resource.api_version != spec.api_version {
                wrong.push("apiVersion");
            }
            if resource.owner != spec.owner {
                wrong.push("owner");
            }
            if resource.cost != spec.cost {
                wrong.push("cost");
            }
            if resource.tags != spec.tags {
                wrong.push("tags");
            }
            if resource.data != spec.data {
                wrong.push("data");
            }
            if !payload_is_intact(&resource.data) {
                wrong.push("data checksum");
            }
            if wrong.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "{} has wrong {}: stored {resource:?}, expected {spec:?}",
                    spec.key(),
                    wrong.join(", ")
                ))
            }
        }
    }

    fn fnv1a64(bytes: &[u8]) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325u64;
        for &b in bytes {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash
    }

    fn splitmix64(x: &mut u64) -> u64 {
        *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// About 270 bytes of text derived from the key, ending in ` sum=` and the FNV-1a of the rest.
    pub fn payload(namespace: &str, name: &str) -> Vec<u8> {
        let key = aorta_engine::resource::key_of(namespace, name);
        let mut state = fnv1a64(key.as_bytes());
        let mut text = format!("write-loop {key} payload=");
        for _ in 0..12 {
            let _ = write!(text, "{:016x}", splitmix64(&mut state));
        }
        let sum = fnv1a64(text.as_bytes());
        let _ = write!(text, " sum={sum:016x}");
        text.into_bytes()
    }

    /// Whether a payload's trailing checksum matches the text before it.
    pub fn payload_is_intact(data: &[u8]) -> bool {
        let Ok(text) = std::str::from_utf8(data) else {
            return false;
        };
        let Some((body, sum)) = text.rsplit_once(" sum=") else {
            return false;
        };
        u64::from_str_radix(sum, 16).ok() == Some(fnv1a64(body.as_bytes()))
    }

    /// A line `ack <namespace> <name> <position>` of `write-loop`'s stdout.
    pub fn parse_ack(line: &str) -> Option<(String, String, u64)> {
        let mut parts = line.split(' ');
        if parts.next()? != "ack" {
            return None;
        }
        let namespace = parts.next()?.to_string();
        let name = parts.next()?.to_string();
        let position = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Some((namespace, name, position))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn names_parse_back_and_payloads_check() {
            let key = WriteKey::new("r12-x", 3, 41);
            assert_eq!(WriteKey::parse_name(&key.name()), Some(key.clone()));
            let spec = key.spec(5);
            spec.validate().unwrap();
            assert!(payload_is_intact(&spec.data));
            let mut bad = spec.data.clone();
            bad[30] ^= 1;
            assert!(!payload_is_intact(&bad));
            assert!((200..400).contains(&spec.data.len()));
            assert_eq!(
                parse_ack("ack /kill/n1 r-w0-1 17"),
                Some(("/kill/n1".into(), "r-w0-1".into(), 17))
            );
            assert_eq!(parse_ack("ack /kill/n1 r-w0-1"), None);
        }
    }
}
