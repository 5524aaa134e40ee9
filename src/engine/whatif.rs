//! What would change the verdict: the fewest changes of answers that bring the reader to
//! the best verdict they can reach, and the smallest one that would move them away from
//! it, found by the engine from the checklist data, for any checklist.
//!
//! A change sets one question to another answer (for a tick-all question: ticks or
//! unticks one box, or ticks its "None of these"). Only options with an `action` are ever
//! suggested: the author says which answers are moves a reader could make or find out
//! ("use AI in your work every week", "find that certifications count where you work"),
//! and which are not (a learning style, feeling overwhelmed). Going up, the search looks
//! at every change of one or two questions and keeps those that reach the best verdict
//! reachable, fewest changes first; going down, the nearest verdict away, fewest changes,
//! and the mildest change first. Verdicts of the same rank are places side by side: a
//! move between them is neither up nor down and is never offered.
//!
//! The search is bounded by work ([`MAX_WORK`], counted in answers looked at), not only
//! by the number of verdicts computed, so one click stays cheap on the largest checklist
//! the format allows. Within that bound the result is exact (a test compares it with
//! brute force on small checklists).
//!
//! Rejected alternative: hand-written "if you ..." advice per verdict. It goes stale
//! when weights change and cannot exist for authors' own checklists.

use crate::engine::answers::{Answers, Bits};
use crate::engine::checklist::Checklist;
use crate::engine::limits::{MAX_DEPTH, MAX_OPTIONS, MAX_WORK};
use crate::engine::text::{fill_text, list};
use crate::engine::verdict::{decide, directions, option_push, scores};

/// Which way the verdict should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the best verdict (a lower rank).
    Up,
    /// Away from it (a higher rank).
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

/// The changes that move the verdict one way (see the module docs for which and in
/// what order). At most `limit` are returned, and no two share a question, so a reader
/// sees different ways, not variations of one. `answers` are a reader's answers (those
/// to questions not asked are ignored).
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
    /// How many verdicts were computed.
    pub evaluations: usize,
    /// The work done (at most a little over [`MAX_WORK`]).
    pub work: usize,
}

