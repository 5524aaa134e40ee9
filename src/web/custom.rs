//! The build for pages that bring their own checklist (cargo feature `custom`).
//!
//! A host's checklist arrives as a JS object (the entry script fetched and parsed it, or
//! the host passed it to `mount`). It is read with serde, through serde-wasm-bindgen,
//! into the same [`crate::RawChecklist`] the native side reads, and validated by the
//! same [`crate::compile`]: one format, one set of rules, one set of messages. That
//! costs bytes, so it lives in its own `.wasm` that only such pages load; the default
//! build names none of this.
//!
//! Why serde-wasm-bindgen and not a reader of our own: hostile input goes through this
//! path, and a well-tested library is worth more there than the bytes it costs (6.5 KB
//! gzip on the page, with the copy below; much of it the float formatting its error
//! messages reach; measured in `docs/performance.md`). A hand-written deserializer
//! (`js_de.rs`) saved them until issue 18.
//!
//! A checklist with problems is not shown: the widget lists its problems (at most
//! `MAX_PROBLEMS`, then a count of the rest) with their paths and hints in place of the
//! checklist, logs them to the console, and fires `ai-cert-check-invalid`. The host
//! page is untouched either way.
//!
//! A checklist arrives as JSON text (a file, an inline script: its size and nesting are
//! checked on the text, then `JSON.parse` reads it) or as an object (the JS API: checked
//! as a tree). Only an object's own properties are read: a host page whose
//! `Object.prototype` was polluted does not add fields to a checklist. serde-wasm-bindgen
//! reads a struct's fields with `object[field]` and `field in object`, which follow the
//! prototype chain, and an array's items by index, which reaches `Array.prototype` at a
//! hole. So, once the limits are checked, the checklist is copied ([`own_copy`]) into
//! objects and arrays of its own properties with no prototype, and only that copy is
//! walked and deserialized: an inherited field has nowhere to come from.
//!
//! `entry.js` gives every element a copy of this build of its own (see
//! `custom-entry.js`), so nothing here is shared between two checklists.

use std::rc::Rc;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::detail::dispatch;
use super::dom::{attrs, clear, el};
use super::style::style;
use super::{mount_checklist, shadow, Widget};
use crate::{
    check_size, check_text, check_tree, invalid_heading, parse, Checklist, Problem, ProblemKind,
    Tree, MAX_NESTING, MAX_VALUES,
};

/// A JS value as a tree the engine's path-aware reader can walk.
struct Js(JsValue);

/// `object[key]` if `object` is an object (not an array) that has it as its own
/// property: inherited ones are never read.
#[inline(never)]
pub(super) fn own(object: &JsValue, key: &JsValue) -> Option<JsValue> {
    if !object.is_object() || Array::is_array(object) {
        return None;
    }
    if !Object::has_own(object.unchecked_ref::<Object>(), key) {
        return None;
    }
    Reflect::get(object, key).ok()
}

/// The items of an array, a hole (no own item at that index) as `undefined`: an
/// inherited `Array.prototype[0]` is never read.
#[inline(never)]
pub(super) fn own_items(array: &JsValue) -> Option<Vec<JsValue>> {
    let array = array
        .dyn_ref::<Array>()
        .filter(|_| Array::is_array(array))?;
    Some(
        (0..array.length())
            .map(|i| {
                let index = JsValue::from(i);
                if Object::has_own(array.unchecked_ref::<Object>(), &index) {
                    array.get(i)
                } else {
                    JsValue::UNDEFINED
                }
            })
            .collect(),
    )
}

impl Tree for Js {
    fn field(&self, key: &str) -> Option<Self> {
        let v = own(&self.0, &JsValue::from_str(key))?;
        (!v.is_undefined()).then_some(Js(v))
    }

    fn items(&self) -> Option<Vec<Self>> {
        Some(own_items(&self.0)?.into_iter().map(Js).collect())
    }

