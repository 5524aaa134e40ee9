//! Validation: from the author's [`RawChecklist`] to a [`Checklist`] the engine trusts.
//!
//! It never stops at the first mistake: every problem is collected with the JSON path
//! where it is and a hint, so an author fixes a file in one pass. It cannot fail halfway
//! either: the result is the checklist or the full list of problems.
//!
//! The same function runs in `build.rs` on the built-in checklist (a broken built-in
//! checklist fails the build, never the reader's page), in the native tests, and in
//! authors' tools.
//!
//! One function per table, called in turn by `Compiler::checklist`: the factors, the
//! verdicts' ids, the reading, the questions (with their options), the verdicts' count,
//! the steps, the verdicts, the rules and the labels; then, on a checklist without other
//! problems, the verdicts' regions ([`crate::engine::regions`]). The order of the calls
//! is the order problems are listed in. Link addresses follow the one rule of
//! [`crate::engine::link`].

use std::borrow::Cow;

use crate::engine::checklist::{
    Checklist, Choice, Condition, Effect, Factor, Labels, List, NextStep, Offer, Question, Reading,
    Rule, Section, Text, Verdict, When,
};
use crate::engine::format::{RawChecklist, RawCondition, RawLabels, RawOption, RawWhen};
use crate::engine::limits::{
    clip, MAX_FACTORS, MAX_ID, MAX_LONG, MAX_OPTIONS, MAX_QUESTIONS, MAX_SHORT, MAX_VERDICTS,
};
use crate::engine::link::is_safe_href;
use crate::engine::problem::{report, Problem, ProblemKind};
use crate::engine::regions::regions;
use crate::engine::text::join;

/// Validates `raw` and compiles it, or returns every problem found.
pub fn compile(raw: &RawChecklist) -> Result<Checklist, Vec<Problem>> {
    let mut c = Compiler::default();
    let out = c.checklist(raw);
    if c.problems.is_empty() {
        Ok(out)
    } else {
        Err(c.problems)
    }
}

/// An option's own `next_step`, before it is made a step: (question, option, text).
type OptionStep = (usize, usize, Text);

#[derive(Default)]
struct Compiler {
    problems: Vec<Problem>,
}

impl Compiler {
    fn problem(
        &mut self,
        kind: ProblemKind,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: &str,
    ) {
        report(&mut self.problems, kind, path, message, hint);
    }

    fn text(&mut self, path: &str, value: &str, required: bool, max: usize) -> Text {
        if required && value.trim().is_empty() {
            self.problem(
                ProblemKind::Empty,
                path,
                "is empty",
                "write the text readers should see",
            );
        }
        let len = value.chars().count();
        if len > max {
            self.problem(
                ProblemKind::Limit,
                path,
                format!("is {len} characters long, more than the {max} allowed"),
                "shorten it; long text belongs in the article around the widget",
            );
        }
        Cow::Owned(value.to_string())
    }

