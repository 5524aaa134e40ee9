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
//! problems, the questions that can never be asked and the rules that can never hold
//! ([`crate::engine::reach`]), and the verdicts' regions ([`crate::engine::regions`]).
//! The order of the calls is the order problems are listed in. Link addresses follow the
//! one rule of [`crate::engine::link`].
//!
//! Its work grows as n log n in the file, whatever the file: every list is counted
//! against its limit ([`crate::engine::limits`]) but still checked item by item, ids are
//! found and compared through sorted indices ([`Ids`]), and repeats within an option's
//! effects or a verdict's ranges are found with a mark per factor, not by a scan. The
//! problems are collected into [`Problems`], which keeps the first few.

use std::borrow::Cow;

use crate::engine::checklist::{
    Checklist, Choice, Condition, Effect, Factor, Labels, List, NextStep, Offer, Question, Reading,
    Rule, Section, Text, Verdict, When,
};
use crate::engine::format::{RawChecklist, RawCondition, RawLabels, RawOption, RawWhen};
use crate::engine::ids::Ids;
use crate::engine::invisible::is_blank;
use crate::engine::limits::{
    clip, Problems, MAX_ARTICLES, MAX_CONDITIONS, MAX_FACTORS, MAX_ID, MAX_LONG, MAX_NEXT_STEPS,
    MAX_OPTIONS, MAX_QUESTIONS, MAX_REFS, MAX_RULES, MAX_SECTIONS, MAX_SHORT, MAX_VERDICTS,
};
use crate::engine::link::is_safe_href;
use crate::engine::problem::{Problem, ProblemKind};
use crate::engine::reach::{reachable, Never, Reach};
use crate::engine::regions::regions;

/// Validates `raw` and compiles it, or returns its problems as every reader lists them
/// (at most [`crate::MAX_PROBLEMS`], then a count of the rest).
pub fn compile(raw: &RawChecklist) -> Result<Checklist, Vec<Problem>> {
    let mut problems = Problems::default();
    let out = compile_into(raw, &mut problems);
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.into_list())
    }
}

/// Validates `raw` and compiles it, adding its problems to `problems`; the checklist is
/// only sound if none were added.
pub(crate) fn compile_into(raw: &RawChecklist, problems: &mut Problems) -> Checklist {
    let start = problems.len();
    Compiler { problems, start }.checklist(raw)
}

/// The hints of lists over their limits: a reader sees a few of them; conditions on one
/// question are one condition; a list of ids needs each once.
const FEWER: &str = "a reader sees three at most: keep the most useful";
const MERGE: &str = "name fewer answers: conditions on one question can be one any_of";
const ONCE: &str = "name each once";

/// An option's own `next_step`, before it is made a step: (question, option, text).
type OptionStep = (usize, usize, Text);

/// The ids a checklist's parts refer to, each table sorted once ([`Ids`]), borrowed from
/// the author's form.
struct Tables<'r> {
    factors: Ids<&'r str>,
    verdicts: Ids<&'r str>,
    reading: Ids<&'r str>,
    /// Every question's id, in order across the sections.
    questions: Ids<&'r str>,
    /// Each question's options' ids, in the same order.
    options: Vec<Ids<&'r str>>,
}

impl<'r> Tables<'r> {
    fn new(raw: &'r RawChecklist) -> Tables<'r> {
        let all = || raw.sections.iter().flat_map(|s| s.questions.iter());
        Tables {
            factors: Ids::new(raw.factors.iter().map(|f| f.id.as_str())),
            verdicts: Ids::new(raw.verdicts.iter().map(|v| v.id.as_str())),
            reading: Ids::new(raw.reading.iter().map(|r| r.id.as_str())),
            questions: Ids::new(all().map(|q| q.id.as_str())),
            options: all()
                .map(|q| Ids::new(q.options.iter().map(|o| o.id.as_str())))
                .collect(),
        }
    }
}

/// Marks one item of a list at a time (an option's effects, a verdict's ranges) with the
/// factors it names, so that a factor named twice is found without a scan.
struct Marks {
    /// For each factor, the item that last named it (items count from 1).
    last: Vec<usize>,
    item: usize,
}

impl Marks {
    fn new(factors: usize) -> Marks {
        Marks {
            last: vec![0; factors],
            item: 0,
        }
    }

    /// Starts the next item.
    fn next(&mut self) {
        self.item += 1;
    }

    /// Whether the current item named `factor` before (and marks it named).
    fn again(&mut self, factor: usize) -> bool {
        match self.last.get_mut(factor) {
            Some(last) if *last == self.item => true,
            Some(last) => {
                *last = self.item;
                false
            }
            None => false,
        }
    }
}

struct Compiler<'p> {
    problems: &'p mut Problems,
    /// How many problems there were before this checklist's.
    start: usize,
}

