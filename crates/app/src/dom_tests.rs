//! Widget and exercise logic that needs a real DOM, run in headless Chromium
//! (`cargo test -p app --target wasm32-unknown-unknown`).

use crate::exercise::{Exercise, Kind};
use crate::progress::{Progress, ProgressHandle};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::prob_bars::ProbBars;
use course::rules::Verdict;
use minigpt::Alphabet;
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

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[derive(Properties, PartialEq)]
struct ExerciseHost {
    kind: &'static str,
    /// The exercise's id, changed by the host's « next » button (another step's exercise).
    #[prop_or("test.e1")]
    first_id: &'static str,
}

fn answer_u(a: String) -> Verdict {
    match course::text::normalize(&a).as_str() {
        "u" => Verdict::Right("Bravo".into()),
        "" | "?" => Verdict::NotAnAnswer("Écris une lettre".into()),
        _ => Verdict::Wrong("Non".into()),
    }
}

/// One exercise of each kind; the right answer is « u » (or the option « u »).
#[function_component]
fn ExerciseTest(props: &ExerciseHost) -> Html {
    let progress = use_reducer(Progress::load);
    let id = use_state(|| props.first_id);
    let kind = match props.kind {
        "answer" => Kind::Answer {
            check: Callback::from(answer_u),
        },
        "predict" => Kind::Predict {
            check: Callback::from(answer_u),
        },
        _ => Kind::Choice {
            options: vec!["a".into(), "u".into(), "o".into()],
            check: Callback::from(|i: usize| {
                if i == 1 {
                    Verdict::Right("Oui".into())
                } else {
                    Verdict::Wrong("Non, c'est u".into())
                }
            }),
        },
    };
    let next = {
        let id = id.clone();
        Callback::from(move |_| id.set("test.e2"))
    };
    html! {
        <ContextProvider<ProgressHandle> context={progress}>
            <Exercise id={*id} prompt={html! { "q →\u{a0}?" }} hint="pense à quoi" kind={kind} />
            <button type="button" class="next-exercise" onclick={next}>{ "next" }</button>
        </ContextProvider<ProgressHandle>>
    }
}

async fn exercise(kind: &'static str) -> Element {
    storage().remove_item("tuto-llm.progress").unwrap();
    storage().remove_item("tuto-llm.pupil").unwrap();
    // Each test starts on a browser where no answer was shown yet.
    storage().remove_item("tuto-llm.seen").unwrap();
    let root = mount();
    yew::Renderer::<ExerciseTest>::with_root_and_props(
        root.clone(),
        ExerciseHost {
            kind,
            first_id: "test.e1",
        },
    )
    .render();
    settle().await;
    root
}

