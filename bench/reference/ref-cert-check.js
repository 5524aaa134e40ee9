// The benchmark's reference: the same checklist as <ai-cert-check>, hand-written in
// plain JavaScript the way a competent developer would do it without a framework or
// WebAssembly. It reads the same JSON (src/content/ai-certification.json, fetched next
// to this file), renders the questions once as native fieldsets with radios and
// checkboxes in an open shadow root, and on every answer updates the verdict, its
// summary, progress, reasons (strongest first), next steps and related reading with the
// widget's rule. It does not draw the "where you stand" picture or search for "what
// would change it" (see docs/performance.md).
//
// Events mirror the widget's: `ref-cert-check-ready` and `ref-cert-check-change`
// (bubbles, composed; detail `{ answers, result }`).

const TAG = "ref-cert-check";
const DATA_URL = new URL("ai-certification.json", import.meta.url);
const L = {
  verdict: "Your verdict",
  provisional: "Provisional: answer the questions marked required for a final verdict.",
  why: "Why",
  steps: "Next steps",
  reading: "Related reading",
  none: "Answer the questions to see why.",
  required: "required",
  up: "Raises it:",
  down: "Lowers it:",
  cap: "Holds it down:",
};
const CSS = `
:host{display:block;container-type:inline-size;--bg:#fff;--fg:#1d232b;--muted:#4f5966;--line:#c5ccd6;--surface:#f4f6f9;--accent:#1f5fbf}
@media (prefers-color-scheme:dark){:host{--bg:#161b22;--fg:#e8edf3;--muted:#b3bdc9;--line:#4a5563;--surface:#1f262f;--accent:#7fb0ff}}
.wrap{font:inherit;line-height:1.5;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:.5rem;padding:1rem;display:grid;gap:1rem;overflow-wrap:anywhere}
*{box-sizing:border-box}h2,h3,h4,p,ul,ol,fieldset,legend{margin:0;padding:0}
form,section{display:grid;gap:1rem}h2{font-size:1.35em;line-height:1.25}
section>h3{font-size:1.1em;border-bottom:1px solid var(--line);padding-bottom:.25em}aside h3{font-size:.95em}
.muted,.help{color:var(--muted)}.help{font-size:.9em}
fieldset{border:0;min-width:0;display:grid;gap:.375em}legend{font-weight:600;margin-bottom:.5em}
.req{font-weight:400;font-size:.8em;color:var(--muted);margin-inline-start:.5em;padding:0 .4em;border:1px solid var(--line);border-radius:1em}
label{display:flex;align-items:flex-start;gap:.6em;min-height:2.75rem;padding:.55em .75em;border:1px solid var(--line);border-radius:.5rem;background:var(--surface);cursor:pointer}
label:has(input:checked){border-color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent)}
input{margin:.2em 0 0;width:1.2em;height:1.2em;flex:none;accent-color:var(--accent)}
aside{display:grid;gap:.6em;align-content:start;padding:1rem;border-radius:.5rem;background:var(--surface);border:1px solid var(--line)}
.verdict{font-size:1.5em;font-weight:700;line-height:1.2}
[data-verdict=worth_it]{color:#1d6b3a}[data-verdict=pair_practice]{color:var(--accent)}[data-verdict=not_yet]{color:#8a4b00}[data-verdict=build_experience]{color:#a4282c}[hidden]{display:none!important}
ul,ol{display:grid;gap:.5em;padding-inline-start:1.25em}.reasons{list-style:none;padding:0}
.reasons .q{display:block;font-size:.85em;color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@container (min-width:44rem){.wrap{grid-template-columns:minmax(0,1fr) minmax(15rem,20rem);align-items:start}aside{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto}}
`;

let data;
let sheet;
const load = () =>
  (data ??= fetch(DATA_URL).then((r) => {
    if (!r.ok) throw new Error(`${DATA_URL}: ${r.status}`);
    return r.json();
  }));

function h(parent, tag, text, attrs) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  parent.append(e);
  return e;
}

/** The widget's rule: weights into factors, the first verdict whose region holds, caps. */
function evaluate(c, answers) {
  const scores = {};
  for (const f of c.factors) scores[f.id] = 0;
  const rank = (id) => c.verdicts.findIndex((v) => v.id === id);
  const chosen = [];
  let cap = 0;
  let answered = 0;
  let missing = 0;
  for (const q of c.questions) {
    const picked = answers.get(q.id);
    if (picked.size) answered++;
    else if (q.required) missing++;
    for (const o of q.options) {
      if (!picked.has(o.id)) continue;
      let push = 0;
      for (const e of o.effects ?? []) {
        scores[e.factor] += e.weight;
        push += e.weight;
      }
      if (o.cap) cap = Math.max(cap, rank(o.cap));
      chosen.push({ q, o, push });
    }
  }
  const holds = (w) => (w.min == null || scores[w.factor] >= w.min) && (w.max == null || scores[w.factor] < w.max);
  let region = c.verdicts.findIndex((v) => (v.when ?? []).every(holds));
  if (region < 0) region = c.verdicts.length - 1;
  const verdict = Math.max(region, cap);
  const reasons = chosen
    .filter((r) => r.o.reason && (r.push !== 0 || r.o.cap))
    .map((r) => ({ ...r, decisive: !!r.o.cap && rank(r.o.cap) === verdict && verdict > region }));
  const strength = (r) => (r.decisive ? Infinity : Math.abs(r.push));
  reasons.sort((a, b) => strength(b) - strength(a)); // stable: ties keep question order
  const v = c.verdicts[verdict];
  const steps = [...(v.next_steps ?? [])];
  const reading = [];
  for (const { o } of [...reasons, ...chosen.filter((r) => !reasons.some((x) => x.o === r.o))]) {
    if (o.next_step && !steps.includes(o.next_step)) steps.push(o.next_step);
    for (const id of o.reading ?? []) if (!reading.includes(id)) reading.push(id);
  }
  for (const id of v.reading ?? []) if (!reading.includes(id)) reading.push(id);
  return { v, scores, answered, total: c.questions.length, provisional: missing > 0, reasons, steps, reading };
}

