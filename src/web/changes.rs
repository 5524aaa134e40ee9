//! What would change it: the fewest changes that bring the reader to the best verdict
//! they can reach, and the smallest that would lose it, as the engine found them, in
//! sentences that name the answers.

use web_sys::{Document, Node};

use super::dom::{make, Block};
use crate::{describe, Answers, Checklist, Direction, Outcome, WhatIf};

/// The what-would-change list.
pub struct Changes(Block);

impl Changes {
    /// Renders the (empty) list into `parent`.
    pub fn render(doc: &Document, parent: &Node, c: &Checklist) -> Changes {
        Changes(Block::new(
            doc,
            parent,
            "changes",
            &c.labels.what_if_heading,
            "ul",
            "what-if",
        ))
    }

    /// Shows the changes of `out` (found for `answers`).
    pub fn update(&self, doc: &Document, c: &Checklist, answers: &Answers, out: &Outcome) {
        let ways: Vec<(Direction, &WhatIf)> = out
            .up
            .iter()
            .map(|w| (Direction::Up, w))
            .chain(out.down.iter().map(|w| (Direction::Down, w)))
            .collect();
        // An item's sentence is a function of its key: the direction, the verdict and
        // the edits (each at most 100 questions and 32 options).
        let keys: Vec<u64> = ways
            .iter()
            .map(|(direction, w)| {
                let mut k = ((*direction == Direction::Down) as u64) << 8 | w.verdict as u64;
                for e in &w.edits {
                    k = k << 20 | (e.question as u64) << 7 | (e.option as u64) << 1 | e.on as u64;
                }
                k
            })
            .collect();
        self.0.show(&keys, &mut |i| {
            let (direction, w) = ways[i];
            let class = match direction {
                Direction::Up => "up",
                Direction::Down => "down",
            };
            make(doc, "li", class, &describe(c, answers, w, direction))
        });
    }
}
