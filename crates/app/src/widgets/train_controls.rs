//! Pause / Reprendre / Recommencer for a training run, with its status in words.

use crate::icons::{icon, Icon};
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
    let label = match s.status {
        Status::Running if s.playing => format!("Entraînement en cours… (pas {})", crate::text::int(s.step as u64)),
        Status::Running => format!("En pause (pas {}).", crate::text::int(s.step as u64)),
        Status::Finished => "Terminé\u{a0}!".to_string(),
        Status::Diverged { step, .. } => format!("La loss a explosé au pas {step}\u{a0}: le modèle est perdu. Recommence avec un taux plus petit."),
    };
    let (pause, resume, restart) = (
        s.on_pause.clone(),
        s.on_resume.clone(),
        s.on_restart.clone(),
    );
    html! {
        <div class="row controls" role="group" aria-label="Contrôle de l'entraînement">
            <span class="status" aria-live="polite" data-testid="train-status">{ label }</span>
            if s.playing {
                <button type="button" class="btn" onclick={move |_| pause.emit(())} data-testid="pause">{ icon(Icon::Pause) }{ "Pause" }</button>
            } else if s.status == Status::Running {
                <button type="button" class="btn" onclick={move |_| resume.emit(())} data-testid="resume">{ icon(Icon::Play) }{ "Reprendre" }</button>
            }
            <button type="button" class="btn" onclick={move |_| restart.emit(())} data-testid="restart">{ icon(Icon::Restart) }{ "Recommencer" }</button>
        </div>
    }
}
