// ai-cert-check: the one script a page loads. It defines <ai-cert-check>, and mounts
// every instance, present now or added later. Until the WebAssembly is ready, or if it
// cannot run, the element shows whatever the author put inside it.
//
// Two builds of the same Rust code: the default one (the built-in checklist as static
// tables, no parser) is bundled here; the one that reads a host's own checklist (serde)
// is a second file, ai-cert-check-custom.js, imported only when an element brings a
// checklist (`src`, `checklist`, or the `mount` API). Both load their .wasm relative
// to this file's own URL, with streaming compilation, or, on pages that forbid
// WebAssembly, a JavaScript build of the same code (src/web/loader.js).
import { mount as mountBuiltin } from "./glue.js";
import { load as loadBuild } from "./loader.js";

const TAG = "ai-cert-check";
const widgets = new WeakMap(); // element -> mounted widget (or null: showing problems)
const pending = new WeakSet(); // elements whose mount is under way
const given = new WeakMap(); // element -> { checklist, readingLinks } from the JS API
const mountings = new WeakMap(); // element -> promise of its latest mount
let loading;
let loadingCustom;

function load() {
  loading ??= loadBuild(() => import("./ai-cert-check-core.wasm.js"));
  return loading;
}

// Languages other than English: the same build compiled with that language's
// built-in checklist (its questions, verdicts and interface words).
const LOCALES = { fr: () => import("./ai-cert-check-fr.js") };
const loadingLocale = {};

function localeOf(element) {
  const lang = (element.getAttribute("lang") ?? "").toLowerCase().split("-")[0];
  return Object.hasOwn(LOCALES, lang) ? lang : null;
}

function loadLocale(lang) {
  loadingLocale[lang] ??= LOCALES[lang]().then(async (module) => {
    await module.default();
    return module;
  });
  return loadingLocale[lang];
}

function loadCustom() {
  loadingCustom ??= import("./ai-cert-check-custom.js").then(async (custom) => {
    await custom.default();
    return custom;
  });
  return loadingCustom;
}

// `reading-links='{"employers-care": "/posts/employers/"}'`: the host's addresses for
// the related reading, by id. Parsed here (JSON.parse costs the wasm nothing); the wasm
// vets every address before making a link.
function readingLinks(element) {
  if (given.get(element)?.readingLinks) return given.get(element).readingLinks;
  const text = element.getAttribute("reading-links");
  if (!text) return undefined;
  try {
    const links = JSON.parse(text);
    if (links && typeof links === "object") return links;
  } catch (error) {
    console.warn(`<${TAG}> reading-links is not valid JSON; related reading shows as plain titles.`, error);
  }
  return undefined;
}

// Where the element's checklist comes from: `null` for the built-in one, otherwise
// `{ checklist }` (a parsed object) or `{ error }` (a message for the author).
async function source(element) {
  if (given.get(element)?.checklist !== undefined) return { checklist: given.get(element).checklist };
  const src = element.getAttribute("src");
  if (src) {
    let text;
    try {
      const response = await fetch(new URL(src, document.baseURI), { credentials: "same-origin" });
      if (!response.ok) return { error: `could not load "${src}": HTTP ${response.status}` };
      text = await response.text();
    } catch (error) {
      return { error: `could not load "${src}": ${error.message}` };
    }
    try {
      return { checklist: JSON.parse(text) };
    } catch (error) {
      return { error: `"${src}" is not valid JSON: ${error.message}` };
    }
  }
  const id = element.getAttribute("checklist");
  if (id) {
    const script = element.ownerDocument.getElementById(id);
    if (!script) return { error: `no element with id "${id}" holds the checklist` };
    try {
      return { checklist: JSON.parse(script.textContent) };
    } catch (error) {
      return { error: `the checklist in #${id} is not valid JSON: ${error.message}` };
    }
  }
  return null;
}

function connect(element) {
  if (widgets.has(element) || pending.has(element)) return mountings.get(element);
  const mounting = start(element);
  mountings.set(element, mounting);
  return mounting;
}

