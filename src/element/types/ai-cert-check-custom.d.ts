// "./ai-cert-check-custom.js": the custom build's bundle, ../custom-entry.js with its
// glue (scripts/build.sh). For the type check of this folder (../tsconfig.json).
export * from "../custom-entry.js";
