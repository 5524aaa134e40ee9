/**
 * ai-cert-check: importing this module defines the `<ai-cert-check>` custom element in a
 * browser. Where there is no DOM (server-side rendering in Node) the import defines
 * nothing and throws nothing.
 *
 * Events, dispatched on the element (`bubbles: true`, `composed: true`), typed on
 * elements, `document` and `window` ({@link AiCertCheckEventMap}):
 * - `ai-cert-check-ready`: the checklist is rendered and can be answered.
 * - `ai-cert-check-change`: after each answer, once the verdict on screen is updated;
 *   `detail` is an {@link AiCertCheckChangeDetail}.
 * - `ai-cert-check-complete`: the reader's answer that completes the required questions.
 * - `ai-cert-check-invalid`: a checklist with problems was given; `detail.problems`.
 * Host calls (setAnswers, reset, mount) fire no change or complete events.
 * See docs/api.md; JSX types for React 19 are in `ai-cert-check/react`.
 */

/** The package's version, e.g. `"0.1.0"`. */
export const version: string;

/**
 * Resolves (to nothing) once the default build's WebAssembly, or its JavaScript version,
 * is loaded; elements mount themselves. Rejects as the browser does if it cannot be
 * loaded (a `TypeError` for a failed request).
 */
export function ready(): Promise<void>;

/**
 * What every error of the API is: a `DOMException` (an `Error`) whose `name` says its
 * kind. `InvalidStateError`: the element is not rendered (not in the document, its
 * checklist has problems, or it stopped after a fault). `DataError`: answers the
 * checklist cannot take. The message is for people; match on `name`.
 */
export type AiCertCheckErrorName = "InvalidStateError" | "DataError";

/** A checklist in the format of docs/checklist-format.md (schema/checklist.schema.json). */
export type AiCertCheckChecklist = Record<string, unknown>;

/** What {@link mount} may give an element. */
export interface AiCertCheckMountOptions {
  /** A checklist (an object, or its JSON text); without one, the element's own (`src`, `checklist`) or the built-in one. */
  checklist?: AiCertCheckChecklist | string;
  /** Addresses for the related reading, by reading id. */
  readingLinks?: Record<string, string>;
}

/**
 * Gives `element` a checklist and/or reading addresses, and (re)mounts it. Only own
 * properties of `options` are read.
 */
export function mount(element: HTMLElement, options?: AiCertCheckMountOptions): Promise<void>;

/** Releases the element's widget (its listeners); it mounts again if reconnected. */
export function unmount(element: HTMLElement): void;

/** The reader's answers. Rejects with an `InvalidStateError` if the element is not mounted. */
export function getAnswers(element: HTMLElement): Promise<AiCertCheckAnswers>;

/** The current result. Rejects with an `InvalidStateError` if the element is not mounted. */
export function getResult(element: HTMLElement): Promise<AiCertCheckResult>;

/**
 * Replaces all answers; all or nothing (rejects with a `DataError` on an unknown question
 * or option, an `InvalidStateError` if the element is not mounted). Fires no event.
 */
export function setAnswers(element: HTMLElement, answers: AiCertCheckAnswers): Promise<void>;

/** Clears the answers on screen and in storage. Fires no event. Rejects with an `InvalidStateError` if the element is not mounted. */
export function reset(element: HTMLElement): Promise<void>;

/**
 * Bytes of WebAssembly memory the default build has reserved (its memory's buffer: every
 * built-in instance shares it; the French and own-checklist builds are not counted).
 * Loads the build if needed. For measuring, as the benchmark does.
 */
export function wasmMemoryBytes(): Promise<number>;

/** `{ questionId: optionId }` for single-choice, `{ questionId: optionId[] }` for multiple. */
export type AiCertCheckAnswers = Record<string, string | string[]>;

/**
 * One reason: an answer's (`question` and `option`) or a rule's over several answers
 * (`rule`).
 */
export interface AiCertCheckReason {
  question?: string;
  option?: string;
  rule?: string;
  /** The reason as the reader reads it. */
  text: string;
  /** Its weights summed towards the best verdict: positive speaks for it (none for `"offer"`). */
  push?: number;
  /**
   * The deciding reason (shown first), one of the reasons for or against, or what the
   * reader said of the program they picked.
   */
  side: "decisive" | "for" | "against" | "offer";
}

/** One way the verdict would change, in the reader's words. */
export interface AiCertCheckChange {
  /** Towards the best verdict, or away from it. */
  direction: "up" | "down";
  /** The verdict it leads to. */
  verdict: string;
  text: string;
}

/** One related reading: `href` only where the checklist gives its address. */
export interface AiCertCheckReading {
  title: string;
  href?: string;
}

/**
 * The result, as in the change event's `detail.result` and `getResult()`: the one
 * place its shape is declared (the integration test type-checks a real one against it).
 */
