//! The docs say what the code does: the labels table of `docs/checklist-format.md` is the
//! one table of labels (`src/engine/labels.rs`), name for name and default for default;
//! its limits table is the one table of limits (`src/engine/limits.rs`).
#![cfg(not(target_arch = "wasm32"))]

const FORMAT_MD: &str = include_str!("../docs/checklist-format.md");

#[test]
fn the_format_guide_lists_every_label_with_its_default() {
    let start = FORMAT_MD.find("### Labels").expect("a Labels section");
    let rows: Vec<(String, String)> = FORMAT_MD[start..]
        .lines()
        .skip_while(|l| !l.starts_with("| field |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            let name = cells[0].trim_start_matches("| `").trim_end_matches('`');
            (name.to_string(), cells[1].replace("\\|", "|"))
        })
        .collect();
    let table: Vec<(String, String)> = ai_cert_check::LABELS
        .iter()
        .map(|l| (l.name.to_string(), l.default.to_string()))
        .collect();
    assert_eq!(rows, table);
}

#[test]
fn the_format_guide_lists_every_limit_with_its_value_and_reason() {
    // `src/engine/limits.rs` holds every limit in one table; the guide's "Every limit"
    // table is that table, row for row: the name, the value (written with thousands
    // separators) and the reason (the constant's doc comment).
    let start = FORMAT_MD
        .find("## Every limit")
        .expect("an Every limit section");
    let rows: Vec<(String, usize, String)> = FORMAT_MD[start..]
        .lines()
        .skip_while(|l| !l.starts_with("| limit |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 3, "{l}");
            let name = cells[0].trim_matches('`').to_string();
            let value = cells[1].replace(',', "").parse().expect("a number");
            (name, value, cells[2].to_string())
        })
        .collect();
    let table: Vec<(String, usize, String)> = ai_cert_check::LIMITS
        .iter()
        .map(|l| (l.name.to_string(), l.value, l.reason.trim().to_string()))
        .collect();
    assert!(table.len() >= 20, "{} limits", table.len());
    assert!(table.iter().all(|(_, _, reason)| !reason.is_empty()));
    assert_eq!(rows, table);
}
