// The second build's module: the wasm-bindgen glue of the build that reads a host's own
// checklist. entry.js imports it only when an element brings one.
export { default, mount_custom, validate } from "./glue.js";