    fn id(&mut self, path: &str, value: &str, seen: &mut Vec<String>, what: &str) -> Text {
        if value.is_empty() {
            self.problem(
                ProblemKind::Empty,
                path,
                "is empty",
                "give it a short id such as \"employer\"",
            );
        } else if !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.problem(
                ProblemKind::Value,
                path,
                format!("\"{}\" is not a valid id", clip(value)),
                "use only letters, digits, '_' and '-'",
            );
        } else if value.len() > MAX_ID {
            self.problem(
                ProblemKind::Limit,
                path,
                "is longer than 64 characters",
                "use a short id",
            );
        }
        if seen.iter().any(|s| s == value) {
            self.problem(
                ProblemKind::Duplicate,
                path,
                format!("duplicate {what} id \"{}\"", clip(value)),
                "every id must be unique; rename one of them",
            );
        }
        seen.push(value.to_string());
        Cow::Owned(value.to_string())
    }

    fn lookup(&mut self, path: &str, id: &str, ids: &[String], what: &str) -> Option<usize> {
        let found = ids.iter().position(|s| s == id);
        if found.is_none() {
            let known = if ids.is_empty() {
                "none are defined".to_string()
            } else {
                format!("known: {}", join(ids.iter().map(String::as_str), ", "))
            };
            self.problem(
                ProblemKind::Reference,
                path,
                format!("refers to {what} \"{}\", which does not exist", clip(id)),
                &known,
            );
        }
        found
    }

    fn checklist(&mut self, raw: &RawChecklist) -> Checklist {
        if raw.version != 1 {
            self.problem(
                ProblemKind::Value,
                "$.version",
                format!("version {} is not supported", raw.version),
                "this widget reads version 1",
            );
        }
        let id = self.id("$.id", &raw.id, &mut Vec::new(), "checklist");
        let title = self.text("$.title", &raw.title, true, MAX_SHORT);
        let intro = self.text("$.intro", &raw.intro, false, MAX_LONG);

        let (mut factors, factor_ids) = self.factors(raw);
        // The verdicts' and the readings' ids first: the questions' options name them.
        let verdict_ids = self.verdict_ids(raw);
        let (reading, reading_ids) = self.reading(raw);
        let (sections, questions, option_steps) =
            self.questions(raw, (&factor_ids, &verdict_ids, &reading_ids));

        for (f, factor) in factors.iter_mut().enumerate() {
            (factor.min, factor.max) = reachable(&questions, f);
        }

        self.verdict_count(raw);
        // Steps in order of priority: the `steps` list, then each verdict's own, then
        // each option's (the two older, simpler ways of giving steps).
        let mut steps = self.steps(raw, &verdict_ids, &questions);
        let verdicts = self.verdicts(raw, &factor_ids, &reading_ids, &mut steps);
        option_steps_of(&questions, &option_steps, &mut steps);
        let rules = self.rules(raw, &verdict_ids, &reading_ids, &questions);

        let labels = self.labels(&raw.labels);
        let mut checklist = Checklist {
            id,
            title,
            intro,
            factors: Cow::Owned(factors),
            sections: Cow::Owned(sections),
            questions: Cow::Owned(questions),
            verdicts: Cow::Owned(verdicts),
            rules: Cow::Owned(rules),
            steps: Cow::Owned(steps),
            reading: Cow::Owned(reading),
            labels,
            picture: None,
            formerly: Cow::Borrowed(&[]),
        };
        if self.problems.is_empty() {
            regions(&checklist, &mut self.problems);
        }
        // Made only from a valid checklist (the regions' check above included): the
        // picture indexes its tables.
        if self.problems.is_empty() {
            checklist.picture = crate::engine::picture::picture(&checklist);
        }
        checklist
    }

    /// The factors, and their ids; their ranges are set once the questions are read.
    fn factors(&mut self, raw: &RawChecklist) -> (Vec<Factor>, Vec<String>) {
        if raw.factors.len() > MAX_FACTORS {
            self.problem(
                ProblemKind::Limit,
                "$.factors",
                format!(
                    "{} factors, more than the {MAX_FACTORS} allowed",
                    raw.factors.len()
                ),
                "combine related factors",
            );
        }
        let mut seen = Vec::new();
        let mut factors: Vec<Factor> = Vec::new();
        for (i, f) in raw.factors.iter().enumerate() {
            let p = format!("$.factors[{i}]");
            factors.push(Factor {
                id: self.id(&format!("{p}.id"), &f.id, &mut seen, "factor"),
                label: self.text(&format!("{p}.label"), &f.label, true, MAX_SHORT),
                min: 0.0,
                max: 0.0,
            });
        }
        let factor_ids = seen;
        (factors, factor_ids)
    }

    /// The verdicts' ids, checked before anything names them.
    fn verdict_ids(&mut self, raw: &RawChecklist) -> Vec<String> {
        let mut seen = Vec::new();
        for (i, v) in raw.verdicts.iter().enumerate() {
            self.id(&format!("$.verdicts[{i}].id"), &v.id, &mut seen, "verdict");
        }
        seen
    }

    /// The related reading, and its ids.
    fn reading(&mut self, raw: &RawChecklist) -> (Vec<Reading>, Vec<String>) {
        let mut seen = Vec::new();
        let mut reading = Vec::new();
        for (i, r) in raw.reading.iter().enumerate() {
            let p = format!("$.reading[{i}]");
            let id = self.id(&format!("{p}.id"), &r.id, &mut seen, "reading");
            let title = self.text(&format!("{p}.title"), &r.title, true, MAX_SHORT);
            let href = match &r.href {
                Some(h) if !is_safe_href(h) => {
                    self.problem(
                        ProblemKind::Link,
                        format!("{p}.href"),
                        format!("\"{}\" is not an allowed address", clip(h)),
                        "use an http(s), relative or mailto address",
                    );
                    None
                }
                Some(h) => Some(self.text(&format!("{p}.href"), h, true, MAX_LONG)),
                None => None,
            };
            reading.push(Reading { id, title, href });
        }
        let reading_ids = seen;
        (reading, reading_ids)
    }

    /// The sections and their questions, and each option's own `next_step` as
    /// `(question, option, text)`, made a step by [`option_steps_of`].
    fn questions(
        &mut self,
        raw: &RawChecklist,
        (factor_ids, verdict_ids, reading_ids): (&[String], &[String], &[String]),
    ) -> (Vec<Section>, Vec<Question>, Vec<OptionStep>) {
        let all_question_ids: Vec<&str> = raw
            .sections
            .iter()
            .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()))
            .collect();
        let mut sections = Vec::new();
        let mut questions: Vec<Question> = Vec::new();
        // (question, option, text): each option's own `next_step`, made a step below.
        let mut option_steps: Vec<(usize, usize, Text)> = Vec::new();
        let mut section_ids = Vec::new();
        let mut question_ids = Vec::new();
        if raw.sections.iter().all(|s| s.questions.is_empty()) {
            self.problem(
                ProblemKind::Empty,
                "$.sections",
                "has no questions",
                "add at least one question",
            );
        }
        for (si, s) in raw.sections.iter().enumerate() {
            let p = format!("$.sections[{si}]");
            sections.push(Section {
                id: self.id(&format!("{p}.id"), &s.id, &mut section_ids, "section"),
                title: self.text(&format!("{p}.title"), &s.title, true, MAX_SHORT),
            });
            for (qi, q) in s.questions.iter().enumerate() {
                let p = format!("{p}.questions[{qi}]");
                // Conditions may name only the questions before this one: so no question
                // depends on itself, directly or through others, and one pass in order
                // decides which questions are asked.
                let mut ask_if = Vec::new();
                for (wi, w) in q.ask_if.iter().enumerate() {
                    let wp = format!("{p}.ask_if[{wi}]");
                    let earlier = questions.iter().any(|x| x.id == w.question);
                    if !earlier && all_question_ids.contains(&w.question.as_str()) {
                        self.problem(ProblemKind::Reference,
                            format!("{wp}.question"),
                            format!(
                                "refers to question \"{}\", which is not asked before this one",
                                clip(&w.question)
                            ),
                            "a question can depend only on questions before it, so that none depends on itself",
                        );
                    } else if let Some(w) = self.when(&wp, w, &questions, "a question") {
                        ask_if.push(w);
                    }
                }
                let id = self.id(&format!("{p}.id"), &q.id, &mut question_ids, "question");
                let text = self.text(&format!("{p}.text"), &q.text, true, MAX_LONG);
                let help = self.text(&format!("{p}.help"), &q.help, false, MAX_LONG);
                if q.options.is_empty() {
                    self.problem(
                        ProblemKind::Empty,
                        format!("{p}.options"),
                        "is empty",
                        "give the question its options",
                    );
                }
                if q.options.len() > MAX_OPTIONS {
                    self.problem(
                        ProblemKind::Limit,
                        format!("{p}.options"),
                        format!(
                            "{} options, more than the {MAX_OPTIONS} allowed",
                            q.options.len()
                        ),
                        "split the question",
                    );
                }
                let mut option_ids = Vec::new();
                let mut options = Vec::new();
                for (oi, o) in q.options.iter().enumerate() {
                    let p = format!("{p}.options[{oi}]");
                    let (option, step) = self.option(
                        &p,
                        o,
                        q.multiple,
                        &mut option_ids,
                        (factor_ids, verdict_ids, reading_ids),
                    );
                    options.push(option);
                    if !step.is_empty() && oi < MAX_OPTIONS {
                        option_steps.push((questions.len(), oi, step));
                    }
                }
                questions.push(Question {
                    id,
                    section: si,
                    text,
                    help,
                    multiple: q.multiple,
                    required: q.required,
                    ask_if: Cow::Owned(ask_if),
                    options: Cow::Owned(options),
                });
            }
        }
        if questions.len() > MAX_QUESTIONS {
            self.problem(
                ProblemKind::Limit,
                "$.sections",
                format!(
                    "{} questions, more than the {MAX_QUESTIONS} allowed",
                    questions.len()
                ),
                "a checklist readers finish is short; split it",
            );
        }
        (sections, questions, option_steps)
    }

    /// That there are verdicts, and not too many.
    fn verdict_count(&mut self, raw: &RawChecklist) {
        if raw.verdicts.is_empty() {
            self.problem(
                ProblemKind::Empty,
                "$.verdicts",
                "is empty",
                "define at least one verdict",
            );
        }
        if raw.verdicts.len() > MAX_VERDICTS {
            self.problem(
                ProblemKind::Limit,
                "$.verdicts",
                format!(
                    "{} verdicts, more than the {MAX_VERDICTS} allowed",
                    raw.verdicts.len()
                ),
                "fewer, clearer verdicts",
            );
        }
    }

    /// The `steps` table.
    fn steps(
        &mut self,
        raw: &RawChecklist,
        verdict_ids: &[String],
        questions: &[Question],
    ) -> Vec<NextStep> {
        let mut steps = Vec::new();
        let mut step_ids = Vec::new();
        for (si, st) in raw.steps.iter().enumerate() {
            let p = format!("$.steps[{si}]");
            let id = self.id(&format!("{p}.id"), &st.id, &mut step_ids, "step");
            let text = self.text(&format!("{p}.text"), &st.text, true, MAX_LONG);
            let mut verdict_refs = Vec::new();
            for (i, v) in st.verdicts.iter().enumerate() {
                if let Some(v) =
                    self.lookup(&format!("{p}.verdicts[{i}]"), v, verdict_ids, "verdict")
                {
                    verdict_refs.push(v);
                }
            }
            let answers = self.whens(&format!("{p}.answers"), &st.answers, questions);
            steps.push(NextStep {
                id,
                text,
                verdicts: Cow::Owned(verdict_refs),
                answers: Cow::Owned(answers),
            });
        }
        steps
    }

    /// The verdicts; each verdict's own `next_steps` are added to `steps`.
    fn verdicts(
        &mut self,
        raw: &RawChecklist,
        factor_ids: &[String],
        reading_ids: &[String],
        steps: &mut Vec<NextStep>,
    ) -> Vec<Verdict> {
        let mut verdicts = Vec::new();
        let mut rank = 0;
        for (vi, v) in raw.verdicts.iter().enumerate() {
            let p = format!("$.verdicts[{vi}]");
            match v.rank {
                Some(r) if r == 0 || r < rank => self.problem(
                    ProblemKind::Value,
                    format!("{p}.rank"),
                    format!("rank {r} is below the rank of the verdict before it ({rank})"),
                    "list verdicts best first: a rank is at least 1 and never below the one before",
                ),
                Some(r) => rank = r,
                None => rank += 1,
            }
            let mut when = Vec::new();
            for (ci, cond) in v.when.iter().enumerate() {
                if let Some(c) = self.condition(&format!("{p}.when[{ci}]"), cond, factor_ids) {
                    if when.iter().any(|w: &Condition| w.factor == c.factor) {
                        self.problem(
                            ProblemKind::Duplicate,
                            format!("{p}.when[{ci}].factor"),
                            format!("factor \"{}\" is constrained twice", cond.factor),
                            "merge the two ranges into one",
                        );
                    }
                    when.push(c);
                }
            }
            for (ni, n) in v.next_steps.iter().enumerate() {
                let text = self.text(&format!("{p}.next_steps[{ni}]"), n, true, MAX_LONG);
                steps.push(NextStep {
                    id: Cow::Owned(format!("{}.{ni}", v.id)),
                    text,
                    verdicts: Cow::Owned(vec![vi]),
                    answers: Cow::Borrowed(&[]),
                });
            }
            let reading = self.refs(&format!("{p}.reading"), &v.reading, reading_ids);
            verdicts.push(Verdict {
                id: Cow::Owned(v.id.clone()),
                rank,
                title: self.text(&format!("{p}.title"), &v.title, true, MAX_SHORT),
                title_poor_offer: self.text(
                    &format!("{p}.title_poor_offer"),
                    &v.title_poor_offer,
                    false,
                    MAX_SHORT,
                ),
                summary: self.text(&format!("{p}.summary"), &v.summary, true, MAX_LONG),
                when: Cow::Owned(when),
                reading,
            });
        }
        verdicts
    }

    /// The rules.
    fn rules(
        &mut self,
        raw: &RawChecklist,
        verdict_ids: &[String],
        reading_ids: &[String],
        questions: &[Question],
    ) -> Vec<Rule> {
        let mut rules = Vec::new();
        let mut rule_ids = Vec::new();
        for (ri, r) in raw.rules.iter().enumerate() {
            let p = format!("$.rules[{ri}]");
            let id = self.id(&format!("{p}.id"), &r.id, &mut rule_ids, "rule");
            if r.answers.is_empty() {
                self.problem(
                    ProblemKind::Empty,
                    format!("{p}.answers"),
                    "is empty",
                    "a rule needs at least one answer; use a cap on an option for a single answer",
                );
            }
            let answers = self.whens(&format!("{p}.answers"), &r.answers, questions);
            let verdict = self.lookup(&format!("{p}.verdict"), &r.verdict, verdict_ids, "verdict");
            let reason = self.text(&format!("{p}.reason"), &r.reason, true, MAX_LONG);
            let reading = self.refs(&format!("{p}.reading"), &r.reading, reading_ids);
            rules.push(Rule {
                id,
                answers: Cow::Owned(answers),
                verdict: verdict.unwrap_or(0),
                reason,
                reading,
            });
        }
        rules
    }

    /// The option, and its `next_step` (made a step of the checklist by the caller).
    fn option(
        &mut self,
        p: &str,
        o: &RawOption,
        multiple: bool,
        option_ids: &mut Vec<String>,
        (factor_ids, verdict_ids, reading_ids): (&[String], &[String], &[String]),
    ) -> (Choice, Text) {
        let id = self.id(&format!("{p}.id"), &o.id, option_ids, "option");
        let label = self.text(&format!("{p}.label"), &o.label, true, MAX_SHORT);
        let mut effects = Vec::new();
        for (ei, e) in o.effects.iter().enumerate() {
            let ep = format!("{p}.effects[{ei}]");
            let factor = self.lookup(&format!("{ep}.factor"), &e.factor, factor_ids, "factor");
            if !e.weight.is_finite() {
                self.problem(
                    ProblemKind::Value,
                    format!("{ep}.weight"),
                    "is not a finite number",
                    "use a number such as 2 or -1.5",
                );
            } else if o.red_flag && e.weight > 0.0 {
                self.problem(
                    ProblemKind::Value,
                    format!("{ep}.weight"),
                    "is positive on an option marked red_flag",
                    "a warning sign may only lower a factor: use a weight of 0 or less",
                );
            }
            if let Some(factor) = factor {
                if effects.iter().any(|x: &Effect| x.factor == factor) {
                    self.problem(
                        ProblemKind::Duplicate,
                        format!("{ep}.factor"),
                        format!("factor \"{}\" appears twice in one option", clip(&e.factor)),
                        "add the two weights together",
                    );
                }
                effects.push(Effect {
                    factor,
                    weight: e.weight,
                });
            }
        }
        let cap = o
            .cap
            .as_ref()
            .and_then(|c| self.lookup(&format!("{p}.cap"), c, verdict_ids, "verdict"));
        if o.exclusive && !multiple {
            self.problem(
                ProblemKind::Conflict,
                format!("{p}.exclusive"),
                "is set in a single-choice question",
                "only options of a question with \"multiple\": true can be exclusive",
            );
        }
        let offer = match o.offer.as_deref() {
            None => None,
            Some("poor") => Some(Offer::Poor),
            Some("sound") => Some(Offer::Sound),
            Some(other) => {
                self.problem(
                    ProblemKind::Value,
                    format!("{p}.offer"),
                    format!("\"{}\" is not \"poor\" or \"sound\"", clip(other)),
                    "say whether this answer is a sign of a poor or a sound offer",
                );
                None
            }
        };
        if o.offer.is_some() && (!o.effects.is_empty() || o.cap.is_some()) {
            self.problem(ProblemKind::Conflict,
                format!("{p}.offer"),
                "is set on an option with effects or a cap",
                "the offer is judged apart from the verdict: move the weights or the cap to another question",
            );
        }
        let choice = Choice {
            id,
            label,
            effects: Cow::Owned(effects),
            cap,
            red_flag: o.red_flag,
            exclusive: o.exclusive,
            offer,
            reason: self.text(&format!("{p}.reason"), &o.reason, false, MAX_LONG),
            action: self.text(&format!("{p}.action"), &o.action, false, MAX_SHORT),
            reading: self.refs(&format!("{p}.reading"), &o.reading, reading_ids),
        };
        let step = self.text(&format!("{p}.next_step"), &o.next_step, false, MAX_LONG);
        (choice, step)
    }

    /// The answer conditions at `path`, each checked by [`Compiler::when`] against all
    /// questions.
    fn whens(&mut self, path: &str, raw: &[RawWhen], questions: &[Question]) -> Vec<When> {
        let mut out = Vec::new();
        for (i, w) in raw.iter().enumerate() {
            if let Some(w) = self.when(&format!("{path}[{i}]"), w, questions, "a question") {
                out.push(w);
            }
        }
        out
    }

    /// One answer condition: it names one of `questions` and some of its options.
    fn when(&mut self, p: &str, raw: &RawWhen, questions: &[Question], what: &str) -> Option<When> {
        let ids: Vec<String> = questions.iter().map(|q| q.id.to_string()).collect();
        let q = self.lookup(&format!("{p}.question"), &raw.question, &ids, what)?;
        let question = &questions[q]; // `lookup` found `q` in `ids`, one per question
        if raw.any_of.is_empty() {
            self.problem(
                ProblemKind::Empty,
                format!("{p}.any_of"),
                "is empty",
                "name the options of that question that the condition needs",
            );
        }
        let option_ids: Vec<String> = question.options.iter().map(|o| o.id.to_string()).collect();
        let mut options = 0u32;
        for (i, id) in raw.any_of.iter().enumerate() {
            if let Some(o) = self.lookup(&format!("{p}.any_of[{i}]"), id, &option_ids, "option") {
                if o < MAX_OPTIONS {
                    options |= 1 << o;
                }
            }
        }
        Some(When {
            question: q,
            options,
        })
    }

    fn refs(&mut self, path: &str, ids: &[String], known: &[String]) -> List<usize> {
        let mut out = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(r) = self.lookup(&format!("{path}[{i}]"), id, known, "reading") {
                out.push(r);
            }
        }
        Cow::Owned(out)
    }

    fn condition(&mut self, p: &str, c: &RawCondition, factor_ids: &[String]) -> Option<Condition> {
        let factor = self.lookup(&format!("{p}.factor"), &c.factor, factor_ids, "factor");
        let min = c.min.unwrap_or(f64::NEG_INFINITY);
        let max = c.max.unwrap_or(f64::INFINITY);
        let mut ok = true;
        for (name, v) in [("min", c.min), ("max", c.max)] {
            if v.is_some_and(|v| !v.is_finite()) {
                self.problem(
                    ProblemKind::Value,
                    format!("{p}.{name}"),
                    "is not a finite number",
                    "leave it out for no bound",
                );
                ok = false;
            }
        }
        if c.min.is_none() && c.max.is_none() {
            self.problem(
                ProblemKind::Conflict,
                p,
                "has neither min nor max",
                "give a bound or remove the condition",
            );
            ok = false;
        }
        if ok && min >= max {
            self.problem(
                ProblemKind::Conflict,
                p,
                "min is not below max: no score can satisfy it",
                "min is inclusive, max exclusive",
            );
            ok = false;
        }
        Some(Condition {
            factor: factor?,
            min,
            max,
        })
        .filter(|_| ok)
    }

    fn labels(&mut self, raw: &RawLabels) -> Labels {
        Labels::from_raw(raw, |label, value| match value {
            Some(v) => self.text(&format!("$.labels.{}", label.name), v, true, MAX_SHORT),
            None => Cow::Borrowed(label.default),
        })
    }
}

