//! The checklist the engine trusts: validated, with every cross-reference an index.
//!
//! Second stage of the two-stage parse (see [`crate::format`]). A `Checklist` only comes
//! out of [`crate::compile`], or out of `build.rs`, which runs that same function on the
//! built-in JSON and writes the result as static Rust. So code that holds a `Checklist`
//! may index its tables without checks: every index in it points somewhere.
//!
//! Text and lists are `Cow<'static, _>` so that one type serves both sources: borrowed
//! from static tables for the built-in checklist (no JSON, no allocation, no parser in
//! the reader's build), owned when an author's file is read at run time.

use std::borrow::Cow;

/// Text in a checklist.
pub type Text = Cow<'static, str>;
/// A table in a checklist.
pub type List<T> = Cow<'static, [T]>;

/// The most options a question may have (answers are kept as one bit per option).
pub const MAX_OPTIONS: usize = 32;

/// A validated checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// Stable id.
    pub id: Text,
    /// Heading: the decision being made.
    pub title: Text,
    /// Text under the heading; may be empty.
    pub intro: Text,
    /// Scored dimensions.
    pub factors: List<Factor>,
    /// Headings that group questions.
    pub sections: List<Section>,
    /// All questions in reading order.
    pub questions: List<Question>,
    /// Verdicts, best first.
    pub verdicts: List<Verdict>,
    /// Related reading.
    pub reading: List<Reading>,
    /// Interface words.
    pub labels: Labels,
}

/// A scored dimension, with the range its score can take.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    /// Stable id.
    pub id: Text,
    /// Reader-facing name.
    pub label: Text,
    /// The lowest score any set of answers gives.
    pub min: f64,
    /// The highest score any set of answers gives.
    pub max: f64,
}

/// A heading over consecutive questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Stable id.
    pub id: Text,
    /// Heading text.
    pub title: Text,
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id, unique in the checklist.
    pub id: Text,
    /// Index into [`Checklist::sections`].
    pub section: usize,
    /// The question.
    pub text: Text,
    /// Explanation; may be empty.
    pub help: Text,
    /// Checkboxes rather than radios.
    pub multiple: bool,
    /// Must be answered before the verdict is final.
    pub required: bool,
    /// One to [`MAX_OPTIONS`] options.
    pub options: List<Choice>,
}

/// One option of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Stable id, unique in its question.
    pub id: Text,
    /// The option's label.
    pub label: Text,
    /// Weights added to factors when chosen.
    pub effects: List<Effect>,
    /// Index of the best verdict still possible once this is chosen.
    pub cap: Option<usize>,
    /// A warning sign (its weights are never positive).
    pub red_flag: bool,
    /// Clears the other options of a multiple-choice question ("None of these").
    pub exclusive: bool,
    /// Why it matters; may be empty.
    pub reason: Text,
    /// Choosing it as an action ("start using AI every week"); may be empty.
    pub action: Text,
    /// Suggested next step; may be empty.
    pub next_step: Text,
    /// Indices into [`Checklist::reading`].
    pub reading: List<usize>,
}

/// A weight on a factor.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    /// Index into [`Checklist::factors`].
    pub factor: usize,
    /// Finite weight.
    pub weight: f64,
}

/// A verdict band.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Stable id.
    pub id: Text,
    /// In plain words.
    pub title: Text,
    /// What it means.
    pub summary: Text,
    /// The region where it holds: `min <= score < max` on each listed factor.
    pub when: List<Condition>,
    /// Next steps for this verdict.
    pub next_steps: List<Text>,
    /// Indices into [`Checklist::reading`].
    pub reading: List<usize>,
}

/// A half-open range on one factor.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// Index into [`Checklist::factors`].
    pub factor: usize,
    /// Inclusive; `f64::NEG_INFINITY` when unbounded.
    pub min: f64,
    /// Exclusive; `f64::INFINITY` when unbounded.
    pub max: f64,
}

impl Condition {
    /// Whether `score` lies in the range.
    pub fn holds(&self, score: f64) -> bool {
        self.min <= score && score < self.max
    }
}

/// A related article.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Stable id.
    pub id: Text,
    /// Title.
    pub title: Text,
    /// A vetted address (http(s), relative or mailto), if any.
    pub href: Option<Text>,
}

