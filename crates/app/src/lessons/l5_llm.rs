//! Lesson 5 "Mon premier LLM": the architecture with real numbers for ".pik", the parameter
//! count, an untrained model's gibberish, and temperature.

use super::common::{paragraph, recap, welcome};
use super::StepProps;
use crate::content::l5 as text;
use crate::exercise::{Exercise, Kind};
use crate::text::{fr, letter, parse_number, parse_token, percent};
use crate::training::{play, pokemon_gpt_run, use_runs, LabRun};
use crate::widgets::architecture::ArchitectureDiagram;
use crate::widgets::controls::{choice_slider, temperature_slider};
use crate::widgets::embedding::diverging;
use crate::widgets::prob_bars::{ranked, ProbBars};
use minigpt::sample::{generate, probabilities_at};
use minigpt::vocab::{encode_name, VOCAB_SIZE};
use minigpt::{Config, Gpt, Status, Tape};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use yew::prelude::*;

const TRAIN_STEPS: usize = 1000;
const EMBD_CHOICES: [usize; 6] = [8, 16, 24, 32, 48, 64];
const HEAD_CHOICES: [usize; 3] = [1, 2, 4];
const LAYER_CHOICES: [usize; 4] = [1, 2, 3, 4];

/// A vector as a strip of coloured cells, with its numbers as text too.
pub fn strip(values: &[f32]) -> Html {
    let scale = values.iter().fold(1e-6f32, |m, x| m.max(x.abs()));
    html! {
        <>
            <div class="strip" aria-hidden="true">{ for values.iter().map(|&x| html! { <span style={format!("background:{}", diverging(x, scale))} title={fr(x, 2)}></span> }) }</div>
            <p class="numbers">{ values.iter().map(|x| fr(*x, 2)).collect::<Vec<_>>().join(" · ") }</p>
        </>
    }
}

/// The probabilities after a prefix (".bul" → letters after "bul").
fn next_probs(model: &Gpt, prefix: &str, temperature: f32) -> [f32; VOCAB_SIZE] {
    let ids = encode_name(prefix);
    probabilities_at(
        &minigpt::models::Model::next_logits(model, &mut Tape::new(), &ids[..ids.len() - 1]),
        temperature,
    )
}

