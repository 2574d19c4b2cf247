//! Requests ([`Call`]) and their answers ([`Reply`]).

use aorta_engine::engine::{ShardHealth, ShardState};
use aorta_engine::limits::{PAGE_SIZE_MAX, QUERY_TOKEN_BYTES_MAX, SHARDS_MAX};
use aorta_engine::query::{Page, PageBudget, Query, Scope, TagSelector, Token};
use aorta_engine::{Batch, Command, CommitReceipt, Resource, ResourceId};

use super::error::RemoteError;
use super::resource::{
    resource_from_wire, resource_id_from_wire, resource_id_to_wire, resource_to_wire,
    resource_wire_bytes_max, spec_from_wire, spec_to_wire,
};
use super::{count_within, saturating_u32, DecodeError};
use crate::wire;

/// A request, in the engine's terms: what the server runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Call {
    /// `Engine::commit_as` of this batch (validated: 1 to 1024 commands, each key once).
    Commit(Batch),
    Get {
        namespace: String,
        name: String,
    },
    GetById(ResourceId),
    List {
        query: Query,
        from: ListFrom,
    },
    Positions,
    Status,
}

/// Where a list starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListFrom {
    /// The first page, at each shard's latest position (`Engine::query` without a token).
    Latest,
    /// The next page (`Engine::query` with this token, already checked against the query).
    Token(String),
    /// The first page as it was at these positions, one per shard (`Engine::query_at`).
    Positions(Vec<u64>),
}

/// The node's health, as `StatusRequest` asks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub cluster_id: u32,
    pub shards: Vec<ShardHealth>,
}

/// An answer, in the engine's terms: what the client gets.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Committed(CommitReceipt),
    /// The resource a get found, or none.
    Found(Option<Resource>),
    Page(Page),
    Positions(Vec<u64>),
    Status(Status),
    Failed(RemoteError),
}

impl Call {
    pub fn to_wire(&self) -> wire::RequestBody {
        use wire::RequestBody as Body;
        match self {
            Call::Commit(batch) => Body::CommitRequest(Box::new(wire::CommitRequest {
                commands: batch.commands.iter().map(command_to_wire).collect(),
            })),
            Call::Get { namespace, name } => Body::GetRequest(Box::new(wire::GetRequest {
                namespace_path: namespace.clone(),
                name: name.clone(),
            })),
            Call::GetById(id) => Body::GetByIdRequest(Box::new(wire::GetByIdRequest {
                id: resource_id_to_wire(id),
            })),
            Call::List { query, from } => Body::ListRequest(Box::new(wire::ListRequest {
                query: Box::new(query_to_wire(query)),
                token: match from {
                    ListFrom::Token(token) => Some(token.clone()),
                    _ => None,
                },
                at_positions: match from {
                    ListFrom::Positions(positions) => Some(positions.clone()),
                    _ => None,
                },
            })),
            Call::Positions => Body::PositionsRequest(Box::default()),
            Call::Status => Body::StatusRequest(Box::default()),
        }
    }

    /// A request from the wire, checked as the engine would check it. Its strings and bytes are
    /// moved out of the message, not copied.
    pub fn from_wire(body: wire::RequestBody) -> Result<Call, DecodeError> {
        use wire::RequestBody as Body;
        Ok(match body {
            Body::CommitRequest(commit) => {
                let commands = commit
                    .commands
                    .into_iter()
                    .map(command_from_wire)
                    .collect::<Result<Vec<_>, _>>()?;
                Call::Commit(Batch::new(Batch::new(commands).validate()?.into_commands()))
            }
            Body::GetRequest(get) => {
                aorta_engine::resource::validate_namespace(&get.namespace_path)?;
                aorta_engine::resource::validate_name(&get.name)?;
                Call::Get {
                    namespace: get.namespace_path,
                    name: get.name,
                }
            }
            Body::GetByIdRequest(get) => Call::GetById(resource_id_from_wire(&get.id)),
            Body::ListRequest(list) => list_from_wire(&list)?,
            Body::PositionsRequest(_) => Call::Positions,
            Body::StatusRequest(_) => Call::Status,
        })
    }
}

