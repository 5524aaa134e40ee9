// The element's public contract as data: attributes, events, CSS custom properties,
// parts, slots and the module's exports. The one source of pkg/custom-elements.json
// (the Custom Elements Manifest that IDEs, Storybook and documentation tools read) and
// of the tables between `<!-- contract:... -->` markers in docs/api.md and README.md;
// scripts/manifest.mjs writes both.
//
// Nothing here runs in the reader's browser. It cannot drift unnoticed:
// tests/integration/manifest.test.mjs compares it with the built widget (the
// attributes the code reads and `observedAttributes`, the events the Rust code
// dispatches and a browser sees, the parts and custom properties of a rendered widget,
// the exports of the module) and with the TypeScript declarations (src/element/entry.d.ts).
// A part, an event or an attribute added to the code fails that test until it is
// listed here.
//
// Descriptions are Markdown, as the manifest's schema says and the docs show them.

/** The element's tag and the name its class and TypeScript interface go by. */
export const tagName = 'ai-cert-check';
export const className = 'AiCertCheckElement';

export const summary = 'An explained decision widget: the reader answers a short checklist and gets a live verdict with its reasons.';

export const description =
  'Renders into an open Shadow DOM with its own stylesheet. Content put inside the element ' +
  'shows until the widget has started, and where scripts, WebAssembly and its JavaScript ' +
  'fallback are all unavailable: it is not slotted, the rendered widget replaces it. ' +
  'Its JavaScript API is its properties and methods (`answers`, `result`, `reset()`, `ready`) ' +
  'and the module\'s functions (`mount`, `getResult`, ...), which take the element. See docs/api.md.';

/**
 * Attributes: `values` is the docs' column, `type` the manifest's TypeScript text.
 * `remounts`: changing it on a mounted element mounts it afresh (entry.js's
 * `observedAttributes` are exactly these).
 */
export const attributes = [
  {
    name: 'src',
    type: 'string',
    values: 'URL of a checklist JSON file',
    description: 'shows that checklist (fetched with the page\'s credentials rules; same origin or a URL you name)',
    remounts: true,
  },
  {
    name: 'checklist',
    type: 'string',
    values: 'id of a `<script type="application/json">`',
    description: "shows the checklist inside that script (looked up in the element's own tree first: inside a component, its shadow root; then the page)",
    remounts: true,
  },
  {
    name: 'lang',
    type: 'string',
    values: '`fr` (or `fr-*`); anything else is English',
    description: 'language of the built-in checklist and the widget\'s words',
    remounts: true,
  },
  {
    name: 'theme',
    type: '"auto" | "light" | "dark"',
    default: '"auto"',
    values: '`auto` (default), `light`, `dark`',
    description: 'colours: follow the reader\'s setting, or force one',
  },
  {
    name: 'storage',
    type: '"none"',
    values: '`none`',
    description: 'never save or restore answers in this browser',
    remounts: true,
  },
  {
    name: 'reading-links',
    type: 'string',
    values: 'JSON object `{ "<reading id>": "<address>" }`',
    description:
      'addresses for the related reading (only http(s), relative and mailto are made links; without an address a title shows as text; only the object\'s own properties count)',
  },
];

/**
 * Events, dispatched on the element with `bubbles: true` and `composed: true`, for the
 * reader's actions only. `type` is the TypeScript type (src/element/entry.d.ts's
 * `AiCertCheckEventMap` has the same ones).
 */
export const events = [
  {
    name: 'ai-cert-check-ready',
    when: 'rendered and answerable',
    detail: 'none',
    type: 'CustomEvent<undefined>',
  },
  {
    name: 'ai-cert-check-change',
    when: 'after each answer by the reader (and "Clear my answers" and its "Undo"), once the screen is updated',
    detail: '`{ answers, result }`',
    type: 'CustomEvent<AiCertCheckChangeDetail>',
  },
  {
    name: 'ai-cert-check-complete',
    when: 'the reader\'s answer that completes the required questions (once; again only after they were cleared)',
    detail: '`{ answers, result }`',
    type: 'CustomEvent<AiCertCheckChangeDetail>',
  },
  {
    name: 'ai-cert-check-invalid',
    when: 'a checklist with problems was given',
    detail: '`{ problems: [{ kind, path, message, hint }] }`',
    type: 'CustomEvent<AiCertCheckInvalidDetail>',
  },
];

