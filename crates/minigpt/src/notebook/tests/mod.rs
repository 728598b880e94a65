//! The notebooks, checked by running them: python3 runs every code cell (a missing python3 is a
//! failure under `cargo xtask test`, which sets `REQUIRE_PYTHON=1`), PyTorch where
//! `TORCH_PYTHON` names a Python that has it.

mod format;
mod gradient;
mod letters;
mod run;

use super::*;
use crate::data::{shuffled, Dataset};
use crate::{Config, TrainConfig, Trainer};
use rand::SeedableRng;
use std::process::Command;

/// A microgpt-size model trained briefly on the Pokémon, as lesson 6 exports it: the loss the
/// app showed on 60 names, 150 training names.
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
    let mut t = Trainer::new(gpt, &names[60..], config).unwrap();
    t.advance(200);
    let shown: Vec<String> = names[..60].iter().map(|n| n.to_string()).collect();
    let about = About {
        data: "les 1 023 Pokémon".into(),
        dataset: "pokemon".into(),
        pupil: "Inès".into(),
        steps: Some(200),
        lr: Some(0.01),
        batch: Some(1),
        shown: Some(Shown {
            value: eval_loss(t.model(), &shown).unwrap(),
            decimals: 2,
            names: shown,
        }),
        train_names: names[60..210].iter().map(|n| n.to_string()).collect(),
        eval_names: names[..30].iter().map(|n| n.to_string()).collect(),
        ..About::default()
    };
    (t.model().clone(), about)
}

/// The notebook's cells as (kind, id, source).
fn cells_of(notebook: &str) -> Vec<(String, String, String)> {
    let book: Value = serde_json::from_str(notebook).unwrap();
    book["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cell| {
            let source: String = cell["source"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            let text = |k: &str| cell[k].as_str().unwrap_or_default().to_string();
            (text("cell_type"), text("id"), source)
        })
        .collect()
}

/// The notebook's code cells, one after the other: what a « Run all » runs.
fn code_of(notebook: &str) -> String {
    cells_of(notebook)
        .into_iter()
        .filter(|(kind, _, _)| kind == "code")
        .map(|(_, _, source)| source + "\n")
        .collect()
}

/// The code cells before the one with id `id`, and the rest: a check runs between them.
fn split_at(notebook: &str, id: &str) -> (String, String) {
    let cells = cells_of(notebook);
    let at = cells
        .iter()
        .position(|(_, i, _)| i == id)
        .expect("the cell");
    let code = |cells: &[(String, String, String)]| -> String {
        cells
            .iter()
            .filter(|(kind, _, _)| kind == "code")
            .map(|(_, _, source)| source.clone() + "\n")
            .collect()
    };
    (code(&cells[..at]), code(&cells[at..]))
}

/// The code of the cells with these ids, in the notebook's order.
fn code_cells(notebook: &str, ids: &[&str]) -> String {
    cells_of(notebook)
        .into_iter()
        .filter(|(kind, id, _)| kind == "code" && ids.contains(&id.as_str()))
        .map(|(_, _, source)| source + "\n")
        .collect()
}

/// python3, or `None` where there is none — a failure when `REQUIRE_PYTHON` is set (as
/// `cargo xtask test` does): a test whose subject did not run must not pass.
fn python() -> Option<String> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some("python3".into());
    }
    assert!(
        std::env::var_os("REQUIRE_PYTHON").is_none(),
        "python3 is required to run the notebooks (REQUIRE_PYTHON is set)"
    );
    eprintln!("skipped: python3 not found, the notebooks were not run (REQUIRE_PYTHON=1 makes this a failure)");
    None
}

/// Runs `code` with `interpreter`, `input` on its standard input; its standard output.
fn run_python(interpreter: &str, code: &str, name: &str, input: &str) -> String {
    use std::io::Write;
    let path = std::env::temp_dir().join(format!("tuto-llm-{name}-{}.py", std::process::id()));
    std::fs::write(&path, code).unwrap();
    let mut child = Command::new(interpreter)
        .arg(&path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The value under `key` in the output's JSON lines.
fn json_value(output: &str, key: &str) -> Value {
    output
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|v| v.get(key).cloned())
        .unwrap_or_else(|| panic!("no {key} in {output}"))
}

fn json_line(output: &str, key: &str) -> f64 {
    json_value(output, key).as_f64().unwrap()
}

#[test]
fn eval_names_shrink_with_the_model() {
    assert_eq!(eval_names_for(4192), 200);
    assert_eq!(eval_names_for(202_112), 20);
}

#[test]
fn pytorch_measures_all_held_out_names_but_keeps_most_of_a_trained_list_to_learn() {
    let names = |r: std::ops::Range<usize>| r.map(|i| format!("n{i}")).collect::<Vec<_>>();
    let shown = |names: Vec<String>| {
        Some(Shown {
            value: 2.0,
            decimals: 2,
            names,
        })
    };
    // The Atelier: the displayed loss is on held-out names.
    let atelier = About {
        shown: shown(names(0..1000)),
        train_names: names(1000..9000),
        ..About::default()
    };
    assert_eq!(
        atelier.measured_names(202_112, Flavour::PyTorch).len(),
        1000
    );
    assert_eq!(atelier.measured_names(202_112, Flavour::Python).len(), 20);
    // Lesson 6: the displayed loss is on the very names it trained on.
    let lesson = About {
        shown: shown(names(0..1023)),
        train_names: names(0..1023),
        ..About::default()
    };
    assert_eq!(lesson.measured_names(4192, Flavour::PyTorch), names(0..200));
    assert_eq!(lesson.measured_names(4192, Flavour::Python), names(0..200));
}
