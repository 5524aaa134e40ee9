// "./glue.js": the wasm-bindgen glue of the build an entry is bundled with
// (scripts/postlink.mjs resolves the name; wasm-bindgen writes the glue). Only what this
// folder's modules use, for their type check (../tsconfig.json).

/** A mounted widget (src/web/api.rs). */
export class Widget {
  free(): void;
  answers(): unknown;
  result(): unknown;
  setAnswers(pairs: string): void;
  reset(): void;
  /** Adopts the stylesheet of the document the element was moved into. */
  restyle(): void;
}

/** The default build's mount (src/web/api.rs). */
export function mount(host: HTMLElement, links: unknown): Widget;

/** The import object the build's code needs. */
export function __wbg_get_imports(): WebAssembly.Imports;

/**
 * Finishes starting an instance made outside the glue's own loader: by the element's
 * loader from the .wasm (with its module), or from the JavaScript version or a copy.
 */
export function __wbg_finalize_init(instance: { exports: unknown }, module?: WebAssembly.Module): unknown;
