//! The verdict: from a checklist and a reader's answers to an explained outcome.
//!
//! The rule, in the article's terms: every chosen option adds its weights to the factors
//! (for our checklist, the career case for a certification and practical application);
//! the verdict is the one whose region holds the scores; then any chosen option with a
//! cap ("no clear objective", "expects a guaranteed job") holds the verdict down to the
//! best it allows. A red flag's weights are never positive (validation enforces it) and
//! caps only ever lower, so a red flag cannot improve a verdict as long as lower scores
//! never land in a better region; that holds for the built-in checklist on the factor
//! its red flags lower (`tests/invariants.rs` checks it over many readers), but it is a
//! property of each checklist's regions, not something validation can promise.
//!
//! Pure and total: no I/O, no allocation beyond the outcome, no panics on a validated
//! checklist (all indices come from it).

use crate::answers::Answers;
use crate::checklist::Checklist;

/// What the engine concludes, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Index of the verdict (into [`Checklist::verdicts`]; lower is better).
    pub verdict: usize,
    /// The verdict the scores alone give, before caps.
    pub by_scores: usize,
    /// One score per factor.
    pub scores: Vec<f64>,
    /// Questions answered.
    pub answered: usize,
    /// Questions in all.
    pub total: usize,
    /// Required questions not yet answered.
    pub required_missing: usize,
    /// The reasons, strongest first.
    pub reasons: Vec<Reason>,
    /// Next steps: the verdict's first, then those of the chosen options, no repeats.
    pub next_steps: Vec<Step>,
    /// Related reading, as indices into [`Checklist::reading`], no repeats.
    pub reading: Vec<usize>,
}

impl Outcome {
    /// Whether the verdict may still change because required questions are unanswered.
    pub fn is_provisional(&self) -> bool {
        self.required_missing > 0
    }
}

/// One chosen option and how it moved the verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reason {
    /// Question index.
    pub question: usize,
    /// Option index.
    pub option: usize,
    /// The sum of the option's weights: positive pushes towards a better verdict.
    pub push: f64,
    /// This option's cap is what holds the verdict where it is.
    pub decisive: bool,
}

impl Reason {
    /// How strongly it weighed: a decisive cap outweighs any score.
    pub fn strength(&self) -> f64 {
        if self.decisive {
            f64::INFINITY
        } else {
            self.push.abs()
        }
    }
}

/// Where a next step's text lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `verdicts[v].next_steps[i]`.
    Verdict(usize, usize),
    /// `questions[q].options[o].next_step`.
    Option(usize, usize),
}

impl Step {
    /// The step's text. `c` is the checklist the step's outcome was evaluated on.
    pub fn text(self, c: &Checklist) -> &str {
        // Indices from `evaluate` on `c`: a verdict it found and one of its steps, or a
        // question and an option it checked with `get`.
        match self {
            Step::Verdict(v, i) => &c.verdicts[v].next_steps[i],
            Step::Option(q, o) => &c.questions[q].options[o].next_step,
        }
    }
}

/// The factor scores of a set of answers.
pub fn scores(checklist: &Checklist, answers: &Answers) -> Vec<f64> {
    let mut scores = vec![0.0; checklist.factors.len()];
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
    scores
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

/// The verdict alone: cheaper than [`evaluate`], for searches over many answer sets.
pub fn verdict(checklist: &Checklist, answers: &Answers) -> usize {
    let by_scores = region(checklist, &scores(checklist, answers));
    by_scores.max(cap(checklist, answers))
}

/// The worst (highest) verdict index any chosen option's cap allows; 0 without caps.
fn cap(checklist: &Checklist, answers: &Answers) -> usize {
    let mut worst = 0;
    for (q, question) in checklist.questions.iter().enumerate() {
        for o in answers.chosen(q) {
            if let Some(c) = question.options.get(o).and_then(|o| o.cap) {
                worst = worst.max(c);
            }
        }
    }
    worst
}

/// Evaluates the answers: the verdict, the scores, completeness, reasons and next steps.
pub fn evaluate(checklist: &Checklist, answers: &Answers) -> Outcome {
    let scores = scores(checklist, answers);
    let by_scores = region(checklist, &scores);
    let verdict = by_scores.max(cap(checklist, answers));

    let mut reasons = Vec::new();
    let mut required_missing = 0;
    for (q, question) in checklist.questions.iter().enumerate() {
        if question.required && !answers.is_answered(q) {
            required_missing += 1;
        }
        for o in answers.chosen(q) {
            let Some(option) = question.options.get(o) else {
                continue;
            };
            let push: f64 = option.effects.iter().map(|e| e.weight).sum();
            let decisive = option.cap == Some(verdict) && verdict > by_scores;
            if !option.reason.is_empty() && (push != 0.0 || option.cap.is_some()) {
                reasons.push(Reason {
                    question: q,
                    option: o,
                    push,
                    decisive,
                });
            }
        }
    }
    // Strongest first; the sort is stable, so equal reasons keep question order.
    // (Insertion sort: a handful of items, and no sort machinery in the reader's build.)
    for i in 1..reasons.len() {
        // 0 < j <= i < len: both indices are in range.
        let mut j = i;
        while j > 0 && reasons[j - 1].strength() < reasons[j].strength() {
            reasons.swap(j - 1, j);
            j -= 1;
        }
    }

    // `verdict` is `region`'s (below the count: compile requires at least one verdict)
    // or a cap (a verdict index compile looked up).
    let mut next_steps: Vec<Step> = (0..checklist.verdicts[verdict].next_steps.len())
        .map(|i| Step::Verdict(verdict, i))
        .collect();
    let mut reading: Vec<usize> = Vec::new();
    // Steps and reading follow the reasons' order (strongest first), then any other
    // chosen option that carries a step without a reason (e.g. "not chosen yet").
    let mut ordered: Vec<(usize, usize)> = reasons.iter().map(|r| (r.question, r.option)).collect();
    for q in 0..checklist.questions.len() {
        for o in answers.chosen(q) {
            if !ordered.contains(&(q, o)) {
                ordered.push((q, o));
            }
        }
    }
    for (q, o) in ordered {
        // Every `q` comes from a loop over `checklist.questions`.
        let Some(option) = checklist.questions[q].options.get(o) else {
            continue;
        };
        if !option.next_step.is_empty()
            && !next_steps
                .iter()
                .any(|s| s.text(checklist) == &*option.next_step)
        {
            next_steps.push(Step::Option(q, o));
        }
        for &i in option.reading.iter() {
            if !reading.contains(&i) {
                reading.push(i);
            }
        }
    }
    for &i in checklist.verdicts[verdict].reading.iter() {
        if !reading.contains(&i) {
            reading.push(i);
        }
    }

    Outcome {
        verdict,
        by_scores,
        scores,
        answered: answers.answered(),
        total: checklist.questions.len(),
        required_missing,
        reasons,
        next_steps,
        reading,
    }
}
