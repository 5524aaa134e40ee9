//! The web layer: the body of the `<ai-cert-check>` custom element.
//!
//! The element class itself is a few lines of JavaScript (`entry.js`): defining a custom
//! element needs `class extends HTMLElement`, which Rust cannot express. On connect it
//! calls [`mount`], which renders into an open shadow root and returns a [`Widget`]; on
//! disconnect it frees the widget, and dropping the widget drops its three event
//! listeners (owned `gloo_events::EventListener`s: answers and buttons on its shadow
//! root, leaving the page on the window). Tearing an instance down is dropping it.
//!
//! Where things are: `questions.rs` renders the form; `view.rs` puts the result's parts
//! together (`bar.rs`, `chart.rs`, `reasons.rs`, `steps.rs`, `changes.rs`,
//! `reading.rs`, `actions.rs`); `keep.rs` saves answers and reads share links;
//! `detail.rs` builds the events' details; `custom.rs` is the build for hosts' own
//! checklists.
//! `place.rs` keeps the reader's place on a reload.
//! `stamp.rs` puts the page's address and the date under the result on paper.
//! `fold.rs` folds answered sections to one line each.
//!
//! This module and its children are the only code naming wasm-bindgen, web-sys, js-sys
//! or gloo (`tests/boundaries.rs` checks it).

mod actions;
pub mod alloc;
mod bar;
mod changes;
mod chart;
#[cfg(feature = "custom")]
mod custom;
mod detail;
mod dom;
mod fold;
mod keep;
mod place;
mod questions;
mod reading;
mod reasons;
mod stamp;
mod steps;
mod view;

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, HtmlElement, HtmlInputElement,
    ShadowRoot, ShadowRootInit, ShadowRootMode,
};

#[cfg(not(feature = "custom"))]
use crate::builtin;
use crate::text::{fill_text, push_number};
use crate::{evaluate, Answers, Checklist, DecodeError};
use dom::{cast, el};
use view::View;

/// `style.css`, minified by `build.rs`.
#[cfg(not(feature = "custom"))]
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));
/// `style.css` and `problems.css` (the problems view, which only this build shows).
#[cfg(feature = "custom")]
const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/style.min.css")),
    include_str!(concat!(env!("OUT_DIR"), "/problems.min.css"))
);

#[global_allocator]
static ALLOC: alloc::SizeClasses = alloc::SizeClasses::new();

