//! `drop_cached_pages` on the production storage (`POSIX_FADV_DONTNEED`) only evicts clean pages:
//! synced bytes read back the same from the device afterwards, and unsynced (dirty) bytes are not
//! dropped either. What it is for (bytes a failed sync left clean but not on disk) cannot be staged
//! on a healthy disk; the simulated disk's tests cover that.

use aorta_engine::storage::uring::UringStorage;
use aorta_engine::storage::Storage;

#[test]
fn synced_and_dirty_bytes_read_back_the_same_after_dropping_cached_pages() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut storage = UringStorage::new().expect("an io_uring");
    let file = storage.open(&dir.path().join("log"), true).unwrap();
    let synced: Vec<u8> = (0..3 * 4096u32).map(|i| (i % 251) as u8).collect();
    storage.write_and_sync(file, 0, &synced).unwrap();
    storage
        .write_at(file, synced.len() as u64, b"dirty")
        .unwrap();

    storage.drop_cached_pages(file).unwrap();

    let mut expected = synced.clone();
    expected.extend_from_slice(b"dirty");
    assert_eq!(storage.read_all(file).unwrap(), expected);
}
