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
    // One answer to one open question (for a tick-all one, one box), the others open.
    let mut could_change: Vec<usize> = Vec::new();
    for (q, question) in c.questions.iter().enumerate() {
        if !search.open[q] || !c.is_asked(q, answers) {
            continue;
        }
        for o in 0..question.options.len() {
            if search.work > MAX_FINALITY_WORK {
                break;
            }
            let mut a = answers.clone();
            a.set(c, q, o, true);
            a.drop_unasked(c);
            if search.band_of(&a) != band {
                could_change.push(q);
                break;
            }
        }
    }
    if !could_change.is_empty() {
        return Finality {
            settled: false,
            could_change,
            work: search.work,
        };
    }
    let mut a = answers.clone();
    let found = search.down(0, &mut a);
    if found == Found::Change {
        // `a` is a completion with another band: keep the open answers it needs.
        for q in 0..c.questions.len() {
            if search.open[q] && a.is_answered(q) {
                let mut without = a.clone();
                without.set_mask(q, 0);
                without.drop_unasked(c);
                if search.band_of(&without) != band {
                    a = without;
                }
            }
        }
        could_change = (0..c.questions.len())
            .filter(|&q| search.open[q] && a.is_answered(q))
            .collect();
    }
    Finality {
        settled: found == Found::Nothing,
        could_change,
        work: search.work,
    }
}

/// A cap or rule: its verdict's rank, its place in the order `decide` weighs them, and
/// the verdict.
type Decider = (u32, usize, usize);

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
    /// For each question and factor, how far an answer to it can move the score down
    /// and up (none: zero).
    spans: Vec<Vec<(f64, f64)>>,
    /// Every option with a cap, as (question, option, cap).
    caps: Vec<(usize, usize, usize)>,
    /// How much the bound on scores is widened: nothing when every weight is a whole
    /// number (their sums are then exact, in any order), a hair otherwise. A hair too
    /// many would leave a reader exactly on a threshold always "could change".
    slack: f64,
    /// Work done, counted in table entries looked at.
    work: usize,
}

