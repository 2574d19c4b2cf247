//! Every bound the engine enforces, in one place. Input beyond a limit is rejected with a typed error
//! that names the limit and the value; nothing is written. `docs/architecture.md` lists them.

/// Bytes of a namespace path, `/` separators included.
pub const NAMESPACE_BYTES_MAX: usize = 256;
/// Segments of a namespace path (`/apps/web/tasks` has 3).
pub const NAMESPACE_DEPTH_MAX: usize = 16;
/// Bytes of one namespace segment or of a resource name.
pub const SEGMENT_BYTES_MAX: usize = 63;
/// Bytes of a resource name.
pub const NAME_BYTES_MAX: usize = 253;
/// Bytes of a type identifier, an owner, or an apiVersion.
pub const TYPE_BYTES_MAX: usize = 128;
pub const OWNER_BYTES_MAX: usize = 128;
pub const API_VERSION_BYTES_MAX: usize = 64;
/// Tags on one resource, and the bytes of a tag key and value.
pub const TAG_COUNT_MAX: usize = 64;
pub const TAG_KEY_BYTES_MAX: usize = 63;
pub const TAG_VALUE_BYTES_MAX: usize = 256;
/// Bytes of a resource's opaque data.
pub const DATA_BYTES_MAX: usize = 1024 * 1024;
/// Commands in one batch.
pub const BATCH_COMMANDS_MAX: usize = 1024;
/// Encoded bytes of one batch (one WAL record payload).
pub const BATCH_BYTES_MAX: usize = 4 * 1024 * 1024;
/// Bytes of one WAL record payload, any kind. The decoder refuses larger lengths before allocating.
pub const RECORD_PAYLOAD_BYTES_MAX: usize = 8 * 1024 * 1024;
/// Requests waiting in one shard's queue (the default and the largest `queue_capacity`); beyond it a
/// submit gets `Overloaded { budget: Requests }`.
pub const SHARD_QUEUE_REQUESTS_MAX: usize = 16 * 1024;
/// Default bytes waiting in one shard's queue (`queue_bytes_max`): a commit counts its batch's encoded
/// size bound (reads never enter the queue). Beyond it a submit gets `Overloaded { budget: Bytes }`.
/// Without it, 16,384 queued batches of 4 MiB would allow 64 GiB per shard.
pub const SHARD_QUEUE_BYTES_DEFAULT: u64 = 64 * 1024 * 1024;
/// The largest `queue_bytes_max` accepted: a bound on what one shard may hold in memory waiting.
pub const SHARD_QUEUE_BYTES_MAX: u64 = 4 * 1024 * 1024 * 1024;
/// Requests a shard takes into one commit group (one write, one fdatasync), by default.
pub const GROUP_REQUESTS_MAX: usize = 4096;
/// Bytes of requests (counted as in the queue) a shard takes into one group, by default
/// (`group_bytes_max`). A group always takes its first request, so a maximal batch still goes through.
pub const GROUP_BYTES_DEFAULT: u64 = 16 * 1024 * 1024;
/// Shards in one engine.
pub const SHARDS_MAX: usize = 256;
/// Default size at which a WAL segment is closed and a new one started.
pub const SEGMENT_BYTES_DEFAULT: u64 = 64 * 1024 * 1024;
/// The smallest and largest `segment_bytes_max`: below the minimum a busy shard would start a segment
/// (a file, a directory sync) every few records; above the maximum one file holds more than any
/// disk we plan for, and recovery reads it whole.
pub const WAL_SEGMENT_BYTES_MIN: u64 = 16 * 1024;
pub const WAL_SEGMENT_BYTES_MAX: u64 = 1024 * 1024 * 1024 * 1024;