/**
 * The fields of `detail.result` (and of `getResult()`), and of each of its reasons, for
 * the docs. Their types are src/element/entry.d.ts's `AiCertCheckResult`: the integration
 * test type-checks a real result against it.
 */
export const result = [
  { name: 'verdict', description: 'the verdict id (`worth_it`, `pair_practice`, `not_yet`, `build_experience`), or `null` before the first answer' },
  { name: 'title', description: 'the headline, e.g. "Worth it", or "Worth it, but not this program" when the program the reader picked makes vague promises or teaches nothing applicable; `null` before the first answer' },
  { name: 'summary', description: 'the verdict\'s one-line summary (`null` before the first answer)' },
  { name: 'provisional', description: '`true` while the verdict is a leaning: an answer to a question still open could change its band (it is final, `false`, only when none could); the widget shows it as one' },
  { name: 'leaning', description: 'while `provisional`, the sentence shown in place of the summary, saying which answers could still change it; otherwise `null`' },
  { name: 'answered', description: 'questions answered' },
  { name: 'total', description: 'questions asked (one asked only after an earlier answer counts only then)' },
  { name: 'scores', description: '`{ <factor id>: number }`: the raw scores, for analytics (never shown on screen)' },
  { name: 'reasons', description: 'the deciding reason first, then at most two for and two against, then the program\'s (see below)' },
  { name: 'offer', description: 'the program\'s judgement, apart from the verdict: `"poor"`, `"sound"` or `null` (none picked, or not all its questions answered)' },
  { name: 'nextSteps', description: 'at most three texts' },
  { name: 'changes', description: 'what would change it: `{ direction: "up" | "down", verdict, text }`' },
  { name: 'reading', description: 'at most three `{ title, href? }`' },
  { name: 'place', description: 'the verdict id of the picture\'s cell that holds the dot, where the answers\' weights place the reader; it differs from `verdict` when a deciding answer or rule chose the band (`null` before the first answer)' },
  { name: 'caption', description: 'the picture\'s caption: the area the reader is in, or both places and what decided (`null` before the first answer)' },
];
/** The fields of one reason: an answer's (`question`, `option`) or a rule's (`rule`). */
export const reason = [
  { name: 'question', description: 'the question id (an answer\'s reason)' },
  { name: 'option', description: 'the option id (an answer\'s reason)' },
  { name: 'rule', description: 'the rule id (a reason that is a rule over several answers)' },
  { name: 'text', description: 'the reason as the reader reads it' },
  { name: 'push', description: 'its weights summed towards the best verdict (positive: for)' },
  { name: 'side', description: '`"decisive"`, `"for"` or `"against"`; `"offer"` for what the reader said of the program they picked (no `push`)' },
];

/**
 * CSS custom properties: the ones src/element/style.css reads with `var()`, with their
 * defaults exactly as its `:host` rule sets them (`light-dark(light, dark)` for
 * colours). The verdict colours are those of the built-in checklist's verdicts.
 */
