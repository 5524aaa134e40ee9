//! The widget's stylesheet (`src/element/style.css`, with `problems.css` in the build for
//! hosts' own checklists), minified by `build.rs` and adopted by every shadow root: one
//! constructable stylesheet shared by every instance on the page, which a strict
//! Content-Security-Policy allows (a `<style>` element it would block).

use std::cell::RefCell;

use web_sys::{CssStyleSheet, Document, ShadowRoot};

use super::dom::el;

/// `style.css`, minified by `build.rs`.
#[cfg(not(feature = "custom"))]
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));
/// `style.css` and `problems.css` (the problems view, which only this build shows).
#[cfg(feature = "custom")]
const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/style.min.css")),
    include_str!(concat!(env!("OUT_DIR"), "/problems.min.css"))
);

thread_local! {
    /// One stylesheet object shared by every instance on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Adopts the shared stylesheet, or falls back to a `<style>` element where
/// constructable stylesheets are missing (older Safari).
pub(super) fn style(doc: &Document, root: &ShadowRoot) {
    let sheet = SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            if let Ok(sheet) = CssStyleSheet::new() {
                if sheet.replace_sync(CSS).is_ok() {
                    *s = Some(sheet);
                }
            }
        }
        s.clone()
    });
    match sheet {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            el(doc, root.as_ref(), "style", "", CSS);
        }
    }
}
