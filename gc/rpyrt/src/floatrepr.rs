//! Python 3's `repr(float)`: the shortest digits that read back as the same double, laid out as
//! CPython does (fixed notation for decimal exponents from -4 to 15 with a `.0` on integral
//! values, otherwise scientific notation with a signed exponent of at least two digits).
//!
//! Relies on Rust's `{:e}` formatting of `f64` for the shortest round-trip digits and on its
//! correctly rounded `{:.N$e}` to settle ties the way David Gay's algorithm in CPython does
//! (half to even). Writes into fixed buffers without allocating.

use crate::prelude::*;
use core::fmt::Write;

/// Room needed for any repr; the longest is 24 bytes (`-2.2250738585072014e-308`).
pub const MAX_REPR_LEN: usize = 32;

/// A fixed-capacity byte buffer that `write!` can target.
struct Buf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    fn new() -> Self {
        Buf {
            bytes: [0; N],
            len: 0,
        }
    }

    fn push(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    fn extend(&mut self, bytes: &[u8]) {
        self.bytes[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        if self.len + s.len() > N {
            return Err(core::fmt::Error);
        }
        self.extend(s.as_bytes());
        Ok(())
    }
}

/// Writes `repr(x)` into `out` and returns its length.
pub fn float_repr(x: f64, out: &mut [u8; MAX_REPR_LEN]) -> usize {
    let mut buf = Buf::<MAX_REPR_LEN>::new();
    if x.is_nan() {
        buf.extend(b"nan");
    } else if x.is_infinite() {
        buf.extend(if x > 0.0 { b"inf" as &[u8] } else { b"-inf" });
    } else {
        layout(x, &mut buf);
    }
    out[..buf.len].copy_from_slice(buf.as_bytes());
    buf.len
}

/// `repr(x)` as a `String` (for tests and Rust callers).
pub fn float_repr_string(x: f64) -> String {
    let mut out = [0; MAX_REPR_LEN];
    let len = float_repr(x, &mut out);
    String::from_utf8_lossy(&out[..len]).into_owned()
}

/// The digits (no leading or trailing zeros, except for zero itself) and the decimal exponent of
/// the shortest decimal that reads back as `x`, for a finite non-negative `x`.
fn shortest_digits(x: f64, digits: &mut Buf<24>) -> i32 {
    // Rust's shortest `{:e}` picks the right length, but when two candidates of that length are
    // equally close to `x` it rounds the last digit up, where CPython rounds half to even. So
    // format again with that many digits, correctly rounded (half to even), and keep that when it
    // still reads back as `x` (it may not, next to a power of two where the gaps are uneven).
    let mut sci = Buf::<40>::new();
    let _ = write!(sci, "{x:e}");
    let mut exp = split_scientific(sci.as_bytes(), digits);
    if digits.len > 1 {
        let mut exact = Buf::<40>::new();
        let _ = write!(exact, "{:.*e}", digits.len - 1, x);
        let reads_back = core::str::from_utf8(exact.as_bytes())
            .ok()
            .and_then(|text| text.parse::<f64>().ok())
            == Some(x);
        if reads_back {
            let mut exact_digits = Buf::<24>::new();
            exp = split_scientific(exact.as_bytes(), &mut exact_digits);
            *digits = exact_digits;
        }
    }
    while digits.len > 1 && digits.bytes[digits.len - 1] == b'0' {
        digits.len -= 1;
    }
    exp
}

/// Splits `D[.DDD]e[-]N` into its digits and exponent.
fn split_scientific(text: &[u8], digits: &mut Buf<24>) -> i32 {
    let e_pos = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    for &b in &text[..e_pos] {
        if b.is_ascii_digit() {
            digits.push(b);
        }
    }
    parse_exponent(&text[(e_pos + 1).min(text.len())..])
}

fn layout(x: f64, out: &mut Buf<MAX_REPR_LEN>) {
    let mut digits = Buf::<24>::new();
    let exp = shortest_digits(x.abs(), &mut digits);
    let digits = digits.as_bytes();

    if x.is_sign_negative() {
        out.push(b'-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            for i in 0..int_len {
                out.push(*digits.get(i).unwrap_or(&b'0'));
            }
            out.push(b'.');
            if digits.len() > int_len {
                out.extend(&digits[int_len..]);
            } else {
                out.push(b'0');
            }
        } else {
            out.extend(b"0.");
            for _ in 0..(-exp - 1) {
                out.push(b'0');
            }
            out.extend(digits);
        }
    } else {
        out.push(digits[0]);
        if digits.len() > 1 {
            out.push(b'.');
            out.extend(&digits[1..]);
        }
        out.push(b'e');
        out.push(if exp < 0 { b'-' } else { b'+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push(b'0');
        }
        let mut text = Buf::<8>::new();
        let _ = write!(text, "{magnitude}");
        out.extend(text.as_bytes());
    }
}

fn parse_exponent(text: &[u8]) -> i32 {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let magnitude = digits
        .iter()
        .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'));
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::float_repr_string as r;

    #[test]
    fn layouts() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (123456789012345.0, "123456789012345.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (1.5e-5, "1.5e-05"),
            (1e-7, "1e-07"),
            (1e100, "1e+100"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (-2.2250738585072014e-308, "-2.2250738585072014e-308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
        ];
        for &(x, expected) in cases {
            assert_eq!(r(x), expected, "{x:?}");
        }
    }
}
