//! One mounted widget's state, and what each answer and button does: an answer changes
//! the answers, which are shown, kept and sent out in events; a button's action
//! (`Action`, named by its `data-action`) shares, copies, prints, clears, undoes, keeps a
//! share link's answers or brings the result into view; a tap on a shared link's
//! (read-only) option says why it cannot be changed.

use std::cell::RefCell;
use std::ops::Deref;
#[cfg(feature = "custom")]
use std::rc::Rc;

use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use super::actions::{self, Action};
use super::detail::{self, dispatch};
use super::view::View;
use super::{dom, fold, keep};
use crate::{evaluate, Answers, Checklist};

/// How an instance holds its checklist: the built-in one is static; the custom build's
/// are parsed at run time and owned. (Two types rather than one `Cow`, so the default
/// build carries no code for dropping a checklist it never owns.)
#[cfg(not(feature = "custom"))]
pub(super) type Held = &'static Checklist;
#[cfg(feature = "custom")]
pub(super) type Held = Rc<Checklist>;

pub(super) struct Instance {
    pub(super) host: HtmlElement,
    pub(super) doc: Document,
    pub(super) checklist: Held,
    pub(super) answers: RefCell<Answers>,
    pub(super) saved: RefCell<keep::Saved>,
    /// The answers before "Clear my answers", until the reader answers again: what
    /// "Undo" restores, and where the focus returns then.
    pub(super) cleared: RefCell<Option<(Answers, Element)>>,
    /// A share link's answers, read-only until the reader keeps them or goes back to
    /// their own; nothing is saved meanwhile.
    pub(super) shared: RefCell<Option<keep::SharedView>>,
    pub(super) view: View,
}

impl Instance {
    pub(super) fn c(&self) -> &Checklist {
        Deref::deref(&self.checklist)
    }

    pub(super) fn on_input(&self, input: &HtmlInputElement) {
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

    /// A tap on an option (a label): in a shared link's answers (read-only), why it
    /// cannot be changed and how to answer for oneself, in the bar.
    pub(super) fn on_tap(&self) {
        if self.shared.borrow().is_some() {
            self.view.actions.say(&self.c().labels.shared_notice, false);
        }
    }

    pub(super) fn on_action(&self, action: Action) {
        let c = self.c();
        let l = &c.labels;
        let actions = &self.view.actions;
        // "Keep these answers" and "Back to my answers" end a shared view: keeping
        // saves its answers as the reader's own (no answer changes, so no change event);
        // going back shows the reader's saved ones instead.
        if action == Action::Keep || action == Action::Mine {
            self.end_shared();
            fold::fold(&self.view.questions.form, fold::UNFOLD);
            let next = match action {
                Action::Keep => Some(self.answers.borrow().clone()),
                _ => self.saved.borrow_mut().load(c).map(|(a, _)| a),
            };
            self.replace(
                next.unwrap_or_else(|| Answers::new(c)),
                None,
                action == Action::Mine,
            );
            // (Unless saving them failed: the bar says that instead.)
            if action == Action::Keep && !self.saved.borrow().unavailable {
                actions.say(&l.kept, false);
            }
            return;
        }
        let answers = self.answers.borrow().clone();
        let near = &actions.near;
        match action {
            Action::Clear => {
                // "Clear my answers", or "Start my own" in a shared view, where "my
                // answers" are the saved ones: the view ends and they are cleared, and
                // Undo brings them back (not the link's). The focus goes to Undo, and
                // after it back where the reader was (the Clear button, or the form's
                // first option for "Start my own", which is gone).
                let shared = self.end_shared();
                let before = if shared {
                    self.saved.borrow_mut().load(c).map(|(a, _)| a)
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
            Action::Undo => {
                if let Some((before, back)) = self.cleared.take() {
                    self.replace(before, None, true);
                    actions.say("", false);
                    dom::focus(&back);
                }
            }
            Action::Share => {
                if let Some(link) = keep::share_link(&self.doc, c, &answers) {
                    actions::share(&c.title, &link, near, &l.copied, &l.copy_failed);
                }
            }
            Action::Summary => {
                let text = crate::summary(c, &answers, &evaluate(c, &answers));
                actions::copy(&text, near, &l.copied, &l.copy_failed);
            }
            Action::Print => actions::print(&self.host),
            Action::Jump => {
                let card = &self.view.card;
                if !card.has_attribute("hidden") {
                    card.scroll_into_view();
                    dom::focus(card);
                }
            }
            // Ended the shared view above; a section's title folds it (`mod.rs`).
            Action::Keep | Action::Mine | Action::Fold => {}
        }
    }

    /// Shows and keeps new answers. `changed`: the one question the reader changed (only
    /// its controls need syncing), or `None` for all. `by_reader`: the reader did it, so
    /// the change (and, on the answer that completes the required ones, complete) event
    /// goes out.
    pub(super) fn replace(&self, mut answers: Answers, changed: Option<usize>, by_reader: bool) {
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
        let arrived = by_reader
            && !was_complete
            && outcome.verdict.is_some()
            && outcome.required_missing == 0;
        self.view.update(&self.doc, c, &answers, &outcome, arrived);
        // A shared view is never saved: the reader's own answers stay until they act.
        if self.shared.borrow().is_none() {
            let refused = self.saved.borrow().unavailable;
            let kept = self.saved.borrow_mut().save(c, &answers);
            if !kept && self.saved.borrow().unavailable {
                self.view.actions.say(&c.labels.storage_unavailable, false);
            } else if kept && refused {
                // Saving works again (storage was full and has room): the notice that
                // said the answers would be lost goes.
                self.view.actions.say("", false);
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