    fn keys(&self) -> Option<Vec<String>> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return None;
        }
        let keys = Object::keys(self.0.unchecked_ref::<Object>());
        Some(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    /// Only ever called on an [`own_copy`] (see [`read`]).
    fn deserialize<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        serde_wasm_bindgen::from_value(self.0.clone()).map_err(message)
    }
}

/// What a serde-wasm-bindgen error says, in serde_json's words where the library's
/// would not help an author.
///
/// serde's own errors are JS `Error`s whose message is serde's ("missing field
/// `text`"). Two of them are reworded:
/// - an object or array found where something else was expected is named by its debug
///   form, `JsValue(Object({...}))` or `JsValue([...])`, the whole value as JSON; it is
///   said as serde_json says it, "map" or "sequence";
/// - the other kind of error is an exception from JavaScript itself. On a copy (plain
///   data, no prototypes, no getters) the one that can happen is `Reflect.get` refusing
///   a string, number or boolean where a list was expected (the library asks it for an
///   iterator), whose own words ("called on non-object") say nothing to an author.
///
/// Numbers keep the library's words: a JS number is found as a "floating point" even
/// when whole (`42.0`), where serde_json says "integer `42`".
fn message(e: serde_wasm_bindgen::Error) -> String {
    let e = js_sys::Error::from(JsValue::from(e));
    if e.name() != "Error" {
        return "invalid type: a string, number or boolean, expected a sequence".to_string();
    }
    let text = String::from(e.message());
    let found = match text.strip_prefix("invalid type: JsValue(") {
        Some(rest) if rest.starts_with("Object(") => "map",
        Some(rest) if rest.starts_with('[') => "sequence",
        _ => return text,
    };
    // The last "), expected ", found by hand: `str::rfind` with a string brings the
    // standard two-way searcher (1.7 KB) into this build for this one search.
    let needle = b"), expected ";
    match text
        .as_bytes()
        .windows(needle.len())
        .rposition(|w| w == needle)
    {
        Some(at) => {
            let mut said = String::from("invalid type: ");
            said.push_str(found);
            said.push_str(&text[at + 1..]);
            said
        }
        None => text,
    }
}

/// A copy of `value` made of its own properties only: every object a prototype-less
/// object of its own enumerable string-keyed properties, every array a prototype-less
/// array of its own items (a hole as `undefined`), every other value as it is. The
/// copy has no getters and nothing to inherit, so whatever reads it (the walker,
/// serde-wasm-bindgen) sees own properties and nothing else.
///
/// Made after [`check_tree`] passed, so nesting and size are within the limits; a host's
/// getter could still return something else the second time it is read, so the copy
/// keeps its own bounds: nothing below `MAX_NESTING + 1` levels and at most
/// `MAX_VALUES` values are copied (the rest is `undefined`), and its recursion is never
/// deeper than that. The copy is checked again by [`parse`].
fn own_copy(value: &JsValue, depth: usize, budget: &mut usize) -> JsValue {
    if *budget == 0 || depth > MAX_NESTING + 1 {
        return JsValue::UNDEFINED;
    }
    *budget -= 1;
    if let Some(items) = own_items(value) {
        let copy = Array::new_with_length(items.len() as u32);
        Object::set_prototype_of(&copy, &null());
        for (i, item) in items.iter().enumerate() {
            copy.set(i as u32, own_copy(item, depth + 1, budget));
        }
        copy.into()
    } else if value.is_object() {
        let copy = Object::create(&null());
        for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
            if let Some(item) = own(value, &key) {
                let _ = Reflect::set(&copy, &key, &own_copy(&item, depth + 1, budget));
            }
        }
        copy.into()
    } else {
        value.clone()
    }
}

/// `null`, as the prototype of an object or array.
fn null() -> Object {
    JsValue::NULL.unchecked_into()
}

