//! What stays in view while the reader answers: the verdict (or an invitation before the
//! first answer), how many questions are answered, and, where there is room, the
//! picture. On a wide container it is a panel beside the questions; on a narrow one
//! (a phone) a compact bar stuck to the bottom of the screen. Either way it is one
//! button: activating it brings the full result (the card) into view. One name each,
//! in Rust, CSS and `::part()`: the panel is `part="result"` (class `result`), its button
//! `part="bar"` (class `bar`).
//!
//! Screen readers hear one polite announcement per change of verdict, and one when the
//! result is complete; not one per answer, which would talk over the question they are
//! on.

use std::cell::RefCell;

use web_sys::{Document, Element, Node};

use super::actions::Action;
use super::chart::Chart;
use super::dom::{attrs, el, set_text, show};
use super::view::id;
use crate::{shown_headline, Checklist, Outcome};

/// The bar's changing parts.
pub struct Bar {
    /// The panel (the notice of the actions goes in it, so it stays in view).
    pub panel: Element,
    verdict: Element,
    progress: Element,
    lean: Element,
    see: Element,
    live: Element,
    chart: Option<Chart>,
    /// What was last announced.
    said: RefCell<String>,
}

impl Bar {
    /// Renders the bar into `parent`.
    pub fn render(doc: &Document, parent: &Node, c: &Checklist, uid: &str) -> Bar {
        let l = &c.labels;
        let aside = el(doc, parent, "aside", "result", "");
        attrs(
            &aside,
            &[("part", "result"), ("aria-labelledby", &id(uid, "v"))],
        );
        let heading = el(doc, &aside, "h3", "result-heading", &l.verdict_heading);
        attrs(&heading, &[("id", &id(uid, "v"))]);
        let button = el(doc, &aside, "button", "bar", "");
        attrs(
            &button,
            &[
                ("type", "button"),
                ("data-action", Action::Jump.name()),
                ("part", "bar"),
            ],
        );
        let verdict = el(doc, &button, "span", "verdict", &l.no_answers);
        attrs(&verdict, &[("part", "verdict")]);
        let progress = el(doc, &button, "span", "progress", "");
        attrs(&progress, &[("part", "progress")]);
        let see = el(doc, &button, "span", "see", &l.see_result);
        let _ = see.set_attribute("hidden", "");
        let lean = el(doc, &aside, "p", "lean", &l.provisional);
        let _ = lean.set_attribute("hidden", "");
        let chart = Chart::draw(doc, &aside, c, &id(uid, "g"));
        let live = el(doc, &aside, "p", "sr", "");
        attrs(&live, &[("aria-live", "polite"), ("aria-atomic", "true")]);
        Bar {
            panel: aside,
            verdict,
            progress,
            lean,
            see,
            live,
            chart,
            said: RefCell::new(String::new()),
        }
    }

    /// Shows `out`. `arrived`: this answer completed the required questions, so the
    /// arrival of the result is announced.
    pub fn update(&self, c: &Checklist, out: &Outcome, arrived: bool) {
        let l = &c.labels;
        let title = shown_headline(c, out);
        let text = title.clone().unwrap_or_else(|| l.no_answers.to_string());
        set_text(&self.verdict, &text);
        let id = out.verdict.map(|v| &*c.verdicts[v].id).unwrap_or_default();
        if self.verdict.get_attribute("data-verdict").as_deref() != Some(id) {
            let _ = self.verdict.set_attribute("data-verdict", id);
        }
        set_text(&self.progress, &l.progress_text(out.answered, out.total));
        let note = out.leaning_note(c);
        show(&self.lean, note.is_some());
        if let Some(note) = &note {
            set_text(&self.lean, note);
        }
        show(&self.see, out.verdict.is_some());
        if let Some(chart) = &self.chart {
            chart.update(c, out);
        }
        // One announcement per change of what the headline says, and one on arrival.
        let mut said = self.said.borrow_mut();
        let mut words = String::new();
        if title.is_some() && (arrived || *said != text) {
            words.push_str(&l.verdict_heading);
            words.push_str(": ");
            words.push_str(&text);
            if arrived {
                words.push_str(". ");
                words.push_str(&l.result_ready);
            }
        }
        if title.is_none() || !words.is_empty() {
            *said = if title.is_some() { text } else { String::new() };
            set_text(&self.live, &words);
        }
    }
}
