//! Queries: the description of a paginated list of resources (a namespace, its children or its
//! subtree, optionally one type and a tag selector) and of one page of its answer. Plain types, no
//! IO: the executor that runs a [`Query`] against the shards' read views is [`execute`].
//!
//! A query spans every shard (a subtree's namespaces are spread over them). Its answer is
//! consistent at one position per shard, chosen by the first page and carried by the continuation
//! [`Token`] to the next ones, so that later pages read the same snapshot.

pub mod execute;
pub mod selector;
pub mod token;

use crate::limits::{PAGE_BYTES_DEFAULT, PAGE_SIZE_MAX};
use crate::resource::{validate_kind, validate_namespace, Resource, ValidationError};

pub use selector::{IndexPlan, SelectorError, TagSelector, Term};
pub use token::{ShardResume, Token, TokenError};

/// Which resources of the namespace a query lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The resources whose namespace is the query's namespace.
    Children,
    /// The resources whose namespace is the query's namespace or lies below it.
    Subtree,
}

/// A paginated list of resources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub namespace: String,
    pub scope: Scope,
    /// Only resources of this type (the design's `type`), when given.
    pub kind: Option<String>,
    /// Only resources whose tags it matches, when given. An empty selector matches everything, as
    /// no selector does.
    pub selector: Option<TagSelector>,
    /// The most resources one page returns, 1 to [`PAGE_SIZE_MAX`].
    pub page_size: usize,
}

/// Why a query was refused. Nothing was read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query's namespace is invalid: {0}")]
    Namespace(ValidationError),
    #[error("the query's type is invalid: {0}")]
    Kind(ValidationError),
    #[error("the query's page size is {size}; it must be 1 to {max}")]
    PageSize { size: usize, max: usize },
    #[error("the query names {given} positions; it must name one per shard ({shards})")]
    Positions { given: usize, shards: usize },
}

/// Domain separation of the fingerprint, and its version: a change to what the fingerprint covers
/// changes this, so older tokens are refused as belonging to another query.
const FINGERPRINT_DOMAIN: &[u8] = b"aorta query fingerprint 1\0";

impl Query {
    pub fn validate(&self) -> Result<(), QueryError> {
        validate_namespace(&self.namespace).map_err(QueryError::Namespace)?;
        if let Some(kind) = &self.kind {
            validate_kind(kind).map_err(QueryError::Kind)?;
        }
        if self.page_size == 0 || self.page_size > PAGE_SIZE_MAX {
            return Err(QueryError::PageSize {
                size: self.page_size,
                max: PAGE_SIZE_MAX,
            });
        }
        Ok(())
    }

    /// A hash (XXH3-64, seed 0) of the query's normalized parameters: the namespace, the scope,
    /// the type and the selector's canonical form (no selector and the empty selector are the
    /// same). It is what a continuation token is bound to, so that a token is refused for another
    /// query. The page size is left out on purpose: a client may change it between pages, and the
    /// answer stays the same snapshot. Not a security measure: it catches mistakes, not forgeries.
    pub fn fingerprint(&self) -> u64 {
        let selector = self
            .selector
            .as_ref()
            .map(TagSelector::to_string)
            .unwrap_or_default();
        let mut bytes = Vec::with_capacity(64 + self.namespace.len() + selector.len());
        bytes.extend_from_slice(FINGERPRINT_DOMAIN);
        push_text(&self.namespace, &mut bytes);
        bytes.push(match self.scope {
            Scope::Children => 0,
            Scope::Subtree => 1,
        });
        match &self.kind {
            None => bytes.push(0),
            Some(kind) => {
                bytes.push(1);
                push_text(kind, &mut bytes);
            }
        }
        push_text(&selector, &mut bytes);
        xxhash_rust::xxh3::xxh3_64(&bytes)
    }
}

/// Appends `text` with its length first (u32, little-endian), so that fields never run together.
fn push_text(text: &str, out: &mut Vec<u8>) {
    let len = u32::try_from(text.len()).expect("query fields are bounded far below 4 GiB");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

/// What one page may weigh, besides the query's page size: its carrier bounds its bytes (a wire
/// frame, the memory a caller is willing to hold). A page holds the resources in order while their
/// weights sum to at most `bytes_max`, and always at least one; the token of a page cut short by
/// its weight resumes right after its last resource, so a listing loses nothing.
#[derive(Clone, Copy, Debug)]
pub struct PageBudget {
    pub bytes_max: usize,
    /// A resource's weight in the carrier's measure (an upper bound of its encoded size).
    pub weigh: fn(&Resource) -> usize,
}

impl Default for PageBudget {
    /// [`PAGE_BYTES_DEFAULT`] bytes by [`Resource::size_bytes`].
    fn default() -> Self {
        PageBudget {
            bytes_max: PAGE_BYTES_DEFAULT,
            weigh: Resource::size_bytes,
        }
    }
}

/// One page of a query's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// At most the query's page size resources, and no more than its [`PageBudget`] lets through.
    pub items: Vec<Resource>,
    /// The position, per shard, at which the answer is consistent (the same on every page).
    pub positions: Vec<u64>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Token>,
}
