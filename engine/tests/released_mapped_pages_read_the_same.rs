//! Releasing a mapped file's pages (`FileBytes::release_resident`, what the engine does past its
//! `mapped_resident_bytes_max`) takes them out of the process's resident set and changes no byte a
//! reader sees. Real files, the production storage's map; one test in its own process, so that the
//! process-wide resident figure moves only by what it does.

use aorta_engine::resident::mapped_resident_bytes;
use aorta_engine::storage::uring::UringStorage;
use aorta_engine::storage::Storage;

const FILE_BYTES: usize = 64 * 1024 * 1024;
const MIB: u64 = 1024 * 1024;

fn touch(bytes: &[u8]) -> u64 {
    bytes.iter().step_by(4096).map(|&b| b as u64).sum::<u64>() + bytes[bytes.len() - 1] as u64
}

#[test]
fn released_pages_leave_the_resident_set_and_read_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table");
    let content: Vec<u8> = (0..FILE_BYTES).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&path, &content).unwrap();
    let mut storage = UringStorage::new().unwrap();
    let mapped = storage.map_file(&path).unwrap();

    let before = mapped_resident_bytes().unwrap();
    let sum = touch(&mapped);
    let touched = mapped_resident_bytes().unwrap();
    assert!(
        touched >= before + 60 * MIB,
        "reading a 64 MiB map makes it resident: {} -> {} MiB",
        before / MIB,
        touched / MIB
    );

    mapped.release_resident();
    let released = mapped_resident_bytes().unwrap();
    assert!(
        released + 60 * MIB <= touched,
        "released pages leave the resident set: {} -> {} MiB",
        touched / MIB,
        released / MIB
    );
    assert_eq!(touch(&mapped), sum);
    assert!(
        mapped[..] == content[..],
        "every byte reads the same after the release"
    );
}