export interface AiCertCheckResult {
  /**
   * `worth_it`, `pair_practice`, `not_yet` or `build_experience` for the built-in
   * checklist; `null` before the first answer.
   */
  verdict: string | null;
  /** The headline ("Worth it, but not this program" when the program is poor); `null` before the first answer. */
  title: string | null;
  summary: string | null;
  /**
   * True while the verdict is a leaning: an answer to a question still open could change
   * its band. False only when none could (the verdict is final).
   */
  provisional: boolean;
  /** While `provisional`, the sentence shown in place of the summary; otherwise `null`. */
  leaning: string | null;
  answered: number;
  /** The questions asked (one asked only after an earlier answer counts only then). */
  total: number;
  /** One score per factor id, e.g. `{ case: 7, practice: 6 }`. */
  scores: Record<string, number>;
  /** The deciding reason first, then at most two for and two against. */
  reasons: AiCertCheckReason[];
  /** The program the reader picked, judged apart from the verdict. */
  offer: "poor" | "sound" | null;
  /** At most three. */
  nextSteps: string[];
  /** What would bring the reader to the best verdict reachable, and what would lose it. */
  changes: AiCertCheckChange[];
  /** At most three. */
  reading: AiCertCheckReading[];
  /**
   * The verdict id of the picture's cell that holds the dot (where the answers place
   * the reader); differs from `verdict` when a deciding answer chose the band.
   */
  place: string | null;
  /** The picture's caption; `null` before the first answer. */
  caption: string | null;
}

/** `detail` of `ai-cert-check-change` and `ai-cert-check-complete`. */
export interface AiCertCheckChangeDetail {
  answers: AiCertCheckAnswers;
  result: AiCertCheckResult;
}

/**
 * What kind of thing is wrong: match on this, not on the message's words (docs/api.md).
 */
export type AiCertCheckProblemKind =
  | "syntax"
  | "shape"
  | "empty"
  | "limit"
  | "value"
  | "conflict"
  | "duplicate"
  | "reference"
  | "link"
  | "verdicts"
  | "load";

export interface AiCertCheckProblem {
  kind: AiCertCheckProblemKind;
  /** A JSON path, e.g. `$.sections[0].questions[2].options[1].cap`. */
  path: string;
  message: string;
  hint: string;
}

/** `detail` of `ai-cert-check-invalid`. */
export interface AiCertCheckInvalidDetail {
  problems: AiCertCheckProblem[];
}

/** The element's events by name, as `addEventListener` types them. */
export interface AiCertCheckEventMap {
  "ai-cert-check-ready": CustomEvent<undefined>;
  "ai-cert-check-change": CustomEvent<AiCertCheckChangeDetail>;
  "ai-cert-check-complete": CustomEvent<AiCertCheckChangeDetail>;
  "ai-cert-check-invalid": CustomEvent<AiCertCheckInvalidDetail>;
}

/** The attributes the element reads, all optional (docs/api.md). */
export interface AiCertCheckAttributes {
  /** URL of a checklist JSON file. */
  src?: string;
  /** Id of a `<script type="application/json">` holding a checklist. */
  checklist?: string;
  /** `fr` (or `fr-*`) for French; anything else is English. */
  lang?: string;
  /** Colours: follow the reader's setting (`auto`, the default) or force one. */
  theme?: "auto" | "light" | "dark";
  /** `none`: never save or restore answers in this browser. */
  storage?: "none";
  /** JSON object `{ "<reading id>": "<address>" }`. */
  "reading-links"?: string;
}

/**
 * An `<ai-cert-check>` element: what `document.querySelector("ai-cert-check")` and
 * `document.createElement("ai-cert-check")` give. Its properties and methods are below;
 * this module's functions (`getResult(element)`, ...) do the same, asynchronously.
 */
export interface AiCertCheckElement extends HTMLElement {
  /** Reflects the `theme` attribute (`""` when absent). */
  theme: "" | "auto" | "light" | "dark";
  /** Reflects the `src` attribute (`""` when absent): setting it loads that checklist. */
  src: string;
  /** Reflects the `checklist` attribute (`""` when absent). */
  checklist: string;
  /** Reflects the `storage` attribute (`""` when absent). */
  storage: "" | "none";
  /**
   * The reader's answers, `null` until the element is rendered. Setting it replaces them
   * all: at once if it is rendered (throwing a `DataError` for answers the checklist
   * cannot take), else once it is. Fires no event.
   */
  get answers(): AiCertCheckAnswers | null;
  set answers(answers: AiCertCheckAnswers);
  /** The current result, as in the change event's `detail.result`; `null` until rendered. */
  readonly result: AiCertCheckResult | null;
  /**
   * Settles once this element is rendered and answerable (at once if it is; before its
   * first mount, waits for it). Rejects with an `InvalidStateError` if it cannot be.
   */
  readonly ready: Promise<void>;
  /** Clears the answers, on screen and in storage. Fires no event. */
  reset(): Promise<void>;

  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: AiCertCheckElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: AiCertCheckElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's class: `el instanceof AiCertCheckElement`; `customElements.get("ai-cert-check")`. */
export declare const AiCertCheckElement: {
  prototype: AiCertCheckElement;
  new (): AiCertCheckElement;
};

declare global {
  interface HTMLElementTagNameMap {
    "ai-cert-check": AiCertCheckElement;
  }
  // The events bubble and are composed: listeners on any element, the document or the
  // window hear them.
  interface HTMLElementEventMap extends AiCertCheckEventMap {}
  interface DocumentEventMap extends AiCertCheckEventMap {}
  interface WindowEventMap extends AiCertCheckEventMap {}
}
