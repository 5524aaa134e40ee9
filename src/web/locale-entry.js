// A language build's module: the glue of the default build compiled with another
// language's built-in checklist. entry.js imports it for `lang` attributes it serves.
export { default, mount } from "./glue.js";
