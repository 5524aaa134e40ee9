// vite.config.js: nothing for ai-cert-check (Vite 8 finds its .wasm and its on-demand
// builds, in the dev server and the build); two pages for the test.
import { defineConfig } from "vite";

export default defineConfig({
  build: { rolldownOptions: { input: ["index.html", "react.html"] } },
});
