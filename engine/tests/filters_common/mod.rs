//! Shared by the command filter tests: engines on real files in temporary directories, and
//! builders of policy resources (rules, role bindings, budgets, schemas) as ordinary commands.
#![allow(dead_code)]

use std::path::Path;

use aorta_engine::filter::{
    BUDGET_TYPE, POLICY_NAMESPACE, ROLE_BINDING_TYPE, RULE_TYPE, SCHEMA_TYPE,
};
use aorta_engine::query::{Query, Scope};
use aorta_engine::{
    Batch, Command, Engine, EngineConfig, Error, Principal, Rejection, ResourceSpec,
};

/// An engine of `shards` shards on real files under `dir` (small segments: quick to make).
pub fn open(dir: &Path, shards: u16) -> Engine {
    let mut config = EngineConfig::new(dir).with_shards(shards);
    config.segment_bytes_max = 1024 * 1024;
    config.pin_shards_to_cpus = Some(false);
    Engine::open(config).unwrap()
}

pub fn principal(name: &str) -> Principal {
    Principal::named(name).unwrap()
}

/// A put of policy resource `name` of type `kind` with `json` as data.
pub fn policy(name: &str, kind: &str, json: &str) -> Command {
    Command::put(
        ResourceSpec::new(POLICY_NAMESPACE, name, kind).with_data(json.as_bytes().to_vec()),
        None,
    )
}

pub fn delete_policy(name: &str) -> Batch {
    Batch::single(Command::delete(POLICY_NAMESPACE, name, None))
}

/// A rule: `subject` is `principal:NAME` or `role:NAME`.
pub fn rule(
    name: &str,
    effect: &str,
    subject: &str,
    namespace: &str,
    actions: &[&str],
    types: &[&str],
) -> Command {
    let (field, who) = subject.split_once(':').unwrap();
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|i| format!("{i:?}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    policy(
        name,
        RULE_TYPE,
        &format!(
            r#"{{"effect":"{effect}","{field}":"{who}","namespace":"{namespace}","actions":[{}],"types":[{}]}}"#,
            list(actions),
            list(types)
        ),
    )
}

pub fn binding(name: &str, principal: &str, roles: &[&str]) -> Command {
    let roles = roles
        .iter()
        .map(|r| format!("{r:?}"))
        .collect::<Vec<_>>()
        .join(",");
    policy(
        name,
        ROLE_BINDING_TYPE,
        &format!(r#"{{"principal":"{principal}","roles":[{roles}]}}"#),
    )
}

pub fn budget(name: &str, namespace: &str, amount: u64) -> Command {
    policy(
        name,
        BUDGET_TYPE,
        &format!(r#"{{"namespace":"{namespace}","budget":{amount}}}"#),
    )
}

pub fn schema(name: &str, json: &str) -> Command {
    policy(name, SCHEMA_TYPE, json)
}

/// A put of (`namespace`, `name`) of type `kind`.
pub fn put(namespace: &str, name: &str, kind: &str) -> Command {
    Command::put(ResourceSpec::new(namespace, name, kind), None)
}

/// A put with a cost.
pub fn put_cost(namespace: &str, name: &str, cost: u64) -> Command {
    let mut spec = ResourceSpec::new(namespace, name, "item");
    spec.cost = cost;
    Command::put(spec, None)
}

/// The filter and reason of a rejection; panics on any other outcome.
pub fn rejection<T: std::fmt::Debug>(result: Result<T, Error>) -> (&'static str, usize, Rejection) {
    match result {
        Err(Error::Rejected {
            filter,
            command_index,
            reason,
            ..
        }) => (filter, command_index, *reason),
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// Each shard's position.
pub fn positions(engine: &Engine) -> Vec<u64> {
    engine.positions().unwrap()
}

/// The target and reason of a refused read; panics on any other outcome.
pub fn read_denial<T: std::fmt::Debug>(result: Result<T, Error>) -> (String, Rejection) {
    match result {
        Err(Error::ReadDenied { target, reason }) => (target, *reason),
        other => panic!("expected a refused read, got {other:?}"),
    }
}

/// A query of `namespace`'s subtree (or its children), every type, `page_size` a page.
pub fn query(namespace: &str, subtree: bool, page_size: usize) -> Query {
    Query {
        namespace: namespace.into(),
        scope: if subtree {
            Scope::Subtree
        } else {
            Scope::Children
        },
        kind: None,
        selector: None,
        page_size,
    }
}

/// Every page of `query` as `principal`, followed by its tokens: the keys listed, in order, and
/// the size of each page.
pub fn list_all(
    engine: &Engine,
    principal: &Principal,
    query: &Query,
) -> (Vec<String>, Vec<usize>) {
    let mut keys = Vec::new();
    let mut sizes = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = engine.query_as(principal, query, token.as_deref()).unwrap();
        sizes.push(page.items.len());
        keys.extend(page.items.iter().map(|r| r.key()));
        match page.next {
            Some(next) => token = Some(next.encode()),
            None => return (keys, sizes),
        }
    }
}

/// The read rules the read tests give alice: she may read `/apps`, except the subtree
/// `/apps/private` and resources of type `secret` anywhere under `secrets_under`.
pub fn alice_reads_apps(engine: &Engine, secrets_under: &str) {
    engine
        .commit(Batch::new(vec![
            rule(
                "alice-apps",
                "allow",
                "principal:alice",
                "/apps",
                &["read"],
                &["*"],
            ),
            rule(
                "alice-private",
                "deny",
                "principal:alice",
                "/apps/private",
                &["read"],
                &["*"],
            ),
            rule(
                "alice-secrets",
                "deny",
                "principal:alice",
                secrets_under,
                &["read"],
                &["secret"],
            ),
        ]))
        .unwrap();
}
