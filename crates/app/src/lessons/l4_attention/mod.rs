//! Lesson 4 « L'attention »: questions and panels by hand on « chat », the causal mask of the
//! pupil's first name, and the four real heads of a briefly trained GPT. One function per step,
//! over the lesson's state; the exercises' rules and the demo's numbers are in `rules`.

use course::rules::l4 as rules;

use super::common::{curious, paragraph, recap, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::training::{play, use_runs, LabRun};
use crate::widgets::attention::{AttentionHead, CausalMask};
use crate::widgets::word_input::WordInput;
use course::content::{l4 as text, POKEMON_SOURCE};
use course::ids;
use course::text::percent;
use minigpt::data::{shuffled, Dataset};
use minigpt::{Alphabet, Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rules::{attention_of, calculation, EXAMPLE, PANEL, PREDICTED, QUESTION, WORD};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const HEAD_STEPS: usize = 600;
/// The heads' word before the pupil types one of their own.
const HEADS_EXAMPLE: &str = "pikachu";

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "scores", title: text::S_SCORES, exercises: &[ids::L4_E1, ids::L4_E2], view: step_scores },
    Step { key: "masque", title: text::S_MASK, exercises: &[ids::L4_E3], view: step_mask },
    Step { key: "tetes", title: text::S_HEADS, exercises: &[ids::L4_E4], view: step_heads },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];

pub struct State {
    scene: UseStateHandle<bool>,
    /// Exercise 1 answered here, or before: « t »'s scores show.
    predicted: UseStateHandle<bool>,
    e1_settled: bool,
    mask_word: UseStateHandle<Option<String>>,
    /// The word of the heads' step: the pupil's own once typed (exercise 4 wants one).
    head_word: UseStateHandle<Option<String>>,
    focus: UseStateHandle<Option<usize>>,
    chosen_head: UseStateHandle<usize>,
    heads_run: Rc<RefCell<Option<LabRun<Gpt>>>>,
    on_frame: Rc<dyn Fn()>,
}

/// The GPT trained briefly on arrival at step 4, for its heads (the speed test times it too).
pub fn heads_run() -> LabRun<Gpt> {
    let names = shuffled(&Dataset::Pokemon.names(), 4);
    let gpt =
        Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(4)).expect("default config");
    let config = TrainConfig {
        steps: HEAD_STEPS,
        ..TrainConfig::default()
    };
    let trainer = Trainer::new(gpt, &names, config).expect("names");
    LabRun::new(String::new(), trainer, HEAD_STEPS)
}

impl State {
    /// The briefly trained GPT of step 4 (trained once, on arrival), or what it is doing.
    fn heads_model(&self) -> Result<Gpt, Html> {
        if self.heads_run.borrow().is_none() {
            let run = heads_run();
            play(&run.anim, self.on_frame.clone());
            *self.heads_run.borrow_mut() = Some(run);
        }
        let run = self.heads_run.borrow();
        let run = run.as_ref().expect("just created");
        if run.status() != Status::Finished {
            let step = run.anim.borrow().trainer.step();
            return Err(
                html! { <div class="card"><p role="status">{ text::heads_training(step, HEAD_STEPS) }</p></div> },
            );
        }
        let model = run.anim.borrow().trainer.model().clone();
        Ok(model)
    }
}

#[function_component]
pub fn Lesson4(props: &StepProps) -> Html {
    let progress = use_progress();
    let (heads_run, on_frame) = use_runs::<Option<LabRun<Gpt>>>();
    let s = State {
        scene: use_state(|| false),
        predicted: use_state(|| false),
        e1_settled: progress.is_settled(ids::L4_E1),
        mask_word: use_state(|| None::<String>),
        head_word: use_state(|| None::<String>),
        focus: use_state(|| None::<usize>),
        chosen_head: use_state(|| 0usize),
        heads_run,
        on_frame,
    };
    (pick(STEPS, props.step).view)(&s)
}

fn vector(v: &[i32; 4]) -> String {
    text::vector(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>())
}

/// The table of one letter's attention over the letters before it (and itself).
fn attention_table(asker: usize, show_results: bool) -> Html {
    let (scores, shares) = attention_of(asker);
    html! {
        <div class="scroll-x"><table class="qkv" data-asker={WORD[asker].to_string()}>
            <thead><tr><th>{ text::COL_LETTER }</th><th>{ text::COL_PANEL }</th>
                if show_results { <th>{ text::COL_SCORE }</th><th>{ text::COL_ATTENTION }</th> }</tr></thead>
            <tbody>
            { for (0..=asker).map(|j| html! {
                <tr data-letter={WORD[j].to_string()}>
                    <td>{ WORD[j].to_string() }</td><td>{ vector(&PANEL[j]) }</td>
                    if show_results {
                        <td>{ scores[j].to_string() }</td>
                        <td><span class="att-bar" style={format!("width:{}px", (shares[j] * 120.0).round())}></span>{ format!(" {}", percent(shares[j])) }</td>
                    }
                </tr>
            }) }
            </tbody>
        </table></div>
    }
}

