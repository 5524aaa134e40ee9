// The largest checklist the format allows, for the benchmark's one-click measurement
// (docs/performance.md): 100 tick-all questions of 32 options each (MAX_QUESTIONS and
// MAX_OPTIONS), 4 factors (MAX_FACTORS), 12 verdicts (MAX_VERDICTS) tiling the first
// two factors, every option weighing on all four factors, with a reason and an action
// (so every untick is a change the what-if search may suggest), half the questions
// asked only after an answer to the one before (`ask_if`), caps, rules, a steps list,
// options' next steps and related reading. Deterministic (a seeded generator).
//
// With every option ticked, the verdict sits in the middle of a band more than two
// changes wide on both axes: no change of one or two answers moves it either way, so
// both directions of the what-if search run until their bound of work (MAX_WORK in
// src/engine/whatif.rs): the worst case of a click.
//
//   node bench/largest.mjs > largest.json     (then: cargo run --bin ai-cert-check -- check largest.json)

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUESTIONS = 100;
export const OPTIONS = 32;
const FACTORS = ['reach', 'depth', 'cost', 'risk'];

/** A small seeded generator (mulberry32): numbers in [0, 1), the same for the same seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The checklist (a plain object in the checklist format, version 1). */
export function largestChecklist(seed = 7) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const sums = Object.fromEntries(FACTORS.map((f) => [f, 0]));
  const reading = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, title: `Further reading number ${i + 1}, on the question of statements`, href: `/reading/${i}/` }));
  const qid = (q) => `q${q}`;
  const oid = (o) => `o${o}`;
  const questions = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const options = [];
    for (let o = 0; o < OPTIONS; o++) {
      const redFlag = o % 8 === 7;
      const effects = FACTORS.map((factor) => ({ factor, weight: redFlag ? -pick([1, 2]) : pick([-2, -1, 1, 2]) }));
      for (const e of effects) sums[e.factor] += e.weight;
      const option = {
        id: oid(o),
        label: `Statement ${o + 1} of question ${q + 1} holds for me`,
        effects,
        reason: `Statement ${o + 1} of question ${q + 1} holds for you, which moves each of the four factors by its own weight.`,
        action: `find that statement ${o + 1} of question ${q + 1} holds`,
      };
      if (redFlag) option.red_flag = true;
      // Caps on the best verdict: checked on every evaluation, never holding a reader down.
      if (o === 5) option.cap = 'v0';
      if (o % 4 === 2) option.next_step = `Look again at statement ${o + 1} of question ${q + 1} this week, and write down what changed.`;
      if (o % 6 === 1) option.reading = [reading[(q + o) % reading.length].id];
      options.push(option);
    }
    const question = {
      id: qid(q),
      text: `Question ${q + 1}: which of these statements hold for you? Think of the last three months, not of plans.`,
      help: 'Tick all that apply.',
      multiple: true,
      required: q % 10 === 0,
      options,
    };
    if (q % 2 === 1) question.ask_if = [{ question: qid(q - 1), any_of: Array.from({ length: 8 }, (_, o) => oid(o)) }];
    questions.push(question);
  }
  const sections = Array.from({ length: 10 }, (_, s) => ({ id: `s${s}`, title: `Part ${s + 1} of the checklist`, questions: questions.slice(s * 10, s * 10 + 10) }));

  // Bands of the first two factors around the all-ticked scores (best first): a change
  // of one or two answers moves a factor by at most 4, so from the middle band of each
  // no such change reaches another band.
  const [x, y] = [sums[FACTORS[0]], sums[FACTORS[1]]];
  const xBands = [{ min: x + 6 }, { min: x - 6, max: x + 6 }, { min: x - 20, max: x - 6 }, { max: x - 20 }];
  const yBands = [{ min: y + 6 }, { min: y - 6, max: y + 6 }, { max: y - 6 }];
  const cells = [];
  xBands.forEach((bx, i) => yBands.forEach((by, j) => cells.push({ i, j, bx, by })));
  cells.sort((a, b) => a.i + a.j - (b.i + b.j));
  const verdicts = cells.map(({ i, j, bx, by }, n) => ({
    id: `v${n}`,
    rank: i + j + 1,
    title: `Verdict ${n + 1}: band ${i + 1} across, band ${j + 1} up`,
    summary: `Your answers place you in band ${i + 1} of the first factor and band ${j + 1} of the second; this is what that means for you.`,
    when: [{ factor: FACTORS[0], ...bx }, { factor: FACTORS[1], ...by }],
    next_steps: [`A next step for everyone in band ${i + 1} across and ${j + 1} up.`],
    reading: [reading[n % reading.length].id],
  }));
  const rules = Array.from({ length: 12 }, (_, r) => ({
    id: `rule${r}`,
    answers: [0, 1, 2, 3].map((k) => ({ question: qid(r * 8 + k * 2), any_of: [oid(k), oid(k + 8)] })),
    verdict: 'v0',
    reason: `Rule ${r + 1}: four answers together decide the verdict on their own.`,
    reading: [reading[r].id],
  }));
  const steps = Array.from({ length: 40 }, (_, s) => ({
    id: `step${s}`,
    text: `Step ${s + 1}: something to do this week for readers who ticked statement ${(s % OPTIONS) + 1} of question ${s + 1}.`,
    verdicts: [verdicts[s % verdicts.length].id, verdicts[(s + 5) % verdicts.length].id],
    answers: [{ question: qid(s), any_of: [oid(s % OPTIONS)] }],
  }));
  return {
    version: 1,
    id: 'largest',
    title: 'The largest checklist the format allows',
    intro: '100 questions of 32 options each, for the benchmark.',
    factors: FACTORS.map((id) => ({ id, label: `Factor ${id}` })),
    sections,
    verdicts,
    rules,
    steps,
    reading,
  };
}

/** Every option of every question ticked: `{ questionId: [optionId, ...] }`. */
export function allTicked(checklist) {
  const answers = {};
  for (const s of checklist.sections) for (const q of s.questions) answers[q.id] = q.options.map((o) => o.id);
  return answers;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(largestChecklist(), null, 1) + '\n');
}
