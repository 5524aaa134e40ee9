//! What answers can reach: which questions can ever be asked, which rules can ever
//! hold, and how far the factors' scores can go on the questions that can be asked.
//!
//! A question is asked when every condition of its `ask_if` holds, and a condition holds
//! when its question is answered with one of its options, which needs that question
//! asked in turn. Every condition is needed (there is no "or" between conditions), so a
//! set of conditions can hold together exactly when, for each question, the conditions
//! on it (theirs and those of every question they need asked, all the way back) can be
//! met by one answer to it: a single-choice question has one answer, so its conditions
//! must share an option; a tick-all question meets them all if each names a box that can
//! be ticked with others, or if they share one (its "None of these" alone). Answers to
//! different questions are independent. So the check is exact, and cheap: one table of
//! what each question needs, question by question, each built from those before it.
//!
//! Why: a question whose conditions can never hold together (two options of one
//! single-choice question, or a condition on a question that is itself never asked) was
//! accepted, and so was a verdict only it could bring: the widget showed a checklist
//! whose author believed a question was asked and a verdict reachable. Validation now
//! says which question is never asked and why, and the verdicts' check
//! ([`crate::engine::regions`]) counts only what the questions that can be asked reach.
//!
//! Only validation uses it (the build for hosts' own checklists and `build.rs`).

use crate::engine::checklist::{Choice, Question, When};
use crate::engine::limits::{MAX_OPTIONS, MAX_QUESTIONS};

/// What the conditions on one question need of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Need {
    /// The options named by every condition: one of them, alone, meets them all.
    common: u32,
    /// Every condition names an option that can be ticked with others (an option of a
    /// tick-all question that is not exclusive): ticking one of each meets them all.
    each_free: bool,
}

/// Nothing needed yet: every option in common, every condition met by a free option.
const ANY: Need = Need {
    common: u32::MAX,
    each_free: true,
};

/// Why a question is never asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Never {
    /// Its `ask_if` names this question, which is never asked itself.
    Needs(usize),
    /// No answer to this question meets all the conditions it depends on.
    Conflict(usize),
}

/// For each question, what every question must be answered with for it to be asked.
pub struct Reach {
    /// `needs[q][p]`: what question `q` being asked needs of question `p`'s answer
    /// (`None`: nothing). Empty when the checklist has more questions than
    /// [`MAX_QUESTIONS`] (a checklist refused anyway): everything then counts as
    /// reachable, and the table stays small.
    needs: Vec<Vec<Option<Need>>>,
    /// Each question's options that can be ticked with others (none for single-choice).
    free: Vec<u32>,
}

impl Reach {
    /// The table for `questions`, whose conditions name only earlier questions
    /// (validation keeps only those).
    pub fn new(questions: &[Question]) -> Reach {
        // Not `Question::exclusive_mask`: these questions are not validated yet, and
        // may have more options than a mask has bits.
        let free: Vec<u32> = questions
            .iter()
            .map(|q| {
                let options = q.options.iter().take(MAX_OPTIONS).enumerate();
                options
                    .filter(|(_, o)| q.multiple && !o.exclusive)
                    .fold(0, |m, (i, _)| m | 1 << i) // i < MAX_OPTIONS = 32
            })
            .collect();
        let mut reach = Reach {
            needs: Vec::new(),
            free,
        };
        if questions.len() > MAX_QUESTIONS {
            return reach;
        }
        for q in questions {
            let need = reach.closure(&q.ask_if, questions.len());
            reach.needs.push(need);
        }
        reach
    }

    /// What the conditions `whens` need, with what the questions they name need to be
    /// asked. Each condition names a question before the one being built (or any, for
    /// rules, once all are built).
    fn closure(&self, whens: &[When], questions: usize) -> Vec<Option<Need>> {
        let mut need: Vec<Option<Need>> = vec![None; questions];
        for w in whens {
            if let Some(slot) = need.get_mut(w.question) {
                let free = self.free.get(w.question).copied().unwrap_or(0);
                let n = slot.get_or_insert(ANY);
                n.common &= w.options;
                n.each_free &= w.options & free != 0;
            }
            if let Some(before) = self.needs.get(w.question) {
                for (slot, b) in need.iter_mut().zip(before) {
                    if let Some(b) = b {
                        let n = slot.get_or_insert(ANY);
                        n.common &= b.common;
                        n.each_free &= b.each_free;
                    }
                }
            }
        }
        need
    }

    /// The first question whose needs in `need` no answer meets.
    fn conflict(&self, need: &[Option<Need>]) -> Option<usize> {
        need.iter().enumerate().find_map(|(p, n)| {
            let n = (*n)?;
            (n.common == 0 && !n.each_free).then_some(p)
        })
    }

    /// Why question `q` (of the questions the table was made for) is never asked, or
    /// `None` if some answers make it asked.
    pub fn never_asked(&self, questions: &[Question], q: usize) -> Option<Never> {
        let need = self.needs.get(q)?;
        let p = self.conflict(need)?;
        // The conflict may come from a question the conditions name: say so first.
        let needed = questions.get(q)?.ask_if.iter().map(|w| w.question);
        for r in needed {
            if self
                .needs
                .get(r)
                .is_some_and(|n| self.conflict(n).is_some())
            {
                return Some(Never::Needs(r));
            }
        }
        Some(Never::Conflict(p))
    }

    /// Whether question `q` can be asked.
    pub fn askable(&self, q: usize) -> bool {
        self.needs.get(q).is_none_or(|n| self.conflict(n).is_none())
    }

    /// Whether the conditions `whens` (a rule's) can all hold at once.
    pub fn can_hold(&self, whens: &[When]) -> bool {
        if self.needs.is_empty() {
            return true;
        }
        self.conflict(&self.closure(whens, self.needs.len()))
            .is_none()
    }
}

/// The lowest and highest score answers can give factor `factor` (unanswered counts as
/// 0), counting only the questions `asked` marks (all of them if it is shorter).
pub fn reachable(questions: &[Question], factor: usize, asked: &[bool]) -> (f64, f64) {
    let weight = |o: &Choice| {
        o.effects
            .iter()
            .filter(|e| e.factor == factor)
            .map(|e| e.weight)
            .sum::<f64>()
    };
    let mut lo = 0.0;
    let mut hi = 0.0;
    for (i, q) in questions.iter().enumerate() {
        if asked.get(i) == Some(&false) {
            continue;
        }
        let (mut qlo, mut qhi) = (0.0f64, 0.0f64);
        if q.multiple {
            let (mut neg, mut pos) = (0.0, 0.0);
            for o in q.options.iter().filter(|o| !o.exclusive) {
                let w = weight(o);
                if w < 0.0 {
                    neg += w;
                } else {
                    pos += w;
                }
            }
            qlo = qlo.min(neg);
            qhi = qhi.max(pos);
            for o in q.options.iter().filter(|o| o.exclusive) {
                qlo = qlo.min(weight(o));
                qhi = qhi.max(weight(o));
            }
        } else {
            for o in q.options.iter() {
                qlo = qlo.min(weight(o));
                qhi = qhi.max(weight(o));
            }
        }
        lo += qlo;
        hi += qhi;
    }
    (lo, hi)
}
