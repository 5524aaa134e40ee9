//! The checklist as native form controls: rendered once, then only synced.
//!
//! Radios and checkboxes inside `<fieldset>`s with `<legend>`s are what keyboards and
//! screen readers know best; nothing here is a custom control. Questions are never
//! re-rendered on an answer, so focus, scroll position and the reader's place are never
//! lost. A question asked only after an earlier answer (`ask_if`) is rendered from the
//! start and hidden while its condition does not hold.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

use super::actions::Action;
use super::dom::{attrs, el};
use super::view::id;
use crate::{Answers, Checklist};

/// The form's controls.
pub struct Questions {
    /// The form.
    pub form: Element,
    /// One list of inputs per question, in option order.
    inputs: Vec<Vec<HtmlInputElement>>,
    /// One fieldset per question.
    fieldsets: Vec<Element>,
}

impl Questions {
    /// Renders the title, intro and every question of `c` into `parent`.
    pub fn render(doc: &Document, parent: &Node, c: &Checklist, uid: &str) -> Questions {
        let form = el(doc, parent, "form", "questions", "");
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
        let mut fieldsets = Vec::with_capacity(c.questions.len());
        let mut section_el: Option<Element> = None;
        let mut current = usize::MAX;
        for question in c.questions.iter() {
            if question.section != current {
                current = question.section;
                let s = el(doc, &form, "section", "section", "");
                let h = el(doc, &s, "h3", "section-title", "");
                // The title is the button that folds the section to one line: the title
                // and the answers chosen (`fold.rs`).
                let fold = el(doc, &h, "button", "fold", &c.sections[current].title);
                attrs(
                    &fold,
                    &[
                        ("type", "button"),
                        ("data-action", Action::Fold.name()),
                        ("aria-expanded", "true"),
                    ],
                );
                el(doc, &fold, "span", "chosen", "");
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
            fieldsets.push(fs);
        }
        Questions {
            form,
            inputs,
            fieldsets,
        }
    }

    /// The first option's control: where a notice about all the answers goes before.
    pub fn first_input(&self) -> Option<&HtmlInputElement> {
        self.inputs.first()?.first()
    }

    /// Makes the controls of question `q` show the answers (after an exclusive option
    /// cleared others, or when answers are set from outside).
    pub fn sync(&self, q: usize, answers: &Answers) {
        if let Some(row) = self.inputs.get(q) {
            for (o, input) in row.iter().enumerate() {
                let on = answers.is_chosen(q, o);
                if input.checked() != on {
                    input.set_checked(on);
                }
            }
        }
    }

    /// Shows the questions that are asked and hides the others, whose controls are
    /// cleared (`answers` have already lost their answers).
    pub fn show_asked(&self, c: &Checklist, answers: &Answers) {
        for (q, fs) in self.fieldsets.iter().enumerate() {
            if c.questions[q].ask_if.is_empty() {
                continue;
            }
            let asked = c.is_asked(q, answers);
            if fs.has_attribute("hidden") == asked {
                let _ = fs.toggle_attribute_with_force("hidden", !asked);
            }
            if !asked {
                self.sync(q, answers);
            }
        }
    }
}
