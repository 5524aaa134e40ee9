//! What is wrong with a checklist, and where: one [`Problem`] has a kind, a JSON path, a
//! message and a hint. Every reader of a checklist (the parser, the validator, the
//! limits' checks, the browser's loader) reports through it, so it is a module of its
//! own that depends on none of them.

use std::fmt;

use crate::engine::text::pieces;

/// Shown above the problems when a checklist cannot be displayed, by language. (The
/// only interface words not in a checklist's `labels`: a checklist with problems cannot
/// be trusted for them.)
pub const INVALID_HEADINGS: &[(&str, &str)] = &[
    ("en", "This checklist has problems and cannot be shown:"),
    (
        "fr",
        "Ce questionnaire comporte des erreurs et ne peut pas \u{ea}tre affich\u{e9}\u{a0}:",
    ),
];

/// The heading above a checklist's problems for the language `lang` (a BCP 47 tag such
/// as `fr-CA`); English when the language is not in [`INVALID_HEADINGS`].
pub fn invalid_heading(lang: &str) -> &'static str {
    let primary = pieces(lang, b'-').next().unwrap_or_default();
    INVALID_HEADINGS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(primary))
        // A constant table with English first.
        .unwrap_or(&INVALID_HEADINGS[0])
        .1
}

/// What kind of thing is wrong: what tests, tools and hosts match on, since the message
/// is for people and its words may change. `as_str` names it in the validator's output
/// and in the browser's `problems` (`"syntax"`, `"shape"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not valid JSON.
    Syntax,
    /// A value of the wrong type, a missing field or an unknown key.
    Shape,
    /// Empty where text, an id or items are needed.
    Empty,
    /// Over a limit: a text's length, a list's count, the nesting, the file's size.
    Limit,
    /// A value the format does not allow: an id's characters, a number that is not
    /// finite, a weight of the wrong sign, an unknown word, a version, a rank.
    Value,
    /// Two fields that cannot go together, or a condition no score can satisfy.
    Conflict,
    /// An id, a factor or a constraint given twice.
    Duplicate,
    /// A reference to something that does not exist, or not yet.
    Reference,
    /// A link address that is not http(s), relative or mailto.
    Link,
    /// The verdicts as a whole: scores no verdict covers, overlaps, one never reached.
    Verdicts,
    /// The checklist could not be loaded (the address, the network, the file's size).
    Load,
}

impl ProblemKind {
    /// The kind's name as the validator and the browser give it.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Syntax => "syntax",
            ProblemKind::Shape => "shape",
            ProblemKind::Empty => "empty",
            ProblemKind::Limit => "limit",
            ProblemKind::Value => "value",
            ProblemKind::Conflict => "conflict",
            ProblemKind::Duplicate => "duplicate",
            ProblemKind::Reference => "reference",
            ProblemKind::Link => "link",
            ProblemKind::Verdicts => "verdicts",
            ProblemKind::Load => "load",
        }
    }
}

/// One thing wrong with a checklist, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What kind of thing is wrong.
    pub kind: ProblemKind,
    /// A JSON path, e.g. `$.sections[0].questions[2].options[1].cap`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Adds a problem of `kind` at `path` to `problems`: what is wrong (`message`) and how
/// to fix it (`hint`). (The validator and the regions' check report through this one
/// function: a `Problem` built and pushed at each place cost the custom build 222 bytes.)
pub fn report(
    problems: &mut Vec<Problem>,
    kind: ProblemKind,
    path: impl Into<String>,
    message: impl Into<String>,
    hint: &str,
) {
    problems.push(Problem {
        kind,
        path: path.into(),
        message: message.into(),
        hint: hint.to_string(),
    });
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)?;
        if !self.hint.is_empty() {
            write!(f, " (hint: {})", self.hint)?;
        }
        Ok(())
    }
}
