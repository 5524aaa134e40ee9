// The second build's module: the wasm-bindgen glue of the build that reads a host's own
// checklist. entry.js imports it only when an element brings one.
import { load } from "./loader.js";

export default () => load(() => import("./ai-cert-check-custom.wasm.js"));
export { mount_custom, validate } from "./glue.js";
