//! The permission filter: may this principal do this action to this type in this namespace?
//!
//! Model: a principal has the roles of every role binding that names it. A rule names one subject
//! (a principal, or a role), a namespace prefix (by whole segments: `/apps` covers `/apps` and
//! `/apps/web`, not `/apps2`; `/` covers everything), actions (`create`, `update`, `delete`,
//! `read`, or `*` for all four), types (or `*`) and an effect, `allow` or `deny`. An action is
//! allowed iff some rule of the principal or of one of its roles allows it and none denies it:
//! default deny, deny wins. [`Principal::Root`] is allowed everything (the bootstrap).
//!
//! `*` includes `read`: a rule written for "everything" before reads were checked keeps meaning
//! everything (an `allow` of `*` now grants reads too, a `deny` of `*` now hides too), as Kubernetes'
//! `*` verb and etcd's `readwrite` do.
//!
//! The policy namespace is the exception to prefixes: reading it (and below it) takes an `allow`
//! rule whose own namespace is [`POLICY_NAMESPACE`] or lies below it. A read grant on `/` or
//! `/system` does not reach the rules themselves: who may do what is shown only to principals
//! given it explicitly. Deny rules reach it like any namespace, and writes are unchanged (a
//! principal that may write everywhere may write rules, and so grant itself anything: it is an
//! administrator).
//!
//! What is checked, per decided change: a create, the new type; a delete, the stored type; an
//! update, the new type and, if the update changes it, the stored type too — so a principal cannot
//! escape a rule on a type by changing a resource's type. A batch is checked against the rules as
//! they were before it: a batch cannot grant itself rights. Reads are checked by [`super::read`].
//!
//! Rule data: `{"effect": "allow"|"deny", "principal": NAME | "role": NAME, "namespace": PREFIX,
//! "actions": [..], "types": [..]}`. Role binding data: `{"principal": NAME, "roles": [..]}`.
//! Unknown fields are refused (a misspelt field must not silently widen a rule).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::policy::{Entry, Policy, POLICY_NAMESPACE};
use super::{validate_principal_name, Action, Input, Principal, Rejection};
use crate::command::Change;
use crate::error::Result;
use crate::limits::{BINDING_ROLES_MAX, RULE_TYPES_MAX};
use crate::resource::{validate_kind, validate_namespace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Principal(String),
    Role(String),
}

/// One permission rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub effect: Effect,
    pub subject: Subject,
    /// A namespace prefix, by whole segments.
    pub namespace: String,
    /// `None`: every action.
    pub actions: Option<BTreeSet<&'static str>>,
    /// `None`: every type.
    pub types: Option<BTreeSet<String>>,
}

impl Rule {
    fn matches(&self, action: Action, namespace: &str, kind: &str) -> bool {
        self.reaches(action, namespace)
            && self.names(action)
            && self.types.as_ref().is_none_or(|t| t.contains(kind))
    }

    /// Whether the rule names `action` (itself, or by `*`).
    fn names(&self, action: Action) -> bool {
        self.actions
            .as_ref()
            .is_none_or(|a| a.contains(action.as_str()))
    }

    /// Whether the rule's prefix reaches `namespace` for `action`: it covers it, except that a
    /// read grant reaches into the policy namespace only if it names it (see the module doc).
    fn reaches(&self, action: Action, namespace: &str) -> bool {
        covers(&self.namespace, namespace)
            && (action != Action::Read
                || self.effect == Effect::Deny
                || !covers(POLICY_NAMESPACE, namespace)
                || covers(POLICY_NAMESPACE, &self.namespace))
    }
}

/// Whether the namespace prefix `prefix` covers `namespace`, by whole segments.
pub fn covers(prefix: &str, namespace: &str) -> bool {
    prefix == "/"
        || namespace == prefix
        || (namespace.starts_with(prefix) && namespace.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// A principal's roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub principal: String,
    pub roles: BTreeSet<String>,
}

fn fields_only(object: &Map<String, Value>, allowed: &[&str]) -> std::result::Result<(), String> {
    match object.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(format!(
            "unknown field {unknown:?} (fields: {})",
            allowed.join(", ")
        )),
        None => Ok(()),
    }
}

