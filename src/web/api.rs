//! The JS API of the element's body: [`mount`] and the [`Widget`] it returns, whose
//! methods `src/element/entry.js` wraps into the module's functions (`getAnswers`,
//! `setAnswers`, ...). The custom build's own exports (`mount_custom`, `validate`) are in
//! `custom.rs`.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "custom"))]
use web_sys::HtmlElement;

use super::detail;
use super::instance::Instance;
#[cfg(not(feature = "custom"))]
use super::mount_checklist;
use super::style::style;
#[cfg(not(feature = "custom"))]
use crate::builtin;
use crate::{evaluate, Answers};

/// A mounted widget. Dropping it (JS: `free()`) removes its listeners (its own and the
/// window's); the rendered content stays until the host is removed or mounted again.
///
/// Its methods are the host's API (`entry.js` wraps them): they read and set the
/// answers without firing events, which are for the reader's actions only.
#[wasm_bindgen]
pub struct Widget {
    pub(super) _listeners: [EventListener; 2],
    /// The window's: another tab's answers, a share link opened in this tab
    /// (`elsewhere.rs`).
    pub(super) _window: Option<[EventListener; 2]>,
    /// The window's `pagehide`: keeps the reader's place (`place.rs`).
    pub(super) _leave: Option<EventListener>,
    pub(super) instance: Rc<Instance>,
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

    /// Adopts the stylesheet again, made by the window the element is now in: it was
    /// moved into another document (`entry.js` calls this from `adoptedCallback`).
    pub fn restyle(&self) {
        if let Some(root) = self.instance.host.shadow_root() {
            style(&root);
        }
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
