//! Answered sections fold to one line each: the section's title and the answers chosen,
//! so that a reader who has answered sees the result without scrolling past every
//! question (on a phone the questions alone are about five screens).
//!
//! Each section's title is a button (`aria-expanded`) inside its heading, the accordion
//! pattern of the ARIA Authoring Practices: Enter, Space or a tap folds and unfolds it,
//! screen readers hear whether it is expanded and still find the section's heading, and
//! a folded section's questions are out of the page (`display: none`: out of the tab
//! order and of the accessibility tree). The button shows the answers chosen beside the
//! title while folded. Rejected alternative: `<details>`/`<summary>`, which folds with no
//! code at all, but whose summary hides the heading inside it from screen readers
//! (Chromium exposes it as a disclosure, not a heading) and which adds an unnamed group.
//!
//! The widget folds sections itself only when a reader arrives with answers (a share
//! link, or a return visit with saved ones): the answered sections fold, the result
//! follows. It never folds one while the reader answers (their place would move), and
//! unfolds them all when the answers are cleared or a shared view ends.

use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Only writes the answers chosen.
pub const KEEP: u32 = 0;
/// Folds every section whose questions asked are all answered.
pub const FOLD: u32 = 1;
/// Unfolds every section.
pub const UNFOLD: u32 = 2;
/// Folds or unfolds the section whose title was activated.
pub const TOGGLE: u32 = 3;

#[wasm_bindgen(inline_js = "export function fold(node, how) {
  for (const s of node.closest('form').querySelectorAll('section')) {
    let chosen = '';
    let answered = true;
    for (const i of s.querySelectorAll(':checked')) chosen += (chosen && ';') + ' ' + i.parentNode.textContent;
    for (const f of s.querySelectorAll('fieldset:not([hidden])')) answered &&= !!f.querySelector(':checked');
    s.querySelector('.chosen').textContent = chosen;
    if (how) {
      const on = how > 2 ? s.hasAttribute('data-folded') != s.contains(node) : how < 2 && answered;
      s.toggleAttribute('data-folded', on);
      s.querySelector('.fold').ariaExpanded = !on;
    }
  }
}")]
extern "C" {
    /// Writes each section's chosen answers into its title's button (what a folded
    /// section shows, each after a space: the button's name reads "Your goal Get a
    /// promotion"), then folds or unfolds as `how` says: [`KEEP`] (after every change),
    /// [`FOLD`], [`UNFOLD`], or [`TOGGLE`] the section of `node`, a title's button
    /// (otherwise `node` is the form). One function rather than four: each import costs
    /// its glue. Plain loops, no `Array.prototype` method: a host page may have patched
    /// them (`tests/e2e/security.test.mjs` patches `map` to throw).
    pub fn fold(node: &Element, how: u32);
}
