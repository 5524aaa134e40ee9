// Starts one copy of a build that scripts/postlink.mjs makes copies of ("./glue-factory.js":
// this module and the glue, bundled inside a function, so that each copy has its own).
// Like src/element/loader.js, but from a module compiled once for every copy, and with the
// copy's exports wrapped before its glue uses them (src/element/custom-entry.js guards every
// call). The glue's own loading path (fetch, streaming, MIME fallback) is not used, so
// esbuild leaves it out of the copies.
import { __wbg_get_imports, __wbg_finalize_init } from "./glue.js";
import { wasmAllowed } from "./loader.js";

/**
 * Instantiates this copy: from `compiled()` (a promise of the compiled module) where the
 * page lets WebAssembly run, otherwise from the JavaScript version `jsBuild` imports.
 * `wrap` wraps the exports. Resolves to the wrapped exports.
 * @param {() => Promise<{ default: (imports: WebAssembly.Imports) => WebAssembly.Exports }>} jsBuild
 * @param {() => Promise<WebAssembly.Module>} compiled
 * @param {(exports: WebAssembly.Exports) => WebAssembly.Exports} wrap
 */
export async function load(jsBuild, compiled, wrap) {
  const imports = __wbg_get_imports();
  const exports = wasmAllowed()
    ? (await WebAssembly.instantiate(await compiled(), imports)).exports
    : (await jsBuild()).default(imports);
  return __wbg_finalize_init({ exports: wrap(exports) });
}
