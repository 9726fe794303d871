//! Python 3's `int(text)` in base 10, for 64-bit results: surrounding whitespace, an optional sign,
//! decimal digits with single underscores between them, and CPython's limit of 4300 digits.
//!
//! Relies on the text being UTF-8. Like CPython, non-ASCII whitespace (U+00A0, U+3000, ...) around
//! the number and non-ASCII decimal digits (Unicode category Nd, e.g. U+0663 or U+FF11) are
//! accepted; the tables below come from CPython 3.11's `unicodedata` (Unicode 14.0).

/// Why a text is not an `i64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseIntError {
    /// Not a valid integer literal (Python raises ValueError).
    Invalid,
    /// A valid integer that does not fit in 64 bits.
    Overflow,
}

/// CPython's default `sys.get_int_max_str_digits()`: longer numbers are a ValueError.
const MAX_STR_DIGITS: usize = 4300;

/// First code point (the zero) of every run of ten non-ASCII decimal digits.
const NONASCII_DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Non-ASCII characters that `str.isspace()` accepts.
const NONASCII_SPACES: [char; 19] = [
    '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
    '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}',
    '\u{202f}', '\u{205f}', '\u{3000}',
];

/// Whitespace that `int()` strips: C's ASCII `isspace` set (not U+001C..U+001F, which
/// `str.isspace()` accepts but `int()` rejects) plus the non-ASCII spaces.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
        || (!c.is_ascii() && NONASCII_SPACES.contains(&c))
}

fn digit_value(c: char) -> Option<u64> {
    if c.is_ascii_digit() {
        return Some(c as u64 - '0' as u64);
    }
    let code = c as u32;
    let run = NONASCII_DIGIT_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *NONASCII_DIGIT_ZEROS.get(run.checked_sub(1)?)?;
    (code - zero < 10).then(|| u64::from(code - zero))
}

/// Parses `text` as Python's `int(text)` does.
pub fn parse_int(text: &[u8]) -> Result<i64, ParseIntError> {
    let text = core::str::from_utf8(text).map_err(|_| ParseIntError::Invalid)?;
    let text = text.trim_matches(is_space);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut magnitude: u64 = 0;
    let mut overflow = false;
    let mut n_digits = 0usize;
    let mut after_digit = false;
    for c in body.chars() {
        if c == '_' {
            if !after_digit {
                return Err(ParseIntError::Invalid);
            }
            after_digit = false;
            continue;
        }
        let digit = digit_value(c).ok_or(ParseIntError::Invalid)?;
        after_digit = true;
        n_digits += 1;
        match magnitude.checked_mul(10).and_then(|m| m.checked_add(digit)) {
            Some(m) => magnitude = m,
            None => overflow = true,
        }
    }
    if !after_digit || n_digits > MAX_STR_DIGITS {
        return Err(ParseIntError::Invalid);
    }
    let limit = if negative {
        i64::MIN.unsigned_abs()
    } else {
        i64::MAX as u64
    };
    if overflow || magnitude > limit {
        return Err(ParseIntError::Overflow);
    }
    Ok(if negative {
        (magnitude as i64).wrapping_neg()
    } else {
        magnitude as i64
    })
}

#[cfg(test)]
mod tests {
    use super::ParseIntError::{Invalid, Overflow};
    use super::*;

    fn p(s: &str) -> Result<i64, ParseIntError> {
        parse_int(s.as_bytes())
    }

    #[test]
    fn valid() {
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("-0", 0),
            ("+0", 0),
            ("7", 7),
            ("007", 7),
            ("0_0", 0),
            ("1_000", 1000),
            ("1_2_3", 123),
            ("-12", -12),
            (" -12 ", -12),
            ("\t\n\x0b\x0c\r 42 \r\n", 42),
            ("+5", 5),
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
            ("-9_223_372_036_854_775_808", i64::MIN),
            ("000000000000000000000000000009223372036854775807", i64::MAX),
            ("\u{2003}5\u{3000}", 5),
            ("\u{85}5", 5),
            ("\u{a0}-5\u{a0}", -5),
            ("\u{663}", 3),
            ("\u{ff11}\u{ff12}", 12),
            ("1\u{663}", 13),
            ("\u{1d7ce}\u{1d7d9}", 1),
            ("\u{1fbf9}", 9),
        ];
        for &(text, value) in cases {
            assert_eq!(p(text), Ok(value), "{text:?}");
        }
    }

    #[test]
    fn invalid() {
        let cases = [
            "",
            " ",
            "  \t",
            "+",
            "-",
            "+-1",
            "-+1",
            "--1",
            "- 1",
            "+ 1",
            "_1",
            "1_",
            "1__0",
            "+_1",
            "-_1",
            "1 2",
            "1\x00",
            "\x001",
            "0x10",
            "1e3",
            "1.0",
            "1.",
            "١_",
            "abc",
            "\x1c5\x1f",
            "5\x1c",
            "\u{200b}5",
            "12a",
            "a12",
            "\u{ff10}_\u{ff10}_",
            "\u{660}\u{66a}",
        ];
        for text in cases {
            assert_eq!(p(text), Err(Invalid), "{text:?}");
        }
        assert_eq!(parse_int(b"\xff1"), Err(Invalid));
        assert_eq!(parse_int(b"1\xc3"), Err(Invalid));
    }

    #[test]
    fn overflow() {
        for text in [
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "99999999999999999999999",
            "-99999999999999999999999",
            " 1_000_000_000_000_000_000_000 ",
        ] {
            assert_eq!(p(text), Err(Overflow), "{text:?}");
        }
        // An invalid text is a ValueError even if its digits overflow.
        assert_eq!(p("99999999999999999999999x"), Err(Invalid));
        assert_eq!(p("99999999999999999999999_"), Err(Invalid));
    }

    #[test]
    fn digit_limit() {
        let ok = format!("{}1", "0".repeat(4299));
        assert_eq!(p(&ok), Ok(1));
        let too_long = format!("{}1", "0".repeat(4300));
        assert_eq!(p(&too_long), Err(Invalid));
        let underscored = vec!["1"; 4300].join("_");
        assert_eq!(p(&underscored), Err(Overflow));
        let underscored = vec!["1"; 4301].join("_");
        assert_eq!(p(&underscored), Err(Invalid));
    }

    #[test]
    fn digit_table() {
        for &zero in &NONASCII_DIGIT_ZEROS {
            for d in 0..10 {
                assert_eq!(
                    digit_value(char::from_u32(zero + d).unwrap()),
                    Some(d as u64)
                );
            }
        }
        assert_eq!(digit_value('\u{65f}'), None);
        assert_eq!(digit_value('\u{66a}'), None);
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('\u{1fbfa}'), None);
    }
}
