//! The loss curve −ln(p): drag p, watch the point slide along the curve.

use crate::text::fr;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub p: f32,
    pub on_change: Callback<f32>,
}

const W: f32 = 420.0;
const H: f32 = 240.0;
const PAD: f32 = 36.0;
const Y_MAX: f32 = 5.0;

fn to_xy(p: f32, loss: f32) -> (f32, f32) {
    (
        PAD + p * (W - 2.0 * PAD),
        H - PAD - loss.min(Y_MAX) / Y_MAX * (H - 2.0 * PAD),
    )
}

#[function_component]
pub fn LossSlider(props: &Props) -> Html {
    let path: String = (1..=100)
        .map(|i| {
            let p = i as f32 / 100.0;
            let (x, y) = to_xy(p, -p.ln());
            format!("{}{x:.1},{y:.1}", if i == 1 { "M" } else { " L" })
        })
        .collect();
    let loss = -props.p.ln();
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
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("Courbe de la loss : avec p = {}, la loss vaut {}", fr(props.p, 2), fr(loss, 2))}>
                <title>{ "La loss en fonction de la probabilité donnée à la bonne lettre" }</title>
                <line class="axis" x1={PAD.to_string()} y1={(H - PAD).to_string()} x2={(W - PAD).to_string()} y2={(H - PAD).to_string()} />
                <line class="axis" x1={PAD.to_string()} y1={PAD.to_string()} x2={PAD.to_string()} y2={(H - PAD).to_string()} />
                <text class="axis-title" x={(W / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ "probabilité p de la bonne lettre" }</text>
                <text class="axis-title" x="10" y={(PAD - 12.0).to_string()}>{ "loss" }</text>
                { for [0.0f32, 0.5, 1.0].iter().map(|&p| { let (x, _) = to_xy(p, 0.0); html! {
                    <text class="tick" x={x.to_string()} y={(H - PAD + 16.0).to_string()} text-anchor="middle">{ fr(p, 1) }</text> } }) }
                { for [0.0f32, 1.0, 2.0, 3.0, 4.0, 5.0].iter().map(|&l| { let (_, y) = to_xy(0.0, l); html! {
                    <text class="tick" x={(PAD - 8.0).to_string()} y={y.to_string()} text-anchor="end" dominant-baseline="central">{ fr(l, 0) }</text> } }) }
                <path class="curve" d={path} fill="none" />
                <circle class="point" cx={px.to_string()} cy={py.to_string()} r="8" />
            </svg>
            <label class="slider-row">
                { "Probabilité de la bonne lettre : " }<strong>{ fr(props.p, 2) }</strong>
                <input type="range" min="1" max="100" step="1" value={((props.p * 100.0).round() as i32).to_string()} oninput={oninput}
                    aria-label="Probabilité donnée à la bonne lettre, en pourcentage" data-testid="p-slider" />
            </label>
            <p class="big-number" aria-live="polite">{ "loss = " }<strong data-testid="loss-value">{ fr(loss, 2) }</strong></p>
        </figure>
    }
}
