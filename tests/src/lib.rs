//! Shared helpers of the test harness: the repository root, translating a program once per test
//! binary, running programs translated and untranslated, and reading and rewriting expectations
//! (`UPDATE_EXPECT=1` rewrites them).
//!
//! Relies on `rpy-driver` (translation in-process) and on `python3` for untranslated runs.

pub use rpy_driver::Gc;
use rpy_driver::{translate, Options};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("root")
        .to_path_buf()
}

static SCRATCH: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();

/// A scratch directory shared by one test binary; `remove_scratch` deletes it at the end.
pub fn scratch() -> &'static Path {
    SCRATCH
        .get_or_init(|| {
            tempfile::Builder::new()
                .prefix("rpy-tests-")
                .tempdir()
                .expect("tempdir")
        })
        .path()
}

/// Deletes the scratch directory, if one was made (a static is never dropped, so the test
/// binary calls this before it exits; the executables there take hundreds of megabytes).
pub fn remove_scratch() {
    if let Some(dir) = SCRATCH.get() {
        let _ = std::fs::remove_dir_all(dir.path());
    }
}

/// Translates `target` into an executable in the scratch directory (the C compiler at -O1 for
/// speed, but the backend optimisations of the default level -O2, with the verifier after every
/// stage). Returns the executable or the rendered error.
pub fn translate_to_exe(target: &Path, name: &str) -> Result<PathBuf, String> {
    translate_to_exe_with(target, &format!("{name}-c"), Gc::Generational)
}

/// As [`translate_to_exe`], with the collector `gc`, into the executable `exe_name`.
pub fn translate_to_exe_with(target: &Path, exe_name: &str, gc: Gc) -> Result<PathBuf, String> {
    let exe = scratch().join(exe_name);
    let mut opts = Options::new(target);
    opts.output = Some(exe.clone());
    opts.opt = 1;
    opts.backendopt = Some(rpy_backendopt::Config::for_level(2));
    opts.verify = true;
    opts.gc = gc;
    translate(&opts).map(|_| exe).map_err(|e| e.message)
}

/// The ways the test suite runs each translated program: normally (the default generational
/// collector), then under GC stress (a collection at every allocation) with each collector.
pub const GC_MODES: &[(&str, &[(&str, &str)])] = &[
    ("translated", &[]),
    (
        "translated under GC stress (generational)",
        &[("RPY_GC_STRESS", "1")],
    ),
    (
        "translated under GC stress (semispace)",
        &[("RPY_GC_STRESS", "1"), ("RPY_GC", "semispace")],
    ),
];

/// The ways the test suite runs each program translated with `--gc=boehm`: normally, then under
/// its stress mode (a full collection every 64 allocations).
pub const BOEHM_MODES: &[(&str, &[(&str, &str)])] = &[
    ("translated with --gc=boehm", &[]),
    (
        "translated with --gc=boehm under GC stress",
        &[("RPY_GC_STRESS", "1")],
    ),
];

/// The run tests also translated with `--gc=boehm`, by name prefix: those that exercise what
/// differs under Boehm (containers and strings growing through the support code, dicts and
/// identity hashes, prebuilt objects in static data, exceptions made by the runtime, the heap
/// limit, and the allocation-heavy programs). A second translation of every run test would make
/// the suite about two minutes slower on a 2-core machine; `RPY_TESTS_BOEHM=all` runs them all.
pub const BOEHM_SUBSET: &[&str] = &[
    "bytes_",
    "dict_",
    "exc_basic",
    "exc_oserror",
    "fatal_",
    "list_",
    "obj_linked_list",
    "obj_prebuilt",
    "obj_tree",
    "rlib_gc_most_freed",
    "rlib_gcref",
    "rlib_identity",
    "rlib_listsort",
    "rlib_r_dict",
    "rlib_weakdict_many",
    "rlib_weakdict_prebuilt",
    "rlib_weakref_prebuilt",
    "rlib_rstring",
    "seq_",
    "stack_vm",
    "str",
    "subset_stretch",
    "tuple",
    "vm_interp",
];

/// Whether the run test `name` is also translated with `--gc=boehm` (see [`BOEHM_SUBSET`]).
pub fn boehm_runs(name: &str) -> bool {
    std::env::var("RPY_TESTS_BOEHM").is_ok_and(|v| v == "all")
        || BOEHM_SUBSET.iter().any(|p| name.starts_with(p))
}

/// Runs a translated program with the arguments and environment of a test, plus `extra_env`.
pub fn run_exe(exe: &Path, e: &RunExpect, extra_env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(exe);
    c.current_dir(root());
    c.args(&e.args);
    c.envs(e.env.iter().map(|(k, v)| (k, v)));
    c.envs(extra_env.iter().copied());
    c.output().expect("run the translated program")
}

/// Runs a translated program in every mode of `GC_MODES` and checks each run.
pub fn check_translated(exe: &Path, e: &RunExpect) -> Result<(), String> {
    check_translated_in(exe, e, GC_MODES)
}

