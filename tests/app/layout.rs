//! The README's "How it is built" listing is the tree: every module of
//! `src/` (each top-level file, each area folder and its files) and every
//! folder of `templates/` is named there, and nothing named there is missing.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names in a folder: files ending in `ending`, and folders (as `name/`).
fn entries(dir: &Path, ending: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().unwrap();
            let kind = entry.file_type().unwrap();
            // An empty folder is not in git, so not part of the tree.
            if kind.is_dir() && std::fs::read_dir(entry.path()).unwrap().next().is_some() {
                Some(format!("{name}/"))
            } else if kind.is_file() && name.ends_with(ending) {
                Some(name)
            } else {
                None
            }
        })
        .collect()
}

/// What the tree holds: `src/x.rs`, `src/area/`, `src/area/y.rs`,
/// `templates/folder/`, `templates/page.html`.
fn tree() -> BTreeSet<String> {
    let mut tree = BTreeSet::new();
    for name in entries(&root().join("src"), ".rs") {
        if let Some(area) = name.strip_suffix('/') {
            for file in entries(&root().join("src").join(area), ".rs") {
                assert!(
                    !file.ends_with('/'),
                    "src/{area}/{file}: the listing has no level for folders in areas"
                );
                tree.insert(format!("src/{area}/{file}"));
            }
        }
        tree.insert(format!("src/{name}"));
    }
    for name in entries(&root().join("templates"), ".html") {
        tree.insert(format!("templates/{name}"));
    }
    tree
}

/// What the README's listing names, read the same way.
fn listed() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("## How it is built\n")
        .nth(1)
        .expect("README has a \"How it is built\" section");
    let block = section
        .split("```\n")
        .nth(1)
        .expect("the section opens with a listing");
    let mut listed = BTreeSet::new();
    let mut under = "";
    for line in block.lines() {
        if !line.starts_with(' ') {
            // A top-level row: the folder it names holds the indented rows below.
            let first = line.split_whitespace().next().unwrap_or_default();
            under = if matches!(first, "src/" | "templates/") {
                first
            } else {
                ""
            };
            continue;
        }
        if under.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace().peekable();
        let area = match words.peek() {
            Some(word) if under == "src/" && word.ends_with('/') => words.next(),
            _ => None,
        };
        if let Some(area) = area {
            listed.insert(format!("src/{area}"));
        }
        for word in words {
            let name = word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_./".contains(c));
            let real = word.ends_with(".rs") || word.ends_with(".html") || word.ends_with('/');
            if name && real {
                listed.insert(format!("{under}{}{word}", area.unwrap_or_default()));
            }
        }
    }
    listed
}

#[test]
fn the_readme_layout_names_every_module_and_template_folder_and_nothing_else() {
    let (tree, listed) = (tree(), listed());
    let unlisted: Vec<&String> = tree.difference(&listed).collect();
    let missing: Vec<&String> = listed.difference(&tree).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "README's \"How it is built\" does not match the tree:\n  not listed: {unlisted:?}\n  listed but absent: {missing:?}"
    );
}
