//! The validation filter: a resource's `data` must fit every schema its type declares, and a
//! resource under the policy namespace must be a well-formed policy entry.
//!
//! The schema language is deliberately small. A schema (data of an `aorta.io/schema` resource
//! under the policy namespace) is a JSON object:
//!
//! ```json
//! {"type": "orchestrator/task",          // the resource type it governs (required)
//!  "data_bytes_max": 4096,               // optional: at most this many bytes of data
//!  "fields": {"image": "string",         // optional: top-level fields of the data and their
//!             "replicas": "integer"},    //   JSON kind: string, integer, number, boolean,
//!                                        //   object, array, null or any
//!  "required": ["image"],                // optional: fields that must be present (declared)
//!  "additional_fields": false}           // optional (default true): refuse undeclared fields
//! ```
//!
//! With `fields`, `required` or `additional_fields`, the data must be a JSON object (parsed with
//! `serde_json`, whose nesting limit of 128 bounds the parse); with only `data_bytes_max` it may be
//! any bytes. Only the top level is checked. Several schemas may name one type: data must fit
//! every one. Types without a schema are not checked beyond the resource limits. Deletes are never
//! checked. A schema is at most `POLICY_DATA_BYTES_MAX` bytes with `SCHEMA_FIELDS_MAX` fields.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::policy::{parse_entry, Entry, Policy, POLICY_NAMESPACE};
use super::{Input, Rejection};
use crate::command::Change;
use crate::error::Result;
use crate::limits::{DATA_BYTES_MAX, SCHEMA_FIELDS_MAX};
use crate::resource::validate_kind;

/// The JSON kind of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
    Null,
    Any,
}

impl FieldKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "string" => FieldKind::String,
            "integer" => FieldKind::Integer,
            "number" => FieldKind::Number,
            "boolean" => FieldKind::Boolean,
            "object" => FieldKind::Object,
            "array" => FieldKind::Array,
            "null" => FieldKind::Null,
            "any" => FieldKind::Any,
            _ => return None,
        })
    }

    fn accepts(self, value: &Value) -> bool {
        match self {
            FieldKind::String => value.is_string(),
            FieldKind::Integer => value.is_i64() || value.is_u64(),
            FieldKind::Number => value.is_number(),
            FieldKind::Boolean => value.is_boolean(),
            FieldKind::Object => value.is_object(),
            FieldKind::Array => value.is_array(),
            FieldKind::Null => value.is_null(),
            FieldKind::Any => true,
        }
    }
}

/// One schema, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schema {
    pub kind: String,
    pub data_bytes_max: Option<usize>,
    pub fields: BTreeMap<String, FieldKind>,
    pub required: BTreeSet<String>,
    pub additional_fields: bool,
    /// Whether the data must be a JSON object.
    pub json: bool,
}

pub(crate) fn parse_schema(object: &Map<String, Value>) -> std::result::Result<Schema, String> {
    const FIELDS: [&str; 5] = [
        "type",
        "data_bytes_max",
        "fields",
        "required",
        "additional_fields",
    ];
    if let Some(unknown) = object.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!(
            "unknown field {unknown:?} (fields: {})",
            FIELDS.join(", ")
        ));
    }
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .ok_or("type must be a string")?;
    validate_kind(kind).map_err(|e| e.to_string())?;
    let data_bytes_max = match object.get("data_bytes_max") {
        None => None,
        Some(v) => Some(
            v.as_u64()
                .filter(|&n| n <= DATA_BYTES_MAX as u64)
                .ok_or(format!(
                    "data_bytes_max must be an integer from 0 to {DATA_BYTES_MAX}"
                ))? as usize,
        ),
    };
    let mut fields = BTreeMap::new();
    if let Some(declared) = object.get("fields") {
        let declared = declared.as_object().ok_or("fields must be an object")?;
        if declared.len() > SCHEMA_FIELDS_MAX {
            return Err(format!(
                "{} fields, over the limit of {SCHEMA_FIELDS_MAX}",
                declared.len()
            ));
        }
        for (name, kind) in declared {
            let kind = kind.as_str().and_then(FieldKind::parse).ok_or(format!(
                "field {name:?}: the kind must be one of string, integer, number, boolean, \
                 object, array, null, any"
            ))?;
            fields.insert(name.clone(), kind);
        }
    }
    let mut required = BTreeSet::new();
    if let Some(names) = object.get("required") {
        let names = names
            .as_array()
            .ok_or("required must be a list of strings")?;
        for name in names {
            let name = name.as_str().ok_or("required must hold strings")?;
            if !fields.contains_key(name) {
                return Err(format!("required field {name:?} is not declared in fields"));
            }
            required.insert(name.to_string());
        }
    }
    let additional_fields = match object.get("additional_fields") {
        None => true,
        Some(v) => v
            .as_bool()
            .ok_or("additional_fields must be true or false")?,
    };
    let json = ["fields", "required", "additional_fields"]
        .iter()
        .any(|f| object.contains_key(*f));
    Ok(Schema {
        kind: kind.into(),
        data_bytes_max,
        fields,
        required,
        additional_fields,
        json,
    })
}

