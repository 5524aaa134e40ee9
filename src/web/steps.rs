//! Next steps: at most three, chosen by the engine from the checklist's own list for
//! these answers and this verdict.

use web_sys::{Document, Node};

use super::dom::{make, Block};
use crate::{Checklist, Outcome};

/// The next steps' list.
pub struct Steps(Block);

impl Steps {
    /// Renders the (empty) list into `parent`.
    pub fn render(doc: &Document, parent: &Node, c: &Checklist) -> Steps {
        Steps(Block::new(
            doc,
            parent,
            "steps",
            &c.labels.next_steps_heading,
            "ol",
            "next-steps",
        ))
    }

    /// Shows the steps of `out`.
    pub fn update(&self, doc: &Document, c: &Checklist, out: &Outcome) {
        let keys: Vec<u64> = out.next_steps.iter().map(|&s| s as u64).collect();
        self.0.show(&keys, &mut |i| {
            make(doc, "li", "", &c.steps[out.next_steps[i]].text)
        });
    }
}
