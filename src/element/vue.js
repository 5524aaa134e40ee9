// `ai-cert-check/vue`: the main module under another name, so that one import both
// defines the element and (through vue.d.ts beside it) types it in Vue's templates.
export * from "./ai-cert-check.js";
