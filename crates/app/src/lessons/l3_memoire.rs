//! Lesson 3 "La mémoire du modèle": letter embeddings, a context window of k letters, the
//! Bengio-style MLP trained live, the 2-D map of the letters.

use super::common::{paragraph, recap, welcome};
use super::StepProps;
use crate::content::l3 as text;
use crate::exercise::{Exercise, Kind};
use crate::text::{fr, letter, parse_number};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::embedding::{diverging, EmbeddingMap, EmbeddingTable};
use crate::widgets::loss_curve::LossCurve;
use crate::widgets::train_controls::TrainControls;
use minigpt::bigram::BigramCounts;
use minigpt::data::{shuffled, split, Dataset};
use minigpt::pca::project_2d;
use minigpt::train::eval_loss;
use minigpt::vocab::{encode_name, VOCAB_SIZE};
use minigpt::{ContextMlp, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::Cell;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub const HIDDEN: usize = 64;
pub const STEPS: usize = 1500;
const SEED: u64 = 3;

/// A training run of the memory model, with its sizes and (once finished) its validation loss.
struct MemoryRun {
    k: usize,
    run: LabRun<ContextMlp>,
    validation: Cell<Option<f32>>,
}

impl MemoryRun {
    fn finished(&self) -> bool {
        self.run.status() == Status::Finished
    }
    fn model(&self) -> ContextMlp {
        self.run.anim.borrow().trainer.model().clone()
    }
    /// Validation loss, computed once when the run is finished.
    fn validation_loss(&self, names: &[String]) -> Option<f32> {
        if !self.finished() {
            return None;
        }
        if self.validation.get().is_none() {
            self.validation.set(eval_loss(
                &self.run.anim.borrow().trainer.model().clone(),
                names,
            ));
        }
        self.validation.get()
    }
}

fn untrained(k: usize, d: usize) -> ContextMlp {
    ContextMlp::new(k, d, HIDDEN, &mut ChaCha8Rng::seed_from_u64(SEED))
}

fn embedding_rows(model: &ContextMlp) -> Vec<Vec<f32>> {
    (0..VOCAB_SIZE)
        .map(|i| model.embedding(i).to_vec())
        .collect()
}

/// The pair of points closest on the map, and their distance.
fn closest_distance(points: &[[f32; 2]]) -> f32 {
    let mut best = f32::INFINITY;
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            best = best.min(dist(points[i], points[j]));
        }
    }
    best
}

fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

fn slider(
    label: &str,
    value: usize,
    min: usize,
    max: usize,
    testid: &'static str,
    set: UseStateHandle<usize>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = el.value().parse::<usize>() {
            set.set(v.clamp(min, max));
        }
    });
    html! {
        <label class="slider-row">{ format!("{label} : ") }<strong>{ value.to_string() }</strong>
            <input type="range" min={min.to_string()} max={max.to_string()} step="1" value={value.to_string()} oninput={oninput} aria-label={label.to_string()} data-testid={testid} />
        </label>
    }
}

