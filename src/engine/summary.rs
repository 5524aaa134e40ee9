//! The result as plain text, for "Copy summary": the verdict, the reasons, the judgement
//! of the offer, the next steps, the reading and the reader's own answers, each answer
//! with its question, in the checklist's own words and labels.
//!
//! Headings stand on lines of their own, so a label that ends in a colon never gets a
//! second one.

use crate::engine::answers::Answers;
use crate::engine::checklist::Checklist;
use crate::engine::evaluate::{shown_headline, Outcome, Reason};
use crate::engine::text::push_number;

/// A plain-text summary of `out`, an outcome of `evaluate` on `c` and `answers`.
///
/// Every index in `out` (verdict, reasons' questions and options, steps, reading) was
/// taken from `c` by `evaluate`, and the reading indices were looked up by compile.
pub fn summary(c: &Checklist, answers: &Answers, out: &Outcome) -> String {
    let l = &c.labels;
    let mut s = String::new();
    let line = |s: &mut String, parts: &[&str]| {
        for p in parts {
            s.push_str(p);
        }
        s.push('\n');
    };
    let list = |s: &mut String, heading: &str, reasons: &[Reason]| {
        if !reasons.is_empty() {
            line(s, &[]);
            line(s, &[heading]);
            for r in reasons {
                line(s, &["- ", r.cause.text(c)]);
            }
        }
    };
    line(&mut s, &[&c.title]);
    line(&mut s, &[]);
    let (Some(v), Some(title)) = (out.verdict, shown_headline(c, out)) else {
        line(&mut s, &[&l.no_answers]);
        return s;
    };
    line(&mut s, &[&l.verdict_heading]);
    line(&mut s, &[&title]);
    match out.leaning_note(c) {
        Some(note) => line(&mut s, &[&note]),
        None => line(&mut s, &[&c.verdicts[v].summary]),
    }
    if let Some(d) = &out.decisive {
        list(&mut s, &l.push_cap, std::slice::from_ref(d));
    }
    list(&mut s, &l.push_up, &out.reasons_for);
    list(&mut s, &l.push_down, &out.reasons_against);
    if !out.offer_reasons.is_empty() {
        line(&mut s, &[]);
        line(&mut s, &[&l.offer_heading]);
        for &(q, o) in &out.offer_reasons {
            line(&mut s, &["- ", &c.questions[q].options[o].reason]);
        }
    }
    if !out.next_steps.is_empty() {
        line(&mut s, &[]);
        line(&mut s, &[&l.next_steps_heading]);
        for (i, &step) in out.next_steps.iter().enumerate() {
            let mut n = String::new();
            push_number(&mut n, i + 1);
            line(&mut s, &[&n, ". ", &c.steps[step].text]);
        }
    }
    if !out.reading.is_empty() {
        line(&mut s, &[]);
        line(&mut s, &[&l.reading_heading]);
        for &i in &out.reading {
            let r = &c.reading[i];
            match &r.href {
                Some(h) => line(&mut s, &["- ", &r.title, " (", h, ")"]),
                None => line(&mut s, &["- ", &r.title]),
            }
        }
    }
    line(&mut s, &[]);
    line(&mut s, &[&l.progress_text(out.answered, out.total)]);
    let answers = answers.only_asked(c);
    for (q, question) in c.questions.iter().enumerate() {
        if !answers.is_answered(q) {
            continue;
        }
        let mut chosen = String::new();
        for (i, o) in answers.chosen(q).enumerate() {
            if i > 0 {
                chosen.push_str("; ");
            }
            chosen.push_str(&question.options[o].label);
        }
        line(&mut s, &["- ", &question.text, " ", &chosen]);
    }
    s
}
