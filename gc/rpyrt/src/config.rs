//! Collector settings and where they come from: explicit values (tests) or the environment of the
//! translated program (`RPY_GC`, `RPY_GC_INITIAL_HEAP`, `RPY_GC_MAX_HEAP`, `RPY_GC_STRESS`,
//! `PYPY_GC_NURSERY`/`RPY_GC_NURSERY`, `PYPY_GC_MAJOR_COLLECT`, `PYPY_GC_MIN`, `PYPYLOG`), and the
//! default nursery size computed from the per-core L2 cache reported by Linux in
//! `/sys/devices/system/cpu/cpu0/cache/index*/`; also the few settings a program built with
//! Boehm's collector reads (`BoehmSettings`).
//!
//! Relies only on `sys` (libc's `getenv` and file reading); an unparsable variable is reported
//! on stderr and ignored, and a missing or unreadable cache description falls back to a fixed
//! size. A `PYPYLOG` file is opened here, when the settings are read.

use crate::prelude::*;

/// Default size of one semispace.
pub const DEFAULT_SPACE_SIZE: usize = 4 << 20;
/// Smallest semispace the collector accepts; smaller requests are rounded up to it.
pub const MIN_SPACE_SIZE: usize = 256;

/// Nursery size when the L2 cache size cannot be read.
pub const FALLBACK_NURSERY_SIZE: usize = 4 << 20;
/// Bounds of the default nursery size computed from the L2 cache size.
pub const DEFAULT_NURSERY_MIN: usize = 1 << 20;
/// See [`DEFAULT_NURSERY_MIN`].
pub const DEFAULT_NURSERY_MAX: usize = 8 << 20;
/// The default nursery is this many times the per-core L2 cache, within the bounds above.
pub const NURSERY_PER_L2: usize = 4;
/// Smallest nursery accepted from the environment (smaller values are rounded up to it).
pub const MIN_NURSERY_SIZE: usize = 4 << 10;
/// Largest nursery accepted from the environment.
pub const MAX_NURSERY_SIZE: usize = 1 << 40;
/// Default factor by which the old generation may grow between major collections
/// (`PYPY_GC_MAJOR_COLLECT`).
pub const DEFAULT_MAJOR_FACTOR: f64 = 1.82;
/// Unless `PYPY_GC_MIN` says otherwise, no major collection happens while the old generation is
/// smaller than this many nurseries.
pub const MIN_MAJOR_NURSERIES: usize = 8;

/// Which collector a program runs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcKind {
    /// The copying semispace collector (`RPY_GC_SEMISPACE`, the default of `rpy_gc_init`).
    Semispace,
    /// The generational collector: nursery, non-moving old generation (`RPY_GC_GENERATIONAL`).
    Generational,
}

impl GcKind {
    /// The kind encoded in bits 8..15 of `rpy_gc_init`'s flags; `None` for an unknown value.
    pub fn from_flags(flags: i32) -> Option<GcKind> {
        match (flags >> 8) & 0xff {
            0 => Some(GcKind::Semispace),
            1 => Some(GcKind::Generational),
            _ => None,
        }
    }

    /// The kind named by the `RPY_GC` environment variable.
    pub fn from_name(name: &str) -> Option<GcKind> {
        match name.trim().to_ascii_lowercase().as_str() {
            "semispace" => Some(GcKind::Semispace),
            "generational" | "incminimark" | "minimark" => Some(GcKind::Generational),
            _ => None,
        }
    }

    /// The name used in logs and accepted by `RPY_GC`.
    pub fn name(self) -> &'static str {
        match self {
            GcKind::Semispace => "semispace",
            GcKind::Generational => "generational",
        }
    }
}

/// How a collector instance behaves.
#[derive(Clone, Debug, PartialEq)]
pub struct GcConfig {
    /// The collector (used by `rpy_gc_init`; the Rust constructors ignore it).
    pub kind: GcKind,
    /// Size in bytes of each of the two semispaces at start-up; they grow from there and never
    /// shrink below it (semispace only).
    pub initial_space: usize,
    /// Upper bound in bytes for the whole heap, or `None` for no bound: both semispaces together,
    /// or the nursery plus the old generation.
    pub max_heap: Option<usize>,
    /// Collect at every allocation (the generational collector does a minor collection at every
    /// allocation and a major one every [`crate::generational::STRESS_MAJOR_EVERY`]).
    pub stress: bool,
    /// Print one line per collection to stderr.
    pub log: bool,
    /// Print a summary of the collections to stderr at exit.
    pub summary: bool,
    /// Size in bytes of the nursery (generational only).
    pub nursery_size: usize,
    /// A major collection starts when the old generation reaches this factor times its size
    /// after the previous one (generational only).
    pub major_factor: f64,
    /// No major collection below this old-generation size; `None` for
    /// [`MIN_MAJOR_NURSERIES`] nurseries (generational only).
    pub min_major: Option<usize>,
}

