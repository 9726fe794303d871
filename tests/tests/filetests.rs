//! File tests per stage: `tests/filetests/<stage>/*.py` is translated up to C (no compiler), and
//! the text form of the stage named by the directory (`flow`, `annotated`, `lowlevel`,
//! `optimized`, `lowered`, `c`) for the functions listed in `# function: <name>` lines (default:
//! every function) must equal the expectation after `# ---- expected`. `UPDATE_EXPECT=1` rewrites
//! expectations. `optimized` files are pass tests: `# passes: a, b` names the backend passes to
//! run, and the expectation shows each function before and after them.
//! The verifier runs after every stage.

use libtest_mimic::{Arguments, Failed, Trial};
use rpy_driver::{translate, Options};
use rpy_tests::*;
use std::path::Path;

fn stage_text(stage: &str, dump: &Path, functions: &[String]) -> Result<String, String> {
    if stage == "c" {
        let c = std::fs::read_to_string(dump.join("c/program.c")).map_err(|e| e.to_string())?;
        let mut out = String::new();
        for f in functions {
            // A function's definition: its prototype line followed by a body up to a lone `}`.
            let needle = format!("_{f}(");
            let start = c
                .match_indices(&needle)
                .map(|(i, _)| c[..i].rfind('\n').map_or(0, |j| j + 1))
                .find(|&ls| {
                    c[ls..].starts_with("static ")
                        && c[ls..].lines().next().is_some_and(|l| l.ends_with('{'))
                })
                .ok_or(format!("no C function for {f}"))?;
            let end = c[start..].find("\n}\n").map_or(c.len(), |e| start + e + 3);
            let body: Vec<&str> = c[start..end]
                .lines()
                .filter(|l| !l.starts_with("#line"))
                .collect();
            out.push_str(&body.join("\n"));
            out.push('\n');
        }
        return Ok(out);
    }
    let dir = dump.join(stage);
    let mut names: Vec<String> = if functions.is_empty() {
        let mut all: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok())
            .map(|e| {
                e.file_name()
                    .to_string_lossy()
                    .trim_end_matches(".txt")
                    .to_string()
            })
            .filter(|n| n != "types")
            .collect();
        all.sort();
        all
    } else {
        functions.to_vec()
    };
    if stage == "lowlevel" || stage == "lowered" {
        names.insert(0, "types".into());
    }
    if stage == "optimized" {
        // A pass test shows its function before (the rtyper's graph) and after the passes.
        let mut out = String::new();
        for n in &names {
            for (title, st) in [("before", "lowlevel"), ("after", "optimized")] {
                let text = std::fs::read_to_string(dump.join(st).join(format!("{n}.txt")))
                    .map_err(|e| format!("{n}: {e}"))?;
                out.push_str(&format!("## {title}\n{text}"));
            }
        }
        return Ok(out);
    }
    let mut out = String::new();
    for n in names {
        let text = std::fs::read_to_string(dir.join(format!("{n}.txt")))
            .map_err(|e| format!("{n}: {e}"))?;
        out.push_str(&text);
    }
    Ok(out)
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for stage in ["flow", "annotated", "lowlevel", "optimized", "lowered", "c"] {
        let dir = root().join("tests/filetests").join(stage);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        for path in files {
            let name = format!("{stage}::{}", path.file_stem().unwrap().to_string_lossy());
            trials.push(Trial::test(name, move || {
                let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let functions: Vec<String> = text
                    .lines()
                    .filter_map(|l| l.strip_prefix("# function:"))
                    .map(|f| f.trim().to_string())
                    .collect();
                let dump = tempfile::tempdir().map_err(|e| e.to_string())?;
                let mut opts = Options::new(&path);
                // `# passes: a, b` runs only those backend passes (pass tests).
                if let Some(line) = text.lines().find_map(|l| l.strip_prefix("# passes:")) {
                    let names: Vec<&str> = line.split(',').map(str::trim).collect();
                    opts.backendopt =
                        Some(rpy_backendopt::Config::only(&names).map_err(Failed::from)?);
                }
                opts.dump = Some(dump.path().to_path_buf());
                opts.verify = true;
                translate(&opts).map_err(|e| Failed::from(relative_paths(&e.message)))?;
                let actual = stage_text(stage, dump.path(), &functions)?;
                check_expected(&path, &relative_paths(&actual)).map_err(Failed::from)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
