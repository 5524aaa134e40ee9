//! What the reader sees: the checklist as native form controls, rendered once, and the
//! result panel, whose nodes are updated in place after every answer.
//!
//! Only the result changes on an answer; the questions are never re-rendered, so focus,
//! scroll position and the reader's place are never lost.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node, ShadowRoot};

use super::chart::{self, Chart};
use super::dom::{attrs, clear, el, make, Keyed};
use crate::{describe, is_safe_href, what_ifs, Answers, Checklist, Direction, Outcome, Step};

/// A reason whose weights add up to this much or more is marked as a strong push.
const STRONG_PUSH: f64 = 3.0;

/// An id unique to this instance: `uid` + `-` + `name`.
pub fn id(uid: &str, name: &str) -> String {
    let mut s = String::with_capacity(uid.len() + name.len() + 1);
    s.push_str(uid);
    s.push('-');
    s.push_str(name);
    s
}

/// Handles to the nodes that change.
pub struct View {
    /// One list of inputs per question, in option order.
    pub inputs: Vec<Vec<HtmlInputElement>>,
    verdict: Element,
    provisional: Element,
    summary: Element,
    progress: Element,
    reasons: Keyed,
    steps: Keyed,
    reading: Keyed,
    reading_block: Element,
    what_if: Keyed,
    what_if_block: Element,
    /// Says what happened to a copy, a share link or saving.
    pub notice: Element,
    chart: Option<Chart>,
    /// The host's address for each related reading, if it gave one.
    links: Vec<Option<String>>,
    /// What is on screen: only what differs from it is touched.
    shown: Cell<Option<Shown>>,
}

/// The parts of the outcome on screen that are not keyed lists.
#[derive(Clone, Copy, PartialEq)]
struct Shown {
    verdict: usize,
    provisional: bool,
    answered: usize,
    total: usize,
    no_reading: bool,
}