impl Default for GcConfig {
    fn default() -> GcConfig {
        GcConfig {
            kind: GcKind::Semispace,
            initial_space: DEFAULT_SPACE_SIZE,
            max_heap: None,
            stress: false,
            log: false,
            summary: false,
            nursery_size: FALLBACK_NURSERY_SIZE,
            major_factor: DEFAULT_MAJOR_FACTOR,
            min_major: None,
        }
    }
}

impl GcConfig {
    /// The settings of a translated program: `kind` and `stress` come from `rpy_gc_init`, the
    /// nursery size from [`default_nursery_size`], everything overridden by the environment:
    /// `RPY_GC` (`semispace` or `generational`), `RPY_GC_INITIAL_HEAP` (size of one semispace),
    /// `RPY_GC_MAX_HEAP`, `RPY_GC_STRESS=1`, `RPY_GC_NURSERY` or else `PYPY_GC_NURSERY`,
    /// `PYPY_GC_MAJOR_COLLECT` (a factor), `PYPY_GC_MIN` (a size), and `PYPYLOG` (see
    /// [`parse_pypylog`]).
    pub fn from_env(stress: bool, kind: GcKind) -> GcConfig {
        let mut config = GcConfig {
            kind,
            stress,
            ..GcConfig::default()
        };
        if let Some(value) = env_text("RPY_GC") {
            match GcKind::from_name(&value) {
                Some(kind) => config.kind = kind,
                None => warn(&format!(
                    "ignoring RPY_GC={value:?}: expected semispace or generational"
                )),
            }
        }
        if let Some(size) = size_from_env("RPY_GC_INITIAL_HEAP") {
            config.initial_space = size;
        }
        config.max_heap = size_from_env("RPY_GC_MAX_HEAP");
        if let Some(value) = env_text("RPY_GC_STRESS") {
            let value = value.trim();
            if !value.is_empty() && value != "0" {
                config.stress = true;
            }
        }
        let nursery = if crate::sys::env_bytes("RPY_GC_NURSERY").is_some() {
            size_from_env("RPY_GC_NURSERY")
        } else {
            size_from_env("PYPY_GC_NURSERY")
        };
        // The cache description is read only when no size is given.
        config.nursery_size = nursery.unwrap_or_else(default_nursery_size);
        if let Some(value) = env_text("PYPY_GC_MAJOR_COLLECT") {
            match value.trim().parse::<f64>() {
                Ok(f) if f > 1.0 && f.is_finite() => config.major_factor = f,
                _ => warn(&format!(
                    "ignoring PYPY_GC_MAJOR_COLLECT={value:?}: expected a factor above 1"
                )),
            }
        }
        config.min_major = size_from_env("PYPY_GC_MIN");
        if let Some(value) = env_text("PYPYLOG") {
            (config.log, config.summary) = parse_pypylog(&value);
            direct_log(&value, config.log || config.summary);
        }
        config
    }

    /// The nursery size actually used: [`GcConfig::nursery_size`] within
    /// [`MIN_NURSERY_SIZE`]..=[`MAX_NURSERY_SIZE`], at most a quarter of the heap limit, and a
    /// multiple of 16.
    pub fn effective_nursery_size(&self) -> usize {
        let mut size = self.nursery_size.clamp(MIN_NURSERY_SIZE, MAX_NURSERY_SIZE);
        if let Some(max) = self.max_heap {
            size = size.min((max / 4).max(MIN_NURSERY_SIZE));
        }
        size & !15
    }
}

/// What `PYPYLOG` asks of the collector: `(per-collection lines, summary at exit)`. The value is
/// PyPy's `categories[:file]` (see [`pypylog_file`] for the file); categories are separated by
/// commas. `gc-summary` or `summary` asks for the summary; any other category
/// containing `gc` (`gc`, `gc-minor`, `gc-collect`, ...) asks for one line per collection.
pub fn parse_pypylog(value: &str) -> (bool, bool) {
    let categories = match value.rsplit_once(':') {
        Some((cats, _file)) => cats,
        None => value,
    };
    let (mut lines, mut summary) = (false, false);
    for cat in categories.split(',').map(str::trim) {
        if cat == "summary" || cat == "gc-summary" {
            summary = true;
        } else if cat.contains("gc") {
            lines = true;
        }
    }
    (lines, summary)
}

