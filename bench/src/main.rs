//! The benchmark command. For every benchmark program (`bench/programs/*.py` and
//! `targets/*/bench/*.py`) and every collector asked for (`--gc`, a comma-separated list of
//! `generational`, `semispace`, `boehm`; generational alone by default) it translates the program
//! once (recording the time of each stage and the translator's peak memory) and runs the
//! executable several times; it runs the same program untranslated on CPython once per program in
//! the same invocation, and prints a table with one row per program and collector: median and
//! min-max wall time, peak memory of the runs, and the ratio against CPython. `--nursery SIZE`
//! sets `PYPY_GC_NURSERY` for the translated runs (the generational collector's nursery, e.g.
//! `4M`), so that figures can be compared at one nursery size across machines. `--json FILE`
//! writes the same figures for tracking (one entry per program and collector, with a `gc` field).
//! Benchmarks are figures, never tests.
//!
//! A benchmark file names its arguments in a `# bench-args: ...` line (the default size) and may
//! give a larger size in `# bench-args-large: ...` (used with `--large`).
//!
//! Usage: `cargo run --release -p rpy-bench -- [--runs N] [--cpython-runs N] [--large]
//! [--filter SUBSTRING] [--json FILE] [--opt N] [--no-cpython] [--gc LIST] [--nursery SIZE]
//! [--disable-pass P,...] [--passes]` (`--disable-pass` turns backend passes off; `--passes` adds
//! a row per program with every pass, with none, and with each one off, to measure each pass;
//! `--instructions` adds the instructions of one run under valgrind's callgrind, a figure that
//! the machine's load does not change).

use rpy_driver::{translate, Gc, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Config {
    runs: usize,
    cpython_runs: usize,
    large: bool,
    filter: Option<String>,
    json: Option<PathBuf>,
    opt: u32,
    cpython: bool,
    /// The collectors, by the name given and as the translator's option, in the order given.
    gcs: Vec<(String, Gc)>,
    /// `PYPY_GC_NURSERY` for the translated runs (the generational collector's nursery size).
    nursery: Option<String>,
    disabled: Vec<String>,
    /// `--passes`: measure every pass's contribution.
    ablation: bool,
    /// `--instructions`: also count the instructions of one run (valgrind).
    instructions: bool,
}

const USAGE: &str = "usage: bench [--runs N] [--cpython-runs N] [--large] [--filter S] [--json FILE] [--opt N] [--no-cpython] [--gc generational,semispace,boehm] [--nursery SIZE] [--disable-pass P,...] [--passes] [--instructions]";

/// The collectors of a `--gc` list: names separated by commas, each known to the translator.
fn parse_gcs(list: &str) -> Result<Vec<(String, Gc)>, String> {
    let mut gcs: Vec<(String, Gc)> = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let gc = Gc::from_name(name).ok_or(format!(
            "unknown collector {name:?} in --gc: expected generational, incminimark, semispace or boehm"
        ))?;
        if !gcs.iter().any(|g| g.0 == name) {
            gcs.push((name.to_string(), gc));
        }
    }
    if gcs.is_empty() {
        return Err("--gc needs at least one collector".into());
    }
    Ok(gcs)
}

