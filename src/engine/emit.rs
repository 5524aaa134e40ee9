//! Writes a compiled [`Checklist`] as Rust source: how the built-in checklist reaches the
//! reader's build as static tables instead of JSON.
//!
//! `build.rs` reads `src/content/ai-certification.json` with serde, validates it with
//! [`crate::engine::compile`], and writes the result with [`Emit`] into `OUT_DIR`;
//! `src/builtin.rs` includes that file. The alternative, shipping the JSON and a parser,
//! was measured at about 40 KB gzip more (see the README's size notes). A native test
//! checks that the static tables equal a fresh compile of the JSON.

use std::borrow::Cow;

use crate::engine::checklist::{
    Checklist, Choice, Condition, Effect, Factor, Former, FormerQuestion, Labels, NextStep, Offer,
    Question, Reading, Rule, Section, Verdict, When,
};
use crate::engine::picture::{Area, Axis, Picture, Rect, Stop};

/// A value that can be written as a Rust constant expression.
pub trait Emit {
    /// Appends the expression to `out`.
    fn emit(&self, out: &mut String);
}

impl Emit for Cow<'static, str> {
    fn emit(&self, out: &mut String) {
        out.push_str(&format!("::std::borrow::Cow::Borrowed({:?})", &**self));
    }
}

impl<T: Emit + Clone> Emit for Cow<'static, [T]> {
    fn emit(&self, out: &mut String) {
        out.push_str("::std::borrow::Cow::Borrowed(&[");
        for item in self.iter() {
            item.emit(out);
            out.push_str(",\n");
        }
        out.push_str("])");
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl Emit for f64 {
    fn emit(&self, out: &mut String) {
        if *self == f64::INFINITY {
            out.push_str("f64::INFINITY");
        } else if *self == f64::NEG_INFINITY {
            out.push_str("f64::NEG_INFINITY");
        } else {
            out.push_str(&format!("{:?}f64", self));
        }
    }
}

impl Emit for usize {
    fn emit(&self, out: &mut String) {
        out.push_str(&format!("{self}usize"));
    }
}

impl Emit for u32 {
    fn emit(&self, out: &mut String) {
        out.push_str(&format!("{self}u32"));
    }
}

impl Emit for Offer {
    fn emit(&self, out: &mut String) {
        out.push_str(match self {
            Offer::Poor => "crate::engine::checklist::Offer::Poor",
            Offer::Sound => "crate::engine::checklist::Offer::Sound",
        });
    }
}

/// The labels, field by field from the one table of labels (`src/engine/labels.rs`).
impl Emit for Labels {
    fn emit(&self, out: &mut String) {
        out.push_str("crate::engine::checklist::Labels {\n");
        for (name, text) in self.each() {
            out.push_str(name);
            out.push_str(": ");
            text.emit(out);
            out.push_str(",\n");
        }
        out.push('}');
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// `emit_struct!(Type { fields })` for a type of `crate::engine::checklist`;
/// `emit_struct!(module: Type { fields })` for one of `crate::engine::module`.
macro_rules! emit_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        emit_struct!(checklist: $ty { $($field),* });
    };
    ($module:ident: $ty:ident { $($field:ident),* $(,)? }) => {
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!("crate::engine::", stringify!($module), "::", stringify!($ty), " {\n"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.emit(out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
    };
}

emit_struct!(Checklist {
    id,
    title,
    intro,
    factors,
    sections,
    questions,
    verdicts,
    rules,
    steps,
    reading,
    labels,
    picture,
    formerly
});
emit_struct!(Former {
    fingerprint,
    questions
});
emit_struct!(FormerQuestion { now, options });
emit_struct!(Factor {
    id,
    label,
    min,
    max
});
emit_struct!(Section { id, title });
emit_struct!(Question {
    id,
    section,
    text,
    help,
    multiple,
    required,
    ask_if,
    options
});
emit_struct!(When { question, options });
emit_struct!(Choice {
    id,
    label,
    effects,
    cap,
    red_flag,
    exclusive,
    offer,
    reason,
    action,
    reading
});
emit_struct!(Effect { factor, weight });
emit_struct!(Verdict {
    id,
    rank,
    title,
    title_poor_offer,
    summary,
    when,
    reading
});
emit_struct!(Condition { factor, min, max });
emit_struct!(Rule {
    id,
    answers,
    verdict,
    reason,
    reading
});
emit_struct!(NextStep {
    id,
    text,
    verdicts,
    answers
});
emit_struct!(Reading { id, title, href });
emit_struct!(picture: Picture { x, y, plot, areas });
emit_struct!(picture: Axis { factor, stops });
emit_struct!(picture: Stop { score, at });
emit_struct!(picture: Area {
    verdict,
    rect,
    lines,
    label
});
emit_struct!(picture: Rect { x, y, w, h });
