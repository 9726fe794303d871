//! Run tests: every `tests/run/*.py` runs untranslated on CPython and translated (normally, and
//! under GC stress with each collector: see `GC_MODES`), and, for the subset `BOEHM_SUBSET` (all
//! with `RPY_TESTS_BOEHM=all`), translated again with `--gc=boehm` (normally and under its stress
//! mode: `BOEHM_MODES`); all must match its `# expect:` lines.
//! Files named `runhelper_*.py` are modules imported by run tests. A test with a
//! `# translated-only: <reason>` line (for example one that sets a heap limit with `# env:`) does
//! not run on CPython.

use libtest_mimic::{Arguments, Failed, Trial};
use rpy_tests::*;

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let dir = root().join("tests/run");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/run")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "py") || name.starts_with("runhelper_") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let expect = parse_run_expect(&text);
        let (p1, e1) = (path.clone(), expect.clone());
        if expect.translated_only.is_none() {
            trials.push(Trial::test(format!("cpython::{name}"), move || {
                let out = run_cpython(&p1, &e1.args);
                check_output("untranslated", &out, &e1, false).map_err(Failed::from)
            }));
        }
        let n = name.clone();
        let (p2, e2) = (path.clone(), expect.clone());
        trials.push(Trial::test(format!("translated::{name}"), move || {
            let exe = translate_to_exe(&path, &n).map_err(Failed::from)?;
            check_translated(&exe, &expect).map_err(Failed::from)
        }));
        if boehm_runs(&name) {
            trials.push(Trial::test(format!("boehm::{name}"), move || {
                let exe = translate_to_exe_with(&p2, &format!("{name}-boehm-c"), Gc::Boehm)
                    .map_err(Failed::from)?;
                check_translated_in(&exe, &e2, BOEHM_MODES).map_err(Failed::from)
            }));
        }
    }
    trials.push(Trial::test("boehm::collects_under_a_heap_limit", || {
        boehm_collects().map_err(Failed::from)
    }));
    let conclusion = libtest_mimic::run(&args, trials);
    rpy_tests::remove_scratch();
    conclusion.exit();
}

/// A program built with `--gc=boehm` that allocates about 1 GB of short-lived objects completes
/// under a heap limit of 32 MB, says at exit that it collected, and logs its collections.
fn boehm_collects() -> Result<(), String> {
    let exe = translate_to_exe_with(
        &root().join("tests/gc/churn.py"),
        "churn-boehm-c",
        Gc::Boehm,
    )?;
    let expect = RunExpect {
        args: vec!["1000000".into()],
        stdout: format!(
            "{} 10\n",
            128 * 1_000_000 + (0..1_000_000).map(|i| i % 3).sum::<i64>()
        ),
        ..RunExpect::default()
    };
    let limited = [("RPY_GC_MAX_HEAP", "32M"), ("PYPYLOG", "gc-summary")];
    let out = run_exe(&exe, &expect, &limited);
    check_output("churn under a 32M heap limit", &out, &expect, true)?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let collections: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("[gc-summary] collections: "))
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.trim().parse().ok())
        .ok_or(format!(
            "no collection count in the summary\n--- stderr\n{stderr}"
        ))?;
    if collections < 10 {
        return Err(format!(
            "only {collections} collections for 1 GB allocated\n{stderr}"
        ));
    }
    let few = RunExpect {
        args: vec!["300000".into()],
        stdout: format!(
            "{} 3\n",
            128 * 300_000 + (0..300_000).map(|i| i % 3).sum::<i64>()
        ),
        ..RunExpect::default()
    };
    let out = run_exe(&exe, &few, &[("PYPYLOG", "gc"), ("RPY_GC", "semispace")]);
    check_output("churn with PYPYLOG=gc", &out, &few, true)?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.contains("[gc] boehm collection 1: ") {
        return Err(format!(
            "PYPYLOG=gc logged no collection\n--- stderr\n{stderr}"
        ));
    }
    if !stderr
        .contains("ignoring RPY_GC=\"semispace\": this program was translated with --gc=boehm")
    {
        return Err(format!(
            "RPY_GC=semispace was not reported\n--- stderr\n{stderr}"
        ));
    }
    Ok(())
}
