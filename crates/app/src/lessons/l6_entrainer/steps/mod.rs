//! Lesson 6's steps with exercises: the first loss and the dominos (`start`), training and the
//! bet on a setting (`train`), generating with a beginning and a temperature (`generate`), the
//! pupil's own list (`own`); and what several of them show: « Emporter mon modèle ».

pub mod generate;
pub mod own;
pub mod start;
pub mod train;

use super::run::GptRun;
use super::Ctx;
use crate::widgets::take_home::{take_home, Make, Ready};
use course::content::l6 as text;
use course::lessons::l6::Action;
use course::text::fr;
use std::rc::Rc;
use yew::prelude::*;

/// Brings a freshly started run's results into view (a click must show what it produced),
/// once the page has drawn them.
pub fn scroll_into_view(id: &'static str) {
    gloo::timers::callback::Timeout::new(80, move || {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    })
    .forget();
}

/// The run « Emporter mon modèle » takes: the one the pupil chose, else the latest finished.
fn chosen_run(c: &Ctx) -> Option<u64> {
    let runs = c.runs.borrow();
    let finished = || runs.iter().filter(|r| r.finished());
    c.s()
        .take_home
        .filter(|id| finished().any(|r| r.id == *id))
        .or_else(|| finished().last().map(|r| r.id))
}

/// « Emporter mon modèle » where the pupil trains: which finished run goes into the notebook
/// (its data, steps and loss said), and the two buttons (waiting while a run trains).
pub fn take_home_panel(c: &Ctx) -> Html {
    let Some(chosen) = chosen_run(c) else {
        return html! {};
    };
    let runs = c.runs.borrow();
    let options: Vec<(u64, String)> = runs
        .iter()
        .filter(|r| r.finished())
        .map(|r| {
            let loss = r
                .evaluated()
                .map_or_else(|| text::RUNNING.to_string(), |l| fr(l, 2));
            (r.id, text::take_home_run(&r.run.label, &loss))
        })
        .collect();
    drop(runs);
    let make: Make = {
        let runs = c.runs.clone();
        Rc::new(move || {
            let runs = runs.borrow();
            runs.iter()
                .find(|r| r.id == chosen)
                .and_then(GptRun::notebook)
        })
    };
    let busy = c.busy();
    html! {
        <div class="card" data-testid="l6-take-home">
            <div class="row" role="radiogroup" aria-label={text::TAKE_HOME_WHICH}>
                <span>{ course::content::widgets::label_colon(text::TAKE_HOME_WHICH) }</span>
                { for options.into_iter().map(|(id, label)| {
                    let (page, on) = (c.page.dispatcher(), id == chosen);
                    html! { <button type="button" role="radio" aria-checked={on.to_string()} class={classes!("btn", on.then_some("primary"))}
                        data-testid="take-home-run" onclick={move |_| page.dispatch(Action::TakeHome(id))}>{ label }</button> }
                }) }
            </div>
            { take_home(make, Ready::of(true, busy)) }
        </div>
    }
}
