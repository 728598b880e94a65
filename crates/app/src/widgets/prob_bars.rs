//! The probabilities of the next letter as sorted horizontal bars with percentages. Letters the
//! model never picks (0 %) are left out rather than drawn as empty bars.

use super::colors::CATEGORY;
use course::content::widgets as text;
use course::text::{percent, quoted};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub probs: Vec<f32>,
    /// The alphabet's characters, in token order.
    pub labels: Vec<char>,
    pub title: AttrValue,
    /// How many bars at most (the most likely letters first).
    #[prop_or(10)]
    pub top: usize,
    /// A letter to mark (e.g. the pupil's prediction).
    #[prop_or_default]
    pub highlight: Option<usize>,
}

const ROW: f32 = 28.0;
const LABEL: f32 = 40.0;
const WIDTH: f32 = 420.0;

/// The token ids sorted from most to least likely (ties: alphabetical).
pub fn ranked(probs: &[f32]) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..probs.len()).collect();
    ids.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    ids
}

#[function_component]
pub fn ProbBars(props: &Props) -> Html {
    let ids: Vec<usize> = ranked(&props.probs)
        .into_iter()
        .filter(|&i| props.probs[i] > 0.0005)
        .take(props.top)
        .collect();
    let label = |i: usize| props.labels.get(i).copied().unwrap_or('?');
    let max = ids.first().map_or(1.0, |&i| props.probs[i]).max(1e-9);
    let height = ROW * ids.len().max(1) as f32 + 6.0;
    let summary: Vec<String> = ids
        .iter()
        .map(|&i| text::letter_value(&label(i).to_string(), &percent(props.probs[i])))
        .collect();
    html! {
        <figure class="widget prob-bars" data-widget="prob-bars">
            <figcaption>{ props.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={format!("{}. {}", props.title, summary.join(", "))}>
                <title>{ props.title.clone() }</title>
                { for ids.iter().enumerate().map(|(rank, &id)| {
                    let p = props.probs[id];
                    let y = 3.0 + rank as f32 * ROW;
                    let w = ((WIDTH - LABEL - 80.0) * p / max).max(1.0);
                    let mark = props.highlight == Some(id);
                    html! {
                        <g class={classes!("bar", mark.then_some("marked"))} data-letter={label(id).to_string()}>
                            <title>{ text::letter_value(&quoted(label(id)), &percent(p)) }</title>
                            <text x={(LABEL / 2.0).to_string()} y={(y + ROW / 2.0).to_string()} text-anchor="middle" dominant-baseline="central" class="bar-letter">
                                { label(id).to_string() }
                            </text>
                            <rect x={LABEL.to_string()} y={(y + 3.0).to_string()} height={(ROW - 6.0).to_string()}
                                width={w.to_string()} style={format!("width:{w}px")} rx="4"
                                fill={if mark { CATEGORY[1] } else { CATEGORY[0] }} />
                            <text x={(LABEL + w + 6.0).to_string()} y={(y + ROW / 2.0).to_string()} dominant-baseline="central" class="bar-value">
                                { percent(p) }{ if mark { " ← toi" } else { "" } }
                            </text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