fn string_field<'a>(
    object: &'a Map<String, Value>,
    field: &str,
) -> std::result::Result<Option<&'a str>, String> {
    match object.get(field) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("{field} must be a string")),
    }
}

fn string_list<'a>(
    object: &'a Map<String, Value>,
    field: &str,
    max: usize,
) -> std::result::Result<Vec<&'a str>, String> {
    let Some(Value::Array(items)) = object.get(field) else {
        return Err(format!("{field} must be a list of strings"));
    };
    if items.is_empty() || items.len() > max {
        return Err(format!("{field} must hold 1 to {max} strings"));
    }
    items
        .iter()
        .map(|v| {
            v.as_str()
                .ok_or_else(|| format!("{field} must hold strings"))
        })
        .collect()
}

pub(crate) fn parse_rule(object: &Map<String, Value>) -> std::result::Result<Rule, String> {
    fields_only(
        object,
        &[
            "effect",
            "principal",
            "role",
            "namespace",
            "actions",
            "types",
        ],
    )?;
    let effect = match string_field(object, "effect")? {
        Some("allow") => Effect::Allow,
        Some("deny") => Effect::Deny,
        _ => return Err("effect must be \"allow\" or \"deny\"".into()),
    };
    let subject = match (
        string_field(object, "principal")?,
        string_field(object, "role")?,
    ) {
        (Some(p), None) => {
            validate_principal_name("principal", p).map_err(|e| e.to_string())?;
            Subject::Principal(p.into())
        }
        (None, Some(r)) => {
            validate_principal_name("role", r).map_err(|e| e.to_string())?;
            Subject::Role(r.into())
        }
        _ => return Err("a rule names exactly one of principal and role".into()),
    };
    let namespace = string_field(object, "namespace")?.ok_or("namespace is required")?;
    validate_namespace(namespace).map_err(|e| e.to_string())?;
    let actions = string_list(object, "actions", 5)?;
    let actions = if actions.contains(&"*") {
        None
    } else {
        let mut set = BTreeSet::new();
        for action in actions {
            set.insert(match action {
                "create" => "create",
                "update" => "update",
                "delete" => "delete",
                "read" => "read",
                other => {
                    return Err(format!(
                        "action {other:?} is not create, update, delete, read or *"
                    ))
                }
            });
        }
        Some(set)
    };
    let types = string_list(object, "types", RULE_TYPES_MAX)?;
    let types = if types.contains(&"*") {
        None
    } else {
        for kind in &types {
            validate_kind(kind).map_err(|e| e.to_string())?;
        }
        Some(types.into_iter().map(String::from).collect())
    };
    Ok(Rule {
        effect,
        subject,
        namespace: namespace.into(),
        actions,
        types,
    })
}

pub(crate) fn parse_binding(object: &Map<String, Value>) -> std::result::Result<Binding, String> {
    fields_only(object, &["principal", "roles"])?;
    let principal = string_field(object, "principal")?.ok_or("principal is required")?;
    validate_principal_name("principal", principal).map_err(|e| e.to_string())?;
    let roles = string_list(object, "roles", BINDING_ROLES_MAX)?;
    for role in &roles {
        validate_principal_name("role", role).map_err(|e| e.to_string())?;
    }
    Ok(Binding {
        principal: principal.into(),
        roles: roles.into_iter().map(String::from).collect(),
    })
}

/// Rules indexed by subject, and each principal's roles.
#[derive(Clone, Debug, Default)]
pub struct Permissions {
    by_principal: HashMap<String, Vec<(String, Arc<Rule>)>>,
    by_role: HashMap<String, Vec<(String, Arc<Rule>)>>,
    roles: HashMap<String, BTreeSet<String>>,
}