impl Schema {
    /// Checks `data` against the schema; the error says which rule it breaks.
    pub fn check(&self, data: &[u8]) -> std::result::Result<(), String> {
        if let Some(max) = self.data_bytes_max {
            if data.len() > max {
                return Err(format!(
                    "{} bytes of data, over the limit of {max}",
                    data.len()
                ));
            }
        }
        if !self.json {
            return Ok(());
        }
        let value: Value =
            serde_json::from_slice(data).map_err(|e| format!("data is not JSON: {e}"))?;
        let object = value.as_object().ok_or("data is not a JSON object")?;
        for name in &self.required {
            if !object.contains_key(name) {
                return Err(format!("required field {name:?} is missing"));
            }
        }
        for (name, value) in object {
            match self.fields.get(name) {
                Some(kind) if !kind.accepts(value) => {
                    return Err(format!("field {name:?} must be of kind {kind:?}"));
                }
                None if !self.additional_fields => {
                    return Err(format!("field {name:?} is not declared"));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Schemas by the type they govern, each with its resource's name.
#[derive(Clone, Debug, Default)]
pub struct Schemas {
    by_type: HashMap<String, Vec<(String, Arc<Schema>)>>,
}

impl Schemas {
    pub(crate) fn compile(entries: &BTreeMap<String, Arc<Entry>>) -> Self {
        let mut by_type: HashMap<String, Vec<(String, Arc<Schema>)>> = HashMap::new();
        for (name, entry) in entries {
            if let Entry::Schema(schema) = &**entry {
                by_type
                    .entry(schema.kind.clone())
                    .or_default()
                    .push((name.clone(), Arc::new(schema.clone())));
            }
        }
        Schemas { by_type }
    }

    pub fn for_type(&self, kind: &str) -> &[(String, Arc<Schema>)] {
        self.by_type.get(kind).map_or(&[], Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.by_type.is_empty()
    }
}

/// Checks every created or updated resource against its type's schemas, and every resource under
/// the policy namespace against its policy type.
pub fn check(policy: &Policy, input: &Input<'_>) -> Result<()> {
    let schemas = policy.schemas();
    for (index, change) in input.changes.iter().enumerate() {
        let (Change::Created(r) | Change::Updated(r)) = change else {
            continue;
        };
        let governing = if schemas.is_empty() {
            &[][..]
        } else {
            schemas.for_type(&r.kind)
        };
        for (name, schema) in governing {
            if let Err(reason) = schema.check(&r.data) {
                return Err(input.reject(
                    "validation",
                    index,
                    Rejection::SchemaViolation {
                        kind: r.kind.clone(),
                        schema: format!("{POLICY_NAMESPACE}/{name}"),
                        reason,
                    },
                ));
            }
        }
        if r.namespace == POLICY_NAMESPACE {
            if let Err(reason) = parse_entry(&r.kind, &r.data) {
                return Err(input.reject(
                    "validation",
                    index,
                    Rejection::InvalidPolicy {
                        reason: format!("{}: {reason}", r.key()),
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

    fn schema(json: &str) -> std::result::Result<Schema, String> {
        let value: Value = serde_json::from_str(json).unwrap();
        parse_schema(value.as_object().unwrap())
    }

    #[test]
    fn a_schema_checks_required_fields_kinds_and_size() {
        let s = schema(
            r#"{"type":"task","data_bytes_max":64,"fields":{"image":"string","n":"integer"},
                "required":["image"],"additional_fields":false}"#,
        )
        .unwrap();
        assert_eq!(s.check(br#"{"image":"x","n":3}"#), Ok(()));
        assert!(s.check(br#"{"n":3}"#).unwrap_err().contains("missing"));
        assert!(s.check(br#"{"image":"x","n":3.5}"#).is_err());
        assert!(s.check(br#"{"image":"x","other":1}"#).is_err());
        assert!(s.check(b"not json").is_err());
        assert!(s.check(br#"["image"]"#).is_err());
        assert!(s.check(&[b' '; 65]).unwrap_err().contains("limit"));
        let size_only = schema(r#"{"type":"blob","data_bytes_max":4}"#).unwrap();
        assert_eq!(size_only.check(&[0xff, 0, 1]), Ok(()));
        assert!(size_only.check(&[0; 5]).is_err());
    }

    #[test]
    fn schemas_parse_strictly() {
        for bad in [
            r#"{"data_bytes_max":4}"#,
            r#"{"type":"t","fields":{"a":"text"}}"#,
            r#"{"type":"t","required":["a"]}"#,
            r#"{"type":"t","data_bytes_max":-1}"#,
            r#"{"type":"t","extra":true}"#,
            r#"{"type":"bad type"}"#,
        ] {
            assert!(schema(bad).is_err(), "{bad}");
        }
    }
}