fn command_to_wire(command: &Command) -> wire::BatchCommand {
    use wire::Command as C;
    let command = match command {
        Command::Create { spec } => C::CreateCommand(Box::new(wire::CreateCommand {
            spec: Box::new(spec_to_wire(spec)),
        })),
        Command::Update {
            spec,
            expected_revision,
        } => C::UpdateCommand(Box::new(wire::UpdateCommand {
            spec: Box::new(spec_to_wire(spec)),
            expected_revision: *expected_revision,
        })),
        Command::Put {
            spec,
            expected_revision,
        } => C::PutCommand(Box::new(wire::PutCommand {
            spec: Box::new(spec_to_wire(spec)),
            expected_revision: *expected_revision,
        })),
        Command::Delete {
            namespace,
            name,
            expected_revision,
        } => C::DeleteCommand(Box::new(wire::DeleteCommand {
            namespace_path: namespace.clone(),
            name: name.clone(),
            expected_revision: *expected_revision,
        })),
    };
    wire::BatchCommand { command }
}

/// One command; its fields are checked by `Batch::validate` with the rest of the batch.
fn command_from_wire(command: wire::BatchCommand) -> Result<Command, DecodeError> {
    use wire::Command as C;
    Ok(match command.command {
        C::CreateCommand(create) => Command::Create {
            spec: spec_from_wire(*create.spec)?,
        },
        C::UpdateCommand(update) => Command::Update {
            spec: spec_from_wire(*update.spec)?,
            expected_revision: update.expected_revision,
        },
        C::PutCommand(put) => Command::Put {
            spec: spec_from_wire(*put.spec)?,
            expected_revision: put.expected_revision,
        },
        C::DeleteCommand(delete) => Command::Delete {
            namespace: delete.namespace_path,
            name: delete.name,
            expected_revision: delete.expected_revision,
        },
    })
}

pub(super) fn scope_to_wire(scope: Scope) -> wire::Scope {
    match scope {
        Scope::Children => wire::Scope::Children,
        Scope::Subtree => wire::Scope::Subtree,
    }
}

pub(super) fn scope_from_wire(scope: wire::Scope) -> Scope {
    match scope {
        wire::Scope::Children => Scope::Children,
        wire::Scope::Subtree => Scope::Subtree,
    }
}

/// A selector travels in its canonical text form; the empty selector and none are the same.
pub(super) fn selector_to_wire(selector: &Option<TagSelector>) -> Option<String> {
    selector
        .as_ref()
        .filter(|selector| !selector.is_empty())
        .map(TagSelector::to_string)
}

pub(super) fn selector_from_wire(
    text: &Option<String>,
) -> Result<Option<TagSelector>, DecodeError> {
    match text {
        None => Ok(None),
        Some(text) => Ok(Some(TagSelector::parse(text)?)),
    }
}

fn query_to_wire(query: &Query) -> wire::Query {
    wire::Query {
        namespace_path: query.namespace.clone(),
        scope: scope_to_wire(query.scope),
        kind: query.kind.clone(),
        selector: selector_to_wire(&query.selector),
        page_size: saturating_u32(query.page_size),
    }
}

fn query_from_wire(query: &wire::Query) -> Result<Query, DecodeError> {
    let query = Query {
        namespace: query.namespace_path.clone(),
        scope: scope_from_wire(query.scope),
        kind: query.kind.clone(),
        selector: selector_from_wire(&query.selector)?,
        page_size: usize::try_from(query.page_size).unwrap_or(usize::MAX),
    };
    query.validate()?;
    Ok(query)
}

fn list_from_wire(list: &wire::ListRequest) -> Result<Call, DecodeError> {
    let query = query_from_wire(&list.query)?;
    let from = match (&list.token, &list.at_positions) {
        (Some(_), Some(_)) => return Err(DecodeError::TokenAndPositions),
        (Some(text), None) => {
            Token::decode(text)?.check_query(&query)?;
            ListFrom::Token(text.clone())
        }
        (None, Some(positions)) => ListFrom::Positions(positions_from_wire(positions)?),
        (None, None) => ListFrom::Latest,
    };
    Ok(Call::List { query, from })
}

/// One position per shard: at most `SHARDS_MAX` of them (the engine checks the exact count).
pub(super) fn positions_from_wire(positions: &[u64]) -> Result<Vec<u64>, DecodeError> {
    count_within("positions", positions.len(), SHARDS_MAX)?;
    Ok(positions.to_vec())
}

impl Reply {
    pub fn to_wire(&self) -> wire::ResponseBody {
        use wire::ResponseBody as Body;
        match self {
            Reply::Committed(receipt) => Body::CommitReceipt(Box::new(wire::CommitReceipt {
                shard: receipt.shard,
                position: receipt.position,
                ids: receipt.ids.iter().map(resource_id_to_wire).collect(),
            })),
            Reply::Found(resource) => Body::GetResponse(Box::new(wire::GetResponse {
                resource: resource.as_ref().map(|r| Box::new(resource_to_wire(r))),
            })),
            Reply::Page(page) => Body::Page(Box::new(page_to_wire(page))),
            Reply::Positions(positions) => {
                Body::PositionsResponse(Box::new(wire::PositionsResponse {
                    positions: positions.clone(),
                }))
            }
            Reply::Status(status) => Body::StatusResponse(Box::new(status_to_wire(status))),
            Reply::Failed(error) => Body::Error(Box::new(error.to_wire())),
        }
    }