impl Permissions {
    pub(crate) fn compile(entries: &BTreeMap<String, Arc<Entry>>) -> Self {
        let mut compiled = Permissions::default();
        for (name, entry) in entries {
            match &**entry {
                Entry::Rule(rule) => {
                    let (index, subject) = match &rule.subject {
                        Subject::Principal(p) => (&mut compiled.by_principal, p),
                        Subject::Role(r) => (&mut compiled.by_role, r),
                    };
                    index
                        .entry(subject.clone())
                        .or_default()
                        .push((format!("{POLICY_NAMESPACE}/{name}"), Arc::new(rule.clone())));
                }
                Entry::Binding(binding) => {
                    compiled
                        .roles
                        .entry(binding.principal.clone())
                        .or_default()
                        .extend(binding.roles.iter().cloned());
                }
                Entry::Budget(_) | Entry::Schema(_) => {}
            }
        }
        compiled
    }

    /// The rules of `principal` and of its roles, with their resources' keys.
    fn rules_of<'a>(
        &'a self,
        principal: &'a str,
    ) -> impl Iterator<Item = &'a (String, Arc<Rule>)> + 'a {
        let own = self.by_principal.get(principal).into_iter().flatten();
        let of_roles = self
            .roles
            .get(principal)
            .into_iter()
            .flatten()
            .filter_map(|role| self.by_role.get(role))
            .flatten();
        own.chain(of_roles)
    }

    /// `Ok` iff a rule of `principal` or of its roles allows `action` on `kind` in `namespace`
    /// and none denies it; else the deny rule's name, or `None` for default deny.
    pub fn allows(
        &self,
        principal: &str,
        action: Action,
        namespace: &str,
        kind: &str,
    ) -> std::result::Result<(), Option<String>> {
        let mut allowed = false;
        for (name, rule) in self.rules_of(principal) {
            if rule.matches(action, namespace, kind) {
                match rule.effect {
                    Effect::Deny => return Err(Some(name.clone())),
                    Effect::Allow => allowed = true,
                }
            }
        }
        if allowed {
            Ok(())
        } else {
            Err(None)
        }
    }

    /// `Ok` iff the rules let `principal` read some resource — of type `kind` if given — in
    /// `namespace` (`subtree` false) or in its subtree (`subtree` true), whether or not any is
    /// there; else the name of a deny rule that hides what the allow rules grant, or `None` when
    /// no allow rule reaches the place at all. Exact, not a guess: an allow rule reaches the
    /// place from a root namespace (the deeper of its prefix and `namespace`), and only deny
    /// rules that cover that root can hide all of the subtree below it (a deny further down
    /// leaves the root itself readable); those hide it all iff together they name every type
    /// the allow rule grants there.
    pub fn may_read_within(
        &self,
        principal: &str,
        namespace: &str,
        subtree: bool,
        kind: Option<&str>,
    ) -> std::result::Result<(), Option<String>> {
        let mut hidden_by = None;
        let grants = self
            .rules_of(principal)
            .filter(|(_, rule)| rule.effect == Effect::Allow && rule.names(Action::Read));
        for (_, grant) in grants {
            let root = if covers(&grant.namespace, namespace) {
                namespace
            } else if subtree && covers(namespace, &grant.namespace) {
                grant.namespace.as_str()
            } else {
                continue;
            };
            if !grant.reaches(Action::Read, root) {
                continue;
            }
            let granted: Option<BTreeSet<&str>> = match (kind, &grant.types) {
                (Some(kind), Some(types)) if !types.contains(kind) => continue,
                (Some(kind), _) => Some(BTreeSet::from([kind])),
                (None, Some(types)) => Some(types.iter().map(String::as_str).collect()),
                (None, None) => None,
            };
            let mut denied_types = BTreeSet::new();
            let mut denied_all = false;
            let denials = self.rules_of(principal).filter(|(_, rule)| {
                rule.effect == Effect::Deny
                    && rule.names(Action::Read)
                    && covers(&rule.namespace, root)
            });
            for (name, deny) in denials {
                match &deny.types {
                    None => denied_all = true,
                    Some(types) => denied_types.extend(types.iter().map(String::as_str)),
                }
                hidden_by.get_or_insert_with(|| name.clone());
            }
            let hidden = denied_all
                || granted.is_some_and(|types| types.iter().all(|k| denied_types.contains(k)));
            if !hidden {
                return Ok(());
            }
        }
        Err(hidden_by)
    }
}

