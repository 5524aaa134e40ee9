/**
 * ai-cert-check: importing this module defines the `<ai-cert-check>` custom element.
 *
 * Events, dispatched on the element (`bubbles: true`, `composed: true`):
 * - `ai-cert-check-ready`: the checklist is rendered and can be answered.
 * - `ai-cert-check-change`: after each answer, once the verdict on screen is updated;
 *   `detail` is an {@link AiCertCheckChangeDetail}.
 */

/** Resolves once the WebAssembly is loaded (elements then mount themselves). */
export function ready(): Promise<unknown>;

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

declare global {
  interface HTMLElementEventMap {
    "ai-cert-check-ready": CustomEvent<undefined>;
    "ai-cert-check-change": CustomEvent<AiCertCheckChangeDetail>;
  }
}
