// A language build's module: the glue of the default build compiled with another
// language's built-in checklist. entry.js imports it for `lang` attributes it serves.
import { load } from "./loader.js";

export default () => load(() => import("./ai-cert-check-fr.wasm.js"));
export { mount } from "./glue.js";