fn distinct(names: &[String]) -> usize {
    names
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

#[function_component]
pub fn Lesson5(props: &StepProps) -> Html {
    let shown = use_state(|| false);
    let block = use_state(|| 1usize);
    let n_embd = use_state(|| 16usize);
    let n_head = use_state(|| 4usize);
    let n_layer = use_state(|| 1usize);
    let prefix = use_state(|| "bul".to_string());
    let temperature = use_state(|| 1.0f32);
    let cold = use_state(Vec::<String>::new);
    let hot = use_state(Vec::<String>::new);
    let (trained, on_frame) = use_runs::<Option<LabRun<Gpt>>>();
    let untrained = use_memo((), |_| {
        Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(5)).expect("default config")
    });
    let trace = use_memo((), {
        let m = untrained.clone();
        move |_| m.trace(&encode_name("pik")[..4])
    });

    match props.step {
        0 => html! {
            <>
                <div class="card">
                    { paragraph(text::LEGO) }
                    <button type="button" class="btn primary" onclick={{ let s = shown.clone(); move |_| s.set(true) }} data-testid="first-click">{ "🧱 Montre les pièces" }</button>
                    if *shown {
                        <ul class="chips" role="status">{ for text::BLOCKS.iter().map(|(n, _)| html! { <li class="chip">{ *n }</li> }) }</ul>
                    }
                </div>
                { welcome(text::OBJECTIVES, text::VOCABULARY) }
            </>
        },
        1 => {
            let t = &*trace;
            let last = t.tokens.len() - 1;
            let b = *block;
            let detail = match b {
                0 => {
                    html! { <p class="numbers">{ format!("Jetons : {}", t.tokens.iter().map(|&i| format!("« {} » = {i}", letter(i))).collect::<Vec<_>>().join(", ")) }</p> }
                }
                1 => html! { <>
                    <p>{ "Carte de « k » :" }</p>{ strip(&t.token_embedding[last]) }
                    <p>{ "Carte de la position 4 :" }</p>{ strip(&t.position_embedding[last]) }
                    <p>{ "Somme (remise à la bonne taille par rmsnorm) :" }</p>{ strip(&t.embedding_sum[last]) }
                </> },
                2 => html! { <>{ for t.attention[0].iter().enumerate().map(|(h, rows)| html! {
                    <p class="numbers">{ format!("Tête {} : « k » regarde {}", h + 1, (0..=last).map(|j| format!("« {} » {}", letter(t.tokens[j]), percent(rows[last][j]))).collect::<Vec<_>>().join(", ")) }</p>
                }) }</> },
                3 => strip(&t.after_attention[0][last]),
                4 => {
                    let on = t.mlp_hidden[0][last].iter().filter(|&&x| x > 0.0).count();
                    html! { <><p>{ format!("{on} neurones allumés sur 64 :") }</p>{ strip(&t.mlp_hidden[0][last]) }</> }
                }
                5 => strip(&t.after_mlp[0][last]),
                6 => strip(&t.logits[last]),
                _ => {
                    let mut p = [0.0; VOCAB_SIZE];
                    p.copy_from_slice(&t.probs[last]);
                    html! { <p class="numbers">{ ranked(&p).iter().take(5).map(|&i| format!("« {} » {}", letter(i), percent(p[i]))).collect::<Vec<_>>().join(", ") }</p> }
                }
            };
            html! {
                <div class="card">
                    { paragraph(text::DIAGRAM) }
                    <div class="two-cols">
                        <ArchitectureDiagram selected={b} on_select={{ let s = block.clone(); Callback::from(move |i| s.set(i)) }} />
                        <div class="block-detail" aria-live="polite" data-testid="block-detail">
                            <h3>{ text::BLOCKS[b].0 }</h3>
                            <p>{ text::BLOCKS[b].1 }</p>
                            { detail }
                        </div>
                    </div>
                </div>
            }
        }
        2 => {
            let heads_ok = *n_embd % *n_head == 0;
            let config = Config {
                n_embd: *n_embd,
                n_head: *n_head,
                n_layer: *n_layer,
                ..Config::default()
            };
            let two_layers = Config {
                n_layer: 2,
                ..Config::default()
            }
            .param_count();
            html! {
                <>
                    <div class="card">
                        { paragraph(text::PARAMS) }
                        { choice_slider("Taille des cartes n_embd", &EMBD_CHOICES, *n_embd, n_embd.clone(), "embd-slider") }
                        { choice_slider("Têtes d'attention", &HEAD_CHOICES, *n_head, n_head.clone(), "head-slider") }
                        { choice_slider("Couches", &LAYER_CHOICES, *n_layer, n_layer.clone(), "layer-slider") }
                        if heads_ok {
                            <p class="param-count">{ "Paramètres : " }<strong data-testid="gpt-params">{ config.param_count().to_string() }</strong></p>
                        } else {
                            <p class="feedback ko">{ format!("{} ne se partage pas en {} têtes égales : choisis un autre nombre de têtes.", *n_embd, *n_head) }</p>
                        }
                        <table class="giants">
                            <tr><th>{ "Modèle" }</th><th>{ "Paramètres" }</th><th>{ "Source" }</th></tr>
                            { for text::GIANTS.iter().map(|(m, p, s)| html! { <tr><td>{ *m }</td><td>{ *p }</td><td>{ *s }</td></tr> }) }
                        </table>
                        <p class="muted">{ "GPT-3 a environ 40 millions de fois plus de paramètres que notre mini-GPT." }</p>
                    </div>
                    <Exercise id="l5.e1" number={1} prompt={html! { <p>{ "Prédis avant de toucher aux curseurs : avec n_embd = 16 et 4 têtes, mais 2 couches au lieu d'une, combien de paramètres aura le modèle ?" }</p> }}
                        hint="Le modèle à 1 couche en a 4 192. Chaque couche de plus ajoute 12 × 16 × 16 = 3 072 poids."
                        kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| match parse_number(&a.replace(' ', "")) {
                            Some(x) if x == two_layers as f32 => Ok(format!("Exact : {two_layers} paramètres. Vérifie avec les curseurs !")),
                            Some(_) => Err("Pas tout à fait. Pars de 4 192 et ajoute une couche de 12 × 16 × 16.".into()),
                            None => Err("Écris un nombre.".into()),
                        }) }} />
                </>
            }
        }
        3 => {
            let mut p = [0.0; VOCAB_SIZE];
            p.copy_from_slice(&trace.probs[trace.tokens.len() - 1]);
            html! {
                <div class="card">
                    { paragraph(text::UNTRAINED) }
                    <ProbBars probs={p} title="Modèle pas entraîné : après « .pik », la lettre suivante est…" />
                    <p>{ format!("1 chance sur 27 = {}. Le modèle hésite entre toutes les lettres.", percent(1.0 / 27.0)) }</p>
                </div>
            }
        }
        4 => {
            if trained.borrow().is_none() {
                let run = pokemon_gpt_run(TRAIN_STEPS, 5);
                play(&run.anim, on_frame.clone());
                *trained.borrow_mut() = Some(run);
            }
            let run = trained.borrow();
            let run = run.as_ref().expect("just created");
            if run.status() != Status::Finished {
                return html! { <div class="card"><p role="status">{ format!("Le modèle s'entraîne un peu… pas {} sur {TRAIN_STEPS}.", run.anim.borrow().trainer.step()) }</p></div> };
            }
            let model = run.anim.borrow().trainer.model().clone();
            let probs = next_probs(&model, &prefix, *temperature);
            let plain = next_probs(&model, &prefix, 1.0);
            let best = ranked(&plain)[0];
            let gen = |t: f32, target: UseStateHandle<Vec<String>>| {
                let (model, prefix) = (model.clone(), (*prefix).clone());
                Callback::from(move |_| {
                    let mut rng = ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64);
                    target.set(
                        (0..10)
                            .map(|_| generate(&model, &prefix, t, 20, &mut rng).0)
                            .collect(),
                    );
                })
            };
            let (cold_n, hot_n) = (distinct(&cold), distinct(&hot));
            let have_both = !cold.is_empty() && !hot.is_empty();
            html! {
                <>
                    <div class="card">
                        { paragraph(text::TEMPERATURE) }
                        <div class="row">
                            { for ["bul", "evo", "pik"].iter().map(|p| { let s = prefix.clone(); html! {
                                <button type="button" class={classes!("btn", (*prefix == *p).then_some("primary"))} data-prefix={*p} onclick={move |_| s.set(p.to_string())}>{ format!(".{p}") }</button> } }) }
                        </div>
                        <crate::widgets::word_input::WordInput label="Ou tape un autre début :" max_len={12} on_word={{ let s = prefix.clone(); Callback::from(move |w| s.set(w)) }} placeholder="ex. : sal" testid="prefix" />
                                                { temperature_slider(*temperature, temperature.clone(), "temp-slider") }
                        <ProbBars probs={probs} title={format!("Après « .{} », à la température {}", *prefix, fr(*temperature, 1))} />
                    </div>
                    <Exercise id="l5.e2" number={2} prompt={html! { <p>{ "Choisis un début (« .bul », « .evo » ou le tien). D'après le modèle entraîné, quelle lettre est la plus probable ensuite ? (à la température 1)" }</p> }}
                        hint="Mets la température sur 1,0 et lis la plus grande barre."
                        kind={Kind::Answer { placeholder: "une lettre", check: Callback::from({ let prefix = (*prefix).clone(); move |a: String| {
                            let id = parse_token(&a)?;
                            if plain[id] >= plain[best] - 1e-6 {
                                Ok(format!("Oui : après « .{prefix} », le modèle préfère « {} » ({}).", letter(id), percent(plain[id])))
                            } else {
                                Err(format!("« {} » n'a que {}. Cherche la plus grande barre à T = 1.", letter(id), percent(plain[id])))
                            }
                        } }) }} />
                    <div class="card">
                        <div class="row">
                            <button type="button" class="btn primary" onclick={gen(0.1, cold.clone())} data-testid="gen-cold">{ "❄ Génère 10 noms à T = 0,1" }</button>
                            <button type="button" class="btn primary" onclick={gen(2.0, hot.clone())} data-testid="gen-hot">{ "🔥 Génère 10 noms à T = 2" }</button>
                        </div>
                        <div class="side-by-side">
                            <div><h4>{ "T = 0,1" }</h4><ul class="chips" data-testid="cold-names">{ for cold.iter().map(|n| html! { <li class="chip">{ n.clone() }</li> }) }</ul></div>
                            <div><h4>{ "T = 2" }</h4><ul class="chips" data-testid="hot-names">{ for hot.iter().map(|n| html! { <li class="chip">{ n.clone() }</li> }) }</ul></div>
                        </div>
                    </div>
                    <Exercise id="l5.e3" number={3} prompt={html! { <p>{ "Génère à T = 0,1 puis à T = 2. Quelle liste est la plus répétitive ?" }</p> }}
                        hint="Compte les noms différents dans chaque liste."
                        kind={Kind::Choice { options: vec!["La liste à T = 0,1".into(), "La liste à T = 2".into()], check: Callback::from(move |i: usize| {
                            if !have_both { return Err("Génère d'abord les deux listes avec les deux boutons.".into()) }
                            let right = if cold_n <= hot_n { 0 } else { 1 };
                            if i == right {
                                Ok(format!("Oui ! À T = 0,1 il n'y a que {cold_n} nom(s) différent(s) sur 10 ; à T = 2, {hot_n}. Le froid rend sage et répétitif, le chaud rend fantaisiste."))
                            } else {
                                Err(format!("Compte bien : {cold_n} nom(s) différent(s) à T = 0,1, {hot_n} à T = 2."))
                            }
                        }) }} />
                </>
            }
        }
        _ => recap(text::LEARNED, text::REFLECTION, text::LIMIT, 6, None),
    }
}