/// Bytes of one sstable key. A resource's table key is at most `RESOURCE_KEY_BYTES_MAX` (511)
/// bytes; the rest leaves room for index keys that embed one. Stored as a u16.
pub const SSTABLE_KEY_BYTES_MAX: usize = 1024;
/// Bytes of a resource's table key (`table::key`): a family byte, the namespace (encoded in as
/// many bytes as its path), a marker and the name.
pub const RESOURCE_KEY_BYTES_MAX: usize = 1 + NAMESPACE_BYTES_MAX + 1 + NAME_BYTES_MAX;
/// Bytes of a user key (a resource, id or index key) in a table: an sstable key less the 9-byte
/// version suffix (`table::version`) that makes it an internal key.
pub const TABLE_USER_KEY_BYTES_MAX: usize = SSTABLE_KEY_BYTES_MAX - 9;
/// Bytes of one sstable value: a resource (data ≤ 1 MiB plus its fields) always fits in a batch, so
/// in this. Stored as a u32.
pub const SSTABLE_VALUE_BYTES_MAX: usize = 4 * 1024 * 1024;
/// Default target size of an sstable data block: a block is closed once it reaches this many bytes,
/// so every block but the last is at least this long and at most one entry longer (the engine's
/// writer keeps long-keyed blocks open longer: `sstable::BLOCK_BYTES_PER_INDEX_BYTE`). A point read
/// verifies and scans one block, so smaller blocks cost less per read: 4 KiB against 16 KiB cut an
/// sstable `get` by 37 % (`docs/benchmarks.md`, "Smaller sstable blocks").
pub const SSTABLE_BLOCK_BYTES_DEFAULT: usize = 4 * 1024;
/// The smallest and largest configurable block target. Below the minimum the index would be as large
/// as the data; above the maximum a point read verifies (CRC32C) more than a mebibyte.
pub const SSTABLE_BLOCK_BYTES_MIN: usize = 256;
pub const SSTABLE_BLOCK_BYTES_MAX: usize = 1024 * 1024;
/// Entries (puts and tombstones) in one sstable. The writer keeps 8 bytes per key (its filter hash)
/// until `finish`: at most 128 MiB.
pub const SSTABLE_ENTRIES_MAX: u64 = 1 << 24;
/// Bytes of an sstable's index block (one entry per data block: its last key, offset and length).
pub const SSTABLE_INDEX_BYTES_MAX: usize = 64 * 1024 * 1024;

// A maximal batch must fit in a record, and a maximal resource in a batch.
const _: () = assert!(BATCH_BYTES_MAX <= RECORD_PAYLOAD_BYTES_MAX);
const _: () = assert!(DATA_BYTES_MAX + 64 * 1024 <= BATCH_BYTES_MAX);
const _: () = assert!(GROUP_REQUESTS_MAX <= SHARD_QUEUE_REQUESTS_MAX);
const _: () = assert!(SHARDS_MAX <= u16::MAX as usize);
const _: () = assert!(SEGMENT_BYTES_DEFAULT as usize >= 2 * RECORD_PAYLOAD_BYTES_MAX);
const _: () = assert!(WAL_SEGMENT_BYTES_MIN <= SEGMENT_BYTES_DEFAULT);
const _: () = assert!(SEGMENT_BYTES_DEFAULT <= WAL_SEGMENT_BYTES_MAX);
// Every valid batch fits in an empty queue (open refuses a smaller `queue_bytes_max`), so a commit
// waiting for room always gets it; the defaults keep to the bounds open enforces.
const _: () = assert!(BATCH_BYTES_MAX as u64 <= SHARD_QUEUE_BYTES_DEFAULT);
const _: () = assert!(SHARD_QUEUE_BYTES_DEFAULT <= SHARD_QUEUE_BYTES_MAX);
const _: () = assert!(GROUP_BYTES_DEFAULT <= SHARD_QUEUE_BYTES_DEFAULT);
// Sstables: a resource key fits in a table key; a resource fits in a value; the default block
// target is within its bounds; lengths fit their on-disk fields (u16 key, u32 value and block).
const _: () = assert!(NAMESPACE_BYTES_MAX + 1 + NAME_BYTES_MAX <= SSTABLE_KEY_BYTES_MAX);
const _: () = assert!(SSTABLE_KEY_BYTES_MAX <= u16::MAX as usize);
const _: () = assert!(RESOURCE_KEY_BYTES_MAX <= SSTABLE_KEY_BYTES_MAX);
const _: () = assert!(RESOURCE_KEY_BYTES_MAX <= TABLE_USER_KEY_BYTES_MAX);
const _: () = assert!(DATA_BYTES_MAX + 64 * 1024 <= SSTABLE_VALUE_BYTES_MAX);
const _: () = assert!(SSTABLE_BLOCK_BYTES_MIN <= SSTABLE_BLOCK_BYTES_DEFAULT);
const _: () = assert!(SSTABLE_BLOCK_BYTES_DEFAULT <= SSTABLE_BLOCK_BYTES_MAX);
const _: () = assert!(
    (SSTABLE_BLOCK_BYTES_MAX + SSTABLE_KEY_BYTES_MAX + SSTABLE_VALUE_BYTES_MAX + 16) as u64
        <= u32::MAX as u64
);
const _: () = assert!(SSTABLE_INDEX_BYTES_MAX as u64 <= u32::MAX as u64);
const _: () = assert!(SSTABLE_ENTRIES_MAX <= u32::MAX as u64);

