//! Helpers shared by the native test files: answers from readable pairs, and a small
//! deterministic random source for property tests (no extra crates, same cases on every
//! run, so a failure always reproduces).
#![allow(dead_code)]

use ai_cert_check::{builtin, Answers, Checklist};

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

/// The verdict id for these picks on the built-in checklist.
pub fn verdict_of(picks: &[(&str, &str)]) -> String {
    let c = builtin();
    let o = ai_cert_check::evaluate(c, &answers(c, picks));
    c.verdicts[o.verdict].id.to_string()
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

/// Random answers: each question unanswered, or answered with random options.
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
    a
}
