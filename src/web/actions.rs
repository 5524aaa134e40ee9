//! What a reader can do with the result: share it (the browser's share sheet where
//! there is one, otherwise the link is copied), copy it as text, print it, and clear the
//! answers, with an undo. The buttons only name an action (`data-action`, an [`Action`]);
//! the instance (`instance.rs`) carries them out. A notice (`role="status"`) says how it
//! went, where the reader is looking: a copy or share beside the buttons, in the card; clearing (which
//! hides the card), keeping a shared link's answers, saving that fails and a tap on a
//! shared link's answers in the bar, which stays in view while the reader answers. Each
//! notice is said in one of the two places only, so screen readers hear it once.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, Node};

use super::dom::{attrs, el, set_text, show};
use crate::Checklist;

/// What a button does, as its `data-action` names it. Every button of the widget names
/// one: the result's (made below), the bar's (`bar.rs`), each section's title
/// (`questions.rs`) and a share link's three (`keep.rs`); `instance.rs` carries each out
/// (a title's, `mod.rs`). The names are written here, in [`Action::NAMES`]; only the JS
/// of a share link's buttons writes its three again, which `tests/boundaries.rs` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Share a link to these answers.
    Share,
    /// Copy the result as text.
    Summary,
    /// Print the widget alone.
    Print,
    /// Clear the answers (with an undo).
    Clear,
    /// Undo the clearing.
    Undo,
    /// Bring the result card into view (the bar's button).
    Jump,
    /// Fold or unfold a section of questions (its title, `questions.rs`; `fold.rs`).
    Fold,
    /// Keep a share link's answers as the reader's own.
    Keep,
    /// Leave a share link's answers for the reader's own.
    Mine,
}

impl Action {
    /// Every action, in the order of [`Action::NAMES`].
    const ALL: [Action; 9] = [
        Action::Share,
        Action::Summary,
        Action::Print,
        Action::Clear,
        Action::Undo,
        Action::Jump,
        Action::Fold,
        Action::Keep,
        Action::Mine,
    ];
    /// Their `data-action`s, in the order of the enum.
    const NAMES: [&'static str; 9] = [
        "share", "summary", "print", "clear", "undo", "jump", "fold", "keep", "mine",
    ];

