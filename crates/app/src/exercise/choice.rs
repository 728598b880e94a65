//! A multiple choice (or a bet): the options in an order of the pupil's own, so « always the
//! second » is no strategy; the first real choice counts.

use crate::progress::use_progress;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use yew::prelude::*;

/// The order to show `n` options of exercise `id` in, for this pupil (`seed`): the same every
/// time for one pupil, different from one pupil to the next.
pub fn display_order(id: &str, seed: &str, n: usize) -> Vec<usize> {
    // FNV-1a: a stable hash of the pupil and the exercise (std's hasher may change).
    let hash = format!("{seed}\u{0}{id}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(hash));
    order
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: &'static str,
    pub options: Vec<String>,
    pub locked: bool,
    /// The option already picked (a bet waiting for its result).
    #[prop_or_default]
    pub picked: Option<usize>,
    /// Called with the option's own index (not its place on screen); says whether the pick
    /// counted (a choice made before the picture is there does not).
    pub on_pick: Callback<usize, bool>,
}

#[function_component]
pub fn Choices(props: &Props) -> Html {
    let progress = use_progress();
    let chosen = use_state(|| None::<usize>);
    {
        let chosen = chosen.clone();
        use_effect_with(props.id, move |_| chosen.set(None));
    }
    let picked = props.picked.or(*chosen);
    let order = display_order(props.id, &progress.choice_seed(), props.options.len());
    html! {
        <div class="choices" role="group" aria-label={course::content::common::CHOOSE_ONCE}>
            { for order.into_iter().map(|i| {
                let (pick, chosen) = (props.on_pick.clone(), chosen.clone());
                let on = picked == Some(i);
                html! {
                    <button type="button" class={classes!("btn", "choice", on.then_some("picked"))} aria-pressed={on.to_string()}
                        disabled={props.locked} data-choice={i.to_string()}
                        onclick={Callback::from(move |_| if pick.emit(i) { chosen.set(Some(i)) })}>{ props.options[i].clone() }</button>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pupil_has_an_order_of_their_own() {
        let a = display_order("l2.e5", "Léa", 3);
        assert_eq!(
            a,
            display_order("l2.e5", "Léa", 3),
            "the same pupil sees the same order"
        );
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, [0, 1, 2]);
        // Across 30 pupils, the first option lands in every place.
        let places: std::collections::BTreeSet<usize> = (0..30)
            .map(|p| {
                display_order("l2.e5", &format!("élève {p}"), 3)
                    .iter()
                    .position(|&i| i == 0)
                    .unwrap()
            })
            .collect();
        assert_eq!(places.len(), 3);
    }
}
