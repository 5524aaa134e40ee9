//! The result: from a checklist and a reader's answers to the one value the widget shows.
//!
//! Around the verdict (decided in [`crate::engine::verdict`]), the result carries what
//! the reader is shown: whether it is only a leaning, the deciding reason and the
//! strongest reasons for and against, the judgement of the offer they weigh (a program)
//! apart from the verdict, at most three next steps, what would bring them nearer the
//! best verdict and what would lose it, the related reading, and the dot of the picture.
//! The web layer only renders it.
//!
//! Pure and total: no I/O, no panics on a validated checklist (all indices come from it).

use crate::engine::answers::Answers;
use crate::engine::checklist::{Checklist, Offer};
use crate::engine::limits::{MAX_READING, MAX_REASONS, MAX_STEPS, MAX_WAYS_DOWN, MAX_WAYS_UP};
use crate::engine::picture;
use crate::engine::verdict::{decide, directions, option_push, scores, Cause};
use crate::engine::whatif::{self, Direction, WhatIf};

/// What the engine concludes, with everything needed to show and explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Index of the verdict (into [`Checklist::verdicts`]), or `None` before the first
    /// answer: nothing is known yet, so nothing is said.
    pub verdict: Option<usize>,
    /// The verdict the scores alone give (their region).
    pub by_scores: usize,
    /// The rule or answer that decided the verdict, when one did.
    pub decided_by: Option<Cause>,
    /// One score per factor, from the answers to the questions asked.
    pub scores: Vec<f64>,
    /// Questions answered (of those asked).
    pub answered: usize,
    /// Questions asked: a question whose `ask_if` does not hold does not count.
    pub total: usize,
    /// Required questions asked and not yet answered: while there are any, the verdict
    /// is only a leaning.
    pub required_missing: usize,
    /// The reason that decides the verdict, shown first.
    pub decisive: Option<Reason>,
    /// The strongest reasons nearer the best verdict, strongest first (at most
    /// [`MAX_REASONS`]).
    pub reasons_for: Vec<Reason>,
    /// The strongest reasons away from it, strongest first (at most [`MAX_REASONS`]).
    pub reasons_against: Vec<Reason>,
    /// The judgement of the offer the reader weighs, apart from the verdict.
    pub offer: OfferJudgement,
    /// The chosen answers that judge the offer, as `(question, option)`, in order.
    pub offer_reasons: Vec<(usize, usize)>,
    /// Next steps, as indices into [`Checklist::steps`] (at most [`MAX_STEPS`], no two
    /// alike).
    pub next_steps: Vec<usize>,
    /// Related reading, as indices into [`Checklist::reading`] (at most [`MAX_READING`]).
    pub reading: Vec<usize>,
    /// The fewest changes that bring the reader to the best verdict they can reach (at
    /// most two ways).
    pub up: Vec<WhatIf>,
    /// The smallest change that would move them away from it (at most one).
    pub down: Vec<WhatIf>,
    /// Where the reader's dot goes on the picture, inside the verdict's area; `None`
    /// without a verdict or a picture.
    pub dot: Option<(f64, f64)>,
}

impl Outcome {
    /// Whether the verdict is only a leaning because required questions are unanswered.
    pub fn is_provisional(&self) -> bool {
        self.required_missing > 0
    }

    /// The deciding reason, then the reasons for, then those against.
    pub fn reasons(&self) -> impl Iterator<Item = &Reason> {
        self.decisive
            .iter()
            .chain(&self.reasons_for)
            .chain(&self.reasons_against)
    }
}

/// The headline: the verdict's title, or, when the offer the reader weighs is poor, the
/// title that says so in the same breath ("Worth it, but not this program"). `None`
/// before the first answer. `out` comes from [`evaluate`] on `c`.
pub fn headline<'a>(c: &'a Checklist, out: &Outcome) -> Option<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    let v = &c.verdicts[out.verdict?];
    Some(match out.offer {
        OfferJudgement::Poor if !v.title_poor_offer.is_empty() => {
            Cow::Borrowed(&*v.title_poor_offer)
        }
        OfferJudgement::Poor => Cow::Owned(crate::engine::text::fill_text(
            &c.labels.offer_poor_title,
            &[("{verdict}", &v.title)],
        )),
        _ => Cow::Borrowed(&*v.title),
    })
}

/// What an answer or a rule did to the verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reason {
    /// The answer or rule.
    pub cause: Cause,
    /// Its weights summed towards the best verdict: positive speaks for it, negative
    /// against (a cap or rule away from the best verdict is against whatever its
    /// weights, and weighs more than any weights).
    pub push: f64,
}

