//! The `translate` command as a user runs it: the `-O` levels RPython accepts (`-Ojit` among
//! them) and the error for a level it does not; `--gc=boehm` (listed by `--help`, linked with
//! libgc, collecting under stress) and its error when libgc's header cannot be found; `--lto`;
//! the runtime's settings read and reported without Rust's standard library, and the log in the
//! file `PYPYLOG` names. Relies on the system C compiler, libgc and CPython (and `objdump`, if
//! present).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What `targets/sieve` prints for 100000 (and for 10).
const PRIMES_100000: &str = "primes up to 100000 -> 9592\nlast: 99929 99961 99971 99989 99991\n";
const PRIMES_10: &str = "primes up to 10 -> 4\nlast: 2 3 5 7\n";

fn translate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_translate"))
        .args(args)
        .output()
        .expect("the translate binary runs")
}

fn sieve_target() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../targets/sieve/targetsieve.py")
}

/// Translates `targets/sieve` into `dir/sieve` with `--batch` and `options`; checks that it
/// succeeded and returns the executable and the translator's stderr.
fn translate_sieve(dir: &Path, options: &[&str]) -> (PathBuf, String) {
    let exe = dir.join("sieve");
    let target = sieve_target();
    let mut args = vec!["--batch"];
    args.extend_from_slice(options);
    args.extend(["--output", exe.to_str().unwrap(), target.to_str().unwrap()]);
    let out = translate(&args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (exe, stderr)
}

/// Runs `exe arg` with the environment variables `env` added.
fn run(exe: &Path, arg: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(exe);
    cmd.arg(arg);
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().unwrap()
}

#[test]
fn opt_jit_builds_at_level_two_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let (exe, stderr) = translate_sieve(dir.path(), &["-Ojit"]);
    assert!(
        stderr.contains("note: --opt=jit builds at level 2: no JIT is generated yet"),
        "{stderr}"
    );
    let run = run(&exe, "10", &[]);
    assert!(run.status.success());
    assert_eq!(String::from_utf8_lossy(&run.stdout), PRIMES_10);
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

#[test]
fn gc_boehm_builds_a_program_that_runs_under_stress() {
    let help = translate(&["--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("[possible values: generational, incminimark, semispace, boehm]"),
        "{help}"
    );
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("build");
    let (exe, _) = translate_sieve(
        dir.path(),
        &[
            "--gc=boehm",
            "--gc-stress",
            "--keep",
            build.to_str().unwrap(),
        ],
    );
    let makefile = std::fs::read_to_string(build.join("Makefile")).unwrap();
    assert!(makefile.contains("librpyrt.a -lgc "), "{makefile}");
    let out = run(&exe, "100000", &[("PYPYLOG", "gc-summary")]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), PRIMES_100000);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("[gc-summary] collector boehm\n[gc-summary] collections: "),
        "{summary}"
    );
    let log = dir.path().join("boehm.log");
    let pypylog = format!("gc,gc-summary:{}", log.display());
    let out = run(&exe, "100000", &[("PYPYLOG", &pypylog)]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("[gc-summary] collector boehm\n"), "{text}");
}

/// The C compiler's flags that hide Boehm's headers: the system include directories are replaced
/// by the compiler's own, the multiarch one, and a copy of `/usr/include` (symbolic links) without
/// `gc.h` and `gc/`.
fn cflags_without_libgc(dir: &Path) -> String {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let ask = |arg: &str| {
        let out = Command::new(&cc)
            .arg(arg)
            .output()
            .expect("the C compiler runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let include = dir.join("include");
    std::fs::create_dir(&include).unwrap();
    for entry in std::fs::read_dir("/usr/include").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "gc" || name == "gc.h" || name.starts_with("gc_") {
            continue;
        }
        std::os::unix::fs::symlink(entry.path(), include.join(&name)).unwrap();
    }
    let mut flags = format!("-nostdinc -isystem {}", ask("-print-file-name=include"));
    let multiarch = Path::new("/usr/include").join(ask("-print-multiarch"));
    if multiarch != Path::new("/usr/include") && multiarch.is_dir() {
        flags.push_str(&format!(" -isystem {}", multiarch.display()));
    }
    flags.push_str(&format!(" -isystem {}", include.display()));
    flags
}

#[test]
fn gc_boehm_without_libgc_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let target = sieve_target();
    let out = Command::new(env!("CARGO_BIN_EXE_translate"))
        .args(["--batch", "--gc=boehm", "--output"])
        .arg(dir.path().join("sieve"))
        .arg(&target)
        .env("CFLAGS", cflags_without_libgc(dir.path()))
        .output()
        .expect("the translate binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "error: --gc=boehm needs Boehm's garbage collector (libgc) and its header <gc/gc.h>"
        ) && stderr.contains("apt-get install libgc-dev"),
        "{stderr}"
    );
    assert!(!stderr.contains("internal error"), "{stderr}");
}

#[test]
fn lto_builds_a_working_program_and_says_so_in_the_makefile() {
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("build");
    let (exe, _) = translate_sieve(dir.path(), &["--lto", "--keep", build.to_str().unwrap()]);
    let makefile = std::fs::read_to_string(build.join("Makefile")).unwrap();
    assert!(makefile.contains("-flto"), "{makefile}");
    let run = run(&exe, "10", &[]);
    assert_eq!(String::from_utf8_lossy(&run.stdout), PRIMES_10);
}

#[test]
fn the_runtime_reads_its_settings_through_libc_without_rusts_standard_library() {
    let dir = tempfile::tempdir().unwrap();
    let (exe, _) = translate_sieve(dir.path(), &[]);
    let out = run(
        &exe,
        "100000",
        &[("PYPY_GC_NURSERY", "lots"), ("PYPYLOG", "gc-summary")],
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), PRIMES_100000);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "rpyrt: ignoring PYPY_GC_NURSERY=\"lots\": expected a number of bytes like 64M\n\
             [gc-summary] collector generational, nursery "
        ),
        "{stderr}"
    );
    // PYPYLOG's file part: the log goes there; a file that cannot be opened is reported, and the
    // log stays on stderr.
    let log = dir.path().join("gc.log");
    let pypylog = format!("gc-summary:{}", log.display());
    let out = run(&exe, "1000", &[("PYPYLOG", &pypylog)]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.starts_with("[gc-summary] collector generational, nursery "),
        "{text}"
    );
    let out = run(
        &exe,
        "1000",
        &[("PYPYLOG", "gc-summary:/nonexistent-dir/gc.log")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "rpyrt: cannot open the PYPYLOG file \"/nonexistent-dir/gc.log\"; logging to stderr\n\
             [gc-summary] collector generational"
        ),
        "{stderr}"
    );
    // The runtime is `no_std`: none of the standard library's backtrace printer is linked in,
    // and the unwinder comes from the static libgcc, not from libgcc_s.
    let bytes = std::fs::read(&exe).unwrap();
    assert!(!bytes.windows(5).any(|w| w == b"gimli"));
    let objdump = Command::new("objdump").arg("-p").arg(&exe).output();
    if let Ok(objdump) = objdump {
        let text = String::from_utf8_lossy(&objdump.stdout);
        assert!(text.contains("NEEDED"), "{text}");
        assert!(!text.contains("libgcc_s"), "{text}");
    }
}
