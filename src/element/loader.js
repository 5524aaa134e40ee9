// Starts one copy of a build's compiled Rust code: the .wasm where the page lets
// WebAssembly run, otherwise the same code compiled to JavaScript (binaryen's wasm2js,
// made by scripts/postlink.mjs), for pages whose Content-Security-Policy has no
// 'wasm-unsafe-eval'. The JavaScript build is about 54 KB gzip and is fetched only
// when WebAssembly is refused; the .wasm is then never fetched.
//
// Refusal is found by instantiating the smallest module there is (8 bytes,
// synchronously, no request). Instantiating, not only compiling: under such a policy
// WebKit (Safari's engine) compiles a module and refuses only its instantiation, so a
// probe that only compiled passed there and the widget then failed to start. Chromium
// and Firefox refuse the compilation already. The probe raises at most one
// `securitypolicyviolation` event (one CSP report, if the host collects them; WebKit
// raises none): the price of knowing. tests/xbrowser/ checks it in all three engines.
//
// The .wasm is instantiated here, not by the glue's own `init`: the same streaming
// compilation, and where a server does not send `application/wasm` the same fallback to
// compiling from the bytes, without the glue's deprecated-argument handling and its
// long warning text, which every reader's page downloaded (about 0.3 KB gzip).
import { __wbg_get_imports, __wbg_finalize_init } from "./glue.js";
import wasmBytes from "./wasm-inline.js";

let allowed;
/** Whether the page lets WebAssembly run. */
export function wasmAllowed() {
  if (allowed === undefined) {
    try {
      allowed = !!new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/**
 * The build's exports, each function wrapped so that the build's stack pointer is back
 * where it was when the call began, however the call ends. An exception thrown through
 * the build (a host page's getter that throws, a DOM call refused) leaves no Rust code
 * to run that would restore it, so every failing call left its stack frame behind:
 * about a thousand failed mounts exhausted the stack, and from then on every widget on
 * the page threw "memory access out of bounds". (wasm-bindgen restores it only for
 * modules built with panic = "unwind".) tests/e2e/anywhere.test.mjs fails many mounts.
 */
function guard(exports) {
  // wasm-bindgen's `__wbindgen_add_to_stack_pointer`, by its short name (a build with
  // no stack in memory has none, and nothing to restore).
  const sp = exports[WASM_STACK_EXPORT];
  if (!sp) return exports;
  const guarded = {};
  for (const name in exports) {
    const f = exports[name];
    guarded[name] =
      typeof f == "function" && f != sp
        ? (...args) => {
            const at = sp(0);
            try {
              return f(...args);
            } finally {
              sp(at - sp(0));
            }
          }
        : f;
  }
  return guarded;
}

/**
 * Instantiates the build whose glue this module is bundled with, from `url` (its .wasm,
 * written `new URL("<name>_bg.wasm", import.meta.url)` by the caller, where bundlers find
 * it) or the one-file build's inlined bytes; `jsBuild` imports its JavaScript version,
 * which is also used when `fetch` gives no Response at all. (A page may have replaced
 * `fetch`: one that returns a Response rather than a promise of one works, its result
 * is awaited; for anything else, `import()` does not go through it.) Resolves to the
 * build's exports (their names shortened by scripts/postlink.mjs), guarded.
 */
export async function load(jsBuild, url) {
  const imports = __wbg_get_imports();
  const instantiate = async (source) => (await WebAssembly.instantiate(source, imports)).instance.exports;
  let exports, response;
  if (wasmAllowed()) {
    if (wasmBytes) exports = await instantiate(wasmBytes);
    else {
      try {
        response = await fetch(url);
      } catch {}
      if (response instanceof Response) {
        exports = await WebAssembly.instantiateStreaming(response, imports).then(
          (made) => made.instance.exports,
          // Refused for its type: the same response's bytes (one request either way).
          () => response.arrayBuffer().then(instantiate),
        );
      }
    }
  }
  return __wbg_finalize_init({ exports: guard(exports ?? (await jsBuild()).default(imports)) });
}
