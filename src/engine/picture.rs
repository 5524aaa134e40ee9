//! The picture of where a reader stands: the first two factors as axes, each verdict's
//! region as a labelled cell, and the reader as a dot inside the cell of their verdict.
//! Pure geometry here; the web layer only draws what this returns.
//!
//! The picture depends on the checklist alone, so it is made once, when the checklist is
//! compiled ([`Checklist::picture`]): for the built-in checklist that is at build time,
//! and the reader's build carries the cells as static tables, without this geometry's
//! code (1.7 KB gzip less on the page). Only [`dot`], [`describe`],
//! [`caption`] and [`lead`] run in the browser.
//!
//! Why the cells come from the verdicts' own `when` ranges and not from a drawing the
//! author supplies: the picture then cannot disagree with the verdict. For our checklist
//! the four cells are the article's four places (reasons to get certified against
//! putting AI to work).
//!
//! Each axis is drawn in equal steps between the thresholds the verdicts name, not in
//! proportion to raw scores: with scores from -14 to 12 and a threshold at 1, a linear
//! axis would give one verdict a sliver and another most of the picture.
//!
//! The picture is true to the answers: the dot is where the scores place the reader
//! (within its step on each axis, in the cell of the region that holds the scores, below
//! that cell's label), and the marked cell is the headline's band. Where an answer or
//! rule decides the band on its own ("no clear objective", "a cheaper route would do"),
//! the two differ, and the caption says so, naming what decided. Rejected: keeping the
//! dot inside the headline's cell, as before. The picture then plotted the verdict, not
//! the reader: a reader who rarely uses AI was drawn high on "Putting AI to work".

use std::borrow::Cow;

pub use crate::engine::checklist::{Area, Axis, Picture, Rect, Stop};
use crate::engine::checklist::{Checklist, Text};
use crate::engine::text::fill_text;

/// Width of the drawing, in SVG user units.
pub const WIDTH: f64 = 320.0;
/// Height of the drawing.
pub const HEIGHT: f64 = 260.0;
/// Room kept for the axis names on the left and at the bottom.
pub const MARGIN: f64 = 22.0;
/// Space between the lines of a cell's label.
pub const LINE: f64 = 15.0;
/// Space around a cell's label.
pub const PAD: f64 = 6.0;
/// The dot's radius.
pub const DOT: f64 = 7.0;
/// About how wide one character of a label is.
const CHAR: f64 = 7.2;

impl Axis {
    fn new(c: &Checklist, factor: usize) -> Axis {
        let f = &c.factors[factor];
        // The factor's lowest score, the thresholds inside its range, its highest.
        let mut scores = vec![f.min];
        scores.extend(
            c.bounds(factor)
                .into_iter()
                .filter(|&b| b > f.min && b < f.max),
        );
        if f.max > f.min {
            scores.push(f.max);
        }
        let steps = (scores.len() - 1).max(1) as f64;
        let stops = scores
            .iter()
            .enumerate()
            .map(|(i, &score)| Stop {
                score,
                at: if scores.len() == 1 {
                    0.5
                } else {
                    i as f64 / steps
                },
            })
            .collect();
        Axis {
            factor,
            stops: Cow::Owned(stops),
        }
    }

    /// Where `score` lies along the axis, from 0 to 1 (scores beyond the factor's range
    /// at its ends).
    pub fn fraction(&self, score: f64) -> f64 {
        let (first, last) = (self.stops[0], self.stops[self.stops.len() - 1]);
        if score <= first.score {
            return first.at;
        }
        if score >= last.score {
            return last.at;
        }
        for pair in self.stops.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if score < b.score {
                return a.at + (b.at - a.at) * (score - a.score) / (b.score - a.score);
            }
        }
        last.at
    }
}

impl Picture {
    fn to_x(&self, score: f64) -> f64 {
        self.plot.x + self.plot.w * self.x.fraction(score)
    }

    fn to_y(&self, score: f64) -> f64 {
        self.plot.y + self.plot.h * (1.0 - self.y.fraction(score))
    }
}