fn step_welcome(s: &State) -> Html {
    let show = {
        let sc = s.scene.clone();
        move |_| sc.set(true)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::CLASSROOM) }
                <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ icon(Icon::Hand) }{ text::CLASSROOM_BUTTON }</button>
                if *s.scene {
                    <div class="phone" role="status">
                        <p class="classroom" aria-hidden="true">{ "[.] [c] [h] [a] [t]" }{ icon(Icon::Hand) }</p>
                        <p>{ text::SCENE }</p>
                    </div>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_scores(s: &State) -> Html {
    let revealed = *s.predicted || s.e1_settled;
    let reveal = {
        let p = s.predicted.clone();
        Callback::from(move |_| p.set(true))
    };
    let hand_question = vector(&QUESTION[rules::HAND_ASKER]);
    html! {
        <>
            <div class="card">
                { paragraph(text::CHAT) }
                <p><strong>{ text::EXAMPLE }</strong>{ " " }{ text::asks(WORD[EXAMPLE], &vector(&QUESTION[EXAMPLE])) }</p>
                { attention_table(EXAMPLE, true) }
                <p>{ text::worked(&calculation(&QUESTION[EXAMPLE], &PANEL[1])) }</p>
                { curious(text::CHAT_CURIOUS) }
            </div>
            <div class="card">
                <p>{ text::asks(WORD[PREDICTED], &vector(&QUESTION[PREDICTED])) }</p>
                { attention_table(PREDICTED, revealed) }
            </div>
            <Exercise id={ids::L4_E1} on_answered={reveal} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Predict { check: Callback::from(|a: String| rules::predict_listener(&a)) }} />
            <Exercise id={ids::L4_E2} prompt={html! { <p>{ text::e2_prompt(&hand_question, &vector(&rules::HAND_PANEL)) }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { check: Callback::from(|a: String| rules::hand_score(&a)) }} />
        </>
    }
}

fn step_mask(s: &State) -> Html {
    let word = (*s.mask_word).clone().unwrap_or_else(|| "chat".into());
    let letters: Vec<char> = std::iter::once('.').chain(word.chars()).collect();
    let typed = s.mask_word.as_ref().map(|w| w.chars().count());
    let on_word = {
        let m = s.mask_word.clone();
        Callback::from(move |w| m.set(Some(w)))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::MASK) }
                <WordInput label={text::MASK_INPUT} max_len={12} on_word={on_word} testid="mask-word" />
                <CausalMask letters={letters} />
            </div>
            <Exercise id={ids::L4_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::allowed_cells(typed, &a)) }} />
        </>
    }
}

fn step_heads(s: &State) -> Html {
    let model = match s.heads_model() {
        Ok(m) => m,
        Err(waiting) => return waiting,
    };
    let own = s.head_word.is_some();
    let word = (*s.head_word)
        .clone()
        .unwrap_or_else(|| HEADS_EXAMPLE.to_string());
    let ids = Alphabet::Letters.encode_name(&word);
    let tokens = &ids[..ids.len() - 1];
    let trace = model.trace(tokens);
    let letters: Vec<char> = tokens.iter().map(|&t| course::text::letter(t)).collect();
    let on_word = {
        let w = s.head_word.clone();
        Callback::from(move |word| w.set(Some(word)))
    };
    let on_focus = {
        let f = s.focus.clone();
        Callback::from(move |v| f.set(v))
    };
    let h = *s.chosen_head;
    let last_row = trace.attention[0][h][letters.len() - 1].clone();
    let check = {
        let letters = letters.clone();
        Callback::from(move |a: String| rules::far_look(&letters, own, h, &last_row, &a))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::HEADS) }
                <WordInput label={text::HEAD_WORD} max_len={15} on_word={on_word} placeholder={text::HEADS_WORD_PLACEHOLDER} testid="head-word" />
                <p>{ text::studied(&word) }</p>
                <p class="reading">{ text::HEADS_READ }</p>
                <div class="heads">
                    { for (0..4).map(|hh| html! {
                        <AttentionHead letters={letters.clone()} weights={trace.attention[0][hh].clone()} head={hh} focus={*s.focus} on_focus={on_focus.clone()} />
                    }) }
                </div>
            </div>
            <Exercise id={ids::L4_E4} prompt={html! {
                <>
                    <p>{ text::E4_PROMPT }</p>
                    <p>{ text::studied(&word) }</p>
                    <div class="letter-picker" role="radiogroup" aria-label={text::CHOOSE_HEAD}>
                        { for (0..4).map(|hh| { let c = s.chosen_head.clone(); html! {
                            <button type="button" role="radio" aria-checked={(hh == h).to_string()} class={classes!("key", "wide", (hh == h).then_some("on"))} data-head-choice={hh.to_string()} onclick={move |_| c.set(hh)}>{ text::head_choice(hh + 1) }</button>
                        } }) }
                    </div>
                </>
            }} hint={text::E4_HINT} kind={Kind::Answer { check }} />
        </>
    }
}

fn step_recap(_: &State) -> Html {
    recap(
        &text::META,
        text::REFLECTION,
        text::QUESTION,
        text::LEARNED,
        text::LIMIT,
        5,
        &[POKEMON_SOURCE],
    )
}
