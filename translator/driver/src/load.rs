//! The load stage: runs the embedded loader in CPython on the target, which imports it, calls
//! `target(driver, args)` and writes the snapshot of the live program (see `docs/snapshot.md`).
//!
//! The Python interpreter is `python3` (or `$RPY_PYTHON`); the `rpython` package comes from
//! `rpython-lib/` in this repository (or `$RPYTHON_LIB`). When the import phase fails, the message
//! is one `error:` line (what failed) followed by what the loader printed: the program's own
//! traceback, with the loader's frames left out.

use rpy_model::snapshot::Snapshot;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The loader script, embedded so the translator needs no file of its own at run time.
pub const LOADER: &str = include_str!("../../../rpython-lib/loader.py");

/// Where the `rpython` package is.
pub fn rpython_lib() -> PathBuf {
    match std::env::var_os("RPYTHON_LIB") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rpython-lib"),
    }
}

/// The Python interpreter used for the import phase.
pub fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Runs the loader; on failure returns the message to show (with the Python traceback).
pub fn load(target: &Path, args: &[String], workdir: &Path) -> Result<Snapshot, String> {
    let loader = workdir.join("loader.py");
    std::fs::write(&loader, LOADER).map_err(|e| format!("cannot write the loader: {e}"))?;
    let out = workdir.join("snapshot.json");
    let res = Command::new(python())
        .arg(&loader)
        .arg("--lib")
        .arg(rpython_lib())
        .arg("--out")
        .arg(&out)
        .arg(target)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python()))?;
    if !res.status.success() {
        let stderr = String::from_utf8_lossy(&res.stderr);
        return Err(failure_message(res.status.code(), &stderr));
    }
    let text =
        std::fs::read_to_string(&out).map_err(|e| format!("cannot read the snapshot: {e}"))?;
    Snapshot::parse(&text)
}

/// The message for a failed import phase, from the loader's exit status and its stderr (the
/// program's own output at import time, then the traceback or the loader's message).
fn failure_message(status: Option<i32>, stderr: &str) -> String {
    // The loader ends with a line of its own that repeats what the header says.
    let mut lines: Vec<&str> = stderr.trim_end().lines().collect();
    let last = lines.last().copied().unwrap_or("");
    let loader_line = last.strip_prefix("loader: ").map(str::to_string);
    if loader_line.is_some() {
        lines.pop();
    }
    let body = lines.join("\n");
    match (status, loader_line) {
        // The target is malformed (no `target()`, or it returned no function).
        (Some(3), Some(msg)) => {
            let mut out = format!("error: {msg}");
            if !body.is_empty() {
                out = format!("{body}\n{out}");
            }
            out
        }
        // The target's module-level code or its `target()` raised: the traceback says where.
        (Some(2), msg) => {
            // A `SystemExit` leaves no traceback: the loader's line says what happened.
            let body = if body.is_empty() {
                msg.unwrap_or_default()
            } else {
                body
            };
            format!(
                "error: the import phase of the program failed in CPython\n{body}\n\
                 note: before translating, the translator imports the target and calls \
                 `target()` in CPython"
            )
        }
        (_, msg) => {
            let mut out = String::from("error: the translator's loader failed in CPython");
            if !body.is_empty() {
                out.push('\n');
                out.push_str(&body);
            }
            if let Some(m) = msg {
                out.push('\n');
                out.push_str(&m);
            }
            out
        }
    }
}
