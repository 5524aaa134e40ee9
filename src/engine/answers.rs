//! A reader's answers: one bit mask of chosen options per question.
//!
//! Answers are state, not history: the same choices give the same `Answers` whatever
//! order they were made in, so the verdict cannot depend on the order of answering. A
//! mask of zero means unanswered, which is why a multiple-choice question that a reader
//! may answer with "none" needs an explicit exclusive option ("None of these").
//!
//! A question asked only after an earlier answer (`ask_if`) may hold an answer here that
//! no longer counts; [`Answers::drop_unasked`] clears it, and the engine reads answers
//! through [`Answers::only_asked`], so such an answer never reaches a verdict.

use crate::engine::checklist::{Checklist, When};
use crate::engine::limits::MAX_OPTIONS;

/// The chosen options of every question of one checklist.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    masks: Vec<u32>,
}

impl Answers {
    /// No question answered.
    pub fn new(checklist: &Checklist) -> Self {
        Answers {
            masks: vec![0; checklist.questions.len()],
        }
    }

    /// The chosen options of question `q` as a bit mask (bit `i` is option `i`).
    pub fn mask(&self, q: usize) -> u32 {
        self.masks.get(q).copied().unwrap_or(0)
    }

    /// Whether question `q` has an answer.
    pub fn is_answered(&self, q: usize) -> bool {
        self.mask(q) != 0
    }

    /// Whether option `o` of question `q` is chosen.
    pub fn is_chosen(&self, q: usize, o: usize) -> bool {
        o < MAX_OPTIONS && self.mask(q) & (1 << o) != 0
    }

    /// The chosen option indices of question `q`, in option order.
    pub fn chosen(&self, q: usize) -> Bits {
        Bits(self.mask(q))
    }

    /// Chooses or un-chooses option `o` of question `q`, as a radio button or checkbox
    /// would: for a single-choice question choosing replaces the answer; for a multiple
    /// choice one an exclusive option clears the others and any other clears it.
    /// Out-of-range indices are ignored.
    pub fn set(&mut self, checklist: &Checklist, q: usize, o: usize, on: bool) {
        let Some(mask) = Answers::next_mask(checklist, q, self.mask(q), o, on) else {
            return;
        };
        if self.masks.len() != checklist.questions.len() {
            self.masks.resize(checklist.questions.len(), 0);
        }
        // `q` was checked by `next_mask` and `masks` now has one entry per question.
        self.masks[q] = mask;
    }

    /// What [`Answers::set`]`(q, o, on)` makes of question `q`'s mask `mask`, without
    /// answers to change (a search over changed answers needs it without copying them);
    /// `None` for out-of-range indices.
    pub fn next_mask(
        checklist: &Checklist,
        q: usize,
        mask: u32,
        o: usize,
        on: bool,
    ) -> Option<u32> {
        let question = checklist.questions.get(q)?;
        let option = question.options.get(o)?;
        // `o` indexes an option, and a compiled checklist has at most MAX_OPTIONS (32).
        let bit = 1u32 << o;
        Some(match (on, question.multiple) {
            (false, _) => mask & !bit,
            (true, false) => bit,
            (true, true) if option.exclusive => bit,
            (true, true) => (mask & !question.exclusive_mask()) | bit,
        })
    }

    /// Sets question `q`'s mask as it is, for searches that try whole answers (the
    /// caller passes a mask [`Answers::set`] could have made).
    pub(crate) fn set_mask(&mut self, q: usize, mask: u32) {
        if let Some(m) = self.masks.get_mut(q) {
            *m = mask;
        }
    }

    /// Clears question `q`.
    pub fn clear(&mut self, q: usize) {
        if let Some(m) = self.masks.get_mut(q) {
            *m = 0;
        }
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.masks.iter().filter(|&&m| m != 0).count()
    }

    /// Clears the answers of the questions that are not asked: a question whose
    /// `ask_if` does not hold (an earlier answer it depends on was changed or cleared)
    /// keeps no answer, so none is shown, kept, shared or counted. Conditions name
    /// earlier questions only, so one pass in question order settles every one.
    /// Returns whether anything was cleared.
    pub fn drop_unasked(&mut self, checklist: &Checklist) -> bool {
        let mut dropped = false;
        for q in 0..checklist.questions.len() {
            if self.is_answered(q) && !checklist.is_asked(q, self) {
                self.clear(q);
                dropped = true;
            }
        }
        dropped
    }

    /// These answers without those of questions not asked (see [`Answers::drop_unasked`]).
    pub fn only_asked(&self, checklist: &Checklist) -> Answers {
        let mut a = self.clone();
        a.drop_unasked(checklist);
        a
    }
}

/// The set bits of a mask, lowest first: the chosen options of one question.
#[derive(Debug, Clone, Copy)]
pub struct Bits(pub u32);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let o = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1; // not zero (checked above): no underflow

        Some(o)
    }
}

// Which questions are asked and which conditions hold depend on the answers: these two
// live here, so that the model (`checklist.rs`) does not depend on the answers.

impl When {
    /// Whether `answers` (already cleared of questions not asked) meet the condition.
    pub fn holds(&self, answers: &Answers) -> bool {
        answers.mask(self.question) & self.options != 0
    }
}

impl Checklist {
    /// Whether question `q` is asked, given `answers` already cleared of the questions
    /// before `q` that are not asked (as [`Answers::only_asked`] leaves them).
    pub fn is_asked(&self, q: usize, answers: &Answers) -> bool {
        self.questions
            .get(q)
            .is_some_and(|question| question.ask_if.iter().all(|w| w.holds(answers)))
    }
}
