//! String formatting with a constant format: the parsers of `%` format strings (`"%-5d|%s"`)
//! and of the format-spec mini-language of f-strings (`f"{x:>8.3f}"`). Both give the same
//! `Spec`, which the flow builder turns into calls of `str`, `repr` or the prelude's `#fmt`
//! (see `build.rs`); the conversion itself happens at run time in `rpython._prelude`.
//!
//! Relies on nothing but the standard library.

/// One conversion: `%[flags][width][.prec]conv` or `{value:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The padding character.
    pub fill: char,
    /// `<`, `>`, `^`, `=`, or `\0` for the default of the value's type.
    pub align: char,
    /// `+`, `-`, ` `, or `\0`.
    pub sign: char,
    /// The `#` flag.
    pub alt: bool,
    /// The `0` flag: pad numbers with zeros after the sign.
    pub zero: bool,
    /// The minimum width; -1 when absent.
    pub width: i64,
    /// The precision; -1 when absent.
    pub prec: i64,
    /// The conversion (`d`, `s`, `r`, `x`, `f`, ...), or `\0` for the value's default.
    pub conv: char,
}

impl Spec {
    fn new() -> Spec {
        Spec {
            fill: ' ',
            align: '\0',
            sign: '\0',
            alt: false,
            zero: false,
            width: -1,
            prec: -1,
            conv: '\0',
        }
    }

    /// Whether the conversion is just `str(value)` (`%s`, `%d`, `{x}`, `{x:d}`).
    pub fn is_plain_str(&self) -> bool {
        self.width < 0
            && self.prec < 0
            && self.sign == '\0'
            && !self.alt
            && !self.zero
            && matches!(self.conv, '\0' | 's' | 'd' | 'i')
    }
}

/// A piece of a `%` format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Lit(String),
    Conv(Spec),
}

const PERCENT_CONVS: &str = "diouxXeEfFgGcrsa";

/// Parses a `%` format string. `*` widths and precisions and `%(name)s` mappings are refused.
pub fn parse_percent(fmt: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        let mut spec = Spec::new();
        spec.align = '>';
        if chars.peek() == Some(&'(') {
            return Err("`%(name)` formats (with a mapping) are not RPython".into());
        }
        while let Some(&f) = chars.peek() {
            match f {
                '-' => spec.align = '<',
                '+' => spec.sign = '+',
                ' ' => {
                    if spec.sign != '+' {
                        spec.sign = ' '
                    }
                }
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            chars.next();
        }
        // `0` pads numbers with zeros after the sign (strings ignore it, see the prelude).
        if spec.zero && spec.align != '<' {
            spec.fill = '0';
            spec.align = '=';
        }
        spec.zero = false;
        spec.width = digits(&mut chars)?;
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.prec = digits(&mut chars)?.max(0);
        }
        while matches!(chars.peek(), Some('h' | 'l' | 'L')) {
            chars.next();
        }
        match chars.next() {
            Some('%') => lit.push('%'),
            Some(conv) if PERCENT_CONVS.contains(conv) => {
                spec.conv = match conv {
                    'i' | 'u' => 'd',
                    'a' => 'r',
                    c => c,
                };
                if !lit.is_empty() {
                    out.push(Piece::Lit(std::mem::take(&mut lit)));
                }
                out.push(Piece::Conv(spec));
            }
            Some(other) => return Err(format!("unsupported format character `{other}`")),
            None => return Err("incomplete format".into()),
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

fn digits(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<i64, String> {
    if chars.peek() == Some(&'*') {
        return Err("`*` widths and precisions are not RPython".into());
    }
    let mut n: i64 = -1;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        n = n.max(0).saturating_mul(10).saturating_add(d as i64);
        chars.next();
    }
    Ok(n)
}

/// Parses a format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
pub fn parse_spec(s: &str) -> Result<Spec, String> {
    let mut spec = Spec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if cs.len() >= 2 && is_align(cs[1]) {
        spec.fill = cs[0];
        spec.align = cs[1];
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        spec.align = cs[0];
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        spec.sign = cs[i];
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        spec.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        spec.zero = true;
        i += 1;
    }
    let rest: String = cs[i..].iter().collect();
    let mut chars = rest.chars().peekable();
    spec.width = digits(&mut chars)?;
    if matches!(chars.peek(), Some(',' | '_')) {
        return Err("thousands separators in format specs are not supported".into());
    }
    if chars.peek() == Some(&'.') {
        chars.next();
        spec.prec = digits(&mut chars)?;
        if spec.prec < 0 {
            return Err("format spec: missing precision".into());
        }
    }
    if let Some(c) = chars.next() {
        if !"bcdeEfFgGnosxX%".contains(c) {
            return Err(format!("unknown format code `{c}`"));
        }
        spec.conv = if c == 'n' { 'd' } else { c };
    }
    if let Some(c) = chars.next() {
        return Err(format!("invalid format spec (unexpected `{c}`)"));
    }
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_pieces() {
        let p = parse_percent("a%-5d|%s %.2f%%").unwrap();
        assert_eq!(p.len(), 7);
        let Piece::Conv(s) = &p[1] else { panic!() };
        assert_eq!((s.align, s.width, s.conv), ('<', 5, 'd'));
        let Piece::Conv(s) = &p[5] else { panic!() };
        assert_eq!((s.prec, s.conv), (2, 'f'));
        assert_eq!(p.last(), Some(&Piece::Lit("%".into())));
        assert!(parse_percent("%(x)s").is_err());
        assert!(parse_percent("%*d").is_err());
        assert!(parse_percent("%q").is_err());
    }

    #[test]
    fn format_specs() {
        let s = parse_spec("*^+#010.3f").unwrap();
        assert_eq!(
            (s.fill, s.align, s.sign, s.alt, s.zero, s.width, s.prec, s.conv),
            ('*', '^', '+', true, true, 10, 3, 'f')
        );
        assert_eq!(parse_spec(">8").unwrap().width, 8);
        assert!(parse_spec("5q").is_err());
        assert!(parse_spec("").unwrap().is_plain_str());
    }
}