thread_local! {
    /// One stylesheet object shared by every instance on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Makes ids unique across instances (ids are scoped per shadow root, but a
    /// reader's assistive tech may flatten; unique is safer).
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget. Dropping it (JS: `free()`) removes its listeners; the rendered
/// content stays until the host is removed or mounted again.
///
/// Its methods are the host's API (`entry.js` wraps them): they read and set the
/// answers without firing events, which are for the reader's actions only.
#[wasm_bindgen]
pub struct Widget {
    _listeners: [EventListener; 3],
    instance: Rc<Instance>,
}

/// How an instance holds its checklist: the built-in one is static; the custom build's
/// are parsed at run time and owned. (Two types rather than one `Cow`, so the default
/// build carries no code for dropping a checklist it never owns.)
#[cfg(not(feature = "custom"))]
type Held = &'static Checklist;
#[cfg(feature = "custom")]
type Held = Rc<Checklist>;

struct Instance {
    host: HtmlElement,
    doc: Document,
    checklist: Held,
    answers: RefCell<Answers>,
    saved: RefCell<keep::Saved>,
    /// The answers before "Clear my answers", until the reader answers again: what
    /// "Undo" restores, and where the focus returns then.
    cleared: RefCell<Option<(Answers, Element)>>,
    /// A share link's answers, read-only until the reader keeps them or goes back to
    /// their own; nothing is saved meanwhile.
    shared: RefCell<Option<keep::SharedView>>,
    view: View,
}

#[wasm_bindgen]
impl Widget {
    /// The answers: `{ questionId: optionId | optionId[] }`.
    pub fn answers(&self) -> JsValue {
        let i = &self.instance;
        detail::answers(i.c(), &i.answers.borrow()).into()
    }

    /// The result, as in the `change` event's `detail.result`.
    pub fn result(&self) -> JsValue {
        let i = &self.instance;
        {
            let answers = i.answers.borrow();
            detail::result(i.c(), &answers, &evaluate(i.c(), &answers)).into()
        }
    }

    /// Replaces the answers with `question=option&question=option...` (`entry.js`
    /// writes it from the object the host passes). All or nothing: an unknown question
    /// or option throws and changes nothing.
    #[wasm_bindgen(js_name = setAnswers)]
    pub fn set_answers(&self, pairs: &str) -> Result<(), JsValue> {
        let i = &self.instance;
        let parsed = detail::parse_answers(i.c(), pairs)?;
        i.replace(parsed, None, false);
        Ok(())
    }

    /// Clears every answer (on screen and, if saving is on, in storage).
    pub fn reset(&self) {
        let i = &self.instance;
        i.replace(Answers::new(i.c()), None, false);
    }
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
    mount_checklist(host, builtin(), links)
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
    style(&doc, &root);
    // A share link for this checklist is shown, read-only, in place of the saved
    // answers, which stay as they are; a link that cannot be used is ignored whole,
    // with a notice.
    let mut saved = keep::Saved::open(&host, c);
    let mut notice = None;
    let mut shared = None;
    let answers = match keep::from_fragment(&doc, c) {
        Some(Ok(a)) => {
            let mine = saved.load(c).is_some();
            shared = keep::SharedView::show(&c.labels, view.questions.first_input(), mine);
            a
        }
        Some(Err(why)) => {
            let l = &c.labels;
            let why = match why {
                DecodeError::Damaged => &l.link_damaged,
                DecodeError::OtherChecklist => &l.link_other,
                DecodeError::FutureFormat => &l.link_future,
            };
            notice = Some(fill_text(&l.link_ignored, &[("{why}", why)]));
            saved.load(c).unwrap_or_else(|| Answers::new(c))
        }
        None => saved.load(c).unwrap_or_else(|| Answers::new(c)),
    };
    let mut answers = answers;
    answers.drop_unasked(c);
    for q in 0..c.questions.len() {
        view.questions.sync(q, &answers);
    }
    view.update(&doc, c, &answers, &evaluate(c, &answers), false);
    // A reload takes the reader back to their place (`place.rs`). A reader arriving
    // with answers (a share link, or saved ones on a new visit; not a reload, whose
    // place is kept as it was) sees the answered sections folded.
    let keeps = saved.keeps();
    let fresh = place::arrive(keeps);
    let window: web_sys::EventTarget = doc.default_view().ok_or("no window")?.into();
    if shared.is_some() || fresh {
        fold::fold(&view.questions.form, fold::FOLD);
    }
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
        shared: RefCell::new(shared),
        view,
    });
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
    // A button's action (a section's title folds it), or "" for a tap on an option
    // (`on_action` says why a shared link's answers cannot be changed).
    let on_click = EventListener::new(&root, "click", move |event| {
        let button = event
            .target()
            .and_then(cast::<Element>)
            .and_then(|t| t.closest("button[data-action],label").ok().flatten());
        if let (Some(instance), Some(button)) = (weak.upgrade(), button) {
            match button.get_attribute("data-action").unwrap_or_default() {
                action if action == "fold" => fold::fold(&button, fold::TOGGLE),
                action => instance.on_action(&action),
            }
        }
    });
    let on_leave = EventListener::new(&window, "pagehide", move |_| place::leave(keeps));
    dispatch(&host, "ai-cert-check-ready", &JsValue::UNDEFINED);
    Ok(Widget {
        _listeners: [on_change, on_click, on_leave],
        instance,
    })
}

impl Instance {
    fn c(&self) -> &Checklist {
        Deref::deref(&self.checklist)
    }

    fn on_input(&self, input: &HtmlInputElement) {
        let c = self.c();
        // The attributes the view set (the properties would cost two more imports).
        let attr = |name| input.get_attribute(name).unwrap_or_default();
        let Some(q) = c.question_index(&attr("name")) else {
            return;
        };
        let Some(o) = c.questions[q].option_index(&attr("value")) else {
            return;
        };
        let mut answers = self.answers.borrow().clone();
        answers.set(c, q, o, input.checked());
        self.cleared.replace(None);
        self.view.actions.no_undo();
        self.replace(answers, Some(q), true);
    }

    /// Ends the shared view if one shows; whether one did.
    fn end_shared(&self) -> bool {
        let view = self.shared.borrow_mut().take();
        view.map(keep::SharedView::end).is_some()
    }