/// The picture for `c`, or `None` if it has fewer than two factors. `c` is a valid
/// checklist; the compiler calls this once, and everything else reads
/// [`Checklist::picture`].
pub fn picture(c: &Checklist) -> Option<Picture> {
    if c.factors.len() < 2 {
        return None;
    }
    let mut p = Picture {
        x: Axis::new(c, 0),
        y: Axis::new(c, 1),
        plot: Rect {
            x: MARGIN,
            y: 0.0,
            w: WIDTH - MARGIN,
            h: HEIGHT - MARGIN,
        },
        // Filled below: the cells are placed along the axes above.
        areas: Cow::Borrowed(&[]),
    };
    let mut areas = Vec::new();
    for (v, verdict) in c.verdicts.iter().enumerate() {
        let (mut x0, mut x1) = (f64::NEG_INFINITY, f64::INFINITY);
        let (mut y0, mut y1) = (f64::NEG_INFINITY, f64::INFINITY);
        for w in verdict.when.iter() {
            if w.factor == 0 {
                (x0, x1) = (w.min, w.max);
            } else if w.factor == 1 {
                (y0, y1) = (w.min, w.max);
            }
        }
        let (left, right) = (p.to_x(x0), p.to_x(x1));
        let (top, bottom) = (p.to_y(y1), p.to_y(y0));
        if right - left > 0.5 && bottom - top > 0.5 {
            let rect = Rect {
                x: left,
                y: top,
                w: right - left,
                h: bottom - top,
            };
            let chars = ((rect.w - 2.0 * PAD) / CHAR).max(2.0) as usize;
            // As many lines as the cell holds above the dot; a longer title is cut, with
            // an ellipsis (the bar and the card show it whole).
            let fit = ((rect.h - PAD * 2.5 - DOT * 2.0) / LINE).max(1.0) as usize;
            let mut wrapped = wrap(&verdict.title, chars);
            let cut = wrapped.len() > fit;
            wrapped.truncate(fit);
            let mut lines: Vec<Text> = wrapped
                .into_iter()
                .map(|line| Cow::Owned(line.to_string()))
                .collect();
            if let (true, Some(Cow::Owned(last))) = (cut, lines.last_mut()) {
                while !last.is_empty() && columns(last) + 1.0 > chars as f64 {
                    last.pop();
                }
                last.push('\u{2026}');
            }
            let label = Rect {
                x: rect.x,
                y: rect.y,
                w: rect.w,
                h: PAD * 1.5 + LINE * lines.len() as f64,
            };
            areas.push(Area {
                verdict: v,
                rect,
                lines: Cow::Owned(lines),
                label,
            });
        }
    }
    p.areas = Cow::Owned(areas);
    Some(p)
}

/// Where the reader's dot goes, in SVG coordinates: placed by `scores` (one per
/// factor), inside the cell of `verdict`, the region that holds them, and below that
/// cell's label. `None` if that verdict has no cell in the picture. `p` is the
/// checklist's [`Checklist::picture`].
pub fn dot(p: &Picture, scores: &[f64], verdict: usize) -> Option<(f64, f64)> {
    let area = p.areas.iter().find(|a| a.verdict == verdict)?;
    let (x, y) = (
        p.to_x(scores.get(p.x.factor).copied().unwrap_or(0.0)),
        p.to_y(scores.get(p.y.factor).copied().unwrap_or(0.0)),
    );
    let r = area.rect;
    let keep = |v: f64, lo: f64, hi: f64| {
        if hi < lo {
            (lo + hi) / 2.0
        } else {
            v.max(lo).min(hi)
        }
    };
    let margin = DOT + 3.0;
    Some((
        keep(x, r.x + margin, r.x + r.w - margin),
        keep(y, area.label.y + area.label.h + DOT, r.y + r.h - margin),
    ))
}

/// The picture in words, for screen readers: its axes, then `caption`.
pub fn describe(c: &Checklist, caption: &str) -> String {
    let mut text = String::new();
    if c.factors.len() >= 2 {
        // Two factors or more: the axes are factors 0 and 1.
        text.push_str(&fill_text(
            &c.labels.picture_axis,
            &[("{x}", &c.factors[0].label), ("{y}", &c.factors[1].label)],
        ));
    }
    if !caption.is_empty() {
        text.push(' ');
        text.push_str(caption);
    }
    text
}

/// The one-line caption under the picture. The marked cell is verdict `verdict`, the
/// headline's band; the dot is where the scores place the reader, in the cell of
/// verdict `place`. When the two differ, a deciding answer or rule overruled the scores:
/// the caption names both places and what decided, by the lead of its reason (`reason`,
/// up to its first colon: "You rarely use AI in your work").
pub fn caption(c: &Checklist, verdict: usize, place: usize, reason: Option<&str>) -> String {
    let title = |v: usize| c.verdicts.get(v).map_or("", |v| &v.title);
    let shown = c
        .picture
        .as_ref()
        .is_some_and(|p| p.areas.iter().any(|a| a.verdict == place));
    match reason {
        Some(reason) if place != verdict && shown => fill_text(
            &c.labels.picture_decided,
            &[
                ("{place}", title(place)),
                ("{verdict}", title(verdict)),
                ("{reason}", lead(reason)),
            ],
        ),
        _ => fill_text(&c.labels.picture_area, &[("{verdict}", title(verdict))]),
    }
}

/// A reason's lead: the words before its first colon, which name the answer ("You rarely
/// use AI in your work: ..."), or the whole reason without its final full stop.
pub fn lead(reason: &str) -> &str {
    let b = reason.as_bytes();
    let mut end = b.iter().position(|&x| x == b':').unwrap_or(b.len());
    // Spaces and a full stop before it, and the no-break space of French typography
    // (U+00A0, the bytes C2 A0) go.
    loop {
        if end > 0 && (b[end - 1] == b' ' || b[end - 1] == b'.') {
            end -= 1;
        } else if end > 1 && b[end - 2] == 0xC2 && b[end - 1] == 0xA0 {
            end -= 2;
        } else {
            break;
        }
    }
    reason.get(..end).unwrap_or(reason)
}

