//! The element's body in a real browser (headless Chromium, via wasm-bindgen-test):
//! mounting, answering, events, independence of instances, and listener release.
#![cfg(all(target_arch = "wasm32", not(feature = "custom")))]

use std::cell::RefCell;
use std::rc::Rc;

use ai_cert_check::web::{mount, Widget};
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    // Tests share one page and its localStorage: no instance restores another's answers.
    el.set_attribute("storage", "none").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn root(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

fn input(host: &HtmlElement, q: &str, o: &str) -> HtmlInputElement {
    root(host)
        .query_selector(&format!("input[name=\"{q}\"][value=\"{o}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input {q}={o}"))
        .unchecked_into()
}

fn verdict(host: &HtmlElement) -> Element {
    root(host)
        .query_selector("[part=verdict]")
        .unwrap()
        .unwrap()
}

/// Records the `detail.result.verdict` of every change event on `host`.
fn record(host: &HtmlElement) -> (Rc<RefCell<Vec<String>>>, EventListener) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let listener = EventListener::new(host, "ai-cert-check-change", move |e| {
        let e: &CustomEvent = e.unchecked_ref();
        assert!(e.bubbles() && e.composed());
        let result = js_sys::Reflect::get(&e.detail(), &"result".into()).unwrap();
        let v = js_sys::Reflect::get(&result, &"verdict".into()).unwrap();
        s.borrow_mut().push(v.as_string().unwrap());
    });
    (seen, listener)
}

/// The four required questions, and the two open ones that could still change the band
/// (a red flag, certificates collected): with them answered the verdict is final.
fn answer_strong_case(host: &HtmlElement) {
    for (q, o) in [
        ("objective", "promotion"),
        ("practice_now", "weekly"),
        ("employer", "yes"),
        ("apply_next", "project"),
        ("expectations", "none_of_these"),
        ("collecting", "no"),
    ] {
        input(host, q, o).click();
    }
}

