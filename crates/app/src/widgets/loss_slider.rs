//! The loss as surprise: drag the probability given to the right letter, watch the point slide
//! along the curve (high surprise when the model was sure of something else, none when it was
//! sure and right).

use course::content::widgets as text;
use course::rules::loss_of;
use course::text::{fr, percent};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The probability, from 0.01 to 1.
    pub p: f32,
    pub on_change: Callback<f32>,
    #[prop_or("p-slider")]
    pub testid: &'static str,
}

const W: f32 = 440.0;
const H: f32 = 260.0;
const PAD: f32 = 44.0;
const Y_MAX: f32 = 5.0;

fn to_xy(p: f32, loss: f32) -> (f32, f32) {
    (
        PAD + p * (W - 1.5 * PAD),
        H - PAD - loss.min(Y_MAX) / Y_MAX * (H - 1.7 * PAD),
    )
}

#[function_component]
pub fn LossSlider(props: &Props) -> Html {
    let path: String = (1..=100)
        .map(|i| {
            let p = i as f32 / 100.0;
            let (x, y) = to_xy(p, loss_of(p));
            format!("{}{x:.1},{y:.1}", if i == 1 { "M" } else { " L" })
        })
        .collect();
    let loss = loss_of(props.p);
    let (px, py) = to_xy(props.p, loss);
    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = el.value().parse::<f32>() {
                cb.emit((v / 100.0).clamp(0.01, 1.0));
            }
        })
    };
    html! {
        <figure class="widget loss-slider" data-widget="loss-slider">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={text::slider_label(&percent(props.p), &fr(loss, 2))}>
                <title>{ text::SLIDER_TITLE }</title>
                <line class="axis" x1={PAD.to_string()} y1={(H - PAD).to_string()} x2={(W - PAD / 2.0).to_string()} y2={(H - PAD).to_string()} />
                <line class="axis" x1={PAD.to_string()} y1={(PAD * 0.7).to_string()} x2={PAD.to_string()} y2={(H - PAD).to_string()} />
                <text class="axis-title" x={(W / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ text::SLIDER_X }</text>
                <text class="axis-title" x="6" y="18">{ "loss (surprise)" }</text>
                { for [0.0f32, 0.5, 1.0].iter().map(|&p| { let (x, _) = to_xy(p, 0.0); html! {
                    <text class="tick" x={x.to_string()} y={(H - PAD + 20.0).to_string()} text-anchor="middle">{ percent(p) }</text> } }) }
                { for [0.0f32, 1.0, 2.0, 3.0, 4.0, 5.0].iter().map(|&l| { let (_, y) = to_xy(0.0, l); html! {
                    <text class="tick" x={(PAD - 8.0).to_string()} y={y.to_string()} text-anchor="end" dominant-baseline="central">{ fr(l, 0) }</text> } }) }
                <path class="curve" d={path} fill="none" />
                <circle class="point" cx={px.to_string()} cy={py.to_string()} r="8" />
            </svg>
            <label class="slider-row">
                { text::SLIDER_LABEL }<strong>{ percent(props.p) }</strong>
                <input type="range" min="1" max="100" step="1" value={((props.p * 100.0).round() as i32).to_string()} oninput={oninput}
                    aria-label={text::SLIDER_ARIA} aria-valuetext={percent(props.p)} data-testid={props.testid} />
            </label>
            <p class="big-number" aria-live="polite">{ "loss = " }<strong data-testid="loss-value">{ fr(loss, 2) }</strong></p>
        </figure>
    }
}
