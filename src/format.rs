//! The checklist format as authors write it: the raw, serde-readable form.
//!
//! This is the first of two stages (the ripgrep way): these types mirror the JSON one to
//! one, cross-references are still ids, and nothing here is trusted. Unknown keys are
//! not refused here but by [`crate::parse`], which checks every object's keys against
//! these types' fields: the same check on both trees the crate reads (natively
//! serde_json's, in the browser the custom build's own reader, `src/web/js_de.rs`), and
//! it lets the rule problems be reported in the same pass. [`crate::compile`]
//! checks every rule and turns a [`RawChecklist`] into a [`crate::Checklist`] the engine
//! can evaluate without further checks.
//!
//! Why serde lives here and not on the engine's types: the reader's WebAssembly build
//! carries no serde at all (it costs about 40 KB gzip there). The built-in checklist is
//! read with these types by `build.rs` at build time and compiled into static tables, so
//! in the browser nothing parses JSON. Natively (tests, the build step, authors' tools)
//! this file is the one definition of the format.

use serde::Deserialize;

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
    /// Verdicts, best first: the order is the ranking "up a band" means.
    pub verdicts: Vec<RawVerdict>,
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
    /// Why this answer matters, shown among the verdict's reasons when chosen.
    #[serde(default)]
    pub reason: String,
    /// What choosing it means as an action, completing "If you ...", e.g. "start using
    /// AI in your work every week". Used by what-would-change sentences.
    #[serde(default)]
    pub action: String,
    /// A next step suggested when this option is chosen.
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
    /// The verdict in plain words, e.g. "Worth it".
    pub title: String,
    /// One or two sentences saying what it means.
    pub summary: String,
    /// The region of factor scores where this verdict holds. Verdicts' regions must
    /// cover every possible score without gaps or overlaps.
    #[serde(default)]
    pub when: Vec<RawCondition>,
    /// Next steps for everyone who gets this verdict, before the options' own.
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

/// The widget's own interface words. Every field has an English default.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawLabels {
    /// Heading above the verdict, e.g. "Your verdict".
    pub verdict_heading: Option<String>,
    /// Shown while required questions are unanswered.
    pub provisional: Option<String>,
    /// Progress, with `{answered}` and `{total}` placeholders.
    pub progress: Option<String>,
    /// Heading of the reasons list.
    pub reasons_heading: Option<String>,
    /// Heading of the next steps list.
    pub next_steps_heading: Option<String>,
    /// Heading of the related reading list.
    pub reading_heading: Option<String>,
    /// Shown in place of reasons before any answer.
    pub no_answers: Option<String>,
    /// Marks a required question, e.g. "required".
    pub required: Option<String>,
    /// Heading of the what-would-change list.
    pub what_if_heading: Option<String>,
    /// A change that improves the verdict: `{change}` and `{verdict}`.
    pub what_if_up: Option<String>,
    /// A change that worsens it: `{change}` and `{verdict}`.
    pub what_if_down: Option<String>,
    /// A change given by an option's action: `{action}`.
    pub change_action: Option<String>,
    /// A change of answer: `{answer}` and `{question}`.
    pub change_answer: Option<String>,
    /// Unticking a box: `{answer}`.
    pub change_untick: Option<String>,
    /// Joins two changes, e.g. " and ".
    pub and: Option<String>,
    /// Title of the picture, e.g. "Where you stand".
    pub picture_title: Option<String>,
    /// One axis in words: `{factor}`, `{score}`, `{min}`, `{max}`.
    pub picture_axis: Option<String>,
    /// The area the reader's scores are in: `{verdict}`.
    pub picture_area: Option<String>,
    /// Says, for screen readers, that a reason raised the verdict.
    pub push_up: Option<String>,
    /// ... that it lowered the verdict.
    pub push_down: Option<String>,
    /// ... that it holds the verdict down (a cap).
    pub push_cap: Option<String>,
    /// Button: copy a link to the result.
    pub copy_link: Option<String>,
    /// Button: copy a plain-text summary.
    pub copy_summary: Option<String>,
    /// Button: clear the answers (screen and storage).
    pub clear: Option<String>,
    /// Said after a successful copy.
    pub copied: Option<String>,
    /// Said when the browser refused to copy.
    pub copy_failed: Option<String>,
    /// Said when a shared link's answers were not used: `{why}`.
    pub link_ignored: Option<String>,
    /// `{why}` for a damaged link.
    pub link_damaged: Option<String>,
    /// `{why}` for a link made with another version of the checklist.
    pub link_other: Option<String>,
    /// `{why}` for a link from a newer widget.
    pub link_future: Option<String>,
    /// Said when answers cannot be saved in this browser.
    pub storage_unavailable: Option<String>,
    /// Shown above a shared link's answers, which cannot be changed until kept.
    pub shared_notice: Option<String>,
    /// Button: make a shared link's answers the reader's own (they replace the saved ones).
    pub keep_shared: Option<String>,
    /// Button: leave a shared link's answers for the reader's own saved ones.
    pub leave_shared: Option<String>,
}
