// The .wasm bytes for the one-file build; in the normal build there are none and the
// glue fetches ai-cert-check-core_bg.wasm beside the script (scripts/postlink.mjs swaps
// this module for one holding the bytes).
export default undefined;