/// [`what_ifs`], with what it cost.
pub fn search(c: &Checklist, answers: &Answers, direction: Direction, limit: usize) -> Search {
    let answers = answers.only_asked(c);
    let current = c.rank(decide(c, &answers, &scores(c, &answers)).0);
    let ranks = c.verdicts.iter().map(|v| v.rank);
    let (best, worst) = (ranks.clone().min().unwrap_or(0), ranks.max().unwrap_or(0));
    let mut out = Search {
        found: Vec::new(),
        evaluations: 0,
        work: 0,
    };
    let at_end = match direction {
        Direction::Up => current <= best,
        Direction::Down => current >= worst,
    };
    if at_end {
        return out;
    }
    let wanted = |v: usize| match direction {
        Direction::Up => c.rank(v) < current,
        Direction::Down => c.rank(v) > current,
    };
    // Each option's push, worked out once per question rather than once per edit and
    // option (every edit of a tick-all question sums its 32 options twice).
    let dirs = directions(c, 0);
    let mut pushes = (usize::MAX, [0.0; MAX_OPTIONS]);
    let edits: Vec<(Edit, f64)> = candidate_edits(c, &answers)
        .into_iter()
        .map(|e| {
            if pushes.0 != e.question {
                pushes = (e.question, option_pushes(c, e.question, &dirs));
            }
            (e, push_change(c, &answers, e, &pushes.1))
        })
        .filter(|&(_, push)| match direction {
            Direction::Up => push >= 0.0,
            Direction::Down => push <= 0.0,
        })
        .collect();
    let cost = c.questions.len()
        + (0..c.questions.len())
            .map(|q| answers.chosen(q).count())
            .sum::<usize>();
    let mut found: Vec<(WhatIf, f64)> = Vec::new();
    let try_edits =
        |set: &[(Edit, f64)], out: &mut Search, found: &mut Vec<(WhatIf, f64)>| -> bool {
            if out.work >= MAX_WORK {
                return false;
            }
            out.work += cost;
            out.evaluations += 1;
            let list: Vec<Edit> = set.iter().map(|&(e, _)| e).collect();
            let v = edited_verdict(c, &answers, &list);
            if wanted(v) {
                let push = set.iter().map(|&(_, p)| p.abs()).sum();
                found.push((
                    WhatIf {
                        edits: list,
                        verdict: v,
                    },
                    push,
                ));
            }
            true
        };

    for &e in &edits {
        if !try_edits(&[e], &mut out, &mut found) {
            break;
        }
    }
    // Two questions at once: going up, whenever one change does not already reach the
    // best verdict; going down, only if no single change does anything.
    let best_found = |found: &[(WhatIf, f64)]| found.iter().map(|(w, _)| c.rank(w.verdict)).min();
    let deeper = MAX_DEPTH >= 2
        && match direction {
            Direction::Up => best_found(&found).is_none_or(|r| r > best),
            Direction::Down => found.is_empty(),
        };
    if deeper {
        'outer: for (i, &a) in edits.iter().enumerate() {
            // `i` < len, so `i + 1` <= len: an empty slice at worst.
            for &b in &edits[i + 1..] {
                if a.0.question != b.0.question && !try_edits(&[a, b], &mut out, &mut found) {
                    break 'outer;
                }
            }
        }
    }

    // Going up: only the best verdict reached; going down: only the nearest. Then fewest
    // edits; going down, changes that decide on their own after those that only move
    // the scores, and the mildest first; then question order (the sort is stable).
    // (Insertion sort: no sort machinery in the reader's build.)
    let target = match direction {
        Direction::Up => best_found(&found),
        Direction::Down => found.iter().map(|(w, _)| c.rank(w.verdict)).min(),
    };
    found.retain(|(w, _)| Some(c.rank(w.verdict)) == target);
    let fewest = found.iter().map(|(w, _)| w.edits.len()).min().unwrap_or(0);
    found.retain(|(w, _)| w.edits.len() == fewest);
    let key = |(w, push): &(WhatIf, f64)| -> (usize, bool, f64) {
        match direction {
            Direction::Up => (w.edits.len(), false, 0.0),
            Direction::Down => {
                let caps = w
                    .edits
                    .iter()
                    .any(|e| e.on && c.questions[e.question].options[e.option].cap.is_some());
                (w.edits.len(), caps, *push)
            }
        }
    };
    for i in 1..found.len() {
        // 0 < j <= i < len: both indices are in range.
        let mut j = i;
        while j > 0 && key(&found[j - 1]) > key(&found[j]) {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    for (w, _) in found {
        if out.found.len() >= limit {
            break;
        }
        let overlaps = out.found.iter().any(|o| {
            o.edits
                .iter()
                .any(|e| w.edits.iter().any(|f| f.question == e.question))
        });
        if !overlaps {
            out.found.push(w);
        }
    }
    out
}

/// The verdict of `answers` after `edits` (questions no longer asked lose their answers).
fn edited_verdict(c: &Checklist, answers: &Answers, edits: &[Edit]) -> usize {
    let after = apply(c, answers, edits);
    decide(c, &after, &scores(c, &after)).0
}

/// Every single-question change from the current answers that could be suggested: to
/// an option with an `action` of a question that is asked, never to a red flag; in a
/// tick-all question, a box ticked or unticked (never the last one: leaving a question
/// unanswered is never suggested), or its "None of these" ticked when every box it
/// clears has an action.
pub fn candidate_edits(c: &Checklist, answers: &Answers) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (q, question) in c.questions.iter().enumerate() {
        if !c.is_asked(q, answers) {
            continue;
        }
        let ticked = answers.chosen(q).count();
        for (o, option) in question.options.iter().enumerate() {
            let chosen = answers.is_chosen(q, o);
            let suggestible = if question.multiple && option.exclusive {
                !chosen
                    && ticked > 0
                    && answers
                        .chosen(q)
                        .all(|t| !question.options[t].action.is_empty())
            } else if question.multiple && chosen {
                ticked > 1 && !option.action.is_empty()
            } else {
                // A warning sign is never suggested: only dropping one is.
                !chosen && !option.action.is_empty() && !option.red_flag
            };
            if suggestible {
                edits.push(Edit {
                    question: q,
                    option: o,
                    on: !chosen,
                });
            }
        }
    }
    edits
}

