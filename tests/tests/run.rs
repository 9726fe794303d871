//! Run tests: every `tests/run/*.py` runs untranslated on CPython and translated (normally, and
//! under GC stress with each collector: see `GC_MODES`); all must match its `# expect:` lines.
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
        trials.push(Trial::test(format!("translated::{name}"), move || {
            let exe = translate_to_exe(&path, &n).map_err(Failed::from)?;
            check_translated(&exe, &expect).map_err(Failed::from)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