impl Cause {
    /// The reason's text. `c` is the checklist the cause was found in.
    pub fn text(self, c: &Checklist) -> &str {
        match self {
            Cause::Answer { question, option } => &c.questions[question].options[option].reason,
            Cause::Rule(r) => &c.rules[r].reason,
        }
    }

    /// Whether it can decide a verdict on its own (a rule, or an answer with a cap).
    pub fn decides(self, c: &Checklist) -> bool {
        match self {
            Cause::Answer { question, option } => {
                c.questions[question].options[option].cap.is_some()
            }
            Cause::Rule(_) => true,
        }
    }

    /// The reading it points to.
    fn reading(self, c: &Checklist) -> &[usize] {
        match self {
            Cause::Answer { question, option } => &c.questions[question].options[option].reading,
            Cause::Rule(r) => &c.rules[r].reading,
        }
    }
}

/// What the answers say of the offer the reader weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferJudgement {
    /// Not asked about, or not every question about it answered.
    Unknown,
    /// Every question about it answered, and no sign of a poor offer.
    Sound,
    /// A sign of a poor offer: it is never endorsed.
    Poor,
}

/// Evaluates the answers into the result the reader sees.
pub fn evaluate(c: &Checklist, answers: &Answers) -> Outcome {
    let answers = answers.only_asked(c);
    let scores = scores(c, &answers);
    let (verdict, by_scores, decided_by) = decide(c, &answers, &scores);

    let (mut answered, mut total, mut required_missing) = (0, 0, 0);
    for (q, question) in c.questions.iter().enumerate() {
        if !c.is_asked(q, &answers) {
            continue;
        }
        total += 1;
        if answers.is_answered(q) {
            answered += 1;
        } else if question.required {
            required_missing += 1;
        }
    }
    let verdict = (answered > 0).then_some(verdict);

    // Reasons. "For" and "against" are judged towards the best verdict, the same for
    // every reader; the deciding reason is judged towards the reader's own verdict.
    let best = directions(c, 0);
    let mut reasons_for = Vec::new();
    let mut reasons_against = Vec::new();
    let mut offer = OfferJudgement::Unknown;
    let mut offer_reasons = Vec::new();
    let mut offer_open = false;
    let mut offer_asked = false;
    for (q, question) in c.questions.iter().enumerate() {
        if question.judges_offer() && c.is_asked(q, &answers) {
            offer_asked = true;
            offer_open |= !answers.is_answered(q);
        }
        for o in answers.chosen(q) {
            let option = &question.options[o];
            match option.offer {
                Some(sign) => {
                    if sign == Offer::Poor {
                        offer = OfferJudgement::Poor;
                    }
                    if !option.reason.is_empty() {
                        offer_reasons.push((q, o));
                    }
                    continue;
                }
                None if option.reason.is_empty() => continue,
                None => {}
            }
            let cause = Cause::Answer {
                question: q,
                option: o,
            };
            let push = option_push(c, q, o, &best);
            if option.cap.is_some_and(|cap| c.rank(cap) > c.rank(0)) {
                reasons_against.push(Reason { cause, push });
            } else if push > 0.0 {
                reasons_for.push(Reason { cause, push });
            } else if push < 0.0 {
                reasons_against.push(Reason { cause, push });
            }
        }
    }
    for (i, rule) in c.rules.iter().enumerate() {
        if rule.answers.iter().all(|w| w.holds(&answers)) && c.rank(rule.verdict) > c.rank(0) {
            reasons_against.push(Reason {
                cause: Cause::Rule(i),
                push: 0.0,
            });
        }
    }
    if offer != OfferJudgement::Poor && offer_asked && !offer_open {
        offer = OfferJudgement::Sound;
    }

    let decisive = verdict.and_then(|v| {
        decided_by
            .filter(|cause| !cause.text(c).is_empty())
            .map(|cause| {
                let push = reasons_against
                    .iter()
                    .find(|r| r.cause == cause)
                    .map_or(0.0, |r| r.push);
                Reason { cause, push }
            })
            .or_else(|| deciding_reason(c, v, &reasons_for, &reasons_against))
    });
    if let Some(d) = decisive {
        reasons_for.retain(|r| r.cause != d.cause);
        reasons_against.retain(|r| r.cause != d.cause);
    }
    // Strongest first; equal reasons keep question order (rules first).
    keep_smallest(&mut reasons_for, MAX_REASONS, |r| -r.push);
    keep_smallest(&mut reasons_against, MAX_REASONS, |r| {
        r.push - if r.cause.decides(c) { CAP_WEIGHT } else { 0.0 }
    });

    let mut next_steps = Vec::new();
    if let Some(v) = verdict {
        for (i, step) in c.steps.iter().enumerate() {
            if next_steps.len() >= MAX_STEPS {
                break;
            }
            let fits = (step.verdicts.is_empty() || step.verdicts.contains(&v))
                && step.answers.iter().all(|w| w.holds(&answers));
            if fits
                && !next_steps
                    .iter()
                    .any(|&s: &usize| c.steps[s].text == step.text)
            {
                next_steps.push(i);
            }
        }
    }

    let mut reading: Vec<usize> = Vec::new();
    if let Some(v) = verdict {
        let mut add = |list: &[usize]| {
            for &i in list {
                if reading.len() < MAX_READING && !reading.contains(&i) {
                    reading.push(i);
                }
            }
        };
        if let Some(d) = &decisive {
            add(d.cause.reading(c));
        }
        add(&c.verdicts[v].reading);
        for r in reasons_for.iter().chain(&reasons_against) {
            add(r.cause.reading(c));
        }
    }

    let (up, down) = match verdict {
        Some(_) => (
            whatif::what_ifs(c, &answers, Direction::Up, MAX_WAYS_UP),
            whatif::what_ifs(c, &answers, Direction::Down, MAX_WAYS_DOWN),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let dot = verdict.and_then(|v| picture::dot(c.picture.as_ref()?, &scores, v));

    Outcome {
        verdict,
        by_scores,
        decided_by: decided_by.filter(|_| verdict.is_some()),
        scores,
        answered,
        total,
        required_missing,
        decisive,
        reasons_for,
        reasons_against,
        offer,
        offer_reasons,
        next_steps,
        reading,
        up,
        down,
        dot,
    }
}

/// How much a cap or rule away from the best verdict weighs among the reasons against:
/// more than any answer's weights.
const CAP_WEIGHT: f64 = 1e6;

/// The deciding reason when no single answer or rule decided: of the answers on the
/// factors where verdict `v`'s region differs from the best verdict's (all factors for
/// the best verdict itself), the one whose weights lead furthest into `v`'s region.
/// First in question order among equals.
fn deciding_reason(
    c: &Checklist,
    v: usize,
    reasons_for: &[Reason],
    reasons_against: &[Reason],
) -> Option<Reason> {
    let (towards, best) = (directions(c, v), directions(c, 0));
    let mut chosen: Option<(f64, Reason)> = None;
    for r in reasons_for.iter().chain(reasons_against) {
        let Cause::Answer { question, option } = r.cause else {
            continue;
        };
        let mut lead = 0.0;
        let mut relevant = false;
        for e in c.questions[question].options[option].effects.iter() {
            let f = e.factor;
            if towards[f] != 0.0 && (v == 0 || towards[f] != best[f]) {
                relevant = true;
                lead += e.weight * towards[f];
            }
        }
        // Reasons come for-then-against, each in question order: among equal leads,
        // the earlier question wins.
        let comes_after = |other: &Reason| match other.cause {
            Cause::Answer { question: q, .. } => q > question,
            Cause::Rule(_) => false,
        };
        let better = match &chosen {
            None => true,
            Some((l, other)) => lead > *l || (lead == *l && comes_after(other)),
        };
        if relevant && better {
            chosen = Some((lead, *r));
        }
    }
    chosen.map(|(_, r)| r)
}

/// Keeps the `k` items with the smallest keys, smallest first, equal keys in their
/// order: what a stable sort followed by `truncate(k)` keeps, in one pass. A reader of a
/// large checklist can have thousands of reasons (every box of 100 questions of 32
/// options ticked) of which a handful are shown; sorting them all by insertion took
/// 9 ms of a click on the largest checklist the format allows. Insertion into the few
/// kept at the front: no sort machinery in the reader's build.
fn keep_smallest<T>(items: &mut Vec<T>, k: usize, key: impl Fn(&T) -> f64) {
    let mut kept = 0;
    for i in 0..items.len() {
        // kept <= k and kept <= i < len: every index below is in range. Item `i` joins
        // the kept ones at the front (when `k` are kept already, at index `k`, and the
        // last of the `k + 1` is left there, dropped).
        items.swap(kept, i);
        let mut j = kept;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
        if kept < k {
            kept += 1;
        }
    }
    items.truncate(kept);
}
