//! Limits checked before any work is done on a checklist from elsewhere: the size of
//! its file, how deeply its values nest, how many values a host's object holds; and
//! limits on what is said about it: how many problems are listed, how much of a value
//! one of them quotes.
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
//! rely on the deserializer (serde_json natively, `src/web/js_de.rs` in the browser),
//! whose own limits differ (serde_json stops at 128 levels with "recursion limit
//! exceeded", which reads as if the JSON were invalid; `js_de` has none) and which a
//! later change may replace. The alternative, a depth counter inside each deserializer,
//! would have to be written twice and kept in step.

use std::borrow::Cow;

use crate::checklist::push_number;
use crate::compile::{clip, Problem};
use crate::parse::Tree;

/// The largest checklist file, in bytes (UTF-8). A checklist readers finish is far
/// smaller: the built-in one is about 24 KB. Checked before the text is parsed.
pub const MAX_BYTES: usize = 2_000_000;
/// How deeply arrays and objects may nest. A valid checklist needs 9 levels (checklist,
/// sections, a section, questions, a question, options, an option, effects, an effect).
pub const MAX_NESTING: usize = 32;
/// The most values (objects, arrays, strings, numbers...) an object a host passes may
/// hold: as many as a text of [`MAX_BYTES`] can, so files never meet this limit. It
/// bounds the walk of objects that share parts (a few kilobytes of objects can reach
/// billions of paths).
pub const MAX_VALUES: usize = MAX_BYTES / 2;
/// The most problems listed (on the page, in the console, by the validator); the rest
/// are counted in one last line.
pub const MAX_PROBLEMS: usize = 50;
/// The longest message or path a problem shows, in characters; longer ones keep their
/// start and their end. Above [`crate::MAX_LONG`] with room for the words around a
/// value already cut by [`clip`].
pub const MAX_MESSAGE: usize = 1_200;

const SIZE_HINT: &str =
    "a checklist readers finish is far smaller: split it, or move long text into the article";

/// The problem of a file of `bytes` bytes, if it is over [`MAX_BYTES`]. Readers that
/// stop early (the validator reads at most `MAX_BYTES + 1`) pass what they read.
pub fn check_size(bytes: usize) -> Result<(), Problem> {
    if bytes <= MAX_BYTES {
        return Ok(());
    }
    let mut message = String::from("is more than ");
    push_thousands(&mut message, MAX_BYTES);
    message.push_str(" bytes long, the most a checklist may be");
    Err(Problem {
        path: "$".to_string(),
        message,
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
                        // `start` and `end` sit next to ASCII bytes ('"', or the end of
                        // the text), so `get` finds char boundaries; a cut escape at the
                        // end of the text gives an empty key, never a panic.
                        *key = Some(unescape(text.get(start..end).unwrap_or_default()));
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
    let Some(root) = children(tree) else {
        return Ok(());
    };
    let mut values = 1usize;
    // One frame per open container: the children left to visit, and the path segment
    // of the one being visited.
    let mut frames: Vec<(std::vec::IntoIter<(String, V)>, String)> =
        vec![(root.into_iter(), String::new())];
    while let Some((left, segment)) = frames.last_mut() {
        let Some((name, child)) = left.next() else {
            frames.pop();
            continue;
        };
        *segment = name;
        values += 1;
        if values > MAX_VALUES {
            let mut message = String::from("holds more than ");
            push_thousands(&mut message, MAX_VALUES);
            message.push_str(" values");
            return Err(Problem {
                path: "$".to_string(),
                message,
                hint: SIZE_HINT.to_string(),
            });
        }
        if let Some(grandchildren) = children(&child) {
            if frames.len() >= MAX_NESTING {
                let mut path = String::from("$");
                for (_, segment) in &frames {
                    path.push_str(segment);
                }
                return Err(too_deep(path));
            }
            frames.push((grandchildren.into_iter(), String::new()));
        }
    }
    Ok(())
}

/// At most [`MAX_PROBLEMS`] problems, then one saying how many more there are; each
/// message and path cut to [`MAX_MESSAGE`] characters. What every reader of a checklist
/// shows: 100,000 unknown keys once made 100,000 list items and console lines (13 s).
pub fn tidy(mut problems: Vec<Problem>) -> Vec<Problem> {
    let more = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    for p in &mut problems {
        if let Cow::Owned(cut) = shorten(&p.message) {
            p.message = cut;
        }
        if let Cow::Owned(cut) = shorten(&p.path) {
            p.path = cut;
        }
    }
    if more > 0 {
        let mut message = String::from("and ");
        push_thousands(&mut message, more);
        message.push_str(" more problems, not listed");
        problems.push(Problem {
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
        .and_then(|rest| rest.split(' ').next())
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
    let mut message = String::from("is nested more than ");
    push_number(&mut message, MAX_NESTING);
    message.push_str(" levels deep");
    Problem {
        path,
        message,
        hint: "no part of a checklist nests this deep (it needs 9 levels): remove or flatten this value"
            .to_string(),
    }
}

/// The children of an array or object with their path segments (`[3]`, `.key`), or
/// `None` for any other value.
fn children<V: Tree>(v: &V) -> Option<Vec<(String, V)>> {
    if let Some(items) = v.items() {
        return Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let mut segment = String::from("[");
                    push_number(&mut segment, i);
                    segment.push(']');
                    (segment, item)
                })
                .collect(),
        );
    }
    let keys = v.keys()?;
    Some(
        keys.into_iter()
            .filter_map(|key| {
                let value = v.field(&key)?;
                let mut segment = String::from(".");
                segment.push_str(&clip(&key));
                Some((segment, value))
            })
            .collect(),
    )
}

/// A JSON string's raw text decoded, for a path: a key as the parser reads it, cut as
/// problems cut keys.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return clip(raw).into_owned();
    }
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let unit = hex4(&mut chars);
                let c = match unit {
                    Some(hi @ 0xd800..=0xdbff) => {
                        // A high surrogate: the low one follows as `\uXXXX` in valid JSON.
                        let mut ahead = chars.clone();
                        match (ahead.next(), ahead.next(), hex4(&mut ahead)) {
                            (Some('\\'), Some('u'), Some(lo @ 0xdc00..=0xdfff)) => {
                                // Both subtractions are within the matched ranges.
                                chars = ahead;
                                char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))
                            }
                            _ => None,
                        }
                    }
                    Some(unit) => char::from_u32(unit),
                    None => None,
                };
                out.push(c.unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    clip(&out).into_owned()
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut n = 0;
    for _ in 0..4 {
        n = n * 16 + chars.next()?.to_digit(16)?;
    }
    Some(n)
}

/// `text` if it has at most [`MAX_MESSAGE`] characters, else its first 1,000 and last
/// 100 around "…". Serde quotes a wrong-typed string whole ("invalid type: string
/// \"...3 million characters...\", expected u32"); the end keeps what was expected.
fn shorten(text: &str) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= MAX_MESSAGE {
        return Cow::Borrowed(text);
    }
    let mut out: String = text.chars().take(1_000).collect();
    out.push('…');
    // `count` > MAX_MESSAGE > 100, so the subtraction cannot underflow.
    out.extend(text.chars().skip(count - 100));
    Cow::Owned(out)
}

/// Appends `n` with commas between thousands: `2,000,000`.
fn push_thousands(out: &mut String, n: usize) {
    let mut digits = String::new();
    push_number(&mut digits, n);
    let len = digits.len();
    // `i` < `len`: it indexes the digits themselves.
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
}
