//! A task whose attempts count: each button press is a try, wrong or right.

use super::*;
use crate::exercise::{Exercise, Kind};
use crate::progress::{Progress, ProgressHandle};
use course::rules::Verdict;

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
