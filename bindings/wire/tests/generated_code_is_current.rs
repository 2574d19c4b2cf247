//! `src/generated.rs` is exactly what planus generates from `bindings/schema/message.fbs` (and the
//! files it includes), and `src/generated_weigh.rs` exactly what this test generates from the same
//! declarations (the walk of `src/weigh.rs` for each table and union), so that the committed Rust
//! code can never drift from the schema that other languages generate their clients from. Only
//! cargo is needed: planus's translator and code generator run here as libraries.
//!
//! After changing a schema file, regenerate with
//! `AORTA_WIRE_REGENERATE=1 cargo test -p aorta-wire --test generated_code_is_current`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use planus_types::intermediate::{DeclarationKind, Declarations, TypeKind};

const HEADER: &str = "// @generated from bindings/schema/*.fbs: do not edit.\n\
// Regenerate: AORTA_WIRE_REGENERATE=1 cargo test -p aorta-wire --test generated_code_is_current\n";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn translate() -> (Declarations, PathBuf) {
    let root = crate_dir()
        .join("../schema/message.fbs")
        .canonicalize()
        .expect("bindings/schema/message.fbs exists");
    let declarations = planus_translation::translate_files(&[&root])
        .expect("the schema translates (planus printed the errors above)");
    let schema_dir = root
        .parent()
        .expect("the schema has a folder")
        .to_path_buf();
    (declarations, schema_dir)
}

fn generate_planus(declarations: &Declarations, schema_dir: &Path) -> String {
    // No rustfmt: CI may not have it, and its output changes between releases.
    let code = planus_codegen::generate_rust(declarations, false).expect("planus generates Rust");
    // The generated docs name the schema files by the path they were read from: make it the same
    // on every machine.
    let code = code.replace(&format!("{}/", schema_dir.display()), "bindings/schema/");
    format!("{HEADER}{code}")
}

/// For each table, a `Weigh` that charges the table and weighs each field that is not inline
/// (strings, vectors, tables, unions); for each union, one that weighs its variant.
fn generate_weigh(declarations: &Declarations) -> String {
    let mut out = String::from(HEADER);
    for (_, path, declaration) in declarations.iter_declarations() {
        let name = path.0.last().expect("a declaration has a name");
        match &declaration.kind {
            DeclarationKind::Table(table) => {
                writeln!(out, "\nimpl Weigh for wire::{name}Ref<'_> {{").unwrap();
                out.push_str(
                    "    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {\n",
                );
                out.push_str("        scale.charge(TABLE_BYTES)?;\n");
                for (field, definition) in &table.fields {
                    let inline = matches!(definition.type_.kind, TypeKind::SimpleType(_));
                    if !inline && !definition.deprecated {
                        writeln!(out, "        self.{field}()?.weigh(scale)?;").unwrap();
                    }
                }
                out.push_str("        Ok(())\n    }\n}\n");
            }
            DeclarationKind::Union(union) => {
                writeln!(out, "\nimpl Weigh for wire::{name}Ref<'_> {{").unwrap();
                out.push_str(
                    "    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {\n",
                );
                out.push_str("        match self {\n");
                for variant in union.variants.keys() {
                    writeln!(
                        out,
                        "            wire::{name}Ref::{variant}(value) => value.weigh(scale),"
                    )
                    .unwrap();
                }
                out.push_str("        }\n    }\n}\n");
            }
            DeclarationKind::Struct(_) | DeclarationKind::Enum(_) => {}
            DeclarationKind::RpcService(_) => panic!("the schema declares no rpc_service"),
        }
    }
    out
}

/// Writes `generated` to `file` under `src/` when regenerating, or checks that it is there.
fn check_or_write(file: &str, generated: &str) {
    let path = crate_dir().join("src").join(file);
    if std::env::var_os("AORTA_WIRE_REGENERATE").is_some() {
        std::fs::write(&path, generated).expect("writing the generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is not what bindings/schema generates; regenerate it with \
         AORTA_WIRE_REGENERATE=1 cargo test -p aorta-wire --test generated_code_is_current",
        path.display()
    );
}

#[test]
fn generated_code_is_current() {
    let (declarations, schema_dir) = translate();
    check_or_write("generated.rs", &generate_planus(&declarations, &schema_dir));
    check_or_write("generated_weigh.rs", &generate_weigh(&declarations));
}