impl Compiler<'_> {
    fn problem(
        &mut self,
        kind: ProblemKind,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: &str,
    ) {
        self.problems.report(kind, path, message, hint);
    }

    /// Whether this checklist has no problem so far.
    fn clean(&self) -> bool {
        self.problems.len() == self.start
    }

    /// A problem if the list at `path` then `list` (".ask_if", or nothing) has more than
    /// `max` items, `what` naming them. (The path is made only then: most lists are
    /// within their limits.)
    fn count(
        &mut self,
        (path, list): (&str, &str),
        len: usize,
        max: usize,
        what: &str,
        hint: &str,
    ) {
        if len > max {
            self.problem(
                ProblemKind::Limit,
                format!("{path}{list}"),
                format!("{len} {what}, more than the {max} allowed"),
                hint,
            );
        }
    }

    fn text(&mut self, path: &str, value: &str, required: bool, max: usize) -> Text {
        if required && value.trim().is_empty() {
            self.problem(
                ProblemKind::Empty,
                path,
                "is empty",
                "write the text readers should see",
            );
        } else if required && is_blank(value) {
            self.problem(
                ProblemKind::Empty,
                path,
                "has nothing readers can see: only spaces or invisible characters (such as U+200B or U+FEFF)",
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

    /// An id: not empty, only letters, digits, '_' and '-', not too long; `repeated` when
    /// an earlier id of its table is the same.
    fn id(&mut self, path: &str, value: &str, repeated: bool, what: &str) -> Text {
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
        if repeated {
            self.problem(
                ProblemKind::Duplicate,
                path,
                format!("duplicate {what} id \"{}\"", clip(value)),
                "every id must be unique; rename one of them",
            );
        }
        Cow::Owned(value.to_string())
    }

    /// The place of `id` in `ids`, or a problem naming the ids nearest it.
    fn lookup(&mut self, path: &str, id: &str, ids: &Ids<&str>, what: &str) -> Option<usize> {
        let found = ids.find(id);
        if found.is_none() {
            self.problem(
                ProblemKind::Reference,
                path,
                format!("refers to {what} \"{}\", which does not exist", clip(id)),
                &ids.hint(id),
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
        let id = self.id("$.id", &raw.id, false, "checklist");
        let title = self.text("$.title", &raw.title, true, MAX_SHORT);
        let intro = self.text("$.intro", &raw.intro, false, MAX_LONG);

        let t = Tables::new(raw);
        let mut factors = self.factors(raw, &t);
        // The verdicts' and the readings' ids first: the questions' options name them.
        self.verdict_ids(raw, &t);
        let reading = self.reading(raw, &t);
        let (sections, questions, option_steps, places) = self.questions(raw, &t);
        let reach = Reach::new(&questions);

        // What answers can give each factor, on the questions that can be asked.
        let askable: Vec<bool> = (0..questions.len()).map(|q| reach.askable(q)).collect();
        for (f, factor) in factors.iter_mut().enumerate() {
            (factor.min, factor.max) = reachable(&questions, f, &askable);
        }

        self.verdict_count(raw);
        // Steps in order of priority: the `steps` list, then each verdict's own, then
        // each option's (the two older, simpler ways of giving steps).
        let mut steps = self.steps(raw, &t, &questions);
        let verdicts = self.verdicts(raw, &t, &mut steps);
        option_steps_of(&questions, option_steps, &mut steps);
        let rules = self.rules(raw, &t, &questions);

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
        // On a checklist without other problems (every index in it valid): what can
        // never be asked or hold, then the verdicts' regions, which count only what can.
        if self.clean() {
            self.never(&checklist, &reach, &places);
            regions(&checklist, &reach, self.problems);
        }
        // Made only from a valid checklist (the regions' check above included): the
        // picture indexes its tables.
        if self.clean() {
            checklist.picture = crate::engine::picture::picture(&checklist);
        }
        checklist
    }

    /// The questions that are never asked and the rules that can never hold.
    /// `places[q]` is question `q`'s (section, index in its section).
    fn never(&mut self, c: &Checklist, reach: &Reach, places: &[(usize, usize)]) {
        const HINT: &str = "conditions on a single-choice question must share an option; \
            an exclusive option is ticked alone";
        for (q, &(si, qi)) in places.iter().enumerate() {
            let path = format!("$.sections[{si}].questions[{qi}].ask_if");
            match reach.never_asked(&c.questions, q) {
                None => {}
                // `r` is a question its conditions name, or one of the table.
                Some(Never::Needs(r)) => self.problem(
                    ProblemKind::Conflict,
                    path,
                    format!(
                        "can never hold: question \"{}\" is never asked",
                        c.questions[r].id
                    ),
                    "fix that question's ask_if first",
                ),
                Some(Never::Conflict(r)) => self.problem(
                    ProblemKind::Conflict,
                    path,
                    format!(
                        "can never hold: no answer to question \"{}\" meets them all",
                        c.questions[r].id
                    ),
                    HINT,
                ),
            }
        }
        for (ri, rule) in c.rules.iter().enumerate() {
            if !reach.can_hold(&rule.answers) {
                self.problem(
                    ProblemKind::Conflict,
                    format!("$.rules[{ri}].answers"),
                    "can never hold: no answers meet them all",
                    HINT,
                );
            }
        }
    }

    /// The factors; their ranges are set once the questions are read.
    fn factors(&mut self, raw: &RawChecklist, t: &Tables) -> Vec<Factor> {
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
        let repeated = t.factors.repeated();
        let mut factors: Vec<Factor> = Vec::new();
        for (i, (f, again)) in raw.factors.iter().zip(repeated).enumerate() {
            let p = format!("$.factors[{i}]");
            factors.push(Factor {
                id: self.id(&format!("{p}.id"), &f.id, again, "factor"),
                label: self.text(&format!("{p}.label"), &f.label, true, MAX_SHORT),
                min: 0.0,
                max: 0.0,
            });
        }
        factors
    }

    /// The verdicts' ids, checked before anything names them.
    fn verdict_ids(&mut self, raw: &RawChecklist, t: &Tables) {
        for (i, (v, again)) in raw.verdicts.iter().zip(t.verdicts.repeated()).enumerate() {
            self.id(&format!("$.verdicts[{i}].id"), &v.id, again, "verdict");
        }
    }

    /// The related reading.
    fn reading(&mut self, raw: &RawChecklist, t: &Tables) -> Vec<Reading> {
        self.count(
            ("$.reading", ""),
            raw.reading.len(),
            MAX_ARTICLES,
            "articles",
            FEWER,
        );
        let mut reading = Vec::new();
        for (i, (r, again)) in raw.reading.iter().zip(t.reading.repeated()).enumerate() {
            let p = format!("$.reading[{i}]");
            let id = self.id(&format!("{p}.id"), &r.id, again, "reading");
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
        reading
    }

    /// The sections and their questions; each option's own `next_step` as
    /// `(question, option, text)`, made a step by [`option_steps_of`]; and each
    /// question's place as (section, index in its section).
    #[allow(clippy::type_complexity)]
    fn questions(
        &mut self,
        raw: &RawChecklist,
        t: &Tables,
    ) -> (
        Vec<Section>,
        Vec<Question>,
        Vec<OptionStep>,
        Vec<(usize, usize)>,
    ) {
        let mut sections = Vec::new();
        let mut questions: Vec<Question> = Vec::new();
        // (question, option, text): each option's own `next_step`, made a step below.
        let mut option_steps: Vec<(usize, usize, Text)> = Vec::new();
        let mut places = Vec::new();
        if raw.sections.iter().all(|s| s.questions.is_empty()) {
            self.problem(
                ProblemKind::Empty,
                "$.sections",
                "has no questions",
                "add at least one question",
            );
        }
        self.count(
            ("$.sections", ""),
            raw.sections.len(),
            MAX_SECTIONS,
            "sections",
            "merge some sections",
        );
        let section_ids = Ids::new(raw.sections.iter().map(|s| s.id.as_str()));
        let question_repeated = t.questions.repeated();
        let mut marks = Marks::new(t.factors.count());
        for (si, (s, again)) in raw.sections.iter().zip(section_ids.repeated()).enumerate() {
            let p = format!("$.sections[{si}]");
            sections.push(Section {
                id: self.id(&format!("{p}.id"), &s.id, again, "section"),
                title: self.text(&format!("{p}.title"), &s.title, true, MAX_SHORT),
            });
            for (qi, q) in s.questions.iter().enumerate() {
                let p = format!("{p}.questions[{qi}]");
                // This question's place among all questions.
                let here = questions.len();
                // Conditions may name only the questions before this one: so no question
                // depends on itself, directly or through others, and one pass in order
                // decides which questions are asked.
                self.count(
                    (&p, ".ask_if"),
                    q.ask_if.len(),
                    MAX_CONDITIONS,
                    "conditions",
                    MERGE,
                );
                let mut ask_if = Vec::new();
                for (wi, w) in q.ask_if.iter().enumerate() {
                    let wp = format!("{p}.ask_if[{wi}]");
                    match t.questions.find(&w.question) {
                        Some(at) if at >= here => self.problem(ProblemKind::Reference,
                            format!("{wp}.question"),
                            format!(
                                "refers to question \"{}\", which is not asked before this one",
                                clip(&w.question)
                            ),
                            "a question can depend only on questions before it, so that none depends on itself",
                        ),
                        _ => {
                            if let Some(w) = self.when(&wp, w, t, &questions, "a question") {
                                ask_if.push(w);
                            }
                        }
                    }
                }
                let again = question_repeated.get(here).copied().unwrap_or(false);
                let id = self.id(&format!("{p}.id"), &q.id, again, "question");
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
                let option_repeated = t.options.get(here).map(Ids::repeated).unwrap_or_default();
                let mut options = Vec::new();
                for (oi, o) in q.options.iter().enumerate() {
                    let p = format!("{p}.options[{oi}]");
                    let again = option_repeated.get(oi).copied().unwrap_or(false);
                    let (option, step) = self.option(&p, o, q.multiple, again, t, &mut marks);
                    options.push(option);
                    if !step.is_empty() && oi < MAX_OPTIONS {
                        option_steps.push((here, oi, step));
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
                places.push((si, qi));
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
        (sections, questions, option_steps, places)
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
    fn steps(&mut self, raw: &RawChecklist, t: &Tables, questions: &[Question]) -> Vec<NextStep> {
        self.count(
            ("$.steps", ""),
            raw.steps.len(),
            MAX_NEXT_STEPS,
            "steps",
            FEWER,
        );
        let step_ids = Ids::new(raw.steps.iter().map(|s| s.id.as_str()));
        let mut steps = Vec::new();
        for (si, (st, again)) in raw.steps.iter().zip(step_ids.repeated()).enumerate() {
            let p = format!("$.steps[{si}]");
            let id = self.id(&format!("{p}.id"), &st.id, again, "step");
            let text = self.text(&format!("{p}.text"), &st.text, true, MAX_LONG);
            self.count(
                (&p, ".verdicts"),
                st.verdicts.len(),
                MAX_VERDICTS,
                "verdicts",
                ONCE,
            );
            let mut verdict_refs = Vec::new();
            for (i, v) in st.verdicts.iter().enumerate() {
                if let Some(v) =
                    self.lookup(&format!("{p}.verdicts[{i}]"), v, &t.verdicts, "verdict")
                {
                    verdict_refs.push(v);
                }
            }
            let answers = self.whens(&format!("{p}.answers"), &st.answers, t, questions);
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
        t: &Tables,
        steps: &mut Vec<NextStep>,
    ) -> Vec<Verdict> {
        let mut verdicts = Vec::new();
        let mut rank = 0;
        let mut marks = Marks::new(t.factors.count());
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
            marks.next();
            for (ci, cond) in v.when.iter().enumerate() {
                if let Some(c) = self.condition(&format!("{p}.when[{ci}]"), cond, &t.factors) {
                    if marks.again(c.factor) {
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
            self.count(
                (&p, ".next_steps"),
                v.next_steps.len(),
                MAX_NEXT_STEPS,
                "next steps",
                FEWER,
            );
            for (ni, n) in v.next_steps.iter().enumerate() {
                let text = self.text(&format!("{p}.next_steps[{ni}]"), n, true, MAX_LONG);
                steps.push(NextStep {
                    id: Cow::Owned(format!("{}.{ni}", v.id)),
                    text,
                    verdicts: Cow::Owned(vec![vi]),
                    answers: Cow::Borrowed(&[]),
                });
            }
            let reading = self.refs(&format!("{p}.reading"), &v.reading, &t.reading);
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
    fn rules(&mut self, raw: &RawChecklist, t: &Tables, questions: &[Question]) -> Vec<Rule> {
        self.count(
            ("$.rules", ""),
            raw.rules.len(),
            MAX_RULES,
            "rules",
            "keep rules for what the weights cannot say",
        );
        let rule_ids = Ids::new(raw.rules.iter().map(|r| r.id.as_str()));
        let mut rules = Vec::new();
        for (ri, (r, again)) in raw.rules.iter().zip(rule_ids.repeated()).enumerate() {
            let p = format!("$.rules[{ri}]");
            let id = self.id(&format!("{p}.id"), &r.id, again, "rule");
            if r.answers.is_empty() {
                self.problem(
                    ProblemKind::Empty,
                    format!("{p}.answers"),
                    "is empty",
                    "a rule needs at least one answer; use a cap on an option for a single answer",
                );
            }
            let answers = self.whens(&format!("{p}.answers"), &r.answers, t, questions);
            let verdict = self.lookup(&format!("{p}.verdict"), &r.verdict, &t.verdicts, "verdict");
            let reason = self.text(&format!("{p}.reason"), &r.reason, true, MAX_LONG);
            let reading = self.refs(&format!("{p}.reading"), &r.reading, &t.reading);
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
    /// `again`: an earlier option of its question has the same id.
    fn option(
        &mut self,
        p: &str,
        o: &RawOption,
        multiple: bool,
        again: bool,
        t: &Tables,
        marks: &mut Marks,
    ) -> (Choice, Text) {
        let id = self.id(&format!("{p}.id"), &o.id, again, "option");
        let label = self.text(&format!("{p}.label"), &o.label, true, MAX_SHORT);
        let mut effects = Vec::new();
        // Each factor once: `marks` has a mark per factor, shared by all options (the
        // factors should be few, but a file may list thousands, as it may list thousands
        // of effects).
        marks.next();
        for (ei, e) in o.effects.iter().enumerate() {
            let ep = format!("{p}.effects[{ei}]");
            let factor = self.lookup(&format!("{ep}.factor"), &e.factor, &t.factors, "factor");
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
                if marks.again(factor) {
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
            .and_then(|c| self.lookup(&format!("{p}.cap"), c, &t.verdicts, "verdict"));
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
            reading: self.refs(&format!("{p}.reading"), &o.reading, &t.reading),
        };
        let step = self.text(&format!("{p}.next_step"), &o.next_step, false, MAX_LONG);
        (choice, step)
    }

    /// The answer conditions at `path` (a rule's or a step's), each checked by
    /// [`Compiler::when`] against all questions.
    fn whens(
        &mut self,
        path: &str,
        raw: &[RawWhen],
        t: &Tables,
        questions: &[Question],
    ) -> Vec<When> {
        self.count((path, ""), raw.len(), MAX_CONDITIONS, "conditions", MERGE);
        let mut out = Vec::new();
        for (i, w) in raw.iter().enumerate() {
            if let Some(w) = self.when(&format!("{path}[{i}]"), w, t, questions, "a question") {
                out.push(w);
            }
        }
        out
    }

    /// One answer condition: it names one of `questions` (the questions compiled so far,
    /// as the first of `t.questions`) and some of its options.
    fn when(
        &mut self,
        p: &str,
        raw: &RawWhen,
        t: &Tables,
        questions: &[Question],
        what: &str,
    ) -> Option<When> {
        let q = self.lookup(&format!("{p}.question"), &raw.question, &t.questions, what)?;
        // Only a question before this one (or, for rules and steps, any) is compiled.
        questions.get(q)?;
        if raw.any_of.is_empty() {
            self.problem(
                ProblemKind::Empty,
                format!("{p}.any_of"),
                "is empty",
                "name the options of that question that the condition needs",
            );
        }
        self.count(
            (p, ".any_of"),
            raw.any_of.len(),
            MAX_OPTIONS,
            "options",
            ONCE,
        );
        let option_ids = t.options.get(q)?;
        let mut options = 0u32;
        for (i, id) in raw.any_of.iter().enumerate() {
            if let Some(o) = self.lookup(&format!("{p}.any_of[{i}]"), id, option_ids, "option") {
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

    /// A list of reading ids.
    fn refs(&mut self, path: &str, ids: &[String], known: &Ids<&str>) -> List<usize> {
        self.count((path, ""), ids.len(), MAX_REFS, "references", FEWER);
        let mut out = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(r) = self.lookup(&format!("{path}[{i}]"), id, known, "reading") {
                out.push(r);
            }
        }
        Cow::Owned(out)
    }

    fn condition(
        &mut self,
        p: &str,
        c: &RawCondition,
        factor_ids: &Ids<&str>,
    ) -> Option<Condition> {
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

/// Each option's own `next_step` (from [`Compiler::questions`], in question order, then
/// option order) as a step, after the others.
fn option_steps_of(
    questions: &[Question],
    option_steps: Vec<OptionStep>,
    steps: &mut Vec<NextStep>,
) {
    for (q, o, text) in option_steps {
        // (question, option) pairs of the compiled questions: in range.
        let question = &questions[q];
        steps.push(NextStep {
            id: Cow::Owned(format!("{}.{}", question.id, question.options[o].id)),
            text,
            verdicts: Cow::Borrowed(&[]),
            answers: Cow::Owned(vec![When {
                question: q,
                options: 1 << o, // o < MAX_OPTIONS: only those are kept
            }]),
        });
    }
}
