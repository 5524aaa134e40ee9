//! The checklist format as authors write it: the raw, serde-readable form.
//!
//! This is the first of two stages (the ripgrep way): these types mirror the JSON one to
//! one, cross-references are still ids, and nothing here is trusted. Unknown keys are
//! not refused here but by [`crate::engine::parse`], which checks every object's keys against
//! these types' fields: the same check on both trees the crate reads (natively
//! serde_json's, in the browser serde-wasm-bindgen's, in `src/web/custom.rs`), and
//! it lets the rule problems be reported in the same pass. [`crate::engine::compile`]
//! checks every rule and turns a [`RawChecklist`] into a [`crate::Checklist`] the engine
//! can evaluate without further checks.
//!
//! Why serde lives here and not on the engine's types: the reader's WebAssembly build
//! carries no serde at all (it costs about 40 KB gzip there). The built-in checklist is
//! read with these types by `build.rs` at build time and compiled into static tables, so
//! in the browser nothing parses JSON. Natively (tests, the build step, authors' tools)
//! this file is the one definition of the format.

use serde::Deserialize;

pub use crate::engine::labels::RawLabels;

/// A whole checklist: one decision, its questions, factors and verdicts.
#[derive(Debug, Clone, Deserialize)]
pub struct RawChecklist {
    /// The format version; only `1` exists.
    pub version: u32,
    /// A stable id, used for events and (later) saved answers.
    pub id: String,
    /// The question the checklist answers, shown as its heading.
    pub title: String,
    /// One or two sentences shown under the title.
    #[serde(default)]
    pub intro: String,
    /// The scored dimensions answers move, e.g. "career case" and "practice".
    pub factors: Vec<RawFactor>,
    /// Questions in reading order, grouped.
    pub sections: Vec<RawSection>,
    /// Verdicts, best first: the order "towards the best verdict" means (verdicts of
    /// equal `rank` are side by side).
    pub verdicts: Vec<RawVerdict>,
    /// Combinations of answers that decide the verdict on their own.
    #[serde(default)]
    pub rules: Vec<RawRule>,
    /// Next steps, in order of priority, each with the answers and verdicts it fits.
    #[serde(default)]
    pub steps: Vec<RawStep>,
    /// Related reading that options and verdicts may point to.
    #[serde(default)]
    pub reading: Vec<RawReading>,
    /// Interface words for this checklist's language (optional overrides).
    #[serde(default)]
    pub labels: RawLabels,
}

/// A scored dimension.
#[derive(Debug, Clone, Deserialize)]
pub struct RawFactor {
    /// Referenced by effects and verdict conditions.
    pub id: String,
    /// Shown to readers, e.g. "Career case for a certification".
    pub label: String,
}

/// A group of questions shown under one heading.
#[derive(Debug, Clone, Deserialize)]
pub struct RawSection {
    /// Unique among sections.
    pub id: String,
    /// The section heading.
    pub title: String,
    /// The section's questions.
    pub questions: Vec<RawQuestion>,
}

/// One question and its options.
#[derive(Debug, Clone, Deserialize)]
pub struct RawQuestion {
    /// Unique among all questions.
    pub id: String,
    /// The question as the reader sees it.
    pub text: String,
    /// Optional explanation under the question.
    #[serde(default)]
    pub help: String,
    /// `true`: checkboxes (any number of options); `false`: radios (exactly one).
    #[serde(default)]
    pub multiple: bool,
    /// The verdict is provisional until every required question is answered.
    #[serde(default)]
    pub required: bool,
    /// Asked only once earlier answers are given: every condition must hold.
    #[serde(default)]
    pub ask_if: Vec<RawWhen>,
    /// At least one option.
    pub options: Vec<RawOption>,
}

