//! Step 6: the trained model invents names after a beginning, at a temperature; each name is
//! marked « copié », « nouveau » or « bizarre » against its data, and exercise 4 counts the
//! « bizarre » marks the pupil sees in a cold and a hot list.

use super::super::super::common::{invent_names, marked_name, marks_rule, paragraph};
use super::super::Ctx;
use super::train::{live_panel, train_now};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::widgets::controls::temperature_input;
use crate::widgets::word_input::WordInput;
use course::content::l6 as text;
use course::ids;
use course::lessons::l6::{Action, Drawn};
use course::rules::l6 as rules;
use yew::prelude::*;

pub fn step_generate(c: &Ctx) -> Html {
    let model = c.latest(false);
    let s = c.s();
    let lists = s
        .cold_and_hot()
        .map(|(cold, hot)| (c.marker.counts(&cold.names), c.marker.counts(&hot.names)));
    let prefix = s.prefix.clone();
    let check = Callback::from(move |i| rules::odder_list(i, &prefix, lists));
    let body = match model {
        Some(model) => {
            let draw = {
                let (page, prefix, temperature) =
                    (c.page.dispatcher(), s.prefix.clone(), s.temperature);
                Callback::from(move |_| {
                    let names =
                        invent_names(&model, &prefix, temperature, 10, js_sys::Date::now() as u64);
                    page.dispatch(Action::Drawn(Drawn {
                        prefix: prefix.clone(),
                        temperature,
                        names,
                    }));
                })
            };
            html! { <>
                <WordInput label={text::PREFIX_LABEL} max_len={10} on_word={c.send(Action::Prefix)} placeholder={text::PREFIX_PLACEHOLDER} testid="gen-prefix" strict={true} />
                <p>{ text::prefix_chosen(&s.prefix) }</p>
                { temperature_input(s.temperature, c.send(Action::Temperature), "gen-temp") }
                <button type="button" class="btn primary" onclick={draw} data-testid="generate">{ text::INVENT }</button>
                { for s.drawn.iter().map(|d| html! { <div class="generated-list"><h4>{ text::list_title(&d.prefix, d.temperature) }</h4>
                    <ul class="chips marked" data-testid="generated">{ for d.names.iter().map(|n| marked_name(n, c.marker.mark(n))) }</ul></div> }) }
                if !s.drawn.is_empty() { { marks_rule() } }
            </> }
        }
        None => html! { <>
            <p>{ text::TRAIN_FIRST }</p>
            <button type="button" class="btn primary" onclick={train_now(c)} disabled={c.busy()} data-testid="train-generate">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
            { live_panel(c) }
        </> },
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::GENERATE) }
                { body }
            </div>
            <Exercise id={ids::L6_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                kind={Kind::Choice { options: text::E4_CHOICES.iter().map(|s| s.to_string()).collect(), check }} />
        </>
    }
}
