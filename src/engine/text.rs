//! Text in a checklist ([`Text`]), and small text helpers for the reader's build:
//! filling `{placeholders}`, splitting at a byte, writing numbers.
//!
//! Hand-written rather than `format!`, `str::replace` and `str::split`: they run in the
//! reader's WebAssembly on every answer, where the standard pattern-search and
//! formatting machinery costs bytes (see docs/performance.md). Crate-internal: they are
//! tools of the engine and the web layer, not part of the checklist model's API.

use std::borrow::Cow;

/// Text in a checklist. (Here, the engine's lowest module, so that the labels and the
/// model can both name it without naming each other.)
pub type Text = Cow<'static, str>;

/// Replaces each `{name}` placeholder in `template` with its text.
///
/// Hand-written rather than `str::replace` and `format!`: this runs in the reader's
/// build on every answer, and the pattern-search and formatting machinery costs bytes
/// there.
pub(crate) fn fill_text(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    'outer: while let Some(open) = rest.bytes().position(|b| b == b'{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let tail = rest.get(open..).unwrap_or_default();
        for &(name, value) in values {
            if tail.starts_with(name) {
                out.push_str(value);
                rest = tail.get(name.len()..).unwrap_or_default();
                continue 'outer;
            }
        }
        out.push('{');
        rest = tail.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `parts` with `sep` between them, as `[&str]::join` gives them. Hand-written: the
/// standard `join` is 1 KB of generic code in a WebAssembly build, for a few error
/// messages.
pub(crate) fn join<'a>(parts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// `items` as a list in a sentence: "a", "a and b", "a, b and c", with `last` (" and ",
/// " or ", or the checklist's own words for them) before the last item.
pub(crate) fn list(items: &[String], last: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { last } else { ", " });
        }
        out.push_str(item);
    }
    out
}

/// The pieces of `text` between the bytes `sep` (an ASCII character), as `str::split`
/// gives them. Hand-written for the same reason as [`fill_text`]: the standard pattern
/// searcher costs bytes in the reader's build.
pub(crate) fn pieces(text: &str, sep: u8) -> Pieces<'_> {
    Pieces(Some(text), sep)
}

/// The iterator of [`pieces`].
#[derive(Debug, Clone)]
pub(crate) struct Pieces<'a>(Option<&'a str>, u8);

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.0?;
        match cut(rest, self.1) {
            Some((piece, tail)) => {
                self.0 = Some(tail);
                Some(piece)
            }
            None => {
                self.0 = None;
                Some(rest)
            }
        }
    }
}

/// `text` split at the first byte `sep` (an ASCII character), as `str::split_once`.
pub(crate) fn cut(text: &str, sep: u8) -> Option<(&str, &str)> {
    let i = text.bytes().position(|b| b == sep)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// Appends `n` in decimal.
pub(crate) fn push_number(out: &mut String, n: usize) {
    // 20 digits hold usize::MAX (a 64-bit one has 20) and the loop stops at n == 0, so
    // `i` never goes below 0; n % 10 < 10 keeps each byte an ASCII digit.
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(i) {
        out.push(d as char);
    }
}

/// Appends `x` in decimal, rounded to three decimals, without trailing zeros: `2`,
/// `-1.5`, `0.3` (for 0.1 + 0.2). Problems quote scores and numbers with it instead of
/// `f64`'s `Display`, whose shortest-round-trip algorithms are about 16 KB of wasm.
/// Not finite, or beyond ±1e15: `NaN`, `inf`, `-inf` or `huge`.
pub(crate) fn push_decimal(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("NaN");
        return;
    }
    if x.is_infinite() || x.abs() >= 1e15 {
        out.push_str(if x.is_infinite() {
            if x < 0.0 {
                "-inf"
            } else {
                "inf"
            }
        } else {
            "huge"
        });
        return;
    }
    // |x| < 1e15, so |x| * 1000 < 1e18 fits a u64 exactly enough for three decimals.
    let thousandths = (x.abs() * 1000.0).round() as u64;
    if x < 0.0 && thousandths != 0 {
        out.push('-');
    }
    push_number(out, (thousandths / 1000) as usize);
    let mut frac = thousandths % 1000;
    if frac != 0 {
        out.push('.');
        let mut unit = 100;
        while frac != 0 {
            out.push((b'0' + (frac / unit) as u8) as char); // frac < 10 * unit: one digit
            frac %= unit;
            unit /= 10;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{fill_text, join, push_decimal, push_number};

    #[test]
    fn decimals_are_written_like_people_write_scores() {
        let cases: [(f64, &str); 12] = [
            (0.0, "0"),
            (-0.0, "0"),
            (2.0, "2"),
            (-17.0, "-17"),
            (-1.5, "-1.5"),
            (0.1 + 0.2, "0.3"),
            (2.125, "2.125"),
            (0.0004, "0"),
            (-0.0004, "0"),
            (1.05, "1.05"),
            (f64::NAN, "NaN"),
            (-f64::INFINITY, "-inf"),
        ];
        for (x, want) in cases {
            let mut s = String::new();
            push_decimal(&mut s, x);
            assert_eq!(s, want, "{x}");
        }
    }

    fn number(n: usize) -> String {
        let mut s = String::new();
        push_number(&mut s, n);
        s
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        let t = "{answered} of {total} answered {x} {";
        assert_eq!(
            fill_text(t, &[("{answered}", &number(7)), ("{total}", &number(130))]),
            "7 of 130 answered {x} {"
        );
        assert_eq!(fill_text("{a}{a}", &[("{a}", &number(0))]), "00");
        assert_eq!(fill_text("é{a}ü", &[("{a}", &number(12))]), "é12ü");
        assert_eq!(number(usize::MAX), usize::MAX.to_string());
    }

    #[test]
    fn join_is_the_standard_join() {
        for parts in [
            &[][..],
            &["a"],
            &["a", "b"],
            &["", "b", ""],
            &["é", "ü", "x"],
        ] {
            assert_eq!(join(parts.iter().copied(), ", "), parts.join(", "));
        }
    }
}