    /// An answer from the wire, checked as strictly as a request: a client trusts its server's
    /// key, not every byte it sends.
    pub fn from_wire(body: &wire::ResponseBody) -> Result<Reply, DecodeError> {
        use wire::ResponseBody as Body;
        Ok(match body {
            Body::CommitReceipt(receipt) => Reply::Committed(CommitReceipt {
                shard: receipt.shard,
                position: receipt.position,
                ids: receipt.ids.iter().map(resource_id_from_wire).collect(),
            }),
            Body::GetResponse(get) => Reply::Found(match &get.resource {
                Some(resource) => Some(resource_from_wire(resource)?),
                None => None,
            }),
            Body::Page(page) => Reply::Page(page_from_wire(page)?),
            Body::PositionsResponse(positions) => {
                Reply::Positions(positions_from_wire(&positions.positions)?)
            }
            Body::StatusResponse(status) => Reply::Status(status_from_wire(status)?),
            Body::Error(error) => Reply::Failed(RemoteError::from_wire(error)),
        })
    }
}

/// The most bytes a page's frame holds besides its resources: the frame header, the message and
/// response tables with their vtables and the request id, a position per shard, the longest token.
pub const PAGE_ENVELOPE_BYTES_MAX: usize = crate::frame::FRAME_HEADER_BYTES
    + 512
    + (4 + 8 * SHARDS_MAX + 8)
    + (4 + QUERY_TOKEN_BYTES_MAX + 8);

/// A page budget whose pages fit one frame of `frame_bytes_max` bytes, each resource weighed by
/// [`resource_wire_bytes_max`]. A page's first resource always goes, and one resource fits any
/// frame (`FRAME_BYTES_MIN` holds two of the largest).
pub fn page_budget_for_frame(frame_bytes_max: usize) -> PageBudget {
    assert!(frame_bytes_max >= crate::frame::FRAME_BYTES_MIN as usize);
    PageBudget {
        bytes_max: frame_bytes_max - PAGE_ENVELOPE_BYTES_MAX,
        weigh: resource_wire_bytes_max,
    }
}

fn page_to_wire(page: &Page) -> wire::Page {
    wire::Page {
        items: page.items.iter().map(resource_to_wire).collect(),
        positions: page.positions.clone(),
        next_token: page.next.as_ref().map(Token::encode),
    }
}

fn page_from_wire(page: &wire::Page) -> Result<Page, DecodeError> {
    count_within("page items", page.items.len(), PAGE_SIZE_MAX)?;
    Ok(Page {
        items: page
            .items
            .iter()
            .map(resource_from_wire)
            .collect::<Result<_, _>>()?,
        positions: positions_from_wire(&page.positions)?,
        next: match &page.next_token {
            Some(text) => Some(Token::decode(text)?),
            None => None,
        },
    })
}

fn status_to_wire(status: &Status) -> wire::StatusResponse {
    wire::StatusResponse {
        cluster_id: status.cluster_id,
        shards: status
            .shards
            .iter()
            .map(|health| wire::ShardHealth {
                shard: health.shard,
                state: match health.state {
                    ShardState::Up => wire::ShardState::Up,
                    ShardState::Down { .. } => wire::ShardState::Down,
                },
                down_cause: match &health.state {
                    ShardState::Up => None,
                    ShardState::Down { cause } => Some(cause.clone()),
                },
                queued_requests: health.queued_requests as u64,
                queued_bytes: health.queued_bytes,
            })
            .collect(),
    }
}

fn status_from_wire(status: &wire::StatusResponse) -> Result<Status, DecodeError> {
    count_within("status shards", status.shards.len(), SHARDS_MAX)?;
    let shards = status
        .shards
        .iter()
        .map(|health| ShardHealth {
            shard: health.shard,
            state: match health.state {
                wire::ShardState::Up => ShardState::Up,
                wire::ShardState::Down => ShardState::Down {
                    cause: health.down_cause.clone().unwrap_or_default(),
                },
            },
            queued_requests: usize::try_from(health.queued_requests).unwrap_or(usize::MAX),
            queued_bytes: health.queued_bytes,
        })
        .collect();
    Ok(Status {
        cluster_id: status.cluster_id,
        shards,
    })
}
