//! On paper, the result says where and when it came from: "From {address}, {date}."
//! under the card, shown only in print, so that a printed result can be traced back to
//! its page.
//!
//! Written whenever the result is (on the widget's start and on each change), so the
//! date is the result's. Rejected alternative: a `beforeprint` listener on the window
//! for the day of printing, which differs only for a page left open overnight and cost
//! a listener per widget. The address is the page's without its fragment (a share
//! link's answers are on the paper already), put in by a function (a `$` in an address
//! is not a replacement pattern); the date is ISO 8601 (2026-06-01), which no reader
//! misreads whatever the language of the page, written by the Swedish locale's format.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

use super::dom::el;

/// Adds the (empty, screen-hidden) line to `card`.
pub fn render(doc: &Document, card: &Node) -> Element {
    el(doc, card, "p", "printed", "")
}

#[wasm_bindgen(inline_js = "export function stamp(line, label) {
  line.textContent = label.replace('{address}', () => location.href.split('#')[0]).replace('{date}', new Date().toLocaleDateString('sv'));
}")]
extern "C" {
    /// Fills `line` from `label` with the page's address and today's date.
    pub fn stamp(line: &Element, label: &str);
}
