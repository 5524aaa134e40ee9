//! Writes a compiled [`Checklist`] as Rust source: how the built-in checklist reaches the
//! reader's build as static tables instead of JSON.
//!
//! `build.rs` reads `src/content/ai-certification.json` with serde, validates it with
//! [`crate::compile`], and writes the result with [`Emit`] into `OUT_DIR`;
//! `src/builtin.rs` includes that file. The alternative, shipping the JSON and a parser,
//! was measured at about 40 KB gzip more (see the README's size notes). A native test
//! checks that the static tables equal a fresh compile of the JSON.

use std::borrow::Cow;

use crate::checklist::{
    Checklist, Choice, Condition, Effect, Factor, Labels, Question, Reading, Section, Verdict,
};

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

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! emit_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!("crate::checklist::", stringify!($ty), " {\n"));
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
    reading,
    labels
});
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
    options
});
emit_struct!(Choice {
    id,
    label,
    effects,
    cap,
    red_flag,
    exclusive,
    reason,
    action,
    next_step,
    reading
});
emit_struct!(Effect { factor, weight });
emit_struct!(Verdict {
    id,
    title,
    summary,
    when,
    next_steps,
    reading
});
emit_struct!(Condition { factor, min, max });
emit_struct!(Reading { id, title, href });
emit_struct!(Labels {
    verdict_heading,
    provisional,
    progress,
    reasons_heading,
    next_steps_heading,
    reading_heading,
    no_answers,
    required,
    what_if_heading,
    what_if_up,
    what_if_down,
    change_action,
    change_answer,
    change_untick,
    and,
    picture_title,
    picture_axis,
    picture_area,
    push_up,
    push_down,
    push_cap,
    copy_link,
    copy_summary,
    clear,
    copied,
    copy_failed,
    link_ignored,
    link_damaged,
    link_other,
    link_future,
    storage_unavailable,
    shared_notice,
    keep_shared,
    leave_shared,
});
