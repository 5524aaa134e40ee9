// vite.config.js
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    vue({
      // <ai-cert-check> is a custom element, not a Vue component.
      template: { compilerOptions: { isCustomElement: (tag) => tag === "ai-cert-check" } },
    }),
  ],
});