/// The widget's own words, defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    /// Heading above the verdict.
    pub verdict_heading: Text,
    /// Marks a verdict given before the required questions are answered.
    pub provisional: Text,
    /// Progress, with `{answered}` and `{total}`.
    pub progress: Text,
    /// Heading of the reasons.
    pub reasons_heading: Text,
    /// Heading of the next steps.
    pub next_steps_heading: Text,
    /// Heading of the related reading.
    pub reading_heading: Text,
    /// Shown before any answer.
    pub no_answers: Text,
    /// Marks a required question.
    pub required: Text,
    /// Heading of the what-would-change list.
    pub what_if_heading: Text,
    /// `{change}`, `{verdict}`: a change that improves the verdict.
    pub what_if_up: Text,
    /// `{change}`, `{verdict}`: a change that worsens it.
    pub what_if_down: Text,
    /// `{action}`.
    pub change_action: Text,
    /// `{answer}`, `{question}`.
    pub change_answer: Text,
    /// `{answer}`.
    pub change_untick: Text,
    /// Joins two changes.
    pub and: Text,
    /// Title of the picture.
    pub picture_title: Text,
    /// `{factor}`, `{score}`, `{min}`, `{max}`: one axis in words.
    pub picture_axis: Text,
    /// `{verdict}`: the area the scores are in.
    pub picture_area: Text,
    /// A reason that raised the verdict (for screen readers).
    pub push_up: Text,
    /// A reason that lowered it.
    pub push_down: Text,
    /// A reason that holds it down.
    pub push_cap: Text,
    /// Button: copy a link to the result.
    pub copy_link: Text,
    /// Button: copy a plain-text summary.
    pub copy_summary: Text,
    /// Button: clear the answers (screen and storage).
    pub clear: Text,
    /// Said after a successful copy.
    pub copied: Text,
    /// Said when the browser refused to copy.
    pub copy_failed: Text,
    /// Said when a shared link's answers were not used: `{why}`.
    pub link_ignored: Text,
    /// `{why}` for a damaged link.
    pub link_damaged: Text,
    /// `{why}` for a link made with another version of the checklist.
    pub link_other: Text,
    /// `{why}` for a link from a newer widget.
    pub link_future: Text,
    /// Said when answers cannot be saved in this browser.
    pub storage_unavailable: Text,
    /// Shown above a shared link's answers, which cannot be changed until kept.
    pub shared_notice: Text,
    /// Button: make a shared link's answers the reader's own (they replace the saved ones).
    pub keep_shared: Text,
    /// Button: leave a shared link's answers for the reader's own saved ones.
    pub leave_shared: Text,
}

impl Checklist {
    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

impl Question {
    /// The index of the option with this id.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// A bit mask of the options marked exclusive.
    pub fn exclusive_mask(&self) -> u32 {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.exclusive)
            // `i` < MAX_OPTIONS (32): compile refuses questions with more options.
            .fold(0, |m, (i, _)| m | 1 << i)
    }
}

impl Labels {
    /// The progress line, e.g. "7 of 13 answered", from the `{answered}`/`{total}`
    /// template.
    pub fn progress_text(&self, answered: usize, total: usize) -> String {
        let (mut a, mut t) = (String::new(), String::new());
        push_number(&mut a, answered);
        push_number(&mut t, total);
        fill_text(&self.progress, &[("{answered}", &a), ("{total}", &t)])
    }
}

/// Replaces each `{name}` placeholder in `template` with its text.
///
/// Hand-written rather than `str::replace` and `format!`: this runs in the reader's
/// build on every answer, and the pattern-search and formatting machinery costs bytes
/// there.
pub fn fill_text(template: &str, values: &[(&str, &str)]) -> String {
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

/// The pieces of `text` between the bytes `sep` (an ASCII character), as `str::split`
/// gives them. Hand-written for the same reason as [`fill_text`]: the standard pattern
/// searcher costs bytes in the reader's build.
pub fn pieces(text: &str, sep: u8) -> Pieces<'_> {
    Pieces(Some(text), sep)
}

/// The iterator of [`pieces`].
#[derive(Debug, Clone)]
pub struct Pieces<'a>(Option<&'a str>, u8);

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
pub fn cut(text: &str, sep: u8) -> Option<(&str, &str)> {
    let i = text.bytes().position(|b| b == sep)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// Appends `n` in decimal.
pub fn push_number(out: &mut String, n: usize) {
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
pub fn push_decimal(out: &mut String, x: f64) {
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
    use super::{fill_text, push_decimal, push_number};

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
}
