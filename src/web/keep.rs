//! Keeping and sharing answers in the browser: localStorage between visits, and the
//! page address's fragment for share links. The text format and its
//! checks are the engine's (`crate::share`); this module only moves strings.
//!
//! Nothing here leaves the browser. Every storage call can fail (storage disabled,
//! blocked by privacy settings, over quota): a failure is reported to the caller, which
//! tells the reader that saving is unavailable, and the answers on screen stay.

use web_sys::{Document, HtmlElement, Storage};

use crate::text::{cut, pieces};
use crate::{decode, encode, Answers, Checklist, DecodeError};

/// The prefix of storage keys and fragment entries.
const KEY: &str = "ai-cert-check-";

/// Where one widget keeps its answers, if it may.
pub struct Saved {
    key: String,
    storage: Option<Storage>,
    /// Saving is wanted (not `storage="none"`) but the browser refuses it.
    pub unavailable: bool,
}

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
        Saved {
            key: key(c),
            unavailable: !off && storage.is_none(),
            storage,
        }
    }

    /// The answers saved on an earlier visit, if they are for this checklist as it is
    /// now. Anything else under the key (stale, damaged, foreign) is removed.
    pub fn load(&mut self, c: &Checklist) -> Option<Answers> {
        let storage = self.storage.as_ref()?;
        let text = match storage.get_item(&self.key) {
            Ok(t) => t?,
            Err(_) => {
                self.unavailable = true;
                return None;
            }
        };
        match decode(c, &text) {
            Ok(a) => Some(a),
            Err(_) => {
                let _ = storage.remove_item(&self.key);
                None
            }
        }
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

/// The answers a share link in the page address carries for this checklist: `None`
/// when there is no entry for it, `Some(Err(..))` when there is one that cannot be used.
pub fn from_fragment(doc: &Document, c: &Checklist) -> Option<Result<Answers, DecodeError>> {
    let hash = doc.location()?.hash().ok()?;
    let wanted = key(c);
    let mut entries = hash.as_str();
    while let Some(rest) = entries.strip_prefix("#") {
        entries = rest;
    }
    for entry in pieces(entries, b'&') {
        if let Some((k, v)) = cut(entry, b'=') {
            if k == wanted {
                return Some(decode(c, v));
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
