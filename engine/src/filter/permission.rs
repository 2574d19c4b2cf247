//! The permission filter: may this principal do this action to this type in this namespace?
//!
//! Model: a principal has the roles of every role binding that names it. A rule names one subject
//! (a principal, or a role), a namespace prefix (by whole segments: `/apps` covers `/apps` and
//! `/apps/web`, not `/apps2`; `/` covers everything), actions (`create`, `update`, `delete`, or
//! `*`), types (or `*`) and an effect, `allow` or `deny`. A command is allowed iff some rule of
//! the principal or of one of its roles allows it and none denies it: default deny, deny wins.
//! [`Principal::Root`] is allowed everything (the bootstrap).
//!
//! What is checked, per decided change: a create, the new type; a delete, the stored type; an
//! update, the new type and, if the update changes it, the stored type too — so a principal cannot
//! escape a rule on a type by changing a resource's type. A batch is checked against the rules as
//! they were before it: a batch cannot grant itself rights.
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
        covers(&self.namespace, namespace)
            && self
                .actions
                .as_ref()
                .is_none_or(|a| a.contains(action.as_str()))
            && self.types.as_ref().is_none_or(|t| t.contains(kind))
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
    let actions = string_list(object, "actions", 4)?;
    let actions = if actions.contains(&"*") {
        None
    } else {
        let mut set = BTreeSet::new();
        for action in actions {
            set.insert(match action {
                "create" => "create",
                "update" => "update",
                "delete" => "delete",
                other => {
                    return Err(format!(
                        "action {other:?} is not create, update, delete or *"
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

    /// `Ok` iff a rule of `principal` or of its roles allows `action` on `kind` in `namespace`
    /// and none denies it; else the deny rule's name, or `None` for default deny.
    pub fn allows(
        &self,
        principal: &str,
        action: Action,
        namespace: &str,
        kind: &str,
    ) -> std::result::Result<(), Option<String>> {
        let own = self.by_principal.get(principal).into_iter().flatten();
        let of_roles = self
            .roles
            .get(principal)
            .into_iter()
            .flatten()
            .filter_map(|role| self.by_role.get(role))
            .flatten();
        let mut allowed = false;
        for (name, rule) in own.chain(of_roles) {
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
            r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":["read"],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a","namespace":"/apps","actions":[],"types":["*"]}"#,
            r#"{"effect":"allow","principal":"a b","namespace":"/apps","actions":["*"],"types":["*"]}"#,
        ] {
            assert!(rule(bad).is_err(), "{bad}");
        }
    }
}