/// How far one edit moves the reader's scores towards the best verdict (negative: away
/// from it). `e` is an edit of `c`, as [`candidate_edits`] makes them.
pub fn edit_push(c: &Checklist, answers: &Answers, e: Edit) -> f64 {
    let pushes = option_pushes(c, e.question, &directions(c, 0));
    push_change(c, answers, e, &pushes)
}

/// The push of each option of question `q` along `dirs`, by option index.
fn option_pushes(c: &Checklist, q: usize, dirs: &[f64]) -> [f64; MAX_OPTIONS] {
    let mut pushes = [0.0; MAX_OPTIONS];
    let options = c.questions.get(q).map_or(0, |x| x.options.len());
    for (o, push) in pushes.iter_mut().enumerate().take(options) {
        *push = option_push(c, q, o, dirs);
    }
    pushes
}

/// [`edit_push`] from the pushes of the edited question's options (`option_pushes`):
/// the same sums, in the same order.
fn push_change(c: &Checklist, answers: &Answers, e: Edit, pushes: &[f64; MAX_OPTIONS]) -> f64 {
    let before = answers.mask(e.question);
    let after = Answers::next_mask(c, e.question, before, e.option, e.on).unwrap_or(before);
    // A mask's bits are below 32 = MAX_OPTIONS: in range.
    let push = |mask: u32| -> f64 { Bits(mask).map(|o| pushes[o]).sum() };
    push(after) - push(before)
}

/// The answers after `edits`, without the answers of questions they stop asking.
pub fn apply(c: &Checklist, answers: &Answers, edits: &[Edit]) -> Answers {
    let mut a = answers.clone();
    for e in edits {
        a.set(c, e.question, e.option, e.on);
    }
    a.drop_unasked(c);
    a
}

/// The change as a sentence from the checklist's own words, e.g. "If you use AI in your
/// work every week, this becomes “Worth it”." `w` comes from [`what_ifs`] on `c` and
/// `answers`. Boxes unticked together read as one clause: "no longer expect it to
/// guarantee you a job or raise your salary automatically".
pub fn describe(c: &Checklist, answers: &Answers, w: &WhatIf, direction: Direction) -> String {
    let l = &c.labels;
    let mut clauses: Vec<String> = Vec::new();
    for e in &w.edits {
        // Edits from `candidate_edits` on `c`: a question and one of its options.
        let q = &c.questions[e.question];
        let o = &q.options[e.option];
        let dropped: Vec<&str> = if !e.on {
            vec![&*o.action]
        } else if q.multiple && o.exclusive {
            // "None of these": in the reader's terms, dropping what they ticked.
            answers
                .chosen(e.question)
                .map(|t| &*q.options[t].action)
                .collect()
        } else {
            clauses.push(fill_text(&l.change_action, &[("{action}", &o.action)]));
            continue;
        };
        clauses.push(fill_text(
            &l.change_untick,
            &[("{action}", &alternatives(&dropped, &l.or))],
        ));
    }
    let template = match direction {
        Direction::Up => &l.what_if_up,
        Direction::Down => &l.what_if_down,
    };
    fill_text(
        template,
        &[
            ("{change}", &list(&clauses, &l.and)),
            // A verdict `verdict` computed on `c`.
            ("{verdict}", &c.verdicts[w.verdict].title),
        ],
    )
}

/// Actions as one: their common words once, then what differs, joined by `or`
/// ("expect it to guarantee you a job or raise your salary automatically").
fn alternatives(actions: &[&str], or: &str) -> String {
    let first = actions.first().copied().unwrap_or_default();
    // The longest run of whole words that every action starts with and none is only.
    let mut common = 0;
    for (i, b) in first.bytes().enumerate() {
        if b == b' '
            && actions
                .iter()
                .all(|a| a.len() > i + 1 && a.as_bytes()[..=i] == first.as_bytes()[..=i])
        {
            common = i + 1;
        }
    }
    let rests: Vec<String> = actions
        .iter()
        .map(|a| a.get(common..).unwrap_or_default().to_string())
        .collect();
    let mut out = String::from(first.get(..common).unwrap_or_default());
    out.push_str(&list(&rests, or));
    out
}
