//! The widget's stylesheet (`src/element/style.css`, with `problems.css` in the build for
//! hosts' own checklists), minified by `build.rs` and adopted by every shadow root: one
//! constructable stylesheet per document, shared by every instance in it, which a strict
//! Content-Security-Policy allows (a `<style>` element it would block).
//!
//! Per document, because a constructable stylesheet belongs to the document whose
//! window made it: a shadow root in another document (an element moved into a
//! same-origin frame, a pop-out window, Document Picture-in-Picture) drops it, and
//! adopting it there throws `NotAllowedError`. So the sheet is made by the element's own
//! window, and [`style`] is called again when the element moves (`Widget::restyle`,
//! from the element's `adoptedCallback` in `src/element/entry.js`). Rejected: one sheet
//! made by the module's window for every instance, as before: a widget moved into a
//! frame lost its styles, and one mounted there failed.

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

/// `style.css`, minified by `build.rs`.
#[cfg(not(feature = "custom"))]
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));
/// `style.css` and `problems.css` (the problems view, which only this build shows).
#[cfg(feature = "custom")]
const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/style.min.css")),
    include_str!(concat!(env!("OUT_DIR"), "/problems.min.css"))
);

/// Adopts the stylesheet of `root`'s document, made on first use, or falls back to a
/// `<style>` element where constructable stylesheets are missing (older Safari; one
/// that moved with the element stays).
pub(super) fn style(root: &ShadowRoot) {
    adopt(root, CSS);
}

#[wasm_bindgen(inline_js = "const sheets = new WeakMap();
export function adopt(root, css) {
  const doc = root.ownerDocument;
  try {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new doc.defaultView.CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(doc, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    if (!root.querySelector('style')) root.append(Object.assign(doc.createElement('style'), { textContent: css }));
  }
}")]
extern "C" {
    fn adopt(root: &ShadowRoot, css: &str);
}
