//! Final means final: whether any answer to the questions still open could change the
//! reader's band, and which of those questions could.
//!
//! A verdict is shown as final only when no answer to the open questions (any of them,
//! alone or together, including a question that an open answer would make asked) gives
//! another band. Otherwise it is a leaning, and the widget names the questions that
//! could change it.
//!
//! How it is decided, exactly and within a bound of work:
//! - A depth-first search over the open questions, in question order, tries every
//!   answer to each (every option; for a tick-all question every set of boxes; and no
//!   answer) and computes the band of each completion with the verdict's own rules.
//! - Before it goes down from a question, a bound tells whether anything below could
//!   still give another band: the scores can only move within the sum of each open
//!   question's lowest and highest weights, an answer already given that decides keeps
//!   deciding, and only caps and rules the open questions could still trigger are new.
//!   When every band within that bound is the reader's, the branch is skipped. For the
//!   built-in checklist the bound settles almost every branch at once.
//! - If the work runs out ([`MAX_FINALITY_WORK`]), the verdict is not called final: a leaning
//!   that could in fact not change is a smaller harm than a final one that can.
//!
//! Which questions could change it: every open question that can change the band with
//! one answer, the others left open; when none can alone, the questions of the first
//! change found, reduced to those it needs.
//!
//! Rejected alternative: "final once the required questions are answered", as before.
//! It was simple and often false: an unanswered expectation or learning style could
//! still move a "final" verdict.

use crate::engine::answers::Answers;
use crate::engine::checklist::Checklist;
use crate::engine::limits::{MAX_FINALITY_WORK, MAX_OPTIONS};
use crate::engine::verdict::{add_scores, decide};

/// Whether a band is final, and what could still change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finality {
    /// No answer to the open questions gives another band.
    pub settled: bool,
    /// Open questions that could change the band (empty when settled, and when the
    /// work ran out before one was found), in question order.
    pub could_change: Vec<usize>,
    /// The work done (at most a little over [`MAX_FINALITY_WORK`]).
    pub work: usize,
}

/// Whether `band`, the verdict of `answers` (answers to the questions asked), is final.
pub fn finality(c: &Checklist, answers: &Answers, band: usize) -> Finality {
    let mut search = Search::new(c, answers, band);
    let mut could_change: Vec<usize> = Vec::new();
    // One answer to one open question (for a tick-all one, one box), the others open.
    for q in 0..c.questions.len() {
        if search.open[q] && c.is_asked(q, answers) {
            for o in 0..c.questions[q].options.len() {
                let mut a = answers.clone();
                a.set(c, q, o, true);
                a.drop_unasked(c);
                if search.work <= MAX_FINALITY_WORK && search.differs(&a) {
                    could_change.push(q);
                    break;
                }
            }
        }
    }
    let mut a = answers.clone();
    let found = if could_change.is_empty() {
        search.down(0, &mut a)
    } else {
        Found::Change
    };
    if could_change.is_empty() && found == Found::Change {
        // `a` is a completion with another band: keep the open answers it needs.
        for q in 0..c.questions.len() {
            if search.open[q] && a.is_answered(q) {
                let mut without = a.clone();
                without.set_mask(q, 0);
                without.drop_unasked(c);
                if search.differs(&without) {
                    a = without;
                }
            }
        }
        for q in 0..c.questions.len() {
            if search.open[q] && a.is_answered(q) {
                could_change.push(q);
            }
        }
    }
    Finality {
        settled: found == Found::Nothing,
        could_change,
        work: search.work,
    }
}

/// What a search below a question found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Every completion keeps the band.
    Nothing,
    /// A completion with another band (left in the answers).
    Change,
    /// The work ran out first.
    OutOfWork,
}

struct Search<'a> {
    c: &'a Checklist,
    band: usize,
    /// The questions the reader has not answered.
    open: Vec<bool>,
    /// For each question and factor (`q * factors + f`), how far an answer to it can
    /// move the score down and up (no answer: zero).
    spans: Vec<(f64, f64)>,
    /// How much the bound on scores is widened: nothing when every weight is a whole
    /// number (their sums are then exact, in any order), a hair otherwise. A hair too
    /// many would leave a reader exactly on a threshold always "could change".
    slack: f64,
    /// Work done, counted in table entries looked at.
    work: usize,
}

