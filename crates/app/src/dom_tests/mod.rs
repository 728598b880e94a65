//! Widget and exercise logic that needs a real DOM, run in headless Chromium
//! (`cargo test -p app --target wasm32-unknown-unknown`), one module per subject: `widgets`
//! (heatmap, probability bars), `exercises` (each kind of exercise, tries and progress),
//! `tasks` (a task's attempts), `worker_script`. Here: the helpers they share.

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

mod exercises;
mod tasks;
mod widgets;
mod worker_script;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("clickable").click();
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn feedback_of(root: &Element) -> String {
    root.query_selector_all(".feedback, .tries-note")
        .unwrap()
        .values()
        .into_iter()
        .flatten()
        .map(|f| f.dyn_into::<Element>().unwrap().text_content().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn saved() -> String {
    storage()
        .get_item("tuto-llm.progress")
        .unwrap()
        .unwrap_or_default()
}

fn outcome_of(root: &Element) -> Option<String> {
    root.query_selector("[data-exercise]")
        .unwrap()
        .unwrap()
        .get_attribute("data-outcome")
}