/// The longest a shard thread may poll its empty queue before it sleeps (`EngineConfig::shard_spin`):
/// a spin is CPU taken from everyone else on the core.
pub const SHARD_SPIN_MAX: std::time::Duration = std::time::Duration::from_millis(1);

/// History (`history`): the default horizon of one shard's history of changes (kept on disk in
/// history files, see `history::file`), by count, file bytes and age. An hour lets a subscriber
/// that lost its connection resume without listing again; a gibibyte a shard bounds the disk it
/// takes.
pub const HISTORY_CHANGES_DEFAULT: usize = 1 << 24;
pub const HISTORY_BYTES_DEFAULT: u64 = 1024 * 1024 * 1024;
pub const HISTORY_AGE_MS_DEFAULT: u64 = 60 * 60 * 1000;
/// The largest configurable horizon: 64 Mi changes, 64 GiB, 30 days.
pub const HISTORY_CHANGES_MAX: usize = 1 << 26;
pub const HISTORY_BYTES_MAX: u64 = 64 * 1024 * 1024 * 1024;
pub const HISTORY_AGE_MS_MAX: u64 = 30 * 24 * 60 * 60 * 1000;
/// History files one shard keeps (one per flush): beyond it the oldest is dropped whatever the
/// horizon says, so the manifest and the open files stay bounded.
pub const HISTORY_FILES_MAX: usize = 1024;
/// Estimated bytes of the newest changes a shard keeps in memory beside its history files
/// (`EngineConfig::history_memory_bytes`): reads of that tail never touch a file. Changes not yet in
/// a history file are kept whatever this says (at most the unflushed memtables' changes).
pub const HISTORY_MEMORY_BYTES_DEFAULT: u64 = 64 * 1024 * 1024;
pub const HISTORY_MEMORY_BYTES_MIN: u64 = 1024 * 1024;
pub const HISTORY_MEMORY_BYTES_MAX: u64 = 16 * 1024 * 1024 * 1024;
/// The largest page a history read may ask for, in changes and in estimated bytes. A page holds
/// whole batches, so it may exceed these by one batch (its first) when that batch alone does.
pub const HISTORY_PAGE_CHANGES_MAX: usize = 64 * 1024;
pub const HISTORY_PAGE_BYTES_MAX: u64 = 64 * 1024 * 1024;