/// One answer a reader can give.
#[derive(Debug, Clone, Deserialize)]
pub struct RawOption {
    /// Unique within its question.
    pub id: String,
    /// The option's label.
    pub label: String,
    /// How choosing this option moves the factors.
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    /// A verdict id: choosing this option means the verdict can be no better than that.
    #[serde(default)]
    pub cap: Option<String>,
    /// A warning sign: its effects must never raise a factor.
    #[serde(default)]
    pub red_flag: bool,
    /// In a multiple-choice question, an option like "None of these" that clears the others.
    #[serde(default)]
    pub exclusive: bool,
    /// `"poor"` or `"sound"`: what this answer says of the offer the reader weighs (a
    /// program), judged apart from the verdict.
    #[serde(default)]
    pub offer: Option<String>,
    /// Why this answer matters, shown among the verdict's reasons when chosen.
    #[serde(default)]
    pub reason: String,
    /// What choosing it means as an action, completing "If you ...", e.g. "use AI in
    /// your work every week". Only options with one are suggested as changes.
    #[serde(default)]
    pub action: String,
    /// A next step suggested when this option is chosen (a step with this answer as
    /// its condition, after the `steps` list).
    #[serde(default)]
    pub next_step: String,
    /// Ids of related reading suggested when this option is chosen.
    #[serde(default)]
    pub reading: Vec<String>,
}

/// A weight an option adds to one factor.
#[derive(Debug, Clone, Deserialize)]
pub struct RawEffect {
    /// A factor id.
    pub factor: String,
    /// Added to the factor's score; finite, positive or negative.
    pub weight: f64,
}

/// One verdict band.
#[derive(Debug, Clone, Deserialize)]
pub struct RawVerdict {
    /// Unique among verdicts.
    pub id: String,
    /// Its place from the best (1); by default one more than the verdict before.
    /// Verdicts of equal rank are side by side, neither better than the other.
    #[serde(default)]
    pub rank: Option<u32>,
    /// The verdict in plain words, e.g. "Worth it".
    pub title: String,
    /// The headline when the offer the reader weighs is poor, e.g. "Worth it, but not
    /// this program".
    #[serde(default)]
    pub title_poor_offer: String,
    /// One or two sentences saying what it means.
    pub summary: String,
    /// The region of factor scores where this verdict holds. Verdicts' regions must
    /// cover every possible score without gaps or overlaps.
    #[serde(default)]
    pub when: Vec<RawCondition>,
    /// Next steps for everyone who gets this verdict (after the `steps` list).
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Ids of related reading for this verdict.
    #[serde(default)]
    pub reading: Vec<String>,
}

/// A half-open range `[min, max)` on one factor; a missing bound is unbounded.
#[derive(Debug, Clone, Deserialize)]
pub struct RawCondition {
    /// A factor id.
    pub factor: String,
    /// Inclusive lower bound.
    #[serde(default)]
    pub min: Option<f64>,
    /// Exclusive upper bound.
    #[serde(default)]
    pub max: Option<f64>,
}

/// A related article.
#[derive(Debug, Clone, Deserialize)]
pub struct RawReading {
    /// Referenced by options and verdicts.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// Its address: http(s), relative or mailto. Without one the title shows as text.
    #[serde(default)]
    pub href: Option<String>,
}

/// "Question `question` is answered with any of `any_of`."
#[derive(Debug, Clone, Deserialize)]
pub struct RawWhen {
    /// A question id (for `ask_if`: an earlier question).
    pub question: String,
    /// Option ids of that question; one of them chosen is enough.
    pub any_of: Vec<String>,
}

/// A combination of answers that decides the verdict on its own.
#[derive(Debug, Clone, Deserialize)]
pub struct RawRule {
    /// Unique among rules.
    pub id: String,
    /// The answers it needs, all of them.
    pub answers: Vec<RawWhen>,
    /// The verdict id it decides.
    pub verdict: String,
    /// Why, shown as the deciding reason.
    pub reason: String,
    /// Ids of related reading.
    #[serde(default)]
    pub reading: Vec<String>,
}

/// A next step, and the verdicts and answers it fits.
#[derive(Debug, Clone, Deserialize)]
pub struct RawStep {
    /// Unique among steps.
    pub id: String,
    /// What to do.
    pub text: String,
    /// Verdict ids it is shown with; empty or missing: any.
    #[serde(default)]
    pub verdicts: Vec<String>,
    /// The answers it needs, all of them; empty or missing: none.
    #[serde(default)]
    pub answers: Vec<RawWhen>,
}