fn problems_to_js(problems: &[Problem]) -> Array {
    let list = Array::new();
    for p in problems {
        let o = Object::new();
        let _ = Reflect::set(&o, &"kind".into(), &JsValue::from_str(p.kind.as_str()));
        let _ = Reflect::set(&o, &"path".into(), &JsValue::from_str(&p.path));
        let _ = Reflect::set(&o, &"message".into(), &JsValue::from_str(&p.message));
        let _ = Reflect::set(&o, &"hint".into(), &JsValue::from_str(&p.hint));
        list.push(&o);
    }
    list
}

/// Reads a checklist given as JSON text or as an object.
fn read(checklist: JsValue) -> Result<Checklist, Vec<Problem>> {
    let value = match checklist.dyn_ref::<JsString>() {
        Some(text) => {
            // UTF-16 units are never more than UTF-8 bytes: a text longer than the limit
            // in units is refused before it is copied into this build's memory.
            check_size(text.length() as usize).map_err(|p| vec![p])?;
            let text = String::from(text);
            check_text(&text).map_err(|p| vec![p])?;
            js_sys::JSON::parse(&text).map_err(|e| {
                let mut message = String::from("is not valid JSON: ");
                message.push_str(&String::from(js_sys::Error::from(e).message()));
                vec![Problem {
                    kind: ProblemKind::Syntax,
                    path: "$".to_string(),
                    message,
                    hint: "check the brackets, commas and quotes around that place".to_string(),
                }]
            })?
        }
        None => checklist,
    };
    // The limits on the value as given, then the copy that is read (own properties
    // only; see the module's documentation).
    check_tree(&Js(value.clone())).map_err(|p| vec![p])?;
    let mut budget = MAX_VALUES;
    parse(&Js(own_copy(&value, 0, &mut budget)))
}

/// The problems of `checklist` (JSON text, or a plain JS object in the checklist
/// format), as `[{ path, message, hint }]`; empty when it is valid.
#[wasm_bindgen]
pub fn validate(checklist: JsValue) -> Array {
    match read(checklist) {
        Ok(_) => Array::new(),
        Err(problems) => problems_to_js(&problems),
    }
}

/// Mounts an author's checklist (JSON text or an object) into `host`, or, if it has
/// problems, shows them in its place and returns `undefined`. `error` reports a problem
/// found before reading (the file could not be fetched); `links` as for `mount`.
#[wasm_bindgen]
pub fn mount_custom(
    host: HtmlElement,
    checklist: JsValue,
    links: JsValue,
    error: Option<String>,
) -> Result<Option<Widget>, JsValue> {
    let parsed = match error {
        Some(message) => Err(vec![Problem {
            kind: ProblemKind::Load,
            path: "$".to_string(),
            message,
            hint: "check the address, and that the file is valid JSON".to_string(),
        }]),
        None => read(checklist),
    };
    match parsed {
        Ok(c) => mount_checklist(host, Rc::new(c), links).map(Some),
        Err(problems) => {
            show_problems(&host, &problems)?;
            Ok(None)
        }
    }
}

fn show_problems(host: &HtmlElement, problems: &[Problem]) -> Result<(), JsValue> {
    let doc = host.owner_document().ok_or("no document")?;
    let root = shadow(host)?;
    clear(root.as_ref());
    style(&root);
    let wrap = el(&doc, root.as_ref(), "div", "wrap problems", "");
    attrs(&wrap, &[("part", "problems"), ("role", "alert")]);
    // The nearest `lang`, as entry.js takes it for the built-in checklist.
    let lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    el(&doc, &wrap, "h2", "title", invalid_heading(&lang));
    let list = el(&doc, &wrap, "ul", "", "");
    for p in problems {
        let li = el(&doc, &list, "li", "", "");
        el(&doc, &li, "code", "path", &p.path);
        el(&doc, &li, "span", "", ": ");
        el(&doc, &li, "span", "", &p.message);
        if !p.hint.is_empty() {
            el(&doc, &li, "span", "hint", &p.hint);
        }
        web_sys::console::error_1(&JsValue::from_str(&format!("<ai-cert-check>: {p}")));
    }
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"problems".into(), &problems_to_js(problems));
    dispatch(host, "ai-cert-check-invalid", &detail);
    Ok(())
}