const _: () = assert!(HISTORY_CHANGES_DEFAULT <= HISTORY_CHANGES_MAX);
const _: () = assert!(HISTORY_BYTES_DEFAULT <= HISTORY_BYTES_MAX);
const _: () = assert!(HISTORY_AGE_MS_DEFAULT <= HISTORY_AGE_MS_MAX);
// A maximal batch's changes fit in a default horizon, so the newest batch is normally kept within it.
const _: () = assert!(BATCH_COMMANDS_MAX <= HISTORY_CHANGES_DEFAULT);
const _: () = assert!(BATCH_COMMANDS_MAX <= HISTORY_PAGE_CHANGES_MAX);
const _: () = assert!(HISTORY_MEMORY_BYTES_MIN <= HISTORY_MEMORY_BYTES_DEFAULT);
const _: () = assert!(HISTORY_MEMORY_BYTES_DEFAULT <= HISTORY_MEMORY_BYTES_MAX);
// A change in a history file (both resources, its commit time and header) fits one sstable value.
const _: () = assert!(2 * (DATA_BYTES_MAX + 64 * 1024) + 64 <= SSTABLE_VALUE_BYTES_MAX);

/// Tables (`table::store`): the default bytes of a shard's active memtable before it is frozen and
/// flushed to an sstable, and the configurable range. The minimum is for tests that want flushes
/// every few commits (each flush costs a file, three fsyncs and a manifest, so production wants
/// megabytes); the maximum bounds what a restart replays from the WAL tail.
pub const MEMTABLE_BYTES_DEFAULT: u64 = 64 * 1024 * 1024;
/// A shard's recent versions (`recent`) are kept in two generations of `memtable_bytes_max` each,
/// at most this: a node configured with large memtables does not also hold gigabytes of them.
pub const RECENT_GENERATION_BYTES_MAX: u64 = 64 * 1024 * 1024;
pub const MEMTABLE_BYTES_MIN: u64 = 4 * 1024;
pub const MEMTABLE_BYTES_MAX: u64 = 1024 * 1024 * 1024;
/// Frozen memtables waiting for their flush. When the flush falls this far behind, the shard waits
/// for it before it takes the next group (back-pressure), so memory stays at most
/// `(1 + FROZEN_MEMTABLES_MAX) × memtable_bytes`.
pub const FROZEN_MEMTABLES_MAX: usize = 2;
/// Mapped table and history file pages the process keeps resident before the engine releases them
/// to the page cache (`EngineConfig::mapped_resident_bytes_max`, `resident`): an eighth of the 1 GiB
/// a small node might give the engine; the minimum keeps the releases from running at every check.
pub const MAPPED_RESIDENT_BYTES_DEFAULT: u64 = 128 * 1024 * 1024;
pub const MAPPED_RESIDENT_BYTES_MIN: u64 = 16 * 1024 * 1024;
/// Sstables one shard's manifest may name. Tiered compaction keeps far fewer (a few per tier).
pub const TABLES_PER_SHARD_MAX: usize = 4096;

const _: () = assert!(MEMTABLE_BYTES_MIN <= MEMTABLE_BYTES_DEFAULT);
const _: () = assert!(MEMTABLE_BYTES_DEFAULT <= MEMTABLE_BYTES_MAX);
// A full memtable flushes into one sstable: each entry is charged at least 128 bytes
// (`memtable::VERSION_CHARGE_MIN_BYTES`), so a maximal memtable holds at most half the entries a table
// may; the other half is headroom for the group that takes it past its maximum before it is frozen.
const _: () = assert!(
    MEMTABLE_BYTES_MAX / crate::table::memtable::VERSION_CHARGE_MIN_BYTES as u64
        <= SSTABLE_ENTRIES_MAX / 2
);

/// Bytes of a type index key (`table::key`): `t`, the type, 0x00, then a resource key without its
/// family byte.
pub const TYPE_INDEX_KEY_BYTES_MAX: usize = 1 + TYPE_BYTES_MAX + 1 + (RESOURCE_KEY_BYTES_MAX - 1);
/// Bytes of a tag index key (`table::key`): `g`, the tag key, 0x00, the tag value, 0x00, then a
/// resource key without its family byte.
pub const TAG_INDEX_KEY_BYTES_MAX: usize =
    1 + TAG_KEY_BYTES_MAX + 1 + TAG_VALUE_BYTES_MAX + 1 + (RESOURCE_KEY_BYTES_MAX - 1);
