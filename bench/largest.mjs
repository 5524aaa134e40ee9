// The largest checklist the format allows, for the benchmark's one-click measurement
// (docs/performance.md): every list at its limit where it adds to a click's work
// (src/engine/limits.rs, docs/checklist-format.md "Every list and its limit"), within
// the 2 MB a file may have:
// - 100 tick-all questions of 32 options (MAX_QUESTIONS, MAX_OPTIONS), one per section
//   (MAX_SECTIONS), every option weighing on all 4 factors (MAX_FACTORS), with a reason,
//   an action (so every untick is a change the what-if search may suggest), a next step
//   and 8 related articles (MAX_REFS); a cap on each question's sixth option;
// - every question but the first asked only after 16 answers to earlier questions
//   (MAX_CONDITIONS), each of two options, so no single untick hides a question;
// - 12 verdicts (MAX_VERDICTS) tiling the first two factors, each with 100 next steps
//   (MAX_NEXT_STEPS) and 8 articles;
// - 100 rules (MAX_RULES) of 16 conditions each, all holding for the reader and deciding
//   the verdict the scores give (so every rule is checked in full on every verdict
//   computed, and every rule is a reason against the best verdict);
// - 100 steps (MAX_NEXT_STEPS) of 16 conditions, for all 12 verdicts; 100 articles
//   (MAX_ARTICLES).
// Deterministic (a seeded generator).
//
// The reader (`worstAnswers`) ticks every option of the first 90 questions and leaves the
// last 10 open. The verdict sits in the middle of a band more than two changes wide on
// both axes and is held there by the rules: no change of one or two answers moves it
// either way, so both directions of the what-if search run until their bound of work
// (MAX_WORK), and the open questions could move the scores far, so the check of whether
// the verdict is final runs until its own (MAX_FINALITY_WORK): the worst case of a click.
//
//   node bench/largest.mjs > largest.json     (then: cargo run --bin ai-cert-check -- check largest.json)

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUESTIONS = 100;
export const OPTIONS = 32;
/** The questions the reader answers (every box ticked); the rest stay open. */
export const ANSWERED = 90;
const FACTORS = ['reach', 'depth', 'cost', 'risk'];
const CONDITIONS = 16;
const RULES = 100;
const STEPS = 100;
const ARTICLES = 100;
const REFS = 8;
const VERDICT_STEPS = 100;

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
  // The reader's scores: the weights of every option of the questions answered.
  const sums = Object.fromEntries(FACTORS.map((f) => [f, 0]));
  const reading = Array.from({ length: ARTICLES }, (_, i) => ({ id: `r${i}`, title: `Reading ${i + 1}`, href: `/r/${i}/` }));
  const refs = (n) => Array.from({ length: REFS }, (_, k) => reading[(n + k * 13) % ARTICLES].id);
  const qid = (q) => `q${q}`;
  const oid = (o) => `o${o}`;
  // Condition k of the conditions on question q's answers: one of two options of an
  // answered question before q.
  const condition = (q, k) => {
    const on = Math.max(0, Math.min(q, ANSWERED) - 1 - k);
    return { question: qid(on), any_of: [oid(k % OPTIONS), oid((k + 16) % OPTIONS)] };
  };
  const questions = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const options = [];
    for (let o = 0; o < OPTIONS; o++) {
      const redFlag = o % 8 === 7;
      const effects = FACTORS.map((factor) => ({ factor, weight: redFlag ? -pick([1, 2]) : pick([-2, -1, 1, 2]) }));
      if (q < ANSWERED) for (const e of effects) sums[e.factor] += e.weight;
      const option = {
        id: oid(o),
        label: `Statement ${o + 1} of ${q + 1}`,
        effects,
        reason: `Statement ${o + 1} of ${q + 1} holds for you.`,
        action: `find statement ${o + 1} of ${q + 1} holds`,
        next_step: `Check statement ${o + 1} of ${q + 1}.`,
        reading: refs(q * OPTIONS + o),
      };
      if (redFlag) option.red_flag = true;
      // Caps on the best verdict: checked on every evaluation, never holding a reader down.
      if (o === 5) option.cap = 'v0';
      options.push(option);
    }
    const question = {
      id: qid(q),
      text: `Question ${q + 1}: which of these hold for you?`,
      multiple: true,
      required: q % 10 === 0,
      options,
    };
    if (q > 0) question.ask_if = Array.from({ length: CONDITIONS }, (_, k) => condition(q, k));
    questions.push(question);
  }
  const sections = questions.map((question, s) => ({ id: `s${s}`, title: `Part ${s + 1}`, questions: [question] }));

  // Bands of the first two factors around the reader's scores (best first): a change
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
    title: `Verdict ${n + 1}: band ${i + 1} across, ${j + 1} up`,
    summary: `Your answers place you in band ${i + 1} of the first factor and band ${j + 1} of the second.`,
    when: [{ factor: FACTORS[0], ...bx }, { factor: FACTORS[1], ...by }],
    next_steps: Array.from({ length: VERDICT_STEPS }, (_, s) => `Step ${s + 1} for band ${i + 1}, ${j + 1}.`),
    reading: refs(n),
  }));
  // The reader's verdict: the middle band of both factors.
  const middle = verdicts[cells.findIndex(({ i, j }) => i === 1 && j === 1)].id;
  const rules = Array.from({ length: RULES }, (_, r) => ({
    id: `rule${r}`,
    answers: Array.from({ length: CONDITIONS }, (_, k) => condition(ANSWERED, (r + k) % ANSWERED)),
    verdict: middle,
    reason: `Rule ${r + 1}: these answers together decide the verdict.`,
    reading: refs(r),
  }));
  const steps = Array.from({ length: STEPS }, (_, s) => ({
    id: `step${s}`,
    text: `Step ${s + 1}: something to do this week.`,
    verdicts: verdicts.map((v) => v.id),
    answers: Array.from({ length: CONDITIONS }, (_, k) => condition(ANSWERED, (s + k) % ANSWERED)),
  }));
  return {
    version: 1,
    id: 'largest',
    title: 'The largest checklist the format allows',
    intro: '100 questions of 32 options each, and every other list at its limit, for the benchmark.',
    factors: FACTORS.map((id) => ({ id, label: `Factor ${id}` })),
    sections,
    verdicts,
    rules,
    steps,
    reading,
  };
}

/** The reader: every option of the first `ANSWERED` questions ticked, `{ questionId: [optionId, ...] }`. */
export function worstAnswers(checklist) {
  const answers = {};
  const questions = checklist.sections.flatMap((s) => s.questions);
  for (const q of questions.slice(0, ANSWERED)) answers[q.id] = q.options.map((o) => o.id);
  return answers;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(largestChecklist()) + '\n');
}
