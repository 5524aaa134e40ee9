//! Draws the engine's [`Picture`](crate::picture::Picture) as inline SVG: the cells
//! with their labels at the top, the axis names, the headline's cell marked, and the
//! reader's dot where the engine put it (where the answers place the reader, which a
//! deciding answer may have overruled: the caption then says so). No dot before the
//! first answer. Coordinates are whole numbers: formatting floats would
//! bring about 18 KB of float-printing code into the reader's build.

use std::cell::RefCell;

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element, Node};

use super::dom::{attrs, el, set_text};
use super::view::id;
use crate::engine::picture::{self, HEIGHT, LINE, PAD, WIDTH};
use crate::engine::text::push_number;
use crate::{Checklist, Outcome};

const SVG: &str = "http://www.w3.org/2000/svg";

/// Where the dot is, which cell is marked, and the caption.
type Shown = (Option<(f64, f64)>, Option<usize>, String);

/// The drawn chart's changing parts.
pub struct Chart {
    dot: Element,
    desc: Element,
    caption: Element,
    /// Each cell's verdict and group.
    areas: Vec<(usize, Element)>,
    /// The dot and verdict shown.
    last: RefCell<Option<Shown>>,
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

impl Chart {
    /// Draws the chart for `c` into `parent` (ids made from `uid`), or nothing if `c`
    /// has fewer than two factors.
    pub fn draw(doc: &Document, parent: &Node, c: &Checklist, uid: &str) -> Option<Chart> {
        let picture = c.picture.as_ref()?;
        let figure = el(doc, parent, "figure", "chart", "");
        attrs(&figure, &[("part", "chart")]);
        let (tid, did) = (id(uid, "t"), id(uid, "d"));
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
        for area in picture.areas.iter() {
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
            let middle = int(r.x + r.w / 2.0);
            let text = svg(
                doc,
                &g,
                "text",
                &[("x", &middle), ("y", &int(r.y + PAD + LINE - 3.0))],
            );
            for (i, line) in area.lines.iter().enumerate() {
                let dy = if i == 0 { "0" } else { "15" };
                let t = svg(doc, &text, "tspan", &[("x", &middle), ("dy", dy)]);
                t.set_text_content(Some(line));
            }
            areas.push((area.verdict, g));
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
        x_label.set_text_content(Some(&arrowed(&c.factors[picture.x.factor].label)));
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
        y_label.set_text_content(Some(&arrowed(&c.factors[picture.y.factor].label)));
        let dot = svg(
            doc,
            &root,
            "circle",
            &[
                ("class", "dot"),
                ("r", "7"),
                ("part", "dot"),
                ("hidden", ""),
            ],
        );
        let caption = el(doc, &figure, "figcaption", "chart-text", "");
        Some(Chart {
            dot,
            desc,
            caption,
            areas,
            last: RefCell::new(None),
        })
    }

    /// Puts the dot where the engine placed it (where the answers place the reader),
    /// marks the cell of the headline's band, and says both, in the SVG's description
    /// and in the caption; nothing is touched if none of them changed.
    pub fn update(&self, c: &Checklist, out: &Outcome) {
        let caption = out.caption(c);
        let now = (out.dot, out.verdict, caption);
        {
            let last = self.last.borrow();
            if last.as_ref() == Some(&now) {
                return;
            }
        }
        match out.dot {
            Some((x, y)) => {
                let _ = self.dot.set_attribute("cx", &int(x));
                let _ = self.dot.set_attribute("cy", &int(y));
                let _ = self.dot.remove_attribute("hidden");
            }
            None => {
                let _ = self.dot.set_attribute("hidden", "");
            }
        }
        set_text(&self.desc, &picture::describe(c, &now.2));
        set_text(&self.caption, &now.2);
        for (verdict, g) in &self.areas {
            let _ = g.toggle_attribute_with_force("data-current", Some(*verdict) == out.verdict);
        }
        *self.last.borrow_mut() = Some(now);
    }
}

fn arrowed(label: &str) -> String {
    let mut s = String::from(label);
    s.push_str(" \u{2192}");
    s
}