/// Splits a label into lines of at most `width` columns (a column is about one Latin
/// letter wide: [`width_of`]). A line ends at a space (which goes), before or after a
/// CJK character (which needs no space between words; not before closing punctuation or
/// after opening, which stay with their neighbour), or, in a run longer than a line
/// with no such place (Thai, which writes no spaces; a very long word), where the line
/// is full, never before a combining mark. Rejected: breaking at spaces only, as before:
/// a Japanese or Thai title was one line, which ran under the neighbouring cells and
/// past the picture.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let width = width as f64;
    let mut lines = Vec::new();
    let (mut start, mut cols) = (0, 0.0);
    // The last place the line may end: (where it ends, where the next one starts).
    let mut last: Option<(usize, usize)> = None;
    let mut prev = ' ';
    for (i, ch) in text.char_indices() {
        let w = width_of(ch);
        if ch == ' ' {
            last = Some((i, i + 1));
        } else if w > 0.0
            && (is_wide(prev) || is_wide(ch))
            && !CLOSING.contains(&ch)
            && !OPENING.contains(&prev)
        {
            last = Some((i, i));
        }
        if w > 0.0 && cols + w > width && i > start {
            let (end, next) = last.filter(|&(end, _)| end > start).unwrap_or((i, i));
            lines.push(text.get(start..end).unwrap_or_default());
            start = next;
            cols = text.get(start..i).map_or(0.0, columns);
            last = None;
        }
        if i >= start {
            cols += w;
        }
        prev = ch;
    }
    lines.push(text.get(start..).unwrap_or_default());
    lines
}

/// CJK punctuation a line never starts with.
const CLOSING: &[char] = &[
    '\u{3001}', '\u{3002}', '\u{3009}', '\u{300B}', '\u{300D}', '\u{300F}', '\u{3011}', '\u{30FB}',
    '\u{30FC}', '\u{FF01}', '\u{FF09}', '\u{FF0C}', '\u{FF0E}', '\u{FF1A}', '\u{FF1B}', '\u{FF1F}',
];
/// CJK punctuation a line never ends with.
const OPENING: &[char] = &[
    '\u{3008}', '\u{300A}', '\u{300C}', '\u{300E}', '\u{3010}', '\u{FF08}',
];

/// Whether `ch` is as wide as two Latin letters: CJK ideographs, kana and punctuation,
/// Hangul, full-width forms, emoji.
fn is_wide(ch: char) -> bool {
    matches!(ch as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// About how many columns `ch` takes: none for a combining mark (accents written
/// apart, Thai and Lao vowels and tone marks, variation selectors, zero-width
/// characters), two for a wide character, one and a fifth for a Thai or Lao letter,
/// one otherwise.
fn width_of(ch: char) -> f64 {
    match ch as u32 {
        0x0300..=0x036F
        | 0x0E31
        | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E
        | 0x0EB1
        | 0x0EB4..=0x0EBC
        | 0x0EC8..=0x0ECE
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200B..=0x200F
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F => 0.0,
        0x0E00..=0x0EFF => 1.2,
        _ if is_wide(ch) => 2.0,
        _ => 1.0,
    }
}

/// The columns `text` takes ([`width_of`]).
fn columns(text: &str) -> f64 {
    text.chars().map(width_of).sum()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(
            wrap("Worth it, if you pair it with practice", 16),
            ["Worth it, if you", "pair it with", "practice"]
        );
        assert_eq!(wrap("Worth it", 16), ["Worth it"]);
        // A run longer than a line, with nowhere to end it, ends where the line is full.
        assert_eq!(
            wrap("Unbreakablelongword here", 5),
            ["Unbre", "akabl", "elong", "word", "here"]
        );
    }

    #[test]
    fn cjk_wraps_between_characters_at_two_columns_each() {
        // 検討の価値あり、ただし実践と組み合わせて: 18 wide characters, 8 to a line of 16
        // columns; the comma stays with the character before it.
        let lines = wrap("検討の価値あり、ただし実践と組み合わせて", 16);
        assert_eq!(lines, ["検討の価値あり、", "ただし実践と組み", "合わせて"]);
        // Opening punctuation stays with what follows it.
        assert_eq!(wrap("あいう「えお」", 8), ["あいう", "「えお」"]);
    }

    #[test]
    fn thai_wraps_where_the_line_is_full_never_before_a_combining_mark() {
        let title = "คุ้มค่าถ้าฝึกฝนควบคู่กัน";
        let lines = wrap(title, 6);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), title, "nothing lost");
        for line in &lines {
            assert!(super::columns(line) <= 6.0, "{line} is wider than the line");
            let first = line.chars().next().unwrap();
            assert!(
                super::width_of(first) > 0.0,
                "{line} starts with a combining mark"
            );
        }
    }
}