/// The default nursery size for a per-core L2 cache of `l2` bytes (`None`: unknown):
/// [`NURSERY_PER_L2`] times the L2 size, clamped to
/// [`DEFAULT_NURSERY_MIN`]..=[`DEFAULT_NURSERY_MAX`]; [`FALLBACK_NURSERY_SIZE`] when unknown.
/// Only the level-2 cache counts: a shared L3 (hundreds of megabytes on large servers) would give
/// a nursery far bigger than any cache a core sees.
pub fn nursery_rule(l2: Option<usize>) -> usize {
    match l2 {
        Some(l2) if l2 > 0 => l2
            .saturating_mul(NURSERY_PER_L2)
            .clamp(DEFAULT_NURSERY_MIN, DEFAULT_NURSERY_MAX),
        _ => FALLBACK_NURSERY_SIZE,
    }
}

/// The settings of a program built with `--gc=boehm`, which uses Boehm's collector (linked from
/// libgc) instead of one of ours and never calls `rpy_gc_init`: only the variables that mean
/// something there are read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoehmSettings {
    /// Collect every [`BOEHM_STRESS_EVERY`] allocations (`RPY_GC_STRESS`, or `--gc-stress`).
    pub stress: bool,
    /// The limit of the heap (`RPY_GC_MAX_HEAP`), or `None`.
    pub max_heap: Option<usize>,
    /// One line per collection on stderr (`PYPYLOG=gc`).
    pub log: bool,
    /// A summary at exit (`PYPYLOG=gc-summary`).
    pub summary: bool,
}

/// Under `--gc=boehm` and stress, a full collection every this many allocations. Collecting at
/// every allocation, as our collectors do in stress mode, would make the test suite far slower
/// (Boehm scans the data segments and the stack at each collection) for little more coverage,
/// since Boehm never moves objects.
pub const BOEHM_STRESS_EVERY: u64 = 64;

impl BoehmSettings {
    /// Reads `RPY_GC_STRESS`, `RPY_GC_MAX_HEAP` and `PYPYLOG` as [`GcConfig::from_env`] does;
    /// `RPY_GC` naming another collector is reported and ignored, since the collector of such a
    /// program is chosen when it is compiled.
    pub fn from_env(stress: bool) -> BoehmSettings {
        let mut settings = BoehmSettings {
            stress,
            ..BoehmSettings::default()
        };
        if let Some(value) = env_text("RPY_GC") {
            if value.trim() != "boehm" {
                warn(&format!(
                    "ignoring RPY_GC={value:?}: this program was translated with --gc=boehm"
                ));
            }
        }
        if let Some(value) = env_text("RPY_GC_STRESS") {
            let value = value.trim();
            if !value.is_empty() && value != "0" {
                settings.stress = true;
            }
        }
        settings.max_heap = size_from_env("RPY_GC_MAX_HEAP");
        if let Some(value) = env_text("PYPYLOG") {
            (settings.log, settings.summary) = parse_pypylog(&value);
            direct_log(&value, settings.log || settings.summary);
        }
        settings
    }
}

/// The file `PYPYLOG` names after its last colon; `None` for none, or for `-` (stderr).
pub fn pypylog_file(value: &str) -> Option<&str> {
    let (_, file) = value.rsplit_once(':')?;
    (!file.is_empty() && file != "-").then_some(file)
}

/// Sends the collector's log and summary to the file `PYPYLOG` names, if it asks for either;
/// a file that cannot be opened is reported, and the log stays on stderr.
fn direct_log(value: &str, wanted: bool) {
    if let (true, Some(path)) = (wanted, pypylog_file(value)) {
        if !crate::sys::log_to_file(path) {
            warn(&format!(
                "cannot open the PYPYLOG file {path:?}; logging to stderr"
            ));
        }
    }
}

/// The nursery size of [`nursery_rule`] for this machine's L2 cache.
pub fn default_nursery_size() -> usize {
    nursery_rule(read_l2_cache_size("/sys/devices/system/cpu/cpu0/cache"))
}

