//! Embeds `templates/` into the binary so a release build runs from any
//! directory, and writes the list of interface languages from the folders of
//! `locales/`: adding a language is adding a folder of catalogue files.

use std::{fmt::Write as _, path::Path};

fn main() {
    minijinja_embed::embed_templates!("templates");
    println!("cargo:rerun-if-changed=locales");
    let mut codes: Vec<String> = std::fs::read_dir("locales")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    // English first: it is the default and the catalogue's fallback.
    codes.sort_by_key(|code| (code != "en", code.clone()));
    let variant = |code: &str| -> String {
        code.split(['-', '_'])
            .map(|part| {
                let mut chars = part.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                })
            })
            .collect()
    };
    let mut out = String::new();
    out.push_str("/// A language the interface is written in: one per folder of `locales/`.\n");
    out.push_str("#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]\npub enum Lang {\n");
    for (i, code) in codes.iter().enumerate() {
        if i == 0 {
            out.push_str("    #[default]\n");
        }
        let _ = writeln!(
            out,
            "    #[serde(rename = \"{code}\")]\n    {},",
            variant(code)
        );
    }
    out.push_str("}\n\nimpl Lang {\n    /// Every language, English first.\n    pub const ALL: &'static [Lang] = &[");
    for code in &codes {
        let _ = write!(out, "Lang::{}, ", variant(code));
    }
    out.push_str("];\n\n    /// The BCP 47 code (the folder's name), as in `<html lang>`.\n    pub fn code(self) -> &'static str {\n        match self {\n");
    for code in &codes {
        let _ = writeln!(out, "            Lang::{} => \"{code}\",", variant(code));
    }
    out.push_str("        }\n    }\n}\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("languages.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
