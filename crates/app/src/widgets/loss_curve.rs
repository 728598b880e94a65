//! Loss curves, live: one line per training run, overlaid in different colours with a legend.
//! A run that explodes is drawn up to the top edge and marked 💥, so the others stay readable.

use super::colors::CATEGORY;
use crate::text::fr;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Run {
    pub label: String,
    pub losses: Vec<f32>,
    pub exploded: bool,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub runs: Vec<Run>,
    /// Steps on the horizontal axis.
    pub steps: usize,
    #[prop_or(4.5)]
    pub y_max: f32,
}

const W: f32 = 560.0;
const H: f32 = 280.0;
const PAD_L: f32 = 44.0;
const PAD_B: f32 = 36.0;
const PAD_T: f32 = 14.0;

#[function_component]
pub fn LossCurve(props: &Props) -> Html {
    let steps = props.steps.max(1) as f32;
    let x = |i: usize| PAD_L + (i as f32 / steps) * (W - PAD_L - 12.0);
    let y = |l: f32| {
        let l = if l.is_finite() {
            l.clamp(0.0, props.y_max)
        } else {
            props.y_max
        };
        H - PAD_B - l / props.y_max * (H - PAD_B - PAD_T)
    };
    let y_ticks: Vec<f32> = (0..=props.y_max as usize).map(|v| v as f32).collect();
    let summary: Vec<String> = props
        .runs
        .iter()
        .map(|r| match r.losses.last() {
            Some(l) => format!(
                "{} : {} pas, dernière loss {}{}",
                r.label,
                r.losses.len(),
                fr(*l, 2),
                if r.exploded { " (explosion)" } else { "" }
            ),
            None => format!("{} : pas encore lancé", r.label),
        })
        .collect();
    html! {
        <figure class="widget loss-curve" data-widget="loss-curve">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("Courbe de la loss. {}", summary.join(". "))}>
                <title>{ "La loss pendant l'entraînement (plus bas = mieux)" }</title>
                { for y_ticks.iter().map(|&v| html! {
                    <g class="grid">
                        <line x1={PAD_L.to_string()} x2={(W - 12.0).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} />
                        <text class="tick" x={(PAD_L - 8.0).to_string()} y={y(v).to_string()} text-anchor="end" dominant-baseline="central">{ fr(v, 0) }</text>
                    </g>
                }) }
                <text class="tick" x={x(0).to_string()} y={(H - PAD_B + 16.0).to_string()} text-anchor="middle">{ "0" }</text>
                <text class="tick" x={x(props.steps).to_string()} y={(H - PAD_B + 16.0).to_string()} text-anchor="end">{ props.steps.to_string() }</text>
                <text class="axis-title" x={((W + PAD_L) / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ "pas d'entraînement" }</text>
                <text class="axis-title" x="6" y={(PAD_T + 2.0).to_string()}>{ "loss" }</text>
                { for props.runs.iter().enumerate().map(|(i, run)| {
                    // At most ~400 points per line: enough for the eye, cheap to redraw.
                    let stride = (run.losses.len() / 400).max(1);
                    let d: String = run.losses.iter().enumerate().step_by(stride)
                        .chain(run.losses.last().map(|l| (run.losses.len() - 1, l)))
                        .map(|(s, &l)| format!("{}{:.1},{:.1}", if s == 0 { "M" } else { " L" }, x(s), y(l)))
                        .collect();
                    let color = CATEGORY[i % CATEGORY.len()];
                    html! {
                        <g class="run" data-run={i.to_string()}>
                            <path d={d} fill="none" stroke={color} stroke-width="3" stroke-linejoin="round" />
                            if run.exploded {
                                { boom(x(run.losses.len()), PAD_T + 10.0, color) }
                            }
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <ul class="legend-list">
                    { for (0..props.runs.len()).map(|i| html! {
                        <li><span class="swatch" style={format!("background:{}", CATEGORY[i % CATEGORY.len()])} aria-hidden="true"></span>
                            { summary[i].clone() }</li>
                    }) }
                </ul>
            </figcaption>
        </figure>
    }
}

/// An explosion marker drawn as a star (no emoji font needed), labelled for screen readers.
fn boom(cx: f32, cy: f32, color: &str) -> Html {
    let points: String = (0..16)
        .map(|i| {
            let r = if i % 2 == 0 { 11.0 } else { 5.0 };
            let a = i as f32 * std::f32::consts::PI / 8.0;
            format!("{:.1},{:.1} ", cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    html! {
        <g class="boom" role="img" aria-label="explosion">
            <polygon points={points} fill={color.to_string()} stroke="#000" stroke-width="1" />
        </g>
    }
}
