use super::*;
use crate::data::{shuffled, Dataset};
use crate::models::Model;
use crate::train::eval_loss;
use crate::{Config, TrainConfig, Trainer};
use rand::SeedableRng;
use std::process::Command;

/// A microgpt-size model trained briefly on the Pokémon, and 30 names to measure it on.
fn trained() -> (Gpt, About) {
    let names = shuffled(&Dataset::Pokemon.names(), 7);
    let gpt = Gpt::new(
        Config::default(),
        &mut rand_chacha::ChaCha8Rng::seed_from_u64(7),
    )
    .unwrap();
    let config = TrainConfig {
        steps: 200,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(gpt, &names[30..], config).unwrap();
    t.advance(200);
    let eval_names: Vec<String> = names[..30].iter().map(|n| n.to_string()).collect();
    let about = About {
        data: "1 023 Pokémon".into(),
        steps: Some(200),
        eval_loss: eval_loss(t.model(), &eval_names),
        train_names: names[30..].iter().map(|n| n.to_string()).collect(),
        eval_names,
    };
    (t.model().clone(), about)
}

/// The notebook's code cells, one after the other: what a « Run all » runs.
fn code_of(notebook: &str) -> String {
    let book: Value = serde_json::from_str(notebook).unwrap();
    assert_eq!(book["nbformat"], 4);
    let cells = book["cells"].as_array().unwrap();
    assert!(cells.len() >= 5);
    let mut code = String::new();
    for cell in cells {
        let kind = cell["cell_type"].as_str().unwrap();
        assert!(kind == "markdown" || kind == "code");
        assert!(cell["metadata"].is_object());
        let source: Vec<&str> = cell["source"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        if kind == "code" {
            assert!(cell["outputs"].is_array());
            code.push_str(&source.concat());
            code.push('\n');
        }
    }
    code
}

fn python() -> Option<String> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then(|| "python3".to_string())
}

fn run_python(interpreter: &str, code: &str, name: &str) -> String {
    let path = std::env::temp_dir().join(format!("tuto-llm-{name}-{}.py", std::process::id()));
    std::fs::write(&path, code).unwrap();
    let out = Command::new(interpreter).arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The number under `key` in the output's JSON lines.
fn json_line(output: &str, key: &str) -> f64 {
    output
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|v| v.get(key).and_then(Value::as_f64))
        .unwrap_or_else(|| panic!("no {key} in {output}"))
}

#[test]
fn the_python_notebook_runs_and_gives_the_app_s_numbers() {
    let (model, about) = trained();
    let code = code_of(&notebook(&model, &about, Flavour::Python));
    let Some(python) = python() else {
        eprintln!("python3 not found: the notebook is only checked as nbformat 4");
        return;
    };
    let check = "\nprint(json.dumps({\"p\": probabilites(\"pik\")[\"a\"], \"cold\": probabilites(\"pik\", 0.0)[\".\"]}))\n";
    let out = run_python(&python, &(code + check), "python");
    let measured = json_line(&out, "eval_loss");
    let app = about.eval_loss.unwrap() as f64;
    eprintln!("plain-Python notebook: eval loss {measured} vs app {app}");
    assert!(
        (measured - app).abs() < 1e-5,
        "notebook {measured} vs app {app}"
    );
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
    // Ten names were printed before the loss.
    assert!(out.lines().count() >= 11, "{out}");
}

#[test]
fn the_pytorch_notebook_compiles_and_where_torch_is_gives_the_same_loss() {
    let (model, about) = trained();
    let code = code_of(&notebook(&model, &about, Flavour::PyTorch));
    assert!(code.contains("device = \"cuda\" if torch.cuda.is_available() else \"cpu\""));
    let Some(python) = python() else { return };
    let path = std::env::temp_dir().join(format!("tuto-llm-pytorch-{}.py", std::process::id()));
    std::fs::write(&path, &code).unwrap();
    let compiled = Command::new(&python)
        .args(["-m", "py_compile"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(compiled.success());
    // With torch (TORCH_PYTHON=path/to/python, or a python3 that has it): the whole notebook runs.
    let torch = std::env::var("TORCH_PYTHON").unwrap_or(python);
    let has_torch = Command::new(&torch)
        .args(["-c", "import torch"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_torch {
        eprintln!("no torch here: the PyTorch notebook's loss is not compared (set TORCH_PYTHON)");
        return;
    }
    let out = run_python(
        &torch,
        &code.replace(
            "PAS, TAUX, NOMS_PAR_LOT = 300",
            "PAS, TAUX, NOMS_PAR_LOT = 20",
        ),
        "torch",
    );
    let measured = json_line(&out, "eval_loss");
    let app = about.eval_loss.unwrap() as f64;
    eprintln!("PyTorch notebook: eval loss {measured} vs app {app}");
    assert!(
        (measured - app).abs() < 1e-4,
        "PyTorch {measured} vs app {app}"
    );
}

#[test]
fn eval_names_shrink_with_the_model() {
    assert_eq!(eval_names_for(4192), 200);
    assert_eq!(eval_names_for(202_112), 20);
}
