//! What the reader sees, put together from its parts: the questions (`questions.rs`),
//! the bar that stays in view (`bar.rs`), and the result card after the questions, made
//! of the headline and summary, the reasons (`reasons.rs`), the picture (`chart.rs`),
//! the next steps (`steps.rs`), what would change it (`changes.rs`), the related reading
//! (`reading.rs`) and the actions (`actions.rs`). Each part renders its nodes once and
//! updates them from the engine's result; only what differs from what is on screen is
//! touched.

use web_sys::{Document, Element, Node, ShadowRoot};

use super::actions::Actions;
use super::bar::Bar;
use super::changes::Changes;
use super::chart::Chart;
use super::dom::{attrs, clear, el, set_text, show};
use super::fold;
use super::questions::Questions;
use super::reading::ReadingList;
use super::reasons::Reasons;
use super::stamp;
use super::steps::Steps;
use crate::{shown_headline, Answers, Checklist, Outcome};

/// An id unique to this instance: `uid` + `-` + `name`.
pub fn id(uid: &str, name: &str) -> String {
    let mut s = String::with_capacity(uid.len() + name.len() + 1);
    s.push_str(uid);
    s.push('-');
    s.push_str(name);
    s
}

/// The whole view.
pub struct View {
    /// The form.
    pub questions: Questions,
    bar: Bar,
    /// The result card (the full result, after the questions).
    pub card: Element,
    headline: Element,
    summary: Element,
    chart: Option<Chart>,
    reasons: Reasons,
    steps: Steps,
    changes: Changes,
    reading: ReadingList,
    /// The buttons and the notice.
    pub actions: Actions,
    /// On paper, where the result comes from and its date (`stamp.rs`).
    printed: Element,
}

/// Renders `c` into `root` (emptied first); `links` are the host's reading addresses.
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
    // The questions and the bar share a box, so that the bar stays in view (sticky)
    // only while the questions do, never over the card that follows them.
    let top = el(doc, &wrap, "div", "top", "");
    let questions = Questions::render(doc, &top, c, uid);
    let bar = Bar::render(doc, &top, c, uid);

    let card = el(doc, &wrap, "section", "card", "");
    attrs(
        &card,
        &[
            ("part", "card"),
            ("aria-labelledby", &id(uid, "c")),
            ("tabindex", "-1"),
            ("hidden", ""),
        ],
    );
    let heading = el(doc, &card, "h3", "card-heading", &c.labels.verdict_heading);
    attrs(&heading, &[("id", &id(uid, "c"))]);
    let headline = el(doc, &card, "p", "headline", "");
    let summary = el(doc, &card, "p", "summary", "");
    let chart = Chart::draw(doc, &card, c, &id(uid, "p"));
    let reasons = Reasons::render(doc, &card, c);
    let steps = Steps::render(doc, &card, c);
    let changes = Changes::render(doc, &card, c);
    let reading = ReadingList::render(doc, &card, c, links);
    let actions = Actions::render(doc, &card, &bar.panel, c);
    let printed = stamp::render(doc, &card);
    View {
        questions,
        bar,
        card,
        headline,
        summary,
        chart,
        reasons,
        steps,
        changes,
        reading,
        actions,
        printed,
    }
}

impl View {
    /// Shows `out`, the result for `answers`. `arrived`: this change completed the
    /// required questions (the card says so, once).
    pub fn update(
        &self,
        doc: &Document,
        c: &Checklist,
        answers: &Answers,
        out: &Outcome,
        arrived: bool,
    ) {
        self.questions.show_asked(c, answers);
        fold::fold(&self.questions.form, fold::KEEP);
        stamp::stamp(&self.printed, &c.labels.printed);
        self.bar.update(c, out, arrived);
        show(&self.card, out.verdict.is_some());
        let _ = self
            .card
            .toggle_attribute_with_force("data-final", !out.is_provisional());
        if arrived {
            let _ = self.card.set_attribute("data-arrived", "");
        } else if out.is_provisional() {
            let _ = self.card.remove_attribute("data-arrived");
        }
        let title = shown_headline(c, out).unwrap_or_default();
        set_text(&self.headline, &title);
        let id = out.verdict.map(|v| &*c.verdicts[v].id).unwrap_or_default();
        if self.headline.get_attribute("data-verdict").as_deref() != Some(id) {
            let _ = self.headline.set_attribute("data-verdict", id);
        }
        let summary = match (out.verdict, out.leaning_note(c)) {
            (Some(_), Some(note)) => note,
            (Some(v), None) => c.verdicts[v].summary.to_string(),
            (None, _) => String::new(),
        };
        set_text(&self.summary, &summary);
        if let Some(chart) = &self.chart {
            chart.update(c, out);
        }
        self.reasons.update(doc, c, out);
        self.steps.update(doc, c, out);
        self.changes.update(doc, c, answers, out);
        self.reading.update(doc, c, out);
    }
}
