//! Both notebooks run from top to bottom and give the app's numbers, before and after their
//! training cell.

use super::*;
use crate::models::Model;

/// The plain notebook with a short training cell (the test checks the cell, not its length).
fn short_training(code: &str, steps: usize) -> String {
    let value = code
        .find("PAS, NOMS_PAR_PAS, TAUX = ")
        .expect("a training cell")
        + 26;
    let end = value + code[value..].find(',').unwrap();
    format!("{}{steps}{}", &code[..value], &code[end..])
}

/// What both notebooks must print: the app's loss on the names kept aside (within `tolerance`),
/// a loss after training no worse, the displayed loss found again with its rounding, the app's
/// name at temperature 0, and a French message for an empty list.
fn check_run(out: &str, model: &Gpt, about: &About, tolerance: f64, flavour: Flavour) {
    let measured = json_line(out, "eval_loss");
    let names = about.measured_names(model.config.param_count(), flavour);
    let app = eval_loss(model, &names).unwrap() as f64;
    eprintln!(
        "{flavour:?} notebook: eval loss {measured} vs app {app} on {} names",
        names.len()
    );
    assert!(
        (measured - app).abs() < tolerance,
        "{flavour:?} {measured} vs app {app}"
    );
    // Training never leaves the names kept aside worse than it found them.
    let after = json_line(out, "eval_loss_after_training");
    assert!(after <= measured + 1e-9, "{after} > {measured}");
    let shown = about.shown.as_ref().unwrap();
    let said = format!(
        "Tuto LLM affichait {} sur ces 60\u{a0}noms\u{a0}; ce carnet trouve {}.",
        text::fr(shown.value, 2),
        text::fr(shown.value, 2)
    );
    assert!(out.contains(&said), "{said} not in {out}");
    // Temperature 0 is the most likely letter each time, as the app's.
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0);
    let app_cold = crate::sample::generate(model, "pi", 0.0, 40, &mut rng).0;
    assert_eq!(json_value(out, "cold").as_str(), Some(app_cold.as_str()));
    assert!(json_value(out, "empty").is_null());
    assert!(out.contains("La liste est vide\u{a0}:"), "{out}");
    assert!(
        out.contains("Avant\u{a0}: loss") && out.contains("pas en"),
        "{out}"
    );
}

#[test]
fn the_python_notebook_runs_trains_and_gives_the_app_s_numbers() {
    let (model, about) = trained();
    let (model_cells, training) = split_at(&notebook(&model, &about, Flavour::Python), "dominos");
    let Some(python) = python() else { return };
    let check = "\nprint(json.dumps({\"p\": probabilites(\"pik\")[\"a\"], \"cold\": generer(\"pi\", 0), \"empty\": loss_sur([])}))\n";
    let code = model_cells + check + &short_training(&training, 6);
    let out = run_python(&python, &code, "python", "");
    check_run(&out, &model, &about, 1e-5, Flavour::Python);
    let context = model.alphabet().encode_name("pik");
    let logits = model.next_logits(&mut crate::Tape::new(), &context[..context.len() - 1]);
    let probs = crate::sample::probabilities_at(&logits, 1.0);
    let a = model.alphabet().encode_char('a').unwrap();
    let p = json_line(&out, "p");
    assert!(
        (p - probs[a] as f64).abs() < 1e-5,
        "notebook {p} vs app {}",
        probs[a]
    );
}

/// A Python with torch: `TORCH_PYTHON`, else python3 if it has torch; `None` (and one line
/// saying what was skipped) without.
fn torch_python() -> Option<String> {
    let has_torch = |python: &str| {
        Command::new(python)
            .args(["-c", "import torch"])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if let Ok(python) = std::env::var("TORCH_PYTHON") {
        assert!(
            has_torch(&python),
            "TORCH_PYTHON={python} cannot import torch"
        );
        return Some(python);
    }
    if has_torch("python3") {
        return Some("python3".into());
    }
    eprintln!("skipped: the PyTorch notebook was only compiled, not run (no torch; set TORCH_PYTHON=/path/to/python)");
    None
}

#[test]
fn the_pytorch_notebook_compiles_and_where_torch_is_gives_the_same_loss() {
    let (model, about) = trained();
    let book = notebook(&model, &about, Flavour::PyTorch);
    let code = code_of(&book);
    let Some(python) = python() else { return };
    let compile = "import ast, sys\nast.parse(sys.stdin.read())\nprint('ok')\n";
    assert_eq!(
        run_python(&python, compile, "pytorch-ast", &code).trim(),
        "ok"
    );
    let Some(torch) = torch_python() else { return };
    let check = "\nprint(json.dumps({\"cold\": generer(\"pi\", 0), \"empty\": loss_sur([])}))\n";
    let (model_cells, training) = split_at(&book, "entrainer-texte");
    let out = run_python(
        &torch,
        &(model_cells + check + &short_training(&training, 60)),
        "torch",
        "",
    );
    check_run(&out, &model, &about, 1e-4, Flavour::PyTorch);
    assert!(
        out.contains("Calcul sur\u{a0}: cpu")
            || out.contains("Calcul sur\u{a0}: cuda")
            || out.contains("Calcul sur\u{a0}: mps")
    );
}
