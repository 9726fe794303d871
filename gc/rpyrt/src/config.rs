//! Collector settings and where they come from: explicit values (tests) or the environment of the
//! translated program (`RPY_GC_INITIAL_HEAP`, `RPY_GC_MAX_HEAP`, `RPY_GC_STRESS`, `PYPYLOG`).
//!
//! Relies only on `std::env`; an unparsable variable is reported on stderr and ignored.

/// Default size of one semispace.
pub const DEFAULT_SPACE_SIZE: usize = 4 << 20;
/// Smallest semispace the collector accepts; smaller requests are rounded up to it.
pub const MIN_SPACE_SIZE: usize = 256;

/// How a collector instance behaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GcConfig {
    /// Size in bytes of each of the two semispaces at start-up; they grow from there and never
    /// shrink below it.
    pub initial_space: usize,
    /// Upper bound in bytes for both semispaces together, or `None` for no bound.
    pub max_heap: Option<usize>,
    /// Collect at every allocation.
    pub stress: bool,
    /// Print one line per collection to stderr.
    pub log: bool,
}

impl Default for GcConfig {
    fn default() -> GcConfig {
        GcConfig {
            initial_space: DEFAULT_SPACE_SIZE,
            max_heap: None,
            stress: false,
            log: false,
        }
    }
}

impl GcConfig {
    /// The settings of a translated program: the defaults, overridden by `RPY_GC_INITIAL_HEAP`
    /// (size of one semispace), `RPY_GC_MAX_HEAP` (both semispaces together),
    /// `RPY_GC_STRESS=1` and `PYPYLOG` containing `gc`. `stress` comes from `rpy_gc_init`.
    pub fn from_env(stress: bool) -> GcConfig {
        let mut config = GcConfig {
            stress,
            ..GcConfig::default()
        };
        if let Some(size) = size_from_env("RPY_GC_INITIAL_HEAP") {
            config.initial_space = size;
        }
        config.max_heap = size_from_env("RPY_GC_MAX_HEAP");
        if let Ok(value) = std::env::var("RPY_GC_STRESS") {
            let value = value.trim();
            if !value.is_empty() && value != "0" {
                config.stress = true;
            }
        }
        if let Ok(value) = std::env::var("PYPYLOG") {
            config.log = value.contains("gc");
        }
        config
    }
}

fn size_from_env(name: &str) -> Option<usize> {
    use std::io::Write;
    let value = std::env::var_os(name)?;
    let parsed = value.to_str().and_then(parse_size);
    if parsed.is_none() {
        let _ = writeln!(
            std::io::stderr(),
            "rpyrt: ignoring {name}={value:?}: expected a number of bytes like 64M"
        );
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
}
