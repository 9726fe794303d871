//! The `translate` command: RPython's command line where RPython has a name for the thing
//! (`--output`, `--opt`/`-O`, `--batch`, `--gc`), plus `--timing`, `--dump` and `--keep`.

use clap::Parser;
use rpy_driver::pipeline::default_output;
use rpy_driver::{translate, Options};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Translate an RPython program into a native executable.
#[derive(Parser, Debug)]
#[command(name = "translate", version)]
struct Cli {
    /// The executable to write (default: ./<target>-c).
    #[arg(long)]
    output: Option<PathBuf>,
    /// Optimisation level: 0, 1, 2, 3, or jit (`-O2`, `-Ojit` are the short forms). `jit` is
    /// level 2 for a program with a JIT; no JIT is generated yet, so the hints are only checked.
    #[arg(long = "opt", short = 'O', default_value = "2", value_parser = ["0", "1", "2", "3", "jit"])]
    opt: String,
    /// Turn off backend optimisation passes (comma-separated: asserts, inline, listiter,
    /// mallocs, constfold, storesink, switches).
    #[arg(long, value_delimiter = ',')]
    disable_pass: Vec<String>,
    /// The inlining budget (cost of a callee inlined; default 24 at -O2 and above, 12 at -O1).
    #[arg(long)]
    inline_threshold: Option<u32>,
    /// Link-time optimisation by the C compiler (`-flto`).
    #[arg(long)]
    lto: bool,
    /// No progress bars, no questions.
    #[arg(long)]
    batch: bool,
    /// The garbage collector: generational (default; `incminimark` is an alias), semispace, or
    /// boehm (Boehm's conservative collector from the system's libgc, `libgc-dev`).
    #[arg(long, default_value = "generational", value_parser = ["generational", "incminimark", "semispace", "boehm"])]
    gc: String,
    /// Make the translated program collect at every allocation (every 64th under boehm; also
    /// RPY_GC_STRESS=1 at run time).
    #[arg(long)]
    gc_stress: bool,
    /// Print the time of every stage.
    #[arg(long)]
    timing: bool,
    /// Write every stage's text form, per function, into this directory.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Keep the C build directory (here, or in ./<target>-build).
    #[arg(long, num_args = 0..=1, default_missing_value = "")]
    keep: Option<PathBuf>,
    /// The target file, then arguments passed to its target() function.
    #[arg(required = true, trailing_var_arg = true)]
    target: Vec<String>,
}

fn plain_progress(stage: &str) {
    eprintln!("[translate] {stage}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let target = PathBuf::from(&cli.target[0]);
    let output = cli
        .output
        .clone()
        .unwrap_or_else(|| default_output(&target));
    let keep = cli.keep.as_ref().map(|k| {
        if k.as_os_str().is_empty() {
            let stem = target
                .file_stem()
                .map_or("target".into(), |s| s.to_string_lossy().to_string());
            PathBuf::from(format!("./{stem}-build"))
        } else {
            k.clone()
        }
    });
    let mut opts = Options::new(&target);
    opts.target_args = cli.target[1..].to_vec();
    opts.output = Some(output.clone());
    opts.opt = cli.opt.parse().unwrap_or(2);
    if cli.opt == "jit" {
        eprintln!(
            "[translate] note: --opt=jit builds at level 2: no JIT is generated yet (the JIT hints \
             are checked, then ignored)"
        );
    }
    let mut bo = rpy_backendopt::Config::for_level(opts.opt);
    for p in &cli.disable_pass {
        if let Err(e) = bo.disable(p) {
            eprintln!("error: --disable-pass: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Some(t) = cli.inline_threshold {
        bo.inline_threshold = t;
    }
    opts.backendopt = Some(bo);
    opts.gc_stress = cli.gc_stress;
    opts.lto = cli.lto;
    opts.gc = rpy_driver::Gc::from_name(&cli.gc).unwrap_or(rpy_driver::Gc::Generational);
    opts.dump = cli.dump.clone();
    opts.keep = keep.clone();
    let fancy = !cli.batch && std::io::stderr().is_terminal();
    let bar = if fancy {
        let b = indicatif::ProgressBar::new_spinner();
        b.enable_steady_tick(std::time::Duration::from_millis(80));
        Some(b)
    } else {
        None
    };
    if fancy {
        // The spinner shows the stage; the callback cannot capture it, so it is kept global.
        BAR.with(|c| *c.borrow_mut() = bar.clone());
        opts.progress = Some(|s| {
            BAR.with(|c| {
                if let Some(b) = &*c.borrow() {
                    b.set_message(format!("translating: {s}"));
                }
            })
        });
    } else {
        opts.progress = Some(plain_progress);
    }
    let started = std::time::Instant::now();
    let res = translate(&opts);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    match res {
        Ok(out) => {
            if cli.timing {
                print_timing(&out.times, started.elapsed());
                eprintln!(
                    "generated C: {} lines, {} functions",
                    out.c_lines, out.functions
                );
            }
            if let Some(k) = &keep {
                eprintln!("[translate] C build directory kept in {}", k.display());
            }
            eprintln!("[translate] wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message);
            if cli.timing {
                print_timing(&e.times, started.elapsed());
            }
            ExitCode::FAILURE
        }
    }
}

thread_local! {
    static BAR: std::cell::RefCell<Option<indicatif::ProgressBar>> = const { std::cell::RefCell::new(None) };
}

fn print_timing(times: &[rpy_driver::StageTime], total: std::time::Duration) {
    eprintln!("{:<16} {:>10}", "stage", "seconds");
    for t in times {
        eprintln!("{:<16} {:>10.3}", t.stage, t.time.as_secs_f64());
    }
    eprintln!("{:<16} {:>10.3}", "total", total.as_secs_f64());
    if let Some(kb) = peak_rss_kb() {
        eprintln!("{:<16} {:>7.1} MB", "peak memory", kb as f64 / 1024.0);
    }
}

/// The translator's own peak resident memory (VmHWM), without CPython's and the C compiler's.
fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
