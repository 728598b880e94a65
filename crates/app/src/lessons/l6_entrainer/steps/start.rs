//! Steps 3 and 4: the loss before training, predicted (exercise 1), and the dominos of
//! back-propagation put in order, every wrong domino a try (exercise 2).

use super::super::super::common::{paragraph, wrong_try};
use super::super::Ctx;
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use course::content::l6 as text;
use course::ids;
use course::lessons::l6::Action;
use course::rules::l6::{self as rules, Placement};
use course::text::fr;
use yew::prelude::*;

pub fn step_start_loss(c: &Ctx) -> Html {
    let measured = *c.start_loss;
    let reveal = {
        let page = c.page.dispatcher();
        Callback::from(move |_| page.dispatch(Action::Predicted))
    };
    html! {
        <>
            <div class="card">{ paragraph(text::START_LOSS) }</div>
            <Exercise id={ids::L6_E1} on_answered={reveal} prompt={html! { <p>{ text::e1_prompt(&c.s().choice.label()) }</p> }} hint={text::E1_HINT}
                kind={Kind::Predict { check: Callback::from(move |a: String| rules::start_loss(measured, &a)) }} />
            if c.s().predicted || c.progress.is_settled(ids::L6_E1) {
                <p class="big-number card" role="status">{ text::MEASURED }<strong data-testid="initial-loss">{ fr(measured, 2) }</strong></p>
            }
        </>
    }
}

pub fn step_dominos(c: &Ctx) -> Html {
    let dominos = &c.s().dominos;
    let click = |stage: usize| {
        let (page, progress) = (c.page.dispatcher(), c.progress.clone());
        let wrong = dominos.placement(stage) == Placement::Wrong;
        Callback::from(move |_| {
            if wrong {
                wrong_try(&progress, ids::L6_E2);
            }
            page.dispatch(Action::PlaceDomino(stage));
        })
    };
    let fall = {
        let page = c.page.dispatcher();
        move |_| page.dispatch(Action::ToggleDominos)
    };
    let order = &dominos.order;
    html! {
        <>
            <div class="card">{ paragraph(text::DOMINOS) }<p data-testid="plan">{ text::PLAN }</p></div>
            <Exercise id={ids::L6_E2} prompt={html! {
                <>
                    <p>{ text::E2_PROMPT }</p>
                    <div class="domino-order" role="group" aria-label={text::DOMINOS_SHUFFLED}>
                        { for text::DOMINO_SHOWN.iter().map(|&i| {
                            let placed = order.iter().position(|&x| x == i);
                            html! { <button type="button" class={classes!("btn", "domino-choice", placed.is_some().then_some("placed"))} data-stage={i.to_string()}
                                disabled={placed.is_some() || dominos.complete()} onclick={click(i)}>
                                if let Some(p) = placed { <span class="domino-rank">{ format!("{}", p + 1) }</span> }
                                { text::DOMINO_STAGES[i] }
                            </button> }
                        }) }
                    </div>
                </>
            }} hint={text::E2_HINT} kind={Kind::Task { verdict: rules::dominos(dominos) }} />
            if dominos.complete() || c.progress.is_settled(ids::L6_E2) {
                <div class="card dominos-card">
                    <button type="button" class="btn primary" onclick={fall} disabled={!dominos.complete()} data-testid="dominos">{ icon(Icon::Domino) }{ if c.s().fallen { text::DOMINO_RESET } else { text::DOMINO_BUTTON } }</button>
                    <div class={classes!("dominos", c.s().fallen.then_some("fallen"))} role="img" aria-label={text::DOMINOS_PICTURE}>
                        { for text::DOMINO_STAGES.iter().enumerate().map(|(i, st)| html! {
                            <div class="domino" style={format!("transition-delay:{}ms", i * 150)}>{ *st }</div>
                        }) }
                    </div>
                    if c.s().fallen { <p role="status">{ text::DOMINO_FALLEN }</p> }
                </div>
            }
        </>
    }
}