async function start(element) {
  // A later `mount` call replaces what this one is loading: it compares tokens.
  const token = given.get(element);
  const current = () => element.isConnected && !widgets.has(element) && given.get(element) === token;
  pending.add(element);
  try {
    const from = await source(element);
    const links = readingLinks(element);
    const lang = localeOf(element);
    if (from === null && lang) {
      const locale = await loadLocale(lang);
      if (current()) widgets.set(element, locale.mount(element, links));
    } else if (from === null) {
      await load();
      if (current()) widgets.set(element, mountBuiltin(element, links));
    } else {
      const custom = await loadCustom();
      if (current()) widgets.set(element, custom.mount_custom(element, from.checklist, links, from.error) ?? null);
    }
  } catch (error) {
    console.error(`<${TAG}> could not start:`, error);
  } finally {
    if (given.get(element) === token) pending.delete(element);
  }
}

function release(element) {
  const widget = widgets.get(element);
  widgets.delete(element);
  widget?.free();
}

// Server-side rendering imports this module where there is no DOM: there the class
// extends a stand-in and nothing is defined, so the import does nothing and throws
// nothing.
class AiCertCheckElement extends (globalThis.HTMLElement ?? Object) {
  static observedAttributes = ["src", "checklist", "lang", "storage"];

  connectedCallback() {
    connect(this);
  }

  attributeChangedCallback(name, before, after) {
    // A different checklist, language or storage choice: mount afresh.
    if (before !== after && (widgets.has(this) || pending.has(this))) {
      pending.delete(this);
      release(this);
      if (this.isConnected) connect(this);
    }
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects in one task: keep the widget
    // (and the reader's answers) unless the element is really gone.
    queueMicrotask(() => {
      if (!this.isConnected) release(this);
    });
  }
}

if (globalThis.customElements && !customElements.get(TAG)) customElements.define(TAG, AiCertCheckElement);

/**
 * Gives `element` a checklist (a plain object in the checklist format) and, optionally,
 * addresses for its related reading, then (re)mounts it. Resolves once it is shown.
 */
export async function mount(element, { checklist, readingLinks: links } = {}) {
  given.set(element, { checklist, readingLinks: links });
  pending.delete(element);
  release(element);
  if (element.isConnected) await connect(element);
}

/** Unmounts `element`: its listener is released; it mounts again if reconnected. */
export function unmount(element) {
  given.delete(element);
  release(element);
}

/** The element's widget once its mount (if one is under way) is done. */
async function mounted(element) {
  await mountings.get(element);
  const widget = widgets.get(element);
  if (!widget) throw new Error(`<${TAG}> is not mounted (not in the document, or its checklist has problems)`);
  return widget;
}

/** The reader's answers: `{ questionId: optionId | optionId[] }`. */
export async function getAnswers(element) {
  return (await mounted(element)).answers();
}

/** The current result, as in the change event's `detail.result`. */
export async function getResult(element) {
  return (await mounted(element)).result();
}

/** Replaces the answers (all or nothing; throws on an unknown question or option). No event fires. */
export async function setAnswers(element, answers) {
  const pairs = [];
  for (const [question, chosen] of Object.entries(answers ?? {})) {
    for (const option of [chosen].flat()) {
      const text = `${question}=${option}`;
      if (text.includes("&") || text.split("=").length !== 2) throw new Error(`<${TAG}> not an id: ${text}`);
      pairs.push(text);
    }
  }
  (await mounted(element)).setAnswers(pairs.join("&"));
}

/** Clears the answers, on screen and in storage. No event fires. */
export async function reset(element) {
  (await mounted(element)).reset();
}

/** Bytes of WebAssembly memory in use by the built-in build (for the benchmark and tests). */
export async function wasmMemoryBytes() {
  const wasm = await load();
  // The export names are shortened after linking: scripts/postlink.mjs puts the memory's here.
  return wasm[WASM_MEMORY_EXPORT].buffer.byteLength;
}

export { load as ready };

/** The package's version: scripts/postlink.mjs puts Cargo.toml's in place of the name. */
export const version = AI_CERT_CHECK_VERSION;
