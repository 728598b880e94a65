//! Lesson 4 "L'attention": Q/K/V by hand on "chat", the causal mask of the pupil's word, and
//! the four real heads of a briefly trained GPT.

use super::common::{paragraph, recap, welcome};
use super::StepProps;
use crate::content::l4 as text;
use crate::exercise::{Exercise, Kind};
use crate::text::{fr, normalize, parse_number, percent};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::attention::{AttentionHead, CausalMask};
use crate::widgets::word_input::WordInput;
use minigpt::data::{shuffled, Dataset};
use minigpt::vocab::encode_name;
use minigpt::{Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use yew::prelude::*;

/// The word of the hand-made demo and each letter's 4 numbers.
pub const WORD: [char; 5] = ['.', 'c', 'h', 'a', 't'];
const EMBEDDING: [[f32; 4]; 5] = [
    [0., 0., 0., 1.],
    [1., 0., 1., 0.],
    [0., 1., 1., 0.],
    [1., 1., 0., 0.],
    [0., 1., 0., 1.],
];
const W_QUERY: [[f32; 4]; 4] = [
    [1., 0., 1., 0.],
    [0., 1., 0., 0.],
    [0., 1., 1., 0.],
    [1., 0., 0., 1.],
];
const W_KEY: [[f32; 4]; 4] = [
    [1., 0., 0., 1.],
    [0., 1., 1., 0.],
    [1., 1., 0., 0.],
    [0., 0., 1., 1.],
];
const W_VALUE: [[f32; 4]; 4] = [
    [1., 0., 0., 0.],
    [0., 1., 0., 0.],
    [0., 0., 2., 0.],
    [0., 0., 0., 2.],
];
const HEAD_STEPS: usize = 600;

fn times(w: &[[f32; 4]; 4], x: &[f32; 4]) -> [f32; 4] {
    std::array::from_fn(|r| (0..4).map(|c| w[r][c] * x[c]).sum())
}

/// Attention of letter `asker` of ".chat": (scores, weights, mixed value) over letters 0..=asker.
pub fn chat_attention(asker: usize) -> (Vec<f32>, Vec<f32>, [f32; 4]) {
    let q = times(&W_QUERY, &EMBEDDING[asker]);
    let scores: Vec<f32> = (0..=asker)
        .map(|j| {
            times(&W_KEY, &EMBEDDING[j])
                .iter()
                .zip(&q)
                .map(|(a, b)| a * b)
                .sum::<f32>()
                / 2.0
        })
        .collect();
    let max = scores.iter().fold(f32::MIN, |m, &s| m.max(s));
    let exp: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    let weights: Vec<f32> = exp.iter().map(|e| e / total).collect();
    let mut mixed = [0.0; 4];
    for (j, w) in weights.iter().enumerate() {
        let v = times(&W_VALUE, &EMBEDDING[j]);
        (0..4).for_each(|c| mixed[c] += w * v[c]);
    }
    (scores, weights, mixed)
}

fn vector(v: &[f32; 4]) -> String {
    format!(
        "[{}]",
        v.iter().map(|x| fr(*x, 1)).collect::<Vec<_>>().join(" ; ")
    )
}

fn argmax(row: &[f32]) -> usize {
    (0..row.len()).fold(0, |b, i| if row[i] > row[b] { i } else { b })
}

#[function_component]
pub fn Lesson4(props: &StepProps) -> Html {
    let asker = use_state(|| 2usize);
    let revealed = use_state(|| false);
    let scene = use_state(|| false);
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
                        <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ "✋ Qui lève la main ?" }</button>
                        if *scene {
                            <div class="phone" role="status">
                                <p class="classroom" aria-hidden="true">{ "[.] [c] [h] [a] [t]✋" }</p>
                                <p>{ text::SCENE }</p>
                            </div>
                        }
                    </div>
                    { welcome(text::OBJECTIVES, text::VOCABULARY) }
                </>
            }
        }
        1 => {
            let i = *asker;
            let (scores, weights, mixed) = chat_attention(i);
            let q = times(&W_QUERY, &EMBEDDING[i]);
            let best_t = argmax(&chat_attention(4).1);
            let reveal = {
                let (r, a) = (revealed.clone(), asker.clone());
                Callback::from(move |_| {
                    r.set(true);
                    a.set(4);
                })
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::CHAT) }
                        <div class="letter-picker" role="group" aria-label="Quelle lettre pose sa question ?">
                            { for (1..5).map(|j| {
                                let locked = j == 4 && !*revealed;
                                let a = asker.clone();
                                html! { <button type="button" class={classes!("key", (j == i).then_some("on"))} aria-pressed={(j == i).to_string()} disabled={locked}
                                    title={if locked { "Fais d'abord l'exercice 1" } else { "" }} data-asker={WORD[j].to_string()} onclick={move |_| a.set(j)}>{ WORD[j].to_string() }</button> }
                            }) }
                        </div>
                        <p>{ format!("« {} » pose sa question q = {}", WORD[i], vector(&q)) }</p>
                        <table class="qkv" aria-label="Calcul de l'attention">
                            <tr><th>{ "lettre" }</th><th>{ "panneau k" }</th><th>{ "score q·k ÷ 2" }</th><th>{ "attention" }</th></tr>
                            { for (0..=i).map(|j| html! {
                                <tr data-letter={WORD[j].to_string()}>
                                    <td>{ WORD[j].to_string() }</td><td>{ vector(&times(&W_KEY, &EMBEDDING[j])) }</td><td>{ fr(scores[j], 1) }</td>
                                    <td><span class="att-bar" style={format!("width:{}px", (weights[j] * 120.0).round())}></span>{ format!(" {}", percent(weights[j])) }</td>
                                </tr>
                            }) }
                        </table>
                        <p>{ format!("Mélange des infos v : {}", vector(&mixed)) }</p>
                    </div>
                    <Exercise id="l4.e1" number={1} on_answered={reveal}
                        prompt={html! { <p>{ "Prédis : quand « t » pose sa question, quelle lettre de « .chat » reçoit le plus d'attention ? (Le bouton « t » s'ouvre après ta réponse.)" }</p> }}
                        hint="Regarde d'abord ce que font « h » et « a ». Le score le plus grand gagne la plus grosse part."
                        kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(move |a: String| {
                            let a = normalize(&a);
                            let typed = if a.is_empty() { None } else { WORD.iter().position(|c| c.to_string() == a) };
                            match typed {
                                Some(j) if j == best_t => Ok(format!("Bien prédit ! « t » écoute surtout « {} » ({}).", WORD[j], percent(chat_attention(4).1[j]))),
                                Some(_) => Err(format!("Ce n'est pas elle. Regarde le tableau : c'est « {} » qui gagne.", WORD[best_t])),
                                None => Err("Réponds avec une lettre de « chat ».".into()),
                            }
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
                        <WordInput label="Tape ton prénom :" max_len={12} on_word={on_word} testid="mask-word" />
                        <CausalMask letters={letters} />
                    </div>
                    <Exercise id="l4.e2" number={2} prompt={html! { <p>{ "Tape ton prénom dans la case. Sur la ligne de sa dernière lettre, combien de cases sont permises (vertes) ?" }</p> }}
                        hint="Compte le « . » du début, toutes les lettres d'avant, et la lettre elle-même."
                        kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| {
                            if !typed { return Err("Tape d'abord ton prénom dans la case et valide.".into()) }
                            match parse_number(&a) {
                                Some(x) if x == n as f32 => Ok(format!("Oui : la dernière lettre peut regarder les {n} cases, du « . » jusqu'à elle-même. Jamais plus loin que sa place !")),
                                Some(_) => Err("Compte encore les cases vertes de la dernière ligne.".into()),
                                None => Err("Écris un nombre.".into()),
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
                return html! { <div class="card"><p role="status">{ format!("Le modèle s'entraîne un peu… pas {} sur {HEAD_STEPS}.", run.anim.borrow().trainer.step()) }</p></div> };
            }
            let model = run.anim.borrow().trainer.model().clone();
            let ids = encode_name(&head_word);
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
                    Err("Ton mot est trop court : il faut au moins 3 lettres pour que la première soit loin.".to_string())
                } else if best == 1 {
                    Ok(format!("Réussi ! Dans la tête {}, la dernière lettre « {} » regarde surtout la première, « {} » ({}), pourtant loin derrière elle.", h + 1, letters[last], letters[1], percent(row[1])))
                } else {
                    Err(format!("Pas encore : dans la tête {}, « {} » regarde surtout « {} » ({}). Change de mot ou de tête !", h + 1, letters[last], letters[best], percent(row[best])))
                }
            });
            html! {
                <>
                    <div class="card">
                        { paragraph(text::HEADS) }
                        <WordInput label="Ton mot :" max_len={15} on_word={on_word} placeholder="ex. : salameche" testid="head-word" />
                        <p>{ format!("Mot étudié : « {} ». Passe la souris sur une lettre à droite pour voir seulement ses traits.", *head_word) }</p>
                        <div class="heads">
                            { for (0..4).map(|hh| html! {
                                <AttentionHead letters={letters.clone()} weights={trace.attention[0][hh].clone()} head={hh} focus={*focus} on_focus={on_focus.clone()} />
                            }) }
                        </div>
                    </div>
                    <Exercise id="l4.e3" number={3} prompt={html! {
                        <>
                            <p>{ "À toi de créer ! Choisis une tête, puis invente un mot d'au moins 3 lettres dont la dernière lettre regarde surtout la première lettre dans cette tête." }</p>
                            <div class="letter-picker" role="radiogroup" aria-label="Choisis une tête">
                                { for (0..4).map(|hh| { let c = chosen_head.clone(); html! {
                                    <button type="button" role="radio" aria-checked={(hh == h).to_string()} class={classes!("key", (hh == h).then_some("on"))} data-head-choice={hh.to_string()} onclick={move |_| c.set(hh)}>{ format!("Tête {}", hh + 1) }</button>
                                } }) }
                            </div>
                        </>
                    }}
                        hint="Essaie des mots qui commencent et finissent par la même lettre, ou de courts mots de 4 ou 5 lettres. Regarde la dernière ligne de la grille de ta tête."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        _ => recap(text::LEARNED, text::REFLECTION, text::LIMIT, 5, None),
    }
}
