//! Lesson 6 "Entraîner le modèle": choose the data, predict the first loss, train the real
//! microgpt-size GPT live (speed, photo album, comparisons), generate, train on your own list,
//! reflect, and end the course with a certificate.

use super::common::{paragraph, welcome};
use super::StepProps;
use crate::content::{l6 as text, SOURCES};
use crate::exercise::{Exercise, Kind};
use crate::progress::use_progress;
use crate::text::{fr, parse_number};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::controls::temperature_slider;
use crate::widgets::dataset_picker::{DataChoice, DatasetPicker};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::train_controls::TrainControls;
use crate::widgets::word_input::WordInput;
use minigpt::data::{shuffled, Dataset};
use minigpt::sample::{generate, probabilities_at};
use minigpt::train::eval_loss;
use minigpt::vocab::encode_name;
use minigpt::{Config, Gpt, Status, Tape, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub const STEP_CHOICES: [usize; 3] = [300, 1000, 3000];
pub const LR_CHOICES: [f32; 4] = [0.003, 0.01, 0.03, 0.1];
/// At most this many steps per frame, so even a fast run is seen learning (~1 s for 1000 steps).
pub const STEPS_PER_FRAME: usize = 20;
/// Estimated training compute of GPT-4 (Epoch AI, 2023; not published by OpenAI).
pub const GPT4_FLOP: f64 = 2e25;
const SEED: u64 = 42;
const EVAL_NAMES: usize = 1023;

pub struct GptRun {
    pub steps: usize,
    pub lr: f32,
    pub own: bool,
    pub run: LabRun<Gpt>,
    eval: Cell<Option<f32>>,
    eval_names: Rc<Vec<String>>,
    /// Names invented by each snapshot of the album, drawn once.
    album: std::cell::RefCell<Vec<(usize, Vec<String>)>>,
}

impl GptRun {
    pub fn start(
        choice: &DataChoice,
        steps: usize,
        lr: f32,
        on_frame: Rc<dyn Fn()>,
    ) -> Option<GptRun> {
        let names = shuffled(&choice.names(), SEED);
        let gpt = Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(SEED)).ok()?;
        let trainer = Trainer::new(
            gpt,
            &names,
            TrainConfig {
                steps,
                lr,
                ..TrainConfig::default()
            },
        )
        .ok()?;
        let run = LabRun::new(
            format!("{}, {steps} pas, taux {}", choice.label(), fr(lr, 3)),
            trainer,
            STEPS_PER_FRAME,
        );
        run.anim.borrow_mut().keep_snapshots(&[0, 50, 250, steps]);
        play(&run.anim, on_frame);
        let eval_names = Rc::new(names.into_iter().take(EVAL_NAMES).collect());
        Some(GptRun {
            steps,
            lr,
            own: matches!(choice, DataChoice::Own(_)),
            run,
            eval: Cell::new(None),
            eval_names,
            album: Default::default(),
        })
    }
    pub fn finished(&self) -> bool {
        self.run.status() == Status::Finished
    }
    pub fn model(&self) -> Gpt {
        self.run.anim.borrow().trainer.model().clone()
    }
    /// Mean loss per letter over the (first 1,023) names, computed once at the end.
    pub fn eval_loss(&self) -> Option<f32> {
        if !self.finished() {
            return None;
        }
        if self.eval.get().is_none() {
            self.eval.set(eval_loss(&self.model(), &self.eval_names));
        }
        self.eval.get()
    }
    /// The photo album: names invented at each kept step (drawn once per snapshot).
    pub fn album(&self) -> Vec<(usize, Vec<String>)> {
        let anim = self.run.anim.borrow();
        let mut album = self.album.borrow_mut();
        album.retain(|(s, _)| anim.snapshots.iter().any(|(t, _)| t == s));
        for (step, model) in &anim.snapshots {
            if !album.iter().any(|(s, _)| s == step) {
                album.push((*step, names_from(model, "", 0.8, 5, 7)));
            }
        }
        album.clone()
    }

    /// The loss curve, smoothed over the last 50 names (one name per step is noisy).
    pub fn smoothed(&self) -> Run {
        let raw = self.run.losses();
        let mut out = Vec::with_capacity(raw.len());
        let mut sum = 0.0;
        for (i, l) in raw.iter().enumerate() {
            sum += l;
            if i >= 50 {
                sum -= raw[i - 50];
            }
            out.push(sum / (i + 1).min(50) as f32);
        }
        Run {
            label: self.run.label.clone(),
            losses: out,
            exploded: self.run.exploded(),
        }
    }
}

