//! Loss curves, live: one line per training run, overlaid in different colours with a legend.
//! The vertical scale grows to fit the runs (up to a limit); a run that explodes past it is cut
//! at the chart's edge and marked with a star, so the picture never spills out of its frame.

use super::colors::CATEGORY;
use course::content::widgets as text;
use course::text::{fr, int};
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
    /// Show each run's last training loss in the legend.
    #[prop_or(true)]
    pub show_last: bool,
}

const W: f32 = 560.0;
const H: f32 = 300.0;
const PAD_L: f32 = 46.0;
const PAD_R: f32 = 16.0;
const PAD_B: f32 = 44.0;
const PAD_T: f32 = 28.0;
/// The scale never goes past this loss (an exploding run is cut there).
const Y_LIMIT: f32 = 10.0;

/// The top of the vertical scale: the largest loss drawn, rounded up, between 4 and 10.
pub fn y_top(runs: &[Run]) -> f32 {
    let highest = runs
        .iter()
        .flat_map(|r| r.losses.iter())
        .filter(|l| l.is_finite())
        .fold(0.0f32, |m, &l| m.max(l));
    (highest * 1.05).ceil().clamp(4.0, Y_LIMIT)
}

#[function_component]
pub fn LossCurve(props: &Props) -> Html {
    let steps = props.steps.max(1) as f32;
    let y_max = y_top(&props.runs);
    let x = |i: usize| PAD_L + (i as f32 / steps).min(1.0) * (W - PAD_L - PAD_R);
    let y = |l: f32| {
        let l = if l.is_finite() {
            l.clamp(0.0, y_max)
        } else {
            y_max
        };
        H - PAD_B - l / y_max * (H - PAD_B - PAD_T)
    };
    let tick_every = if y_max > 6.0 { 2 } else { 1 };
    let y_ticks: Vec<f32> = (0..=y_max as usize)
        .step_by(tick_every)
        .map(|v| v as f32)
        .collect();
    let summary: Vec<String> = props
        .runs
        .iter()
        .map(|r| {
            let state = if r.exploded {
                text::CURVE_EXPLODED.to_string()
            } else if !props.show_last {
                String::new()
            } else if let Some(l) = r.losses.last() {
                text::curve_last(&fr(*l, 2))
            } else {
                text::CURVE_NOT_STARTED.to_string()
            };
            format!("{}{state}", r.label)
        })
        .collect();
    let clip_id = use_memo((), |_| format!("plot-{}", js_sys::Math::random().to_bits()));
    html! {
        <figure class="widget loss-curve" data-widget="loss-curve" data-y-max={y_max.to_string()}>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={text::curve_label(&summary.join(". "))}>
                <title>{ text::CURVE_TITLE }</title>
                <defs>
                    <clipPath id={(*clip_id).clone()}>
                        <rect x={PAD_L.to_string()} y={(PAD_T - 2.0).to_string()} width={(W - PAD_L - PAD_R).to_string()} height={(H - PAD_B - PAD_T + 4.0).to_string()} />
                    </clipPath>
                </defs>
                { for y_ticks.iter().map(|&v| html! {
                    <g class="grid">
                        <line x1={PAD_L.to_string()} x2={(W - PAD_R).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} />
                        <text class="tick" x={(PAD_L - 8.0).to_string()} y={y(v).to_string()} text-anchor="end" dominant-baseline="central">{ fr(v, 0) }</text>
                    </g>
                }) }
                <text class="tick" x={x(0).to_string()} y={(H - PAD_B + 20.0).to_string()} text-anchor="middle">{ "0" }</text>
                <text class="tick" x={x(props.steps).to_string()} y={(H - PAD_B + 20.0).to_string()} text-anchor="end">{ int(props.steps as u64) }</text>
                <text class="axis-title" x={((W + PAD_L) / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ text::CURVE_X }</text>
                <text class="axis-title" x="6" y={(PAD_T - 10.0).to_string()}>{ "loss" }</text>
                <g clip-path={format!("url(#{})", *clip_id)}>
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
                            </g>
                        }
                    }) }
                </g>
                { for props.runs.iter().enumerate().filter(|(_, r)| r.exploded).map(|(i, run)| {
                    boom(x(run.losses.len()).min(W - PAD_R - 12.0), PAD_T + 10.0, CATEGORY[i % CATEGORY.len()])
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
