//! Target tests: every example VM in `targets/<name>/` is translated once, and each case of its
//! `tests.txt` (blocks of `args:`, `exit:` and `expect:` lines separated by blank lines) runs on
//! CPython untranslated and on the translated executable, normally and under GC stress.

use libtest_mimic::{Arguments, Failed, Trial};
use rpy_tests::*;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn parse_cases(text: &str) -> Vec<RunExpect> {
    let mut cases = Vec::new();
    for block in text.split("\n\n") {
        if block.trim().is_empty() {
            continue;
        }
        let mut e = RunExpect::default();
        for line in block.lines() {
            if let Some(rest) = line.strip_prefix("args:") {
                e.args = rest.split_whitespace().map(str::to_string).collect();
            } else if let Some(rest) = line.strip_prefix("exit:") {
                e.exit = rest.trim().parse().expect("exit status");
            } else if let Some(rest) = line.strip_prefix("expect:") {
                e.stdout.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                e.stdout.push('\n');
            }
        }
        cases.push(e);
    }
    cases
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("targets"))
        .expect("targets")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let target = dir.join(format!("target{name}.py"));
        let Ok(text) = std::fs::read_to_string(dir.join("tests.txt")) else {
            continue;
        };
        let exe: Arc<OnceLock<Result<PathBuf, String>>> = Arc::new(OnceLock::new());
        for (i, case) in parse_cases(&text).into_iter().enumerate() {
            let (t, c) = (target.clone(), case.clone());
            trials.push(Trial::test(format!("cpython::{name}::{i}"), move || {
                let out = run_cpython(&t, &c.args);
                check_output("untranslated", &out, &c, false).map_err(Failed::from)
            }));
            let (t, exe, n) = (target.clone(), exe.clone(), name.clone());
            trials.push(Trial::test(format!("translated::{name}::{i}"), move || {
                let exe = exe
                    .get_or_init(|| translate_to_exe(&t, &format!("target{n}")))
                    .clone()
                    .map_err(Failed::from)?;
                check_translated(&exe, &case).map_err(Failed::from)
            }));
        }
    }
    let conclusion = libtest_mimic::run(&args, trials);
    rpy_tests::remove_scratch();
    conclusion.exit();
}
