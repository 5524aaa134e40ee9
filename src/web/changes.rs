//! What would change it: the fewest changes that bring the reader to the best verdict
//! they can reach, and the smallest that would lose it, as the engine found them, in
//! sentences that name the answers.

use web_sys::{Document, Node};

use super::dom::{make, text_key, Block};
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
        // Each item is keyed by what it shows: its sentence depends on more than the
        // edits (the answers a "None of these" drops, the checklist's words), so a key
        // made of the edits could keep an old sentence on screen.
        let items: Vec<(&str, String)> = ways
            .iter()
            .map(|&(direction, w)| {
                let class = match direction {
                    Direction::Up => "up",
                    Direction::Down => "down",
                };
                (class, describe(c, answers, w, direction))
            })
            .collect();
        let keys: Vec<u64> = items.iter().map(|(_, text)| text_key(text)).collect();
        self.0.show(&keys, &mut |i| {
            let (class, text) = &items[i];
            make(doc, "li", class, text)
        });
    }
}
