//! What the reader sees: the checklist as native form controls, rendered once, and the
//! result panel, whose nodes are updated in place after every answer.
//!
//! Only the result changes on an answer; the questions are never re-rendered, so focus,
//! scroll position and the reader's place are never lost.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node, ShadowRoot};

use super::chart::{self, Chart};
use super::dom::{attrs, clear, el, set_text};
use crate::{describe, is_safe_href, what_ifs, Answers, Checklist, Direction, Outcome};

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
    reasons: Element,
    steps: Element,
    reading: Element,
    reading_block: Element,
    what_if: Element,
    what_if_block: Element,
    /// Says what happened to a copy, a share link or saving.
    pub notice: Element,
    chart: Option<Chart>,
    /// The host's address for each related reading, if it gave one.
    links: Vec<Option<String>>,
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
            help.set_id(&help_id);
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
    heading.set_id(&id(uid, "v"));
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
        reasons,
        steps,
        reading,
        reading_block,
        what_if,
        what_if_block,
        notice,
        chart,
        links,
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

    /// Shows `out`; only text that changed is touched.
    pub fn update(&self, doc: &Document, c: &Checklist, answers: &Answers, out: &Outcome) {
        let v = &c.verdicts[out.verdict];
        set_text(&self.verdict, &v.title);
        let _ = self.verdict.set_attribute("data-verdict", &v.id);
        set_text(&self.summary, &v.summary);
        let _ = self
            .provisional
            .toggle_attribute_with_force("hidden", !out.is_provisional());
        set_text(
            &self.progress,
            &c.labels.progress_text(out.answered, out.total),
        );

        clear(&self.reasons);
        if out.reasons.is_empty() {
            el(doc, &self.reasons, "li", "none", &c.labels.no_answers);
        }
        for r in &out.reasons {
            let question = &c.questions[r.question];
            let option = &question.options[r.option];
            let (class, how) = if r.decisive {
                ("cap", &c.labels.push_cap)
            } else if r.push > 0.0 {
                ("up", &c.labels.push_up)
            } else {
                ("down", &c.labels.push_down)
            };
            let li = el(doc, &self.reasons, "li", class, "");
            if r.push.abs() >= STRONG_PUSH {
                let _ = li.set_attribute("data-strong", "");
            }
            // How it pushed, in words for screen readers; sighted readers see the mark.
            el(doc, &li, "span", "sr", how);
            el(doc, &li, "span", "q", &question.text);
            el(doc, &li, "strong", "", &option.label);
            el(doc, &li, "span", "", &option.reason);
        }
        // What would change it: the best one or two ways up, and the nearest way down.
        clear(&self.what_if);
        let mut shown = 0;
        let ways = if out.answered == 0 {
            // Before any answer every change is a way; suggesting one would be noise.
            [].as_slice()
        } else {
            [(Direction::Up, 2, "up"), (Direction::Down, 1, "down")].as_slice()
        };
        for &(direction, limit, class) in ways {
            for w in what_ifs(c, answers, direction, limit) {
                el(doc, &self.what_if, "li", class, &describe(c, &w, direction));
                shown += 1;
            }
        }
        let _ = self
            .what_if_block
            .toggle_attribute_with_force("hidden", shown == 0);
        if let Some(chart) = &self.chart {
            chart.update(c, out);
        }
        clear(&self.steps);
        for s in &out.next_steps {
            el(doc, &self.steps, "li", "", s.text(c));
        }
        clear(&self.reading);
        for &i in &out.reading {
            let r = &c.reading[i];
            let li = el(doc, &self.reading, "li", "", "");
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
        }
        let _ = self
            .reading_block
            .toggle_attribute_with_force("hidden", out.reading.is_empty());
    }
}
