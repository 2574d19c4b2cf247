//! NATS JetStream through a key-value bucket (async-nats): a put is a JetStream publish to the
//! bucket's stream, awaited until the server's ack (the file store has appended it, and synced it
//! to disk with the `jetstream { sync_interval: always }` that `tools/peers/peers.sh` starts
//! nats-server 2.10.27 with); a get reads the key's last message; a watch is an ordered consumer
//! on the key prefix.
//!
//! Why KV rather than a plain stream: it is what NATS offers for the same job as Aorta and etcd
//! (keys whose value is replaced, read back by key, watched by prefix), and its put *is* a stream
//! publish with an ack, so nothing of JetStream's write path is left out.

use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use async_nats::jetstream::kv::Store;
use async_nats::jetstream::stream::{Config as StreamConfig, DiscardPolicy, StorageType};
use futures_util::StreamExt as _;

use super::{key_index, Delivery, Mark, Position, System, Watch};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// One bucket for every run: each run writes keys under a prefix of its own.
const BUCKET: &str = "aorta_bench";

fn key(prefix: &str, key: u64) -> String {
    format!("bench.{prefix}.k{key}")
}

fn key_filter(prefix: &str) -> String {
    format!("bench.{prefix}.>")
}

/// Makes the bucket's stream as a KV create does (`KV_<bucket>`, subjects `$KV.<bucket>.>`, one
/// message per subject, rollups allowed, deletes denied, direct gets, discard new). Not through
/// `create_key_value`: it first queries the account, and async-nats cannot parse the answer of
/// nats-server 2.9.10 (Debian bookworm's, which the peers ran before 2.10.27), so made this way
/// the bucket works on either. Creating a stream with the same configuration twice is not an
/// error, so connections racing here agree.
async fn create_bucket(jetstream: &async_nats::jetstream::Context) -> Result<()> {
    jetstream
        .create_stream(StreamConfig {
            name: format!("KV_{BUCKET}"),
            subjects: vec![format!("$KV.{BUCKET}.>")],
            // One value per key, as Aorta's and etcd's current state.
            max_messages_per_subject: 1,
            max_bytes: -1,
            max_messages: -1,
            max_message_size: -1,
            storage: StorageType::File,
            num_replicas: 1,
            allow_rollup: true,
            deny_delete: true,
            allow_direct: true,
            discard: DiscardPolicy::New,
            ..Default::default()
        })
        .await
        .with_context(|| format!("creating the JetStream KV bucket {BUCKET}"))?;
    Ok(())
}

#[derive(Clone)]
pub struct Nats {
    jetstream: async_nats::jetstream::Context,
    store: Store,
}

impl System for Nats {
    /// The server address, e.g. `127.0.0.1:4222`.
    type Target = String;

    const NAME: &'static str = "nats";

    async fn connect(target: &String) -> Result<Self> {
        let connecting = async_nats::ConnectOptions::new()
            .connection_timeout(CONNECT_TIMEOUT)
            .request_timeout(Some(REQUEST_TIMEOUT))
            .connect(target.as_str());
        let client = tokio::time::timeout(CONNECT_TIMEOUT, connecting)
            .await
            .with_context(|| format!("connecting to nats-server at {target}: timed out"))?
            .with_context(|| format!("connecting to nats-server at {target}"))?;
        let jetstream = async_nats::jetstream::new(client);
        let store = match jetstream.get_key_value(BUCKET).await {
            Ok(store) => store,
            Err(_) => {
                create_bucket(&jetstream).await?;
                jetstream
                    .get_key_value(BUCKET)
                    .await
                    .with_context(|| format!("opening the JetStream KV bucket {BUCKET}"))?
            }
        };
        Ok(Nats { jetstream, store })
    }

    async fn put(&self, prefix: &str, key_index: u64, value: Vec<u8>) -> Result<Position> {
        let sequence = self
            .store
            .put(key(prefix, key_index), value.into())
            .await
            .context("nats kv put")?;
        Ok(sequence)
    }

    async fn get(&self, prefix: &str, key_index: u64) -> Result<bool> {
        let value = self
            .store
            .get(key(prefix, key_index))
            .await
            .context("nats kv get")?;
        Ok(value.is_some())
    }

    async fn mark(&self) -> Result<Mark> {
        let mut stream = self
            .jetstream
            .get_stream(format!("KV_{BUCKET}"))
            .await
            .context("nats: the bucket's stream")?;
        let info = stream.info().await.context("nats stream info")?;
        Ok(Mark::Sequence(info.state.last_sequence))
    }

    async fn watch(&self, prefix: &str, from: Option<Mark>) -> Result<Watch> {
        let filter = key_filter(prefix);
        let entries = match from {
            None => self.store.watch(&filter).await,
            Some(Mark::Sequence(sequence)) => {
                self.store.watch_from_revision(&filter, sequence + 1).await
            }
            Some(Mark::Positions(_)) => bail!("a NATS watch starts after a stream sequence"),
        }
        .context("nats kv watch")?;
        Ok(Box::pin(entries.map(|entry| {
            let entry = entry.context("nats kv watch")?;
            Ok(Delivery {
                position: entry.revision,
                key: key_index(entry.key.as_bytes()),
                value: entry.value.to_vec(),
            })
        })))
    }
}
