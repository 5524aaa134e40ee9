// The benchmark's reference: the same checklist as <ai-cert-check>, hand-written in
// plain JavaScript the way a competent developer would do it without a framework or
// WebAssembly. It reads the same JSON (src/content/ai-certification.json, fetched next
// to this file, or the file named by a `src` attribute), renders the questions once as
// native fieldsets with radios and checkboxes in an open shadow root, and on every
// answer updates the verdict, the leaning note, the summary, progress, reasons, next
// steps and related reading with the engine's rule for the verdict: questions asked
// only while their `ask_if` holds (hidden otherwise, their answers dropped), weights
// into factors, the first verdict whose region holds, then rules and caps by rank.
//
// It is a baseline, not a second engine. It does NOT: search for "what would change it",
// draw the "where you stand" picture, judge the offer (program) apart from the verdict,
// choose the deciding reason when the scores alone decide (it shows the deciding cap or
// rule first, and otherwise only the reasons for and against), keep a bar in view apart
// from a result card, share, copy, print, clear or undo, or save answers. See
// docs/performance.md.
//
// Events mirror the widget's: `ref-cert-check-ready` and `ref-cert-check-change`
// (bubbles, composed; detail `{ answers, result }`). `element.setAnswers({ q: o | [o] })`
// replaces the answers without an event (the benchmark's largest checklist uses it).

