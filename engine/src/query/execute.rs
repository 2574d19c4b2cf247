//! The query executor: answers one page of a [`Query`] from the shards' read views.
//!
//! **Per shard** ([`scan_shard`], sans-IO over a [`ReadView`]): the [`AccessPath`] picks one key
//! family and its ranges — the selector's index plan if it has one, else the type index if the
//! query names a type, else the resources themselves (the namespace's children or subtree). The
//! scan walks those ranges in key order from the shard's resume key (exclusive), fetches each
//! candidate resource at the view's position, keeps it if it passes the scope, the type and the
//! whole selector, and stops (`ControlFlow::Break`) after `limit` matches or once their weight
//! passes the page's byte budget ([`PageBudget`]): it never holds more than `limit` resources, nor
//! more than the budget and one resource, whatever the range's size.
//!
//! **Across shards** ([`Engine::query`]): each involved shard (the namespace's owner for its
//! children, every shard for a subtree) is scanned for `page_size + 1` matches — one more than a
//! page, so that a shard whose matches all fit in the page is known to be done — and the shards'
//! matches are merged by scan key. Every shard scans the same key family and ranges, and distinct
//! resources have distinct keys (a namespace lives on one shard), so keys compare across shards.
//! The first `page_size` form the page, or fewer when the next would pass the page's byte budget
//! (a page always holds one); each shard resumes after the last key taken from it, or is done when its scan ran out and all
//! its matches were taken.
//!
//! **Order.** A listing (the pages of one query, concatenated) holds each matching resource once,
//! in the order of the access path's keys: tree order (namespaces depth-first, a namespace's own
//! resources by name before its sub-namespaces) for the resource range, the type index and a
//! tag-equality plan; by tag value, then tree order, for a set-membership (`in`) or existence plan.
//!
//! **Consistency.** The first page reads each involved shard's latest position; the token carries
//! that vector of positions and later pages read each shard at its own position again, so every
//! page of a listing describes the same per-shard snapshots, whatever was written meanwhile. Each
//! shard's part of the answer is consistent at its position (the indexes are written with the data
//! in one apply step, so an index entry and its resource agree at every position). There is no
//! cross-shard snapshot: the positions of different shards are unrelated, so a listing may show
//! one shard before a write and another after a later one. That matches the write path, where a
//! batch commits on one shard only: no committed batch is ever seen in part. A position that has
//! fallen below its shard's horizon since the first page answers `Error::Compacted`: list again.
//!
//! **Read rights.** A query as a named principal ([`Engine::query_as`]) is refused at once if the
//! rules let it read nothing in the query's place (`filter::read`); otherwise each shard's scan
//! passes over the resources it may not read as over those the selector refuses, by the rules
//! enforced when the page is served. The order and the tokens are those of the query; only the
//! membership narrows.

use std::ops::ControlFlow;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::filter::read::ReadRights;
use crate::filter::Principal;
use crate::query::{
    IndexPlan, Page, PageBudget, Query, QueryError, Scope, ShardResume, Token, TokenError,
};
use crate::resource::{Resource, ValidationError};
use crate::state::ReadView;
use crate::table::key::{
    children_range, decode_tag_index_key, decode_type_index_key, encode_resource_key,
    subtree_range, type_children_range, type_subtree_range, KeyRange,
};

/// Which key family a query scans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFamily {
    /// Resource keys: the value is the resource.
    Resource,
    /// Type index keys: the key names the resource.
    TypeIndex,
    /// Tag index keys: the key names the resource.
    TagIndex,
}

/// The key ranges a query scans, in one family: ascending and disjoint. Every resource the query
/// returns has exactly one key in them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessPath {
    family: KeyFamily,
    ranges: Vec<KeyRange>,
}

