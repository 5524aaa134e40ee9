// Every public type of `ai-cert-check`, used as a TypeScript developer would, under
// `tsc --strict`. Each `@ts-expect-error` is a mistake the types must catch (an unused
// one is itself an error, so types that turned to `any` fail the check).
import {
  AiCertCheckElement as AiCertCheckElementClass,
  getAnswers,
  getResult,
  mount,
  ready,
  reset,
  setAnswers,
  unmount,
  version,
  wasmMemoryBytes,
  type AiCertCheckAnswers,
  type AiCertCheckAttributes,
  type AiCertCheckChangeDetail,
  type AiCertCheckChecklist,
  type AiCertCheckElement,
  type AiCertCheckErrorName,
  type AiCertCheckEventMap,
  type AiCertCheckInvalidDetail,
  type AiCertCheckMountOptions,
  type AiCertCheckProblem,
  type AiCertCheckProblemKind,
  type AiCertCheckChange,
  type AiCertCheckReading,
  type AiCertCheckReason,
  type AiCertCheckResult,
} from "ai-cert-check";

const v: string = version;

// The README's own recipe, on the document, the window and an element.
document.addEventListener("ai-cert-check-change", (e) => {
  console.log(e.detail.result.verdict, e.detail.answers, v);
});
window.addEventListener("ai-cert-check-complete", (e) => {
  const detail: AiCertCheckChangeDetail = e.detail;
  console.log(detail.result.title);
});
document.body.addEventListener("ai-cert-check-invalid", (e) => {
  const detail: AiCertCheckInvalidDetail = e.detail;
  const first: AiCertCheckProblem | undefined = detail.problems[0];
  console.log(first?.path, first?.message, first?.hint);
  // Code matches a problem's kind, not its message's words.
  const kind: AiCertCheckProblemKind | undefined = first?.kind;
  if (kind === "load") console.log("the file could not be fetched");
  // @ts-expect-error: not a kind of problem
  if (kind === "typo") console.log(kind);
});
document.addEventListener("ai-cert-check-ready", (e) => {
  const nothing: undefined = e.detail;
  console.log(nothing);
});
// @ts-expect-error: a result has no such field
document.addEventListener("ai-cert-check-change", (e) => e.detail.result.score);
// @ts-expect-error: ready carries no detail to read
document.addEventListener("ai-cert-check-ready", (e) => e.detail.result);

// The element type, from the tag name.
const el: AiCertCheckElement | null = document.querySelector("ai-cert-check");
const made: AiCertCheckElement = document.createElement("ai-cert-check");
made.addEventListener("ai-cert-check-change", function (e) {
  const self: AiCertCheckElement = this;
  console.log(self.isConnected, e.detail.result.provisional);
});
const listener = (e: AiCertCheckEventMap["ai-cert-check-change"]) => console.log(e.detail.answers);
made.addEventListener("ai-cert-check-change", listener);
made.removeEventListener("ai-cert-check-change", listener);
// @ts-expect-error: an AiCertCheckElement is not any element
const notInput: HTMLInputElement = made;

// Attributes, typed.
const attributes: AiCertCheckAttributes = { theme: "dark", storage: "none", lang: "fr", src: "/list.json", checklist: "id", "reading-links": "{}" };
for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, String(value));
// @ts-expect-error: no such theme
const wrongTheme: AiCertCheckAttributes = { theme: "purple" };

// The element's own properties and methods.
async function properties(element: AiCertCheckElement): Promise<void> {
  element.theme = "dark";
  element.storage = "none";
  element.src = "/list.json";
  element.checklist = "my-list";
  element.lang = "fr";
  // @ts-expect-error: no such theme
  element.theme = "purple";
  await element.ready;
  const answers: AiCertCheckAnswers | null = element.answers;
  element.answers = { objective: "promotion", expectations: ["protection"] };
  // @ts-expect-error: an answer is an option id or a list of them
  element.answers = { objective: 1 };
  const result: AiCertCheckResult | null = element.result;
  // @ts-expect-error: the result is read-only
  element.result = null;
  // @ts-expect-error: the result is null until the element is rendered
  console.log(element.result.verdict);
  await element.reset();
  console.log(answers, result?.verdict);
  // The class: instanceof narrows, customElements.get gives it.
  const found: Element | null = document.querySelector(".widget");
  if (found instanceof AiCertCheckElementClass) console.log(found.answers);
  const made: AiCertCheckElement = new AiCertCheckElementClass();
  console.log(made.result);
}

// The API's errors: match on the name.
function kindOf(error: unknown): AiCertCheckErrorName | "other" {
  if (error instanceof DOMException && (error.name === "InvalidStateError" || error.name === "DataError")) return error.name;
  return "other";
}

// The API.
async function api(element: AiCertCheckElement): Promise<void> {
  const loaded: void = await ready();
  console.log(loaded);
  const checklist: AiCertCheckChecklist = { version: 1 };
  const options: AiCertCheckMountOptions = { checklist, readingLinks: { reskill: "/posts/reskill/" } };
  await mount(element, options);
  await mount(element);
  const answers: AiCertCheckAnswers = await getAnswers(element);
  await setAnswers(element, { ...answers, objective: "promotion", expectations: ["protection"] });
  // @ts-expect-error: an answer is an option id or a list of them
  await setAnswers(element, { objective: 1 });
  const result: AiCertCheckResult = await getResult(element);
  // Before the first answer there is no verdict.
  // @ts-expect-error: the verdict may be null
  const unchecked: string = result.verdict;
  const verdict: string = result.verdict ?? "none yet";
  const scores: Record<string, number> = result.scores;
  const reasons: AiCertCheckReason[] = result.reasons;
  const strongest: number | undefined = reasons[0]?.push;
  const deciding: boolean = reasons[0]?.side === "decisive";
  const byRule: string | undefined = reasons[0]?.rule;
  const offer: "poor" | "sound" | null = result.offer;
  const changes: AiCertCheckChange[] = result.changes;
  const upward: boolean = changes[0]?.direction === "up";
  const reading: AiCertCheckReading[] = result.reading;
  const href: string | undefined = reading[0]?.href;
  const steps: string[] = result.nextSteps;
  console.log(unchecked, verdict, scores, strongest, deciding, byRule, offer, upward, href, steps, result.answered, result.total, result.summary);
  const bytes: number = await wasmMemoryBytes();
  console.log(bytes);
  await reset(element);
  unmount(element);
}

if (el) void api(el).catch((e: unknown) => console.log(kindOf(e)));
if (el) void properties(el);
console.log(notInput, wrongTheme);