#[wasm_bindgen_test]
fn mounting_renders_every_question_as_a_native_control_and_fires_ready() {
    let h = host();
    let ready = Rc::new(RefCell::new(0));
    let r = ready.clone();
    let _l = EventListener::new(&h, "ai-cert-check-ready", move |_| *r.borrow_mut() += 1);
    let _w = mount(h.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(*ready.borrow(), 1);
    let root = root(&h);
    assert_eq!(root.query_selector_all("fieldset").unwrap().length(), 14);
    assert_eq!(
        root.query_selector_all("fieldset > legend")
            .unwrap()
            .length(),
        14
    );
    // The three questions about the program wait for a program to be picked.
    assert_eq!(
        root.query_selector_all("fieldset[hidden]")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        root.query_selector_all("label > input[type=checkbox]")
            .unwrap()
            .length(),
        4
    );
    // Nothing answered yet: an invitation, no verdict, no card, "0 of 11".
    assert_eq!(
        verdict(&h).text_content().unwrap(),
        "Answer the first question to see where you stand."
    );
    assert_eq!(
        verdict(&h).get_attribute("data-verdict").as_deref(),
        Some("")
    );
    assert!(root
        .query_selector(".card")
        .unwrap()
        .unwrap()
        .has_attribute("hidden"));
    let progress = root.query_selector("[part=progress]").unwrap().unwrap();
    assert_eq!(progress.text_content().unwrap(), "0 of 11 answered");
}

#[wasm_bindgen_test]
fn clicking_answers_updates_the_verdict_and_fires_a_change_event_each_time() {
    let h = host();
    let _w = mount(h.clone(), JsValue::UNDEFINED).unwrap();
    let (seen, _l) = record(&h);
    answer_strong_case(&h);
    assert_eq!(seen.borrow().len(), 6);
    assert_eq!(seen.borrow().last().unwrap(), "worth_it");
    assert_eq!(verdict(&h).text_content().unwrap(), "Worth it");
    assert_eq!(
        verdict(&h).get_attribute("data-verdict").as_deref(),
        Some("worth_it")
    );
    let lean = root(&h).query_selector(".lean").unwrap().unwrap();
    assert!(lean.has_attribute("hidden"));

    input(&h, "expectations", "salary_raise").click();
    assert_eq!(seen.borrow().last().unwrap(), "not_yet");
    assert_eq!(verdict(&h).text_content().unwrap(), "Probably not yet");
    let first_reason = root(&h).query_selector(".decisive p").unwrap().unwrap();
    assert!(first_reason
        .text_content()
        .unwrap()
        .contains("automatic salary increase"));

    // Picking a program asks about it; changing the answer takes the questions away
    // and drops their answers.
    input(&h, "program", "yes").click();
    let skills = root(&h)
        .query_selector("fieldset[data-question=program_skills]")
        .unwrap()
        .unwrap();
    assert!(!skills.has_attribute("hidden"));
    input(&h, "program_skills", "no").click();
    input(&h, "program", "not_yet").click();
    assert!(skills.has_attribute("hidden"));
    assert!(!input(&h, "program_skills", "no").checked());
}

#[wasm_bindgen_test]
fn a_verdict_stays_a_leaning_while_an_open_question_could_change_it() {
    let h = host();
    let _w = mount(h.clone(), JsValue::UNDEFINED).unwrap();
    for (q, o) in [
        ("objective", "promotion"),
        ("practice_now", "weekly"),
        ("employer", "yes"),
        ("apply_next", "project"),
    ] {
        input(&h, q, o).click();
    }
    // The four required questions answered, but a red flag could still change it.
    assert_eq!(verdict(&h).text_content().unwrap(), "Leaning: Worth it");
    let lean = root(&h).query_selector(".lean").unwrap().unwrap();
    assert!(!lean.has_attribute("hidden"));
    assert!(lean.text_content().unwrap().contains("Your expectations"));
    input(&h, "expectations", "none_of_these").click();
    input(&h, "collecting", "no").click();
    assert_eq!(verdict(&h).text_content().unwrap(), "Worth it");
    assert!(lean.has_attribute("hidden"));
}

#[wasm_bindgen_test]
fn none_of_these_unticks_the_other_boxes_on_screen() {
    let h = host();
    let _w = mount(h.clone(), JsValue::UNDEFINED).unwrap();
    input(&h, "expectations", "guarantee_job").click();
    input(&h, "expectations", "protection").click();
    input(&h, "expectations", "none_of_these").click();
    assert!(!input(&h, "expectations", "guarantee_job").checked());
    assert!(!input(&h, "expectations", "protection").checked());
    assert!(input(&h, "expectations", "none_of_these").checked());
}

#[wasm_bindgen_test]
fn two_instances_are_independent() {
    let (a, b) = (host(), host());
    let _wa = mount(a.clone(), JsValue::UNDEFINED).unwrap();
    let _wb = mount(b.clone(), JsValue::UNDEFINED).unwrap();
    let (seen_b, _l) = record(&b);
    answer_strong_case(&a);
    assert_eq!(verdict(&a).text_content().unwrap(), "Worth it");
    // The other one still waits for its first answer.
    assert_eq!(
        verdict(&b).get_attribute("data-verdict").as_deref(),
        Some("")
    );
    assert!(!input(&b, "objective", "promotion").checked());
    assert!(seen_b.borrow().is_empty());
}

#[wasm_bindgen_test]
fn dropping_the_widget_releases_its_listeners() {
    let h = host();
    let w: Widget = mount(h.clone(), JsValue::UNDEFINED).unwrap();
    let (seen, _l) = record(&h);
    input(&h, "objective", "promotion").click();
    assert_eq!(seen.borrow().len(), 1);
    drop(w);
    input(&h, "practice_now", "weekly").click();
    assert_eq!(
        seen.borrow().len(),
        1,
        "no change event after the widget is dropped"
    );
    let progress = root(&h).query_selector("[part=progress]").unwrap().unwrap();
    assert_eq!(progress.text_content().unwrap(), "1 of 11 answered");
}

#[wasm_bindgen_test]
fn mounting_again_reuses_the_shadow_root() {
    let h = host();
    drop(mount(h.clone(), JsValue::UNDEFINED).unwrap());
    let _w = mount(h.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(root(&h).query_selector_all(".wrap").unwrap().length(), 1);
}

#[wasm_bindgen_test]
fn mounting_and_dropping_leaks_no_js_references() {
    let h = host();
    drop(mount(h.clone(), JsValue::UNDEFINED).unwrap());
    let before = wasm_bindgen::externref_heap_live_count();
    for _ in 0..50 {
        drop(mount(h.clone(), JsValue::UNDEFINED).unwrap());
    }
    let after = wasm_bindgen::externref_heap_live_count();
    assert_eq!(
        after, before,
        "JS references held after 50 mounts and drops"
    );
}
