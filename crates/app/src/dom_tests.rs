//! Widget and exercise logic that needs a real DOM, run in headless Chromium
//! (`cargo test -p app --target wasm32-unknown-unknown`).

use crate::exercise::{Exercise, Kind};
use crate::progress::{Progress, ProgressHandle};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::prob_bars::ProbBars;
use minigpt::vocab::VOCAB_SIZE;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
struct HeatmapHost {
    selected: std::rc::Rc<std::cell::Cell<Option<usize>>>,
}

#[function_component]
fn HeatmapTest(props: &HeatmapHost) -> Html {
    let mut values = vec![[0.0f32; VOCAB_SIZE]; VOCAB_SIZE];
    values[1][18] = 3.0;
    let sel = props.selected.clone();
    html! { <Heatmap name="t" values={values} scale={Scale::Counts} title="t" description="d" on_select={Callback::from(move |r| sel.set(Some(r)))} /> }
}

#[wasm_bindgen_test]
async fn heatmap_draws_27_by_27_cells_and_selects_rows() {
    let root = mount();
    let selected = std::rc::Rc::new(std::cell::Cell::new(None));
    yew::Renderer::<HeatmapTest>::with_root_and_props(
        root.clone(),
        HeatmapHost {
            selected: selected.clone(),
        },
    )
    .render();
    settle().await;
    assert_eq!(root.query_selector_all("rect.cell").unwrap().length(), 729);
    assert!(
        root.query_selector("svg title").unwrap().is_some(),
        "accessible title"
    );
    let cell = root
        .query_selector("rect[data-row='1'][data-col='18']")
        .unwrap()
        .unwrap();
    assert_eq!(cell.get_attribute("data-value").as_deref(), Some("3"));
    // Row labels are buttons: the 3rd is the letter "b".
    let labels = root.query_selector_all("text[role=button]").unwrap();
    assert_eq!(labels.length(), 27);
    // SVG elements have no .click(): dispatch the event a pupil's click makes.
    labels
        .item(2)
        .unwrap()
        .dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(selected.get(), Some(2));
}

#[derive(Properties, PartialEq)]
struct BarsHost {
    probs: [f32; VOCAB_SIZE],
}

#[function_component]
fn BarsTest(props: &BarsHost) -> Html {
    html! { <ProbBars probs={props.probs} title="après a" top={5} /> }
}

#[wasm_bindgen_test]
async fn prob_bars_are_sorted_with_percentages() {
    let root = mount();
    let mut probs = [0.0; VOCAB_SIZE];
    probs[18] = 0.5;
    probs[14] = 0.3;
    probs[0] = 0.2;
    yew::Renderer::<BarsTest>::with_root_and_props(root.clone(), BarsHost { probs }).render();
    settle().await;
    let bars = root.query_selector_all(".bar").unwrap();
    assert_eq!(bars.length(), 5);
    let first = bars.item(0).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(first.get_attribute("data-letter").as_deref(), Some("r"));
    assert!(first.text_content().unwrap().contains("50 %"));
    let second = bars.item(1).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(second.get_attribute("data-letter").as_deref(), Some("n"));
}

#[function_component]
fn ExerciseTest() -> Html {
    let progress = use_reducer(Progress::load);
    let check = Callback::from(|a: String| {
        if crate::text::normalize(&a) == "u" {
            Ok("Bravo".to_string())
        } else {
            Err("Non".to_string())
        }
    });
    html! {
        <ContextProvider<ProgressHandle> context={progress}>
            <Exercise id="test.e1" number={1} prompt={html! { "q → ?" }} hint="pense à quoi" kind={Kind::Answer { placeholder: "", check }} />
        </ContextProvider<ProgressHandle>>
    }
}

#[wasm_bindgen_test]
async fn exercise_gives_feedback_hint_and_saves_progress() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("tuto-llm.progress").unwrap();
    let root = mount();
    yew::Renderer::<ExerciseTest>::with_root(root.clone()).render();
    settle().await;
    let input: HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let submit = root.query_selector("button[type=submit]").unwrap().unwrap();

    click(&submit);
    settle().await;
    assert!(root
        .query_selector(".feedback.ko")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Écris d'abord"));

    input.set_value("x");
    click(&submit);
    settle().await;
    assert!(root
        .query_selector("section.exercise.ko")
        .unwrap()
        .is_some());

    click(&root.query_selector(".btn.hint").unwrap().unwrap());
    settle().await;
    assert_eq!(
        root.query_selector(".hint-text")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "pense à quoi"
    );

    input.set_value(" Ù ");
    click(&submit);
    settle().await;
    assert!(root
        .query_selector("section.exercise.ok")
        .unwrap()
        .is_some());
    let saved = storage.get_item("tuto-llm.progress").unwrap().unwrap();
    assert!(
        saved.contains("test.e1") && saved.contains("\"version\":1"),
        "{saved}"
    );
}