/// Checks every change of the batch against the policy before it.
pub fn check(policy: &Policy, input: &Input<'_>) -> Result<()> {
    let Principal::Named(principal) = input.principal else {
        return Ok(());
    };
    let permissions = policy.permissions();
    for (index, change) in input.changes.iter().enumerate() {
        let old_kind = input.olds[index].as_ref().map(|o| o.kind.as_str());
        let (action, namespace, kinds): (Action, &str, [Option<&str>; 2]) = match change {
            Change::Created(r) => (Action::Create, &r.namespace, [Some(&r.kind), None]),
            Change::Updated(r) => (
                Action::Update,
                &r.namespace,
                [Some(&r.kind), old_kind.filter(|k| *k != r.kind)],
            ),
            Change::Deleted { namespace, .. } => (Action::Delete, namespace, [old_kind, None]),
        };
        for kind in kinds.into_iter().flatten() {
            if let Err(rule) = permissions.allows(principal, action, namespace, kind) {
                return Err(input.reject(
                    "permission",
                    index,
                    Rejection::Denied {
                        principal: principal.to_string(),
                        action,
                        namespace: namespace.to_string(),
                        kind: kind.to_string(),
                        rule,
                    },
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: &str) -> std::result::Result<Rule, String> {
        let value: Value = serde_json::from_str(json).unwrap();
        parse_rule(value.as_object().unwrap())
    }

    #[test]
    fn prefixes_cover_whole_segments() {
        assert!(covers("/", "/anything/below"));
        assert!(covers("/apps", "/apps"));
        assert!(covers("/apps", "/apps/web"));
        assert!(!covers("/apps", "/apps2"));
        assert!(!covers("/apps/web", "/apps"));
    }

    #[test]
    fn rules_parse_strictly() {
        let ok = rule(r#"{"effect":"allow","role":"dev","namespace":"/apps","actions":["create","update"],"types":["*"]}"#)
            .unwrap();
        assert_eq!(ok.subject, Subject::Role("dev".into()));
        assert!(ok.types.is_none());
        assert!(ok.matches(Action::Update, "/apps/web", "task"));
        assert!(!ok.matches(Action::Delete, "/apps/web", "task"));
        for bad in [
            r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":["*"],"types":["*"],"efect":"deny"}"#,
            r#"{"effect":"maybe","principal":"a","namespace":"/apps","actions":["*"],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a","role":"b","namespace":"/apps","actions":["*"],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a","namespace":"apps","actions":["*"],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":["reed"],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":[],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a b","namespace":"/apps","actions":["*"],"types":["*"]}"#,
        ] {
            assert!(rule(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn read_is_an_action_and_star_includes_it() {
        let read = rule(r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":["read"],"types":["task"]}"#)
            .unwrap();
        assert!(read.matches(Action::Read, "/apps/web", "task"));
        assert!(!read.matches(Action::Create, "/apps/web", "task"));
        let every = rule(r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":["*"],"types":["*"]}"#)
            .unwrap();
        assert!(every.matches(Action::Read, "/apps", "task"));
        let all_five = rule(
            r#"{"effect":"allow","principal":"a","namespace":"/","actions":["create","update","delete","read","*"],"types":["*"]}"#,
        );
        assert!(all_five.is_ok());
    }

    #[test]
    fn only_a_grant_that_names_the_policy_namespace_reads_it() {
        let everywhere = rule(
            r#"{"effect":"allow","principal":"a","namespace":"/","actions":["*"],"types":["*"]}"#,
        )
        .unwrap();
        assert!(!everywhere.matches(Action::Read, POLICY_NAMESPACE, RULE_TYPE_FOR_TESTS));
        assert!(everywhere.matches(Action::Update, POLICY_NAMESPACE, RULE_TYPE_FOR_TESTS));
        assert!(everywhere.matches(Action::Read, "/system", "task"));
        let named = rule(r#"{"effect":"allow","principal":"a","namespace":"/system/policy","actions":["read"],"types":["*"]}"#)
            .unwrap();
        assert!(named.matches(Action::Read, POLICY_NAMESPACE, RULE_TYPE_FOR_TESTS));
        let hiding = rule(
            r#"{"effect":"deny","principal":"a","namespace":"/","actions":["read"],"types":["*"]}"#,
        )
        .unwrap();
        assert!(hiding.matches(Action::Read, POLICY_NAMESPACE, RULE_TYPE_FOR_TESTS));
    }

    fn permissions(rules: &[&str]) -> Permissions {
        let entries = rules
            .iter()
            .enumerate()
            .map(|(i, json)| (format!("r{i}"), Arc::new(Entry::Rule(rule(json).unwrap()))))
            .collect();
        Permissions::compile(&entries)
    }

    #[test]
    fn a_place_is_readable_unless_denies_that_cover_its_root_name_every_granted_type() {
        let rules = permissions(&[
            r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":["read"],"types":["task","job"]}"#,
            r#"{"effect":"deny","principal":"a","namespace":"/apps/web","actions":["read"],"types":["task"]}"#,
            r#"{"effect":"deny","principal":"a","namespace":"/","actions":["*"],"types":["job"]}"#,
            r#"{"effect":"deny","principal":"a","namespace":"/apps/db/eu","actions":["read"],"types":["*"]}"#,
        ]);
        let within =
            |namespace, subtree, kind| rules.may_read_within("a", namespace, subtree, kind);
        // /apps: tasks are readable (the task deny covers only /apps/web).
        assert_eq!(within("/apps", true, None), Ok(()));
        assert_eq!(within("/", true, None), Ok(()), "the grant lies inside /");
        assert_eq!(
            within("/", false, None),
            Err(None),
            "/ itself: no grant reaches it"
        );
        // /apps/web: tasks denied there, jobs everywhere: the two denies hide it together.
        assert!(matches!(within("/apps/web", true, None), Err(Some(_))));
        assert!(matches!(within("/apps", true, Some("job")), Err(Some(_))));
        // A deny further down leaves the root of the place readable.
        assert_eq!(within("/apps/db", true, None), Ok(()));
        assert!(matches!(within("/apps/db/eu", false, None), Err(Some(_))));
        assert_eq!(
            within("/apps", true, Some("service")),
            Err(None),
            "a type no grant names"
        );
        assert_eq!(within("/ops", true, None), Err(None));
        // A grant of every type is hidden only by a deny of every type.
        let every = permissions(&[
            r#"{"effect":"allow","principal":"a","namespace":"/","actions":["*"],"types":["*"]}"#,
            r#"{"effect":"deny","principal":"a","namespace":"/x","actions":["read"],"types":["t"]}"#,
        ]);
        assert_eq!(every.may_read_within("a", "/x", true, None), Ok(()));
        assert!(every.may_read_within("a", "/x", true, Some("t")).is_err());
        assert_eq!(
            every.may_read_within("a", POLICY_NAMESPACE, false, None),
            Err(None),
            "a grant on / does not reach the rules"
        );
    }

    const RULE_TYPE_FOR_TESTS: &str = super::super::RULE_TYPE;
}
