// "./ai-cert-check-fr.js": the French build's bundle, ../locale-entry.js with its glue
// (scripts/build.sh). For the type check of this folder (../tsconfig.json).
export * from "../locale-entry.js";
export { default } from "../locale-entry.js";
