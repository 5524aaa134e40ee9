//! The events: plain JS objects for their details (the answers and the result, built
//! field by field with `Reflect`: no serde in the reader's build; see `docs` in the
//! README), and [`dispatch`], which sends one.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::engine::text::{cut, pieces};
use crate::{describe, headline, Answers, Cause, Checklist, Direction, OfferJudgement, Outcome};

/// `o[key] = value`. Not generic over the value (one copy of this code, not one per
/// type): callers convert.
fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// `{ <question id>: "<option id>" | ["<option id>", ...] }`, answered questions only.
pub fn answers(c: &Checklist, a: &Answers) -> Object {
    let o = Object::new();
    for (q, question) in c.questions.iter().enumerate() {
        if !a.is_answered(q) {
            continue;
        }
        if question.multiple {
            let list = Array::new();
            for i in a.chosen(q) {
                list.push(&JsValue::from_str(&question.options[i].id));
            }
            set(&o, &question.id, &list);
        } else if let Some(i) = a.chosen(q).next() {
            set(
                &o,
                &question.id,
                &JsValue::from_str(&question.options[i].id),
            );
        }
    }
    o
}

/// The result: verdict (or `null` before the first answer), headline, whether it is
/// final or a leaning (and then the sentence that says what could change it), completeness, scores, reasons
/// (the deciding one first, then the program's), the offer's judgement, next steps,
/// what would change it, reading, and the picture's place and caption.
pub fn result(c: &Checklist, answers: &Answers, out: &Outcome) -> Object {
    let r = Object::new();
    let text = |t: Option<&str>| t.map_or(JsValue::NULL, JsValue::from_str);
    let v = out.verdict.map(|v| &c.verdicts[v]);
    set(&r, "verdict", &text(v.map(|v| &*v.id)));
    set(&r, "title", &text(headline(c, out).as_deref()));
    set(&r, "summary", &text(v.map(|v| &*v.summary)));
    set(&r, "provisional", &JsValue::from_bool(out.is_provisional()));
    set(&r, "leaning", &text(out.leaning_note(c).as_deref()));
    set(&r, "answered", &JsValue::from_f64(out.answered as f64));
    set(&r, "total", &JsValue::from_f64(out.total as f64));
    let scores = Object::new();
    for (f, s) in c.factors.iter().zip(&out.scores) {
        set(&scores, &f.id, &JsValue::from_f64(*s));
    }
    set(&r, "scores", &scores);
    let reasons = Array::new();
    let sides = [
        ("decisive", out.decisive.as_slice()),
        ("for", &out.reasons_for),
        ("against", &out.reasons_against),
    ];
    for (side, list) in sides {
        for reason in list {
            let item = Object::new();
            match reason.cause {
                Cause::Answer { question, option } => {
                    let q = &c.questions[question];
                    set(&item, "question", &JsValue::from_str(&q.id));
                    set(&item, "option", &JsValue::from_str(&q.options[option].id));
                }
                Cause::Rule(i) => set(&item, "rule", &JsValue::from_str(&c.rules[i].id)),
            }
            set(&item, "text", &JsValue::from_str(reason.cause.text(c)));
            set(&item, "push", &JsValue::from_f64(reason.push));
            set(&item, "side", &JsValue::from_str(side));
            reasons.push(&item);
        }
    }
    for &(q, o) in &out.offer_reasons {
        let item = Object::new();
        let question = &c.questions[q];
        set(&item, "question", &JsValue::from_str(&question.id));
        set(&item, "option", &JsValue::from_str(&question.options[o].id));
        set(
            &item,
            "text",
            &JsValue::from_str(&question.options[o].reason),
        );
        set(&item, "side", &JsValue::from_str("offer"));
        reasons.push(&item);
    }
    set(&r, "reasons", &reasons);
    let offer = match out.offer {
        OfferJudgement::Poor => Some("poor"),
        OfferJudgement::Sound => Some("sound"),
        OfferJudgement::Unknown => None,
    };
    set(&r, "offer", &text(offer));
    let steps = Array::new();
    for &s in &out.next_steps {
        steps.push(&JsValue::from_str(&c.steps[s].text));
    }
    set(&r, "nextSteps", &steps);
    let changes = Array::new();
    for (direction, list) in [(Direction::Up, &out.up), (Direction::Down, &out.down)] {
        for w in list {
            let item = Object::new();
            let way = if direction == Direction::Up {
                "up"
            } else {
                "down"
            };
            set(&item, "direction", &JsValue::from_str(way));
            set(
                &item,
                "verdict",
                &JsValue::from_str(&c.verdicts[w.verdict].id),
            );
            set(
                &item,
                "text",
                &JsValue::from_str(&describe(c, answers, w, direction)),
            );
            changes.push(&item);
        }
    }
    set(&r, "changes", &changes);
    let reading = Array::new();
    for &i in &out.reading {
        let item = Object::new();
        set(&item, "title", &JsValue::from_str(&c.reading[i].title));
        if let Some(h) = &c.reading[i].href {
            set(&item, "href", &JsValue::from_str(h));
        }
        reading.push(&item);
    }
    set(&r, "reading", &reading);
    let place = out.verdict.map(|_| &*c.verdicts[out.by_scores].id);
    set(&r, "place", &text(place));
    set(
        &r,
        "caption",
        &text(out.verdict.map(|_| out.caption(c)).as_deref()),
    );
    r
}

/// Reads the host's answers, given as `question=option&question=option...`
/// (`entry.js` writes it from the object the host passes), all or nothing: an unknown
/// question or option, or two options for a single-choice question, is an error naming
/// it, and nothing is applied.
pub fn parse_answers(c: &Checklist, pairs: &str) -> Result<Answers, JsValue> {
    let mut answers = Answers::new(c);
    let fail = |what: &str, id: &str| {
        let mut m = String::from(what);
        m.push_str(" \"");
        m.push_str(id);
        m.push('"');
        Err(JsValue::from_str(&m))
    };
    for pair in pieces(pairs, b'&').filter(|p| !p.is_empty()) {
        let (question_id, option_id) = cut(pair, b'=').unwrap_or((pair, ""));
        let Some(q) = c.question_index(question_id) else {
            return fail("no question", question_id);
        };
        let question = &c.questions[q];
        let Some(o) = question.option_index(option_id) else {
            return fail("no such option", option_id);
        };
        if !question.multiple && answers.is_answered(q) {
            return fail("only one option may be chosen for", question_id);
        }
        answers.set(c, q, o, true);
    }
    Ok(answers)
}

/// Dispatches the event `name` (`ai-cert-check-...`: whole names, not a prefix joined
/// at run time, which cost more code than the repeated prefix costs data).
pub(super) fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&e);
    }
}