/// The size of the level-2 data or unified cache described under `dir` (Linux's
/// `/sys/devices/system/cpu/cpu0/cache`, whose `index0/`, `index1/`, ... each hold files `level`,
/// `type` and `size` saying e.g. `2`, `Unified`, `2048K`); `None` if there is none or it cannot
/// be read. The indices are numbered from 0 without gaps; the first missing one ends the list.
pub fn read_l2_cache_size(dir: &str) -> Option<usize> {
    let read = |index: u32, name: &str| {
        let bytes = crate::sys::read_file(&format!("{dir}/index{index}/{name}"))?;
        Some(String::from_utf8_lossy(&bytes).trim().to_string())
    };
    for index in 0.. {
        let level = read(index, "level")?;
        if level != "2" {
            continue;
        }
        if !matches!(read(index, "type").as_deref(), Some("Unified" | "Data")) {
            continue;
        }
        if let Some(size) = read(index, "size").as_deref().and_then(parse_size) {
            return Some(size);
        }
    }
    None
}

fn env_text(name: &str) -> Option<String> {
    let value = crate::sys::env_bytes(name)?;
    match String::from_utf8(value) {
        Ok(text) => Some(text),
        Err(e) => {
            let value = String::from_utf8_lossy(e.as_bytes());
            warn(&format!("ignoring {name}={value:?}: not valid text"));
            None
        }
    }
}

fn warn(msg: &str) {
    use core::fmt::Write;
    let _ = writeln!(crate::sys::Stderr, "rpyrt: {msg}");
}

fn size_from_env(name: &str) -> Option<usize> {
    let bytes = crate::sys::env_bytes(name)?;
    let parsed = core::str::from_utf8(&bytes).ok().and_then(parse_size);
    if parsed.is_none() {
        let value = String::from_utf8_lossy(&bytes);
        warn(&format!(
            "ignoring {name}={value:?}: expected a number of bytes like 64M"
        ));
    }
    parsed
}

