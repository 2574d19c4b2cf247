//! Commands and batches: what a writer asks for, and what the log records once it is decided.
//!
//! A [`Batch`] is a list of commands that commits atomically: every condition holds and the whole
//! batch gets one commit position, or the batch is rejected with the first failing condition and
//! nothing is written. A batch names each key at most once, and all its namespaces belong to one
//! shard.
//!
//! The log stores the *decided* batch ([`Change`]s with the full new resources), not the request, so
//! replay never re-evaluates a condition or re-assigns an id.

use std::collections::HashSet;

use crate::limits::{BATCH_BYTES_MAX, BATCH_COMMANDS_MAX};
use crate::resource::{
    key_of, validate_name, validate_namespace, Resource, ResourceId, ResourceSpec, ValidationError,
};

/// One mutation of one key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Fails with `AlreadyExists` if the key exists.
    Create { spec: ResourceSpec },
    /// Fails with `NotFound` if the key is absent. Keeps id and created time.
    Update {
        spec: ResourceSpec,
        expected_revision: Option<u64>,
    },
    /// Creates the key or replaces it (keeping id and created time).
    Put {
        spec: ResourceSpec,
        expected_revision: Option<u64>,
    },
    /// Fails with `NotFound` if the key is absent.
    Delete {
        namespace: String,
        name: String,
        expected_revision: Option<u64>,
    },
}

impl Command {
    pub fn create(spec: ResourceSpec) -> Self {
        Command::Create { spec }
    }

    pub fn update(spec: ResourceSpec, expected_revision: Option<u64>) -> Self {
        Command::Update {
            spec,
            expected_revision,
        }
    }

    pub fn put(spec: ResourceSpec, expected_revision: Option<u64>) -> Self {
        Command::Put {
            spec,
            expected_revision,
        }
    }

    pub fn delete(namespace: &str, name: &str, expected_revision: Option<u64>) -> Self {
        Command::Delete {
            namespace: namespace.into(),
            name: name.into(),
            expected_revision,
        }
    }

    pub fn namespace(&self) -> &str {
        match self {
            Command::Create { spec } | Command::Update { spec, .. } | Command::Put { spec, .. } => {
                &spec.namespace
            }
            Command::Delete { namespace, .. } => namespace,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Command::Create { spec } | Command::Update { spec, .. } | Command::Put { spec, .. } => {
                &spec.name
            }
            Command::Delete { name, .. } => name,
        }
    }

    pub fn key(&self) -> String {
        match self {
            Command::Create { spec } | Command::Update { spec, .. } | Command::Put { spec, .. } => {
                spec.key()
            }
            Command::Delete {
                namespace, name, ..
            } => key_of(namespace, name),
        }
    }

    pub fn expected_revision(&self) -> Option<u64> {
        match self {
            Command::Create { .. } => None,
            Command::Update {
                expected_revision, ..
            }
            | Command::Put {
                expected_revision, ..
            }
            | Command::Delete {
                expected_revision, ..
            } => *expected_revision,
        }
    }

    fn validate(&self) -> Result<(), ValidationError> {
        match self {
            Command::Create { spec } | Command::Update { spec, .. } | Command::Put { spec, .. } => {
                spec.validate()
            }
            Command::Delete {
                namespace, name, ..
            } => {
                validate_namespace(namespace)?;
                validate_name(name)
            }
        }
    }

    /// An upper bound on this command's bytes in the log.
    fn encoded_len_bound(&self) -> usize {
        match self {
            Command::Create { spec } | Command::Update { spec, .. } | Command::Put { spec, .. } => {
                crate::codec::resource_encoded_len(spec)
            }
            Command::Delete {
                namespace, name, ..
            } => 1 + 16 + 4 + namespace.len() + name.len(),
        }
    }
}

/// Commands that commit together or not at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub commands: Vec<Command>,
}

impl Batch {
    pub fn new(commands: Vec<Command>) -> Self {
        Batch { commands }
    }

    pub fn single(command: Command) -> Self {
        Batch {
            commands: vec![command],
        }
    }

    /// Checks every rule that does not depend on the current state.
    pub fn validate(self) -> Result<ValidBatch, ValidationError> {
        if self.commands.is_empty() {
            return Err(ValidationError::EmptyBatch);
        }
        if self.commands.len() > BATCH_COMMANDS_MAX {
            return Err(ValidationError::TooMany {
                field: "batch commands",
                count: self.commands.len(),
                max: BATCH_COMMANDS_MAX,
            });
        }
        // A batch of one command (the common write) names one key: no set of keys to build.
        let mut keys =
            (self.commands.len() > 1).then(|| HashSet::with_capacity(self.commands.len()));
        let mut bytes = crate::codec::BATCH_HEADER_BYTES;
        for command in &self.commands {
            command.validate()?;
            if let Some(keys) = &mut keys {
                let key = command.key();
                if !keys.insert(key.clone()) {
                    return Err(ValidationError::DuplicateKey { key });
                }
            }
            bytes += command.encoded_len_bound();
        }
        if bytes > BATCH_BYTES_MAX {
            return Err(ValidationError::TooLong {
                field: "batch",
                len: bytes,
                max: BATCH_BYTES_MAX,
            });
        }
        Ok(ValidBatch {
            commands: self.commands,
            encoded_len_bound: bytes,
        })
    }
}

/// A batch whose commands passed validation; only these reach a shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidBatch {
    commands: Vec<Command>,
    /// What `validate` summed: at most `BATCH_BYTES_MAX`.
    encoded_len_bound: usize,
}

impl ValidBatch {
    /// An upper bound of the batch's encoded bytes (at most `BATCH_BYTES_MAX`): what it counts
    /// against a shard queue's byte budget.
    pub fn encoded_len_bound(&self) -> usize {
        self.encoded_len_bound
    }

    pub fn commands(&self) -> &[Command] {
        &self.commands
    }

    pub fn into_commands(self) -> Vec<Command> {
        self.commands
    }

    pub fn namespaces(&self) -> impl Iterator<Item = &str> {
        self.commands.iter().map(Command::namespace)
    }
}

/// What a committed command did, as the log records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Created(Resource),
    Updated(Resource),
    Deleted {
        id: ResourceId,
        namespace: String,
        name: String,
    },
}

impl Change {
    pub fn key(&self) -> String {
        match self {
            Change::Created(r) | Change::Updated(r) => r.key(),
            Change::Deleted {
                namespace, name, ..
            } => key_of(namespace, name),
        }
    }
}

/// A decided batch: the record payload of one commit position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommittedBatch {
    pub position: u64,
    pub commit_time_ms: u64,
    pub changes: Vec<Change>,
}

/// The answer to a committed batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitReceipt {
    pub shard: u16,
    pub position: u64,
    /// Per command, in order: the resource's id and its new revision (the position).
    pub ids: Vec<ResourceId>,
}
