//! The one rule for link addresses: http(s), relative or mailto, nothing else. The
//! validator refuses a checklist's reading address that breaks it, and the web layer
//! applies it again before it makes any link (a host's `reading-links` too), so it is a
//! module of its own that both use, not a part of either.

/// Whether a link address is one the widget may render: http(s), mailto, or relative.
///
/// Anything with another scheme (`javascript:`, `data:`, `vbscript:` ...) is refused,
/// as are control characters and whitespace tricks browsers strip before parsing.
pub fn is_safe_href(href: &str) -> bool {
    // Byte-wise on purpose: this runs in the reader's build, where string slicing would
    // bring in panic formatting code for char boundaries.
    let bytes = href.as_bytes();
    if bytes.is_empty() || bytes.first() == Some(&b'\\') {
        return false;
    }
    if href.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    // The scheme is whatever precedes the first ':' if no '/', '?' or '#' comes first;
    // a colon after one of those is part of a relative path.
    let Some(colon) = bytes
        .iter()
        .position(|&b| matches!(b, b':' | b'/' | b'?' | b'#'))
    else {
        return true;
    };
    // `colon` is an index into `bytes`: `position` found it there.
    if bytes[colon] != b':' {
        return true;
    }
    let scheme = bytes.get(..colon).unwrap_or_default();
    [&b"http"[..], b"https", b"mailto"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s))
}
