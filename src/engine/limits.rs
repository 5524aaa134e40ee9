//! Every limit of the widget, in one table ([`limits!`] below: name, value, reason), and
//! the limits checked before any work is done on a checklist from elsewhere: the size of
//! its file, how deeply its values nest, how many values a host's object holds; and
//! limits on what is said about it: how many problems are listed, how much of a value
//! one of them quotes.
//!
//! Why one table: a limit is a promise to authors (`docs/checklist-format.md` lists the
//! table, and `tests/docs.rs` checks the two agree) and a bound the code relies on; kept
//! beside the code that enforces each (as before: six files, and a bare 64), nobody saw
//! them all, nor which were missing from the docs. Each limit is a `MAX_*` constant: the
//! code that enforces it is where its name is used.
//!
//! Why before: every later stage costs time or stack in proportion to the input. A
//! 60 MB file of 100,000 questions took 69 s in the widget (29 s and 2.2 GB in the
//! validator) before "too many questions"; 10,000 nested arrays under an unknown key
//! exhausted the WebAssembly stack inside the deserializer, whose recursion follows the
//! nesting. So the size is checked before the text is read into anything, and the
//! nesting before anything recursive sees it.
//!
//! Why here, and iterative: the checks walk the JSON text byte by byte (files and
//! inline scripts) or the parsed [`Tree`] (objects a host passes), each with an
//! explicit stack of where it is, so that no input can make them recurse. They do not
//! rely on the deserializer (serde_json natively, serde-wasm-bindgen in the browser),
//! whose own limits differ (serde_json stops at 128 levels with "recursion limit
//! exceeded", which reads as if the JSON were invalid; serde-wasm-bindgen has none) and which a
//! later change may replace. The alternative, a depth counter inside each deserializer,
//! would have to be written twice and kept in step.

use std::borrow::Cow;

use crate::engine::problem::{Problem, ProblemKind};
use crate::engine::text::{pieces, push_number};
use crate::engine::tree::Tree;

/// One limit of the table: its name (the constant's), its value and why it is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The constant's name, e.g. `MAX_BYTES`.
    pub name: &'static str,
    /// Its value.
    pub value: usize,
    /// Why: the constant's doc comment.
    pub reason: &'static str,
}