class RefCertCheck extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const c = await load();
    c.questions ??= c.sections.flatMap((s) => s.questions);
    const root = this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    const answers = new Map(c.questions.map((q) => [q.id, new Set()]));

    const wrap = h(root, "div", "", { class: "wrap", part: "base" });
    const form = h(wrap, "form", "", { part: "form" });
    h(form, "h2", c.title, { part: "title" });
    if (c.intro) h(form, "p", c.intro, { class: "muted" });
    for (const s of c.sections) {
      const section = h(form, "section");
      h(section, "h3", s.title);
      for (const q of s.questions) {
        const fs = h(section, "fieldset", "", { part: "question", "data-question": q.id });
        const legend = h(fs, "legend", q.text);
        if (q.required) h(legend, "span", L.required, { class: "req" });
        if (q.help) h(fs, "p", q.help, { class: "help" });
        for (const o of q.options) {
          const label = h(fs, "label", "", { part: "option" });
          h(label, "input", "", { type: q.multiple ? "checkbox" : "radio", name: q.id, value: o.id });
          h(label, "span", o.label);
        }
      }
    }
    const aside = h(wrap, "aside", "", { part: "result" });
    h(aside, "h3", L.verdict, { class: "muted" });
    const verdict = h(aside, "p", "", { class: "verdict", part: "verdict", "aria-live": "polite", "aria-atomic": "true" });
    const provisional = h(aside, "p", L.provisional, { class: "muted" });
    const summary = h(aside, "p");
    const progress = h(aside, "p", "", { class: "muted", part: "progress" });
    h(aside, "h4", L.why);
    const reasons = h(aside, "ul", "", { class: "reasons", part: "reasons" });
    h(aside, "h4", L.steps);
    const steps = h(aside, "ol", "", { part: "next-steps" });
    const readingBlock = h(aside, "div");
    h(readingBlock, "h4", L.reading);
    const reading = h(readingBlock, "ul");

    const show = () => {
      const r = evaluate(c, answers);
      verdict.textContent = r.v.title;
      verdict.dataset.verdict = r.v.id;
      summary.textContent = r.v.summary;
      provisional.hidden = !r.provisional;
      progress.textContent = `${r.answered} of ${r.total} answered`;
      reasons.replaceChildren();
      if (!r.reasons.length) h(reasons, "li", L.none);
      for (const x of r.reasons) {
        const li = h(reasons, "li", "", { class: x.decisive ? "cap" : x.push > 0 ? "up" : "down" });
        h(li, "span", x.decisive ? L.cap : x.push > 0 ? L.up : L.down, { class: "sr" });
        h(li, "span", x.q.text, { class: "q" });
        h(li, "strong", x.o.label);
        h(li, "span", ` \u2014 ${x.o.reason}`);
      }
      steps.replaceChildren();
      for (const s of r.steps) h(steps, "li", s);
      reading.replaceChildren();
      for (const id of r.reading) h(reading, "li", c.reading.find((x) => x.id === id)?.title ?? id);
      readingBlock.hidden = !r.reading.length;
      return r;
    };
    show();

    root.addEventListener("change", (event) => {
      const input = event.target;
      const q = c.questions.find((x) => x.id === input.name);
      const picked = answers.get(q.id);
      if (!q.multiple) picked.clear();
      if (input.checked) {
        const exclusive = (id) => q.options.find((o) => o.id === id)?.exclusive;
        if (exclusive(input.value)) picked.clear();
        else for (const id of picked) if (exclusive(id)) picked.delete(id);
        picked.add(input.value);
      } else {
        picked.delete(input.value);
      }
      for (const box of form.querySelectorAll(`input[name="${q.id}"]`)) box.checked = picked.has(box.value);
      const r = show();
      const chosen = {};
      for (const [id, set] of answers) if (set.size) chosen[id] = c.questions.find((x) => x.id === id).multiple ? [...set] : [...set][0];
      const result = {
        verdict: r.v.id,
        title: r.v.title,
        summary: r.v.summary,
        provisional: r.provisional,
        answered: r.answered,
        total: r.total,
        scores: r.scores,
        reasons: r.reasons.map((x) => ({ question: x.q.id, option: x.o.id, text: x.o.reason, push: x.push, decisive: x.decisive })),
        nextSteps: r.steps,
        reading: r.reading,
      };
      this.dispatchEvent(new CustomEvent(`${TAG}-change`, { bubbles: true, composed: true, detail: { answers: chosen, result } }));
    });
    this.dispatchEvent(new CustomEvent(`${TAG}-ready`, { bubbles: true, composed: true }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, RefCertCheck);
