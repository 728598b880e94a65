//! Pause / Reprendre / Recommencer for a training run, with its status in words after them.
//! The buttons never move: they come before the status (whose width changes with the step), and
//! the pause / resume toggle keeps one width, its place kept when the run is over. The status
//! says what the run is doing for tests and tools: `data-status` is `running`, `paused`,
//! `finished` or `exploded`, with `data-step`.

use crate::icons::{icon, Icon};
use course::content::widgets as text;
use minigpt::Status;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct ControlsState {
    pub status: Status,
    pub playing: bool,
    pub step: usize,
    pub on_pause: Callback<()>,
    pub on_resume: Callback<()>,
    pub on_restart: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Option<ControlsState>,
}

#[function_component]
pub fn TrainControls(props: &Props) -> Html {
    let Some(s) = &props.state else {
        return html! {};
    };
    // What the run is doing in words, and for tests and tools (`data-status`).
    let (label, state) = match s.status {
        Status::Running if s.playing => (text::training_at(s.step), "running"),
        Status::Running => (text::paused_at(s.step), "paused"),
        Status::Finished => (text::FINISHED.to_string(), "finished"),
        Status::Diverged { step, .. } => (text::exploded_at(step), "exploded"),
    };
    let (pause, resume, restart) = (
        s.on_pause.clone(),
        s.on_resume.clone(),
        s.on_restart.clone(),
    );
    html! {
        <div class="row controls" role="group" aria-label={text::CONTROLS}>
            if s.playing {
                <button type="button" class="btn toggle" onclick={move |_| pause.emit(())} data-testid="pause">{ icon(Icon::Pause) }{ text::PAUSE }</button>
            } else if s.status == Status::Running {
                <button type="button" class="btn toggle" onclick={move |_| resume.emit(())} data-testid="resume">{ icon(Icon::Play) }{ text::RESUME }</button>
            } else {
                // The run is over: « Recommencer » stays where it was, not under a pointer
                // that was on its way to « Pause ».
                <span class="toggle-slot" aria-hidden="true"></span>
            }
            <button type="button" class="btn" onclick={move |_| restart.emit(())} data-testid="restart">{ icon(Icon::Restart) }{ text::RESTART }</button>
            <span class="status" aria-live="polite" data-testid="train-status" data-status={state} data-step={s.step.to_string()}>{ label }</span>
        </div>
    }
}
