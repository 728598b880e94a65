//! The free workshop: any data, any model size, train, generate, save the model to a file and
//! load it back (a wrong or damaged file gets a French message, never a crash).

use crate::training::{play, use_runs, LabRun};
use crate::widgets::controls::{choice_slider, temperature_slider};
use crate::widgets::dataset_picker::{DataChoice, DatasetPicker};
use crate::widgets::loss_curve::LossCurve;
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::train_controls::TrainControls;
use crate::widgets::word_input::WordInput;
use gloo::file::callbacks::FileReader;
use minigpt::data::{shuffled, Dataset};
use minigpt::sample::{generate, probabilities_at};
use minigpt::saved::{self, LoadError};
use minigpt::vocab::encode_name;
use minigpt::{Config, Gpt, Tape, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const LAYERS: [usize; 4] = [1, 2, 3, 4];
const HEADS: [usize; 4] = [1, 2, 3, 4];
const EMBD: [usize; 8] = [8, 16, 24, 32, 40, 48, 56, 64];
const BLOCKS: [usize; 7] = [8, 12, 16, 20, 24, 28, 32];
const RATES: [f32; 4] = [0.001, 0.003, 0.01, 0.03];
const STEPS: [usize; 5] = [500, 1000, 3000, 10000, 20000];
/// Model files bigger than this are not ours (the largest Atelier model is ~1 MB of JSON).
const MAX_FILE_BYTES: f64 = 20e6;

/// The pupil-facing message for a file that cannot be loaded.
pub fn load_error_message(e: &LoadError) -> String {
    match e {
        LoadError::NotAModel(_) => "Ce fichier n'est pas un modèle Tuto LLM. Choisis un fichier .json enregistré avec le bouton « Enregistrer le modèle ».".into(),
        LoadError::UnknownVersion(v) => format!("Ce modèle vient d'une autre version de Tuto LLM (format {v}) : il ne peut pas être ouvert ici."),
        LoadError::Damaged(_) => "Ce fichier de modèle est abîmé : ses nombres ne correspondent pas à sa taille. Enregistre-le à nouveau.".into(),
    }
}

fn download(filename: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

#[function_component]
pub fn Atelier() -> Html {
    let choice = use_state(|| DataChoice::Builtin(Dataset::Pokemon));
    let n_layer = use_state(|| 1usize);
    let n_head = use_state(|| 4usize);
    let n_embd = use_state(|| 16usize);
    let block = use_state(|| 16usize);
    let lr = use_state(|| 0.01f32);
    let steps = use_state(|| 1000usize);
    let (run, on_frame) = use_runs::<Option<LabRun<Gpt>>>();
    let redraw = on_frame.clone();
    let loaded = use_state(|| None::<(Gpt, String)>);
    let message = use_state(|| None::<(bool, String)>);
    let prefix = use_state(String::new);
    let temperature = use_state(|| 0.8f32);
    let names = use_state(Vec::<String>::new);
    let reader = use_mut_ref(|| None::<FileReader>);
    let config = Config {
        n_embd: *n_embd,
        n_head: *n_head,
        n_layer: *n_layer,
        block_size: *block,
        ..Config::default()
    };
    let valid = config.validate();

    // The model on show: the one being trained, else the one loaded from a file.
    let current: Option<Gpt> = run
        .borrow()
        .as_ref()
        .map(|r| r.anim.borrow().trainer.model().clone())
        .or_else(|| loaded.as_ref().map(|(g, _)| g.clone()));
    let train = {
        let (run, choice, on_frame, redraw, loaded, lr, steps, message) = (
            run.clone(),
            choice.clone(),
            on_frame.clone(),
            redraw.clone(),
            loaded.clone(),
            lr.clone(),
            steps.clone(),
            message.clone(),
        );
        Callback::from(move |_| {
            let names = shuffled(&choice.names(), 42);
            let Ok(gpt) = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(42)) else {
                return;
            };
            match Trainer::new(
                gpt,
                &names,
                TrainConfig {
                    steps: *steps,
                    lr: *lr,
                    ..TrainConfig::default()
                },
            ) {
                Ok(trainer) => {
                    let r = LabRun::new(
                        format!(
                            "{} couche(s), {} têtes, n_embd {}",
                            config.n_layer, config.n_head, config.n_embd
                        ),
                        trainer,
                        1000,
                    );
                    play(&r.anim, on_frame.clone());
                    *run.borrow_mut() = Some(r);
                    loaded.set(None);
                    message.set(None);
                }
                Err(_) => message.set(Some((
                    false,
                    "Pas de nom à apprendre dans ces données.".into(),
                ))),
            }
            redraw();
        })
    };
    let save = {
        let (current, choice, message) = (current.clone(), choice.clone(), message.clone());
        Callback::from(move |_| {
            let Some(model) = &current else { return };
            let json = saved::to_json(
                model,
                &format!("Atelier Tuto LLM, données : {}", choice.label()),
            );
            message.set(Some(match download("tuto-llm-modele.json", &json) {
                Ok(()) => (true, "Modèle enregistré dans le fichier « tuto-llm-modele.json » (dossier Téléchargements).".into()),
                Err(_) => (false, "Le navigateur a refusé d'enregistrer le fichier.".into()),
            }));
        })
    };
    let load = {
        let (reader, loaded, message, run, redraw) = (
            reader.clone(),
            loaded.clone(),
            message.clone(),
            run.clone(),
            redraw.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            if file.size() > MAX_FILE_BYTES {
                message.set(Some((
                    false,
                    "Ce fichier est bien trop gros pour être un modèle Tuto LLM.".into(),
                )));
                return;
            }
            let (loaded, message, run, redraw) =
                (loaded.clone(), message.clone(), run.clone(), redraw.clone());
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                    let outcome = match result {
                        Err(_) => Err("Impossible de lire ce fichier.".to_string()),
                        Ok(text) => saved::from_json(&text).map_err(|e| load_error_message(&e)),
                    };
                    match outcome {
                        Ok((gpt, note)) => {
                            drop(run.borrow_mut().take());
                            message.set(Some((
                                true,
                                format!(
                                    "Modèle chargé : {} paramètres. {note}",
                                    gpt.config.param_count()
                                ),
                            )));
                            loaded.set(Some((gpt, note)));
                        }
                        Err(m) => message.set(Some((false, m))),
                    }
                    redraw();
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let gen = {
        let (current, names, prefix, temperature) = (
            current.clone(),
            names.clone(),
            prefix.clone(),
            temperature.clone(),
        );
        Callback::from(move |_| {
            let Some(m) = &current else { return };
            let mut rng = ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64);
            names.set(
                (0..10)
                    .map(|_| generate(m, &prefix, *temperature, 30, &mut rng).0)
                    .collect(),
            );
        })
    };
    let (controls, curve, speed) = match run.borrow().as_ref() {
        Some(r) => {
            let a = r.anim.borrow();
            (
                Some(r.controls(&on_frame)),
                vec![r.curve()],
                Some((
                    a.tokens_per_second(),
                    a.trainer.step(),
                    a.trainer.config().steps,
                )),
            )
        }
        None => (None, vec![], None),
    };
    let busy = run.borrow().as_ref().is_some_and(|r| r.is_playing());

    html! {
        <main id="contenu" class="atelier">
            <h1>{ "L'Atelier libre" }</h1>
            <p>{ "Ici, c'est toi qui décides de tout : les données, la taille du modèle, l'entraînement. Tu peux enregistrer ton modèle dans un fichier et le rouvrir plus tard." }</p>
            <div class="card"><DatasetPicker choice={(*choice).clone()} on_change={{ let c = choice.clone(); Callback::from(move |v| c.set(v)) }} /></div>
            <div class="card">
                <h2>{ "La taille du modèle" }</h2>
                { choice_slider("Couches", &LAYERS, *n_layer, n_layer.clone(), "a-layers") }
                { choice_slider("Têtes d'attention", &HEADS, *n_head, n_head.clone(), "a-heads") }
                { choice_slider("Taille des cartes n_embd", &EMBD, *n_embd, n_embd.clone(), "a-embd") }
                { choice_slider("Contexte (block)", &BLOCKS, *block, block.clone(), "a-block") }
                { choice_slider("Taux d'apprentissage", &RATES, *lr, lr.clone(), "a-lr") }
                { choice_slider("Nombre de pas", &STEPS, *steps, steps.clone(), "a-steps") }
                if valid.is_ok() {
                    <p class="param-count">{ "Paramètres : " }<strong data-testid="a-params">{ config.param_count().to_string() }</strong></p>
                } else {
                    <p class="feedback ko" role="alert">{ format!("{} ne se partage pas en {} têtes égales : choisis un autre nombre de têtes ou une autre taille.", *n_embd, *n_head) }</p>
                }
                <button type="button" class="btn primary" onclick={train} disabled={valid.is_err() || busy} data-testid="a-train">{ "▶ Entraîner" }</button>
                <TrainControls state={controls} />
                if let Some((tps, step, total)) = speed {
                    <p class="speed" data-testid="a-speed">{ format!("Pas {step} sur {total} · {} lettres par seconde", tps.round() as u64) }</p>
                }
                <LossCurve runs={curve} steps={*steps} />
            </div>
            <div class="card">
                <h2>{ "Enregistrer ou ouvrir un modèle" }</h2>
                <div class="row">
                    <button type="button" class="btn" onclick={save} disabled={current.is_none()} data-testid="a-save">{ "💾 Enregistrer le modèle" }</button>
                    <label class="btn">{ "📂 Ouvrir un modèle" }<input type="file" accept=".json,application/json" class="sr-only" onchange={load} data-testid="a-load" /></label>
                </div>
                if let Some((ok, m)) = &*message {
                    <p class={classes!("feedback", if *ok { "ok" } else { "ko" })} role="status" data-testid="a-message">{ m.clone() }</p>
                }
            </div>
            if let Some(model) = current {
                <div class="card">
                    <h2>{ "Faire parler le modèle" }</h2>
                    <ProbBars probs={probabilities_at(&minigpt::models::Model::next_logits(&model, &mut Tape::new(), &encode_name("pik")[..4]), 1.0)} title="Après « .pik », le modèle prédit…" />
                    <WordInput label="Début du nom :" max_len={20} on_word={{ let p = prefix.clone(); Callback::from(move |w| p.set(w)) }} placeholder="ex. : ma" testid="a-prefix" />
                    { temperature_slider(*temperature, temperature.clone(), "a-temp") }
                    <button type="button" class="btn primary" onclick={gen} data-testid="a-generate">{ format!("Invente 10 noms commençant par « {} »", *prefix) }</button>
                    <ul class="chips" data-testid="a-names">{ for names.iter().map(|n| html! { <li class="chip">{ n.clone() }</li> }) }</ul>
                </div>
            }
        </main>
    }
}
