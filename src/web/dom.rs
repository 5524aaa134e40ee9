//! The few DOM calls the widget makes, wrapped so the rest reads like markup.
//!
//! Every checklist text goes through `set_text_content`, never through HTML parsing:
//! an author's or a link's text cannot become markup, whatever it contains.

use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Document, Element, Node};

/// Creates `<tag class="class">` with `text` (if any) and appends it to `parent`.
///
/// Infallible for the constant tag names the widget uses; if the DOM refuses anyway,
/// a JS exception (not a panic) ends the current call, and `entry.js` logs it. No `?`
/// at every call site keeps the reader's build smaller.
pub fn el(doc: &Document, parent: &Node, tag: &str, class: &str, text: &str) -> Element {
    let e = doc.create_element(tag).unwrap_throw();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    let _ = parent.append_child(&e);
    e
}

/// Sets several attributes (constant, valid names: setting cannot fail).
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) {
    for (k, v) in pairs {
        let _ = e.set_attribute(k, v);
    }
}

/// Removes every child of `node`.
pub fn clear(node: &Node) {
    while let Some(child) = node.first_child() {
        let _ = node.remove_child(&child);
    }
}

/// Sets the text of `e` only if it differs, so live regions announce real changes only.
pub fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

/// Casts a node to a concrete element type.
pub fn cast<T: JsCast>(v: impl Into<JsValue>) -> Option<T> {
    v.into().dyn_into::<T>().ok()
}
