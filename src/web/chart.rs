//! Draws the engine's [`Picture`](crate::picture::Picture) as inline SVG and moves the
//! reader's dot. Coordinates are whole numbers: formatting floats would bring about
//! 18 KB of float-printing code into the reader's build.

use std::cell::RefCell;

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element, Node};

use super::dom::{attrs, el};
use crate::picture::{self, Picture, HEIGHT, WIDTH};
use crate::{push_number, Checklist, Outcome};

const SVG: &str = "http://www.w3.org/2000/svg";

/// The drawn chart's changing parts.
pub struct Chart {
    picture: Picture,
    dot: Element,
    desc: Element,
    text: Element,
    areas: Vec<Element>,
    /// The scores shown (none at first).
    last: RefCell<Vec<f64>>,
}

fn svg(doc: &Document, parent: &Node, tag: &str, pairs: &[(&str, &str)]) -> Element {
    let e = doc.create_element_ns(Some(SVG), tag).unwrap_throw();
    attrs(&e, pairs);
    let _ = parent.append_child(&e);
    e
}

fn int(v: f64) -> String {
    let mut s = String::new();
    push_number(&mut s, v.max(0.0).round() as usize);
    s
}

/// Draws the chart for `c` into `parent`, or nothing if `c` has fewer than two factors.
pub fn draw(doc: &Document, parent: &Node, c: &Checklist, uid: &str) -> Option<Chart> {
    let picture = picture::picture(c)?;
    let figure = el(doc, parent, "figure", "chart", "");
    attrs(&figure, &[("part", "chart")]);
    let (tid, did) = (super::view::id(uid, "pt"), super::view::id(uid, "pd"));
    let mut labelled = tid.clone();
    labelled.push(' ');
    labelled.push_str(&did);
    let mut view_box = String::from("0 0 ");
    view_box.push_str(&int(WIDTH));
    view_box.push(' ');
    view_box.push_str(&int(HEIGHT));
    let root = svg(
        doc,
        &figure,
        "svg",
        &[
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-labelledby", &labelled),
        ],
    );
    let title = svg(doc, &root, "title", &[("id", &tid)]);
    title.set_text_content(Some(&c.labels.picture_title));
    let desc = svg(doc, &root, "desc", &[("id", &did)]);

    let mut areas = Vec::new();
    for area in &picture.areas {
        let r = area.rect;
        let v = &c.verdicts[area.verdict];
        let g = svg(
            doc,
            &root,
            "g",
            &[("class", "area"), ("data-verdict", &v.id)],
        );
        svg(
            doc,
            &g,
            "rect",
            &[
                ("x", &int(r.x)),
                ("y", &int(r.y)),
                ("width", &int(r.w)),
                ("height", &int(r.h)),
            ],
        );
        let chars = ((r.w / 7.5) as usize).max(6);
        let lines = picture::wrap(&v.title, chars);
        let top = r.y + r.h / 2.0 - (lines.len() as f64 - 1.0) * 8.0 + 4.0;
        let text = svg(
            doc,
            &g,
            "text",
            &[("x", &int(r.x + r.w / 2.0)), ("y", &int(top))],
        );
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { "0" } else { "16" };
            let t = svg(
                doc,
                &text,
                "tspan",
                &[("x", &int(r.x + r.w / 2.0)), ("dy", dy)],
            );
            t.set_text_content(Some(line));
        }
        areas.push(g);
    }
    let plot = picture.plot;
    let x_label = svg(
        doc,
        &root,
        "text",
        &[
            ("class", "axis"),
            ("x", &int(plot.x + plot.w / 2.0)),
            ("y", &int(HEIGHT - 6.0)),
        ],
    );
    x_label.set_text_content(Some(&arrowed(&c.factors[picture.x_factor].label)));
    let mut rotate = String::from("rotate(-90 14 ");
    rotate.push_str(&int(plot.h / 2.0));
    rotate.push(')');
    let y_label = svg(
        doc,
        &root,
        "text",
        &[
            ("class", "axis"),
            ("x", "14"),
            ("y", &int(plot.h / 2.0)),
            ("transform", &rotate),
        ],
    );
    y_label.set_text_content(Some(&arrowed(&c.factors[picture.y_factor].label)));
    let dot = svg(
        doc,
        &root,
        "circle",
        &[("class", "dot"), ("r", "7"), ("part", "dot")],
    );
    let text = el(doc, &figure, "figcaption", "chart-text", "");
    Some(Chart {
        picture,
        dot,
        desc,
        text,
        areas,
        last: RefCell::new(Vec::new()),
    })
}

fn arrowed(label: &str) -> String {
    let mut s = String::from(label);
    s.push_str(" \u{2192}");
    s
}

impl Chart {
    /// Moves the dot to `out`'s scores and says where it is, in the SVG's description
    /// and in the visible caption; nothing is touched if the scores did not change.
    pub fn update(&self, c: &Checklist, out: &Outcome) {
        let mut last = self.last.borrow_mut();
        if *last == out.scores {
            return;
        }
        last.clone_from(&out.scores);
        let (x, y) = picture::dot(c, &self.picture, out);
        let _ = self.dot.set_attribute("cx", &int(x));
        let _ = self.dot.set_attribute("cy", &int(y));
        let words = picture::describe(c, &self.picture, out);
        self.desc.set_text_content(Some(&words));
        self.text.set_text_content(Some(&words));
        for (area, g) in self.picture.areas.iter().zip(&self.areas) {
            let _ = g.toggle_attribute_with_force("data-current", area.verdict == out.by_scores);
        }
    }
}