impl AccessPath {
    /// The narrowest path the query's parts give, without statistics: the selector's index plan,
    /// else the type index, else the namespace's resource range. The query must be valid.
    pub fn for_query(query: &Query) -> Result<Self, ValidationError> {
        let namespace = query.namespace.as_str();
        let plan = query
            .selector
            .as_ref()
            .map_or(IndexPlan::Scan, |selector| selector.plan());
        if let Some(ranges) = plan.ranges(namespace, query.scope)? {
            return Ok(AccessPath::new(KeyFamily::TagIndex, ranges));
        }
        let range = match (&query.kind, query.scope) {
            (Some(kind), Scope::Children) => {
                return Ok(AccessPath::new(
                    KeyFamily::TypeIndex,
                    vec![type_children_range(kind, namespace)?],
                ))
            }
            (Some(kind), Scope::Subtree) => {
                return Ok(AccessPath::new(
                    KeyFamily::TypeIndex,
                    vec![type_subtree_range(kind, namespace)?],
                ))
            }
            (None, Scope::Children) => children_range(namespace)?,
            (None, Scope::Subtree) => subtree_range(namespace)?,
        };
        Ok(AccessPath::new(KeyFamily::Resource, vec![range]))
    }

    fn new(family: KeyFamily, ranges: Vec<KeyRange>) -> Self {
        assert!(
            !ranges.is_empty(),
            "an access path scans at least one range"
        );
        assert!(
            ranges.windows(2).all(|pair| pair[0].end <= pair[1].start),
            "an access path's ranges are ascending and disjoint"
        );
        AccessPath { family, ranges }
    }

    pub fn family(&self) -> KeyFamily {
        self.family
    }

    pub fn ranges(&self) -> &[KeyRange] {
        &self.ranges
    }

    /// Whether `key` lies in one of the path's ranges: the test a token's resume key must pass.
    pub fn contains(&self, key: &[u8]) -> bool {
        self.ranges.iter().any(|range| range.contains(key))
    }
}

/// A resource that matched, with the key the scan found it under (its resume key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub scan_key: Vec<u8>,
    pub resource: Resource,
}

/// What one shard's scan found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardScan {
    /// At most the scan's limit, in scan-key order, every key after the resume key.
    pub matches: Vec<Match>,
    /// The scan reached the end of the path's ranges: nothing after the last match matches.
    pub exhausted: bool,
    /// The scan stopped because its matches' weight passed the budget (before its limit).
    pub over_budget: bool,
}

