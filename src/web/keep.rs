//! Keeping and sharing answers in the browser: localStorage between visits, and the
//! page address's fragment for share links. The text format and its
//! checks are the engine's (`crate::engine::share`); this module only moves strings.
//!
//! Nothing here leaves the browser. Every storage call can fail (storage disabled,
//! blocked by privacy settings, over quota): a failure is reported to the caller, which
//! tells the reader that saving is unavailable, and the answers on screen stay.
//!
//! The reader's saved answers are never overwritten or deleted but by their own action
//! (answering, "Clear my answers", "Keep these answers"):
//! - they are kept under a key with the checklist's fingerprint, so another checklist
//!   on the same site that reuses the id (or another version of this one) has a key of
//!   its own, and opening it leaves them alone. Rejected alternative: one key per id,
//!   with a mismatching entry removed (as before): opening the other checklist deleted
//!   the reader's answers;
//! - a share link's answers are shown read-only ([`SharedView`]) and are not saved
//!   until the reader keeps them.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Storage};

use crate::engine::share::push_base36;
use crate::engine::text::{cut, pieces};
use crate::{encode, fingerprint, restore, Answers, Checklist, DecodeError, Labels};

/// The prefix of storage keys and fragment entries.
const KEY: &str = "ai-cert-check-";

/// Where one widget keeps its answers, if it may.
pub struct Saved {
    /// `ai-cert-check-<id>.<fingerprint>`.
    key: String,
    /// Where answers were kept before: under the fingerprints of the checklist's earlier
    /// versions, then `ai-cert-check-<id>` (before keys had the fingerprint).
    earlier: Vec<String>,
    storage: Option<Storage>,
    /// Saving is wanted (not `storage="none"`) but the browser refuses it.
    pub unavailable: bool,
}

/// `ai-cert-check-<checklist id>`: a share link's fragment entry.
fn key(c: &Checklist) -> String {
    let mut k = String::from(KEY);
    k.push_str(&c.id);
    k
}

impl Saved {
    /// Opens the widget's storage: none when the host says `storage="none"`.
    pub fn open(host: &HtmlElement, c: &Checklist) -> Saved {
        let off = host.get_attribute("storage").as_deref() == Some("none");
        let storage = if off {
            None
        } else {
            host.owner_document()
                .and_then(|d| d.default_view())
                .and_then(|w| w.local_storage().ok().flatten())
        };
        let legacy = key(c);
        let with = |print: u32| {
            let mut k = legacy.clone();
            k.push('.');
            push_base36(&mut k, print);
            k
        };
        let mut earlier: Vec<String> = c.formerly.iter().map(|f| with(f.fingerprint)).collect();
        earlier.push(legacy.clone());
        Saved {
            key: with(fingerprint(c)),
            earlier,
            unavailable: !off && storage.is_none(),
            storage,
        }
    }

    /// The answers saved on an earlier visit, if they are for this checklist, with the
    /// questions to answer again (see [`crate::restore`]). Anything else is left
    /// as it is, never applied: answers of another checklist with the same id, of a
    /// newer widget, or junk. Answers kept under an earlier key (an earlier version of
    /// the checklist, or before keys had the fingerprint) move to today's key in
    /// today's format, so that a reader is told once what to answer again.
    pub fn load(&mut self, c: &Checklist) -> Option<(Answers, Vec<usize>)> {
        let storage = self.storage.as_ref()?;
        for key in std::iter::once(&self.key).chain(&self.earlier) {
            match storage.get_item(key) {
                Err(_) => {
                    self.unavailable = true;
                    return None;
                }
                Ok(None) => {}
                Ok(Some(text)) => {
                    let found = restore(c, &text).ok();
                    if let Some((answers, _)) = &found {
                        if *key != self.key
                            && storage.set_item(&self.key, &encode(c, answers)).is_ok()
                        {
                            let _ = storage.remove_item(key);
                        }
                    }
                    return found;
                }
            }
        }
        None
    }

    /// Whether answers are kept in this browser (storage wanted and available).
    pub fn keeps(&self) -> bool {
        self.storage.is_some()
    }

    /// Whether a change to storage under `key` (another tab's: a `storage` event's key)
    /// is to these saved answers.
    pub fn is_mine(&self, key: Option<String>) -> bool {
        self.storage.is_some() && key.as_deref() == Some(&*self.key)
    }

    /// Saves the answers (or removes them when there are none). Returns whether the
    /// browser kept them.
    pub fn save(&mut self, c: &Checklist, a: &Answers) -> bool {
        let Some(storage) = &self.storage else {
            return false;
        };
        let ok = if a.answered() == 0 {
            storage.remove_item(&self.key).is_ok()
        } else {
            storage.set_item(&self.key, &encode(c, a)).is_ok()
        };
        self.unavailable = !ok;
        ok
    }
}

