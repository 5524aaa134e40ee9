//! Where the verdict is decided: from a checklist and a reader's answers to the verdict,
//! and what decided it if not the scores. [`crate::engine::evaluate`] builds the result
//! around it; [`crate::engine::whatif`] asks it again for every change it tries, so it is
//! a module of its own that depends on neither.
//!
//! The verdict, in the article's terms, for any checklist:
//! 1. Every chosen option adds its weights to the factors (for ours, the reasons to get
//!    certified and putting AI to work); the verdict whose region holds the scores is
//!    where the scores place the reader.
//! 2. Some answers decide on their own: an option's `cap` ("no clear objective", "expects
//!    a guaranteed job") and a `rule` over several answers ("uses AI regularly, learns
//!    alone, a cheaper route would do, the employer does not reward certificates"). Of the
//!    places the scores and these answers point to, the one furthest from the best
//!    verdict (highest `rank`) is the verdict. When the deciding answers point to a place
//!    of the same rank as the scores' (the two "no" bands are side by side), the deciding
//!    answer wins: it is what the reader is told. Rules come before caps, and caps go in
//!    question order, so the same answers always give the same verdict.
//!
//! A red flag's weights are never positive (validation enforces it) and caps and rules
//! only ever move a reader away from the best verdict, so a red flag cannot bring a
//! reader nearer to it, as long as lower scores never land in a better region (true of
//! the grid our checklist uses; `tests/invariants.rs` checks it over many readers).

use crate::engine::answers::Answers;
use crate::engine::checklist::Checklist;

/// Where a reason comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A chosen option.
    Answer {
        /// Question index.
        question: usize,
        /// Option index.
        option: usize,
    },
    /// A rule whose answers all hold (index into [`Checklist::rules`]).
    Rule(usize),
}

/// The factor scores of a set of answers (all of them: callers pass answers to the
/// questions asked, see [`Answers::only_asked`]).
pub fn scores(checklist: &Checklist, answers: &Answers) -> Vec<f64> {
    let mut scores = vec![0.0; checklist.factors.len()];
    add_scores(checklist, answers, &mut scores);
    scores
}

/// Adds the weights of `answers` to `scores` (one entry per factor).
pub(crate) fn add_scores(checklist: &Checklist, answers: &Answers, scores: &mut [f64]) {
    for (q, question) in checklist.questions.iter().enumerate() {
        for o in answers.chosen(q) {
            if let Some(option) = question.options.get(o) {
                for e in option.effects.iter() {
                    // An effect's factor is an index compile looked up in `factors`.
                    scores[e.factor] += e.weight;
                }
            }
        }
    }
}

/// The verdict whose region holds `scores` (the last verdict if, against validation,
/// none does). `scores` has one entry per factor, as [`scores`] returns them.
pub fn region(checklist: &Checklist, scores: &[f64]) -> usize {
    // A condition's factor is an index compile looked up in `factors`.
    checklist
        .verdicts
        .iter()
        .position(|v| v.when.iter().all(|w| w.holds(scores[w.factor])))
        .unwrap_or(checklist.verdicts.len().saturating_sub(1))
}

/// The verdict for these answers (whatever they are; before any answer it is where no
/// answers place a reader), and what decided it if not the scores. `answers` must be
/// answers to the questions asked (see [`Answers::only_asked`]); `scores` their scores.
pub(crate) fn decide(
    c: &Checklist,
    answers: &Answers,
    scores: &[f64],
) -> (usize, usize, Option<Cause>) {
    let by_scores = region(c, scores);
    let mut rank = c.rank(by_scores);
    let mut decided: Option<(usize, Cause)> = None;
    let mut consider = |verdict: usize, cause: Cause| {
        let r = c.rank(verdict);
        if r > rank || (r == rank && decided.is_none()) {
            rank = r;
            decided = Some((verdict, cause));
        }
    };
    for (i, rule) in c.rules.iter().enumerate() {
        if rule.answers.iter().all(|w| w.holds(answers)) {
            consider(rule.verdict, Cause::Rule(i));
        }
    }
    for (q, question) in c.questions.iter().enumerate() {
        for o in answers.chosen(q) {
            if let Some(cap) = question.options.get(o).and_then(|o| o.cap) {
                consider(
                    cap,
                    Cause::Answer {
                        question: q,
                        option: o,
                    },
                );
            }
        }
    }
    match decided {
        Some((verdict, cause)) => (verdict, by_scores, Some(cause)),
        None => (by_scores, by_scores, None),
    }
}

/// The verdict alone: cheaper than [`evaluate`], for searches over many answer sets.
pub fn verdict(checklist: &Checklist, answers: &Answers) -> usize {
    let answers = answers.only_asked(checklist);
    decide(checklist, &answers, &scores(checklist, &answers)).0
}

/// Which way each factor leads towards verdict `v`'s region: `1` when the region is
/// bounded below only (higher is nearer), `-1` when bounded above only, `0` otherwise.
pub(crate) fn directions(c: &Checklist, v: usize) -> Vec<f64> {
    let mut dirs = vec![0.0; c.factors.len()];
    if let Some(verdict) = c.verdicts.get(v) {
        for w in verdict.when.iter() {
            dirs[w.factor] = match (w.min.is_finite(), w.max.is_finite()) {
                (true, false) => 1.0,
                (false, true) => -1.0,
                _ => 0.0,
            };
        }
    }
    dirs
}

/// The weights of option `o` of question `q`, summed along `dirs`.
pub(crate) fn option_push(c: &Checklist, q: usize, o: usize, dirs: &[f64]) -> f64 {
    c.questions[q].options[o]
        .effects
        .iter()
        .map(|e| e.weight * dirs[e.factor])
        .sum()
}
