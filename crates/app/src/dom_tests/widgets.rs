//! The heatmap and the probability bars, drawn in a real DOM.

use super::*;
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::prob_bars::ProbBars;
use minigpt::Alphabet;

#[derive(Properties, PartialEq)]
struct HeatmapHost {
    alphabet: Alphabet,
    selected: std::rc::Rc<std::cell::Cell<Option<usize>>>,
}

#[function_component]
fn HeatmapTest(props: &HeatmapHost) -> Html {
    let n = props.alphabet.size();
    let mut values = vec![vec![0.0f32; n]; n];
    values[1][18] = 3.0;
    let sel = props.selected.clone();
    html! { <Heatmap name="t" values={values} labels={props.alphabet.symbols()} scale={Scale::Counts} title="t" description="d" on_select={Callback::from(move |r| sel.set(Some(r)))} /> }
}

async fn heatmap_of(alphabet: Alphabet) -> (Element, std::rc::Rc<std::cell::Cell<Option<usize>>>) {
    let root = mount();
    let selected = std::rc::Rc::new(std::cell::Cell::new(None));
    yew::Renderer::<HeatmapTest>::with_root_and_props(
        root.clone(),
        HeatmapHost {
            alphabet,
            selected: selected.clone(),
        },
    )
    .render();
    settle().await;
    (root, selected)
}

#[wasm_bindgen_test]
async fn heatmap_draws_27_by_27_cells_and_selects_rows() {
    let (root, selected) = heatmap_of(Alphabet::Letters).await;
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
    let labels = root.query_selector_all("[role=button]").unwrap();
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

#[wasm_bindgen_test]
async fn heatmap_of_the_extended_alphabet_labels_accents() {
    let (root, _) = heatmap_of(Alphabet::Extended).await;
    assert_eq!(
        root.query_selector_all("rect.cell").unwrap().length() as usize,
        Alphabet::Extended.size().pow(2)
    );
    assert!(root.text_content().unwrap().contains('é'));
}

#[derive(Properties, PartialEq)]
struct BarsHost {
    probs: Vec<f32>,
    alphabet: Alphabet,
}

#[function_component]
fn BarsTest(props: &BarsHost) -> Html {
    html! { <ProbBars probs={props.probs.clone()} labels={props.alphabet.symbols()} title="après a" top={5} /> }
}

#[wasm_bindgen_test]
async fn prob_bars_are_sorted_with_percentages() {
    let root = mount();
    let mut probs = vec![0.0; 27];
    probs[18] = 0.5;
    probs[14] = 0.3;
    probs[0] = 0.2;
    yew::Renderer::<BarsTest>::with_root_and_props(
        root.clone(),
        BarsHost {
            probs,
            alphabet: Alphabet::Letters,
        },
    )
    .render();
    settle().await;
    let bars = root.query_selector_all(".bar").unwrap();
    assert_eq!(bars.length(), 3, "empty letters get no bar");
    let first = bars.item(0).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(first.get_attribute("data-letter").as_deref(), Some("r"));
    assert!(first.text_content().unwrap().contains("50\u{a0}%"));
    let second = bars.item(1).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(second.get_attribute("data-letter").as_deref(), Some("n"));
}

#[wasm_bindgen_test]
async fn prob_bars_name_accented_letters() {
    let root = mount();
    let mut probs = vec![0.0; 43];
    let e_acute = Alphabet::Extended.encode_char('é').unwrap();
    probs[e_acute] = 0.9;
    probs[1] = 0.1;
    yew::Renderer::<BarsTest>::with_root_and_props(
        root.clone(),
        BarsHost {
            probs,
            alphabet: Alphabet::Extended,
        },
    )
    .render();
    settle().await;
    let first = root.query_selector(".bar").unwrap().unwrap();
    assert_eq!(first.get_attribute("data-letter").as_deref(), Some("é"));
}
