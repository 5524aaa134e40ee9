//! Related reading: at most three titles fitted to the verdict, chosen by the engine; a
//! title is a link when the host (or the checklist) gives it a safe address, and plain
//! text otherwise.

use web_sys::{Document, Node};

use super::dom::{attrs, el, make, Block};
use crate::engine::link::is_safe_href;
use crate::{Checklist, Outcome};

/// The reading list.
pub struct ReadingList {
    block: Block,
    /// The host's address for each related reading, if it gave one.
    links: Vec<Option<String>>,
}

impl ReadingList {
    /// Renders the (empty) list into `parent`; `links` are the host's addresses.
    pub fn render(
        doc: &Document,
        parent: &Node,
        c: &Checklist,
        links: Vec<Option<String>>,
    ) -> ReadingList {
        ReadingList {
            block: Block::new(
                doc,
                parent,
                "reading",
                &c.labels.reading_heading,
                "ul",
                "reading",
            ),
            links,
        }
    }

    /// Shows the reading of `out`.
    pub fn update(&self, doc: &Document, c: &Checklist, out: &Outcome) {
        let keys: Vec<u64> = out.reading.iter().map(|&i| i as u64).collect();
        self.block.show(&keys, &mut |n| {
            let i = out.reading[n];
            let r = &c.reading[i];
            let li = make(doc, "li", "", "");
            let host_link = self.links.get(i).and_then(|l| l.as_deref());
            match host_link.or(r.href.as_deref()).filter(|h| is_safe_href(h)) {
                Some(href) => {
                    let a = el(doc, &li, "a", "", &r.title);
                    attrs(&a, &[("href", href), ("rel", "noopener")]);
                }
                None => li.set_text_content(Some(&r.title)),
            }
            li
        });
    }
}
