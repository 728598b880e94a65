//! Each kind of exercise: feedback, hints, tries and what progress keeps.

use super::*;
use crate::exercise::{Exercise, Kind};
use crate::progress::{Progress, ProgressHandle};
use course::rules::Verdict;
use web_sys::HtmlInputElement;

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
