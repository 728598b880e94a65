//! The PyTorch notebook: the same GPT as a short `nn.Module`, loading the same weights, then
//! carrying on training on the pupil's list at a low, decreasing rate, keeping the better
//! weights; on the GPU (`cuda`, then Apple's `mps`) when there is one.

use super::{code, letters, markdown, names_list, round_rate, settings, text, weights, Facts};
use crate::models::gpt::Gpt;
use serde_json::Value;

const MODEL: &str = include_str!("py/pytorch_modele.py");
const REPORT: &str = include_str!("py/bilan.py");
const TRAIN: &str = include_str!("py/pytorch_entrainer.py");

/// Steps of the training cell, the fewest names per step, and the names per step when the
/// app's are not known.
const STEPS: usize = 300;
const MIN_BATCH: usize = 16;
const BATCH: usize = 32;

/// (steps, names per step, rate): the app's batch (16 at least) and a fifth of its rate, at
/// most 0.002 (32 names at 0.001 when they are not known). Measured on the Atelier's « Grand »
/// model after 1,000 steps: 300 steps of 32 names at 0.001 lower its held-out loss by 0.011
/// (3 seeds), of 16 names by 0.002 at most, and raise it once.
fn training(facts: &Facts) -> (usize, usize, f32) {
    let batch = facts.about.batch.unwrap_or(BATCH).max(MIN_BATCH);
    let lr = round_rate(facts.about.lr.map_or(0.001, |lr| (lr / 5.0).min(0.002)));
    (STEPS, batch, lr)
}

/// The model built from its weights, the names, and the loss before training.
fn data_cell(facts: &Facts) -> String {
    let mut cell = String::from("modele = MiniGPT(POIDS).to(device)\n\n");
    cell.push_str(&names_list("NOMS", &facts.about.train_names));
    cell.push_str(&names_list("NOMS_A_MESURER", facts.eval_names));
    if !facts.eval_names.is_empty() {
        cell.push_str("print(json.dumps({\"eval_loss\": loss_sur(NOMS_A_MESURER)}))\n");
    }
    cell
}

pub fn cells(model: &Gpt, facts: &Facts) -> Vec<Value> {
    let alphabet = model.config.alphabet;
    let (steps, batch, lr) = training(facts);
    let mut cells = vec![
        markdown("intro", &text::pytorch_intro(model, facts)),
        code("reglages", &settings(model)),
        markdown("lettres-texte", &text::letters(alphabet)),
        code(
            "lettres",
            &format!(
                "{}\n{}",
                letters::python_constants(alphabet),
                super::LETTERS
            ),
        ),
        markdown("modele-texte", text::PYTORCH_MODEL),
        code(
            "modele",
            &format!("import json, math, random, time\n{MODEL}"),
        ),
        markdown("poids-texte", text::PYTHON_WEIGHTS),
        code("poids", &weights(model)),
        markdown("noms-texte", text::PYTORCH_DATA),
        code("noms", &data_cell(facts)),
    ];
    if let Some(shown) = &facts.about.shown {
        // The names measured are the displayed loss's (up to 2,000): the same list again.
        let names = if facts.eval_names == shown.names {
            "NOMS_DE_TUTO_LLM = NOMS_A_MESURER\n".to_string()
        } else {
            names_list("NOMS_DE_TUTO_LLM", &shown.names)
        };
        cells.push(markdown("tuto-llm-texte", text::SHOWN_TITLE));
        cells.push(code("tuto-llm", &(names + &text::shown_check(shown))));
    }
    cells.extend([
        markdown("entrainer-texte", &text::pytorch_train(steps, batch, lr)),
        code(
            "entrainer",
            &format!("PAS, NOMS_PAR_PAS, TAUX = {steps}, {batch}, {lr:?}\n\n{REPORT}\n{TRAIN}"),
        ),
        markdown("inventer-texte", text::PYTORCH_GENERATE),
        code(
            "inventer",
            "for _ in range(10):\n    print(generer(temperature=0.8))\n",
        ),
    ]);
    cells
}