/// The backend configurations to measure: the one asked for, or with `--passes`, every pass
/// on, none, and each one off in turn (labelled `all`, `none`, `-<pass>`).
fn variants(cfg: &Config) -> Vec<(String, rpy_backendopt::Config)> {
    let mut base = rpy_backendopt::Config::for_level(cfg.opt);
    for p in &cfg.disabled {
        if let Err(e) = base.disable(p) {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    }
    if !cfg.ablation {
        return vec![(String::new(), base)];
    }
    let mut none = base.clone();
    none.enabled.clear();
    let mut out = vec![
        ("all".to_string(), base.clone()),
        ("none".to_string(), none),
    ];
    for p in base.enabled.clone() {
        let mut c = base.clone();
        c.enabled.retain(|q| *q != p);
        out.push((format!("-{p}"), c));
    }
    out
}

fn parse_args() -> Result<Config, String> {
    let mut c = Config {
        runs: 5,
        cpython_runs: 3,
        large: false,
        filter: None,
        json: None,
        opt: 2,
        cpython: true,
        gcs: vec![("generational".into(), Gc::Generational)],
        nursery: None,
        disabled: vec![],
        ablation: false,
        instructions: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--runs" => c.runs = val("--runs")?.parse().map_err(|_| "bad --runs")?,
            "--cpython-runs" => {
                c.cpython_runs = val("--cpython-runs")?
                    .parse()
                    .map_err(|_| "bad --cpython-runs")?
            }
            "--large" => c.large = true,
            "--filter" => c.filter = Some(val("--filter")?),
            "--json" => c.json = Some(PathBuf::from(val("--json")?)),
            "--opt" => c.opt = val("--opt")?.parse().map_err(|_| "bad --opt")?,
            "--no-cpython" => c.cpython = false,
            "--gc" => c.gcs = parse_gcs(&val("--gc")?)?,
            "--nursery" => c.nursery = Some(val("--nursery")?),
            "--passes" => c.ablation = true,
            "--instructions" => c.instructions = true,
            "--disable-pass" => c
                .disabled
                .extend(val("--disable-pass")?.split(',').map(str::to_string)),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(c)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("root")
        .to_path_buf()
}

fn programs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut push_dir = |d: PathBuf| {
        if let Ok(rd) = std::fs::read_dir(&d) {
            let mut v: Vec<PathBuf> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .collect();
            v.sort();
            out.extend(v);
        }
    };
    push_dir(root().join("bench/programs"));
    if let Ok(rd) = std::fs::read_dir(root().join("targets")) {
        let mut dirs: Vec<PathBuf> = rd.flatten().map(|e| e.path().join("bench")).collect();
        dirs.sort();
        for d in dirs {
            push_dir(d);
        }
    }
    out
}

/// Wall time and peak resident memory (KiB) of one run, and whether it succeeded.
struct Run {
    wall: Duration,
    maxrss_kb: u64,
    ok: bool,
}

fn run_measured(cmd: &mut Command) -> Run {
    let start = Instant::now();
    let child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(child) = child else {
        return Run {
            wall: Duration::ZERO,
            maxrss_kb: 0,
            ok: false,
        };
    };
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for the child we spawned.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let ok = r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    Run {
        wall,
        maxrss_kb: usage.ru_maxrss as u64,
        ok,
    }
}

/// The instructions one run executes, counted by valgrind's callgrind (the same for the same
/// binary and input whatever else the machine does); `None` without valgrind.
fn count_instructions(exe: &Path, args: &[String], nursery: &Option<String>) -> Option<u64> {
    let mut cmd = Command::new("valgrind");
    cmd.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .args(args)
        .current_dir(root())
        .stdout(std::process::Stdio::null());
    if let Some(n) = nursery {
        cmd.env("PYPY_GC_NURSERY", n);
    }
    let out = cmd.output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    if v.is_empty() {
        0.0
    } else if v.len() % 2 == 1 {
        v[v.len() / 2]
    } else {
        (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
    }
}

/// What a translation in a child process reports.
struct Translated {
    c_lines: usize,
    stages: serde_json::Value,
    peak_kb: u64,
}

/// Translates in a forked child, so that the translator's memory is measured on its own (its
/// `ru_maxrss`) and this process stays small: a child forked from a large process would count
/// the parent's pages in its own peak.
fn translate_in_child(opts: &Options, report: &Path) -> Result<Translated, String> {
    // SAFETY: this program is single-threaded when it forks; the child only translates, writes
    // its report and exits without returning.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err("fork failed".into());
    }
    if pid == 0 {
        let code = match translate(opts) {
            Ok(o) => {
                let stages: serde_json::Map<String, serde_json::Value> = o
                    .times
                    .iter()
                    .map(|t| (t.stage.to_string(), serde_json::json!(t.time.as_secs_f64())))
                    .collect();
                let j = serde_json::json!({"c_lines": o.c_lines, "stages": stages});
                let _ = std::fs::write(report, j.to_string());
                0
            }
            Err(e) => {
                eprintln!("{}", e.message);
                1
            }
        };
        // SAFETY: ends the child without running the parent's destructors.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err("the translator failed".into());
    }
    let text = std::fs::read_to_string(report).map_err(|e| e.to_string())?;
    let j: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(Translated {
        c_lines: j["c_lines"].as_u64().unwrap_or(0) as usize,
        stages: j["stages"].clone(),
        peak_kb: usage.ru_maxrss as u64,
    })
}

fn bench_args(text: &str, large: bool) -> Vec<String> {
    let key = if large {
        "# bench-args-large:"
    } else {
        "# bench-args:"
    };
    let line = text
        .lines()
        .find(|l| l.starts_with(key))
        .or_else(|| text.lines().find(|l| l.starts_with("# bench-args:")));
    line.map(|l| {
        l.split_once(':')
            .unwrap()
            .1
            .split_whitespace()
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// The CPython figures of one program: median wall time and whether every run succeeded.
struct CpythonFigures {
    median: f64,
    ok: bool,
}

fn run_cpython(cfg: &Config, prog: &Path, args: &[String]) -> CpythonFigures {
    let mut py = Vec::new();
    let mut ok = true;
    if cfg.cpython {
        for _ in 0..cfg.cpython_runs {
            let r = run_measured(
                Command::new("python3")
                    .current_dir(root())
                    .arg("-m")
                    .arg("rpython.run")
                    .arg(prog)
                    .args(args)
                    .env("PYTHONPATH", root().join("rpython-lib")),
            );
            ok &= r.ok;
            py.push(r.wall.as_secs_f64());
        }
    }
    CpythonFigures {
        median: median(&mut py),
        ok,
    }
}

fn main() {
    let cfg = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut rows = Vec::new();
    if let Some(n) = &cfg.nursery {
        println!("PYPY_GC_NURSERY={n}");
    }
    println!(
        "{:<22} {:<22} {:>9} {:>7} {:>8} {:>22} {:>9} {:>12} {:>9}",
        "benchmark",
        "gc (passes)",
        "translate",
        "C lines",
        "tr. MB",
        "run median (min-max) s",
        "run MB",
        "CPython s",
        "speedup"
    );
    for prog in programs() {
        let name = prog.file_stem().unwrap().to_string_lossy().to_string();
        if cfg
            .filter
            .as_ref()
            .is_some_and(|f| !name.contains(f.as_str()))
        {
            continue;
        }
        let text = std::fs::read_to_string(&prog).unwrap_or_default();
        let args = bench_args(&text, cfg.large);
        // CPython runs once per program; its figures are repeated in the row of every collector.
        let py = run_cpython(&cfg, &prog, &args);
        for (gc_name, gc) in &cfg.gcs {
            for (variant, bo) in variants(&cfg) {
                let label = if variant.is_empty() {
                    gc_name.clone()
                } else {
                    format!("{gc_name} {variant}")
                };
                let exe = tmp.path().join(format!("{name}-{gc_name}{variant}-c"));
                let mut opts = Options::new(&prog);
                opts.output = Some(exe.clone());
                opts.opt = cfg.opt;
                opts.gc = *gc;
                opts.backendopt = Some(bo);
                let t0 = Instant::now();
                let report = tmp.path().join(format!("{name}-{gc_name}{variant}.json"));
                let out = match translate_in_child(&opts, &report) {
                    Ok(o) => o,
                    Err(e) => {
                        println!("{name:<22} {label:<22} translation failed");
                        eprintln!("{e}");
                        continue;
                    }
                };
                let translate_s = t0.elapsed().as_secs_f64();
                let translate_mb = out.peak_kb as f64 / 1024.0;
                let mut times = Vec::new();
                let mut rss = 0u64;
                let mut ok = py.ok;
                for _ in 0..cfg.runs {
                    let mut cmd = Command::new(&exe);
                    cmd.current_dir(root()).args(&args);
                    if let Some(n) = &cfg.nursery {
                        cmd.env("PYPY_GC_NURSERY", n);
                    }
                    let r = run_measured(&mut cmd);
                    ok &= r.ok;
                    times.push(r.wall.as_secs_f64());
                    rss = rss.max(r.maxrss_kb);
                }
                let (min, max) = (
                    times.iter().cloned().fold(f64::MAX, f64::min),
                    times.iter().cloned().fold(0.0, f64::max),
                );
                let med = median(&mut times);
                let instr = if cfg.instructions {
                    count_instructions(&exe, &args, &cfg.nursery)
                } else {
                    None
                };
                let ratio = if med > 0.0 && py.median > 0.0 {
                    py.median / med
                } else {
                    0.0
                };
                println!(
                "{:<22} {:<22} {:>8.2}s {:>7} {:>8.1} {:>9.4} ({:.4}-{:.4}) {:>9.1} {:>12} {:>9}{}{}",
                name,
                label,
                translate_s,
                out.c_lines,
                translate_mb,
                med,
                min,
                max,
                rss as f64 / 1024.0,
                if cfg.cpython {
                    format!("{:.3}", py.median)
                } else {
                    "-".into()
                },
                if cfg.cpython {
                    format!("{ratio:.1}x")
                } else {
                    "-".into()
                },
                if ok { "" } else { "  (a run failed)" },
                instr.map_or(String::new(), |i| format!("  {:.1}M instructions", i as f64 / 1e6))
            );
                let stages = out.stages.clone();
                rows.push(serde_json::json!({
                    "benchmark": name,
                    "gc": gc_name,
                    "passes": variant,
                    "args": args,
                    "translate_seconds": translate_s,
                    "translate_stages": stages,
                    "translate_peak_mb": translate_mb,
                    "c_lines": out.c_lines,
                    "runs": times,
                    "median_seconds": med,
                    "min_seconds": min,
                    "max_seconds": max,
                    "peak_rss_mb": rss as f64 / 1024.0,
                    "cpython_median_seconds": py.median,
                    "speedup_vs_cpython": ratio,
                    "ok": ok,
                }));
            }
        }
    }
    if let Some(path) = cfg.json {
        let gcs: Vec<&str> = cfg.gcs.iter().map(|g| g.0.as_str()).collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({
            "gcs": gcs,
            "nursery": cfg.nursery,
            "benchmarks": rows,
        }))
        .unwrap();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
}
