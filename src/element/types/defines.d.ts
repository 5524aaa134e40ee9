// Names scripts/postlink.mjs replaces when it bundles an entry: Cargo.toml's version, and
// the new names of the build's memory export and of its stack-pointer function (null
// in a build without one). For the type check of this folder (../tsconfig.json).
declare const AI_CERT_CHECK_VERSION: string;
declare const WASM_MEMORY_EXPORT: string;
declare const WASM_STACK_EXPORT: string | null;
