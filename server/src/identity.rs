//! The node's secrets in its data directory: a self-signed TLS certificate with its private key,
//! and the 32-byte cluster key that clients will present. Made on first start, reused after.
//!
//! Invariants: every file this module writes has mode 0600 and appears whole (temp file, fsync,
//! rename, directory fsync); a file found group- or world-accessible, not a regular file, or not
//! in its format is refused, never repaired or replaced. The certificate is written after its
//! key, so the certificate's presence means the pair is whole: a key without its certificate is
//! what a crash between the two writes leaves, and is made again.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use ring::rand::SecureRandom as _;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

pub const CERTIFICATE_FILE: &str = "node.cert.pem";
pub const PRIVATE_KEY_FILE: &str = "node.key.pem";
pub const CLUSTER_KEY_FILE: &str = "cluster.key";
pub const CLUSTER_KEY_BYTES: usize = 32;

/// The shared secret every client proves it knows in the handshake (`protocol::control`). Its
/// `Debug` never shows the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct ClusterKey(pub [u8; CLUSTER_KEY_BYTES]);

impl fmt::Debug for ClusterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClusterKey(<secret>)")
    }
}

impl ClusterKey {
    /// The file's text: 64 lowercase hex digits and a newline (copyable into a client's
    /// configuration).
    pub fn to_text(&self) -> String {
        let mut text: String = self.0.iter().map(|b| format!("{b:02x}")).collect();
        text.push('\n');
        text
    }

    /// Parses [`ClusterKey::to_text`]; surrounding whitespace is allowed.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let hex = text.trim();
        if hex.len() != 2 * CLUSTER_KEY_BYTES || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "expected {} hex digits, found {} characters",
                2 * CLUSTER_KEY_BYTES,
                hex.len()
            ));
        }
        let mut key = [0u8; CLUSTER_KEY_BYTES];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|e| e.to_string())?;
        }
        Ok(ClusterKey(key))
    }
}

/// The node's certificate, key and cluster key, where they are, and which were made just now.
#[derive(Debug)]
pub struct NodeIdentity {
    pub certificate: CertificateDer<'static>,
    pub private_key: PrivateKeyDer<'static>,
    pub cluster_key: ClusterKey,
    pub certificate_path: PathBuf,
    pub private_key_path: PathBuf,
    pub cluster_key_path: PathBuf,
    /// SHA-256 of the certificate's DER, as `openssl x509 -fingerprint -sha256` prints it.
    pub fingerprint: String,
    pub certificate_generated: bool,
    pub cluster_key_generated: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error(
        "{path} has mode {mode:04o}: it must not be readable or writable by group or others; \
         check who could have read it, then `chmod 600 {path}`"
    )]
    NotPrivate { path: PathBuf, mode: u32 },
    #[error("{path} is not a regular file")]
    NotAFile { path: PathBuf },
    #[error("{path} is malformed: {reason}; move it away to have a new one made (clients that trusted the old one must be updated)")]
    Malformed { path: PathBuf, reason: String },
    #[error("the system's random number generator failed")]
    Random,
    #[error("generating the node certificate: {0}")]
    Generate(#[from] rcgen::Error),
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> IdentityError {
    let path = path.to_owned();
    move |source| IdentityError::Io {
        action,
        path,
        source,
    }
}

/// Makes `dir` (mode 0700) if it does not exist, and syncs its parent so the entry is durable.
pub fn ensure_data_dir(dir: &Path) -> Result<(), IdentityError> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io_error("creating the data directory", dir))?;
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Loads the node's identity from `data_dir`, making what is missing (a certificate valid for
/// `tls_names`, a random cluster key).
pub fn load_or_create(
    data_dir: &Path,
    tls_names: &[String],
) -> Result<NodeIdentity, IdentityError> {
    let certificate_path = data_dir.join(CERTIFICATE_FILE);
    let private_key_path = data_dir.join(PRIVATE_KEY_FILE);
    let cluster_key_path = data_dir.join(CLUSTER_KEY_FILE);

    let certificate_generated = read_private(&certificate_path)?.is_none();
    if certificate_generated {
        let params = rcgen::CertificateParams::new(tls_names.to_vec())?;
        let key_pair = rcgen::KeyPair::generate()?;
        let certificate = params.self_signed(&key_pair)?;
        write_private(&private_key_path, key_pair.serialize_pem().as_bytes())?;
        write_private(&certificate_path, certificate.pem().as_bytes())?;
    }
    let certificate = parse_certificate(&certificate_path)?;
    let private_key = parse_private_key(&private_key_path)?;

    let cluster_key_generated = read_private(&cluster_key_path)?.is_none();
    if cluster_key_generated {
        let mut key = [0u8; CLUSTER_KEY_BYTES];
        ring::rand::SystemRandom::new()
            .fill(&mut key)
            .map_err(|_| IdentityError::Random)?;
        write_private(&cluster_key_path, ClusterKey(key).to_text().as_bytes())?;
    }
    let cluster_key = {
        let bytes = read_private(&cluster_key_path)?.unwrap_or_default();
        let text = String::from_utf8(bytes).map_err(|_| IdentityError::Malformed {
            path: cluster_key_path.clone(),
            reason: "not text".into(),
        })?;
        ClusterKey::from_text(&text).map_err(|reason| IdentityError::Malformed {
            path: cluster_key_path.clone(),
            reason,
        })?
    };

    Ok(NodeIdentity {
        fingerprint: fingerprint(&certificate),
        certificate,
        private_key,
        cluster_key,
        certificate_path,
        private_key_path,
        cluster_key_path,
        certificate_generated,
        cluster_key_generated,
    })
}

