// src/main.ts
import { mount, version } from "ai-cert-check";

const verdict = document.querySelector<HTMLOutputElement>("#verdict")!;
document.addEventListener("ai-cert-check-change", (event) => {
  verdict.value = event.detail.result.title;
});

// A checklist with problems, given through the API: the widget lists them.
const broken = document.querySelector<HTMLElement>("#broken")!;
broken.addEventListener("ai-cert-check-invalid", (event) => {
  console.info(`${event.detail.problems.length} problems`);
});
void mount(broken, { checklist: { version: 1 } });

console.info(`ai-cert-check ${version}`);
