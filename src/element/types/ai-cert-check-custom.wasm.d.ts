// A build's JavaScript version (binaryen's wasm2js, made by scripts/postlink.mjs),
// loaded instead of its .wasm where WebAssembly is refused: called with the import
// object, it returns the exports. For the type check of this folder (../tsconfig.json).
export default function instantiate(imports: WebAssembly.Imports): WebAssembly.Exports;
