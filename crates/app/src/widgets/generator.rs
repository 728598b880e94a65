//! Invents names letter by letter from a table of next-letter probabilities, showing each draw:
//! the letter picked and the chance it had.

use course::content::widgets as text;
use course::text::percent;
use minigpt::sample::draw_name;
use minigpt::Alphabet;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::rc::Rc;
use yew::prelude::*;

/// One invented name: each drawn letter with its probability (the last one is `.`).
#[derive(Clone, PartialEq)]
pub struct Invented {
    pub draws: Vec<(char, f32)>,
}

impl Invented {
    pub fn name(&self) -> String {
        self.draws
            .iter()
            .map(|d| d.0)
            .filter(|&c| c != '.')
            .collect()
    }
}

/// Draws one name from `table[prev][next]` probabilities (at most 20 letters).
pub fn invent(table: &[Vec<f32>], rng: &mut ChaCha8Rng) -> Invented {
    Invented {
        draws: draw_name(Alphabet::Letters, table, rng, 20),
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub table: Rc<Vec<Vec<f32>>>,
    /// Invented names so far (kept by the lesson, so an exercise can check them).
    pub invented: Vec<Invented>,
    pub on_invent: Callback<Vec<Invented>>,
    /// Clicking an invented name (e.g. "this one is a real Pokémon!").
    #[prop_or_default]
    pub on_pick: Option<Callback<String>>,
    #[prop_or("Invente 10 noms")]
    pub button: &'static str,
}

#[function_component]
pub fn Generator(props: &Props) -> Html {
    // Seeded from the clock so each click invents new names, yet a session is replayable.
    let rng = use_mut_ref(|| ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64));
    let invent_10 = {
        let (rng, table, invented, cb) = (
            rng.clone(),
            props.table.clone(),
            props.invented.clone(),
            props.on_invent.clone(),
        );
        Callback::from(move |_| {
            let mut all = invented.clone();
            let mut rng = rng.borrow_mut();
            all.extend((0..10).map(|_| invent(&table, &mut rng)));
            cb.emit(all);
        })
    };
    let last = props.invented.last();
    html! {
        <div class="widget generator" data-widget="generator">
            <button type="button" class="btn primary" onclick={invent_10} data-testid="invent">{ props.button }</button>
            <span class="count">{ text::invented_count(props.invented.len()) }</span>
            if let Some(last) = last {
                <p class="draws-title">{ text::last_name_drawn(&last.name()) }</p>
                <div class="draws">
                    <span class="draw start">{ "." }</span>
                    { for last.draws.iter().enumerate().map(|(i, (c, p))| html! {
                        <span class="draw" style={format!("animation-delay:{}ms", i * 120)}>
                            <span class="draw-letter">{ c.to_string() }</span>
                            <span class="draw-p">{ percent(*p) }</span>
                        </span>
                    }) }
                </div>
            }
            <ul class="chips invented">
                { for props.invented.iter().rev().map(|inv| {
                    let name = inv.name();
                    let pick = props.on_pick.clone().map(|cb| { let n = name.clone(); Callback::from(move |_| cb.emit(n.clone())) });
                    html! {
                        <li class="chip">
                            if let Some(pick) = pick {
                                <button type="button" class="chip-btn" onclick={pick}>{ course::content::common::shown_name(&name) }</button>
                            } else {
                                { course::content::common::shown_name(&name) }
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
