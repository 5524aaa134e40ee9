// The JavaScript API on the plain page: a checklist with problems, given to `#broken`
// (the widget lists them), and the version.
import { mount, version } from "ai-cert-check";

const broken = document.querySelector<HTMLElement>("#broken")!;
broken.addEventListener("ai-cert-check-invalid", (event) => {
  console.info(`${event.detail.problems.length} problems`);
});
void mount(broken, { checklist: { version: 1 } });
document.querySelector<HTMLOutputElement>("#version")!.value = version;
