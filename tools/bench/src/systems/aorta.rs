//! Aorta through its Rust client: a put is a one-command batch, acknowledged once its group commit
//! is on disk (fdatasync); a watch is a subscription to the keyspace's namespace subtree.

use anyhow::{Context as _, Result};
use aorta_client::{Client, ClientConfig, ClientEndpoint, Pattern, ResourceSpec, Start};
use futures_util::StreamExt as _;

use super::{key_index, Delivery, Mark, Position, System, Watch};

/// A shard's position in the upper 16 bits: Aorta numbers positions per shard.
fn position(shard: u16, position: u64) -> Position {
    (u64::from(shard) << 48) | position
}

fn namespace(prefix: &str) -> String {
    format!("/bench/{prefix}")
}

fn name(key: u64) -> String {
    format!("k{key}")
}

#[derive(Clone)]
pub struct Aorta {
    client: Client,
}

/// How to reach the node: its configuration, and the UDP socket every connection shares (none:
/// a socket per connection).
#[derive(Clone)]
pub struct AortaTarget {
    pub config: ClientConfig,
    pub endpoint: Option<ClientEndpoint>,
}

impl System for Aorta {
    type Target = AortaTarget;

    const NAME: &'static str = "aorta";

    async fn connect(target: &AortaTarget) -> Result<Self> {
        // Bounded by the configuration's connect timeout.
        let config = target.config.clone();
        let connected = match &target.endpoint {
            Some(endpoint) => Client::connect_via(endpoint, config).await,
            None => Client::connect(config).await,
        };
        let client = connected
            .with_context(|| format!("connecting to aortad at {}", target.config.address))?;
        Ok(Aorta { client })
    }

    async fn put(&self, prefix: &str, key: u64, value: Vec<u8>) -> Result<Position> {
        let mut spec = ResourceSpec::new(&namespace(prefix), &name(key), "bench");
        spec.data = value;
        let receipt = self.client.put(spec, None).await.context("aorta put")?;
        Ok(position(receipt.shard, receipt.position))
    }

    async fn get(&self, prefix: &str, key: u64) -> Result<bool> {
        let found = self
            .client
            .get(&namespace(prefix), &name(key))
            .await
            .context("aorta get")?;
        Ok(found.is_some())
    }

    async fn mark(&self) -> Result<Mark> {
        let positions = self.client.positions().await.context("aorta positions")?;
        Ok(Mark::Positions(positions))
    }

    async fn watch(&self, prefix: &str, from: Option<Mark>) -> Result<Watch> {
        let start = match from {
            None => Start::Now,
            Some(Mark::Positions(positions)) => Start::After(positions),
            Some(Mark::Sequence(_)) => anyhow::bail!("an Aorta watch starts after positions"),
        };
        let subscription = self
            .client
            .subscribe(Pattern::subtree(namespace(prefix)), start)
            .await
            .context("aorta subscribe")?;
        Ok(Box::pin(subscription.map(|event| {
            let event = event.context("aorta subscription")?;
            // A delete has no new version: its name is the old one's.
            let key = event
                .new
                .as_ref()
                .or(event.old.as_ref())
                .and_then(|resource| key_index(resource.name.as_bytes()));
            // The event's resource is the client's alone: its data moves, uncopied.
            let value = event
                .new
                .map(|resource| {
                    std::sync::Arc::try_unwrap(resource)
                        .map(|resource| resource.data)
                        .unwrap_or_else(|shared| shared.data.clone())
                })
                .unwrap_or_default();
            Ok(Delivery {
                position: position(event.shard, event.position),
                key,
                value,
            })
        })))
    }
}
