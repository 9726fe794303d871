//! The load stage: runs the embedded loader in CPython on the target, which imports it, calls
//! `target(driver, args)` and writes the snapshot of the live program (see `docs/snapshot.md`).
//!
//! The Python interpreter is `python3` (or `$RPY_PYTHON`); the `rpython` package comes from
//! `rpython-lib/` in this repository (or `$RPYTHON_LIB`).

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
        return Err(format!(
            "the import phase failed in CPython:\n{}",
            stderr.trim_end()
        ));
    }
    let text =
        std::fs::read_to_string(&out).map_err(|e| format!("cannot read the snapshot: {e}"))?;
    Snapshot::parse(&text)
}
