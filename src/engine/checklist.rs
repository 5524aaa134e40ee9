//! The checklist the engine trusts: validated, with every cross-reference an index.
//!
//! Second stage of the two-stage parse (see [`crate::engine::format`]). A `Checklist` only comes
//! out of [`crate::engine::compile`], or out of `build.rs`, which runs that same function on the
//! built-in JSON and writes the result as static Rust. So code that holds a `Checklist`
//! may index its tables without checks: every index in it points somewhere.
//!
//! Text and lists are `Cow<'static, _>` so that one type serves both sources: borrowed
//! from static tables for the built-in checklist (no JSON, no allocation, no parser in
//! the reader's build), owned when an author's file is read at run time.

use std::borrow::Cow;

pub use crate::engine::labels::Labels;
use crate::engine::text::{fill_text, push_number};

pub use crate::engine::text::Text;
/// A table in a checklist.
pub type List<T> = Cow<'static, [T]>;

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
    /// Verdicts, best first (see [`Verdict::rank`] for ties).
    pub verdicts: List<Verdict>,
    /// Combinations of answers that decide the verdict on their own.
    pub rules: List<Rule>,
    /// Next steps in order of priority, each with the answers and verdicts it fits.
    pub steps: List<NextStep>,
    /// Related reading.
    pub reading: List<Reading>,
    /// Interface words.
    pub labels: Labels,
    /// The picture of the verdicts' regions, made by the compiler from the tables above
    /// ([`crate::engine::picture::picture`]); `None` with fewer than two factors.
    pub picture: Option<Picture>,
    /// Earlier versions of the checklist whose saved or shared answers still open (see
    /// [`crate::share`]); empty unless the checklist comes with its history (the
    /// built-in one does, `src/content/ai-certification.history.json`).
    pub formerly: List<Former>,
}

/// An earlier version of a checklist, as its answers map onto this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Former {
    /// The fingerprint its answers were saved and shared with.
    pub fingerprint: u32,
    /// Its questions, in its order.
    pub questions: List<FormerQuestion>,
}

/// A question of an earlier version of a checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct FormerQuestion {
    /// The question with the same id now, if there is one.
    pub now: Option<usize>,
    /// For each of its options, in its order, the option with the same id now.
    pub options: List<Option<usize>>,
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
    /// Must be answered before the verdict is final (when it is asked).
    pub required: bool,
    /// Asked only when every one of these holds; empty: always asked. Each names an
    /// earlier question, so the answers decide which questions are asked in one pass.
    pub ask_if: List<When>,
    /// One to [`MAX_OPTIONS`](crate::engine::limits::MAX_OPTIONS) options.
    pub options: List<Choice>,
}

/// "Question `question` is answered with one of the options in `options`."
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// Index into [`Checklist::questions`].
    pub question: usize,
    /// A bit mask of that question's options; any one of them chosen is enough.
    pub options: u32,
}

/// How an option judges the particular offer the reader weighs (for the built-in
/// checklist: the program they picked), apart from the reader's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// A sign of a poor offer: the verdict never endorses it.
    Poor,
    /// A sign of a sound one.
    Sound,
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
    /// A verdict this answer decides on its own, if the reader would otherwise be
    /// nearer the best verdict (see [`crate::engine::evaluate`]).
    pub cap: Option<usize>,
    /// A warning sign (its weights are never positive).
    pub red_flag: bool,
    /// Clears the other options of a multiple-choice question ("None of these").
    pub exclusive: bool,
    /// What it says of the offer the reader weighs, if anything (no weights, no cap).
    pub offer: Option<Offer>,
    /// Why it matters; may be empty.
    pub reason: Text,
    /// Choosing it as an action ("use AI in your work every week"); may be empty. Only
    /// options with one are ever suggested as a change.
    pub action: Text,
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
    /// Its place in the order from best (1) away from it. Verdicts of the same rank are
    /// places side by side, neither better: a move between them is never offered as an
    /// improvement, and a red flag may move a reader from one to the other.
    pub rank: u32,
    /// In plain words.
    pub title: Text,
    /// The headline when the offer the reader weighs is poor; may be empty (then
    /// `labels.offer_poor_title` is used).
    pub title_poor_offer: Text,
    /// What it means.
    pub summary: Text,
    /// The region where it holds: `min <= score < max` on each listed factor.
    pub when: List<Condition>,
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

