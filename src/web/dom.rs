//! The few DOM calls the widget makes, wrapped so the rest reads like markup.
//!
//! Every checklist text goes through `set_text_content`, never through HTML parsing:
//! an author's or a link's text cannot become markup, whatever it contains.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Document, Element, HtmlElement, Node};

/// Creates `<tag class="class">` with `text` (if any) and appends it to `parent`.
///
/// Infallible for the constant tag names the widget uses; if the DOM refuses anyway,
/// a JS exception (not a panic) ends the current call, and `entry.js` logs it. No `?`
/// at every call site keeps the reader's build smaller.
pub fn el(doc: &Document, parent: &Node, tag: &str, class: &str, text: &str) -> Element {
    let e = make(doc, tag, class, text);
    let _ = parent.append_child(&e);
    e
}

/// [`el`] without a parent: the element is not in the document yet.
pub fn make(doc: &Document, tag: &str, class: &str, text: &str) -> Element {
    let e = doc.create_element(tag).unwrap_throw();
    if !class.is_empty() {
        // `setAttribute` rather than `className`: one fewer import in the glue.
        let _ = e.set_attribute("class", class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e
}

/// A list whose items are keyed: an item's content is a function of its key alone, so
/// on an update the items whose key stays are left as they are, and only the added,
/// removed or moved ones touch the DOM.
///
/// Why not rebuild the list on every answer (as the first version did, and as the
/// benchmark's hand-written reference does): an answer changes one or two items of a
/// list, and recreating the rest cost a third of the change handler's time, plus the
/// style and layout of the new nodes.
pub struct Keyed {
    /// The list element.
    pub list: Element,
    items: RefCell<Vec<(u64, Element)>>,
}

impl Keyed {
    /// Manages `list`'s children (it must have none yet).
    pub fn new(list: Element) -> Keyed {
        Keyed {
            list,
            items: RefCell::new(Vec::new()),
        }
    }

    /// Makes the children the items for `keys`, in that order; `make(i)` creates the
    /// item for `keys[i]` when no current one has that key. Keys are unique.
    pub fn show(&self, keys: &[u64], make: &mut dyn FnMut(usize) -> Element) {
        let mut old = self.items.borrow_mut();
        if old.len() == keys.len() && old.iter().zip(keys).all(|((k, _), n)| k == n) {
            return;
        }
        old.retain(|(k, e)| {
            let keep = keys.contains(k);
            if !keep {
                e.remove();
            }
            keep
        });
        // `old` is now the kept items in document order. Walk the new order with a
        // cursor on the first kept item not yet placed: an item already there stays,
        // any other goes in before the cursor.
        let mut placed = vec![false; old.len()];
        let mut next = 0;
        let mut new = Vec::with_capacity(keys.len());
        for (i, &k) in keys.iter().enumerate() {
            while next < old.len() && placed[next] {
                next += 1;
            }
            let found = old.iter().position(|(o, _)| *o == k);
            if found == Some(next) {
                placed[next] = true;
                new.push((k, old[next].1.clone()));
                continue;
            }
            let e = match found {
                Some(p) => {
                    placed[p] = true;
                    old[p].1.clone()
                }
                None => make(i),
            };
            let before: Option<&Node> = old.get(next).map(|(_, e)| e.as_ref());
            let _ = self.list.insert_before(&e, before);
            new.push((k, e));
        }
        *old = new;
    }
}

/// A key for an item that shows `text`: a 64-bit FNV-1a hash of it, so that an item is
/// kept exactly when its text is (two different sentences on one list sharing a hash is
/// a chance of about one in 10^19).
pub fn text_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A headed block of the result with a keyed list in it, hidden while the list is empty.
pub struct Block {
    /// The block (heading and list).
    pub block: Element,
    /// The list.
    pub list: Keyed,
}

impl Block {
    /// `<div class="class"><h4>heading</h4><tag part="part"></tag></div>` in `parent`,
    /// hidden until it has items.
    pub fn new(
        doc: &Document,
        parent: &Node,
        class: &str,
        heading: &str,
        tag: &str,
        part: &str,
    ) -> Block {
        let block = el(doc, parent, "div", class, "");
        let _ = block.set_attribute("hidden", "");
        el(doc, &block, "h4", "", heading);
        let list = el(doc, &block, tag, "", "");
        if !part.is_empty() {
            let _ = list.set_attribute("part", part);
        }
        Block {
            block,
            list: Keyed::new(list),
        }
    }

    /// Shows the items for `keys` (see [`Keyed::show`]), and the block only if any.
    pub fn show(&self, keys: &[u64], make: &mut dyn FnMut(usize) -> Element) {
        self.list.show(keys, make);
        show(&self.block, !keys.is_empty());
    }
}

/// Shows or hides `e` (the `hidden` attribute), touching it only on a change.
pub fn show(e: &Element, on: bool) {
    if e.has_attribute("hidden") == on {
        let _ = e.toggle_attribute_with_force("hidden", !on);
    }
}

/// Sets several attributes (constant, valid names: setting cannot fail).
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) {
    for (k, v) in pairs {
        let _ = e.set_attribute(k, v);
    }
}

/// Removes every child of `node`, in one DOM call (`textContent = null`).
pub fn clear(node: &Node) {
    node.set_text_content(None);
}

/// Sets the text of `e` only if it differs, so live regions announce real changes only.
pub fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

/// Moves the keyboard focus to `e` (scrolled into view), one of the widget's own HTML
/// elements (not checked: `focus` is an `HTMLElement` method every element it passes has).
pub fn focus(e: &Element) {
    let _ = e.unchecked_ref::<HtmlElement>().focus();
}

/// Casts a node to a concrete element type.
pub fn cast<T: JsCast>(v: impl Into<JsValue>) -> Option<T> {
    v.into().dyn_into::<T>().ok()
}
