//! What would change the verdict: the smallest changes of answers that move it up a band
//! (or down one), found by the engine from the checklist data, for any checklist.
//!
//! A change sets one question to another answer (for a tick-all question: ticks or
//! unticks one box). The search goes breadth-first by the number of questions changed,
//! so the first changes found are the minimal ones; it stops at [`MAX_DEPTH`] changed
//! questions and after [`MAX_EVALUATIONS`] verdicts, so a large checklist costs a
//! bounded time on every answer. Within that bound the result is exact (a test compares
//! it with brute force on small checklists).
//!
//! Rejected alternative: hand-written "if you ..." advice per verdict. It goes stale
//! when weights change and cannot exist for authors' own checklists.

use crate::answers::{Answers, Bits};
use crate::checklist::{fill_text, Checklist};
use crate::evaluate::{region, verdict};

/// Changes involving more questions than this are not searched.
pub const MAX_DEPTH: usize = 2;
/// The most verdicts one search computes.
pub const MAX_EVALUATIONS: usize = 20_000;

/// Which way the verdict should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards a better verdict (lower index).
    Up,
    /// Towards a worse one.
    Down,
}

/// One question's new answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    /// Question index.
    pub question: usize,
    /// The option newly chosen (or, when `on` is false, unticked).
    pub option: usize,
    /// `true`: choose/tick `option`; `false`: untick it.
    pub on: bool,
}

/// A set of edits and the verdict they lead to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    /// The edits, in question order.
    pub edits: Vec<Edit>,
    /// The verdict after them.
    pub verdict: usize,
}

/// The minimal changes that move the verdict one way: fewest edits first; then, going
/// up, the best verdict first, and going down, the nearest; then question order. At
/// most `limit` are returned, and no two share a question (so a reader sees different
/// ways, not variations of one).
///
/// Only edits that go the same way as the verdict are considered: going up, each edit
/// must add at least as much weight as it takes away, going down the reverse. Without
/// that rule "use AI less" could count as an improvement, because it moves a reader
/// from "Build experience instead" up to "Probably not yet".
pub fn what_ifs(
    c: &Checklist,
    answers: &Answers,
    direction: Direction,
    limit: usize,
) -> Vec<WhatIf> {
    search(c, answers, direction, limit).found
}

/// A search's result and its cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// As [`what_ifs`] returns them.
    pub found: Vec<WhatIf>,
    /// How many verdicts were computed (at most [`MAX_EVALUATIONS`]).
    pub evaluations: usize,
}

/// [`what_ifs`], with the number of verdicts it computed.
pub fn search(c: &Checklist, answers: &Answers, direction: Direction, limit: usize) -> Search {
    let current = verdict(c, answers);
    // Nothing is better than the best verdict or worse than the worst: no search.
    let at_end = match direction {
        Direction::Up => current == 0,
        // `current` is a verdict index, far below usize::MAX.
        Direction::Down => current + 1 >= c.verdicts.len(),
    };
    if at_end {
        return Search {
            found: Vec::new(),
            evaluations: 0,
        };
    }
    let wanted = |v: usize| match direction {
        Direction::Up => v < current,
        Direction::Down => v > current,
    };
    let edits: Vec<Edit> = candidate_edits(c, answers)
        .into_iter()
        .filter(|e| {
            let delta = edit_push(c, answers, *e);
            match direction {
                Direction::Up => delta >= 0.0,
                Direction::Down => delta <= 0.0,
            }
        })
        .collect();
    let mut found: Vec<WhatIf> = Vec::new();
    let mut evaluations = 0;
    // The scores of each candidate, computed in place: a search runs on every answer.
    let mut scores = vec![0.0; c.factors.len()];

    // Depth 1.
    for &e in &edits {
        if evaluations >= MAX_EVALUATIONS {
            break;
        }
        evaluations += 1;
        let v = edited_verdict(c, answers, &[e], &mut scores);
        if wanted(v) {
            found.push(WhatIf {
                edits: vec![e],
                verdict: v,
            });
        }
    }
    // Depth 2, only if nothing simpler works.
    if found.is_empty() && MAX_DEPTH >= 2 {
        'outer: for (i, &a) in edits.iter().enumerate() {
            // `i` < len, so `i + 1` <= len: an empty slice at worst.
            for &b in &edits[i + 1..] {
                if a.question == b.question {
                    continue;
                }
                if evaluations >= MAX_EVALUATIONS {
                    break 'outer;
                }
                evaluations += 1;
                let v = edited_verdict(c, answers, &[a, b], &mut scores);
                if wanted(v) {
                    found.push(WhatIf {
                        edits: vec![a, b],
                        verdict: v,
                    });
                }
            }
        }
    }

    // Best verdict first going up, nearest going down; the sort is stable, so question
    // order stays among equals. (Insertion sort: no sort machinery in the reader's build.)
    let rank = |w: &WhatIf| match direction {
        Direction::Up => w.verdict,
        // Going down, only verdicts worse (higher) than `current` are found.
        Direction::Down => w.verdict - current,
    };
    for i in 1..found.len() {
        // 0 < j <= i < len: both indices are in range.
        let mut j = i;
        while j > 0 && rank(&found[j - 1]) > rank(&found[j]) {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out: Vec<WhatIf> = Vec::new();
    for w in found {
        if out.len() >= limit {
            break;
        }
        let overlaps = out.iter().any(|o| {
            o.edits
                .iter()
                .any(|e| w.edits.iter().any(|f| f.question == e.question))
        });
        if !overlaps {
            out.push(w);
        }
    }
    Search {
        found: out,
        evaluations,
    }
}

/// The verdict of `answers` after `edits`, as [`verdict`] would give it for
/// [`apply`]`(c, answers, edits)`: the same sums in the same order, so the same result to
/// the last bit, but without copying the answers or allocating the scores (`scores` is
/// scratch space, one per factor).
fn edited_verdict(c: &Checklist, answers: &Answers, edits: &[Edit], scores: &mut [f64]) -> usize {
    scores.fill(0.0);
    let mut worst = 0;
    for (q, question) in c.questions.iter().enumerate() {
        let mut mask = answers.mask(q);
        for e in edits.iter().filter(|e| e.question == q) {
            mask = Answers::next_mask(c, q, mask, e.option, e.on).unwrap_or(mask);
        }
        for o in Bits(mask) {
            if let Some(option) = question.options.get(o) {
                // `e.factor` was checked by compile; `scores` has one entry per factor.
                for e in option.effects.iter() {
                    scores[e.factor] += e.weight;
                }
                if let Some(cap) = option.cap {
                    worst = worst.max(cap);
                }
            }
        }
    }
    region(c, scores).max(worst)
}

/// Every single-question change from the current answers: another option of a
/// single-choice question, or one box ticked or unticked in a tick-all question.
/// Leaving a question unanswered is never suggested.
pub fn candidate_edits(c: &Checklist, answers: &Answers) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (q, question) in c.questions.iter().enumerate() {
        for o in 0..question.options.len() {
            let chosen = answers.is_chosen(q, o);
            if question.multiple {
                let only_one = chosen && answers.chosen(q).count() == 1;
                if !only_one {
                    edits.push(Edit {
                        question: q,
                        option: o,
                        on: !chosen,
                    });
                }
            } else if !chosen {
                edits.push(Edit {
                    question: q,
                    option: o,
                    on: true,
                });
            }
        }
    }
    edits
}

