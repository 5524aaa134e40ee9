//! The web layer: the body of the `<ai-cert-check>` custom element.
//!
//! The element class itself is a few lines of JavaScript (`src/element/entry.js`):
//! defining a custom element needs `class extends HTMLElement`, which Rust cannot
//! express. On connect it calls [`mount`], which renders into an open shadow root and
//! returns a [`Widget`]; on disconnect it frees the widget, and dropping the widget drops
//! its event listeners (owned `gloo_events::EventListener`s: answers and buttons on its
//! shadow root; another tab's answers, a share link opened in the tab and leaving the
//! page on the window). Tearing an instance down is dropping it.
//!
//! This file is the module map and the mount. Where things are: `api.rs` is the JS API
//! (`mount`, the `Widget` handle and its methods); `instance.rs` does what each answer
//! and button does (the buttons' actions are `Action`, in `actions.rs`); `questions.rs`
//! renders the form; `view.rs` puts the result's parts together (`bar.rs`, `chart.rs`,
//! `reasons.rs`, `steps.rs`, `changes.rs`, `reading.rs`, `actions.rs`); `keep.rs` saves
//! answers and reads share links; `detail.rs` builds the events' details and dispatches
//! them; `style.rs` adopts the stylesheet (`src/element/style.css`); `custom.rs` is the
//! build for hosts' own checklists; `alloc.rs` the allocator. `place.rs` keeps the
//! reader's place on a reload; `stamp.rs` puts the page's address and the date under the
//! result on paper; `fold.rs` folds answered sections to one line each.
//!
//! This module and its children are the only code naming wasm-bindgen, web-sys, js-sys
//! or gloo (`tests/boundaries.rs` checks it).

mod actions;
pub mod alloc;
mod api;
mod bar;
mod changes;
mod chart;
#[cfg(feature = "custom")]
mod custom;
mod detail;
mod dom;
mod elsewhere;
mod fold;
mod instance;
mod keep;
mod place;
mod questions;
mod reading;
mod reasons;
mod stamp;
mod steps;
mod style;
mod view;

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::engine::text::{fill_text, push_number};
use crate::{evaluate, Answers, Checklist};
use actions::Action;
#[cfg(not(feature = "custom"))]
pub use api::mount;
pub use api::Widget;
use detail::dispatch;
use dom::cast;
use instance::{Held, Instance};
use style::style;

thread_local! {
    /// Makes ids unique across instances (ids are scoped per shadow root, but a
    /// reader's assistive tech may flatten; unique is safer).
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// The host's shadow root, attached (open) on first use.
fn shadow(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(r) => Ok(r),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// Mounts any validated checklist: the built-in one, or (custom build) an author's.
fn mount_checklist(host: HtmlElement, checklist: Held, links: JsValue) -> Result<Widget, JsValue> {
    let doc = host.owner_document().ok_or("no document")?;
    let root = shadow(&host)?;
    let uid = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        let mut uid = String::from("acc");
        push_number(&mut uid, n.get() as usize);
        uid
    });
    let c: &Checklist = Deref::deref(&checklist);
    // Only an object is asked: `Reflect.get` on anything else throws, and a thrown
    // exception held one JS reference per call that was never given back (found by
    // `tests/web.rs`, which counts them across 50 mounts).
    let links = c
        .reading
        .iter()
        .map(|r| {
            if !links.is_object() {
                return None;
            }
            js_sys::Reflect::get(&links, &JsValue::from_str(&r.id))
                .ok()
                .and_then(|v| v.as_string())
        })
        .collect();
    let view = view::render(&doc, &root, c, &uid, links);
    style(&root);
    let mut saved = keep::Saved::open(&host, c);
    let (mut answers, again) = saved
        .load(c)
        .unwrap_or_else(|| (Answers::new(c), Vec::new()));
    let mut notice = (!again.is_empty()).then(|| answer_again(c, &again));
    answers.drop_unasked(c);
    for q in 0..c.questions.len() {
        view.questions.sync(q, &answers);
    }
    view.update(&doc, c, &answers, &evaluate(c, &answers), false);
    if saved.unavailable {
        notice = Some(c.labels.storage_unavailable.to_string());
    }
    if let Some(text) = &notice {
        view.actions.say(text, false);
    }
    let instance = Rc::new(Instance {
        host: host.clone(),
        doc,
        checklist,
        answers: RefCell::new(answers),
        saved: RefCell::new(saved),
        cleared: RefCell::new(None),
        shared: RefCell::new(None),
        view,
    });
    // A share link for this checklist in the page's address is shown, read-only, in
    // place of the saved answers, which stay as they are; one that cannot be used is
    // ignored whole, with a notice (`elsewhere.rs`, which also does it when a link is
    // opened in this tab later).
    instance.on_link();
    // A reload takes the reader back to their place (`place.rs`). A reader arriving
    // with saved answers on a new visit (not a reload, whose place is kept as it was)
    // sees the answered sections folded (a share link's are folded by `on_link`).
    let keeps = instance.saved.borrow().keeps();
    if place::arrive(keeps) {
        fold::fold(&instance.view.questions.form, fold::FOLD);
    }
    let weak = Rc::downgrade(&instance);
    let on_change = EventListener::new(&root, "change", move |event| {
        if let (Some(instance), Some(input)) = (
            weak.upgrade(),
            event.target().and_then(cast::<HtmlInputElement>),
        ) {
            instance.on_input(&input);
        }
    });
    let weak = Rc::downgrade(&instance);
    // A button's action (a section's title folds it), or none for a tap on an option
    // (`on_tap` says why a shared link's answers cannot be changed).
    let on_click = EventListener::new(&root, "click", move |event| {
        let target = event
            .target()
            .and_then(cast::<Element>)
            .and_then(|t| t.closest("button[data-action],label").ok().flatten());
        if let (Some(instance), Some(target)) = (weak.upgrade(), target) {
            match target
                .get_attribute("data-action")
                .and_then(|name| Action::named(&name))
            {
                Some(Action::Fold) => fold::fold(&target, fold::TOGGLE),
                Some(action) => instance.on_action(action),
                None => instance.on_tap(),
            }
        }
    });
    let on_leave = instance
        .doc
        .default_view()
        .map(|w| EventListener::new(&w, "pagehide", move |_| place::leave(keeps)));
    dispatch(&host, "ai-cert-check-ready", &JsValue::UNDEFINED);
    Ok(Widget {
        _listeners: [on_change, on_click],
        _window: elsewhere::listen(&instance),
        _leave: on_leave,
        instance,
    })
}

/// What to tell a reader whose answers were given to an earlier version of the
/// checklist and name options that are gone: the questions to answer again.
fn answer_again(c: &Checklist, questions: &[usize]) -> String {
    let l = &c.labels;
    let names: Vec<String> = questions
        .iter()
        .map(|&q| fill_text(&l.quote, &[("{text}", &c.questions[q].text)]))
        .collect();
    fill_text(
        &l.answer_again,
        &[("{questions}", &crate::engine::text::list(&names, &l.and))],
    )
}
