//! Step 5: training live (settings, curves, the table of final losses, the photo album, the
//! next letter after a beginning), exercise 3 (a bet on what changing a setting does, judged
//! on the table's two losses, shown next to the question), and « Emporter mon modèle ».

use super::super::run::{GptRun, Start};
use super::super::Ctx;
use super::{scroll_into_view, take_home_panel};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::widgets::controls::choice_input;
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::train_controls::TrainControls;
use course::content::common::shown_name;
use course::content::l6 as text;
use course::ids;
use course::lessons::l6::{Action, Bet, LR_CHOICES, STEP_CHOICES};
use course::rules::l6::{self as rules, Trained};
use course::rules::Verdict;
use course::text::{decimal, fr, int};
use minigpt::sample::probabilities_at;
use minigpt::{Model, Status, Tape};
use yew::prelude::*;

/// « Entraîner »: the chosen data with the chosen settings (and the run comes into view).
pub fn train_now(c: &Ctx) -> Callback<MouseEvent> {
    let s = c.s();
    let start = Start {
        choice: s.choice.clone(),
        alphabet: minigpt::Alphabet::Letters,
        steps: s.steps,
        lr: s.lr,
        own: false,
    };
    let emit = c.start.clone();
    Callback::from(move |_| {
        emit.emit(start.clone());
        scroll_into_view("live");
    })
}

/// Why « Entraîner » waits for another setting, if it does: exercise 3's bet is about a setting
/// not tried yet on this data (its result must not be on screen already).
fn needs_new_setting(c: &Ctx) -> Option<&'static str> {
    let bet = c.s().bet?;
    let runs = c.runs.borrow();
    let lesson = || runs.iter().filter(|r| !r.own);
    if lesson().any(|r| r.id > bet.before) {
        return None; // The bet has its second run.
    }
    let s = c.s();
    let tried = lesson().any(|r| r.choice == s.choice && r.steps == s.steps && r.lr == s.lr);
    tried.then_some(text::E3_SAME_SETTING)
}

pub fn step_train(c: &Ctx) -> Html {
    let s = c.s();
    let why = needs_new_setting(c);
    let disabled = c.busy() || why.is_some();
    html! {
        <>
            // On the projector, the settings and « Entraîner » come first (the teacher tells the text).
            <div class="card train-card">
                { super::super::super::common::paragraph(text::TRAIN) }
                <p>{ text::data_line(&s.choice.label()) }</p>
                <div class="train-settings">
                    { choice_input(text::STEPS_LABEL, &STEP_CHOICES, s.steps, |v| int(v as u64), c.send(Action::Steps), "steps") }
                    { choice_input(text::LR_LABEL, &LR_CHOICES, s.lr, decimal, c.send(Action::Lr), "lr") }
                    <button type="button" class="btn primary" onclick={train_now(c)} disabled={disabled} data-testid="train">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
                </div>
                if let Some(why) = why { <p class="feedback todo" role="status" data-testid="train-blocked">{ why }</p> }
                <p class="muted">{ text::LR_NOTE }</p>
            </div>
            { live_panel(c) }
            { bet_exercise(c) }
            { album_panel(c) }
            { bars_panel(c) }
            { take_home_panel(c) }
        </>
    }
}

/// Exercise 3: before any run, a choice that waits; with a run to compare with, a bet.
fn bet_exercise(c: &Ctx) -> Html {
    let runs = c.runs.borrow();
    let lesson: Vec<&GptRun> = runs.iter().filter(|r| !r.own).collect();
    let options: Vec<String> = text::E3_CHOICES.iter().map(|o| o.to_string()).collect();
    let waiting = |why: &'static str| Kind::Choice {
        options: options.clone(),
        check: Callback::from(move |_| Verdict::NotAnAnswer(why.into())),
    };
    let (before, kind) = match c.s().bet {
        None => {
            let before = lesson.iter().rev().find_map(|r| Some((r.id, r.trained()?)));
            let kind = match &before {
                None => waiting(text::E3_FIRST),
                Some(_) if c.busy() => waiting(text::E3_RUNNING),
                Some((id, _)) => {
                    let (page, before) = (c.page.dispatcher(), *id);
                    Kind::Bet {
                        options,
                        picked: None,
                        on_pick: Callback::from(move |pick| {
                            page.dispatch(Action::Bet(Bet { pick, before }))
                        }),
                        waiting: String::new(),
                        closed: false,
                        verdict: None,
                    }
                }
            };
            (before.map(|b| b.1), kind)
        }
        Some(bet) => {
            let before = lesson
                .iter()
                .find(|r| r.id == bet.before)
                .and_then(|r| r.trained());
            let after = lesson
                .iter()
                .find(|r| r.id > bet.before)
                .and_then(|r| r.trained());
            let verdict = before
                .as_ref()
                .and_then(|b| rules::setting_bet(bet.pick, b, after.as_ref()));
            let kind = Kind::Bet {
                options,
                picked: Some(bet.pick),
                on_pick: Callback::noop(),
                waiting: text::e3_waiting(text::E3_CHOICES[bet.pick]),
                closed: false,
                verdict,
            };
            (before, kind)
        }
    };
    let reference =
        before.map(|b: Trained| text::e3_reference(&b.label, &text::loss_or_exploded(b.loss)));
    html! {
        <Exercise id={ids::L6_E3} prompt={html! { <>
            <p>{ text::E3_PROMPT }</p>
            if let Some(r) = reference { <p class="muted" data-testid="e3-reference">{ r }</p> }
        </> }} hint={text::E3_HINT} kind={kind} />
    }
}

