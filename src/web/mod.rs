//! The web layer: the body of the `<ai-cert-check>` custom element.
//!
//! The element class itself is a few lines of JavaScript (`entry.js`): defining a custom
//! element needs `class extends HTMLElement`, which Rust cannot express. On connect it
//! calls [`mount`], which renders into an open shadow root and returns a [`Widget`]; on
//! disconnect it frees the widget, and dropping the widget drops its one event listener
//! (an owned `gloo_events::EventListener`). Tearing an instance down is dropping it.
//!
//! This module and its children are the only code naming wasm-bindgen, web-sys, js-sys
//! or gloo (`tests/boundaries.rs` checks it).

mod alloc;
mod chart;
#[cfg(feature = "custom")]
mod custom;
mod detail;
mod dom;
mod view;

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, HtmlElement, HtmlInputElement,
    ShadowRoot, ShadowRootInit, ShadowRootMode,
};

#[cfg(not(feature = "custom"))]
use crate::builtin;
use crate::{evaluate, Answers, Checklist};
use dom::{cast, el};
use view::View;

/// Events are named `<prefix>-ready` and `<prefix>-change`.
const PREFIX: &str = "ai-cert-check";
/// `style.css`, minified by `build.rs`.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

#[global_allocator]
static ALLOC: alloc::SizeClasses = alloc::SizeClasses::new();

thread_local! {
    /// One stylesheet object shared by every instance on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Makes ids unique across instances (ids are scoped per shadow root, but a
    /// reader's assistive tech may flatten; unique is safer).
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget. Dropping it (JS: `free()`) removes its listener; the rendered
/// content stays until the host is removed or mounted again.
#[wasm_bindgen]
pub struct Widget {
    _listener: EventListener,
    _instance: Rc<Instance>,
}

struct Instance {
    host: HtmlElement,
    doc: Document,
    checklist: Cow<'static, Checklist>,
    answers: RefCell<Answers>,
    view: View,
}

/// Renders the built-in checklist into `host`'s shadow root and makes it answerable.
/// Fires `ai-cert-check-ready` on `host` when done.
///
/// `links` maps related-reading ids to the host's addresses (`{ "employers-care":
/// "/posts/employers/" }`); it may be `undefined`. Addresses that are not http(s),
/// relative or mailto are ignored.
///
/// Not in the custom build (which has no use for the built-in checklist's tables: the
/// entry script mounts built-in instances with the default build).
#[cfg(not(feature = "custom"))]
#[wasm_bindgen]
pub fn mount(host: HtmlElement, links: JsValue) -> Result<Widget, JsValue> {
    mount_checklist(host, Cow::Borrowed(builtin()), links)
}

/// The host's shadow root, attached (open) on first use.
fn shadow(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(r) => Ok(r),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// Mounts any validated checklist: the built-in one, or (custom build) an author's.
fn mount_checklist(
    host: HtmlElement,
    checklist: Cow<'static, Checklist>,
    links: JsValue,
) -> Result<Widget, JsValue> {
    let doc = host.owner_document().ok_or("no document")?;
    let root = shadow(&host)?;
    let uid = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        let mut uid = String::from("acc");
        crate::push_number(&mut uid, n.get() as usize);
        uid
    });
    let c: &Checklist = &checklist;
    let links = c
        .reading
        .iter()
        .map(|r| {
            js_sys::Reflect::get(&links, &JsValue::from_str(&r.id))
                .ok()
                .and_then(|v| v.as_string())
        })
        .collect();
    let view = view::render(&doc, &root, c, &uid, links);
    style(&doc, &root);
    let answers = Answers::new(c);
    view.update(&doc, c, &answers, &evaluate(c, &answers));
    let instance = Rc::new(Instance {
        host: host.clone(),
        doc,
        checklist,
        answers: RefCell::new(answers),
        view,
    });
    let weak = Rc::downgrade(&instance);
    let listener = EventListener::new(&root, "change", move |event| {
        if let (Some(instance), Some(input)) = (
            weak.upgrade(),
            event.target().and_then(cast::<HtmlInputElement>),
        ) {
            instance.on_input(&input);
        }
    });
    dispatch(&host, "ready", &JsValue::UNDEFINED);
    Ok(Widget {
        _listener: listener,
        _instance: instance,
    })
}

impl Instance {
    fn on_input(&self, input: &HtmlInputElement) {
        let c: &Checklist = &self.checklist;
        let Some(q) = c.question_index(&input.name()) else {
            return;
        };
        let Some(o) = c.questions[q].option_index(&input.value()) else {
            return;
        };
        // Every borrow ends before the event goes out: a host handler may call back in.
        let (answers, outcome) = {
            let mut answers = self.answers.borrow_mut();
            answers.set(c, q, o, input.checked());
            self.view.sync_inputs(q, &answers);
            (answers.clone(), evaluate(c, &answers))
        };
        self.view.update(&self.doc, c, &answers, &outcome);
        let d = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&d, &"answers".into(), &detail::answers(c, &answers));
        let _ = js_sys::Reflect::set(&d, &"result".into(), &detail::result(c, &outcome));
        dispatch(&self.host, "change", &d);
    }
}

/// Adopts the shared stylesheet, or falls back to a `<style>` element where
/// constructable stylesheets are missing (older Safari).
fn style(doc: &Document, root: &ShadowRoot) {
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

fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let mut kind = String::from(PREFIX);
    kind.push('-');
    kind.push_str(name);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(&kind, &init) {
        let _ = host.dispatch_event(&e);
    }
}