fn names_from(model: &Gpt, prefix: &str, temperature: f32, n: usize, seed: u64) -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| generate(model, prefix, temperature, 24, &mut rng).0)
        .collect()
}

fn chips(names: &[String], testid: &'static str) -> Html {
    html! { <ul class="chips" data-testid={testid}>{ for names.iter().map(|n| html! { <li class="chip">{ if n.is_empty() { "(vide)".to_string() } else { n.clone() } }</li> }) }</ul> }
}

fn pick_row<T: Copy + PartialEq + 'static>(
    label: &str,
    choices: &'static [T],
    value: T,
    show: fn(T) -> String,
    set: UseStateHandle<T>,
    testid: &'static str,
) -> Html {
    html! {
        <div class="row" role="radiogroup" aria-label={label.to_string()}>
            <span>{ format!("{label} :") }</span>
            { for choices.iter().enumerate().map(|(i, &c)| {
                let s = set.clone();
                html! { <button type="button" role="radio" aria-checked={(c == value).to_string()} class={classes!("btn", (c == value).then_some("primary"))}
                    data-testid={format!("{testid}-{i}")} onclick={move |_| s.set(c)}>{ show(c) }</button> }
            }) }
        </div>
    }
}

#[function_component]
pub fn Lesson6(props: &StepProps) -> Html {
    let progress = use_progress();
    let choice = use_state(|| DataChoice::Builtin(Dataset::Pokemon));
    let woke = use_state(|| false);
    let predicted = use_state(|| false);
    let fallen = use_state(|| false);
    let steps = use_state(|| 1000usize);
    let lr = use_state(|| 0.01f32);
    let (runs, on_frame) = use_runs::<Vec<GptRun>>();
    let redraw = on_frame.clone();
    let prefix = use_state(String::new);
    let temperature = use_state(|| 0.8f32);
    let generated = use_state(|| None::<(String, Vec<String>)>);
    let own_generated = use_state(Vec::<String>::new);
    let own_choice = use_state(|| None::<DataChoice>);
    let diploma_name = use_state(String::new);
    let start = {
        let (runs, on_frame, redraw) = (runs.clone(), on_frame.clone(), redraw.clone());
        Callback::from(move |(data, steps, lr): (DataChoice, usize, f32)| {
            if let Some(run) = GptRun::start(&data, steps, lr, on_frame.clone()) {
                let mut runs = runs.borrow_mut();
                runs.push(run);
                if runs.len() > 6 {
                    runs.remove(0);
                }
            }
            redraw();
        })
    };
    let latest = |own: bool| {
        runs.borrow()
            .iter()
            .rev()
            .find(|r| r.finished() && r.own == own)
            .map(GptRun::model)
    };
    let best_speed = runs
        .borrow()
        .iter()
        .map(|r| r.run.anim.borrow().tokens_per_second())
        .fold(0.0f64, f64::max);

    match props.step {
        0 => html! {
            <>
                <div class="card">
                    { paragraph(text::WAKE) }
                    <button type="button" class="btn primary" onclick={{ let w = woke.clone(); move |_| w.set(true) }} data-testid="first-click">{ "⏰ Réveille le modèle" }</button>
                    if *woke {
                        <p role="status">{ format!("Bonjour ! Je suis ton mini-GPT : {} paramètres, tous tirés au hasard. Je ne connais encore aucun nom…", Config::default().param_count()) }</p>
                    }
                </div>
                { welcome(text::OBJECTIVES, text::VOCABULARY) }
            </>
        },
        1 => html! {
            <div class="card">
                { paragraph(text::DATA) }
                <DatasetPicker choice={(*choice).clone()} on_change={{ let c = choice.clone(); Callback::from(move |v| c.set(v)) }} />
            </div>
        },
        2 => {
            let untrained = Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(SEED))
                .expect("default config");
            let names: Vec<String> = choice.names().into_iter().take(300).collect();
            let measured = eval_loss(&untrained, &names).unwrap_or(0.0);
            let reveal = {
                let p = predicted.clone();
                Callback::from(move |_| p.set(true))
            };
            html! {
                <>
                    <div class="card">{ paragraph(text::START_LOSS) }</div>
                    <Exercise id="l6.e1" number={1} on_answered={reveal}
                        prompt={html! { <p>{ format!("Prédis : quelle sera la loss du modèle pas encore entraîné sur {} ? (2 chiffres après la virgule)", choice.label()) }</p> }}
                        hint="Souviens-toi de la leçon 2 : deviner au hasard parmi 27 jetons donne une loss de −log(1/27)."
                        kind={Kind::Answer { placeholder: "par exemple 1,23", check: Callback::from(move |a: String| match parse_number(&a) {
                            Some(x) if (x - 27f32.ln()).abs() <= 0.15 => Ok(format!("Bien prédit : ln 27 ≈ 3,30. Mesurée pour de vrai : {}.", fr(measured, 2))),
                            Some(_) => Err(format!("Pas tout à fait : mesurée pour de vrai, elle vaut {}. Pourquoi presque ln 27 ≈ 3,30 ?", fr(measured, 2))),
                            None => Err("Écris un nombre.".into()),
                        }) }} />
                    if *predicted {
                        <p class="big-number card" role="status">{ "Loss mesurée avant l'entraînement : " }<strong data-testid="initial-loss">{ fr(measured, 2) }</strong></p>
                    }
                </>
            }
        }
        3 => html! {
            <div class="card">
                { paragraph(text::DOMINOS) }
                <button type="button" class="btn primary" onclick={{ let f = fallen.clone(); move |_| f.set(!*f) }} data-testid="dominos">{ if *fallen { "↺ Relever les dominos" } else { "👉 Fais tomber les dominos (depuis la loss)" } }</button>
                <div class={classes!("dominos", fallen.then_some("fallen"))} role="img" aria-label="Sept dominos, de « Lettres » à « Loss » ; l'erreur les fait tomber de la loss vers les lettres.">
                    { for text::DOMINO_STAGES.iter().enumerate().map(|(i, s)| html! {
                        <div class="domino" style={format!("transition-delay:{}ms", (text::DOMINO_STAGES.len() - 1 - i) * 120)}>{ *s }</div>
                    }) }
                </div>
            </div>
        },
        4 => {
            let (controls, curves, table, album, speed, busy, last_model) = {
                let r = runs.borrow();
                let last = r.last();
                let album: Vec<(usize, Vec<String>)> = last.map(GptRun::album).unwrap_or_default();
                (
                    last.map(|g| g.run.controls(&on_frame)),
                    r.iter().map(GptRun::smoothed).collect::<Vec<_>>(),
                    r.iter()
                        .map(|g| (g.run.label.clone(), g.eval_loss()))
                        .collect::<Vec<_>>(),
                    album,
                    last.map(|g| {
                        let a = g.run.anim.borrow();
                        (a.tokens_per_second(), a.compute_ms, a.trainer.step())
                    }),
                    r.iter().any(|g| g.run.is_playing()),
                    last.map(GptRun::model),
                )
            };
            let max_steps = runs
                .borrow()
                .iter()
                .map(|g| g.steps)
                .max()
                .unwrap_or(*steps);
            let finished: Vec<(usize, f32)> = runs
                .borrow()
                .iter()
                .filter(|g| g.finished() && !g.own)
                .map(|g| (g.steps, g.lr))
                .collect();
            let distinct = finished
                .iter()
                .enumerate()
                .any(|(i, a)| finished[..i].iter().any(|b| b != a));
            let outcome = match finished.len() {
                0 => None,
                _ if distinct => Some(Ok("Bravo : deux courbes, deux réglages. Compare leur loss finale dans le tableau : lequel apprend le mieux ?".to_string())),
                _ => Some(Err("Lance un deuxième entraînement avec un autre taux ou un autre nombre de pas.".to_string())),
            };
            let launch = {
                let (start, c, s, l) = (start.clone(), choice.clone(), steps.clone(), lr.clone());
                move |_| start.emit(((*c).clone(), *s, *l))
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::TRAIN) }
                        <p>{ format!("Données : {}.", choice.label()) }</p>
                        { pick_row("Nombre de pas", &STEP_CHOICES, *steps, |s| s.to_string(), steps.clone(), "steps") }
                        { pick_row("Taux d'apprentissage", &LR_CHOICES, *lr, |l| fr(l, 3), lr.clone(), "lr") }
                        <button type="button" class="btn primary" onclick={launch} disabled={busy} data-testid="train">{ "▶ Entraîner" }</button>
                        <TrainControls state={controls} />
                        if let Some((tps, ms, step)) = speed {
                            <p class="speed" data-testid="speed">{ format!("⚡ {} lettres par seconde ({} pas, {} ms de calcul). Le cours en Python mettait 1 à 3 minutes !", (tps.round() as u64), step, ms.round() as u64) }</p>
                        }
                        <LossCurve runs={curves} steps={max_steps} />
                        <table class="compare-table" aria-label="Loss finale de chaque entraînement">
                            <tr><th>{ "Entraînement" }</th><th>{ "Loss à la fin, mesurée sur tous les noms" }</th></tr>
                            { for table.iter().map(|(l, e)| html! { <tr><td>{ l.clone() }</td><td data-testid="eval-loss">{ e.map_or("en cours…".into(), |e| fr(e, 2)) }</td></tr> }) }
                        </table>
                    </div>
                    if !album.is_empty() {
                        <div class="card">
                            <h3>{ "📷 L'album photo" }</h3>
                            <div class="album" data-testid="album">
                                { for album.iter().map(|(s, names)| html! { <div class="photo"><h4>{ if *s == 0 { "Avant (pas 0)".to_string() } else { format!("Pas {s}") } }</h4>{ chips(names, "album-names") }</div> }) }
                            </div>
                        </div>
                    }
                    if let Some(model) = last_model {
                        <div class="card">
                            <ProbBars probs={probabilities_at(&minigpt::models::Model::next_logits(&model, &mut Tape::new(), &encode_name("pik")[..4]), 1.0)} title="Après « .pik », le modèle prédit…" />
                        </div>
                    }
                    <Exercise id="l6.e2" number={2} prompt={html! { <p>{ "Compare deux réglages : entraîne deux fois avec un taux d'apprentissage ou un nombre de pas différent. Les deux courbes se superposent." }</p> }}
                        hint="Après le premier entraînement, clique sur un autre taux (par exemple 0,1) et relance."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        5 => {
            let model = latest(false);
            let outcome = generated.as_ref().map(|(p, _)| if p.is_empty() {
                Err("Donne aussi un début de nom au modèle (par exemple « pi »).".to_string())
            } else {
                Ok(format!("Bravo ! Tous ces noms commencent par « {p} » : le modèle a continué ton début, à la température {}.", fr(*temperature, 1)))
            });
            let gen = {
                let (g, m, p, t) = (
                    generated.clone(),
                    model.clone(),
                    prefix.clone(),
                    temperature.clone(),
                );
                move |_| {
                    if let Some(m) = &m {
                        g.set(Some((
                            (*p).clone(),
                            names_from(m, &p, *t, 10, js_sys::Date::now() as u64),
                        )));
                    }
                }
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::GENERATE) }
                        if model.is_some() {
                            <WordInput label="Début du nom :" max_len={10} on_word={{ let p = prefix.clone(); Callback::from(move |w| p.set(w)) }} placeholder="ex. : pi" testid="gen-prefix" />
                            <p>{ format!("Début choisi : « {} »", *prefix) }</p>
                            { temperature_slider(*temperature, temperature.clone(), "gen-temp") }
                            <button type="button" class="btn primary" onclick={gen} data-testid="generate">{ "Invente 10 noms" }</button>
                            if let Some((_, names)) = &*generated { { chips(names, "generated") } }
                        } else {
                            <p>{ "Entraîne d'abord un modèle à l'étape précédente." }</p>
                        }
                    </div>
                    <Exercise id="l6.e3" number={3} prompt={html! { <p>{ "Choisis un début de nom et une température, puis fais inventer 10 noms au modèle." }</p> }}
                        hint="Écris un début dans la case, valide, règle la température, puis clique sur « Invente 10 noms »."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        6 => {
            let own_model = latest(true);
            let own_names: Vec<String> = own_choice
                .as_ref()
                .map(DataChoice::names)
                .unwrap_or_default();
            let outcome = (own_model.is_some() && !own_generated.is_empty()).then(|| {
                let new: Vec<&String> = own_generated.iter().filter(|n| !n.is_empty() && !own_names.contains(n)).collect();
                Ok(format!("Tu as créé ton propre modèle ! {} nom(s) inventé(s) sur 10 ne sont pas dans ta liste{}.", new.len(),
                    new.first().map_or(String::new(), |n| format!(", comme « {n} »"))))
            });
            let own_running = runs.borrow().iter().any(|g| g.own && g.run.is_playing());
            let train_own = {
                let (start, oc) = (start.clone(), own_choice.clone());
                move |_| {
                    if let Some(c) = &*oc {
                        start.emit((c.clone(), 1000, 0.01))
                    }
                }
            };
            let gen_own = {
                let (g, m) = (own_generated.clone(), own_model.clone());
                move |_| {
                    if let Some(m) = &m {
                        g.set(names_from(m, "", 0.8, 10, js_sys::Date::now() as u64))
                    }
                }
            };
            let own_controls = runs
                .borrow()
                .iter()
                .rev()
                .find(|g| g.own)
                .map(|g| g.run.controls(&on_frame));
            html! {
                <>
                    <div class="card">
                        { paragraph(text::OWN) }
                        <DatasetPicker choice={(*own_choice).clone().unwrap_or(DataChoice::Own(vec![]))} on_change={{ let c = own_choice.clone(); Callback::from(move |v| c.set(Some(v))) }} />
                        <button type="button" class="btn primary" onclick={train_own} disabled={own_choice.is_none() || own_running} data-testid="train-own">{ "▶ Entraîner sur ce choix (1000 pas)" }</button>
                        <TrainControls state={own_controls} />
                        if own_model.is_some() {
                            <button type="button" class="btn primary" onclick={gen_own} data-testid="generate-own">{ "Invente 10 noms" }</button>
                            { chips(&own_generated, "own-generated") }
                        }
                    </div>
                    <Exercise id="l6.e4" number={4} prompt={html! { <p>{ "Crée ton propre modèle : donne-lui ta liste (au moins 10 noms), entraîne-le, puis fais-lui inventer des noms." }</p> }}
                        hint="Écris des prénoms de ta classe séparés par des virgules, clique sur « Utiliser ma liste », puis « Entraîner »."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        7 => {
            let flops = best_speed * 6.0 * Config::default().param_count() as f64;
            let years = if flops > 0.0 {
                GPT4_FLOP / flops / 3.15e7
            } else {
                0.0
            };
            html! {
                <>
                    <div class="card"><h3>{ "⚖ Biais" }</h3><p>{ text::BIAS }</p></div>
                    <div class="card"><h3>{ "🌀 Hallucinations" }</h3><p>{ text::HALLUCINATION }</p></div>
                    <div class="card"><h3>{ "⚡ Énergie" }</h3><p>{ text::ENERGY }</p>
                        <p>{ text::CALCULATOR }</p>
                        if flops > 0.0 {
                            <p class="big-number" data-testid="gpt4-years">{ format!("Ton ordinateur fait environ {} milliards d'opérations par seconde pour notre GPT. Pour GPT-4, il lui faudrait environ {} ans !",
                                fr((flops / 1e9) as f32, 1), format_big(years)) }</p>
                        } else {
                            <p>{ "Entraîne d'abord un modèle (étape 5) : on mesurera la vitesse de ton ordinateur." }</p>
                        }
                    </div>
                </>
            }
        }
        _ => {
            let total: usize = crate::content::LESSONS
                .iter()
                .map(|l| l.exercises.len())
                .sum();
            let done = progress.count(crate::content::all_exercises());
            let on_name = {
                let n = diploma_name.clone();
                Callback::from(move |e: InputEvent| {
                    let el: HtmlInputElement = e.target_unchecked_into();
                    n.set(el.value().chars().take(40).collect());
                })
            };
            let today = js_sys::Date::new_0()
                .to_locale_date_string("fr-FR", &wasm_bindgen::JsValue::UNDEFINED)
                .as_string()
                .unwrap_or_default();
            html! {
                <>
                    <div class="card">
                        <h3>{ "Tout le cours en six leçons" }</h3>
                        <ol>{ for text::COURSE.iter().map(|(l, d)| html! { <li><strong>{ *l }</strong>{ format!(" : {d}") }</li> }) }</ol>
                    </div>
                    <div class="card">
                        <label class="slider-row">{ "Ton prénom pour le diplôme : " }<input type="text" oninput={on_name} maxlength="40" data-testid="diploma-name" /></label>
                        <div class="certificate" data-testid="certificate">
                            <p>{ "🏅" }</p>
                            <h2>{ "Diplôme de dresseur d'IA" }</h2>
                            <p>{ "décerné à" }</p>
                            <p class="who">{ if diploma_name.is_empty() { "…".to_string() } else { (*diploma_name).clone() } }</p>
                            <p>{ format!("qui a construit et entraîné son propre mini-GPT, et réussi {done} exercices sur {total}.") }</p>
                            <p class="muted">{ format!("Tuto LLM — {today}") }</p>
                        </div>
                        <button type="button" class="btn primary" onclick={|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }}>{ "🖨 Imprimer mon diplôme" }</button>
                        <p><a href="#/atelier">{ "Envie d'aller plus loin ? L'Atelier libre : choisis la taille du modèle et sauvegarde-le." }</a></p>
                    </div>
                    <div class="card sources">
                        <h3>{ "Sources" }</h3>
                        <ul>
                            { for SOURCES.iter().map(|(t, d)| html! { <li><cite>{ *t }</cite>{ " — " }{ *d }</li> }) }
                            <li>{ text::DATASETS_NOTE }</li>
                            <li>{ "Estimation du calcul de GPT-4 : Epoch AI (2023)." }</li>
                        </ul>
                    </div>
                </>
            }
        }
    }
}

/// 12345678 → "12 millions" — big numbers in words a pupil can read.
pub fn format_big(x: f64) -> String {
    if x >= 1e9 {
        format!("{} milliards", fr((x / 1e9) as f32, 0))
    } else if x >= 1e6 {
        format!("{} millions", fr((x / 1e6) as f32, 0))
    } else if x >= 1e3 {
        format!("{} mille", fr((x / 1e3) as f32, 0))
    } else {
        fr(x as f32, 0)
    }
}
