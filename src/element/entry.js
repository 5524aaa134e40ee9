// ai-cert-check: the one script a page loads. It defines <ai-cert-check>, and mounts
// every instance, present now or added later. Until the WebAssembly is ready, or if it
// cannot run, the element shows whatever the author put inside it.
//
// Two builds of the same Rust code: the default one (the built-in checklist as static
// tables, no parser) is bundled here; the one that reads a host's own checklist (serde)
// is a second file, ai-cert-check-custom.js, imported only when an element brings a
// checklist (`src`, `checklist`, or the `mount` API). Both load their .wasm relative
// to this file's own URL, with streaming compilation, or, on pages that forbid
// WebAssembly, a JavaScript build of the same code (src/element/loader.js).
import { mount as mountBuiltin } from "./glue.js";
import { load as loadBuild } from "./loader.js";

const TAG = "ai-cert-check";
const widgets = new WeakMap(); // element -> { widget, copy } (widget null: showing problems)
const loads = new WeakMap(); // element -> the token of the load under way
const given = new WeakMap(); // element -> { checklist, readingLinks } from the JS API
const mountings = new WeakMap(); // element -> promise of its latest mount
let loading;

function load() {
  loading ??= loadBuild(() => import("./ai-cert-check-core.wasm.js"), new URL("ai-cert-check-core_bg.wasm", import.meta.url));
  return loading;
}

// Languages other than English: the same build compiled with that language's
// built-in checklist (its questions, verdicts and interface words).
const LOCALES = { fr: () => import("./ai-cert-check-fr.js") };
const loadingLocale = {};

// The element's language as the platform has it: the nearest `lang` among the element
// and its ancestors, else the document's (for an element in another component's shadow
// tree, whose ancestors stop at that tree's root).
function localeOf(element) {
  const lang = (element.closest("[lang]") ?? element.ownerDocument.documentElement).lang.toLowerCase().split("-")[0];
  return Object.hasOwn(LOCALES, lang) ? lang : null;
}

function loadLocale(lang) {
  loadingLocale[lang] ??= LOCALES[lang]().then(async (module) => {
    await module.default();
    return module;
  });
  return loadingLocale[lang];
}

// `reading-links='{"employers-care": "/posts/employers/"}'`: the host's addresses for
// the related reading, by id. Parsed here (JSON.parse costs the wasm nothing); the wasm
// vets every address before making a link. Only own properties count: copied onto an
// object without a prototype, so that a property a page added to Object.prototype is
// never read as a link.
function readingLinks(element) {
  let links = given.get(element)?.readingLinks;
  try {
    links ??= JSON.parse(element.getAttribute("reading-links") || null);
  } catch (error) {
    console.warn(`<${TAG}> reading-links is not valid JSON; related reading shows as plain titles.`, error);
  }
  return links && typeof links == "object" ? Object.assign(Object.create(null), links) : undefined;
}

function connect(element) {
  if (!widgets.has(element) && !loads.has(element)) {
    const token = {};
    loads.set(element, token);
    mountings.set(element, start(element, token));
  }
  return mountings.get(element);
}

async function start(element, token) {
  // The last request wins: each load carries a token, and one that finishes after a
  // newer one started (an attribute changed, `mount` was called, the element left the
  // page) is dropped.
  const current = () => loads.get(element) === token && element.isConnected;
  try {
    const links = readingLinks(element);
    const lang = localeOf(element);
    const checklist = given.get(element)?.checklist;
    let held;
    if (checklist !== undefined || element.getAttribute("src") || element.getAttribute("checklist")) {
      // A checklist of the host's own: a copy of the custom build of its own, whose
      // faults stop this element alone (src/element/custom-entry.js).
      held = await (await import("./ai-cert-check-custom.js")).mount(element, checklist, links, current);
    } else {
      const locale = lang ? await loadLocale(lang) : void (await load());
      if (current()) held = { widget: (locale ? locale.mount : mountBuiltin)(element, links) };
    }
    if (held && !held.copy?.failed) widgets.set(element, held);
  } catch (error) {
    console.error(`<${TAG}> could not start:`, error);
  } finally {
    if (loads.get(element) === token) loads.delete(element);
  }
}

function release(element) {
  const held = widgets.get(element);
  widgets.delete(element);
  loads.delete(element);
  held?.widget?.free();
}