    fn on_action(&self, action: &str) {
        let c = self.c();
        let l = &c.labels;
        let actions = &self.view.actions;
        // A tap on an option of a shared link's answers (read-only): why, and how to
        // answer for oneself, in the bar.
        if action.is_empty() {
            if self.shared.borrow().is_some() {
                actions.say(&l.shared_notice, false);
            }
            return;
        }
        // "Keep these answers" and "Back to my answers" end a shared view: keeping
        // saves its answers as the reader's own (no answer changes, so no change event);
        // going back shows the reader's saved ones instead.
        if action == "keep" || action == "mine" {
            self.end_shared();
            fold::fold(&self.view.questions.form, fold::UNFOLD);
            let next = match action {
                "keep" => Some(self.answers.borrow().clone()),
                _ => self.saved.borrow_mut().load(c),
            };
            self.replace(
                next.unwrap_or_else(|| Answers::new(c)),
                None,
                action == "mine",
            );
            // (Unless saving them failed: the bar says that instead.)
            if action == "keep" && !self.saved.borrow().unavailable {
                actions.say(&l.kept, false);
            }
            return;
        }
        let answers = self.answers.borrow().clone();
        let near = &actions.near;
        match action {
            "clear" => {
                // "Clear my answers", or "Start my own" in a shared view, where "my
                // answers" are the saved ones: the view ends and they are cleared, and
                // Undo brings them back (not the link's). The focus goes to Undo, and
                // after it back where the reader was (the Clear button, or the form's
                // first option for "Start my own", which is gone).
                let shared = self.end_shared();
                let before = if shared {
                    self.saved.borrow_mut().load(c)
                } else {
                    Some(answers)
                };
                let before = before.filter(|a| a.answered() > 0);
                if shared || before.is_some() {
                    fold::fold(&self.view.questions.form, fold::UNFOLD);
                    self.replace(Answers::new(c), None, true);
                    let cleared = before.is_some();
                    actions.say(if cleared { &l.cleared } else { "" }, cleared);
                    if let Some(before) = before {
                        let back = match self.view.questions.first_input() {
                            Some(first) if shared => first.clone().into(),
                            _ => actions.clear.clone(),
                        };
                        dom::focus(&actions.undo);
                        self.cleared.replace(Some((before, back)));
                    }
                }
            }
            "undo" => {
                if let Some((before, back)) = self.cleared.take() {
                    self.replace(before, None, true);
                    actions.say("", false);
                    dom::focus(&back);
                }
            }
            "share" => {
                if let Some(link) = keep::share_link(&self.doc, c, &answers) {
                    actions::share(&c.title, &link, near, &l.copied, &l.copy_failed);
                }
            }
            "summary" => {
                let text = crate::summary(c, &answers, &evaluate(c, &answers));
                actions::copy(&text, near, &l.copied, &l.copy_failed);
            }
            "print" => actions::print(&self.host),
            "jump" => {
                let card = &self.view.card;
                if !card.has_attribute("hidden") {
                    card.scroll_into_view();
                    dom::focus(card);
                }
            }
            _ => {}
        }
    }

    /// Shows and keeps new answers. `changed`: the one question the reader changed (only
    /// its controls need syncing), or `None` for all. `by_reader`: the reader did it, so
    /// the change (and, on the answer that completes the required ones, complete) event
    /// goes out.
    fn replace(&self, mut answers: Answers, changed: Option<usize>, by_reader: bool) {
        let c = self.c();
        let was_complete = is_complete(c, &self.answers.borrow());
        // A changed answer can stop a later question from being asked: its answer goes,
        // from the screen, the saved answers and share links alike.
        let changed = if answers.drop_unasked(c) {
            None
        } else {
            changed
        };
        match changed {
            Some(q) => self.view.questions.sync(q, &answers),
            None => (0..c.questions.len()).for_each(|q| self.view.questions.sync(q, &answers)),
        }
        let outcome = evaluate(c, &answers);
        let arrived =
            by_reader && !was_complete && outcome.verdict.is_some() && !outcome.is_provisional();
        self.view.update(&self.doc, c, &answers, &outcome, arrived);
        // A shared view is never saved: the reader's own answers stay until they act.
        if self.shared.borrow().is_none() {
            let kept = self.saved.borrow_mut().save(c, &answers);
            if !kept && self.saved.borrow().unavailable {
                self.view.actions.say(&c.labels.storage_unavailable, false);
            }
        }
        // Every borrow ends before an event goes out: a host handler may call back in.
        *self.answers.borrow_mut() = answers.clone();
        if by_reader {
            let d = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&d, &"answers".into(), &detail::answers(c, &answers));
            let _ =
                js_sys::Reflect::set(&d, &"result".into(), &detail::result(c, &answers, &outcome));
            dispatch(&self.host, "ai-cert-check-change", &d);
            if arrived {
                dispatch(&self.host, "ai-cert-check-complete", &d);
            }
        }
    }
}

/// Whether every required question that is asked has an answer, and one is given.
fn is_complete(c: &Checklist, answers: &Answers) -> bool {
    let answers = answers.only_asked(c);
    answers.answered() > 0
        && (0..c.questions.len())
            .all(|q| !c.questions[q].required || !c.is_asked(q, &answers) || answers.is_answered(q))
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

/// Dispatches the event `name` (`ai-cert-check-...`: whole names, not a prefix joined
/// at run time, which cost more code than the repeated prefix costs data).
fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&e);
    }
}
