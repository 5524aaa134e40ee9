// A language build's module: the glue of the default build compiled with another
// language's built-in checklist. entry.js imports it for `lang` attributes it serves.
import { load } from "./loader.js";

export default () => load(() => import("./ai-cert-check-fr.wasm.js"), new URL("ai-cert-check-fr_bg.wasm", import.meta.url));
export { mount } from "./glue.js";