// Server-side rendering imports this module where there is no DOM: there the class
// extends a stand-in and nothing is defined, so the import does nothing and throws
// nothing. The class is made as a property's value so that it keeps its name after
// minifying (a class takes the name of the key it is written under; a declaration's
// name is shortened, and developer tools would show `q`).
export const AiCertCheckElement = { AiCertCheckElement: class extends /** @type {typeof HTMLElement} */ (globalThis.HTMLElement ?? Object) {
  static observedAttributes = ["src", "checklist", "lang", "storage"];
  // Marks this definition as ours: the script loaded twice is harmless, another
  // definition of the name is reported. A registered symbol: the same in every copy of
  // this script, and not a member of the element's public API. (TypeScript wants a
  // literal key for a class field; a registered symbol is valid JavaScript.)
  // @ts-expect-error
  static [Symbol.for("ai-cert-check")] = true;

  connectedCallback() {
    connect(this);
  }

  attributeChangedCallback(name, before, after) {
    // A different checklist, language or storage choice: mount afresh.
    if (before !== after && (widgets.has(this) || loads.has(this))) {
      release(this);
      if (this.isConnected) connect(this);
    }
  }

  adoptedCallback() {
    // Moved into another document (a same-origin frame, a pop-out window): the
    // stylesheet, which belongs to one document, is made again by the new one's window.
    widgets.get(this)?.widget?.restyle();
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects in one task: keep the widget
    // (and the reader's answers) unless the element is really gone.
    queueMicrotask(() => {
      if (!this.isConnected) release(this);
    });
  }

  // The element's own API (docs/api.md). `answers` and `result` are read at once, `null`
  // until the element is rendered; setting `answers` replaces them at once when it is
  // rendered (throwing as `setAnswers` rejects), else when it is.
  get answers() {
    return widgets.get(this)?.widget?.answers() ?? null;
  }

  set answers(answers) {
    const widget = widgets.get(this)?.widget;
    // Not rendered yet (frameworks set properties before they insert the element).
    widget ? put(widget, answers) : this.ready.then(() => setAnswers(this, answers));
  }

  get result() {
    return widgets.get(this)?.widget?.result() ?? null;
  }

  reset() {
    return reset(this);
  }

  // Settles once this element is rendered and answerable (at once if it is); rejects as
  // `getResult` does if it cannot be. Before its first mount, waits for it.
  get ready() {
    return (mountings.has(this) ? Promise.resolve() : new Promise((resolve) => this.addEventListener(`${TAG}-ready`, resolve, { once: true })))
      .then(() => mounted(this))
      .then(() => {});
  }
}}.AiCertCheckElement;

// Properties that reflect the attributes (`lang` is HTMLElement's own): a string, `""`
// when the attribute is absent; setting one sets the attribute.
for (const name of ["src", "checklist", "storage", "theme"]) {
  Object.defineProperty(AiCertCheckElement.prototype, name, {
    get() {
      return this.getAttribute(name) ?? "";
    },
    set(value) {
      this.setAttribute(name, value);
    },
  });
}

const taken = globalThis.customElements?.get(TAG);
if (globalThis.customElements && !taken) customElements.define(TAG, AiCertCheckElement);
else if (taken && !taken[Symbol.for("ai-cert-check")]) {
  console.error(`<${TAG}> cannot start: another script defined <${TAG}>.`);
}

/**
 * Gives `element` a checklist (a plain object in the checklist format, or its JSON
 * text) and, optionally, addresses for its related reading, then (re)mounts it.
 * Resolves once it is shown. Only the options' own properties are read.
 */
export async function mount(element, options = {}) {
  const own = (key) => (Object.hasOwn(options, key) ? options[key] : undefined);
  given.set(element, { checklist: own("checklist"), readingLinks: own("readingLinks") });
  release(element);
  if (element.isConnected) await connect(element);
}

/** Unmounts `element`: its listener is released; it mounts again if reconnected. */
export function unmount(element) {
  given.delete(element);
  release(element);
}

/** The element's widget once its latest mount (even one started meanwhile) is done. */
async function mounted(element) {
  for (let m; m !== mountings.get(element); ) await (m = mountings.get(element));
  const held = widgets.get(element);
  if (!held?.widget || held.copy?.failed) throw failure("is not mounted (not in the document, or its checklist has problems)", "InvalidStateError");
  return held.widget;
}

// Every error of the API is a DOMException (an Error) whose `name` says its kind:
// `InvalidStateError` (the element is not rendered), `DataError` (answers the checklist
// cannot take). Its message is for people.
const failure = (message, name) => new DOMException(`<${TAG}> ${message}`, name);

/** The reader's answers: `{ questionId: optionId | optionId[] }`. */
export async function getAnswers(element) {
  return (await mounted(element)).answers();
}

/** The current result, as in the change event's `detail.result`. */
export async function getResult(element) {
  return (await mounted(element)).result();
}

/** Replaces the answers (all or nothing; rejects on an unknown question or option). No event fires. */
export async function setAnswers(element, answers) {
  put(await mounted(element), answers);
}

/** Gives `widget` the answers, all or nothing, or throws a `DataError` naming what it cannot take. */
function put(widget, answers) {
  const pairs = [];
  for (const [question, chosen] of Object.entries(answers ?? {})) {
    for (const option of [chosen].flat()) {
      const text = `${question}=${option}`;
      if (text.includes("&") || text.split("=").length !== 2) throw failure(`not an id: ${text}`, "DataError");
      pairs.push(text);
    }
  }
  try {
    widget.setAnswers(pairs.join("&"));
  } catch (why) {
    // The wasm says what it cannot take as a string.
    throw failure(why, "DataError");
  }
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

/** Resolves (to nothing) once the default build is loaded; elements mount themselves. */
export async function ready() {
  await load();
}

/** The package's version: scripts/postlink.mjs puts Cargo.toml's in place of the name. */
export const version = AI_CERT_CHECK_VERSION;