#[function_component]
pub fn Lesson3(props: &StepProps) -> Html {
    let data = use_memo((), |_| {
        let names: Vec<String> = shuffled(&Dataset::Pokemon.names(), SEED)
            .into_iter()
            .map(String::from)
            .collect();
        let (train, validation) = split(&names, 0.1);
        let bigram = BigramCounts::from_names(&train).nll(&validation, 0.1);
        (train, validation, bigram)
    });
    let d = use_state(|| 8usize);
    let k = use_state(|| 3usize);
    let shown_card = use_state(|| false);
    let (runs, on_frame) = use_runs::<Vec<MemoryRun>>();
    let redraw = on_frame.clone();
    let picked = use_state(Vec::<usize>::new);
    let names = use_state(Vec::<String>::new);
    let start = {
        let (runs, on_frame, redraw, data, k, d) = (
            runs.clone(),
            on_frame.clone(),
            redraw.clone(),
            data.clone(),
            k.clone(),
            d.clone(),
        );
        Callback::from(move |_| {
            let cfg = TrainConfig {
                steps: STEPS,
                lr: 0.01,
                batch_size: 16,
                ..TrainConfig::default()
            };
            let trainer = Trainer::new(untrained(*k, *d), &data.0, cfg)
                .expect("the Pokémon list is not empty");
            let run = LabRun::new(format!("k = {}, d = {}", *k, *d), trainer, 40);
            play(&run.anim, on_frame.clone());
            let mut runs = runs.borrow_mut();
            runs.push(MemoryRun {
                k: *k,
                run,
                validation: Cell::new(None),
            });
            if runs.len() > 5 {
                runs.remove(0);
            }
            redraw();
        })
    };
    let latest_trained: Option<ContextMlp> = runs
        .borrow()
        .iter()
        .rev()
        .find(|r| r.finished())
        .map(MemoryRun::model);

    match props.step {
        0 => {
            let model = untrained(3, 8);
            let show = {
                let s = shown_card.clone();
                move |_| s.set(true)
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::CARD) }
                        <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ "Montre la carte d'identité de « a »" }</button>
                        if *shown_card {
                            <div class="concat" role="status" aria-label="Carte d'identité de a">
                                <span class="piece"><b>{ "a" }</b>{ for model.embedding(1).iter().map(|&x| html! { <span class="sw" style={format!("background:{}", diverging(x, 2.0))} title={fr(x, 2)}></span> }) }</span>
                                <span>{ model.embedding(1).iter().map(|&x| fr(x, 1)).collect::<Vec<_>>().join(" · ") }</span>
                            </div>
                            <p>{ "8 nombres tirés au hasard : le modèle va les régler en apprenant." }</p>
                        }
                    </div>
                    { welcome(text::OBJECTIVES, text::VOCABULARY) }
                </>
            }
        }
        1 => {
            let model = untrained(3, *d);
            let d_now = *d;
            html! {
                <>
                    <div class="card">
                        { paragraph(text::TABLE) }
                        { slider("Taille des cartes d", *d, 1, 16, "d-slider", d.clone()) }
                        <EmbeddingTable rows={embedding_rows(&model)} />
                    </div>
                    <Exercise id="l3.e1" number={1} prompt={html! { <p>{ "Change la taille des cartes d avec le curseur. Puis calcule : combien de nombres contient maintenant tout le tableau des cartes (27 lettres × d) ?" }</p> }}
                        hint="Lis la valeur de d à côté du curseur, puis multiplie par 27 (une carte par jeton)."
                        kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| match parse_number(&a) {
                            Some(x) if x == (27 * d_now) as f32 => Ok(format!("Exact : 27 × {d_now} = {} nombres, tous réglés par le modèle pendant l'entraînement.", 27 * d_now)),
                            Some(x) if x == 27.0 * 8.0 && d_now != 8 => Err(format!("C'était vrai pour d = 8. Mais d vaut maintenant {d_now} !")),
                            Some(_) => Err(format!("Pas tout à fait. Il y a 27 lignes de {d_now} cases.")),
                            None => Err("Écris un nombre.".into()),
                        }) }} />
                </>
            }
        }
        2 => {
            let (kk, dd) = (*k, *d);
            let model = untrained(kk, dd);
            let word = encode_name("pik");
            let context: Vec<usize> = (0..kk)
                .map(|back| if back < 4 { word[3 - back] } else { 0 })
                .rev()
                .collect();
            let total = ContextMlp::count_params(kk, dd, HIDDEN);
            html! {
                <div class="card">
                    { paragraph(text::WINDOW) }
                    { slider("Nombre de lettres regardées k", kk, 1, 5, "k-slider", k.clone()) }
                    { slider("Taille des cartes d", dd, 1, 16, "d-slider", d.clone()) }
                    <p>{ format!("Pour deviner la lettre après « .pik », le modèle regarde les {kk} dernière(s) lettre(s) :") }</p>
                    <div class="concat" data-testid="concat">
                        { for context.iter().map(|&t| html! {
                            <span class="piece"><b>{ letter(t).to_string() }</b>{ for model.embedding(t).iter().map(|&x| html! { <span class="sw" style={format!("background:{}", diverging(x, 2.0))}></span> }) }</span>
                        }) }
                        <span>{ format!("→ une liste de {kk} × {dd} = {} nombres", kk * dd) }</span>
                    </div>
                    <table class="compare-table" aria-label="Nombre de paramètres">
                        <tr><td>{ "Cartes d'identité (27 × d)" }</td><td>{ (27 * dd).to_string() }</td></tr>
                        <tr><td>{ format!("Couche cachée ({} × {HIDDEN} + {HIDDEN})", kk * dd) }</td><td>{ (kk * dd * HIDDEN + HIDDEN).to_string() }</td></tr>
                        <tr><td>{ format!("Sortie ({HIDDEN} × 27 + 27)") }</td><td>{ (HIDDEN * 27 + 27).to_string() }</td></tr>
                        <tr><th>{ "Total des paramètres" }</th><th data-testid="param-count">{ total.to_string() }</th></tr>
                    </table>
                    <p class="muted">{ "Le bigramme de la leçon 2 avait 729 paramètres (27 × 27)." }</p>
                </div>
            }
        }
        3 => {
            let controls = runs.borrow().last().map(|r| r.run.controls(&on_frame));
            let curves = runs
                .borrow()
                .iter()
                .map(|r| r.run.curve())
                .collect::<Vec<_>>();
            let rows: Vec<(String, Option<f32>)> = runs
                .borrow()
                .iter()
                .map(|r| (r.run.label.clone(), r.validation_loss(&data.1)))
                .collect();
            let best_for = |kk: usize| {
                runs.borrow()
                    .iter()
                    .filter(|r| r.k == kk)
                    .filter_map(|r| r.validation_loss(&data.1))
                    .fold(None, |m: Option<f32>, l| Some(m.map_or(l, |m| m.min(l))))
            };
            let (k1, k3) = (best_for(1), best_for(3));
            let busy = runs.borrow().iter().any(|r| r.run.is_playing());
            html! {
                <>
                    <div class="card">
                        { paragraph(text::TRAIN) }
                        { slider("Nombre de lettres regardées k", *k, 1, 5, "k-slider", k.clone()) }
                        <button type="button" class="btn primary" onclick={start.clone()} disabled={busy} data-testid="train">{ format!("▶ Entraîner avec k = {}, d = {} ({STEPS} pas)", *k, *d) }</button>
                        <TrainControls state={controls} />
                        <LossCurve runs={curves} steps={STEPS} />
                        <table class="compare-table" aria-label="Loss de validation">
                            <tr><th>{ "Modèle" }</th><th>{ "Loss sur les noms jamais vus" }</th></tr>
                            <tr><td>{ "Bigramme compté (leçon 1)" }</td><td>{ fr(data.2, 2) }</td></tr>
                            { for rows.iter().map(|(label, v)| html! { <tr><td>{ label.clone() }</td><td>{ v.map_or("en cours…".to_string(), |v| fr(v, 2)) }</td></tr> }) }
                        </table>
                    </div>
                    <Exercise id="l3.e2" number={2} prompt={html! { <p>{ "Entraîne une fois avec k = 1 et une fois avec k = 3. Quelle mémoire donne la loss la plus basse sur les noms jamais vus ?" }</p> }}
                        hint="Mets le curseur k sur 1, entraîne, puis sur 3, entraîne. Compare la dernière colonne du tableau."
                        kind={Kind::Choice { options: vec!["k = 1".into(), "k = 3".into(), "C'est pareil".into()], check: Callback::from(move |i: usize| {
                            let (Some(a), Some(b)) = (k1, k3) else { return Err("Il faut d'abord les deux entraînements terminés : un avec k = 1, un avec k = 3.".into()) };
                            let right = if (a - b).abs() < 0.02 { 2 } else if b < a { 1 } else { 0 };
                            if i == right {
                                Ok(format!("Oui ! Avec k = 1 : {} ; avec k = 3 : {}. Se souvenir de plus de lettres aide à deviner la suivante.", fr(a, 2), fr(b, 2)))
                            } else {
                                Err(format!("Regarde le tableau : k = 1 donne {}, k = 3 donne {}.", fr(a, 2), fr(b, 2)))
                            }
                        }) }} />
                </>
            }
        }
        4 => {
            let Some(model) = latest_trained.clone() else {
                return html! { <div class="card"><p>{ "Il faut d'abord un modèle entraîné." }</p>
                <button type="button" class="btn primary" onclick={start.clone()} data-testid="train-map">{ "▶ Entraîner maintenant" }</button>
                <TrainControls state={runs.borrow().last().map(|r| r.run.controls(&on_frame))} /></div> };
            };
            let points = project_2d(&embedding_rows(&model));
            let on_pick = {
                let picked = picked.clone();
                Callback::from(move |i: usize| {
                    let mut p = (*picked).clone();
                    if let Some(at) = p.iter().position(|&x| x == i) {
                        p.remove(at);
                    } else {
                        if p.len() == 2 {
                            p.clear();
                        }
                        p.push(i);
                    }
                    picked.set(p);
                })
            };
            let outcome = (picked.len() == 2).then(|| {
                let (a, b) = (picked[0], picked[1]);
                let (got, best) = (dist(points[a], points[b]), closest_distance(&points));
                let span = points.iter().map(|p| dist(*p, points[0])).fold(0.0f32, f32::max).max(1e-6);
                if got <= best * 1.1 + span * 0.01 {
                    Ok(format!("Bien vu : « {} » et « {} » sont les plus proches sur la carte. Le modèle les utilise presque de la même façon !", letter(a), letter(b)))
                } else {
                    Err(format!("« {} » et « {} » ne sont pas les plus proches. Cherche deux symboles presque collés.", letter(a), letter(b)))
                }
            });
            html! {
                <>
                    <div class="card">
                        { paragraph(text::MAP) }
                        <EmbeddingMap points={points} selected={(*picked).clone()} on_pick={on_pick.clone()} />
                        <p>{ "Deux lettres se cachent l'une l'autre ? Choisis-les aussi ici :" }</p>
                        <div class="letter-picker" role="group" aria-label="Choisir deux lettres">
                            { for (0..VOCAB_SIZE).map(|i| {
                                let on = picked.contains(&i);
                                let cb = on_pick.clone();
                                html! { <button type="button" class={classes!("key", on.then_some("on"))} aria-pressed={on.to_string()} data-pick={letter(i).to_string()}
                                    onclick={move |_| cb.emit(i)}>{ letter(i).to_string() }</button> }
                            }) }
                        </div>
                    </div>
                    <Exercise id="l3.e3" number={3} prompt={html! { <p>{ "Clique sur les deux lettres qui ont fini le plus près l'une de l'autre sur la carte." }</p> }}
                        hint="Cherche deux symboles qui se touchent presque. Clique sur l'un puis sur l'autre ; reclique pour annuler."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        5 => {
            let trained = latest_trained.clone();
            let generate = {
                let names = names.clone();
                Callback::from(move |_| {
                    let Some(model) = &trained else { return };
                    let mut rng = ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64);
                    names.set(
                        (0..10)
                            .map(|_| minigpt::sample::generate(model, "", 1.0, 20, &mut rng).0)
                            .collect(),
                    );
                })
            };
            html! {
                <div class="card">
                    { paragraph(text::GENERATE) }
                    if latest_trained.is_some() {
                        <button type="button" class="btn primary" onclick={generate} data-testid="generate">{ "Invente 10 Pokémon avec mémoire" }</button>
                        <ul class="chips">{ for names.iter().map(|n| html! { <li class="chip">{ n.clone() }</li> }) }</ul>
                    } else {
                        <p>{ "Entraîne d'abord un modèle (étape 4)." }</p>
                    }
                </div>
            }
        }
        _ => recap(text::LEARNED, text::REFLECTION, text::LIMIT, 4, None),
    }
}