/// The total weight one edit adds to the factors (negative if it takes weight away).
/// `e` is an edit of `c`, as [`candidate_edits`] makes them.
pub fn edit_push(c: &Checklist, answers: &Answers, e: Edit) -> f64 {
    let before = answers.mask(e.question);
    let after = Answers::next_mask(c, e.question, before, e.option, e.on).unwrap_or(before);
    mask_push(c, e.question, after) - mask_push(c, e.question, before)
}

/// The total weight question `q`'s chosen options add to the factors. `q` is a question
/// of `c` (as in every [`Edit`] from [`candidate_edits`]).
pub fn question_push(c: &Checklist, answers: &Answers, q: usize) -> f64 {
    mask_push(c, q, answers.mask(q))
}

/// The total weight the options in `mask` of question `q` add to the factors.
fn mask_push(c: &Checklist, q: usize, mask: u32) -> f64 {
    // `q` < the question count: the callers' contract, kept by the search.
    let options = &c.questions[q].options;
    let mut sum = 0.0;
    for o in Bits(mask) {
        if let Some(option) = options.get(o) {
            for e in option.effects.iter() {
                sum += e.weight;
            }
        }
    }
    sum
}

/// The answers after `edits`.
pub fn apply(c: &Checklist, answers: &Answers, edits: &[Edit]) -> Answers {
    let mut a = answers.clone();
    for e in edits {
        a.set(c, e.question, e.option, e.on);
    }
    a
}

/// The change as a sentence from the checklist's own words, e.g. "If you start using
/// AI in your work every week, this becomes “Worth it”." `w` comes from [`what_ifs`] on
/// `c`.
pub fn describe(c: &Checklist, w: &WhatIf, direction: Direction) -> String {
    let l = &c.labels;
    let mut change = String::new();
    for (i, e) in w.edits.iter().enumerate() {
        if i > 0 {
            change.push_str(&l.and);
        }
        // Edits from `candidate_edits` on `c`: a question and one of its options.
        let q = &c.questions[e.question];
        let o = &q.options[e.option];
        let part = if !e.on {
            fill_text(&l.change_untick, &[("{answer}", &o.label)])
        } else if !o.action.is_empty() {
            fill_text(&l.change_action, &[("{action}", &o.action)])
        } else {
            fill_text(
                &l.change_answer,
                &[("{answer}", &o.label), ("{question}", &q.text)],
            )
        };
        change.push_str(&part);
    }
    let template = match direction {
        Direction::Up => &l.what_if_up,
        Direction::Down => &l.what_if_down,
    };
    fill_text(
        template,
        &[
            ("{change}", &change),
            // A verdict `verdict` computed on `c`.
            ("{verdict}", &c.verdicts[w.verdict].title),
        ],
    )
}
