//! Step 7: the pupil's own list. The model trains on it, invents names, each marked against
//! the list; one judgement of each draw (`rules::own_judgement`) is what the panel says and
//! what exercise 5 grades, every draw a try.

use super::super::super::common::{
    as_task, invent_names, marked_name, marks_rule, paragraph, wrong_try,
};
use super::super::run::Start;
use super::super::Ctx;
use super::{scroll_into_view, take_home_panel};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::widgets::controls::{choice_input, temperature_input};
use crate::widgets::dataset_picker::DatasetPicker;
use crate::widgets::loss_curve::LossCurve;
use crate::widgets::train_controls::TrainControls;
use course::content::l6 as text;
use course::dataset::DataChoice;
use course::ids;
use course::lessons::l6::{Action, OWN_STEP_CHOICES};
use course::rules::l6::{self as rules, OwnJudgement, OwnState};
use course::rules::marks::Marker;
use course::text::int;
use minigpt::data::Dataset;
use yew::prelude::*;

/// The fewest steps the own list can be trained.
const FEWEST: usize = OWN_STEP_CHOICES[0];

/// The latest run on the pupil's list: its steps, and its model once finished.
fn own_run(c: &Ctx) -> Option<(usize, bool)> {
    let runs = c.runs.borrow();
    let run = runs.iter().rev().find(|g| g.own)?;
    Some((run.steps, run.finished()))
}

/// The judgement of the last draw, if there is one from a finished model.
fn judgement(c: &Ctx, marker: &Marker) -> Option<OwnJudgement> {
    let s = c.s();
    let (steps, finished) = own_run(c)?;
    (finished && !s.own_drawn.is_empty())
        .then(|| rules::own_judgement(marker, &s.own_drawn, steps, FEWEST, s.own_drawn_at))
}

/// The run, the curve, the names invented (each marked) and what they say.
fn own_panel(c: &Ctx, marker: &Marker, judged: Option<&OwnJudgement>) -> Html {
    let runs = c.runs.borrow();
    let Some(run) = runs.iter().rev().find(|g| g.own) else {
        return html! { <div class="card" id="own-live" hidden=true></div> };
    };
    let controls = run.run.controls(&c.on_frame);
    let curve = vec![run.smoothed()];
    let model = run.finished().then(|| run.model());
    let steps = run.steps;
    drop(runs);
    let s = c.s();
    let draw = model.map(|model| {
        let (page, progress, markers) = (
            c.page.dispatcher(),
            c.progress.clone(),
            c.own_marker.clone(),
        );
        let temperature = s.own_temperature;
        Callback::from(move |_| {
            let names = invent_names(&model, "", temperature, 10, js_sys::Date::now() as u64);
            if let Some(marker) = markers.as_ref() {
                let j = rules::own_judgement(marker, &names, steps, FEWEST, temperature);
                if j.state != OwnState::Inventing {
                    wrong_try(&progress, ids::L6_E5);
                }
            }
            page.dispatch(Action::OwnDrawn { names, temperature });
        })
    });
    html! {
        <div class="card" id="own-live">
            <TrainControls state={Some(controls)} />
            <LossCurve runs={curve} steps={steps.max(1)} show_last={false} />
            if let Some(draw) = draw {
                { temperature_input(s.own_temperature, c.send(Action::OwnTemperature), "own-temp") }
                <button type="button" class="btn primary" onclick={draw} data-testid="generate-own">{ text::INVENT }</button>
                <ul class="chips marked" data-testid="own-generated">{ for s.own_drawn.iter().map(|n| marked_name(n, marker.mark(n))) }</ul>
                if let Some(j) = judged { <p class="verdict" role="status" data-testid="own-verdict">{ j.said.clone() }</p> }
                { marks_rule() }
            }
        </div>
    }
}

pub fn step_own(c: &Ctx) -> Html {
    let s = c.s();
    let running = c.runs.borrow().iter().any(|g| g.own && g.run.is_playing());
    let train = {
        let (emit, page) = (c.start.clone(), c.page.dispatcher());
        let start = s.own_choice.clone().map(|choice| Start {
            choice,
            alphabet: s.own_alphabet,
            steps: s.own_steps,
            lr: course::lessons::l6::FIRST_LR,
            own: true,
        });
        Callback::from(move |_| {
            if let Some(start) = &start {
                page.dispatch(Action::OwnTraining);
                emit.emit(start.clone());
                scroll_into_view("own-live");
            }
        })
    };
    let empty = Marker::new(s.own_alphabet, &[] as &[String]);
    let marker = c.own_marker.as_ref().as_ref().unwrap_or(&empty);
    let judged = judgement(c, marker);
    let verdict = rules::own_list(judged.as_ref(), s.own_choice.is_some());
    let picked = s
        .own_choice
        .as_deref()
        .cloned()
        .unwrap_or(DataChoice::Own(vec![]));
    html! {
        <>
            <div class="card">
                { paragraph(text::OWN) }
                <DatasetPicker choice={picked} offered={Vec::<Dataset>::new()} name="l6-own"
                    alphabet={s.own_alphabet} on_alphabet={c.send(Action::OwnAlphabet)} on_change={c.send(Action::OwnList)} />
                { choice_input(text::OWN_STEPS, &OWN_STEP_CHOICES, s.own_steps, |v| int(v as u64), c.send(Action::OwnSteps), "own-steps") }
                <button type="button" class="btn primary" onclick={train} disabled={s.own_choice.is_none() || running} data-testid="train-own">{ icon(Icon::Play) }{ text::own_train(s.own_steps) }</button>
            </div>
            { own_panel(c, marker, judged.as_ref()) }
            <Exercise id={ids::L6_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT} kind={Kind::Task { verdict: verdict.map(as_task) }} />
            if c.runs.borrow().iter().any(|g| g.own && g.finished()) { { take_home_panel(c) } }
        </>
    }
}