impl<'a> Search<'a> {
    fn new(c: &'a Checklist, answers: &Answers, band: usize) -> Search<'a> {
        let mut search = Search {
            c,
            band,
            open: Vec::new(),
            spans: Vec::new(),
            caps: Vec::new(),
            slack: 0.0,
            work: 0,
        };
        for (q, question) in c.questions.iter().enumerate() {
            search.open.push(!answers.is_answered(q));
            let mut span = vec![(0.0f64, 0.0f64); c.factors.len()];
            for (o, option) in question.options.iter().enumerate() {
                if let Some(cap) = option.cap {
                    search.caps.push((q, o, cap));
                }
                let mut each = vec![0.0; c.factors.len()];
                for e in option.effects.iter() {
                    each[e.factor] += e.weight;
                    if e.weight.fract() != 0.0 || e.weight.abs() > 1e9 {
                        search.slack = 1e-9;
                    }
                }
                for ((down, up), w) in span.iter_mut().zip(each) {
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
            search.spans.push(span);
        }
        search
    }

    /// The band of a set of answers (to questions asked), scored as `evaluate` scores
    /// them.
    fn band_of(&mut self, a: &Answers) -> usize {
        self.work += self.c.questions.len() + self.c.rules.len() + self.caps.len();
        let mut scores = vec![0.0; self.c.factors.len()];
        add_scores(self.c, a, &mut scores);
        decide(self.c, a, &scores).0
    }

    /// Tries every answer to the open questions from `q` on, `a` holding the answers so
    /// far. On [`Found::Change`] `a` is left as the completion found, otherwise as it was.
    fn down(&mut self, q: usize, a: &mut Answers) -> Found {
        let c = self.c;
        if self.work > MAX_FINALITY_WORK {
            return Found::OutOfWork;
        }
        let Some(next) = (q..c.questions.len()).find(|&i| self.open[i] && c.is_asked(i, a)) else {
            return if self.band_of(a) == self.band {
                Found::Nothing
            } else {
                Found::Change
            };
        };
        if !self.could_differ(next, a) {
            return Found::Nothing;
        }
        // Unanswered first, then each answer.
        let found = self.down(next + 1, a);
        if found != Found::Nothing {
            return found;
        }
        for mask in each_answer(c, next) {
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
        let conditions: usize = c.rules.iter().map(|r| r.answers.len()).sum();
        self.work += c.questions.len() + conditions + self.caps.len() + c.verdicts.len();
        let rest = |i: usize| i >= q && self.open[i];
        // How far the scores can still move; with fractional weights widened by a hair,
        // so that their sums, added in another order, can never fall outside.
        let mut lo = vec![0.0; c.factors.len()];
        add_scores(c, a, &mut lo);
        let mut hi = lo.clone();
        for (i, span) in self.spans.iter().enumerate() {
            if rest(i) {
                for (f, (down, up)) in span.iter().enumerate() {
                    lo[f] += down;
                    hi[f] += up;
                }
            }
        }
        for (l, h) in lo.iter_mut().zip(hi.iter_mut()) {
            *l -= self.slack * (1.0 + l.abs());
            *h += self.slack * (1.0 + h.abs());
        }
        // Caps and rules, in the order `decide` weighs them (rules first, then caps in
        // question and option order): of those with the highest rank, the first wins,
        // over a region of the same rank too. One that holds already keeps holding; the
        // open questions could add others.
        let mut held: Option<Decider> = None;
        let mut new: Vec<Decider> = Vec::new();
        let mut consider = |holds: bool, rank: u32, at: usize, verdict: usize| {
            if !holds {
                new.push((rank, at, verdict));
            } else if held.is_none_or(|(r, _, _)| rank > r) {
                held = Some((rank, at, verdict));
            }
        };
        for (i, rule) in c.rules.iter().enumerate() {
            if rule.answers.iter().all(|w| w.holds(a)) {
                consider(true, c.rank(rule.verdict), i, rule.verdict);
            } else if rule.answers.iter().all(|w| w.holds(a) || rest(w.question)) {
                consider(false, c.rank(rule.verdict), i, rule.verdict);
            }
        }
        for &(i, o, cap) in &self.caps {
            let at = c.rules.len() + i * MAX_OPTIONS + o;
            if a.is_chosen(i, o) {
                consider(true, c.rank(cap), at, cap);
            } else if rest(i) {
                consider(false, c.rank(cap), at, cap);
            }
        }
        // With nothing deciding yet, any region, cap or rule that could hold; otherwise
        // only what outranks the one that decides, or ranks with it and comes before
        // it, and a region only by outranking it (or by ranking at most with it, if the
        // one that decides is not the reader's band).
        let band = self.band;
        let (floor, first, decides) = held.unwrap_or((0, usize::MAX, band));
        let mut differ = new
            .iter()
            .any(|&(r, at, v)| v != band && (r > floor || r == floor && at < first));
        for (v, verdict) in c.verdicts.iter().enumerate() {
            let reachable = verdict
                .when
                .iter()
                .all(|w| w.min <= hi[w.factor] && lo[w.factor] < w.max);
            let r = c.rank(v);
            differ |= reachable && (v != band && r > floor || decides != band && r <= floor);
        }
        differ
    }
}

/// Every answer question `q` can take, as masks: each option of a single-choice question;
/// for a tick-all one every set of its boxes (an exclusive box alone).
fn each_answer(c: &Checklist, q: usize) -> impl Iterator<Item = u32> + '_ {
    let question = &c.questions[q];
    let n = question.options.len() as u32;
    let exclusive = question.exclusive_mask();
    let multiple = question.multiple;
    // n <= MAX_OPTIONS (32): the shifts stay within a u64.
    let end: u64 = if multiple { 1 << n } else { u64::from(n) };
    (1..=end).filter_map(move |i| {
        if !multiple {
            // 1 <= i <= n <= 32: option i - 1.
            return Some(1u32 << (i - 1));
        }
        let mask = (i - 1) as u32;
        let ok = mask != 0 && (mask & exclusive == 0 || mask.count_ones() == 1);
        ok.then_some(mask)
    })
}
