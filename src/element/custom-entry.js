// The second build's module: the build that reads a host's own checklist. entry.js
// imports it only when an element brings one.
//
// Every element gets a copy of the build of its own: its own memory, its own stack,
// its own wasm-bindgen glue. A checklist comes from anywhere, and a fault while reading
// one (or later) can leave a copy in an unknown state; with one copy per element it
// stops that element alone, never the other checklists on the page. (Rejected: one
// copy shared by every element, as before: a 22 KB file of 10,000 nested arrays
// exhausted its stack, and every other checklist on the page stopped with it. Also
// rejected: one shared copy, restored after a fault by remounting its other elements on
// a fresh one: their state (answers, a shared view kept or left) would have to be
// carried over, and the element at fault found among them.) The .wasm is downloaded and
// compiled once; a copy then costs one instantiation and its own memory (1.1 MB to
// start with), given back when its element is released. An element whose checklist has
// problems keeps no copy: its problems are plain text.
//
// Browsers cap the WebAssembly memories a page may hold at once (Chromium: about 120,
// each reserving address space well beyond its size). Past that cap a new copy cannot
// be made, and further elements share the last one made: a page of more than about a
// hundred checklists of its own is still served, with less isolation.
//
// `glue-factory.js` is made by scripts/postlink.mjs: the glue and src/element/copy.js
// bundled inside a function, so that each call makes a fresh copy of their state.
import create from "./glue-factory.js";

const url = new URL("ai-cert-check-custom_bg.wasm", import.meta.url);
// `MAX_BYTES` of src/engine/limits.rs (tests/limits.rs checks that the two agree): a file is
// read no further than this and one byte more.
const MAX_BYTES = 2_000_000;
let compiled;
const compile = () =>
  // A server that does not send `application/wasm`: compile from the bytes.
  (compiled ??= WebAssembly.compileStreaming(fetch(url)).catch(() => fetch(url).then((r) => r.arrayBuffer()).then(WebAssembly.compile)));
// The last copy made: shared by further elements once the browser refuses more.
let spare;

/**
 * A fresh copy of the build: `{ mount_custom, validate, ..., users }`, where
 * `users` are the elements it serves.
 *
 * Every call into it is guarded. A fault (a trap: the stack exhausted, memory out of
 * bounds, `unreachable`; or a JS exception thrown through it) leaves a copy in an
 * unknown state: its stack pointer where the fault was, a borrow maybe held. So the
 * first one marks the copy `failed` and is logged, and its elements show their
 * fallback content again; from then on every call returns at once without entering
 * the copy, so the listeners it left are inert and nothing is thrown at the host page.
 */
export async function start() {
  const copy = Object.assign(create(), { users: new Set() });
  const guard = (exports) => {
    const guarded = {};
    for (const [name, value] of Object.entries(exports)) {
      guarded[name] =
        typeof value != "function"
          ? value
          : (...args) => {
              if (copy.failed) return;
              try {
                return value(...args);
              } catch (error) {
                copy.failed = true;
                console.error("<ai-cert-check> stopped:", error);
                for (const element of copy.users) {
                  element.shadowRoot?.replaceChildren(element.ownerDocument.createElement("slot"));
                }
              }
            };
    }
    return guarded;
  };
  await copy.load(() => import("./ai-cert-check-custom.wasm.js"), compile, guard);
  return copy;
}

/** A copy for one element: a fresh one, or, once the browser refuses more, the spare. */
async function copyFor(element) {
  let copy;
  try {
    copy = spare = await start();
  } catch (error) {
    if (!(error instanceof RangeError) || !spare || spare.failed) throw error;
    copy = spare;
  }
  copy.users.add(element);
  return copy;
}

/**
 * Where an element's checklist comes from: `{ checklist }` (JSON text, or the object the
 * host passed to `mount`) or `{ error }` (a message for the author). A file is read no
 * further than `MAX_BYTES` and one more byte: a larger one is refused by its size alone,
 * without downloading the rest.
 */
async function source(element, given) {
  if (given !== undefined) return { checklist: given };
  const src = element.getAttribute("src");
  const failed = (why) => ({ error: `could not load "${src}": ${why}` });
  if (src) {
    try {
      const response = await fetch(new URL(src, document.baseURI), { credentials: "same-origin" });
      if (!response.ok) return failed(`HTTP ${response.status}`);
      // A file that says it is small enough (and is not compressed, which could hide
      // any size) is read whole; any other, no further than the limit.
      const length = response.headers.get("content-length");
      if (length && +length <= MAX_BYTES && !response.headers.get("content-encoding")) {
        return { checklist: await response.text() };
      }
      const reader = response.body.getReader();
      const chunks = [];
      for (let size = 0, done, value; !done; ) {
        ({ done, value } = await reader.read());
        if (value) chunks.push(value);
        size += value?.length ?? 0;
        if (size > MAX_BYTES) {
          reader.cancel();
          break;
        }
      }
      return { checklist: await new Blob(chunks).text() };
    } catch (error) {
      return failed(error.message);
    }
  }
  // `checklist="id"`: in the element's own tree first (inside a component, its shadow
  // root, whose ids are its own), then the page.
  const id = element.getAttribute("checklist");
  const script = element.getRootNode().getElementById?.(id) ?? element.ownerDocument.getElementById(id);
  return script ? { checklist: script.textContent } : { error: `no element with id "${id}" holds the checklist` };
}

/**
 * Mounts `element`'s own checklist (`given` by the JS API, else from its attributes) on
 * a copy of the build, unless `current()` says that a newer request replaced this one
 * meanwhile. Resolves to `{ widget, copy }`, to `{ widget: null }` (the problems are
 * shown), or to nothing (replaced, or the copy failed: its fault was logged and the
 * fallback content is back).
 */
export async function mount(element, given, links, current) {
  const copy = await copyFor(element);
  try {
    const from = await source(element, given);
    const widget = current() && copy.mount_custom(element, from.checklist, links, from.error);
    if (widget && !copy.failed) {
      // Released by entry.js with `free()`: the copy no longer serves it.
      const free = widget.free.bind(widget);
      widget.free = () => {
        copy.users.delete(element);
        free();
      };
      return { widget, copy };
    }
    // Replaced meanwhile, its problems shown (no copy needed for them), or failed.
    copy.users.delete(element);
    if (current() && !copy.failed) return { widget: null };
  } catch (error) {
    copy.users.delete(element);
    if (!copy.failed) throw error;
  }
}
