//! The plain notebook's dominos and Adam against the core: one step's gradient to 1e-5, and
//! two Adam steps (with the decreasing rate) to 1e-6.

use super::*;
use crate::models::Model;
use crate::optim::{Optimizer, OptimizerKind};
use crate::vocab::Alphabet;
use crate::Tape;

/// A small two-layer model of the extended alphabet, and names with accents, a hyphen and one
/// longer than its context.
fn small() -> (Gpt, Vec<String>) {
    let config = Config {
        n_embd: 8,
        n_head: 2,
        n_layer: 2,
        block_size: 6,
        ..Config::default()
    }
    .with_alphabet(Alphabet::Extended);
    let model = Gpt::new(config, &mut rand_chacha::ChaCha8Rng::seed_from_u64(3)).unwrap();
    let names = ["éloïse", "jean-noël", "maximilienne", "zoé"];
    (model, names.iter().map(|n| n.to_string()).collect())
}

/// The core's loss and gradient (matrix by matrix) of `model` on `names`.
fn core_gradient(model: &Gpt, names: &[String]) -> (f32, Vec<Vec<f32>>) {
    let docs: Vec<Vec<usize>> = names
        .iter()
        .map(|n| model.alphabet().encode_name(n))
        .collect();
    let refs: Vec<&[usize]> = docs.iter().map(Vec::as_slice).collect();
    let mut tape = Tape::new();
    let mut vars = Vec::new();
    model.params().load_into(&mut tape, &mut vars);
    let loss = model.loss(&mut tape, &vars, &refs).unwrap();
    tape.backward(loss);
    let grads = vars.iter().map(|&v| tape.grad(v).to_vec()).collect();
    (tape.scalar(loss), grads)
}

/// What the notebook's engine prints: its loss, then for two steps the gradient of every
/// matrix (flat) and the weights after Adam (10 steps planned, rate 0.01).
const STEPS: &str = r#"
noms = json.loads(sys.stdin.read())
valeurs = en_valeurs(POIDS)
adam = Adam(toutes(valeurs), 0.01, 10)
sortie = {"pas": []}
for _ in range(2):
    loss = loss_moyenne(valeurs, noms)
    loss.retropropager()
    grads = {nom: [x.grad for ligne in m for x in ligne] for nom, m in valeurs.items()}
    adam.pas()
    apres = {nom: [x.val for ligne in m for x in ligne] for nom, m in valeurs.items()}
    sortie["pas"].append({"loss": loss.val, "grads": grads, "apres": apres})
print(json.dumps(sortie))
"#;

fn numbers(v: &Value) -> Vec<f32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap() as f32)
        .collect()
}

#[test]
fn one_training_step_has_the_core_s_gradient_and_adam_step() {
    let (model, names) = small();
    let book = notebook(&model, &About::default(), Flavour::Python);
    let cells = code_cells(
        &book,
        &[
            "reglages", "lettres", "briques", "modele", "poids", "dominos", "adam",
        ],
    );
    let Some(python) = python() else { return };
    let code = format!("import sys\n{cells}\n{STEPS}");
    let out = run_python(
        &python,
        &code,
        "gradient",
        &serde_json::to_string(&names).unwrap(),
    );
    let steps = json_value(&out, "pas");
    let (loss, grads) = core_gradient(&model, &names);
    let first = &steps[0];
    assert!((first["loss"].as_f64().unwrap() as f32 - loss).abs() < 1e-5);
    let mut weights = model.params().clone();
    let mut adam = Optimizer::new(OptimizerKind::Adam, &weights);
    for (step, taken) in steps.as_array().unwrap().iter().enumerate() {
        let theirs: Vec<Vec<f32>> = weights
            .matrices
            .iter()
            .map(|m| numbers(&taken["grads"][&m.name]))
            .collect();
        if step == 0 {
            for ((m, ours), theirs) in weights.matrices.iter().zip(&grads).zip(&theirs) {
                for (a, b) in ours.iter().zip(theirs) {
                    assert!((a - b).abs() < 1e-5, "{}: core {a} vs notebook {b}", m.name);
                }
            }
        }
        // The same gradient through the core's Adam at the core's rate for this step.
        let lr = 0.01 * (1.0 - step as f32 / 10.0);
        let slices: Vec<&[f32]> = theirs.iter().map(Vec::as_slice).collect();
        assert!(adam.step(&mut weights, &slices, lr));
        for m in &weights.matrices {
            let after = numbers(&taken["apres"][&m.name]);
            for (a, b) in m.data.iter().zip(&after) {
                assert!(
                    (a - b).abs() < 1e-6,
                    "step {step}, {}: core {a} vs notebook {b}",
                    m.name
                );
            }
        }
    }
}
