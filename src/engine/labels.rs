//! The widget's own words ("Your verdict", "Next steps" ...): every interface label,
//! described once.
//!
//! One table, [`labels!`], declares each label's name, its English default and what it is
//! for. From it come the author's form ([`RawLabels`], read with serde), the trusted form
//! ([`Labels`], defaults filled in), the list [`LABELS`] that the emitter, the schema test,
//! the translation test and the docs test read, and the lookup by name. Adding a label is
//! one line here; every check that needs the list follows.
//!
//! Rejected alternative: a field per label written out in the format, the model, the
//! compiler's defaults and the emitter (as before), where a label added in one place and
//! forgotten in another compiled fine and showed nothing.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::engine::text::Text;

/// One label of the table: its name in `labels` and its English default. (What it is
/// for stays a doc comment on its field: a third column here was read by nothing, and
/// the build for hosts' own checklists carried its 2 KB of text.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The key in a checklist's `labels` object.
    pub name: &'static str,
    /// The English text used when a checklist does not set it.
    pub default: &'static str,
}

macro_rules! labels {
    ($( $(#[doc = $doc:literal])+ $name:ident = $default:literal; )+) => {
        impl RawLabels {
            /// The names of the labels, in the order of the table, as serde asks for a
            /// struct's fields.
            const FIELDS: &'static [&'static str] = &[ $( stringify!($name), )+ ];
        }

        /// The interface words, defaults filled in.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Labels {
            $( $(#[doc = $doc])+ pub $name: Text, )+
        }

        /// Every label, in the order of the table.
        pub const LABELS: &[Label] = &[
            $( Label { name: stringify!($name), default: $default }, )+
        ];

        impl Labels {
            /// Builds the labels from `raw`: `pick(label, value)` gives each label's text
            /// (the author's value, or the default when `value` is `None`).
            pub fn from_raw(
                raw: &RawLabels,
                mut pick: impl FnMut(&'static Label, &Option<String>) -> Text,
            ) -> Labels {
                let mut all = LABELS.iter().enumerate();
                Labels {
                    // One entry of LABELS per field, in the same order (both come from
                    // the table above).
                    $( $name: {
                        let (i, label) = all.next().unwrap_or((0, &LABELS[0]));
                        pick(label, raw.get(i))
                    }, )+
                }
            }

            /// Each label's name and text, in the order of the table.
            pub fn each(&self) -> Vec<(&'static str, &Text)> {
                vec![ $( (stringify!($name), &self.$name), )+ ]
            }
        }
    };
}

labels! {
    /// Heading above the verdict.
    verdict_heading = "Your verdict";
    /// Shown in place of a verdict before the first answer.
    no_answers = "Answer the first question to see where you stand.";
    /// The headline while the verdict is a leaning (an open question could change it): `{verdict}`.
    leaning = "Leaning: {verdict}";
    /// Shown under a leaning when the questions that could change it cannot be named.
    provisional = "Your answers to the questions still open could change this.";
    /// Shown under a leaning: `{sections}`, the titles of the sections whose open
    /// questions could change it.
    leaning_open = "Your answers under {sections} could still change this.";
    /// Said (to screen readers, and on the bar) when the required questions are all answered.
    result_ready = "Your full result is ready below.";
    /// On the bar: it brings the full result into view.
    see_result = "See the full result";
    /// Progress, with `{answered}` and `{total}` (questions asked so far).
    progress = "{answered} of {total} answered";
    /// Marks a required question.
    required = "required";
    /// Heading of the reasons.
    reasons_heading = "Why";
    /// Heading of the reason that decides the verdict.
    push_cap = "What decides it";
    /// Heading of the reasons that speak for the best verdict.
    push_up = "What speaks for it";
    /// Heading of the reasons that speak against it.
    push_down = "What speaks against it";
    /// Heading of the judgement of the offer the reader is weighing (a program).
    offer_heading = "The offer you are weighing";
    /// The headline when the offer is poor and its verdict has no `title_poor_offer`: `{verdict}`.
    offer_poor_title = "{verdict}, but not this one";
    /// Heading of the next steps.
    next_steps_heading = "Next steps";
    /// Heading of the related reading.
    reading_heading = "Related reading";
    /// Heading of the what-would-change list.
    what_if_heading = "What would change it";
    /// A change that brings the reader closer to the best verdict: `{change}`, `{verdict}`.
    what_if_up = "If you {change}, this becomes \u{201c}{verdict}\u{201d}.";
    /// A change that would move the reader away from it: `{change}`, `{verdict}`.
    what_if_down = "If you {change}, this would become \u{201c}{verdict}\u{201d}.";
    /// One change, from the option's `action`: `{action}`.
    change_action = "{action}";
    /// Unticking a box, from the option's `action`: `{action}`.
    change_untick = "no longer {action}";
    /// Joins the last two of several changes, or of several names.
    and = " and ";
    /// Joins the last two of several alternatives (boxes unticked together).
    or = " or ";
    /// A name quoted in a sentence (a section's title): `{text}`.
    quote = "\u{201c}{text}\u{201d}";
    /// Title of the picture.
    picture_title = "Where you stand";
    /// The picture's axes in words, for screen readers: `{x}`, `{y}` (factor labels).
    picture_axis = "Left to right: {x}. Bottom to top: {y}.";
    /// The area the reader is in, under the picture: `{verdict}`.
    picture_area = "You are in the \u{201c}{verdict}\u{201d} area.";
    /// Under the picture when a deciding answer overruled the scores: `{place}` (where the
    /// answers' weights put the dot), `{verdict}` (the marked cell, the headline's band),
    /// `{reason}` (the deciding reason's lead).
    picture_decided = "Your answers\u{2019} weights put you in \u{201c}{place}\u{201d} (the dot), but \u{201c}{reason}\u{201d} decides your verdict: \u{201c}{verdict}\u{201d} (marked).";
    /// Button: share the result (the browser's share sheet, or the link copied).
    share = "Share my result";
    /// Button: copy a plain-text summary.
    copy_summary = "Copy summary";
    /// Button: print the result and the chosen answers.
    print = "Print";
    /// Button: clear the answers (screen and storage).
    clear = "Clear my answers";
    /// Said after clearing, beside the undo button.
    cleared = "Your answers were cleared.";
    /// Button: bring the cleared answers back.
    undo = "Undo";
    /// Said after a successful copy.
    copied = "Copied.";
    /// Said when the browser refused to copy.
    copy_failed = "Your browser did not allow copying.";
    /// Said when a shared link's answers were not used: `{why}`.
    link_ignored = "The answers in this link were not used: {why}";
    /// `{why}` for a damaged link.
    link_damaged = "the link is damaged.";
    /// `{why}` for a link made with another version of the checklist.
    link_other = "it was made with a different version of this checklist.";
    /// `{why}` for a link from a newer widget.
    link_future = "it was made by a newer version of this widget.";
    /// Said when saved or shared answers were given to an earlier version of the
    /// checklist and some chose options that are gone: `{questions}`, those to answer again.
    answer_again = "This checklist has changed since these answers were given: please answer {questions} again.";
    /// Said when answers cannot be saved in this browser.
    storage_unavailable = "Your answers cannot be saved in this browser; they stay on screen until you leave the page.";
    /// Shown above a shared link's answers, which cannot be changed until kept (and said
    /// again when the reader taps one of them).
    shared_notice = "These are someone else\u{2019}s answers, from a link, and the result is theirs. To answer for yourself, choose \u{201c}Start my own\u{201d}.";
    /// Button: make a shared link's answers the reader's own (they replace the saved ones).
    keep_shared = "Keep these answers";
    /// Button: leave a shared link's answers for the reader's own saved ones.
    leave_shared = "Back to my answers";
    /// Heading above the verdict while a shared link's answers show, in place of `verdict_heading`.
    shared_heading = "A shared result";
    /// Button: leave a shared link's answers for an empty form (the reader's saved answers are cleared, with an undo).
    start_own = "Start my own";
    /// Said after the reader keeps a shared link's answers.
    kept = "These answers are now yours.";
    /// On paper, under the result: `{address}` (the page's) and `{date}` (the result's).
    printed = "From {address}, {date}.";
}

/// The interface words as an author writes them, every one optional: the author's text
/// for each label of [`LABELS`], by its place in the table.
///
/// Read by `LabelsVisitor` as serde's derive would read a struct of forty optional
/// strings (unknown keys are ignored here; `parse` reports them with their paths), with
/// one loop over the keys instead of the derive's code for each field: in the build for
/// hosts' own checklists, serde-wasm-bindgen's reader of the derived struct was 8 KB of
/// code.
#[derive(Debug, Clone, Default)]
pub struct RawLabels(Vec<Option<String>>);

impl RawLabels {
    /// The author's text for the label at `index` in [`LABELS`], if they set one.
    pub fn get(&self, index: usize) -> &Option<String> {
        const UNSET: &Option<String> = &None;
        self.0.get(index).unwrap_or(UNSET)
    }
}

struct LabelsVisitor;

impl<'de> Visitor<'de> for LabelsVisitor {
    type Value = RawLabels;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct RawLabels")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLabels, A::Error> {
        let mut values = vec![None; LABELS.len()];
        while let Some(key) = map.next_key::<String>()? {
            match LABELS.iter().position(|l| l.name == key) {
                // `i` is a place in LABELS, which `values` has one entry for each of.
                Some(i) => values[i] = map.next_value()?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(RawLabels(values))
    }
}

impl<'de> Deserialize<'de> for RawLabels {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawLabels, D::Error> {
        // As a struct, with its field names: `parse` finds a checklist's unknown keys by
        // asking for them this way.
        d.deserialize_struct("RawLabels", RawLabels::FIELDS, LabelsVisitor)
    }
}

impl Labels {
    /// The labels with every default.
    pub fn defaults() -> Labels {
        Labels::from_raw(&RawLabels::default(), |l, _| Text::Borrowed(l.default))
    }

    /// The label called `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.each()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| &**t)
    }
}