export const cssProperties = [
  { name: '--acc-font', default: 'inherit', description: 'all text (by default the host page\'s font)' },
  { name: '--acc-bg', default: 'light-dark(#ffffff, #161b22)', description: 'background' },
  { name: '--acc-fg', default: 'light-dark(#1d232b, #e8edf3)', description: 'text' },
  { name: '--acc-muted', default: 'light-dark(#4f5966, #b3bdc9)', description: 'secondary text' },
  { name: '--acc-border', default: 'light-dark(#c5ccd6, #4a5563)', description: 'borders' },
  { name: '--acc-surface', default: 'light-dark(#f4f6f9, #1f262f)', description: 'options, the panel beside the questions, the result card' },
  { name: '--acc-accent', default: 'light-dark(#1f5fbf, #7fb0ff)', description: 'focus, links, the dot, the deciding reason\'s mark, "Worth it, if you pair it with practice"' },
  { name: '--acc-selected', default: 'light-dark(#e3edfb, #1d3354)', description: 'the background of a chosen option and of the reader\'s cell in the picture' },
  { name: '--acc-good', default: 'light-dark(#1d6b3a, #6fd394)', description: '"Worth it"' },
  { name: '--acc-warn', default: 'light-dark(#8a4b00, #f2b25c)', description: '"Probably not yet", and the mark of a program not endorsed' },
  { name: '--acc-other', default: 'light-dark(#265f73, #7fcde6)', description: '"Build experience instead" (a place of its own, not a failure)' },
  { name: '--acc-radius', default: '0.5rem', description: 'corners' },
  { name: '--acc-space', default: '1rem', description: 'spacing' },
];

/** Parts for `::part()`, each an element of the rendered widget with `part="<name>"`. */
export const cssParts = [
  { name: 'base', description: 'the whole widget' },
  { name: 'form', description: 'the checklist\'s questions' },
  { name: 'title', description: 'the checklist\'s title' },
  { name: 'question', description: 'one question (a fieldset)' },
  { name: 'option', description: 'one option (its label)' },
  { name: 'result', description: 'what stays in view while answering: a panel beside the questions, or a bar at the bottom of a phone\'s screen' },
  { name: 'bar', description: 'its button: the verdict and the progress; activating it brings the result card into view' },
  { name: 'verdict', description: 'the verdict (or, before the first answer, the invitation to answer)' },
  { name: 'progress', description: 'how many questions are answered' },
  { name: 'chart', description: 'the where-you-stand picture' },
  { name: 'dot', description: 'the reader\'s dot in that picture' },
  { name: 'card', description: 'the full result, after the questions' },
  { name: 'reasons', description: 'the reasons: the deciding one, for and against' },
  { name: 'offer', description: 'what the reader\'s answers say of the program they picked' },
  { name: 'next-steps', description: 'the next steps' },
  { name: 'what-if', description: 'what would change the verdict' },
  { name: 'reading', description: 'the related reading' },
  { name: 'actions', description: 'the buttons (share, copy the summary, print, clear)' },
  { name: 'notice', description: 'short notices, where the reader is looking: beside the card\'s buttons (copied), and in the bar (cleared with an undo, kept, storage refused, a share link ignored or its answers tapped)' },
  { name: 'shared', description: 'the notice above a share link\'s answers (someone else\'s, read-only until kept), with its buttons: start my own, keep these answers and, for a reader with saved answers, back to my answers' },
  { name: 'problems', description: 'the list of a given checklist\'s problems, shown instead of it' },
];

/**
 * Properties and methods of the element itself. `attribute`: the property reflects that
 * attribute (a string, `""` when it is absent; setting it sets the attribute).
 * `inherited`: HTMLElement's own (`lang`), listed for the docs and editors. The test
 * compares the others with the class's own members, and `attribute`s with the attributes.
 */
export const members = [
  { kind: 'field', name: 'theme', attribute: 'theme', type: '"" | "auto" | "light" | "dark"', description: 'the `theme` attribute' },
  { kind: 'field', name: 'lang', attribute: 'lang', type: 'string', inherited: 'HTMLElement', description: 'the `lang` attribute (HTMLElement\'s own); the language shown is the nearest `lang` among the element and its ancestors, else the document\'s' },
  { kind: 'field', name: 'src', attribute: 'src', type: 'string', description: 'the `src` attribute' },
  { kind: 'field', name: 'checklist', attribute: 'checklist', type: 'string', description: 'the `checklist` attribute' },
  { kind: 'field', name: 'storage', attribute: 'storage', type: '"" | "none"', description: 'the `storage` attribute' },
  {
    kind: 'field',
    name: 'answers',
    type: 'AiCertCheckAnswers | null',
    description:
      'the reader\'s answers, `null` until the element is rendered; setting it replaces them all, at once if it is rendered (throwing a `DataError` as `setAnswers` rejects), else once it is. Fires no event',
  },
  { kind: 'field', name: 'result', type: 'AiCertCheckResult | null', readonly: true, description: 'the current result (as in the change event\'s `detail.result`), `null` until the element is rendered' },
  {
    kind: 'field',
    name: 'ready',
    type: 'Promise<void>',
    readonly: true,
    description:
      'settles once this element is rendered and answerable (at once if it is; before its first mount, waits for it); rejects with an `InvalidStateError` if it cannot be (its checklist has problems, or it left the document)',
  },
  { kind: 'method', name: 'reset', return: 'Promise<void>', description: 'clears the answers, on screen and in storage, as the module\'s `reset(element)`. Fires no event' },
];