/// Runs a translated program in every mode of `modes` and checks each run.
pub fn check_translated_in(
    exe: &Path,
    e: &RunExpect,
    modes: &[(&str, &[(&str, &str)])],
) -> Result<(), String> {
    for (what, env) in modes {
        check_output(what, &run_exe(exe, e, env), e, true)?;
    }
    Ok(())
}

/// Runs a target untranslated on CPython, as VM authors test. Runs start in the repository root,
/// so arguments may name files relative to it.
pub fn run_cpython(target: &Path, args: &[String]) -> Output {
    Command::new("python3")
        .current_dir(root())
        .arg("-m")
        .arg("rpython.run")
        .arg(target)
        .args(args)
        .env("PYTHONPATH", root().join("rpython-lib"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run python3")
}

/// What a run test expects.
#[derive(Debug, Default, Clone)]
pub struct RunExpect {
    pub args: Vec<String>,
    /// Environment variables of the translated run.
    pub env: Vec<(String, String)>,
    /// Why the test does not run on CPython, if it does not.
    pub translated_only: Option<String>,
    pub exit: i32,
    pub fatal: Option<String>,
    pub stdout: String,
}

/// Reads `# args:`, `# exit:`, `# fatal:` and `# expect:` lines.
pub fn parse_run_expect(text: &str) -> RunExpect {
    let mut e = RunExpect::default();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# args:") {
            e.args = rest.split_whitespace().map(str::to_string).collect();
        } else if let Some(rest) = line.strip_prefix("# env:") {
            for kv in rest.split_whitespace() {
                if let Some((k, v)) = kv.split_once('=') {
                    e.env.push((k.to_string(), v.to_string()));
                }
            }
        } else if let Some(rest) = line.strip_prefix("# translated-only:") {
            e.translated_only = Some(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("# exit:") {
            e.exit = rest.trim().parse().expect("exit status");
        } else if let Some(rest) = line.strip_prefix("# fatal:") {
            e.fatal = Some(rest.trim().to_string());
            e.exit = 1;
        } else if let Some(rest) = line.strip_prefix("# expect:") {
            e.stdout.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            e.stdout.push('\n');
        }
    }
    e
}

/// Checks a run's output against the expectation; `what` names the run in messages.
pub fn check_output(
    what: &str,
    out: &Output,
    e: &RunExpect,
    translated: bool,
) -> Result<(), String> {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code().unwrap_or(-1);
    if stdout != e.stdout {
        return Err(format!(
            "{what}: stdout differs\n--- expected\n{}--- got\n{stdout}--- stderr\n{stderr}",
            e.stdout
        ));
    }
    if code != e.exit {
        return Err(format!(
            "{what}: exit status {code}, expected {}\n--- stderr\n{stderr}",
            e.exit
        ));
    }
    if let Some(kind) = &e.fatal {
        let want = if translated {
            format!("Fatal RPython error: {kind}")
        } else {
            kind.clone()
        };
        if !stderr.contains(&want) {
            return Err(format!(
                "{what}: stderr lacks `{want}`\n--- stderr\n{stderr}"
            ));
        }
        if translated && !stderr.contains("RPython traceback:") {
            return Err(format!(
                "{what}: no RPython traceback\n--- stderr\n{stderr}"
            ));
        }
    }
    Ok(())
}

/// The marker that starts the expected text in file tests and error tests.
pub const EXPECTED_MARKER: &str = "# ---- expected";

/// Splits a test file into its program and its expected text (each line of the expectation is
/// written as a comment, `# ` + line).
pub fn split_expected(text: &str) -> (&str, String) {
    match text.find(EXPECTED_MARKER) {
        Some(i) => {
            let exp = text[i + EXPECTED_MARKER.len()..]
                .lines()
                .skip(1)
                .map(|l| {
                    l.strip_prefix("# ")
                        .unwrap_or(l.strip_prefix('#').unwrap_or(l))
                })
                .collect::<Vec<_>>()
                .join("\n");
            (&text[..i], exp)
        }
        None => (text, String::new()),
    }
}

/// Compares `actual` with the file's expectation, or rewrites it under `UPDATE_EXPECT=1`.
pub fn check_expected(path: &Path, actual: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (program, expected) = split_expected(&text);
    let actual = actual.trim_end();
    if expected.trim_end() == actual {
        return Ok(());
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let mut out = program.trim_end().to_string();
        out.push_str("\n\n");
        out.push_str(EXPECTED_MARKER);
        out.push('\n');
        for l in actual.lines() {
            if l.is_empty() {
                out.push_str("#\n");
            } else {
                out.push_str("# ");
                out.push_str(l);
                out.push('\n');
            }
        }
        std::fs::write(path, out).map_err(|e| e.to_string())?;
        return Ok(());
    }
    Err(format!("expectation differs (UPDATE_EXPECT=1 rewrites it)\n--- expected\n{}\n--- actual\n{actual}\n", expected.trim_end()))
}

/// Makes paths in rendered output independent of the machine: the repository root is removed.
pub fn relative_paths(text: &str) -> String {
    let root = root();
    let canon = std::fs::canonicalize(&root).unwrap_or(root.clone());
    let mut out = text.replace(&format!("{}/", canon.display()), "");
    out = out.replace(&format!("{}/", root.display()), "");
    out
}