/// The longest table key of any family (resource, id, type index, tag index): what a query may
/// have to resume after.
pub const TABLE_KEY_BYTES_MAX: usize = TAG_INDEX_KEY_BYTES_MAX;

// Every family's keys fit in an sstable key, and the tag index's are the longest.
const _: () = assert!(TYPE_INDEX_KEY_BYTES_MAX <= SSTABLE_KEY_BYTES_MAX);
const _: () = assert!(TAG_INDEX_KEY_BYTES_MAX <= SSTABLE_KEY_BYTES_MAX);
const _: () = assert!(RESOURCE_KEY_BYTES_MAX <= TABLE_KEY_BYTES_MAX);
const _: () = assert!(TYPE_INDEX_KEY_BYTES_MAX <= TABLE_KEY_BYTES_MAX);

/// Queries (`query`): the most resources one page may ask for.
pub const PAGE_SIZE_MAX: usize = 1000;
/// The most bytes of resources (by [`crate::Resource::size_bytes`]) one page holds unless its
/// caller sets another budget: a page of 1,000 resources of 1 MiB each would otherwise be 1 GiB in
/// memory. A page always holds at least one resource, whatever its size.
pub const PAGE_BYTES_DEFAULT: usize = 4 * 1024 * 1024;
/// Bytes of a tag selector's text (and of its canonical form, which is never longer than the
/// text it was parsed from by more than one byte a term, and is checked too).
pub const SELECTOR_BYTES_MAX: usize = 16 * 1024;
/// Terms of one tag selector (`a=1,b` has 2): as many as a resource may have tags.
pub const SELECTOR_TERMS_MAX: usize = TAG_COUNT_MAX;
/// Values in the set of one `in` or `notin` term.
pub const SELECTOR_SET_VALUES_MAX: usize = 64;
/// Bytes of a query continuation token before its text encoding: version (1), fingerprint (8),
/// shard count (2), a position per shard (8 each), a resume point per shard (a tag byte, a shared
/// prefix length and a suffix length of 2 bytes each, at most a whole table key), CRC32C (4).
pub const QUERY_TOKEN_BINARY_BYTES_MAX: usize =
    1 + 8 + 2 + SHARDS_MAX * 8 + SHARDS_MAX * (1 + 2 + 2 + TABLE_KEY_BYTES_MAX) + 4;
/// Characters of a query continuation token (URL-safe base64 without padding, 4 characters for
/// every 3 bytes). This is the worst case, every shard resuming after an unrelated longest key
/// (about 282 KiB); a token resuming after nearby keys on a few shards is a few hundred characters.
pub const QUERY_TOKEN_BYTES_MAX: usize = QUERY_TOKEN_BINARY_BYTES_MAX.div_ceil(3) * 4;

// A selector may test every tag a resource may have; a token's lengths fit their u16 fields.
const _: () = assert!(SELECTOR_TERMS_MAX >= TAG_COUNT_MAX);
const _: () = assert!(SHARDS_MAX <= u16::MAX as usize);
const _: () = assert!(TABLE_KEY_BYTES_MAX <= u16::MAX as usize);
const _: () = assert!(PAGE_SIZE_MAX <= HISTORY_PAGE_CHANGES_MAX);

/// Command filters (`filter`): resources under the policy namespace (rules, role bindings,
/// budgets, schemas together). Every shard holds the whole compiled policy, and a policy change
/// recompiles it, so this bounds both memory and the cost of a change.
pub const POLICY_RESOURCES_MAX: usize = 4096;
/// Bytes of one policy resource's data (a rule, a role binding, a budget or a schema, as JSON).
pub const POLICY_DATA_BYTES_MAX: usize = 64 * 1024;
/// Bytes of a principal's or a role's name.
pub const PRINCIPAL_BYTES_MAX: usize = 128;
/// Roles one role binding gives; types and actions one rule names.
pub const BINDING_ROLES_MAX: usize = 64;
pub const RULE_TYPES_MAX: usize = 64;
/// Fields one schema declares.
pub const SCHEMA_FIELDS_MAX: usize = 256;

