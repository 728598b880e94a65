//! What the pupil sets before « Entraîner »: the data, and the model's size (three ready-made
//! sizes, the one chosen shown pressed, and a slider per setting). The settings themselves, the
//! ready-made sizes and the sliders' positions are `course::atelier::settings`.

use super::Dispatch;
use crate::widgets::controls::choice_input;
use crate::widgets::dataset_picker::DatasetPicker;
use course::atelier::settings::{choices, Knob, Preset, Settings, CORES, RATES};
use course::atelier::workshop::Action;
use course::content::atelier as text;
use course::dataset::DataChoice;
use course::text::{decimal, int};
use minigpt::data::Dataset;
use minigpt::Alphabet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: DataChoice,
    pub alphabet: Alphabet,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn DataPanel(props: &DataProps) -> Html {
    let on_change = {
        let d = props.dispatch.clone();
        Callback::from(move |v| d.dispatch(Action::Data(v)))
    };
    let on_alphabet = {
        let d = props.dispatch.clone();
        Callback::from(move |v| d.dispatch(Action::Alphabet(v)))
    };
    html! {
        <div class="card">
            <h2>{ text::DATA_TITLE }</h2>
            <DatasetPicker choice={props.data.clone()} on_change={on_change} name="atelier-data"
                offered={Dataset::ALL.to_vec()} alphabet={props.alphabet} on_alphabet={on_alphabet} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SizeProps {
    pub settings: Settings,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn SizePanel(props: &SizeProps) -> Html {
    let s = &props.settings;
    let config = s.config();
    let chosen = s.preset();
    let preset = |p: Preset| {
        let d = props.dispatch.clone();
        let pressed = chosen == Some(p);
        html! {
            <button type="button" class={classes!("btn", pressed.then_some("pressed"))} aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_| d.dispatch(Action::Preset(p)))} data-testid={p.testid()}>{ p.name() }</button>
        }
    };
    let slider = |label: &str, knob: Knob, testid: &'static str| {
        let d = props.dispatch.clone();
        let on_change = Callback::from(move |v| d.dispatch(Action::Set(knob, v)));
        choice_input(
            label,
            choices(knob),
            s.get(knob),
            show_count,
            on_change,
            testid,
        )
    };
    let rate = {
        let d = props.dispatch.clone();
        choice_input(
            text::LR,
            &RATES,
            s.size.lr,
            decimal,
            Callback::from(move |v| d.dispatch(Action::Rate(v))),
            "a-lr",
        )
    };
    let cores = crate::worker::spawn::cores();
    html! {
        <div class="card">
            <h2>{ text::SIZE_TITLE }</h2>
            <div class="row presets" role="group" aria-label={text::PRESETS}><span>{ text::PRESETS }</span>
                { for Preset::offered(s.sentences()).iter().copied().map(preset) }
            </div>
            <div class="sliders">
                { slider(text::LAYERS, Knob::Layers, "a-layers") }
                { slider(text::HEADS, Knob::Heads, "a-heads") }
                { slider(text::CARDS, Knob::Cards, "a-embd") }
                { slider(text::CONTEXT, Knob::Context, "a-block") }
                { slider(text::BATCH, Knob::Batch, "a-batch") }
                { rate }
                { slider(text::STEPS, Knob::Steps, "a-steps") }
                if cores > 1 {
                    { choice_input(text::CORES, &CORES[..cores], s.workers, show_count, {
                        let d = props.dispatch.clone();
                        Callback::from(move |v| d.dispatch(Action::Set(Knob::Workers, v)))
                    }, "a-workers") }
                }
            </div>
            if cores > 1 { <p class="muted">{ text::cores_hint(cores) }</p> }
            if config.validate().is_ok() {
                <p class="param-count">{ text::PARAMS }<strong data-testid="a-params">{ int(config.param_count() as u64) }</strong></p>
            } else {
                <p class="feedback ko" role="alert">{ text::heads_dont_divide(config.n_embd, config.n_head) }</p>
            }
        </div>
    }
}

fn show_count(v: usize) -> String {
    int(v as u64)
}
