//! The build for pages that bring their own checklist (cargo feature `custom`).
//!
//! A host's checklist arrives as a JS object (the entry script fetched and parsed it, or
//! the host passed it to `mount`). It is read with serde (through the small deserializer
//! in `js_de.rs`) into the same [`crate::RawChecklist`] the native side reads, and validated by the same
//! [`crate::compile`]: one format, one set of rules, one set of messages. That costs
//! bytes, so it lives in its own `.wasm` that only such pages load; the default build
//! names none of this.
//!
//! A checklist with problems is not shown: the widget lists its problems (at most
//! `MAX_PROBLEMS`, then a count of the rest) with their paths and hints in place of the
//! checklist, logs them to the console, and fires `ai-cert-check-invalid`. The host
//! page is untouched either way.
//!
//! A checklist arrives as JSON text (a file, an inline script: its size and nesting are
//! checked on the text, then `JSON.parse` reads it) or as an object (the JS API: checked
//! as a tree). Only an object's own properties are read: a host page whose
//! `Object.prototype` was polluted does not add fields to a checklist.
//!
//! `entry.js` gives every element a copy of this build of its own (see
//! `custom-entry.js`), so nothing here is shared between two checklists.

use std::rc::Rc;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::dom::{attrs, clear, el};
use super::{dispatch, mount_checklist, shadow, style, Widget};
use crate::{
    check_size, check_text, invalid_heading, parse, Checklist, Problem, ProblemKind, Tree,
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

    fn deserialize<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        super::js_de::from_value(self.0.clone())
    }
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
    parse(&Js(value))
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
    style(&doc, &root);
    let wrap = el(&doc, root.as_ref(), "div", "wrap problems", "");
    attrs(&wrap, &[("part", "problems"), ("role", "alert")]);
    let lang = host.get_attribute("lang").unwrap_or_default();
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
