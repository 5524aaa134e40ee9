//! Why: the deciding reason first, then the strongest reasons for and against a
//! certification under their own headings, and the judgement of the program the reader
//! picked, apart from their verdict. Each item is the reason's own sentence, which
//! names the answer it comes from; nothing restates the question.

use web_sys::{Document, Element, Node};

use super::dom::{el, make, set_text, show, Block};
use crate::{Cause, Checklist, Outcome, Reason};

/// The reasons' changing parts.
pub struct Reasons {
    decisive_block: Element,
    decisive: Element,
    pros: Block,
    cons: Block,
    offer: Block,
}

/// A key that is the same exactly when the item's text is.
fn key(cause: Cause) -> u64 {
    match cause {
        Cause::Answer { question, option } => ((question as u64) << 8) | option as u64,
        Cause::Rule(r) => 1 << 32 | r as u64,
    }
}

impl Reasons {
    /// Renders the (empty) reasons into `parent`.
    pub fn render(doc: &Document, parent: &Node, c: &Checklist) -> Reasons {
        let l = &c.labels;
        let why = el(doc, parent, "div", "why", "");
        let _ = why.set_attribute("part", "reasons");
        let decisive_block = el(doc, &why, "div", "decisive", "");
        let _ = decisive_block.set_attribute("hidden", "");
        el(doc, &decisive_block, "h4", "", &l.push_cap);
        let decisive = el(doc, &decisive_block, "p", "", "");
        Reasons {
            decisive_block,
            decisive,
            pros: Block::new(doc, &why, "pros", &l.push_up, "ul", ""),
            cons: Block::new(doc, &why, "cons", &l.push_down, "ul", ""),
            offer: Block::new(doc, parent, "offer", &l.offer_heading, "ul", "offer"),
        }
    }

    /// Shows the reasons of `out`.
    pub fn update(&self, doc: &Document, c: &Checklist, out: &Outcome) {
        show(&self.decisive_block, out.decisive.is_some());
        if let Some(d) = out.decisive {
            set_text(&self.decisive, d.cause.text(c));
        }
        let list = |block: &Block, reasons: &[Reason]| {
            let keys: Vec<u64> = reasons.iter().map(|r| key(r.cause)).collect();
            block.show(&keys, &mut |i| {
                make(doc, "li", "", reasons[i].cause.text(c))
            });
        };
        list(&self.pros, &out.reasons_for);
        list(&self.cons, &out.reasons_against);
        let keys: Vec<u64> = out
            .offer_reasons
            .iter()
            .map(|&(question, option)| key(Cause::Answer { question, option }))
            .collect();
        self.offer.show(&keys, &mut |i| {
            let (q, o) = out.offer_reasons[i];
            make(doc, "li", "", &c.questions[q].options[o].reason)
        });
        let poor = out.offer == crate::OfferJudgement::Poor;
        let _ = self
            .offer
            .block
            .toggle_attribute_with_force("data-poor", poor);
    }
}