/// The lowest and highest score answers can give a factor (unanswered counts as 0).
fn reachable(questions: &[Question], factor: usize) -> (f64, f64) {
    let weight = |o: &Choice| {
        o.effects
            .iter()
            .filter(|e| e.factor == factor)
            .map(|e| e.weight)
            .sum::<f64>()
    };
    let mut lo = 0.0;
    let mut hi = 0.0;
    for q in questions {
        let (mut qlo, mut qhi) = (0.0f64, 0.0f64);
        if q.multiple {
            let (mut neg, mut pos) = (0.0, 0.0);
            for o in q.options.iter().filter(|o| !o.exclusive) {
                let w = weight(o);
                if w < 0.0 {
                    neg += w;
                } else {
                    pos += w;
                }
            }
            qlo = qlo.min(neg);
            qhi = qhi.max(pos);
            for o in q.options.iter().filter(|o| o.exclusive) {
                qlo = qlo.min(weight(o));
                qhi = qhi.max(weight(o));
            }
        } else {
            for o in q.options.iter() {
                qlo = qlo.min(weight(o));
                qhi = qhi.max(weight(o));
            }
        }
        lo += qlo;
        hi += qhi;
    }
    (lo, hi)
}

/// Each option's own `next_step` (from [`Compiler::questions`]) as a step, after the
/// others: in question order, then option order.
fn option_steps_of(questions: &[Question], option_steps: &[OptionStep], steps: &mut Vec<NextStep>) {
    for (q, question) in questions.iter().enumerate() {
        for (o, step) in option_steps
            .iter()
            .filter(|s| s.0 == q)
            .map(|s| (s.1, &s.2))
        {
            steps.push(NextStep {
                id: Cow::Owned(format!("{}.{}", question.id, question.options[o].id)),
                text: step.clone(),
                verdicts: Cow::Borrowed(&[]),
                answers: Cow::Owned(vec![When {
                    question: q,
                    options: 1 << o,
                }]),
            });
        }
    }
}
