// "./ai-cert-check.js": the main bundle, ../entry.js with its glue, which ../react.js
// re-exports in the package. For the type check of this folder (../tsconfig.json).
export * from "../entry.js";
