//! The picture of where a reader stands: the first two factors as axes, each verdict's
//! region as a labelled area, and the reader's scores as a dot. Pure geometry here; the
//! web layer only draws what this returns.
//!
//! Why the regions come from the verdicts' own `when` ranges and not from a drawing the
//! author supplies: the picture then cannot disagree with the verdict. For our checklist
//! the four regions are the article's four quadrants (career case against practical
//! application).

use crate::checklist::{fill_text, Checklist};
use crate::evaluate::Outcome;

/// Width and height of the drawing, in SVG user units.
pub const WIDTH: f64 = 320.0;
/// Height of the drawing.
pub const HEIGHT: f64 = 240.0;
/// Room kept for the axis labels on the left and at the bottom.
pub const MARGIN: f64 = 22.0;

/// A rectangle in SVG coordinates (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// One verdict's area.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Verdict index.
    pub verdict: usize,
    /// Where it is drawn.
    pub rect: Rect,
}

/// The picture for one checklist; [`dot`] places a reader on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Factor on the horizontal axis.
    pub x_factor: usize,
    /// Factor on the vertical axis.
    pub y_factor: usize,
    /// The plotting area.
    pub plot: Rect,
    /// One area per verdict whose region is visible within the factors' ranges.
    pub areas: Vec<Area>,
}

/// The picture for `c`, or `None` if it has fewer than two factors.
pub fn picture(c: &Checklist) -> Option<Picture> {
    if c.factors.len() < 2 {
        return None;
    }
    let plot = Rect {
        x: MARGIN,
        y: 0.0,
        w: WIDTH - MARGIN,
        h: HEIGHT - MARGIN,
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
        let (left, right) = (to_x(c, &plot, x0), to_x(c, &plot, x1));
        let (top, bottom) = (to_y(c, &plot, y1), to_y(c, &plot, y0));
        if right - left > 0.5 && bottom - top > 0.5 {
            areas.push(Area {
                verdict: v,
                rect: Rect {
                    x: left,
                    y: top,
                    w: right - left,
                    h: bottom - top,
                },
            });
        }
    }
    Some(Picture {
        x_factor: 0,
        y_factor: 1,
        plot,
        areas,
    })
}

/// Where the reader's dot goes: SVG coordinates of the outcome's scores, kept inside
/// the plot. `p` and `out` come from [`picture`] and `evaluate` on `c`.
pub fn dot(c: &Checklist, p: &Picture, out: &Outcome) -> (f64, f64) {
    // A picture exists only for two factors or more, and `out` has one score per factor.
    let x = to_x(c, &p.plot, out.scores[p.x_factor]);
    let y = to_y(c, &p.plot, out.scores[p.y_factor]);
    (x, y)
}

/// The same information in words: each axis's score and range, and the area the dot
/// is in. `p` and `out` come from [`picture`] and `evaluate` on `c`.
pub fn describe(c: &Checklist, p: &Picture, out: &Outcome) -> String {
    let mut text = String::new();
    // The axes are factors 0 and 1, which a picture has; `out` has one score per factor
    // and `by_scores` is a verdict index.
    for f in [p.x_factor, p.y_factor] {
        let factor = &c.factors[f];
        let (mut score, mut min, mut max) = (String::new(), String::new(), String::new());
        push_rounded(&mut score, out.scores[f]);
        push_rounded(&mut min, factor.min);
        push_rounded(&mut max, factor.max);
        text.push_str(&fill_text(
            &c.labels.picture_axis,
            &[
                ("{factor}", &factor.label),
                ("{score}", &score),
                ("{min}", &min),
                ("{max}", &max),
            ],
        ));
        text.push(' ');
    }
    text.push_str(&fill_text(
        &c.labels.picture_area,
        &[("{verdict}", &c.verdicts[out.by_scores].title)],
    ));
    text
}

/// Splits a label into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut last_space = None;
    let mut count = 0;
    for (i, ch) in text.char_indices() {
        if ch == ' ' {
            last_space = Some(i);
        }
        count += 1;
        if count > width {
            if let Some(sp) = last_space.filter(|&sp| sp > start) {
                lines.push(text.get(start..sp).unwrap_or_default());
                // `sp` is the byte index of a one-byte space: `sp + 1` <= len.
                start = sp + 1;
                // Characters, counted by hand: `chars().count()` here costs 70 B gzip
                // (a standalone copy of core's counter; `Formatter::pad` has one inlined).
                let after = text.get(start..i).unwrap_or_default();
                count = after.bytes().filter(|b| b & 0xC0 != 0x80).count() + 1;
                last_space = None;
            }
        }
    }
    lines.push(text.get(start..).unwrap_or_default());
    lines
}

fn fraction(value: f64, min: f64, max: f64) -> f64 {
    if max <= min {
        return 0.5;
    }
    // `clamp` panics only on bounds out of order or NaN; 0 and 1 are neither (a NaN
    // value gives NaN, drawn nowhere, not a panic).
    ((value - min) / (max - min)).clamp(0.0, 1.0)
}

// `to_x` and `to_y` are called only for a checklist with two factors or more (`picture`
// returns `None` before, and `dot` needs a picture).
fn to_x(c: &Checklist, plot: &Rect, value: f64) -> f64 {
    let f = &c.factors[0];
    plot.x + plot.w * fraction(value, f.min, f.max)
}

fn to_y(c: &Checklist, plot: &Rect, value: f64) -> f64 {
    let f = &c.factors[1];
    plot.y + plot.h * (1.0 - fraction(value, f.min, f.max))
}

/// Appends `value` rounded to a whole number, with a true minus sign.
pub fn push_rounded(out: &mut String, value: f64) {
    let r = value.round();
    if r < 0.0 {
        out.push('\u{2212}');
    }
    crate::checklist::push_number(out, r.abs() as usize);
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
        assert_eq!(
            wrap("Unbreakablelongword here", 5),
            ["Unbreakablelongword", "here"]
        );
    }
}
