//! A reader's answers as a short, versioned text: what a share link carries in the
//! page address's fragment and what the browser keeps between visits.
//!
//! `1.<fingerprint>.<mask>.<mask>...`: the format version, a fingerprint of the
//! checklist's questions and options, then one base-36 bit mask of chosen options per
//! question (empty for unanswered; trailing empties dropped). "1.k2x9f0.1..4" is four
//! questions, the first and third answered.
//!
//! Decoding is all or nothing: a text that is damaged, from another version of the
//! checklist, or from a future format gives an error and no answers, never some of them.
//! The fingerprint covers what answers mean (question and option ids, and which
//! questions take several options), not wording or weights: a typo fixed or a weight
//! tuned keeps readers' answers; a question or option added, removed or renamed does
//! not restore stale ones.

use crate::engine::answers::Answers;
use crate::engine::checklist::Checklist;

/// The format version this build writes and reads.
pub const FORMAT: u32 = 1;

/// Why a text could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// Not in the format, or naming options that do not exist.
    Damaged,
    /// Made for a different version of this checklist (or another checklist).
    OtherChecklist,
    /// Made by a newer version of the widget: a higher version number, in our shape.
    FutureFormat,
}

/// A 32-bit FNV-1a hash of what answers refer to.
pub fn fingerprint(c: &Checklist) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(c.id.as_bytes());
    for q in c.questions.iter() {
        eat(q.id.as_bytes());
        eat(if q.multiple { b"m" } else { b"s" });
        for o in q.options.iter() {
            eat(o.id.as_bytes());
            eat(if o.exclusive { b"x" } else { b"" });
        }
    }
    h
}

/// The answers as text.
pub fn encode(c: &Checklist, answers: &Answers) -> String {
    let mut out = String::new();
    push_base36(&mut out, FORMAT);
    out.push('.');
    push_base36(&mut out, fingerprint(c));
    let last = (0..c.questions.len())
        .rev()
        .find(|&q| answers.is_answered(q))
        .map_or(0, |q| q + 1);
    for q in 0..last {
        out.push('.');
        let mask = answers.mask(q);
        if mask != 0 {
            push_base36(&mut out, mask);
        }
    }
    out
}

/// The answers a text describes, checked against `c`.
pub fn decode(c: &Checklist, text: &str) -> Result<Answers, DecodeError> {
    let mut parts = crate::engine::text::pieces(text, b'.');
    let head = parts.next().unwrap_or_default();
    let version = parse_base36(head).ok_or(DecodeError::Damaged)?;
    if version > FORMAT {
        // Only a text shaped like ours comes from a newer version: a version number in
        // decimal digits, then more after a dot. Anything else ("x", which base 36 reads
        // as 33) is not ours, and is reported as not readable.
        let ours = head.bytes().all(|b| b.is_ascii_digit()) && text.len() > head.len();
        return Err(if ours {
            DecodeError::FutureFormat
        } else {
            DecodeError::Damaged
        });
    }
    if version != FORMAT {
        return Err(DecodeError::Damaged);
    }
    let print = parts
        .next()
        .and_then(parse_base36)
        .ok_or(DecodeError::Damaged)?;
    if print != fingerprint(c) {
        return Err(DecodeError::OtherChecklist);
    }
    let mut answers = Answers::new(c);
    for (q, part) in parts.enumerate() {
        let question = c.questions.get(q).ok_or(DecodeError::Damaged)?;
        if part.is_empty() {
            continue;
        }
        let mask = parse_base36(part).ok_or(DecodeError::Damaged)?;
        let n = question.options.len();
        // The shift is by n < 32, and 1 << n >= 1, so the subtraction cannot underflow.
        let valid_bits = if n >= 32 { u32::MAX } else { (1u32 << n) - 1 };
        let exclusive = question.exclusive_mask();
        let well_formed = mask & !valid_bits == 0
            && (question.multiple || mask.count_ones() == 1)
            && (mask & exclusive == 0 || mask.count_ones() == 1);
        if !well_formed {
            return Err(DecodeError::Damaged);
        }
        // n <= MAX_OPTIONS (32): compile refuses more, so the shift stays below 32.
        for o in 0..n {
            if mask & (1 << o) != 0 {
                answers.set(c, q, o, true);
            }
        }
    }
    Ok(answers)
}

pub(crate) fn push_base36(out: &mut String, mut n: u32) {
    // u32::MAX is 7 base-36 digits ("1z141z3"), so `i` stays above 0; `d` < 36, so each
    // digit byte is '0'..='9' or 'a'..='z'.
    let mut digits = [0u8; 8];
    let mut i = digits.len();
    loop {
        i -= 1;
        let d = (n % 36) as u8;
        digits[i] = if d < 10 { b'0' + d } else { b'a' + d - 10 };
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(i) {
        out.push(d as char);
    }
}

fn parse_base36(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 {
        return None;
    }
    let mut n: u32 = 0;
    for b in s.bytes() {
        // No underflow: each arm's range starts at what it subtracts.
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            _ => return None,
        };
        n = n.checked_mul(36)?.checked_add(u32::from(d))?;
    }
    Some(n)
}