    /// Its `data-action`.
    pub fn name(self) -> &'static str {
        Action::NAMES[self as usize]
    }

    /// The action a `data-action` names, if any.
    pub fn named(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// The actions' changing parts.
pub struct Actions {
    /// In the bar: says what happened to a clear, a keep or saving.
    notice: Element,
    /// Beside the buttons: says what happened to a copy or a share.
    pub near: Element,
    /// The undo button, beside `notice`.
    pub undo: Element,
    /// "Clear my answers": where the focus returns after an undo.
    pub clear: Element,
    /// The status (notice and undo), last in the panel.
    status: Element,
}

impl Actions {
    /// Renders the buttons into `parent`, and the notice (with the undo button) into
    /// `status_parent`: a place that stays in view, since clearing hides the card.
    pub fn render(doc: &Document, parent: &Node, status_parent: &Node, c: &Checklist) -> Actions {
        let l = &c.labels;
        let actions = el(doc, parent, "div", "actions", "");
        attrs(&actions, &[("part", "actions")]);
        let mut clear = None;
        for (action, label, class) in [
            (Action::Share, &l.share, ""),
            (Action::Summary, &l.copy_summary, ""),
            (Action::Print, &l.print, ""),
            (Action::Clear, &l.clear, "secondary"),
        ] {
            let b = el(doc, &actions, "button", class, label);
            attrs(&b, &[("type", "button"), ("data-action", action.name())]);
            // The last one is "Clear my answers".
            clear = Some(b);
        }
        let near = notice(doc, &actions);
        let status = el(doc, status_parent, "div", "status", "");
        let notice = notice(doc, &status);
        let undo = el(doc, &status, "button", "secondary", &l.undo);
        attrs(
            &undo,
            &[
                ("type", "button"),
                ("data-action", Action::Undo.name()),
                ("hidden", ""),
            ],
        );
        Actions {
            notice,
            near,
            undo,
            clear: clear.unwrap_or(actions),
            status,
        }
    }

    /// Says `text` in the bar's notice (and nothing beside the buttons); `undo`: offers
    /// to undo what was just done. On a phone the bar is at most a fifth of the screen
    /// and scrolls inside (`style.css`): it is scrolled to its end, where the notice is,
    /// so that the notice is in view however large the text.
    pub fn say(&self, text: &str, undo: bool) {
        set_text(&self.near, "");
        set_text(&self.notice, text);
        show(&self.undo, undo);
        if let Some(bar) = self.status.parent_element() {
            bar.set_scroll_top(bar.scroll_height());
        }
    }

    /// Withdraws the offer to undo (the reader went on answering).
    pub fn no_undo(&self) {
        if !self.undo.has_attribute("hidden") {
            self.say("", false);
        }
    }
}

/// A notice, `role="status"`, in `parent`.
fn notice(doc: &Document, parent: &Node) -> Element {
    let notice = el(doc, parent, "p", "notice", "");
    attrs(&notice, &[("part", "notice"), ("role", "status")]);
    notice
}

/// Copies `text` to the clipboard, then says how it went in `notice` (`ok` or
/// `failed`). The clipboard answers with a promise; a few lines of JS take it, which is
/// far smaller than the futures machinery awaiting it in Rust would be.
pub fn copy(text: &str, notice: &Element, ok: &str, failed: &str) {
    copy_text(text, notice, ok, failed);
}

/// Shares `url` with the browser's share sheet where it has one (phones, Safari),
/// otherwise copies it as [`copy`] does. A share the reader cancels says nothing.
pub fn share(title: &str, url: &str, notice: &Element, ok: &str, failed: &str) {
    share_link(title, url, notice, ok, failed);
}

/// Prints the widget alone: while the print dialog is open, `host` and every element it
/// is shown through (its ancestors, up through the hosts and slots of other components'
/// shadow trees it sits in) are marked `data-printing`, and a stylesheet adopted by the
/// page and by each of those shadow roots hides everything else (a constructable
/// stylesheet: no inline style, so it works under a strict Content-Security-Policy);
/// both are removed after printing. The widget's own print styles show the result and
/// the chosen answers. (A page-level sheet alone, as before, printed a blank page for a
/// widget inside another component: its selectors cannot see into shadow trees.)
pub fn print(host: &HtmlElement) {
    print_alone(host);
}

#[wasm_bindgen(inline_js = "export function copy_text(text, notice, ok, failed) {
  const say = (words) => { notice.textContent = words; };
  try {
    navigator.clipboard.writeText(text).then(() => say(ok), () => say(failed));
  } catch (_) {
    say(failed);
  }
}
export function share_link(title, url, notice, ok, failed) {
  if (typeof navigator.share === 'function') {
    navigator.share({ title, url }).catch((e) => { if (e && e.name !== 'AbortError') copy_text(url, notice, ok, failed); });
  } else {
    copy_text(url, notice, ok, failed);
  }
}
export function print_alone(host) {
  const doc = host.ownerDocument;
  const win = doc.defaultView;
  const marked = [];
  const roots = new Set();
  for (let n = host; n; ) {
    n.setAttribute('data-printing', '');
    marked.push(n);
    const root = n.getRootNode();
    roots.add(root);
    n = n.assignedSlot || n.parentElement || root.host;
  }
  let sheet = null;
  try {
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync('@media print { body :not([data-printing]), :host :not([data-printing]) { display: none !important; } }');
    for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch (_) {}
  const done = () => {
    for (const n of marked) n.removeAttribute('data-printing');
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    win.removeEventListener('afterprint', done);
  };
  win.addEventListener('afterprint', done);
  win.print();
}")]
extern "C" {
    fn copy_text(text: &str, notice: &Element, ok: &str, failed: &str);
    fn share_link(title: &str, url: &str, notice: &Element, ok: &str, failed: &str);
    fn print_alone(host: &HtmlElement);
}
