//! Reload keeps the reader's place.
//!
//! The browser restores the scroll position of a reloaded page when it has loaded, but
//! the widget renders a moment later (its WebAssembly is fetched by script, which the
//! load does not wait for): the page was still short, the position was cut to its end,
//! and the reader landed at the end of the article, thousands of pixels from where they
//! were (measured on a phone: 2,837 px became 7,448 px). So the page's position is kept
//! when the page is left (`pagehide`, a listener each widget owns): its address and
//! scroll position go to `sessionStorage` (this tab only, gone when it closes; not when
//! the host says `storage="none"`). On a reload or a return through history, once the
//! widget has rendered, the position is restored (with several widgets, by each as it
//! renders: the same position, reachable once the last has).
//!
//! Rejected alternatives: reserving the widget's height before it renders (the height is
//! only known once it has rendered, at the width and with the answers of the moment;
//! remembering it would need the same storage and would still be off whenever the
//! width or the answers changed); one `pagehide` function added by the module itself
//! (each element with a checklist of its own has a copy of the module, and the window
//! would have kept every copy, its memory included, after its element was gone).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "const KEY = 'ai-cert-check-place';
const here = () => location.pathname + location.search;
export function leave(keeps) {
  if (keeps) try { sessionStorage.setItem(KEY, here() + ' ' + scrollY); } catch (_) {}
}
export function arrive(keeps) {
  let fresh = true;
  try {
    fresh = performance.getEntriesByType('navigation')[0].type == 'navigate';
    const [at, y] = sessionStorage.getItem(KEY).split(' ');
    if (keeps && !fresh && at == here()) scrollTo(0, +y);
  } catch (_) {}
  return fresh;
}")]
extern "C" {
    /// On `pagehide`: keeps the page's address and position for this tab, if `keeps`
    /// (the widget may save).
    pub fn leave(keeps: bool);
    /// Called once the widget has rendered: on a reload or a return, if `keeps`, puts
    /// the reader back where they were. Whether this is a fresh visit (not a reload or a
    /// return through history).
    pub fn arrive(keeps: bool) -> bool;
}
