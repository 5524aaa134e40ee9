// ai-cert-check: the one script a page loads. It defines <ai-cert-check>, loads the
// WebAssembly once (streaming, relative to this file's own URL) and mounts every
// instance, present now or added later. Until the wasm is ready, or if it cannot run,
// the element shows whatever the author put inside it.
import init, { mount } from "./glue.js";

const TAG = "ai-cert-check";
const widgets = new WeakMap();
let loading;

function load() {
  loading ??= init();
  return loading;
}

// `reading-links='{"employers-care": "/posts/employers/"}'`: the host's addresses for
// the related reading, by id. Parsed here (JSON.parse costs the wasm nothing); the wasm
// vets every address before making a link.
function readingLinks(element) {
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

class AiCertCheckElement extends HTMLElement {
  connectedCallback() {
    load().then(
      () => {
        if (this.isConnected && !widgets.has(this)) widgets.set(this, mount(this, readingLinks(this)));
      },
      (error) => console.error(`<${TAG}> could not start:`, error),
    ).catch((error) => console.error(`<${TAG}> could not render:`, error));
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects in one task: keep the widget
    // (and the reader's answers) unless the element is really gone.
    queueMicrotask(() => {
      if (this.isConnected) return;
      const widget = widgets.get(this);
      widgets.delete(this);
      widget?.free();
    });
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, AiCertCheckElement);

/** Bytes of WebAssembly memory in use by the widget (for the benchmark and tests). */
export async function wasmMemoryBytes() {
  const wasm = await load();
  return wasm.memory.buffer.byteLength;
}

export { load as ready };