fn input_of(root: &Element) -> HtmlInputElement {
    root.query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
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

async fn type_answer(root: &Element, text: &str) {
    input_of(root).set_value(text);
    click(&root.query_selector("button[type=submit]").unwrap().unwrap());
    settle().await;
}

#[wasm_bindgen_test]
async fn exercise_gives_feedback_hint_and_saves_progress_with_tries() {
    let root = exercise("answer").await;
    type_answer(&root, "").await;
    assert!(feedback_of(&root).contains("Écris d'abord"));
    type_answer(&root, "x").await;
    assert!(root
        .query_selector("section.exercise.ko")
        .unwrap()
        .is_some());
    assert_eq!(
        root.query_selector_all(".feedback").unwrap().length(),
        1,
        "one message at a time"
    );
    assert!(
        feedback_of(&root).contains("Il te reste 2\u{a0}essais"),
        "{}",
        feedback_of(&root)
    );
    assert_eq!(
        root.query_selector(".badge-done").unwrap(),
        None,
        "no badge beside a red message"
    );

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

    type_answer(&root, " Ù ").await;
    assert!(root
        .query_selector("section.exercise.ok")
        .unwrap()
        .is_some());
    let saved = saved();
    assert!(
        saved.contains(r#""test.e1":{"outcome":"solved","tries":2,"first":"x","at":"#)
            && saved.contains(r#""version":4"#),
        "{saved}"
    );
    assert_eq!(outcome_of(&root).as_deref(), Some("solved"));
}

#[wasm_bindgen_test]
async fn found_after_three_tries_is_done_not_solved() {
    let root = exercise("answer").await;
    for wrong in ["a", "b", "c"] {
        type_answer(&root, wrong).await;
    }
    assert!(
        feedback_of(&root).contains("sont passés"),
        "{}",
        feedback_of(&root)
    );
    type_answer(&root, "u").await;
    assert_eq!(outcome_of(&root).as_deref(), Some("done"));
    assert!(
        feedback_of(&root).contains("Trouvé en 4 essais"),
        "{}",
        feedback_of(&root)
    );
    assert!(
        saved().contains(r#""test.e1":{"outcome":"done","tries":4,"first":"a","at":"#),
        "{}",
        saved()
    );
}

#[wasm_bindgen_test]
async fn the_next_exercise_starts_with_an_empty_box() {
    let root = exercise("answer").await;
    type_answer(&root, "7").await;
    click(&root.query_selector(".next-exercise").unwrap().unwrap());
    settle().await;
    assert_eq!(
        root.query_selector("[data-exercise]")
            .unwrap()
            .unwrap()
            .get_attribute("data-exercise")
            .as_deref(),
        Some("test.e2")
    );
    assert_eq!(
        input_of(&root).value(),
        "",
        "the last exercise's answer is not carried over"
    );
    assert_eq!(feedback_of(&root), "");
}

#[wasm_bindgen_test]
async fn a_prediction_counts_once_and_a_miss_is_kept() {
    let root = exercise("predict").await;
    type_answer(&root, "?").await;
    assert!(feedback_of(&root).contains("Écris une lettre"));
    assert!(
        !input_of(&root).disabled(),
        "an answer that is not one spends nothing"
    );
    type_answer(&root, "o").await;
    assert!(feedback_of(&root).contains("Non"));
    assert!(input_of(&root).disabled(), "answered once");
    assert!(
        saved().contains(r#""test.e1":{"outcome":"done","tries":1,"first":"o","at":"#),
        "{}",
        saved()
    );
    assert_eq!(outcome_of(&root).as_deref(), Some("done"));
}

#[wasm_bindgen_test]
async fn clicking_every_choice_does_not_solve() {
    let root = exercise("choice").await;
    let choices = root.query_selector_all("[data-choice]").unwrap();
    assert_eq!(choices.length(), 3);
    let first = choices
        .item(0)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .get_attribute("data-choice");
    for i in 0..3 {
        click(&choices.item(i).unwrap().dyn_into::<Element>().unwrap());
        settle().await;
    }
    let expected = if first.as_deref() == Some("1") {
        "solved"
    } else {
        "done"
    };
    assert_eq!(
        outcome_of(&root).as_deref(),
        Some(expected),
        "the first pick counts"
    );
    for i in 0..3 {
        let b: web_sys::HtmlButtonElement = choices.item(i).unwrap().dyn_into().unwrap();
        assert!(b.disabled());
    }
}

/// A task whose attempts count: each button press is an attempt, wrong or right.
#[function_component]
fn TaskTest() -> Html {
    let progress = use_reducer(Progress::load);
    let picks = use_state(Vec::<bool>::new);
    let shown = use_state(|| true);
    let verdict = picks.last().map(|&right| {
        if right {
            Verdict::Right("Oui".into())
        } else {
            Verdict::Wrong("Pas cette paire".into())
        }
    });
    let pick = |right: bool| {
        let p = picks.clone();
        Callback::from(move |_| {
            let mut v = (*p).clone();
            v.push(right);
            p.set(v);
        })
    };
    let toggle = {
        let s = shown.clone();
        Callback::from(move |_| s.set(!*s))
    };
    html! {
        <ContextProvider<ProgressHandle> context={progress}>
            if *shown {
                <Exercise id="test.t1" prompt={html! { "paire\u{a0}?" }} hint="regarde" attempt={picks.len() as u32} kind={Kind::Task { verdict }} />
            }
            <button type="button" class="wrong-pick" onclick={pick(false)}>{ "faux" }</button>
            <button type="button" class="right-pick" onclick={pick(true)}>{ "juste" }</button>
            <button type="button" class="toggle" onclick={toggle}>{ "cacher" }</button>
        </ContextProvider<ProgressHandle>>
    }
}

async fn task() -> Element {
    storage().remove_item("tuto-llm.progress").unwrap();
    storage().remove_item("tuto-llm.pupil").unwrap();
    let root = mount();
    yew::Renderer::<TaskTest>::with_root(root.clone()).render();
    settle().await;
    root
}

async fn press(root: &Element, class: &str) {
    click(&root.query_selector(class).unwrap().unwrap());
    settle().await;
}

#[wasm_bindgen_test]
async fn a_tasks_wrong_attempts_are_tries_counted_once() {
    let root = task().await;
    press(&root, ".wrong-pick").await;
    assert!(
        feedback_of(&root).contains("Il te reste 2\u{a0}essais"),
        "{}",
        feedback_of(&root)
    );
    // Leaving the step and coming back does not count the same attempt again.
    press(&root, ".toggle").await;
    press(&root, ".toggle").await;
    press(&root, ".wrong-pick").await;
    press(&root, ".right-pick").await;
    assert_eq!(outcome_of(&root).as_deref(), Some("solved"));
    assert!(
        saved().contains(r#""test.t1":{"outcome":"solved","tries":3,"#),
        "{}",
        saved()
    );
}

#[wasm_bindgen_test]
async fn a_task_found_after_three_wrong_attempts_is_done() {
    let root = task().await;
    for _ in 0..3 {
        press(&root, ".wrong-pick").await;
    }
    press(&root, ".right-pick").await;
    assert_eq!(outcome_of(&root).as_deref(), Some("done"));
    assert!(
        feedback_of(&root).contains("Trouvé en 4 essais"),
        "{}",
        feedback_of(&root)
    );
}

#[wasm_bindgen_test]
fn the_worker_script_is_a_classic_script() {
    let glue = "let wasm;\nconst u = new URL('app_bg.wasm', import.meta.url);\nexport { initSync, __wbg_init as default };";
    let script = crate::worker::spawn::classic_script(glue);
    assert!(!script.contains("export"));
    assert!(!script.contains("import.meta"));
    assert!(script.contains("self.location.href"));
}
