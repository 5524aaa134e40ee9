// Names scripts/postlink.mjs replaces when it bundles an entry: Cargo.toml's version, and
// the new name of the build's memory export. For the type check of this folder
// (../tsconfig.json).
declare const AI_CERT_CHECK_VERSION: string;
declare const WASM_MEMORY_EXPORT: string;
