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

#[test]
fn the_format_guide_gives_every_list_of_the_format_its_limit() {
    // Every list an author writes (each `Vec` field of the raw format,
    // `src/engine/format.rs`) is a row of the guide's "Every list" table, with the
    // limit that bounds it, named as in the limits table and with its value.
    const FORMAT_RS: &str = include_str!("../src/engine/format.rs");
    let prefix = |name: &str| match name {
        "RawChecklist" => "$",
        "RawSection" => "$.sections[]",
        "RawQuestion" => "$.sections[].questions[]",
        "RawOption" => "$.sections[].questions[].options[]",
        "RawVerdict" => "$.verdicts[]",
        "RawRule" => "$.rules[]",
        "RawStep" => "$.steps[]",
        "RawWhen" => "",
        other => panic!("a list in {other}: add it here and to the guide"),
    };
    let mut lists = Vec::new();
    let mut current = "";
    for line in FORMAT_RS.lines() {
        if let Some(rest) = line.strip_prefix("pub struct ") {
            current = rest.split([' ', '(']).next().unwrap();
        } else if let Some(field) = line.trim().strip_prefix("pub ") {
            if let Some((name, ty)) = field.split_once(": ") {
                if ty.starts_with("Vec<") {
                    let p = prefix(current);
                    lists.push(if p.is_empty() {
                        name.to_string()
                    } else {
                        format!("{p}.{name}")
                    });
                }
            }
        }
    }
    assert_eq!(lists.len(), 19, "{lists:?}");
    let start = FORMAT_MD
        .find("## Every list")
        .expect("an Every list section");
    let rows: Vec<(String, String, String)> = FORMAT_MD[start..]
        .lines()
        .skip_while(|l| !l.starts_with("| list |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 3, "{l}");
            let list = cells[0].split('`').nth(1).expect("a list in backquotes");
            (
                list.to_string(),
                cells[1].to_string(),
                cells[2].trim_matches('`').to_string(),
            )
        })
        .collect();
    let named: Vec<&str> = rows.iter().map(|(list, _, _)| list.as_str()).collect();
    assert_eq!(named, lists);
    for (list, most, limit) in &rows {
        let value = ai_cert_check::LIMITS
            .iter()
            .find(|l| l.name == limit)
            .unwrap_or_else(|| panic!("{list}: no limit named {limit}"))
            .value;
        assert!(
            most.starts_with(&value.to_string()),
            "{list}: {most} is not {value}"
        );
    }
}
