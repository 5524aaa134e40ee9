//! The build for pages that bring their own checklist (cargo feature `custom`).
//!
//! A host's checklist arrives as a JS object (the entry script fetched and parsed it, or
//! the host passed it to `mount`). It is read with serde (through the small deserializer
//! in `js_de.rs`) into the same [`crate::RawChecklist`] the native side reads, and validated by the same
//! [`crate::compile`]: one format, one set of rules, one set of messages. That costs
//! bytes, so it lives in its own `.wasm` that only such pages load; the default build
//! names none of this.
//!
//! A checklist with problems is not shown: the widget lists every problem with its path
//! and hint in place of the checklist, logs them to the console, and fires
//! `ai-cert-check-invalid`. The host page is untouched either way.

use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::dom::{attrs, clear, el};
use super::{dispatch, mount_checklist, shadow, style, Widget};
use crate::{invalid_heading, parse, Problem, Tree};

/// A JS value as a tree the engine's path-aware reader can walk.
struct Js(JsValue);

impl Tree for Js {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return None;
        }
        let v = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined()).then_some(Js(v))
    }

    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).iter().map(Js).collect())
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
        let _ = Reflect::set(&o, &"path".into(), &JsValue::from_str(&p.path));
        let _ = Reflect::set(&o, &"message".into(), &JsValue::from_str(&p.message));
        let _ = Reflect::set(&o, &"hint".into(), &JsValue::from_str(&p.hint));
        list.push(&o);
    }
    list
}

/// Every problem of `checklist` (a plain JS object in the checklist format), as
/// `[{ path, message, hint }]`; empty when it is valid.
#[wasm_bindgen]
pub fn validate(checklist: JsValue) -> Array {
    match parse(&Js(checklist)) {
        Ok(_) => Array::new(),
        Err(problems) => problems_to_js(&problems),
    }
}

/// Mounts an author's checklist into `host`, or, if it has problems, shows them in its
/// place and returns `undefined`. `error` reports a problem found before parsing (the
/// file could not be fetched, or is not JSON); `links` as for `mount`.
#[wasm_bindgen]
pub fn mount_custom(
    host: HtmlElement,
    checklist: JsValue,
    links: JsValue,
    error: Option<String>,
) -> Result<Option<Widget>, JsValue> {
    let parsed = match error {
        Some(message) => Err(vec![Problem {
            path: "$".to_string(),
            message,
            hint: "check the address, and that the file is valid JSON".to_string(),
        }]),
        None => parse(&Js(checklist)),
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
    dispatch(host, "invalid", &detail);
    Ok(())
}
