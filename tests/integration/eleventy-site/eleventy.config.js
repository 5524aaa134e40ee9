// eleventy.config.js
export default function (eleventyConfig) {
  // The widget's scripts and WebAssembly, as they are, at /widgets/ai-cert-check/.
  eleventyConfig.addPassthroughCopy({ "node_modules/ai-cert-check/*.{js,wasm}": "widgets/ai-cert-check" });
}