/**
 * The kinds of error the API throws or rejects with: DOMExceptions (Errors) whose `name`
 * is one of these; their messages are for people and may change.
 */
export const errors = [
  { name: 'InvalidStateError', when: 'the element is not rendered: not in the document, its checklist has problems, or it stopped after a fault' },
  { name: 'DataError', when: 'answers the checklist cannot take: an unknown question or option, two options for a single-choice question, or an id with `&` or `=`' },
];

/** Slots: none (the element's own content is a fallback, not slotted). */
export const slots = [];

/**
 * The module's exports besides the element (which it defines): name, TypeScript
 * signature pieces (as in src/element/entry.d.ts), description.
 */
export const functions = [
  {
    name: 'mount',
    parameters: [
      { name: 'element', type: 'HTMLElement' },
      { name: 'options', type: 'AiCertCheckMountOptions', optional: true },
    ],
    return: 'Promise<void>',
    description: 'Gives the element a checklist object and/or addresses for its related reading, and (re)mounts it; resolves once it is shown.',
  },
  {
    name: 'unmount',
    parameters: [{ name: 'element', type: 'HTMLElement' }],
    return: 'void',
    description: 'Releases the element\'s widget (its listeners); it mounts again if reconnected.',
  },
  {
    name: 'getAnswers',
    parameters: [{ name: 'element', type: 'HTMLElement' }],
    return: 'Promise<AiCertCheckAnswers>',
    description: 'The reader\'s answers; waits for a pending mount and rejects with an `InvalidStateError` if the element is not mounted.',
  },
  {
    name: 'getResult',
    parameters: [{ name: 'element', type: 'HTMLElement' }],
    return: 'Promise<AiCertCheckResult>',
    description: 'The current result, as in the change event\'s `detail.result`; rejects with an `InvalidStateError` if the element is not mounted.',
  },
  {
    name: 'setAnswers',
    parameters: [
      { name: 'element', type: 'HTMLElement' },
      { name: 'answers', type: 'AiCertCheckAnswers' },
    ],
    return: 'Promise<void>',
    description: 'Replaces all answers, all or nothing (rejects with a `DataError` on an unknown question or option). Fires no event.',
  },
  {
    name: 'reset',
    parameters: [{ name: 'element', type: 'HTMLElement' }],
    return: 'Promise<void>',
    description: 'Clears the answers, on screen and in storage. Fires no event.',
  },
  {
    name: 'ready',
    parameters: [],
    return: 'Promise<void>',
    description: 'Resolves (to nothing) once the default build\'s WebAssembly (or its JavaScript version) is loaded; elements mount themselves. Rejects as the browser does if it cannot be loaded (a `TypeError` for a failed request, a `WebAssembly.CompileError` for a file that is not WebAssembly).',
  },
  {
    name: 'wasmMemoryBytes',
    parameters: [],
    return: 'Promise<number>',
    description: 'Bytes of WebAssembly memory the default build has reserved (its `WebAssembly.Memory` buffer: all built-in instances share one; the French and own-checklist builds are not counted). Loads the build if needed. For measuring, as the benchmark does.',
  },
];

/** Exported constants. */
export const variables = [{ name: 'version', type: 'string', description: 'The package\'s version, e.g. `"0.1.0"`.' }];
