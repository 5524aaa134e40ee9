/**
 * ai-cert-check: importing this module defines the `<ai-cert-check>` custom element.
 *
 * Events, dispatched on the element (`bubbles: true`, `composed: true`):
 * - `ai-cert-check-ready`: the checklist is rendered and can be answered.
 * - `ai-cert-check-change`: after each answer, once the verdict on screen is updated;
 *   `detail` is an {@link AiCertCheckChangeDetail}.
 * - `ai-cert-check-complete`: the reader's answer that completes the required questions.
 * - `ai-cert-check-invalid`: a checklist with problems was given; `detail.problems`.
 * Host calls (setAnswers, reset, mount) fire no change or complete events.
 * See docs/api.md.
 */

/** Resolves once the default build's WebAssembly is loaded (elements mount themselves). */
export function ready(): Promise<unknown>;

/** A checklist in the format of docs/checklist-format.md (schema/checklist.schema.json). */
export type AiCertCheckChecklist = Record<string, unknown>;

/**
 * Gives `element` a checklist (an object, or its JSON text) and/or reading addresses,
 * and (re)mounts it. Only own properties are read.
 */
export function mount(
  element: HTMLElement,
  options?: { checklist?: AiCertCheckChecklist | string; readingLinks?: Record<string, string> },
): Promise<void>;

/** Releases the element's widget (its listeners); it mounts again if reconnected. */
export function unmount(element: HTMLElement): void;

/** The reader's answers. Rejects if the element is not mounted. */
export function getAnswers(element: HTMLElement): Promise<AiCertCheckAnswers>;

/** The current result. Rejects if the element is not mounted. */
export function getResult(element: HTMLElement): Promise<AiCertCheckResult>;

/** Replaces all answers; all or nothing (throws on an unknown question or option). Fires no event. */
export function setAnswers(element: HTMLElement, answers: AiCertCheckAnswers): Promise<void>;

/** Clears the answers on screen and in storage. Fires no event. */
export function reset(element: HTMLElement): Promise<void>;

/** Bytes of WebAssembly memory the widgets use (all instances share one module). */
export function wasmMemoryBytes(): Promise<number>;

/** `{ questionId: optionId }` for single-choice, `{ questionId: optionId[] }` for multiple. */
export type AiCertCheckAnswers = Record<string, string | string[]>;

export interface AiCertCheckReason {
  question: string;
  option: string;
  text: string;
  /** Sum of the option's weights: positive pushes towards a better verdict. */
  push: number;
  /** This answer's cap is what holds the verdict where it is. */
  decisive: boolean;
}

export interface AiCertCheckResult {
  /** `worth_it`, `pair_practice`, `not_yet` or `build_experience` for the built-in checklist. */
  verdict: string;
  title: string;
  summary: string;
  /** True until every required question is answered. */
  provisional: boolean;
  answered: number;
  total: number;
  /** One score per factor id, e.g. `{ case: 7, practice: 6 }`. */
  scores: Record<string, number>;
  /** Strongest first. */
  reasons: AiCertCheckReason[];
  nextSteps: string[];
  reading: { title: string; href?: string }[];
}

export interface AiCertCheckChangeDetail {
  answers: AiCertCheckAnswers;
  result: AiCertCheckResult;
}

export interface AiCertCheckProblem {
  /** A JSON path, e.g. `$.sections[0].questions[2].options[1].cap`. */
  path: string;
  message: string;
  hint: string;
}

declare global {
  interface HTMLElementEventMap {
    "ai-cert-check-ready": CustomEvent<undefined>;
    "ai-cert-check-change": CustomEvent<AiCertCheckChangeDetail>;
    "ai-cert-check-complete": CustomEvent<AiCertCheckChangeDetail>;
    "ai-cert-check-invalid": CustomEvent<{ problems: AiCertCheckProblem[] }>;
  }
}
