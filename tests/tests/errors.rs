//! Error tests: every `tests/errors/*.py` is a program the translator must reject. The rendered
//! diagnostics (with paths relative to the repository) must equal the expectation written after
//! `# ---- expected` in the same file; `UPDATE_EXPECT=1` rewrites it. The translator must fail
//! cleanly: an error, never a panic.

use libtest_mimic::{Arguments, Failed, Trial};
use rpy_driver::{translate, Options};
use rpy_tests::*;

fn main() {
    let args = Arguments::from_args();
    let dir = root().join("tests/errors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/errors")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut trials = Vec::new();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "py") || name.starts_with("errhelper_") {
            continue;
        }
        trials.push(Trial::test(name, move || {
            let opts = Options::new(&path);
            let res = std::panic::catch_unwind(|| translate(&opts));
            let message = match res {
                Err(_) => return Err(Failed::from("the translator panicked")),
                Ok(Ok(_)) => return Err(Failed::from("the program was accepted")),
                Ok(Err(e)) => e.message,
            };
            check_expected(&path, &relative_paths(&message)).map_err(Failed::from)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
