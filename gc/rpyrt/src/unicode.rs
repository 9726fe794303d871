//! Character classes and case mappings of `str` beyond ASCII: lookups in the tables that
//! `tools/gen_unicode_tables.py` generated from CPython (`unicode_tables.rs`), and their C
//! interface (`rpy_unicode_flags`, `rpy_unicode_map`, declared in `include/rpyrt.h`).
//!
//! The C support code answers ASCII itself and calls these for the other code points; the
//! strings are built there (this library never allocates GC objects).

use crate::unicode_tables::{EXTRA, INDEX1, INDEX2, RECORDS, SHIFT};

pub use crate::unicode_tables::{
    ALPHA, CASED, CASE_IGNORABLE, DECIMAL, DIGIT, LINEBREAK, LOWER, NUMERIC, PRINTABLE, SPACE,
    TITLE, UPPER,
};

/// The kinds of case mapping, as `rpy_unicode_map` numbers them.
pub const MAP_LOWER: u32 = 0;
pub const MAP_UPPER: u32 = 1;
pub const MAP_TITLE: u32 = 2;
pub const MAP_FOLD: u32 = 3;

const EXT_SHIFT: u32 = 12;

fn record(cp: u32) -> &'static (u32, [i32; 4]) {
    if cp >= 0x110000 {
        return &RECORDS[0];
    }
    let block = INDEX1[(cp >> SHIFT) as usize] as usize;
    let i = INDEX2[(block << SHIFT) + (cp as usize & ((1 << SHIFT) - 1))] as usize;
    &RECORDS[i]
}

/// The class flags of a code point (`ALPHA`, `SPACE`, ...; 0 outside the Unicode range).
pub fn flags(cp: u32) -> u32 {
    record(cp).0 & ((1 << EXT_SHIFT) - 1)
}

/// The full case mapping of kind `kind` (`MAP_LOWER` ...) of a code point, written into `out`;
/// returns how many code points it has (1 to 3). Final sigma is the caller's business.
pub fn map(cp: u32, kind: u32, out: &mut [u32; 3]) -> usize {
    let (fl, maps) = record(cp);
    let k = (kind & 3) as usize;
    let v = maps[k];
    if fl & (1 << (EXT_SHIFT + k as u32)) != 0 {
        let at = v as usize;
        let n = EXTRA[at] as usize;
        out[..n].copy_from_slice(&EXTRA[at + 1..at + 1 + n]);
        n
    } else {
        out[0] = (cp as i64 + v as i64) as u32;
        1
    }
}

/// The class flags of `cp` for the C support code.
#[no_mangle]
pub extern "C" fn rpy_unicode_flags(cp: u32) -> u32 {
    flags(cp)
}

/// The case mapping of kind `kind` of `cp`, written into `out` (room for 3 code points); returns
/// its length.
///
/// # Safety
/// `out` must be writable for 3 `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_map(cp: u32, kind: u32, out: *mut u32) -> usize {
    let mut buf = [0u32; 3];
    let n = map(cp, kind, &mut buf);
    core::ptr::copy_nonoverlapping(buf.as_ptr(), out, n);
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn mapped(cp: char, kind: u32) -> String {
        let mut out = [0u32; 3];
        let n = map(cp as u32, kind, &mut out);
        out[..n]
            .iter()
            .map(|c| char::from_u32(*c).unwrap())
            .collect()
    }

    #[test]
    fn classes_follow_cpython() {
        assert_ne!(flags('a' as u32) & (ALPHA | LOWER | CASED), 0);
        assert_eq!(
            flags('5' as u32) & (DECIMAL | DIGIT | NUMERIC),
            DECIMAL | DIGIT | NUMERIC
        );
        assert_eq!(flags('\u{b2}' as u32) & (DECIMAL | DIGIT), DIGIT);
        assert_eq!(flags('\u{bd}' as u32) & (DIGIT | NUMERIC), NUMERIC);
        assert_ne!(flags('\u{3000}' as u32) & SPACE, 0);
        assert_ne!(flags('\u{2028}' as u32) & LINEBREAK, 0);
        assert_ne!(flags('\u{1c5}' as u32) & TITLE, 0);
        assert_eq!(
            flags('\u{301}' as u32) & (CASE_IGNORABLE | ALPHA),
            CASE_IGNORABLE
        );
        assert_eq!(flags('\u{378}' as u32) & PRINTABLE, 0);
        assert_ne!(flags('\u{1f600}' as u32) & PRINTABLE, 0);
        assert_eq!(flags(0x110000), 0);
    }

    #[test]
    fn full_case_mappings() {
        assert_eq!(mapped('ß', MAP_UPPER), "SS");
        assert_eq!(mapped('ß', MAP_TITLE), "Ss");
        assert_eq!(mapped('ß', MAP_FOLD), "ss");
        assert_eq!(mapped('\u{149}', MAP_UPPER), "\u{2bc}N");
        assert_eq!(mapped('\u{1c5}', MAP_UPPER), "\u{1c4}");
        assert_eq!(mapped('\u{1c5}', MAP_LOWER), "\u{1c6}");
        assert_eq!(mapped('\u{130}', MAP_LOWER), "i\u{307}");
        assert_eq!(mapped('Σ', MAP_LOWER), "σ");
        assert_eq!(mapped('€', MAP_UPPER), "€");
    }
}
