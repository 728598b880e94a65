//! The plain-Python notebook: the model written as in the lessons, one number at a time; its
//! « dominos » (reverse-mode automatic differentiation on `Valeur`s), Adam, and a training cell
//! that runs in a browser Python (no numpy, no file).

use super::{
    code, letters, markdown, names_list, round_rate, settings, text, weights, Facts, Shown, LETTERS,
};
use crate::models::gpt::Gpt;
use serde_json::Value;

const BRICKS: &str = include_str!("py/briques.py");
const MODEL: &str = include_str!("py/modele.py");
const DOMINOS: &str = include_str!("py/dominos.py");
const ADAM: &str = include_str!("py/adam.py");
const REPORT: &str = include_str!("py/bilan.py");
const TRAIN: &str = include_str!("py/entrainer.py");

/// Seconds of CPU per (letter × parameter) in Pyodide 314.0.8 (Python 3.14) under Node on this
/// 2-core machine, measured on lesson 6's model: measuring (`loss_sur`: 200 names in 2.8 s),
/// and training (forward, dominos and Adam: 100 steps of 4 names in 19.7 s).
const MEASURE_COST: f64 = 3.7e-7;
const TRAIN_COST: f64 = 1.3e-6;
/// Names per training step, and the steps of microgpt's size (4,192 parameters): bigger
/// models get fewer steps for the same time.
const BATCH: usize = 4;
const STEPS: usize = 100;
const MICROGPT_PARAMS: usize = 4192;
/// Longest wait for the « Le nombre de Tuto LLM » cell before it only says how long it would be.
const SHOWN_SECONDS: f64 = 20.0;

/// The letters a model reads to measure `names` (each cut to the block).
fn letters_in(model: &Gpt, names: &[String]) -> usize {
    let alphabet = model.config.alphabet;
    names
        .iter()
        .map(|n| (alphabet.encode_name(n).len() - 1).min(model.config.block_size))
        .sum()
}

/// Seconds plain Python takes in a browser to measure `names`.
fn measure_seconds(model: &Gpt, names: &[String]) -> f64 {
    letters_in(model, names) as f64 * model.config.param_count() as f64 * MEASURE_COST
}

/// Letters per training name on average (8 without names).
fn mean_letters(model: &Gpt, names: &[String]) -> f64 {
    if names.is_empty() {
        return 8.0;
    }
    letters_in(model, names) as f64 / names.len() as f64
}

/// The training cell's settings for this model: (steps, names per step, rate, seconds in a
/// browser Python, seconds per step). 100 steps for microgpt's size, fewer for bigger models
/// (the same time, at least 3); a tenth of the rate it was trained with, at most 0.001 (0.001
/// after lesson 6: its default run's loss on 200 names kept aside went 2.4042 → 2.3938).
fn training(model: &Gpt, facts: &Facts) -> (usize, usize, f32, f64, f64) {
    let params = model.config.param_count();
    let steps = (STEPS * MICROGPT_PARAMS / params.max(1)).clamp(3, STEPS);
    let lr = round_rate(facts.about.lr.map_or(0.001, |lr| (lr / 10.0).min(0.001)));
    let letters = mean_letters(model, &facts.about.train_names);
    let per_step = BATCH as f64 * letters * params as f64 * TRAIN_COST;
    // Three measures of the names kept aside: before, halfway, at the end.
    let seconds = steps as f64 * per_step + 3.0 * measure_seconds(model, facts.eval_names);
    (steps, BATCH, lr, seconds, per_step)
}

/// Generates names, then measures the names kept aside: the `{"eval_loss": x}` line.
fn use_cell(facts: &Facts) -> String {
    let mut cell = String::from("for _ in range(5):\n    print(generer(temperature=0.8))\n\n");
    cell.push_str(&names_list("NOMS_A_MESURER", facts.eval_names));
    if !facts.eval_names.is_empty() {
        cell.push_str("print(json.dumps({\"eval_loss\": loss_sur(NOMS_A_MESURER)}))\n");
    }
    cell
}

/// « Le nombre de Tuto LLM »: the displayed loss measured again on its names, or how long that
/// would take.
fn shown_cell(model: &Gpt, shown: &Shown) -> String {
    let mut cell = names_list("NOMS_DE_TUTO_LLM", &shown.names);
    let seconds = measure_seconds(model, &shown.names);
    if seconds <= SHOWN_SECONDS {
        cell.push_str(&text::shown_check(shown));
    } else {
        cell.push_str(&text::shown_too_long(
            shown,
            (seconds / 60.0).ceil() as usize,
        ));
    }
    cell
}

pub fn cells(model: &Gpt, facts: &Facts) -> Vec<Value> {
    let alphabet = model.config.alphabet;
    let (steps, batch, lr, seconds, per_step) = training(model, facts);
    let mut cells = vec![
        markdown("intro", &text::python_intro(model, facts)),
        code("reglages", &settings(model)),
        markdown("briques-texte", text::PYTHON_BRICKS),
        code("briques", BRICKS),
        markdown("modele-texte", text::PYTHON_MODEL),
        code("modele", MODEL),
        markdown("lettres-texte", &text::letters(alphabet)),
        code(
            "lettres",
            &format!("{}\n{LETTERS}", letters::python_constants(alphabet)),
        ),
        markdown("poids-texte", text::PYTHON_WEIGHTS),
        code("poids", &weights(model)),
        markdown("jouer-texte", text::PYTHON_USE),
        code("jouer", &use_cell(facts)),
    ];
    if let Some(shown) = &facts.about.shown {
        cells.push(markdown("tuto-llm-texte", text::SHOWN_TITLE));
        cells.push(code("tuto-llm", &shown_cell(model, shown)));
    }
    cells.extend([
        markdown("dominos-texte", text::PYTHON_DOMINOS),
        code("dominos", DOMINOS),
        markdown("adam-texte", text::PYTHON_ADAM),
        code("adam", ADAM),
        markdown(
            "entrainer-texte",
            &text::python_train(steps, batch, lr, seconds.ceil() as usize, per_step),
        ),
        code("noms", &names_list("NOMS", &facts.about.train_names)),
        code(
            "entrainer",
            &format!("PAS, NOMS_PAR_PAS, TAUX = {steps}, {batch}, {lr:?}\n\n{REPORT}\n{TRAIN}"),
        ),
        markdown("inventer-texte", text::PYTHON_GENERATE),
        code(
            "inventer",
            "for _ in range(10):\n    print(generer(temperature=0.8))\n",
        ),
    ]);
    cells
}
