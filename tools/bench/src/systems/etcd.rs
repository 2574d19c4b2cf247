//! etcd over its v3 gRPC API (tonic, HTTP/2 over TCP): a put is `KV.Put`, acknowledged once the
//! Raft log entry is fsynced (etcd's default; a single member commits alone); a get is a `KV.Range`
//! of one key (linearizable, etcd's default); a watch is a `Watch` stream on the key prefix.

use std::collections::VecDeque;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use futures_util::StreamExt as _;
use tonic::client::Grpc;
use tonic::codegen::http::uri::PathAndQuery;
use tonic::transport::{Channel, Endpoint};
use tonic_prost::ProstCodec;

use super::etcd_proto::{self as proto, prefix_range_end};
use super::{key_index, Delivery, Mark, Position, System, Watch};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Bound on one request, as the Aorta client's default.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

fn key(prefix: &str, key: u64) -> Vec<u8> {
    format!("/bench/{prefix}/k{key}").into_bytes()
}

fn key_prefix(prefix: &str) -> Vec<u8> {
    format!("/bench/{prefix}/").into_bytes()
}

#[derive(Clone)]
pub struct Etcd {
    grpc: Grpc<Channel>,
}

impl Etcd {
    async fn unary<Request, Response>(
        &self,
        path: &'static str,
        request: Request,
    ) -> Result<Response>
    where
        Request: prost::Message + Send + Sync + 'static,
        Response: prost::Message + Default + Send + Sync + 'static,
    {
        let mut grpc = self.grpc.clone();
        grpc.ready()
            .await
            .with_context(|| format!("etcd channel not ready for {path}"))?;
        let response = grpc
            .unary(
                tonic::Request::new(request),
                PathAndQuery::from_static(path),
                ProstCodec::<Request, Response>::default(),
            )
            .await
            .with_context(|| format!("etcd {path}"))?;
        Ok(response.into_inner())
    }
}

impl System for Etcd {
    /// The client URL, e.g. `http://127.0.0.1:2379`.
    type Target = String;

    const NAME: &'static str = "etcd";

    async fn connect(target: &String) -> Result<Self> {
        let endpoint = Endpoint::from_shared(target.clone())
            .with_context(|| format!("the etcd URL {target:?}"))?
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .tcp_nodelay(true);
        let channel = tokio::time::timeout(CONNECT_TIMEOUT, endpoint.connect())
            .await
            .with_context(|| format!("connecting to etcd at {target}: timed out"))?
            .with_context(|| format!("connecting to etcd at {target}"))?;
        Ok(Etcd {
            grpc: Grpc::new(channel),
        })
    }

    async fn put(&self, prefix: &str, key_index: u64, value: Vec<u8>) -> Result<Position> {
        let request = proto::PutRequest {
            key: key(prefix, key_index),
            value,
        };
        let response: proto::PutResponse = self.unary(proto::PUT, request).await?;
        let revision = response
            .header
            .context("etcd put: a response without a header")?
            .revision;
        Ok(revision as Position)
    }

    async fn get(&self, prefix: &str, key_index: u64) -> Result<bool> {
        let request = proto::RangeRequest {
            key: key(prefix, key_index),
            range_end: Vec::new(),
            limit: 1,
        };
        let response: proto::RangeResponse = self.unary(proto::RANGE, request).await?;
        Ok(!response.kvs.is_empty())
    }

    async fn mark(&self) -> Result<Mark> {
        // Any range answers with the store's current revision in its header.
        let request = proto::RangeRequest {
            key: b"/bench/mark".to_vec(),
            range_end: Vec::new(),
            limit: 1,
        };
        let response: proto::RangeResponse = self.unary(proto::RANGE, request).await?;
        let revision = response
            .header
            .context("etcd range: a response without a header")?
            .revision;
        Ok(Mark::Sequence(revision as u64))
    }

    async fn watch(&self, prefix: &str, from: Option<Mark>) -> Result<Watch> {
        let start_revision = match from {
            None => 0,
            Some(Mark::Sequence(revision)) => revision as i64 + 1,
            Some(Mark::Positions(_)) => bail!("an etcd watch starts after a revision"),
        };
        let prefix = key_prefix(prefix);
        let create = proto::WatchRequest {
            request_union: Some(proto::WatchRequestUnion::CreateRequest(
                proto::WatchCreateRequest {
                    range_end: prefix_range_end(&prefix),
                    key: prefix,
                    start_revision,
                },
            )),
        };
        // The request stream stays open as long as the watch: etcd cancels the watches of a
        // stream whose client side ended.
        let (requests, request_stream) = tokio::sync::mpsc::channel(1);
        requests
            .send(create)
            .await
            .context("queueing the watch request")?;
        let mut grpc = self.grpc.clone();
        grpc.ready().await.context("etcd channel not ready")?;
        let response = grpc
            .streaming(
                tonic::Request::new(tokio_stream::wrappers::ReceiverStream::new(request_stream)),
                PathAndQuery::from_static(proto::WATCH),
                ProstCodec::<proto::WatchRequest, proto::WatchResponse>::default(),
            )
            .await
            .context("etcd watch")?;
        let mut responses = response.into_inner();
        // Every change after `created` is delivered: wait for it, within the request timeout.
        let created = tokio::time::timeout(REQUEST_TIMEOUT, responses.message())
            .await
            .context("etcd watch: no `created` in time")?
            .context("etcd watch")?
            .context("etcd watch: the stream ended before `created`")?;
        if !created.created || created.canceled {
            bail!("etcd refused the watch: {}", created.cancel_reason);
        }
        let pending: VecDeque<Delivery> = VecDeque::new();
        let state = (responses, requests, pending);
        let deliveries = futures_util::stream::unfold(
            state,
            |(mut responses, requests, mut pending)| async move {
                loop {
                    if let Some(delivery) = pending.pop_front() {
                        return Some((Ok(delivery), (responses, requests, pending)));
                    }
                    let response = match responses.message().await {
                        Ok(Some(response)) => response,
                        Ok(None) => return None,
                        Err(status) => {
                            let error = anyhow::Error::new(status).context("etcd watch stream");
                            return Some((Err(error), (responses, requests, pending)));
                        }
                    };
                    if response.canceled {
                        let error = anyhow::anyhow!(
                            "etcd cancelled the watch (compacted at {}): {}",
                            response.compact_revision,
                            response.cancel_reason
                        );
                        return Some((Err(error), (responses, requests, pending)));
                    }
                    pending.extend(response.events.into_iter().filter_map(|event| {
                        let kv = event.kv?;
                        Some(Delivery {
                            position: kv.mod_revision as Position,
                            key: key_index(&kv.key),
                            value: kv.value,
                        })
                    }));
                }
            },
        );
        Ok(Box::pin(deliveries.fuse()))
    }
}