/// `limits! { /// why  NAME = value; ... }`: each limit as a `pub const NAME: usize` with
/// its doc comment, and [`LIMITS`], the table of all of them (the doc comment is the
/// reason). The table is read by tests and docs only, so the reader's build carries none
/// of its text.
macro_rules! limits {
    ($( $(#[doc = $doc:literal])+ $name:ident = $value:expr; )+) => {
        $( $(#[doc = $doc])+ pub const $name: usize = $value; )+

        /// Every limit, in the order of the table.
        pub const LIMITS: &[Limit] = &[
            $( Limit { name: stringify!($name), value: $name, reason: concat!($($doc),+) }, )+
        ];
    };
}

limits! {
    /// The largest checklist file, in bytes (UTF-8). A checklist readers finish is far
    /// smaller: the built-in one is about 24 KB. Checked before the text is parsed (the
    /// widget reads a file no further: `src/element/custom-entry.js` has its own copy).
    MAX_BYTES = 2_000_000;
    /// How deeply arrays and objects may nest. A valid checklist needs 9 levels (checklist,
    /// sections, a section, questions, a question, options, an option, effects, an effect).
    MAX_NESTING = 32;
    /// The most values (objects, arrays, strings, numbers...) an object a host passes may
    /// hold: as many as a text of `MAX_BYTES` can, so files never meet this limit. It
    /// bounds the walk of objects that share parts (a few kilobytes of objects can reach
    /// billions of paths).
    MAX_VALUES = MAX_BYTES / 2;
    /// The most problems listed (on the page, in the console, by the validator); the rest
    /// are counted in one last line.
    MAX_PROBLEMS = 50;
    /// The longest message or path a problem shows, in bytes (UTF-8); longer ones keep their
    /// first 4,000 bytes and their last 100. Room for a value already cut by `clip` (1,000
    /// characters, up to 4 bytes each) and the words around it.
    MAX_MESSAGE = 4_200;
    /// The most questions a checklist may have: more is not a checklist readers finish.
    MAX_QUESTIONS = 100;
    /// The most factors: verdict regions are checked cell by cell across them.
    MAX_FACTORS = 4;
    /// The most verdicts. With `MAX_FACTORS`, it bounds the check of the verdicts'
    /// regions: at most (2 × 12 + 1)^4 = 390,625 cells.
    MAX_VERDICTS = 12;
    /// The most options a question may have (answers are kept as one bit per option).
    MAX_OPTIONS = 32;
    /// The longest short text (ids, titles, labels), in characters: long text belongs in
    /// the article around the widget.
    MAX_SHORT = 200;
    /// The longest long text (questions, help, reasons, summaries), in characters; also
    /// how much of a value a problem quotes (`clip`).
    MAX_LONG = 1000;
    /// The longest id, in characters: an id names things in storage keys, share links and
    /// the answers of events, not text readers see.
    MAX_ID = 64;
    /// The most gaps or overlaps between the verdicts' regions reported: beyond a few,
    /// they are one mistake seen from many places.
    MAX_REGION_PROBLEMS = 5;
    /// The most reasons shown for, and the most against, besides the deciding one: a
    /// handful, not every answer restated.
    MAX_REASONS = 2;
    /// The most next steps shown (each distinct): steps to take, not a list to read.
    MAX_STEPS = 3;
    /// The most related articles shown, the deciding reason's first: a few to read next,
    /// not the whole list.
    MAX_READING = 3;
    /// The most ways shown that would bring the reader to the best verdict they can reach
    /// (no two changing the same question): different ways, not variations of one.
    MAX_WAYS_UP = 2;
    /// The most changes shown that would move the reader away from it: the smallest one,
    /// the one worth a warning.
    MAX_WAYS_DOWN = 1;
    /// Changes involving more questions than this are not searched: a reader acts on one
    /// or two answers at a time, and each question more multiplies the search.
    MAX_DEPTH = 2;
    /// The most work one search does: for each verdict it computes, the questions plus the
    /// answers it adds up; so one click stays cheap on the largest checklist the format
    /// allows.
    MAX_WORK = 250_000;
    /// The most work one check of whether a verdict is final does, counted in table
    /// entries looked at (questions, caps, rules' conditions, verdicts): the built-in
    /// checklist needs at most a few thousand; on a checklist too large to settle within
    /// it, the verdict is called a leaning rather than final.
    MAX_FINALITY_WORK = 100_000;
}

/// `value` as a problem quotes it: whole up to [`MAX_LONG`] characters, cut with "…"
/// beyond. A checklist from elsewhere may hold a key or id of megabytes; quoted whole,
/// one unbroken word of it can keep the browser laying out the problems list for
/// minutes (measured: 3 MB of emoji, about 140 s).
pub fn clip(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(MAX_LONG) {
        None => Cow::Borrowed(value),
        Some((end, _)) => {
            let mut cut = value[..end].to_string(); // `end` is a char boundary from char_indices
            cut.push('…');
            Cow::Owned(cut)
        }
    }
}

const SIZE_HINT: &str = "split it, or move long text into the article";

/// The problem of a file of `bytes` bytes, if it is over [`MAX_BYTES`]. Readers that
/// stop early (the validator reads at most `MAX_BYTES + 1`) pass what they read.
pub fn check_size(bytes: usize) -> Result<(), Problem> {
    if bytes <= MAX_BYTES {
        return Ok(());
    }
    Err(Problem {
        kind: ProblemKind::Limit,
        path: "$".to_string(),
        // The numbers in messages are written out (tests/limits.rs checks them against
        // the constants): formatting them costs the custom build more than the text.
        message: "is more than 2,000,000 bytes long, the most a checklist may be".to_string(),
        hint: SIZE_HINT.to_string(),
    })
}

/// Checks a checklist's JSON text before it is parsed: its size, then how deeply its
/// arrays and objects nest, walked byte by byte with a stack of where it is. Syntax is
/// left to the parser: this only needs to be right about valid JSON.
pub fn check_text(text: &str) -> Result<(), Problem> {
    check_size(text.len())?;
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    // In an object, whether the next string is a key.
    let mut want_key = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                let start = i + 1;
                let mut end = start;
                while let Some(&c) = bytes.get(end) {
                    match c {
                        b'"' => break,
                        b'\\' => end += 2,
                        _ => end += 1,
                    }
                }
                if want_key {
                    if let Some(Frame::Object(key)) = frames.last_mut() {
                        // As written, escapes and all (they are rare in keys, and the
                        // place is found all the same); cut as problems cut keys.
                        // `start` and `end` sit next to ASCII bytes ('"', or the end of
                        // the text), so `get` finds char boundaries; a cut escape at the
                        // end of the text gives an empty key, never a panic.
                        *key = Some(clip(text.get(start..end).unwrap_or_default()).into_owned());
                    }
                    want_key = false;
                }
                i = end;
            }
            b'[' | b'{' => {
                if frames.len() >= MAX_NESTING {
                    return Err(too_deep(path_of(&frames)));
                }
                want_key = b == b'{';
                frames.push(if want_key {
                    Frame::Object(None)
                } else {
                    Frame::Array(0)
                });
            }
            b']' | b'}' => {
                frames.pop();
                want_key = false;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => want_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Checks a parsed value (a host's object, or a parsed file) before it is read: how
/// deeply it nests and how many values it holds, depth first with a stack of where it
/// is. Cycles and shared parts end at one limit or the other.
pub fn check_tree<V: Tree>(tree: &V) -> Result<(), Problem> {
    let Some((root, keys)) = open(tree) else {
        return Ok(());
    };
    let mut values = 1usize;
    // One frame per open container: the children left to visit, the keys (an object's)
    // and how many children were taken.
    let mut frames = vec![(root.into_iter(), keys, 0usize)];
    while let Some((left, _, taken)) = frames.last_mut() {
        let Some(child) = left.next() else {
            frames.pop();
            continue;
        };
        *taken += 1;
        values += 1;
        if values > MAX_VALUES {
            return Err(Problem {
                kind: ProblemKind::Limit,
                path: "$".to_string(),
                message: "holds more than 1,000,000 values".to_string(),
                hint: SIZE_HINT.to_string(),
            });
        }
        if let Some((grandchildren, keys)) = open(&child) {
            if frames.len() >= MAX_NESTING {
                let mut path = String::from("$");
                for (_, keys, taken) in &frames {
                    // Every frame on the stack has taken the child being visited, so
                    // `taken` is at least 1.
                    match keys.get(*taken - 1) {
                        Some(key) => {
                            path.push('.');
                            path.push_str(&clip(key));
                        }
                        None => {
                            path.push('[');
                            push_number(&mut path, *taken - 1);
                            path.push(']');
                        }
                    }
                }
                return Err(too_deep(path));
            }
            frames.push((grandchildren.into_iter(), keys, 0));
        }
    }
    Ok(())
}

/// At most [`MAX_PROBLEMS`] problems, then one saying how many more there are; each
/// message and path cut to [`MAX_MESSAGE`] bytes. What every reader of a checklist
/// shows: 100,000 unknown keys once made 100,000 list items and console lines (13 s).
pub fn tidy(mut problems: Vec<Problem>) -> Vec<Problem> {
    let more = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    for p in &mut problems {
        shorten(&mut p.message);
        shorten(&mut p.path);
    }
    if more > 0 {
        let mut message = String::from("and ");
        push_number(&mut message, more);
        message.push_str(" more problems, not listed");
        problems.push(Problem {
            kind: ProblemKind::Limit,
            path: "$".to_string(),
            message,
            hint: "fix the problems above and check again".to_string(),
        });
    }
    problems
}

/// How many problems `tidy` left out of `problems` (0 when it listed them all).
pub fn unlisted(problems: &[Problem]) -> usize {
    let Some(last) = problems.last().filter(|_| problems.len() > MAX_PROBLEMS) else {
        return 0;
    };
    last.message
        .strip_prefix("and ")
        .and_then(|rest| pieces(rest, b' ').next())
        .map_or(0, |n| {
            // Only ASCII digits reach the subtraction.
            n.bytes().filter(u8::is_ascii_digit).fold(0, |n: usize, d| {
                n.saturating_mul(10).saturating_add(usize::from(d - b'0'))
            })
        })
}

/// Where the text scan is inside one array or object.
enum Frame {
    /// The index of the current item.
    Array(usize),
    /// The current key, once read.
    Object(Option<String>),
}

fn path_of(frames: &[Frame]) -> String {
    let mut path = String::from("$");
    for frame in frames {
        match frame {
            Frame::Array(n) => {
                path.push('[');
                push_number(&mut path, *n);
                path.push(']');
            }
            Frame::Object(Some(key)) => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Object(None) => {}
        }
    }
    path
}

fn too_deep(path: String) -> Problem {
    Problem {
        kind: ProblemKind::Limit,
        path,
        message: "is nested more than 32 levels deep".to_string(),
        hint: "a checklist needs 9 levels: remove or flatten this value".to_string(),
    }
}

/// The children of an array (and no keys) or of an object (and their keys), or `None`
/// for any other value.
fn open<V: Tree>(v: &V) -> Option<(Vec<V>, Vec<String>)> {
    if let Some(items) = v.items() {
        return Some((items, Vec::new()));
    }
    let mut keys = Vec::new();
    let mut values = Vec::new();
    for key in v.keys()? {
        if let Some(value) = v.field(&key) {
            values.push(value);
            keys.push(key);
        }
    }
    Some((values, keys))
}

/// `text` cut to about [`MAX_MESSAGE`] bytes: if longer, its first 4,000 bytes and last
/// 100 (at character boundaries) around "…". Serde quotes a wrong-typed string whole
/// ("invalid type: string \"...3 million characters...\", expected u32"); the end keeps
/// what was expected. (Bytes, not characters: the same cut for less code.)
fn shorten(text: &mut String) {
    if text.len() <= MAX_MESSAGE {
        return;
    }
    let mut head = MAX_MESSAGE - 200;
    while !text.is_char_boundary(head) {
        head -= 1; // 0 is a boundary, so this stops there at the latest
    }
    // `text.len()` > MAX_MESSAGE > 100.
    let mut tail = text.len() - 100;
    while !text.is_char_boundary(tail) {
        tail += 1; // the end is a boundary
    }
    let mut cut = String::from(text.get(..head).unwrap_or_default());
    cut.push('…');
    cut.push_str(text.get(tail..).unwrap_or_default());
    *text = cut;
}
