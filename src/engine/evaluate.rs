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
use crate::engine::finality::finality;
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
    /// Required questions asked and not yet answered (the answer that leaves none is
    /// the one that completes the checklist).
    pub required_missing: usize,
    /// No answer to the questions still open could change the verdict's band: it is
    /// final. Otherwise it is only a leaning ([`crate::finality`]).
    pub settled: bool,
    /// Open questions that could change the band, in question order (empty when it is
    /// settled).
    pub could_change: Vec<usize>,
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
    /// Where the reader's dot goes on the picture: where the scores place them, inside
    /// the area of [`Outcome::by_scores`] (which a deciding answer may have overruled);
    /// `None` without a verdict or a picture.
    pub dot: Option<(f64, f64)>,
}

impl Outcome {
    /// Whether the verdict is only a leaning: an answer to a question still open could
    /// change its band.
    pub fn is_provisional(&self) -> bool {
        !self.settled
    }

    /// The caption under the picture (empty before the first answer): see
    /// [`picture::caption`]. `c` is the checklist the outcome was evaluated on.
    pub fn caption(&self, c: &Checklist) -> String {
        self.verdict.map_or_else(String::new, |v| {
            picture::caption(c, v, self.by_scores, self.decided_by.map(|d| d.text(c)))
        })
    }

    /// The line shown in place of the summary while the verdict is a leaning: which
    /// sections' open questions could change it. `None` when there is no verdict or it
    /// is final. `c` is the checklist the outcome was evaluated on.
    pub fn leaning_note(&self, c: &Checklist) -> Option<String> {
        use crate::engine::text::{fill_text, list};
        if self.verdict.is_none() || self.settled {
            return None;
        }
        let l = &c.labels;
        let mut sections: Vec<usize> = Vec::new();
        let mut titles: Vec<String> = Vec::new();
        for &q in &self.could_change {
            let s = c.questions[q].section;
            if !sections.contains(&s) {
                sections.push(s);
                titles.push(fill_text(&l.quote, &[("{text}", &c.sections[s].title)]));
            }
        }
        if titles.is_empty() {
            return Some(l.provisional.to_string());
        }
        Some(fill_text(
            &l.leaning_open,
            &[("{sections}", &list(&titles, &l.and))],
        ))
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

/// The headline as shown: [`headline`], marked as a leaning ("Leaning: Worth it") while
/// an answer to an open question could still change its band. `None` before the first
/// answer.
pub fn shown_headline(c: &Checklist, out: &Outcome) -> Option<String> {
    let title = headline(c, out)?;
    Some(if out.is_provisional() {
        crate::engine::text::fill_text(&c.labels.leaning, &[("{verdict}", &title)])
    } else {
        title.into_owned()
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
    // An answer gives at most one reason: the deciding one, or a rule shown among the
    // reasons, speaks for the answers it is made of.
    let mut covered: Vec<Cause> = decisive.iter().map(|d| d.cause).collect();
    for r in reasons_against.iter().chain(&decisive) {
        if let Cause::Rule(i) = r.cause {
            for w in c.rules[i].answers.iter() {
                covered.extend(
                    answers
                        .chosen(w.question)
                        .filter(|&o| w.options & 1 << o != 0)
                        .map(|option| Cause::Answer {
                            question: w.question,
                            option,
                        }),
                );
            }
        }
    }
    reasons_for.retain(|r| !covered.contains(&r.cause));
    reasons_against.retain(|r| !covered.contains(&r.cause));
    // Strongest first; equal reasons keep question order (rules first).
    keep_smallest(&mut reasons_for, MAX_REASONS, |r| -r.push);
    keep_smallest(&mut reasons_against, MAX_REASONS, |r| {
        r.push - if r.cause.decides(c) { CAP_WEIGHT } else { 0.0 }
    });

    let next_steps = verdict.map_or_else(Vec::new, |v| steps(c, &answers, v, decisive));

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
    let dot = verdict.and_then(|_| picture::dot(c.picture.as_ref()?, &scores, by_scores));
    let finality = verdict.map(|v| finality(c, &answers, v));

    Outcome {
        verdict,
        by_scores,
        decided_by: decided_by.filter(|_| verdict.is_some()),
        scores,
        answered,
        total,
        required_missing,
        settled: finality.as_ref().is_some_and(|f| f.settled),
        could_change: finality.map(|f| f.could_change).unwrap_or_default(),
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

/// The next steps for verdict `v`: of the steps that fit the verdict and the answers,
/// the [`MAX_STEPS`] that fit this reader best, never two alike. A step fits better the
/// more of the reader's situation it answers to (each answer and the verdicts it names),
/// and best when it acts on the deciding reason; among equals, the checklist's order.
fn steps(c: &Checklist, answers: &Answers, v: usize, decisive: Option<Reason>) -> Vec<usize> {
    let deciding = |q: usize| match decisive.map(|d| d.cause) {
        Some(Cause::Answer { question, .. }) => question == q,
        Some(Cause::Rule(r)) => c.rules[r].answers.iter().any(|w| w.question == q),
        None => false,
    };
    let mut fitting: Vec<(usize, usize)> = Vec::new();
    for (i, step) in c.steps.iter().enumerate() {
        if (step.verdicts.is_empty() || step.verdicts.contains(&v))
            && step.answers.iter().all(|w| w.holds(answers))
        {
            let acts = step.answers.iter().any(|w| deciding(w.question));
            let fit =
                step.answers.len() + usize::from(!step.verdicts.is_empty()) + 2 * usize::from(acts);
            fitting.push((fit, i));
        }
    }
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < MAX_STEPS {
        let mut best: Option<(usize, usize)> = None;
        for &(fit, i) in &fitting {
            let alike = chosen.iter().any(|&s| c.steps[s].text == c.steps[i].text);
            if !alike && best.is_none_or(|(f, _)| fit > f) {
                best = Some((fit, i));
            }
        }
        match best {
            Some((_, i)) => chosen.push(i),
            None => break,
        }
    }
    chosen
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
