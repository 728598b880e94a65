//! The plan's blocks, for « .pik » through the untrained model (step 2): what each block
//! computes for the last letter « k », as strips of coloured cells with their numbers in a
//! closed box.

use crate::widgets::embedding::diverging;
use crate::widgets::prob_bars::ranked;
use course::content::l5 as text;
use course::text::{fr, letter, percent};
use minigpt::Trace;
use yew::prelude::*;

/// A vector as a strip of coloured cells; its numbers wait in a closed box.
pub fn strip(values: &[f32]) -> Html {
    let scale = values.iter().fold(1e-6f32, |m, x| m.max(x.abs()));
    html! {
        <>
            <div class="strip" aria-hidden="true">{ for values.iter().map(|&x| html! { <span style={format!("background:{}", diverging(x, scale))} title={fr(x, 2)}></span> }) }</div>
            <details class="curious numbers-box"><summary>{ text::NUMBERS_CURIOUS }</summary>
                <p class="numbers">{ values.iter().map(|x| fr(*x, 2)).collect::<Vec<_>>().join(" · ") }</p>
            </details>
        </>
    }
}

pub fn lit_neurons(trace: &Trace) -> usize {
    let last = trace.tokens.len() - 1;
    trace.mlp_hidden[0][last]
        .iter()
        .filter(|&&x| x > 0.0)
        .count()
}

/// The two cards of « k » added number by number (the model then brings the sum to its usual
/// size: `embedding_sum` is that rescaled card).
fn cards_detail(t: &Trace, last: usize) -> Html {
    let (token, place) = (&t.token_embedding[last], &t.position_embedding[last]);
    let sum: Vec<f32> = token.iter().zip(place).map(|(a, b)| a + b).collect();
    let rescaled = &t.embedding_sum[last];
    let size = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    let factor = size(rescaled) / size(&sum).max(1e-6);
    html! { <>
        <p>{ text::CARD_OF_K }</p>{ strip(token) }
        <p>{ text::CARD_OF_PLACE }</p>{ strip(place) }
        <p>{ text::CARD_SUM }</p>{ strip(&sum) }
        <p data-testid="rescaled">{ text::card_rescaled(factor) }</p>{ strip(rescaled) }
    </> }
}

/// What the clicked block computes for « .pik » (its last letter « k »).
pub fn block_detail(t: &Trace, b: usize) -> Html {
    let last = t.tokens.len() - 1;
    match b {
        0 => {
            html! { <p>{ text::tokens_line(&t.tokens.iter().map(|&i| (letter(i), i)).collect::<Vec<_>>()) }</p> }
        }
        1 => cards_detail(t, last),
        2 => html! { <>{ for t.attention[0].iter().enumerate().map(|(h, rows)| html! {
            <p>{ text::head_looks(h + 1, &(0..=last).map(|j| text::letter_share(letter(t.tokens[j]), &percent(rows[last][j]))).collect::<Vec<_>>().join(", ")) }</p>
        }) }</> },
        3 => html! { <><p>{ text::AFTER_ATTENTION }</p>{ strip(&t.after_attention[0][last]) }</> },
        4 => {
            html! { <><p data-testid="neurons">{ text::neurons_on(lit_neurons(t), t.mlp_hidden[0][last].len()) }</p>{ strip(&t.mlp_hidden[0][last]) }</> }
        }
        5 => html! { <><p>{ text::AFTER_MLP }</p>{ strip(&t.after_mlp[0][last]) }</> },
        6 => html! { <><p>{ text::SCORES }</p>{ strip(&t.logits[last]) }</> },
        _ => {
            let p = &t.probs[last];
            html! { <p>{ text::top_probs(&ranked(p).iter().take(5).map(|&i| text::letter_share(letter(i), &percent(p[i]))).collect::<Vec<_>>().join(", ")) }</p> }
        }
    }
}
