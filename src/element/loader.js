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
import init, { __wbg_get_imports, __wbg_finalize_init } from "./glue.js";
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
 * Instantiates the build whose glue this module is bundled with; `jsBuild` imports its
 * JavaScript version. Resolves to the build's exports (their names shortened by
 * scripts/postlink.mjs).
 */
export function load(jsBuild) {
  if (wasmAllowed()) return init(wasmBytes ? { module_or_path: wasmBytes } : undefined);
  return jsBuild().then((build) => __wbg_finalize_init({ exports: build.default(__wbg_get_imports()) }));
}
