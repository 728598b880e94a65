//! Lesson 4 « L'attention »: questions and panels by hand on « chat », the causal mask of the
//! pupil's first name, and the four real heads of a briefly trained GPT.

use super::common::{curious, paragraph, recap, welcome};
use super::StepProps;
use crate::content::{common as shared, l4 as text, POKEMON_SOURCE};
use crate::exercise::{Exercise, Kind, Verdict};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::text::{normalize, parse_number, percent};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::attention::{AttentionHead, CausalMask};
use crate::widgets::word_input::WordInput;
use minigpt::data::{shuffled, Dataset};
use minigpt::{Alphabet, Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use yew::prelude::*;

/// The word of the hand-made demo.
pub const WORD: [char; 5] = ['.', 'c', 'h', 'a', 't'];
/// Each letter's question and panel (chosen for the example: small whole numbers).
pub const QUESTION: [[i32; 4]; 5] = [
    [1, 0, 0, 0],
    [0, 1, 1, 0],
    [1, 2, 0, 0],
    [0, 1, 2, 1],
    [2, 0, 1, 2],
];
pub const PANEL: [[i32; 4]; 5] = [
    [1, 0, 0, 0],
    [0, 1, 0, 1],
    [1, 1, 0, 0],
    [0, 0, 1, 1],
    [0, 1, 1, 0],
];
/// The letter of the worked example, and of the prediction.
const EXAMPLE: usize = 2;
const PREDICTED: usize = 4;
const HEAD_STEPS: usize = 600;

pub fn score(asker: usize, j: usize) -> i32 {
    QUESTION[asker]
        .iter()
        .zip(&PANEL[j])
        .map(|(q, k)| q * k)
        .sum()
}

/// Scores and attention shares (softmax) of letter `asker` over the letters up to itself.
pub fn attention_of(asker: usize) -> (Vec<i32>, Vec<f32>) {
    let scores: Vec<i32> = (0..=asker).map(|j| score(asker, j)).collect();
    let max = *scores.iter().max().unwrap_or(&0) as f32;
    let exp: Vec<f32> = scores.iter().map(|&s| (s as f32 - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    (scores, exp.iter().map(|e| e / total).collect())
}

fn vector(v: &[i32; 4]) -> String {
    format!(
        "[{}]",
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join("\u{a0}; ")
    )
}

fn argmax(row: &[f32]) -> usize {
    (0..row.len()).fold(0, |b, i| if row[i] > row[b] { i } else { b })
}

/// "0 × 0 + 1 × 1 + 2 × 0 + 1 × 1 = 2"
fn calculation(asker: usize, j: usize) -> String {
    let parts: Vec<String> = QUESTION[asker]
        .iter()
        .zip(&PANEL[j])
        .map(|(q, k)| format!("{q} × {k}"))
        .collect();
    format!("{} = {}", parts.join(" + "), score(asker, j))
}

/// The table of one letter's attention over the letters before it (and itself).
fn attention_table(asker: usize, show_results: bool) -> Html {
    let (scores, shares) = attention_of(asker);
    html! {
        <div class="scroll-x"><table class="qkv" data-asker={WORD[asker].to_string()}>
            <tr><th>{ text::COL_LETTER }</th><th>{ text::COL_PANEL }</th>
                if show_results { <th>{ text::COL_SCORE }</th><th>{ text::COL_ATTENTION }</th> }</tr>
            { for (0..=asker).map(|j| html! {
                <tr data-letter={WORD[j].to_string()}>
                    <td>{ WORD[j].to_string() }</td><td>{ vector(&PANEL[j]) }</td>
                    if show_results {
                        <td>{ scores[j].to_string() }</td>
                        <td><span class="att-bar" style={format!("width:{}px", (shares[j] * 120.0).round())}></span>{ format!(" {}", percent(shares[j])) }</td>
                    }
                </tr>
            }) }
        </table></div>
    }
}

#[function_component]
pub fn Lesson4(props: &StepProps) -> Html {
    let progress = use_progress();
    let scene = use_state(|| false);
    let predicted = use_state(|| false);
    let mask_word = use_state(|| None::<String>);
    let head_word = use_state(|| "pikachu".to_string());
    let focus = use_state(|| None::<usize>);
    let chosen_head = use_state(|| 0usize);
    let (heads_run, on_frame) = use_runs::<Option<LabRun<Gpt>>>();
    match props.step {
        0 => {
            let show = {
                let s = scene.clone();
                move |_| s.set(true)
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::CLASSROOM) }
                        <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ icon(Icon::Hand) }{ text::CLASSROOM_BUTTON }</button>
                        if *scene {
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
        1 => {
            let revealed = *predicted || progress.is_done("l4.e1");
            let (_, shares_t) = attention_of(PREDICTED);
            let winner = argmax(&shares_t);
            let reveal = {
                let p = predicted.clone();
                Callback::from(move |_| p.set(true))
            };
            let (asker, other) = (3, 1);
            html! {
                <>
                    <div class="card">
                        { paragraph(text::CHAT) }
                        <p><strong>{ text::EXAMPLE }</strong>{ " " }{ text::asks(WORD[EXAMPLE], &vector(&QUESTION[EXAMPLE])) }</p>
                        { attention_table(EXAMPLE, true) }
                        <p>{ text::worked(&calculation(EXAMPLE, 1)) }</p>
                        { curious(text::CHAT_CURIOUS) }
                    </div>
                    <div class="card">
                        <p>{ text::asks(WORD[PREDICTED], &vector(&QUESTION[PREDICTED])) }</p>
                        { attention_table(PREDICTED, revealed) }
                    </div>
                    <Exercise id="l4.e1" number={1} on_answered={reveal} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                        kind={Kind::Predict { placeholder: "une lettre", check: Callback::from(move |a: String| {
                            let typed = if a.trim() == "." || normalize(&a) == "point" { Some(0) } else {
                                let a = normalize(&a);
                                WORD.iter().position(|c| c.to_string() == a)
                            };
                            match typed {
                                Some(j) if j == winner => Verdict::Right(text::e1_right(WORD[j], shares_t[j])),
                                Some(j) => Verdict::Wrong(text::e1_wrong(WORD[j], WORD[winner], shares_t[winner])),
                                None => Verdict::NotYet(text::E1_NOT_LETTER.into()),
                            }
                        }) }} />
                    <Exercise id="l4.e2" number={2} prompt={html! { <p>{ text::e2_prompt(&vector(&QUESTION[asker]), &vector(&PANEL[other])) }</p> }} hint={text::E2_HINT}
                        kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| match parse_number(&a) {
                            Some(x) if x == score(asker, other) as f32 => Ok(text::e2_right(&calculation(asker, other))),
                            Some(_) => Err(text::E2_WRONG.into()),
                            None => Err(shared::WRITE_A_NUMBER.into()),
                        }) }} />
                </>
            }
        }
        2 => {
            let word = (*mask_word).clone().unwrap_or_else(|| "chat".into());
            let letters: Vec<char> = std::iter::once('.').chain(word.chars()).collect();
            let typed = mask_word.is_some();
            let on_word = {
                let m = mask_word.clone();
                Callback::from(move |w| m.set(Some(w)))
            };
            let n = letters.len();
            html! {
                <>
                    <div class="card">
                        { paragraph(text::MASK) }
                        <WordInput label={text::MASK_INPUT} max_len={12} on_word={on_word} testid="mask-word" />
                        <CausalMask letters={letters} />
                    </div>
                    <Exercise id="l4.e3" number={3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                        kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| {
                            if !typed { return Err(text::E3_TYPE_FIRST.into()) }
                            match parse_number(&a) {
                                Some(x) if x == n as f32 => Ok(text::e3_right(n)),
                                Some(_) => Err(text::E3_WRONG.into()),
                                None => Err(shared::WRITE_A_NUMBER.into()),
                            }
                        }) }} />
                </>
            }
        }
        3 => {
            if heads_run.borrow().is_none() {
                let names = shuffled(&Dataset::Pokemon.names(), 4);
                let gpt = Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(4))
                    .expect("default config");
                let trainer = Trainer::new(
                    gpt,
                    &names,
                    TrainConfig {
                        steps: HEAD_STEPS,
                        ..TrainConfig::default()
                    },
                )
                .expect("names");
                let run = LabRun::new("têtes".into(), trainer, HEAD_STEPS);
                play(&run.anim, on_frame.clone());
                *heads_run.borrow_mut() = Some(run);
            }
            let run = heads_run.borrow();
            let run = run.as_ref().expect("just created");
            if run.status() != Status::Finished {
                return html! { <div class="card"><p role="status">{ text::heads_training(run.anim.borrow().trainer.step(), HEAD_STEPS) }</p></div> };
            }
            let model = run.anim.borrow().trainer.model().clone();
            let ids = Alphabet::Letters.encode_name(&head_word);
            let tokens = &ids[..ids.len() - 1];
            let trace = model.trace(tokens);
            let letters: Vec<char> = tokens.iter().map(|&t| crate::text::letter(t)).collect();
            let on_word = {
                let w = head_word.clone();
                Callback::from(move |s| w.set(s))
            };
            let on_focus = {
                let f = focus.clone();
                Callback::from(move |v| f.set(v))
            };
            let h = *chosen_head;
            let last = letters.len() - 1;
            let outcome = (*head_word != "pikachu" || *chosen_head != 0).then(|| {
                let row = &trace.attention[0][h][last];
                let best = argmax(&row[..=last]);
                if last < 3 {
                    Err(text::E4_SHORT.to_string())
                } else if best == 1 {
                    Ok(text::e4_right(h + 1, letters[last], letters[1], row[1]))
                } else {
                    Err(text::e4_not_yet(
                        h + 1,
                        letters[last],
                        letters[best],
                        best,
                        row[best],
                    ))
                }
            });
            html! {
                <>
                    <div class="card">
                        { paragraph(text::HEADS) }
                        <WordInput label={text::HEAD_WORD} max_len={15} on_word={on_word} placeholder="ex.\u{a0}: salameche" testid="head-word" />
                        <p>{ text::studied(&head_word) }</p>
                        <p class="reading">{ text::HEADS_READ }</p>
                        <div class="heads">
                            { for (0..4).map(|hh| html! {
                                <AttentionHead letters={letters.clone()} weights={trace.attention[0][hh].clone()} head={hh} focus={*focus} on_focus={on_focus.clone()} />
                            }) }
                        </div>
                    </div>
                    <Exercise id="l4.e4" number={4} prompt={html! {
                        <>
                            <p>{ text::E4_PROMPT }</p>
                            <div class="letter-picker" role="radiogroup" aria-label="Choisis une tête">
                                { for (0..4).map(|hh| { let c = chosen_head.clone(); html! {
                                    <button type="button" role="radio" aria-checked={(hh == h).to_string()} class={classes!("key", "wide", (hh == h).then_some("on"))} data-head-choice={hh.to_string()} onclick={move |_| c.set(hh)}>{ text::head_choice(hh + 1) }</button>
                                } }) }
                            </div>
                        </>
                    }} hint={text::E4_HINT} kind={Kind::Task { outcome }} />
                </>
            }
        }
        _ => recap(
            text::REFLECTION,
            text::QUESTION,
            text::LEARNED,
            text::LIMIT,
            5,
            &[POKEMON_SOURCE],
        ),
    }
}