/// A run's final loss, « a explosé » if it diverged, « en cours… » until measured.
fn final_cell(g: &GptRun) -> String {
    match (g.evaluated(), g.run.status()) {
        (Some(e), _) => fr(e, 2),
        (None, Status::Diverged { .. }) => text::EXPLODED.to_string(),
        (None, _) => text::RUNNING.to_string(),
    }
}

/// The runs of step 5: controls, speed, curves and the table of final losses.
pub fn live_panel(c: &Ctx) -> Html {
    let runs = c.runs.borrow();
    let lesson: Vec<&GptRun> = runs.iter().filter(|g| !g.own).collect();
    let Some(last) = lesson.last() else {
        return html! { <div class="card" id="live" hidden=true></div> };
    };
    let curves: Vec<Run> = lesson.iter().map(|g| g.smoothed()).collect();
    let table: Vec<(String, String)> = lesson
        .iter()
        .map(|g| (g.run.label.clone(), final_cell(g)))
        .collect();
    let speed = {
        let a = last.run.anim.borrow();
        (a.tokens_per_second(), a.compute_ms, a.trainer.step())
    };
    let controls = last.run.controls(&c.on_frame);
    let max_steps = lesson.iter().map(|g| g.steps).max().unwrap_or(1);
    let header = text::col_final(last.eval_count(), last.names.len());
    html! {
        <div class="card" id="live">
            <TrainControls state={Some(controls)} />
            <p class="speed" data-testid="speed">{ icon(Icon::Bolt) }{ text::speed(speed.0, speed.2, speed.1) }</p>
            <p class="muted">{ text::MODEL_LIVES_HERE }</p>
            <LossCurve runs={curves} steps={max_steps} show_last={false} />
            <table class="compare-table" data-testid="final-table">
                <thead><tr><th>{ text::COL_RUN }</th><th>{ header }</th></tr></thead>
                <tbody>{ for table.into_iter().map(|(l, e)| html! { <tr><td>{ l }</td><td data-testid="eval-loss">{ e }</td></tr> }) }</tbody>
            </table>
        </div>
    }
}

/// The photo album of the last run: names invented at a few steps.
fn album_panel(c: &Ctx) -> Html {
    let runs = c.runs.borrow();
    let album = runs
        .iter()
        .rev()
        .find(|g| !g.own)
        .map(GptRun::album)
        .unwrap_or_default();
    if album.is_empty() {
        return html! {};
    }
    let empty_shown = album
        .iter()
        .any(|(_, names)| names.iter().any(String::is_empty));
    html! {
        <div class="card">
            <h3>{ icon(Icon::Camera) }{ text::ALBUM }</h3>
            <div class="album" data-testid="album">
                { for album.iter().map(|(st, names)| html! { <div class="photo"><h4>{ text::photo_title(*st) }</h4>
                    <ul class="chips" data-testid="album-names">{ for names.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul></div> }) }
            </div>
            if empty_shown { <p class="muted" data-testid="album-note">{ text::ALBUM_NOTE }</p> }
        </div>
    }
}

/// What the last trained model predicts after a beginning that suits its data.
fn bars_panel(c: &Ctx) -> Html {
    let runs = c.runs.borrow();
    let Some(run) = runs.iter().rev().find(|g| !g.own).filter(|g| g.finished()) else {
        return html! {};
    };
    let prefix = run.choice.demo_prefix();
    let alphabet = run.alphabet();
    if !alphabet.can_write(prefix) {
        return html! {};
    }
    let ids = alphabet.encode_name(prefix);
    let model = run.run.anim.borrow();
    let logits = model
        .trainer
        .model()
        .next_logits(&mut Tape::new(), &ids[..ids.len() - 1]);
    html! {
        <div class="card">
            <ProbBars probs={probabilities_at(&logits, 1.0)} labels={alphabet.symbols()} title={text::prefix_bars(prefix)} />
        </div>
    }
}