/// A share link's answers on screen: read-only (every option disabled), under a notice
/// that says plainly whose they are, with its buttons: "Start my own"
/// (`data-action="clear"`, [`Action::Clear`]), "Keep these answers"
/// (`data-action="keep"`, [`Action::Keep`]) and, for a reader who has saved answers,
/// "Back to my answers" (`data-action="mine"`, [`Action::Mine`]), placed at the top of
/// the questions. The result's headings (the `h3`s with an id: the bar's and the
/// card's) say "A shared result" meanwhile. The page opens on the notice (scrolled to
/// the top of the screen, and focused: the reader followed the link for this result,
/// which would otherwise wait below the article's first screen; focus alone scrolls it
/// only just into view in Firefox and WebKit). Nothing is saved while it shows.
/// Self-contained: it needs only the first option's input of the view (the notice goes
/// before its section, and every input of its form is disabled). Made by a few lines of
/// JS (`show_shared`, `end_shared` below): the same in Rust was about 400 bytes more of
/// the reader's download. (The three names are written in the JS, not passed from
/// [`Action::name`], which cost 23 bytes gzip; `tests/boundaries.rs` checks they are
/// `Action`'s.)
///
/// [`Action::Clear`]: super::actions::Action::Clear
/// [`Action::Keep`]: super::actions::Action::Keep
/// [`Action::Mine`]: super::actions::Action::Mine
/// [`Action::name`]: super::actions::Action::name
pub struct SharedView {
    notice: Element,
}

impl SharedView {
    /// Shows the notice and makes the options read-only; `mine`: the reader has saved
    /// answers to go back to.
    pub fn show(l: &Labels, first: Option<&HtmlInputElement>, mine: bool) -> Option<SharedView> {
        let first = first?;
        let back = if mine { &*l.leave_shared } else { "" };
        let notice = show_shared(
            first,
            &l.shared_notice,
            &l.start_own,
            &l.keep_shared,
            back,
            &l.shared_heading,
        );
        Some(SharedView { notice })
    }

    /// Ends the shared view: the notice goes, the headings are the reader's again, the
    /// options can be changed again, and the first one has the focus (the button that
    /// ended it is gone).
    pub fn end(self) {
        end_shared(&self.notice);
    }
}

/// The answers a share link in the page address carries for this checklist: `None`
/// when there is no entry for it, `Some(Err(..))` when there is one that cannot be used.
pub fn from_fragment(
    doc: &Document,
    c: &Checklist,
) -> Option<Result<(Answers, Vec<usize>), DecodeError>> {
    let hash = doc.location()?.hash().ok()?;
    let wanted = key(c);
    let mut entries = hash.as_str();
    while let Some(rest) = entries.strip_prefix("#") {
        entries = rest;
    }
    for entry in pieces(entries, b'&') {
        if let Some((k, v)) = cut(entry, b'=') {
            if k == wanted {
                return Some(restore(c, v));
            }
        }
    }
    None
}

/// The page's address with a fragment carrying these answers.
pub fn share_link(doc: &Document, c: &Checklist, a: &Answers) -> Option<String> {
    let location = doc.location()?;
    let href = location.href().ok()?;
    let base = cut(&href, b'#').map_or(href.as_str(), |(base, _)| base);
    let mut link = String::from(base);
    link.push('#');
    link.push_str(&key(c));
    link.push('=');
    link.push_str(&encode(c, a));
    Some(link)
}

#[wasm_bindgen(inline_js = "const lock = (form, on) => {
  for (const input of form.querySelectorAll('input')) input.disabled = on;
};
const headings = (node) => node.getRootNode().querySelectorAll('h3[id]');
export function show_shared(first, text, start, keep, mine, heading) {
  const doc = first.ownerDocument;
  const notice = doc.createElement('div');
  notice.className = 'shared actions';
  notice.part = 'shared';
  notice.tabIndex = -1;
  notice.append(text);
  for (const [action, label] of [['clear', start], ['keep', keep], ['mine', mine]]) {
    if (!label) continue;
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.action = action;
    button.append(label);
    notice.append(button);
  }
  first.form.insertBefore(notice, first.closest('form > *'));
  lock(first.form, true);
  for (const h of headings(first)) {
    notice.was = h.textContent;
    h.textContent = heading;
  }
  notice.scrollIntoView();
  notice.focus({ preventScroll: true });
  return notice;
}
export function end_shared(notice) {
  const form = notice.closest('form');
  for (const h of headings(form)) h.textContent = notice.was;
  notice.remove();
  lock(form, false);
  form.querySelector('input').focus();
}")]
extern "C" {
    fn show_shared(
        first: &HtmlInputElement,
        text: &str,
        start: &str,
        keep: &str,
        mine: &str,
        heading: &str,
    ) -> Element;
    fn end_shared(notice: &Element);
}
