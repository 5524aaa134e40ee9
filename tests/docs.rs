//! The docs say what the code does: the labels table of `docs/checklist-format.md` is the
//! one table of labels (`src/engine/labels.rs`), name for name and default for default.
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
