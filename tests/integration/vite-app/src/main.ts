// src/main.ts
import "ai-cert-check";

const verdict = document.querySelector<HTMLOutputElement>("#verdict")!;
document.addEventListener("ai-cert-check-change", (event) => {
  verdict.value = event.detail.result.title ?? "";
});