const TAG = "ref-cert-check";
const DEFAULT_URL = new URL("ai-certification.json", import.meta.url);
const LABELS = {
  verdict_heading: "Your verdict",
  no_answers: "Answer the first question to see where you stand.",
  leaning: "Leaning: {verdict}",
  provisional: "Leaning so far: answer the questions marked required for a verdict.",
  progress: "{answered} of {total} answered",
  required: "required",
  push_cap: "What decides it",
  push_up: "What speaks for it",
  push_down: "What speaks against it",
  next_steps_heading: "Next steps",
  reading_heading: "Related reading",
};
const MAX_REASONS = 2;
const MAX_STEPS = 3;
const MAX_READING = 3;
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
ul,ol{display:grid;gap:.5em;padding-inline-start:1.25em}
@container (min-width:44rem){.wrap{grid-template-columns:minmax(0,1fr) minmax(15rem,20rem);align-items:start}aside{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto}}
`;

const loaded = new Map(); // URL -> promise of the prepared checklist
let sheet;
function load(url) {
  const key = String(url);
  if (!loaded.has(key)) {
    loaded.set(key, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    }).then(prepare));
  }
  return loaded.get(key);
}

/** Flattens the questions, resolves ids to objects, ranks the verdicts, orders the steps as the engine does. */
function prepare(c) {
  c.labels = { ...LABELS, ...(c.labels ?? {}) };
  c.questions = c.sections.flatMap((s) => s.questions);
  const byId = new Map(c.questions.map((q) => [q.id, q]));
  c.verdictIndex = new Map(c.verdicts.map((v, i) => [v.id, i]));
  let rank = 0;
  c.ranks = c.verdicts.map((v) => (rank = v.rank ?? rank + 1));
  // An answer condition: question `q` answered with any of `ids`.
  const when = (w) => ({ q: byId.get(w.question), ids: new Set(w.any_of) });
  for (const q of c.questions) q.askIf = (q.ask_if ?? []).map(when);
  for (const r of c.rules ?? []) r.whens = r.answers.map(when);
  // Steps in the engine's order: the `steps` list, each verdict's `next_steps`, each option's `next_step`.
  c.allSteps = [
    ...(c.steps ?? []).map((s) => ({ text: s.text, verdicts: (s.verdicts ?? []).map((id) => c.verdictIndex.get(id)), whens: (s.answers ?? []).map(when) })),
    ...c.verdicts.flatMap((v, i) => (v.next_steps ?? []).map((text) => ({ text, verdicts: [i], whens: [] }))),
    ...c.questions.flatMap((q) => q.options.filter((o) => o.next_step).map((o) => ({ text: o.next_step, verdicts: [], whens: [{ q, ids: new Set([o.id]) }] }))),
  ];
  c.readingById = new Map((c.reading ?? []).map((r) => [r.id, r]));
  // Which way each factor leads towards the best verdict: +1 bounded below only, -1 above only.
  c.best = {};
  for (const f of c.factors) c.best[f.id] = 0;
  for (const w of c.verdicts[0].when ?? []) c.best[w.factor] = w.min != null && w.max == null ? 1 : w.min == null && w.max != null ? -1 : 0;
  return c;
}

function h(parent, tag, text, attrs) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  parent.append(e);
  return e;
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
const holds = (answers) => (w) => [...answers.get(w.q.id)].some((id) => w.ids.has(id));
const isAsked = (q, answers) => q.askIf.every(holds(answers));

/** Clears the answers of questions not asked (conditions name earlier questions: one pass). */
function dropUnasked(c, answers) {
  const dropped = [];
  for (const q of c.questions) {
    if (answers.get(q.id).size && !isAsked(q, answers)) {
      answers.get(q.id).clear();
      dropped.push(q);
    }
  }
  return dropped;
}

/** The engine's rule for the verdict, and the reasons, steps and reading around it. */
function evaluate(c, answers) {
  const scores = {};
  for (const f of c.factors) scores[f.id] = 0;
  const chosen = [];
  let answered = 0;
  let total = 0;
  let missing = 0;
  for (const q of c.questions) {
    if (!isAsked(q, answers)) continue;
    total++;
    const picked = answers.get(q.id);
    if (picked.size) answered++;
    else if (q.required) missing++;
    for (const o of q.options) {
      if (!picked.has(o.id)) continue;
      let push = 0;
      for (const e of o.effects ?? []) {
        scores[e.factor] += e.weight;
        push += e.weight * c.best[e.factor];
      }
      chosen.push({ q, o, push });
    }
  }
  const inRegion = (w) => (w.min == null || scores[w.factor] >= w.min) && (w.max == null || scores[w.factor] < w.max);
  let region = c.verdicts.findIndex((v) => (v.when ?? []).every(inRegion));
  if (region < 0) region = c.verdicts.length - 1;
  // Of the places the scores, rules and caps point to, the highest rank; at equal rank
  // a deciding answer wins over the scores, a rule over a cap, caps in question order.
  let rank = c.ranks[region];
  let decided = null;
  const consider = (v, cause) => {
    if (c.ranks[v] > rank || (c.ranks[v] === rank && !decided)) {
      rank = c.ranks[v];
      decided = { v, cause };
    }
  };
  const rules = (c.rules ?? []).filter((r) => r.whens.every(holds(answers)));
  for (const r of rules) consider(c.verdictIndex.get(r.verdict), { rule: r });
  for (const x of chosen) if (x.o.cap) consider(c.verdictIndex.get(x.o.cap), x);
  const verdict = answered > 0 ? (decided ? decided.v : region) : null;

  // Reasons: for or against the best verdict; caps and rules away from it count as against, first.
  const worse = (id) => c.ranks[c.verdictIndex.get(id)] > c.ranks[0];
  const forIt = [];
  const against = [];
  for (const x of chosen) {
    if (!x.o.reason || x.o.offer) continue;
    if (x.o.cap && worse(x.o.cap)) against.push({ ...x, decides: true });
    else if (x.push > 0) forIt.push(x);
    else if (x.push < 0) against.push(x);
  }
  for (const r of rules) if (worse(r.verdict)) against.push({ rule: r, push: 0, decides: true });
  const decisive = verdict !== null && decided ? decided.cause : null;
  const others = (list) => list.filter((x) => !decisive || (x.o ?? x.rule) !== (decisive.o ?? decisive.rule));
  const pros = others(forIt).sort((a, b) => b.push - a.push).slice(0, MAX_REASONS); // stable sort
  const cons = others(against).sort((a, b) => (a.push - (a.decides ? 1e6 : 0)) - (b.push - (b.decides ? 1e6 : 0))).slice(0, MAX_REASONS);

  const steps = [];
  const reading = [];
  if (verdict !== null) {
    for (const s of c.allSteps) {
      if (steps.length >= MAX_STEPS) break;
      const fits = (!s.verdicts.length || s.verdicts.includes(verdict)) && s.whens.every(holds(answers));
      if (fits && !steps.includes(s.text)) steps.push(s.text);
    }
    const add = (ids) => { for (const id of ids ?? []) if (reading.length < MAX_READING && !reading.includes(id)) reading.push(id); };
    if (decisive) add((decisive.o ?? decisive.rule).reading);
    add(c.verdicts[verdict].reading);
    for (const x of [...pros, ...cons]) add((x.o ?? x.rule).reading);
  }
  return { verdict, scores, answered, total, provisional: missing > 0, decisive, pros, cons, steps, reading };
}

class RefCertCheck extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const src = this.getAttribute("src");
    const c = await load(src ? new URL(src, document.baseURI) : DEFAULT_URL);
    const l = c.labels;
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
    const fieldsets = new Map();
    const boxes = new Map();
    for (const s of c.sections) {
      const section = h(form, "section");
      h(section, "h3", s.title);
      for (const q of s.questions) {
        const fs = h(section, "fieldset", "", { part: "question", "data-question": q.id });
        if (q.askIf.length) fs.hidden = true;
        fieldsets.set(q.id, fs);
        const legend = h(fs, "legend", q.text);
        if (q.required) h(legend, "span", l.required, { class: "req" });
        if (q.help) h(fs, "p", q.help, { class: "help" });
        const list = [];
        for (const o of q.options) {
          const label = h(fs, "label", "", { part: "option" });
          list.push(h(label, "input", "", { type: q.multiple ? "checkbox" : "radio", name: q.id, value: o.id }));
          h(label, "span", o.label);
        }
        boxes.set(q.id, list);
      }
    }
    const aside = h(wrap, "aside", "", { part: "result" });
    h(aside, "h3", l.verdict_heading, { class: "muted" });
    const verdict = h(aside, "p", l.no_answers, { class: "verdict", part: "verdict", "aria-live": "polite", "aria-atomic": "true" });
    const provisional = h(aside, "p", l.provisional, { class: "muted" });
    const summary = h(aside, "p");
    const progress = h(aside, "p", "", { class: "muted", part: "progress" });
    const list = (heading, tag, part) => {
      const block = h(aside, "div");
      h(block, "h4", heading);
      return { block, list: h(block, tag, "", part ? { part } : undefined) };
    };
    const decisive = list(l.push_cap, "ul");
    const pros = list(l.push_up, "ul");
    const cons = list(l.push_down, "ul");
    const steps = list(l.next_steps_heading, "ol", "next-steps");
    const reading = list(l.reading_heading, "ul");
    const fillList = ({ block, list: ul }, items, text) => {
      ul.replaceChildren();
      for (const x of items) h(ul, "li", text(x));
      block.hidden = !items.length;
    };
    const reasonText = (x) => (x.o ?? x.rule).reason;

    const sync = (q) => {
      const picked = answers.get(q.id);
      for (const box of boxes.get(q.id)) box.checked = picked.has(box.value);
    };
    const show = () => {
      for (const q of c.questions) if (q.askIf.length) fieldsets.get(q.id).hidden = !isAsked(q, answers);
      const r = evaluate(c, answers);
      const v = r.verdict === null ? null : c.verdicts[r.verdict];
      verdict.textContent = v ? (r.provisional ? fill(l.leaning, { verdict: v.title }) : v.title) : l.no_answers;
      verdict.dataset.verdict = v ? v.id : "";
      summary.textContent = v && !r.provisional ? v.summary : "";
      provisional.hidden = !(v && r.provisional);
      progress.textContent = fill(l.progress, { answered: r.answered, total: r.total });
      fillList(decisive, r.decisive ? [r.decisive] : [], reasonText);
      fillList(pros, r.pros, reasonText);
      fillList(cons, r.cons, reasonText);
      fillList(steps, r.steps, (s) => s);
      fillList(reading, r.reading, (id) => c.readingById.get(id)?.title ?? id);
      return r;
    };
    show();

    const detail = (r) => {
      const chosen = {};
      for (const q of c.questions) {
        const set = answers.get(q.id);
        if (set.size) chosen[q.id] = q.multiple ? [...set] : [...set][0];
      }
      const v = r.verdict === null ? null : c.verdicts[r.verdict];
      const reason = (side) => (x) => ({ ...(x.rule ? { rule: x.rule.id } : { question: x.q.id, option: x.o.id }), text: reasonText(x), push: x.push ?? 0, side });
      const result = {
        verdict: v ? v.id : null,
        title: v ? v.title : null,
        summary: v ? v.summary : null,
        provisional: r.provisional,
        answered: r.answered,
        total: r.total,
        scores: r.scores,
        reasons: [...(r.decisive ? [r.decisive] : []).map(reason("decisive")), ...r.pros.map(reason("for")), ...r.cons.map(reason("against"))],
        nextSteps: r.steps,
        reading: r.reading.map((id) => ({ title: c.readingById.get(id)?.title ?? id })),
      };
      return { answers: chosen, result };
    };

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
      sync(q);
      for (const d of dropUnasked(c, answers)) sync(d);
      const r = show();
      this.dispatchEvent(new CustomEvent(`${TAG}-change`, { bubbles: true, composed: true, detail: detail(r) }));
    });

    this.setAnswers = (given) => {
      for (const set of answers.values()) set.clear();
      for (const [id, chosen] of Object.entries(given ?? {})) for (const o of [chosen].flat()) answers.get(id).add(o);
      dropUnasked(c, answers);
      for (const q of c.questions) sync(q);
      show();
    };
    this.dispatchEvent(new CustomEvent(`${TAG}-ready`, { bubbles: true, composed: true }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, RefCertCheck);
