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
 * Instantiates the build whose glue this module is bundled with, from `url` (its .wasm,
 * written `new URL("<name>_bg.wasm", import.meta.url)` by the caller, where bundlers find
 * it) or the one-file build's inlined bytes; `jsBuild` imports its JavaScript version.
 * Resolves to the build's exports (their names shortened by scripts/postlink.mjs).
 */
export function load(jsBuild, url) {
  const imports = __wbg_get_imports();
  if (!wasmAllowed()) return jsBuild().then((build) => __wbg_finalize_init({ exports: build.default(imports) }));
  const instantiate = (source) => WebAssembly.instantiate(source, imports);
  return (
    wasmBytes
      ? instantiate(wasmBytes)
      : fetch(url).then((response) =>
          // Refused for its type: the same response's bytes (one request either way).
          WebAssembly.instantiateStreaming(response, imports).catch(() => response.arrayBuffer().then(instantiate)),
        )
  ).then((made) => __wbg_finalize_init(made.instance, made.module));
}
