//! Helpers shared by the native test files: answers from readable pairs, everything a
//! result puts on screen as text, and a small deterministic random source for property
//! tests (no extra crates, same cases on every run, so a failure always reproduces).
#![allow(dead_code)]

use ai_cert_check::{
    builtin, describe, evaluate, headline, Answers, Checklist, Direction, Outcome,
};

/// Answers from `(question id, option id)` pairs, as a reader would click them.
pub fn answers(checklist: &Checklist, picks: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new(checklist);
    for &(q, o) in picks {
        let qi = checklist
            .question_index(q)
            .unwrap_or_else(|| panic!("no question {q}"));
        let oi = checklist.questions[qi]
            .option_index(o)
            .unwrap_or_else(|| panic!("no option {q}.{o}"));
        a.set(checklist, qi, oi, true);
    }
    a
}

/// The verdict id for these picks on the built-in checklist ("none" before any answer).
pub fn verdict_of(picks: &[(&str, &str)]) -> String {
    let c = builtin();
    let o = evaluate(c, &answers(c, picks));
    o.verdict
        .map_or("none".to_string(), |v| c.verdicts[v].id.to_string())
}

/// The verdict id of an outcome.
pub fn id_of(c: &Checklist, out: &Outcome) -> Option<String> {
    out.verdict.map(|v| c.verdicts[v].id.to_string())
}

/// Every sentence the result shows a reader, as the widget shows them: the headline
/// (or the invitation), the summary (or the note that it is a leaning), the reasons,
/// the judgement of the offer, the next steps, what would change it, and the picture's
/// caption.
pub fn shown(c: &Checklist, answers: &Answers, out: &Outcome) -> Vec<String> {
    let l = &c.labels;
    let Some(v) = out.verdict else {
        return vec![l.no_answers.to_string()];
    };
    let mut lines = vec![headline(c, out).unwrap().to_string()];
    lines.push(
        out.leaning_note(c)
            .unwrap_or_else(|| c.verdicts[v].summary.to_string()),
    );
    lines.extend(out.reasons().map(|r| r.cause.text(c).to_string()));
    lines.extend(
        out.offer_reasons
            .iter()
            .map(|&(q, o)| c.questions[q].options[o].reason.to_string()),
    );
    lines.extend(out.next_steps.iter().map(|&s| c.steps[s].text.to_string()));
    lines.extend(
        out.up
            .iter()
            .map(|w| describe(c, answers, w, Direction::Up)),
    );
    lines.extend(
        out.down
            .iter()
            .map(|w| describe(c, answers, w, Direction::Down)),
    );
    lines.push(out.caption(c));
    lines
}

/// xorshift64*: tiny, deterministic, good enough to spread test cases.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Random answers: each question unanswered, or answered with random options (those
/// of questions not asked are dropped, as the widget drops them).
pub fn random_answers(c: &Checklist, rng: &mut Rng, unanswered_percent: u64) -> Answers {
    let mut a = Answers::new(c);
    for (q, question) in c.questions.iter().enumerate() {
        if rng.chance(unanswered_percent) {
            continue;
        }
        if question.multiple {
            for o in 0..question.options.len() {
                if rng.chance(30) {
                    a.set(c, q, o, true);
                }
            }
        } else {
            a.set(c, q, rng.below(question.options.len()), true);
        }
    }
    a.drop_unasked(c);
    a
}
