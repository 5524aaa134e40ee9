// `ai-cert-check/react`: the main module under another name, so that one import both
// defines the element and (through react.d.ts beside it) types it in React's JSX.
export * from "./ai-cert-check.js";