/// Parses a byte count such as `65536`, `512K`, `64M`, `1.5G` or `2GB` (binary multiples, case
/// insensitive, surrounding whitespace allowed). `None` for anything else or on overflow.
pub fn parse_size(text: &str) -> Option<usize> {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let number = upper.strip_suffix('B').unwrap_or(&upper);
    let (number, factor) = match number.as_bytes().last()? {
        b'K' => (&number[..number.len() - 1], 1u64 << 10),
        b'M' => (&number[..number.len() - 1], 1 << 20),
        b'G' => (&number[..number.len() - 1], 1 << 30),
        b'T' => (&number[..number.len() - 1], 1 << 40),
        _ => (number, 1),
    };
    let number = number.trim_end();
    let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() || !digits_ok(int_part) || !digits_ok(frac_part) {
        return None;
    }
    let whole = int_part.parse::<u64>().ok()?.checked_mul(factor)?;
    let mut frac = 0u64;
    if !frac_part.is_empty() {
        // Only the first few decimals matter for a byte count; the cut keeps this in range.
        let kept = &frac_part[..frac_part.len().min(9)];
        let scale = 10u64.pow(kept.len() as u32);
        frac = (kept.parse::<u64>().ok()? as u128 * factor as u128 / scale as u128) as u64;
    }
    usize::try_from(whole.checked_add(frac)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("123"), Some(123));
        assert_eq!(parse_size(" 4k "), Some(4096));
        assert_eq!(parse_size("4KB"), Some(4096));
        assert_eq!(parse_size("64M"), Some(64 << 20));
        assert_eq!(parse_size("64mb"), Some(64 << 20));
        assert_eq!(parse_size("1G"), Some(1 << 30));
        assert_eq!(parse_size("1.5G"), Some(3 << 29));
        assert_eq!(parse_size("0.5k"), Some(512));
        assert_eq!(parse_size("100B"), Some(100));
        assert_eq!(parse_size(""), None);
        assert_eq!(parse_size("M"), None);
        assert_eq!(parse_size("-1"), None);
        assert_eq!(parse_size("1x"), None);
        assert_eq!(parse_size(".5M"), None);
        assert_eq!(parse_size("99999999999999999999G"), None);
        assert_eq!(parse_size("20000000000G"), None);
    }

    #[test]
    fn collector_kinds() {
        assert_eq!(GcKind::from_flags(0), Some(GcKind::Semispace));
        assert_eq!(GcKind::from_flags(1), Some(GcKind::Semispace));
        assert_eq!(GcKind::from_flags(1 << 8), Some(GcKind::Generational));
        assert_eq!(GcKind::from_flags((1 << 8) | 1), Some(GcKind::Generational));
        assert_eq!(GcKind::from_flags(7 << 8), None);
        assert_eq!(
            GcKind::from_name(" Generational"),
            Some(GcKind::Generational)
        );
        assert_eq!(GcKind::from_name("semispace"), Some(GcKind::Semispace));
        assert_eq!(GcKind::from_name("boehm"), None);
    }

    #[test]
    fn pypylog_categories() {
        assert_eq!(parse_pypylog("gc"), (true, false));
        assert_eq!(parse_pypylog("gc:-"), (true, false));
        assert_eq!(parse_pypylog("gc-minor,gc-collect:log.txt"), (true, false));
        assert_eq!(parse_pypylog("gc-summary"), (false, true));
        assert_eq!(parse_pypylog("jit-log-opt,summary:-"), (false, true));
        assert_eq!(parse_pypylog("gc,gc-summary"), (true, true));
        assert_eq!(parse_pypylog("jit-log-opt"), (false, false));
        assert_eq!(pypylog_file("gc"), None);
        assert_eq!(pypylog_file("gc:-"), None);
        assert_eq!(pypylog_file("gc:"), None);
        assert_eq!(pypylog_file("gc-minor,gc-collect:log.txt"), Some("log.txt"));
        assert_eq!(pypylog_file("gc:/tmp/a:b"), Some("b"));
    }

    #[test]
    fn the_default_nursery_rule() {
        const K: usize = 1 << 10;
        const M: usize = 1 << 20;
        assert_eq!(nursery_rule(None), FALLBACK_NURSERY_SIZE);
        assert_eq!(nursery_rule(Some(0)), FALLBACK_NURSERY_SIZE);
        assert_eq!(nursery_rule(Some(128 * K)), M);
        assert_eq!(nursery_rule(Some(256 * K)), M);
        assert_eq!(nursery_rule(Some(512 * K)), 2 * M);
        assert_eq!(nursery_rule(Some(M)), 4 * M);
        assert_eq!(nursery_rule(Some(2 * M)), 8 * M);
        assert_eq!(nursery_rule(Some(32 * M)), 8 * M);
        // A huge shared L3 is never consulted; even a huge L2 stays within the cap.
        assert_eq!(nursery_rule(Some(480 * M)), 8 * M);
    }

    #[test]
    fn reading_the_cache_description() {
        let dir = std::env::temp_dir().join(format!("rpyrt-cache-{}", std::process::id()));
        let dir_text = dir.to_str().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let entry = |i: u32, level: &str, ty: &str, size: &str| {
            let d = dir.join(format!("index{i}"));
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join("level"), format!("{level}\n")).unwrap();
            std::fs::write(d.join("type"), format!("{ty}\n")).unwrap();
            std::fs::write(d.join("size"), format!("{size}\n")).unwrap();
        };
        assert_eq!(read_l2_cache_size(dir_text), None);
        entry(0, "1", "Data", "48K");
        entry(1, "1", "Instruction", "32K");
        entry(3, "3", "Unified", "491520K");
        assert_eq!(read_l2_cache_size(dir_text), None);
        entry(2, "2", "Unified", "2048K");
        assert_eq!(read_l2_cache_size(dir_text), Some(2 << 20));
        std::fs::remove_dir_all(&dir).unwrap();
        // Whatever this machine says, the rule's bounds hold.
        let size = default_nursery_size();
        assert!((DEFAULT_NURSERY_MIN..=DEFAULT_NURSERY_MAX).contains(&size));
    }

    #[test]
    fn effective_nursery_sizes() {
        let config = |nursery_size, max_heap| GcConfig {
            nursery_size,
            max_heap,
            ..GcConfig::default()
        };
        assert_eq!(config(1, None).effective_nursery_size(), MIN_NURSERY_SIZE);
        assert_eq!(config(4 << 20, None).effective_nursery_size(), 4 << 20);
        assert_eq!(config(1000001, None).effective_nursery_size(), 1000000);
        assert_eq!(
            config(4 << 20, Some(1 << 20)).effective_nursery_size(),
            256 << 10
        );
        assert_eq!(
            config(4 << 20, Some(1000)).effective_nursery_size(),
            MIN_NURSERY_SIZE
        );
    }
}