/// SHA-256 of a certificate's DER, uppercase hex pairs joined by `:`.
pub fn fingerprint(certificate: &CertificateDer<'_>) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, certificate.as_ref());
    digest
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn parse_certificate(path: &Path) -> Result<CertificateDer<'static>, IdentityError> {
    let bytes = read_private(path)?.unwrap_or_default();
    let malformed = |reason: String| IdentityError::Malformed {
        path: path.to_owned(),
        reason,
    };
    let mut certificates = Vec::new();
    for certificate in CertificateDer::pem_slice_iter(&bytes) {
        certificates.push(certificate.map_err(|e| malformed(e.to_string()))?);
    }
    match certificates.len() {
        1 => Ok(certificates.remove(0)),
        n => Err(malformed(format!(
            "expected one PEM certificate, found {n}"
        ))),
    }
}

fn parse_private_key(path: &Path) -> Result<PrivateKeyDer<'static>, IdentityError> {
    match read_private(path)? {
        None => Err(IdentityError::Malformed {
            path: path.to_owned(),
            reason: format!("missing, while {CERTIFICATE_FILE} exists"),
        }),
        Some(bytes) => {
            PrivateKeyDer::from_pem_slice(&bytes).map_err(|e| IdentityError::Malformed {
                path: path.to_owned(),
                reason: format!("no PEM private key: {e}"),
            })
        }
    }
}

/// The file's bytes, `None` if it does not exist; refused if it is not a private regular file.
pub fn read_private(path: &Path) -> Result<Option<Vec<u8>>, IdentityError> {
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("reading", path)(e)),
    };
    if !metadata.is_file() {
        return Err(IdentityError::NotAFile {
            path: path.to_owned(),
        });
    }
    let mode = metadata.permissions().mode() & 0o7777;
    if mode & 0o077 != 0 {
        return Err(IdentityError::NotPrivate {
            path: path.to_owned(),
            mode,
        });
    }
    fs::read(path).map(Some).map_err(io_error("reading", path))
}

/// Writes `contents` to `path` with mode 0600 so that it appears whole or not at all: a temp
/// file beside it, fsync, rename over, fsync of the directory.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), IdentityError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp_name = path.file_name().unwrap_or_default().to_owned();
    temp_name.push(".tmp");
    let temp = dir.join(temp_name);
    // A temp file left by a crash is garbage: it was never renamed, so never used.
    match fs::remove_file(&temp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(io_error("removing the stale", &temp)(e))
        }
        _ => {}
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temp)
        .map_err(io_error("creating", &temp))?;
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(io_error("writing", &temp))?;
    drop(file);
    fs::rename(&temp, path).map_err(io_error("renaming into place", path))?;
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> Result<(), IdentityError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error("syncing the directory", dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        vec!["localhost".into(), "127.0.0.1".into()]
    }

    #[test]
    fn the_first_load_makes_private_files_and_the_second_reuses_them() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(dir.path(), &names()).unwrap();
        assert!(first.certificate_generated && first.cluster_key_generated);
        for path in [
            &first.certificate_path,
            &first.private_key_path,
            &first.cluster_key_path,
        ] {
            let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
        let second = load_or_create(dir.path(), &names()).unwrap();
        assert!(!second.certificate_generated && !second.cluster_key_generated);
        assert_eq!(second.certificate, first.certificate);
        assert_eq!(second.cluster_key, first.cluster_key);
        assert_eq!(second.fingerprint, first.fingerprint);
        assert_eq!(first.fingerprint.len(), 32 * 3 - 1);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_key_without_its_certificate_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(dir.path(), &names()).unwrap();
        fs::remove_file(&first.certificate_path).unwrap();
        let second = load_or_create(dir.path(), &names()).unwrap();
        assert!(second.certificate_generated);
        assert_ne!(second.certificate, first.certificate);
        assert_eq!(second.cluster_key, first.cluster_key);
    }

    #[test]
    fn readable_or_malformed_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let identity = load_or_create(dir.path(), &names()).unwrap();
        let key = &identity.cluster_key_path;
        fs::set_permissions(key, fs::Permissions::from_mode(0o640)).unwrap();
        let error = load_or_create(dir.path(), &names()).unwrap_err();
        assert!(
            matches!(error, IdentityError::NotPrivate { mode: 0o640, .. }),
            "{error}"
        );
        assert!(error.to_string().contains("chmod 600"), "{error}");

        fs::set_permissions(key, fs::Permissions::from_mode(0o600)).unwrap();
        fs::write(key, "abc\n").unwrap();
        let error = load_or_create(dir.path(), &names()).unwrap_err();
        assert!(matches!(error, IdentityError::Malformed { .. }), "{error}");

        fs::write(&identity.certificate_path, "not a certificate").unwrap();
        let error = load_or_create(dir.path(), &names()).unwrap_err();
        assert!(error.to_string().contains(CERTIFICATE_FILE), "{error}");
    }

    #[test]
    fn cluster_keys_round_trip_as_text_and_never_show_in_debug() {
        let key = ClusterKey([0xab; CLUSTER_KEY_BYTES]);
        assert_eq!(ClusterKey::from_text(&key.to_text()).unwrap(), key);
        assert!(ClusterKey::from_text("zz").is_err());
        assert!(!format!("{key:?}").contains("ab"));
    }
}
