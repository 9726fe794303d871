//! The `translate` command as a user runs it: the `-O` levels RPython accepts (`-Ojit` among
//! them) and the error for a level it does not. Relies on the system C compiler and CPython.

use std::path::Path;
use std::process::Command;

fn translate(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_translate"))
        .args(args)
        .output()
        .expect("the translate binary runs")
}

#[test]
fn opt_jit_builds_at_level_two_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("sieve");
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../targets/sieve/targetsieve.py");
    let out = translate(&[
        "--batch",
        "-Ojit",
        "--output",
        exe.to_str().unwrap(),
        target.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("note: --opt=jit builds at level 2: no JIT is generated yet"),
        "{stderr}"
    );
    let run = Command::new(&exe).arg("10").output().unwrap();
    assert!(run.status.success());
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "primes up to 10 -> 4\nlast: 2 3 5 7\n"
    );
}

#[test]
fn unknown_opt_level_is_refused() {
    let out = translate(&["--opt=fast", "t.py"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid value 'fast' for '--opt <OPT>'"),
        "{stderr}"
    );
}
