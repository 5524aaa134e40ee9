//! The result as plain text, for "Copy summary": the verdict, its reasons, the next
//! steps and the related reading, in the checklist's own words and labels.

use crate::checklist::Checklist;
use crate::evaluate::Outcome;

/// A plain-text summary of `out`, an outcome of `evaluate` on `c`.
///
/// Every index in `out` (verdict, reasons' questions and options, steps, reading) was
/// taken from `c` by `evaluate`, and the reading indices were looked up by compile.
pub fn summary(c: &Checklist, out: &Outcome) -> String {
    let l = &c.labels;
    let v = &c.verdicts[out.verdict];
    let mut s = String::new();
    let line = |s: &mut String, parts: &[&str]| {
        for p in parts {
            s.push_str(p);
        }
        s.push('\n');
    };
    line(&mut s, &[&c.title]);
    line(&mut s, &[]);
    line(&mut s, &[&l.verdict_heading, ": ", &v.title]);
    if out.is_provisional() {
        line(&mut s, &[&l.provisional]);
    }
    line(&mut s, &[&v.summary]);
    line(&mut s, &[&l.progress_text(out.answered, out.total)]);
    if !out.reasons.is_empty() {
        line(&mut s, &[]);
        line(&mut s, &[&l.reasons_heading]);
        for r in &out.reasons {
            let o = &c.questions[r.question].options[r.option];
            line(&mut s, &["- ", &o.label, ": ", &o.reason]);
        }
    }
    if !out.next_steps.is_empty() {
        line(&mut s, &[]);
        line(&mut s, &[&l.next_steps_heading]);
        for (i, step) in out.next_steps.iter().enumerate() {
            let mut n = String::new();
            crate::checklist::push_number(&mut n, i + 1);
            line(&mut s, &[&n, ". ", step.text(c)]);
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
    s
}
