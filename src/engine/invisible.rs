//! Text a reader cannot see: a required text made only of spaces, control characters,
//! format characters or default-ignorable code points is as empty as "" and refused
//! like it.
//!
//! Why: a title of one U+200B (zero width space), U+2060 (word joiner), U+FEFF (byte
//! order mark) or U+034F (combining grapheme joiner) passed the old test (`trim()` is
//! empty), and showed as a blank heading, or an option whose accessible name a screen
//! reader reads as nothing. Which characters: Unicode's White_Space property (what
//! `char::is_whitespace` tests), its Cc and Cf general categories (controls and format
//! characters) and its Default_Ignorable_Code_Point property: the characters Unicode
//! says to render as nothing when a font has no glyph for them. The same four are the
//! JSON Schema's pattern for required texts (`schema/checklist.schema.json`), and
//! `tests/e2e/schema.test.mjs` checks the table below against JavaScript's own Unicode
//! data, code point by code point. A text with one visible character anywhere is
//! accepted: only texts of nothing visible are refused.

/// Cf and Default_Ignorable_Code_Point, merged, as inclusive ranges in order (Unicode
/// 17, as Node 20's `\p{Cf}` and `\p{Default_Ignorable_Code_Point}`).
const INVISIBLE: &[(u32, u32)] = &[
    (0xAD, 0xAD),
    (0x34F, 0x34F),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

/// Whether `c` shows as nothing: a space, a control or format character, or a
/// default-ignorable code point.
pub fn is_invisible(c: char) -> bool {
    let c32 = u32::from(c);
    c.is_whitespace()
        || c.is_control()
        || INVISIBLE
            .iter()
            .any(|&(first, last)| first <= c32 && c32 <= last)
}

/// Whether `text` shows as nothing: empty, or made only of invisible characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}
