// astro.config.mjs
import { defineConfig } from "astro/config";

export default defineConfig({
  // Astro's dev server would pre-bundle ai-cert-check into another folder, away from
  // its .wasm and its on-demand files: serve it as it is.
  vite: { optimizeDeps: { exclude: ["ai-cert-check"] } },
});