/// Scans one shard's view for the matches of `query` on `path` after `resume` (which must not be
/// `Done`), stopping after `limit` (at least 1) matches, or after the match whose weight takes
/// theirs past `budget.bytes_max`. With `rights`, a resource the principal may not read is no
/// match: it is passed over like one the selector refuses.
pub fn scan_shard(
    view: &ReadView,
    query: &Query,
    path: &AccessPath,
    resume: &ShardResume,
    limit: usize,
    budget: &PageBudget,
    rights: Option<&ReadRights>,
) -> Result<ShardScan> {
    assert!(limit > 0, "a scan looks for at least one match");
    let after: Option<&[u8]> = match resume {
        ShardResume::Start => None,
        ShardResume::After(key) => Some(key),
        ShardResume::Done => panic!("a done shard is never scanned"),
    };
    let mut matches = Vec::new();
    let mut weight = 0usize;
    let mut failure = None;
    for range in path.ranges() {
        if after.is_some_and(|after| after >= range.end.as_slice()) {
            continue;
        }
        // The resume key itself was returned: scan from it (its versions sort right after it) and
        // skip it, rather than compute the next key in the versioned encoding.
        let start = match after {
            Some(after) if after > range.start.as_slice() => after.to_vec(),
            _ => range.start.clone(),
        };
        let from = KeyRange {
            start,
            end: range.end.clone(),
        };
        view.scan(&from, &mut |key, position, value| {
            if after.is_some_and(|after| key <= after) {
                return ControlFlow::Continue(());
            }
            match candidate(view, path.family(), key, position, value) {
                Err(error) => {
                    failure = Some(error);
                    return ControlFlow::Break(());
                }
                Ok(resource)
                    if selects(query, &resource)
                        && rights.is_none_or(|rights| rights.may_read(&resource)) =>
                {
                    weight = weight.saturating_add((budget.weigh)(&resource));
                    matches.push(Match {
                        scan_key: key.to_vec(),
                        resource,
                    });
                }
                Ok(_) => {}
            }
            if matches.len() == limit || weight > budget.bytes_max {
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        })?;
        if let Some(error) = failure {
            return Err(error);
        }
        if matches.len() == limit || weight > budget.bytes_max {
            return Ok(ShardScan {
                over_budget: matches.len() < limit,
                matches,
                exhausted: false,
            });
        }
    }
    Ok(ShardScan {
        matches,
        exhausted: true,
        over_budget: false,
    })
}

/// The resource a scanned entry stands for, at the view's position.
fn candidate(
    view: &ReadView,
    family: KeyFamily,
    key: &[u8],
    position: u64,
    value: &[u8],
) -> Result<Resource> {
    let corrupt = |reason: String| Error::Corrupt {
        path: format!("shard {} tables", view.shard()).into(),
        offset: 0,
        reason,
    };
    let (namespace, name, indexed) = match family {
        KeyFamily::Resource => return view.decode_resource(position, value),
        KeyFamily::TypeIndex => {
            let index = decode_type_index_key(key)
                .map_err(|e| corrupt(format!("a type index key does not decode: {e}")))?;
            (index.namespace, index.name, Indexed::Kind(index.kind))
        }
        KeyFamily::TagIndex => {
            let index = decode_tag_index_key(key)
                .map_err(|e| corrupt(format!("a tag index key does not decode: {e}")))?;
            let tag = Indexed::Tag(index.tag_key, index.tag_value);
            (index.namespace, index.name, tag)
        }
    };
    let resource_key = encode_resource_key(&namespace, &name)
        .expect("a decoded index key names a valid namespace and name");
    let resource = view.get_by_table_key(&resource_key)?;
    // The apply step writes (or tombstones) a resource and its index entries at the same
    // position, so an entry live at the view's position names a live resource that has what the
    // entry says; anything else is a broken index.
    let resource = resource.unwrap_or_else(|| {
        panic!(
            "shard {}: an index entry at position {position} names {namespace}/{name}, which is \
             absent at position {}",
            view.shard(),
            view.position()
        )
    });
    assert!(
        indexed.agrees_with(&resource),
        "shard {}: the index entry {indexed:?} at position {position} disagrees with {}",
        view.shard(),
        resource.key()
    );
    Ok(resource)
}

/// What an index entry says of its resource.
#[derive(Debug)]
enum Indexed {
    Kind(String),
    Tag(String, String),
}

impl Indexed {
    fn agrees_with(&self, resource: &Resource) -> bool {
        match self {
            Indexed::Kind(kind) => resource.kind == *kind,
            Indexed::Tag(key, value) => resource.tags.get(key) == Some(value),
        }
    }
}

/// Whether `resource` belongs to the query's answer: its scope, type and whole selector. The
/// access path narrows the candidates; this decides.
pub fn selects(query: &Query, resource: &Resource) -> bool {
    let in_scope = match query.scope {
        Scope::Children => resource.namespace == query.namespace,
        Scope::Subtree => in_subtree(&resource.namespace, &query.namespace),
    };
    in_scope
        && query
            .kind
            .as_ref()
            .is_none_or(|kind| resource.kind == *kind)
        && query
            .selector
            .as_ref()
            .is_none_or(|selector| selector.matches(&resource.tags))
}

/// Whether `namespace` is `root` or lies below it (`/a/b` is below `/a`; `/ab` is not).
fn in_subtree(namespace: &str, root: &str) -> bool {
    root == "/"
        || namespace
            .strip_prefix(root)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Merges the shards' scans into one page of at most `page_size` resources whose weights sum to at
/// most `budget.bytes_max` (or one resource). `scans[s]` is `None` exactly for the shards whose
/// `resume[s]` is `Done`; each scan looked for `page_size + 1` matches within the budget. Returns
/// the page, with a token for the next one unless every shard is done.
pub fn merge_page(
    fingerprint: u64,
    page_size: usize,
    budget: &PageBudget,
    positions: Vec<u64>,
    mut resume: Vec<ShardResume>,
    scans: Vec<Option<ShardScan>>,
) -> Page {
    assert_eq!(positions.len(), resume.len());
    assert_eq!(scans.len(), resume.len());
    let mut heads = vec![0usize; scans.len()];
    let mut items = Vec::with_capacity(page_size);
    let mut weight = 0usize;
    while items.len() < page_size {
        // A scan that stopped early never runs dry before the page is full, or the next key
        // could be on it and taking more from other shards would break the listing's order:
        // stopped by count it holds more than a page, stopped by weight it weighs more than the
        // budget, and a page never goes past the budget (but for its first resource, heavier
        // alone, after which nothing more fits).
        let next = scans
            .iter()
            .enumerate()
            .filter_map(|(shard, scan)| {
                let found = scan.as_ref()?.matches.get(heads[shard])?;
                Some((shard, found))
            })
            .min_by(|(_, a), (_, b)| a.scan_key.cmp(&b.scan_key));
        let Some((shard, found)) = next else { break };
        let found_weight = (budget.weigh)(&found.resource);
        if !items.is_empty() && weight.saturating_add(found_weight) > budget.bytes_max {
            break;
        }
        weight = weight.saturating_add(found_weight);
        items.push(found.resource.clone());
        heads[shard] += 1;
    }
    assert!(!items.is_empty() || scans.iter().flatten().all(|scan| scan.matches.is_empty()));
    for (shard, scan) in scans.iter().enumerate() {
        let Some(scan) = scan else {
            assert_eq!(resume[shard], ShardResume::Done);
            continue;
        };
        assert!(scan.exhausted || scan.over_budget || scan.matches.len() > page_size);
        let taken = heads[shard];
        if scan.exhausted && taken == scan.matches.len() {
            resume[shard] = ShardResume::Done;
        } else if taken > 0 {
            resume[shard] = ShardResume::After(scan.matches[taken - 1].scan_key.clone());
        }
        // Else nothing was taken from the shard: it resumes where it did.
    }
    let next = if resume.iter().all(|point| *point == ShardResume::Done) {
        None
    } else {
        let token = Token::new(fingerprint, positions.clone(), resume)
            .expect("a token made from valid resume points is valid");
        Some(token)
    };
    Page {
        items,
        positions,
        next,
    }
}

impl Engine {
    /// One page of `query`: the first (at each involved shard's latest position) without a token,
    /// the next one (at the token's positions) with the `next` token of the previous page. Reads
    /// are answered on the caller's thread from the shards' published views. A token for another
    /// query or another engine, or a damaged one, is `Error::InvalidToken`; a token whose position
    /// a shard no longer holds is `Error::Compacted` (list again without a token).
    pub fn query(&self, query: &Query, token: Option<&str>) -> Result<Page> {
        self.query_as(&Principal::Root, query, token)
    }

    /// [`Engine::query`] on behalf of `principal`, checked against its read rules (see
    /// `filter::read`): a query whose namespace and scope (and type, if given) hold nothing the
    /// rules let it read is `Error::ReadDenied`, whether or not anything is there; otherwise the
    /// pages hold only what it may read (a deny rule on a namespace inside the query's, or on a
    /// type, leaves those resources out), by the rules enforced when each page is served. The
    /// resources left out are passed over by the scan like those the selector refuses, so pages
    /// are full but for the last, and tokens resume as for any query.
    pub fn query_as(
        &self,
        principal: &Principal,
        query: &Query,
        token: Option<&str>,
    ) -> Result<Page> {
        self.query_as_within(principal, query, token, &PageBudget::default())
    }

    /// [`Engine::query_as`], with pages cut to `budget` (the node's: what fits one frame).
    pub fn query_as_within(
        &self,
        principal: &Principal,
        query: &Query,
        token: Option<&str>,
        budget: &PageBudget,
    ) -> Result<Page> {
        query.validate()?;
        let rights = self.read_rights_for(principal, query)?;
        let rights = rights.as_ref();
        let path = AccessPath::for_query(query)?;
        match token {
            None => {
                let involved = self.involved_shards(query);
                let mut views = Vec::with_capacity(involved.len());
                for (shard, &is_involved) in involved.iter().enumerate() {
                    let view = match is_involved {
                        true => Some(self.view(shard as u16)?),
                        false => None,
                    };
                    views.push(view);
                }
                let positions = views
                    .iter()
                    .map(|view| view.as_ref().map_or(0, ReadView::position))
                    .collect();
                let resume = start_points(&involved);
                self.read_page(
                    query,
                    Admits { budget, rights },
                    &path,
                    positions,
                    views,
                    resume,
                )
            }
            Some(text) => {
                let token = Token::decode(text)?;
                self.check_token(query, &path, &token)?;
                let resume = token.resume().to_vec();
                let positions = token.positions().to_vec();
                let views = self.views_at(&positions, &resume)?;
                self.read_page(
                    query,
                    Admits { budget, rights },
                    &path,
                    positions,
                    views,
                    resume,
                )
            }
        }
    }

    /// The read rights of `principal` for `query`, once its place is checked: `None` for root.
    fn read_rights_for(&self, principal: &Principal, query: &Query) -> Result<Option<ReadRights>> {
        let Some(reader) = self.reader(principal) else {
            return Ok(None);
        };
        let rights = reader.now();
        rights.check_within(
            &query.namespace,
            &query.namespace,
            query.scope,
            query.kind.as_deref(),
        )?;
        Ok(Some(rights))
    }

    /// `query`, as a future for async callers. It never waits (reads never queue behind writes):
    /// the answer is ready at once.
    pub async fn query_async(&self, query: &Query, token: Option<&str>) -> Result<Page> {
        self.query(query, token)
    }

    /// The first page of `query` as it was at `positions` (one per shard, as `Engine::positions`
    /// or an earlier page gives them); later pages follow with [`Engine::query`] and the page's
    /// token. A shard the query does not involve is not read: its entry is ignored and is 0 in the
    /// page. A position a shard no longer holds (below its horizon), or not yet, is
    /// `Error::Compacted`.
    pub fn query_at(&self, query: &Query, positions: &[u64]) -> Result<Page> {
        self.query_at_as(&Principal::Root, query, positions)
    }

    /// [`Engine::query_at`] on behalf of `principal`, checked as [`Engine::query_as`] is: by the
    /// rules enforced now, whatever the positions read.
    pub fn query_at_as(
        &self,
        principal: &Principal,
        query: &Query,
        positions: &[u64],
    ) -> Result<Page> {
        self.query_at_as_within(principal, query, positions, &PageBudget::default())
    }

    /// [`Engine::query_at_as`], with pages cut to `budget`.
    pub fn query_at_as_within(
        &self,
        principal: &Principal,
        query: &Query,
        positions: &[u64],
        budget: &PageBudget,
    ) -> Result<Page> {
        query.validate()?;
        let rights = self.read_rights_for(principal, query)?;
        if positions.len() != usize::from(self.shard_count()) {
            return Err(QueryError::Positions {
                given: positions.len(),
                shards: usize::from(self.shard_count()),
            }
            .into());
        }
        let path = AccessPath::for_query(query)?;
        let involved = self.involved_shards(query);
        let positions: Vec<u64> = positions
            .iter()
            .zip(&involved)
            .map(|(&position, &is_involved)| if is_involved { position } else { 0 })
            .collect();
        let resume = start_points(&involved);
        let views = self.views_at(&positions, &resume)?;
        let admits = Admits {
            budget,
            rights: rights.as_ref(),
        };
        self.read_page(query, admits, &path, positions, views, resume)
    }

    /// Which shards hold part of the answer: the namespace's owner for its children, every shard
    /// for a subtree (its namespaces hash anywhere).
    fn involved_shards(&self, query: &Query) -> Vec<bool> {
        let shards = usize::from(self.shard_count());
        match query.scope {
            Scope::Subtree => vec![true; shards],
            Scope::Children => {
                let owner = usize::from(self.shard_for(&query.namespace));
                (0..shards).map(|shard| shard == owner).collect()
            }
        }
    }

    /// The view of each shard that is not done, at its position.
    fn views_at(&self, positions: &[u64], resume: &[ShardResume]) -> Result<Vec<Option<ReadView>>> {
        assert_eq!(positions.len(), resume.len());
        let mut views = Vec::with_capacity(resume.len());
        for (shard, point) in resume.iter().enumerate() {
            let view = match point {
                ShardResume::Done => None,
                _ => Some(self.view_at(shard as u16, positions[shard])?),
            };
            views.push(view);
        }
        Ok(views)
    }

    /// Refuses a token that another query or another engine made, or whose resume points this
    /// query could not have produced.
    fn check_token(&self, query: &Query, path: &AccessPath, token: &Token) -> Result<()> {
        token.check_query(query)?;
        let shards = usize::from(self.shard_count());
        if token.positions().len() != shards {
            return Err(TokenError::ShardCountMismatch {
                token: token.positions().len(),
                engine: shards,
            }
            .into());
        }
        let involved = self.involved_shards(query);
        for (shard, point) in token.resume().iter().enumerate() {
            let fits = match point {
                ShardResume::Done => true,
                ShardResume::Start => involved[shard],
                ShardResume::After(key) => involved[shard] && path.contains(key),
            };
            if !fits {
                return Err(TokenError::ResumeOutsideQuery { shard }.into());
            }
        }
        Ok(())
    }

    /// Scans every shard that has a view (each at its entry of `positions`, which the page and its
    /// token carry on unchanged) and merges their matches into a page.
    fn read_page(
        &self,
        query: &Query,
        admits: Admits<'_>,
        path: &AccessPath,
        positions: Vec<u64>,
        views: Vec<Option<ReadView>>,
        resume: Vec<ShardResume>,
    ) -> Result<Page> {
        let Admits { budget, rights } = admits;
        assert_eq!(views.len(), resume.len());
        assert_eq!(views.len(), positions.len());
        let lookahead = query.page_size + 1;
        let mut scans = Vec::with_capacity(views.len());
        for ((view, point), &position) in views.iter().zip(&resume).zip(&positions) {
            let scan = match view {
                Some(view) => {
                    assert_eq!(view.position(), position);
                    Some(scan_shard(
                        view, query, path, point, lookahead, budget, rights,
                    )?)
                }
                None => None,
            };
            scans.push(scan);
        }
        Ok(merge_page(
            query.fingerprint(),
            query.page_size,
            budget,
            positions,
            resume,
            scans,
        ))
    }
}

/// What a page admits besides the query's own terms: what fits its budget, and (for a principal
/// other than root) what its read rules let it see.
#[derive(Clone, Copy)]
struct Admits<'a> {
    budget: &'a PageBudget,
    rights: Option<&'a ReadRights>,
}

/// The resume points of a first page: start on the involved shards, done on the others.
fn start_points(involved: &[bool]) -> Vec<ShardResume> {
    involved
        .iter()
        .map(|&is_involved| match is_involved {
            true => ShardResume::Start,
            false => ShardResume::Done,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtrees_end_at_segment_boundaries() {
        assert!(in_subtree("/a", "/"));
        assert!(in_subtree("/a", "/a"));
        assert!(in_subtree("/a/b", "/a"));
        assert!(!in_subtree("/ab", "/a"));
        assert!(!in_subtree("/a-b/c", "/a"));
        assert!(!in_subtree("/", "/a"));
    }

    fn scan_of(keys: &[&str], exhausted: bool) -> ShardScan {
        let matches = keys
            .iter()
            .map(|key| Match {
                scan_key: key.as_bytes().to_vec(),
                resource: Resource {
                    api_version: "v1".into(),
                    id: crate::ResourceId::new(1, 0, 1, 0),
                    namespace: "/a".into(),
                    name: (*key).into(),
                    kind: "task".into(),
                    created_ms: 0,
                    owner: String::new(),
                    tags: Default::default(),
                    cost: 0,
                    data: Vec::new(),
                    revision: 1,
                },
            })
            .collect();
        ShardScan {
            matches,
            exhausted,
            over_budget: false,
        }
    }

    /// A budget where each resource weighs its name's length in bytes.
    fn budget_of(bytes_max: usize) -> PageBudget {
        PageBudget {
            bytes_max,
            weigh: |resource| resource.name.len(),
        }
    }

    fn unbounded() -> PageBudget {
        budget_of(usize::MAX)
    }

    #[test]
    fn a_merge_takes_the_smallest_keys_and_resumes_each_shard_after_its_last() {
        // Page size 2; shard 0 found 3 (so it has more), shard 1 found 1 and ran out, shard 2 is
        // done already.
        let page = merge_page(
            7,
            2,
            &unbounded(),
            vec![10, 20, 0],
            vec![ShardResume::Start, ShardResume::Start, ShardResume::Done],
            vec![
                Some(scan_of(&["b", "d", "e"], false)),
                Some(scan_of(&["a"], true)),
                None,
            ],
        );
        let names: Vec<&str> = page.items.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(page.positions, [10, 20, 0]);
        let token = page.next.expect("shard 0 has more");
        assert_eq!(
            token.resume(),
            [
                ShardResume::After(b"b".to_vec()),
                ShardResume::Done,
                ShardResume::Done
            ]
        );
    }

    #[test]
    fn a_shard_that_gave_nothing_keeps_its_resume_point() {
        let page = merge_page(
            7,
            1,
            &unbounded(),
            vec![10, 20],
            vec![ShardResume::After(b"x".to_vec()), ShardResume::Start],
            vec![
                Some(scan_of(&["y", "z"], false)),
                Some(scan_of(&["a", "b"], false)),
            ],
        );
        let token = page.next.unwrap();
        assert_eq!(
            token.resume(),
            [
                ShardResume::After(b"x".to_vec()),
                ShardResume::After(b"a".to_vec())
            ]
        );
    }

    #[test]
    fn the_last_page_has_no_token() {
        let page = merge_page(
            7,
            3,
            &unbounded(),
            vec![10],
            vec![ShardResume::Start],
            vec![Some(scan_of(&["a", "b", "c"], true))],
        );
        assert_eq!(page.items.len(), 3);
        assert_eq!(page.next, None);
    }

    #[test]
    fn a_page_stops_before_the_resource_that_would_pass_its_byte_budget() {
        // Names weigh 2, 2, 3: a budget of 5 takes "aa" and "bb", and "ccc" starts the next page.
        let page = merge_page(
            7,
            10,
            &budget_of(5),
            vec![10],
            vec![ShardResume::Start],
            vec![Some(scan_of(&["aa", "bb", "ccc"], true))],
        );
        let names: Vec<&str> = page.items.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["aa", "bb"]);
        let token = page.next.expect("ccc is left");
        assert_eq!(token.resume(), [ShardResume::After(b"bb".to_vec())]);
    }

    #[test]
    fn a_resource_heavier_than_the_budget_is_a_page_of_its_own() {
        let page = merge_page(
            7,
            10,
            &budget_of(2),
            vec![10],
            vec![ShardResume::Start],
            vec![Some(scan_of(&["heavy", "b"], true))],
        );
        let names: Vec<&str> = page.items.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["heavy"]);
        assert_eq!(
            page.next.expect("b is left").resume(),
            [ShardResume::After(b"heavy".to_vec())]
        );
    }

    #[test]
    fn a_page_cut_by_weight_resumes_each_shard_after_its_last() {
        // Budget 5, every name weighs 2: shard 0's scan stopped after "cc" (6 > 5); the page takes
        // "aa" and "ab" (4), and "bb" would make 6.
        let mut stopped = scan_of(&["aa", "bb", "cc"], false);
        stopped.over_budget = true;
        let page = merge_page(
            7,
            10,
            &budget_of(5),
            vec![10, 20],
            vec![ShardResume::Start, ShardResume::Start],
            vec![Some(stopped), Some(scan_of(&["ab"], true))],
        );
        let names: Vec<&str> = page.items.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["aa", "ab"]);
        assert_eq!(
            page.next.expect("shard 0 has more").resume(),
            [ShardResume::After(b"aa".to_vec()), ShardResume::Done]
        );
    }
}
