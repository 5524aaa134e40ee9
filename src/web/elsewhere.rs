//! Answers that come from elsewhere while a widget is on screen: another tab's (the
//! window's `storage` event) and a share link's opened in this tab (its `hashchange`:
//! only the fragment changed, so the page did not load again).
//!
//! Another tab: each tab saves its answers whole, so without listening, a tab went on
//! saving its stale answers over the other's newer ones, and the reader never knew.
//! Now the newest answer to each question wins: the questions whose saved answer
//! changed since this tab last saved or read it take the other tab's answer, the others
//! keep this tab's (which is saved, if it differs, for the other tab to follow in turn),
//! and the screen follows. Rejected: taking the other tab's answers whole: answers this
//! tab could not save (storage full) would be lost without a word. No change event goes
//! out: the reader acted in the other tab, whose widget sent it.
//!
//! A share link: shown read-only as when the page loads with it (`keep::SharedView`), or
//! reported when it cannot be used; the reader's saved answers stay as they are.
//!
//! Both listeners are owned by the widget and dropped with it.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, StorageEvent};

use super::answer_again;
use super::instance::Instance;
use super::{fold, keep};
use crate::engine::text::fill_text;
use crate::{restore, Answers, Checklist, DecodeError};

/// Listens to the window of `instance`'s document (none for a document without one).
pub(super) fn listen(instance: &Rc<Instance>) -> Option<[EventListener; 2]> {
    let window: EventTarget = instance.doc.default_view()?.into();
    let on = |kind: &'static str| {
        let weak = Rc::downgrade(instance);
        EventListener::new(&window, kind, move |event| {
            if let Some(i) = weak.upgrade() {
                if kind == "storage" {
                    i.on_other_tab(event.unchecked_ref());
                } else {
                    i.on_link();
                }
            }
        })
    };
    Some([on("storage"), on("hashchange")])
}

/// What to tell a reader whose share link cannot be used, and why.
pub(super) fn link_ignored(c: &Checklist, why: DecodeError) -> String {
    let l = &c.labels;
    let why = match why {
        DecodeError::Damaged => &l.link_damaged,
        DecodeError::OtherChecklist => &l.link_other,
        DecodeError::FutureFormat => &l.link_future,
    };
    fill_text(&l.link_ignored, &[("{why}", why)])
}

impl Instance {
    /// Another tab changed what is saved: if it is this widget's answers, the
    /// questions whose saved answer it changed (the event's old value against its new
    /// one) take the new answer; the others keep this tab's. Nothing changes while a
    /// share link's answers show (the reader's own are read again when they go back to
    /// them), or if either value cannot be read (left as it is).
    fn on_other_tab(&self, event: &StorageEvent) {
        let c = self.c();
        if !self.saved.borrow().is_mine(event.key()) || self.shared.borrow().is_some() {
            return;
        }
        let read = |text: Option<String>| match text {
            None => Some(Answers::new(c)),
            Some(text) => restore(c, &text).ok().map(|(a, _)| a),
        };
        let (Some(before), Some(theirs)) = (read(event.old_value()), read(event.new_value()))
        else {
            return;
        };
        let mut answers = self.answers.borrow().clone();
        for q in 0..c.questions.len() {
            if theirs.mask(q) != before.mask(q) {
                answers.set_mask(q, theirs.mask(q));
            }
        }
        self.replace(answers, None, false);
    }

    /// A share link for this checklist in the page's address (when the widget mounts,
    /// and when only the fragment changes): its answers show, read-only, or a notice
    /// says why it cannot be used.
    pub(super) fn on_link(&self) {
        let c = self.c();
        match keep::from_fragment(&self.doc, c) {
            None => {}
            Some(Err(why)) => self.view.actions.say(&link_ignored(c, why), false),
            Some(Ok((answers, gone))) => {
                if self.shared.borrow().is_none() {
                    // "Back to my answers" only for a reader who has some.
                    let mine = self.saved.borrow_mut().load(c).is_some();
                    let first = self.view.questions.first_input();
                    let shown = keep::SharedView::show(&c.labels, first, mine);
                    *self.shared.borrow_mut() = shown;
                }
                // Never saved: the link's answers go on screen only in a shared view,
                // its answered sections folded, the result right after them.
                if self.shared.borrow().is_some() {
                    self.replace(answers, None, false);
                    fold::fold(&self.view.questions.form, fold::FOLD);
                    let again = if gone.is_empty() {
                        String::new()
                    } else {
                        answer_again(c, &gone)
                    };
                    self.view.actions.say(&again, false);
                }
            }
        }
    }
}