/// A combination of answers that decides the verdict on its own ("uses AI regularly,
/// learns alone, a cheaper route would do, the employer does not reward certificates").
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable id.
    pub id: Text,
    /// All must hold.
    pub answers: List<When>,
    /// Index into [`Checklist::verdicts`].
    pub verdict: usize,
    /// Why, shown as the deciding reason when the rule decides.
    pub reason: Text,
    /// Indices into [`Checklist::reading`].
    pub reading: List<usize>,
}

/// A next step and where it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    /// Stable id.
    pub id: Text,
    /// What to do.
    pub text: Text,
    /// Shown only with one of these verdicts (indices); empty: with any.
    pub verdicts: List<usize>,
    /// Shown only when all of these hold; empty: always.
    pub answers: List<When>,
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

impl Checklist {
    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The index of the verdict with this id.
    pub fn verdict_index(&self, id: &str) -> Option<usize> {
        self.verdicts.iter().position(|v| v.id == id)
    }

    /// The finite thresholds the verdicts' conditions name on factor `factor`,
    /// increasing, each once: where the verdicts' regions change along that factor.
    pub fn bounds(&self, factor: usize) -> Vec<f64> {
        let mut bounds: Vec<f64> = self
            .verdicts
            .iter()
            .flat_map(|v| v.when.iter())
            .filter(|w| w.factor == factor)
            .flat_map(|w| [w.min, w.max])
            .filter(|b| b.is_finite())
            .collect();
        // Insertion sort: at most 2 * MAX_VERDICTS bounds, and the standard sort would
        // bring 4.7 KB of code into the build for hosts' own checklists for them.
        for i in 1..bounds.len() {
            let mut j = i;
            while j > 0 && bounds[j - 1].total_cmp(&bounds[j]).is_gt() {
                bounds.swap(j - 1, j);
                j -= 1;
            }
        }
        bounds.dedup();
        bounds
    }

    /// The rank of verdict `v` (see [`Verdict::rank`]).
    pub fn rank(&self, v: usize) -> u32 {
        self.verdicts.get(v).map_or(u32::MAX, |v| v.rank)
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

    /// Whether this question judges the offer (any of its options does).
    pub fn judges_offer(&self) -> bool {
        self.options.iter().any(|o| o.offer.is_some())
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

// The picture of the verdicts' regions, as the model holds it (`Checklist::picture`);
// its geometry, which makes it and places the reader's dot, is `picture.rs`.

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

/// One verdict's cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Verdict index.
    pub verdict: usize,
    /// Where it is drawn.
    pub rect: Rect,
    /// The verdict's title in lines, drawn at the top of the cell.
    pub lines: List<Text>,
    /// Where those lines are: the dot never goes there.
    pub label: Rect,
}

/// One axis: a factor, drawn in equal steps between the thresholds of the verdicts.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The factor.
    pub factor: usize,
    /// Increasing: the factor's lowest score, each threshold inside its range, its
    /// highest score.
    pub stops: List<Stop>,
}

/// A score and where it lies along its axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stop {
    /// The score.
    pub score: f64,
    /// Its place, from 0 (the start of the axis) to 1 (its end).
    pub at: f64,
}

/// The picture for one checklist; [`dot`](crate::engine::picture::dot) places a reader on
/// it.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The horizontal axis (the first factor).
    pub x: Axis,
    /// The vertical axis (the second factor).
    pub y: Axis,
    /// The plotting area.
    pub plot: Rect,
    /// One cell per verdict whose region is visible within the factors' ranges.
    pub areas: List<Area>,
}