// A policy resource is an ordinary resource: its data must fit the resource limit.
const _: () = assert!(POLICY_DATA_BYTES_MAX <= DATA_BYTES_MAX);
const _: () = assert!(PRINCIPAL_BYTES_MAX <= OWNER_BYTES_MAX);

/// Patterns one `subscription::SubscriptionIndex` holds: a bound on its memory (a pattern costs
/// a few hundred bytes besides its selector).
pub const SUBSCRIPTION_INDEX_PATTERNS_MAX: usize = 1 << 20;
/// Changes a subscription reads from a shard's history at a time (one page): with
/// `SUBSCRIPTION_PAGE_BYTES_MAX`, what a subscriber holds beyond the history it shares.
pub const SUBSCRIPTION_PAGE_CHANGES_MAX: usize = 1024;
/// Estimated bytes of one page a subscription reads (a page always holds its first batch whole,
/// however large: at most `BATCH_COMMANDS_MAX` changes).
pub const SUBSCRIPTION_PAGE_BYTES_MAX: u64 = 4 * 1024 * 1024;
/// Events one subscriber's inbox holds by default (what the shards' dispatchers pushed and it has
/// not taken; `EngineConfig::subscription_inbox_events_max`): past it the subscriber is dropped to
/// catch-up and reads the history itself. One batch more than the bound only goes into an empty
/// inbox (a batch is never split).
pub const SUBSCRIPTION_INBOX_EVENTS_DEFAULT: usize = 8192;
/// The largest inbox bound in events a configuration may set.
pub const SUBSCRIPTION_INBOX_EVENTS_MAX: usize = 1 << 20;
/// Estimated bytes one subscriber's inbox holds by default (as the history charges them;
/// `EngineConfig::subscription_inbox_bytes_max`); see `SUBSCRIPTION_INBOX_EVENTS_DEFAULT`.
pub const SUBSCRIPTION_INBOX_BYTES_DEFAULT: u64 = 8 * 1024 * 1024;
/// The largest inbox bound in bytes a configuration may set.
pub const SUBSCRIPTION_INBOX_BYTES_MAX: u64 = 1 << 30;
/// In-process handlers one engine runs (one thread each).
pub const HANDLERS_MAX: usize = 256;
/// Pages a subscription reads in one `next` call before it checks its deadline again (or, in
/// its async form, before it yields), so that a subscriber skipping a long stretch of changes it
/// does not match neither overruns its timeout nor starves its executor.
pub const SUBSCRIPTION_PAGES_PER_POLL_MAX: usize = 64;

const _: () = assert!(SUBSCRIPTION_PAGE_CHANGES_MAX >= BATCH_COMMANDS_MAX);
const _: () = assert!(SUBSCRIPTION_PAGE_CHANGES_MAX <= HISTORY_PAGE_CHANGES_MAX);
const _: () = assert!(SUBSCRIPTION_PAGE_BYTES_MAX <= HISTORY_PAGE_BYTES_MAX);
const _: () = assert!(SUBSCRIPTION_INDEX_PATTERNS_MAX as u64 <= u32::MAX as u64);
const _: () = assert!(SUBSCRIPTION_PAGES_PER_POLL_MAX >= 1);
const _: () = assert!(SUBSCRIPTION_INBOX_EVENTS_DEFAULT >= SUBSCRIPTION_PAGE_CHANGES_MAX);
const _: () = assert!(SUBSCRIPTION_INBOX_BYTES_DEFAULT >= SUBSCRIPTION_PAGE_BYTES_MAX);
const _: () = assert!(SUBSCRIPTION_INBOX_EVENTS_DEFAULT <= SUBSCRIPTION_INBOX_EVENTS_MAX);
const _: () = assert!(SUBSCRIPTION_INBOX_BYTES_DEFAULT <= SUBSCRIPTION_INBOX_BYTES_MAX);
