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

class AiCertCheckElement extends HTMLElement {
  connectedCallback() {
    load().then(
      () => {
        if (this.isConnected && !widgets.has(this)) widgets.set(this, mount(this));
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

export { load as ready };