/// Renders `checklist` into `root` (emptied first).
pub fn render(
    doc: &Document,
    root: &ShadowRoot,
    c: &Checklist,
    uid: &str,
    links: Vec<Option<String>>,
) -> View {
    let root: &Node = root.as_ref();
    clear(root);
    let wrap = el(doc, root, "div", "wrap", "");
    attrs(&wrap, &[("part", "base")]);
    let form = el(doc, &wrap, "form", "questions", "");
    attrs(
        &form,
        &[("part", "form"), ("aria-labelledby", &id(uid, "t"))],
    );
    let head = el(doc, &form, "header", "head", "");
    let title = el(doc, &head, "h2", "title", &c.title);
    attrs(&title, &[("part", "title"), ("id", &id(uid, "t"))]);
    if !c.intro.is_empty() {
        el(doc, &head, "p", "intro", &c.intro);
    }

    let mut inputs = Vec::with_capacity(c.questions.len());
    let mut section_el: Option<Element> = None;
    let mut current = usize::MAX;
    for question in c.questions.iter() {
        if question.section != current {
            current = question.section;
            let s = el(doc, &form, "section", "section", "");
            el(doc, &s, "h3", "section-title", &c.sections[current].title);
            section_el = Some(s);
        }
        let parent: &Node = match &section_el {
            Some(s) => s.as_ref(),
            None => form.as_ref(),
        };
        let fs = el(doc, parent, "fieldset", "question", "");
        attrs(
            &fs,
            &[("part", "question"), ("data-question", &question.id)],
        );
        let legend = el(doc, &fs, "legend", "", "");
        el(doc, &legend, "span", "text", &question.text);
        if question.required {
            el(doc, &legend, "span", "required", &c.labels.required);
        }
        if !question.help.is_empty() {
            let help = el(doc, &fs, "p", "help", &question.help);
            let help_id = id(uid, &question.id);
            attrs(&help, &[("id", &help_id)]);
            let _ = fs.set_attribute("aria-describedby", &help_id);
        }
        let list = el(doc, &fs, "div", "options", "");
        let kind = if question.multiple {
            "checkbox"
        } else {
            "radio"
        };
        let mut row = Vec::with_capacity(question.options.len());
        for option in question.options.iter() {
            let label = el(doc, &list, "label", "option", "");
            attrs(&label, &[("part", "option")]);
            let input = el(doc, &label, "input", "", "");
            attrs(
                &input,
                &[
                    ("type", kind),
                    ("name", &question.id),
                    ("value", &option.id),
                ],
            );
            el(doc, &label, "span", "", &option.label);
            row.push(input.unchecked_into::<HtmlInputElement>());
        }
        inputs.push(row);
    }

    let aside = el(doc, &wrap, "aside", "result", "");
    attrs(
        &aside,
        &[
            ("part", "result"),
            ("aria-labelledby", &id(uid, "v")),
            // Focusable: where it scrolls on its own (wide layouts), keyboard readers
            // can scroll it too.
            ("tabindex", "0"),
        ],
    );
    let heading = el(
        doc,
        &aside,
        "h3",
        "result-heading",
        &c.labels.verdict_heading,
    );
    attrs(&heading, &[("id", &id(uid, "v"))]);
    let verdict = el(doc, &aside, "p", "verdict", "");
    attrs(
        &verdict,
        &[
            ("part", "verdict"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
        ],
    );
    let provisional = el(doc, &aside, "p", "provisional", &c.labels.provisional);
    let summary = el(doc, &aside, "p", "summary", "");
    let progress = el(doc, &aside, "p", "progress", "");
    attrs(&progress, &[("part", "progress")]);
    let chart = chart::draw(doc, &aside, c, uid);
    el(doc, &aside, "h4", "", &c.labels.reasons_heading);
    let reasons = el(doc, &aside, "ul", "reasons", "");
    attrs(&reasons, &[("part", "reasons")]);
    let what_if_block = el(doc, &aside, "div", "", "");
    el(doc, &what_if_block, "h4", "", &c.labels.what_if_heading);
    let what_if = el(doc, &what_if_block, "ul", "what-if", "");
    attrs(&what_if, &[("part", "what-if")]);
    el(doc, &aside, "h4", "", &c.labels.next_steps_heading);
    let steps = el(doc, &aside, "ol", "steps", "");
    attrs(&steps, &[("part", "next-steps")]);
    let reading_block = el(doc, &aside, "div", "", "");
    // Filled below, after the reading list: keep, share, copy.
    let actions = el(doc, &aside, "div", "actions", "");
    attrs(&actions, &[("part", "actions")]);
    for (action, label) in [
        ("link", &c.labels.copy_link),
        ("summary", &c.labels.copy_summary),
        ("clear", &c.labels.clear),
    ] {
        let b = el(doc, &actions, "button", "", label);
        attrs(&b, &[("type", "button"), ("data-action", action)]);
    }
    let notice = el(doc, &aside, "p", "notice", "");
    attrs(&notice, &[("part", "notice"), ("role", "status")]);
    el(doc, &reading_block, "h4", "", &c.labels.reading_heading);
    let reading = el(doc, &reading_block, "ul", "reading", "");

    View {
        inputs,
        verdict,
        provisional,
        summary,
        progress,
        reasons: Keyed::new(reasons),
        steps: Keyed::new(steps),
        reading: Keyed::new(reading),
        reading_block,
        what_if: Keyed::new(what_if),
        what_if_block,
        notice,
        chart,
        links,
        shown: Cell::new(None),
    }
}

impl View {
    /// Makes the controls of question `q` show the answers (after an exclusive option
    /// cleared others, or when answers are set from outside).
    pub fn sync_inputs(&self, q: usize, answers: &Answers) {
        if let Some(row) = self.inputs.get(q) {
            for (o, input) in row.iter().enumerate() {
                let on = answers.is_chosen(q, o);
                if input.checked() != on {
                    input.set_checked(on);
                }
            }
        }
    }

    /// Shows `out`; only what changed since the last outcome shown is touched.
    pub fn update(&self, doc: &Document, c: &Checklist, answers: &Answers, out: &Outcome) {
        let last = self.shown.get();
        let v = &c.verdicts[out.verdict];
        if last.map(|l| l.verdict) != Some(out.verdict) {
            self.verdict.set_text_content(Some(&v.title));
            let _ = self.verdict.set_attribute("data-verdict", &v.id);
            self.summary.set_text_content(Some(&v.summary));
        }
        if last.map(|l| l.provisional) != Some(out.is_provisional()) {
            let _ = self
                .provisional
                .toggle_attribute_with_force("hidden", !out.is_provisional());
        }
        if last.map(|l| (l.answered, l.total)) != Some((out.answered, out.total)) {
            self.progress
                .set_text_content(Some(&c.labels.progress_text(out.answered, out.total)));
        }

        // Keys: an item's content is a function of its key (see `Keyed`).
        let mut keys: Vec<u64> = Vec::new();
        if out.reasons.is_empty() {
            keys.push(u64::MAX);
        }
        for r in &out.reasons {
            keys.push(((r.question as u64) << 16) | ((r.option as u64) << 1) | r.decisive as u64);
        }
        self.reasons.show(&keys, &mut |i| {
            let Some(r) = out.reasons.get(i) else {
                return make(doc, "li", "none", &c.labels.no_answers);
            };
            let question = &c.questions[r.question];
            let option = &question.options[r.option];
            let (class, how) = if r.decisive {
                ("cap", &c.labels.push_cap)
            } else if r.push > 0.0 {
                ("up", &c.labels.push_up)
            } else {
                ("down", &c.labels.push_down)
            };
            let li = make(doc, "li", class, "");
            if r.push.abs() >= STRONG_PUSH {
                let _ = li.set_attribute("data-strong", "");
            }
            // How it pushed, in words for screen readers; sighted readers see the mark.
            el(doc, &li, "span", "sr", how);
            el(doc, &li, "span", "q", &question.text);
            el(doc, &li, "strong", "", &option.label);
            el(doc, &li, "span", "", &option.reason);
            li
        });

        // What would change it: the best one or two ways up, and the nearest way down.
        let mut ways = Vec::new();
        // Before any answer every change is a way; suggesting one would be noise.
        if out.answered > 0 {
            for (direction, limit) in [(Direction::Up, 2), (Direction::Down, 1)] {
                for w in what_ifs(c, answers, direction, limit) {
                    ways.push((direction, w));
                }
            }
        }
        let had_ways = self.what_if.len() > 0;
        keys.clear();
        for (direction, w) in &ways {
            let mut k = ((*direction == Direction::Down) as u64) << 8 | w.verdict as u64;
            for e in &w.edits {
                k = k << 20 | (e.question as u64) << 7 | (e.option as u64) << 1 | e.on as u64;
            }
            keys.push(k);
        }
        self.what_if.show(&keys, &mut |i| {
            let (direction, w) = &ways[i];
            let class = match direction {
                Direction::Up => "up",
                Direction::Down => "down",
            };
            make(doc, "li", class, &describe(c, w, *direction))
        });
        if last.is_none() || had_ways == ways.is_empty() {
            let _ = self
                .what_if_block
                .toggle_attribute_with_force("hidden", ways.is_empty());
        }
        if let Some(chart) = &self.chart {
            chart.update(c, out);
        }

        keys.clear();
        for s in &out.next_steps {
            keys.push(match *s {
                Step::Verdict(v, i) => 1 << 40 | (v as u64) << 20 | i as u64,
                Step::Option(q, o) => 2 << 40 | (q as u64) << 20 | o as u64,
            });
        }
        self.steps.show(&keys, &mut |i| {
            make(doc, "li", "", out.next_steps[i].text(c))
        });

        keys.clear();
        keys.extend(out.reading.iter().map(|&i| i as u64));
        self.reading.show(&keys, &mut |n| {
            let i = out.reading[n];
            let r = &c.reading[i];
            let li = make(doc, "li", "", "");
            let host_link = self.links.get(i).and_then(|l| l.as_deref());
            match host_link.or(r.href.as_deref()).filter(|h| is_safe_href(h)) {
                Some(href) => {
                    let a = el(doc, &li, "a", "", &r.title);
                    attrs(&a, &[("href", href), ("rel", "noopener")]);
                }
                None => {
                    li.set_text_content(Some(&r.title));
                }
            }
            li
        });
        if last.map(|l| l.no_reading) != Some(out.reading.is_empty()) {
            let _ = self
                .reading_block
                .toggle_attribute_with_force("hidden", out.reading.is_empty());
        }
        self.shown.set(Some(Shown {
            verdict: out.verdict,
            provisional: out.is_provisional(),
            answered: out.answered,
            total: out.total,
            no_reading: out.reading.is_empty(),
        }));
    }
}