impl<'a> Search<'a> {
    fn new(c: &'a Checklist, answers: &Answers, band: usize) -> Search<'a> {
        let factors = c.factors.len();
        let mut search = Search {
            c,
            band,
            open: Vec::new(),
            spans: vec![(0.0, 0.0); c.questions.len() * factors],
            slack: 0.0,
            work: 0,
        };
        for (q, question) in c.questions.iter().enumerate() {
            search.open.push(!answers.is_answered(q));
            for option in question.options.iter() {
                let mut each = vec![0.0; factors];
                for e in option.effects.iter() {
                    each[e.factor] += e.weight;
                    if e.weight.fract() != 0.0 || e.weight.abs() > 1e9 {
                        search.slack = 1e-9;
                    }
                }
                for (f, w) in each.into_iter().enumerate() {
                    let (down, up) = &mut search.spans[q * factors + f];
                    // Boxes add up; one option of a single-choice question is all.
                    if question.multiple {
                        *down += w.min(0.0);
                        *up += w.max(0.0);
                    } else {
                        *down = down.min(w);
                        *up = up.max(w);
                    }
                }
            }
        }
        search
    }

    /// Whether answers `a` (to questions asked) give another band, scored as `evaluate`
    /// scores them.
    fn differs(&mut self, a: &Answers) -> bool {
        let c = self.c;
        self.work += c.questions.len() + c.rules.len();
        let mut scores = vec![0.0; c.factors.len()];
        add_scores(c, a, &mut scores);
        decide(c, a, &scores).0 != self.band
    }

    /// Tries every answer to the open questions from `q` on, `a` holding the answers so
    /// far. On [`Found::Change`] `a` is left as the completion found, otherwise as it was.
    fn down(&mut self, q: usize, a: &mut Answers) -> Found {
        let c = self.c;
        if self.work > MAX_FINALITY_WORK {
            return Found::OutOfWork;
        }
        let Some(next) = (q..c.questions.len()).find(|&i| self.open[i] && c.is_asked(i, a)) else {
            return if self.differs(a) {
                Found::Change
            } else {
                Found::Nothing
            };
        };
        if !self.could_differ(next, a) {
            return Found::Nothing;
        }
        // Unanswered first, then every answer: each option of a single-choice question,
        // every set of boxes of a tick-all one (an exclusive box alone).
        let found = self.down(next + 1, a);
        if found != Found::Nothing {
            return found;
        }
        let question = &c.questions[next];
        // At most MAX_OPTIONS (32) options: the shifts stay within a u64.
        let n = question.options.len() as u32;
        let masks: u64 = if question.multiple {
            1 << n
        } else {
            u64::from(n)
        };
        for i in 1..masks {
            let mask = if question.multiple {
                i as u32
            } else {
                1 << (i - 1)
            };
            if mask & question.exclusive_mask() != 0 && mask.count_ones() > 1 {
                continue;
            }
            a.set_mask(next, mask);
            let found = self.down(next + 1, a);
            if found == Found::Change {
                return found;
            }
            a.set_mask(next, 0);
            if found == Found::OutOfWork {
                return found;
            }
        }
        Found::Nothing
    }

    /// Whether any answers to the open questions from `q` on could give a band other
    /// than `self.band`: a bound, never wrong when it says no.
    fn could_differ(&mut self, q: usize, a: &Answers) -> bool {
        let c = self.c;
        let factors = c.factors.len();
        self.work += c.questions.len() + c.verdicts.len();
        // How far the scores can still move; with fractional weights widened by a hair,
        // so that their sums, added in another order, can never fall outside.
        let mut lo = vec![0.0; factors];
        add_scores(c, a, &mut lo);
        let mut hi = lo.clone();
        for i in q..c.questions.len() {
            if self.open[i] {
                for f in 0..factors {
                    let (down, up) = self.spans[i * factors + f];
                    lo[f] += down;
                    hi[f] += up;
                }
            }
        }
        for f in 0..factors {
            lo[f] -= self.slack * (1.0 + lo[f].abs());
            hi[f] += self.slack * (1.0 + hi[f].abs());
        }
        // Caps and rules, in the order `decide` weighs them (rules first, then caps in
        // question and option order): of those with the highest rank, the first wins,
        // over a region of the same rank too. One that holds already keeps holding
        // (`held`: the highest rank, where, which verdict); the open questions could add
        // others. Two passes: what holds, then what could come.
        let mut held = (0, usize::MAX, self.band);
        let mut differ = false;
        for pass in 0..2 {
            for (at, rule) in c.rules.iter().enumerate() {
                self.work += rule.answers.len();
                let holds = rule.answers.iter().all(|w| w.holds(a));
                let may = rule
                    .answers
                    .iter()
                    .all(|w| w.holds(a) || w.question >= q && self.open[w.question]);
                self.weigh(
                    pass,
                    holds,
                    may,
                    c.rank(rule.verdict),
                    at,
                    rule.verdict,
                    &mut held,
                    &mut differ,
                );
            }
            for (i, question) in c.questions.iter().enumerate() {
                for (o, option) in question.options.iter().enumerate() {
                    if let Some(cap) = option.cap {
                        let may = i >= q && self.open[i];
                        let at = c.rules.len() + i * MAX_OPTIONS + o;
                        self.weigh(
                            pass,
                            a.is_chosen(i, o),
                            may,
                            c.rank(cap),
                            at,
                            cap,
                            &mut held,
                            &mut differ,
                        );
                    }
                }
            }
        }
        // A region counts only by outranking what decides, or, if what decides is not
        // the reader's band, by ranking at most with it.
        let (floor, _, decides) = held;
        for (v, verdict) in c.verdicts.iter().enumerate() {
            let reachable = verdict
                .when
                .iter()
                .all(|w| w.min <= hi[w.factor] && lo[w.factor] < w.max);
            let r = c.rank(v);
            differ |=
                reachable && (v != self.band && r > floor || decides != self.band && r <= floor);
        }
        differ
    }

    /// One cap or rule in [`Search::could_differ`]: on the first pass, whether it holds
    /// and outranks what holds so far; on the second, whether it could still come and
    /// take the place of what holds (outranking it, or ranking with it and coming
    /// first), with another verdict than the reader's band.
    #[allow(clippy::too_many_arguments)]
    fn weigh(
        &self,
        pass: usize,
        holds: bool,
        may: bool,
        rank: u32,
        at: usize,
        verdict: usize,
        held: &mut (u32, usize, usize),
        differ: &mut bool,
    ) {
        if pass == 0 && holds && rank > held.0 {
            *held = (rank, at, verdict);
        }
        if pass == 1 && !holds && may && verdict != self.band {
            *differ |= rank > held.0 || rank == held.0 && at < held.1;
        }
    }
}
