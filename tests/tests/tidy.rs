//! Tidy checks, run as ordinary tests: every Rust file opens with a `//!` doc comment, the crate
//! dependency rules of the design hold (stages depend only downward, `model` on no internal
//! crate, `genc` only on `model`, the runtime on none), and no test is ignored.

use rpy_tests::root;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn all_rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for d in ["translator", "gc", "tests", "bench"] {
        rust_files(&root().join(d), &mut files);
    }
    files.sort();
    files
}

#[test]
fn every_rust_file_has_a_module_doc() {
    let missing: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|f| {
            !std::fs::read_to_string(f)
                .unwrap_or_default()
                .trim_start()
                .starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` doc: {missing:#?}"
    );
}

#[test]
fn no_ignored_tests() {
    let marker = ["#[", "ignore"].concat();
    let offenders: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_default()
                .contains(&marker)
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "ignored tests in {offenders:?}");
}

/// The internal crates a crate's manifest depends on.
fn internal_deps(manifest: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(manifest).expect("manifest");
    let mut in_deps = false;
    let mut deps = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps {
            let name = line.split(['.', '=', ' ']).next().unwrap_or("");
            if name.starts_with("rpy-") || name == "rpyrt" {
                deps.push(name.to_string());
            }
        }
    }
    deps.sort();
    deps
}

/// Each crate and the internal crates it may depend on.
const ALLOWED: &[(&str, &[&str])] = &[
    ("translator/model", &[]),
    ("translator/flow", &["rpy-model"]),
    ("translator/annotator", &["rpy-flow", "rpy-model"]),
    (
        "translator/rtyper",
        &["rpy-annotator", "rpy-flow", "rpy-model"],
    ),
    ("translator/backendopt", &["rpy-model"]),
    ("translator/lower", &["rpy-model"]),
    ("translator/genc", &["rpy-model"]),
    (
        "translator/driver",
        &[
            "rpy-annotator",
            "rpy-backendopt",
            "rpy-flow",
            "rpy-genc",
            "rpy-lower",
            "rpy-model",
            "rpy-rtyper",
        ],
    ),
    ("gc/rpyrt", &[]),
    ("tests", &["rpy-backendopt", "rpy-driver", "rpy-model"]),
    ("bench", &["rpy-backendopt", "rpy-driver"]),
];

#[test]
fn crate_dependencies_point_downward() {
    let mut problems = Vec::new();
    for (dir, ok) in ALLOWED {
        for d in internal_deps(&root().join(dir).join("Cargo.toml")) {
            if !ok.contains(&d.as_str()) {
                problems.push(format!("{dir} depends on {d}"));
            }
        }
    }
    assert!(problems.is_empty(), "dependency rules broken: {problems:?}");
}

#[test]
fn every_workspace_crate_has_dependency_rules() {
    let ws = std::fs::read_to_string(root().join("Cargo.toml")).expect("workspace");
    let mut members: Vec<&str> = ws
        .lines()
        .skip_while(|l| !l.starts_with("members"))
        .skip(1)
        .take_while(|l| !l.starts_with(']'))
        .map(|l| l.trim().trim_matches(|c| c == '"' || c == ','))
        .collect();
    members.sort();
    let mut known: Vec<&str> = ALLOWED.iter().map(|a| a.0).collect();
    known.sort();
    assert_eq!(
        members, known,
        "every workspace member needs a row in ALLOWED"
    );
}
