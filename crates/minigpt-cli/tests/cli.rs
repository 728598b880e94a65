//! The command-line trainer as a user runs it: flags in, progress lines and one JSON line out;
//! bad flags get a message and a failure code, never a panic.

use std::process::{Command, Output};

fn minigpt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minigpt"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().expect("a JSON line");
    serde_json::from_str(last).expect("the last line is JSON")
}

#[test]
fn a_run_reports_every_field() {
    let r = json_of(&minigpt(&[
        "train",
        "--data",
        "pokemon",
        "--steps",
        "200",
        "--batch",
        "4",
        "--threads",
        "1",
        "--samples",
        "3",
    ]));
    for field in [
        "steps",
        "tokens",
        "seconds",
        "tokens_per_s",
        "train_loss",
        "eval_loss",
        "test_loss",
        "params",
        "vocab",
        "batch",
        "threads",
        "samples",
        "diverged",
    ] {
        assert!(r.get(field).is_some(), "missing {field}: {r}");
    }
    assert_eq!(r["steps"], 200);
    assert_eq!(r["batch"], 4);
    assert_eq!(r["threads"], 1);
    assert_eq!(r["vocab"], 27);
    assert_eq!(r["params"], 4192);
    assert_eq!(r["samples"].as_array().unwrap().len(), 3);
    assert!(r["test_loss"].as_f64().unwrap() < 3.3);
}

#[test]
fn mots_comes_with_its_accents() {
    let r = json_of(&minigpt(&[
        "train",
        "--data",
        "mots",
        "--steps",
        "300",
        "--samples",
        "20",
    ]));
    assert_eq!(r["vocab"], 46);
    assert_eq!(r["params"], 4800);
    let letters = json_of(&minigpt(&[
        "train",
        "--data",
        "mots",
        "--alphabet",
        "letters",
        "--steps",
        "10",
    ]));
    assert_eq!(letters["vocab"], 27);
}

#[test]
fn proverbs_are_learned_and_judged_word_by_word() {
    let r = json_of(&minigpt(&[
        "train",
        "--data",
        "proverbes",
        "--alphabet",
        "extended",
        "--steps",
        "300",
        "--batch",
        "8",
        "--block",
        "64",
        "--samples",
        "10",
    ]));
    assert_eq!(r["vocab"], 46);
    let samples: Vec<&str> = r["samples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(samples.len(), 10);
    assert!(samples.iter().any(|s| s.contains(' ')), "{samples:?}");
    let words = r["sample_words"].as_u64().unwrap();
    let counted: usize = samples.iter().map(|s| minigpt::judge::words(s).len()).sum();
    assert_eq!(words as usize, counted);
    let share = r["french_word_share"].as_f64().unwrap();
    let baseline = r["baseline_french_word_share"].as_f64().unwrap();
    // Even 300 steps beat letters drawn at random by far.
    assert!(share > baseline + 0.2, "{share} against {baseline}");
    let verdicts = r["sample_verdicts"].as_object().unwrap();
    assert_eq!(
        verdicts.values().map(|v| v.as_u64().unwrap()).sum::<u64>(),
        10
    );
    // A proverb's commas stay inside it, whatever the alphabet: still 549 items.
    let out = minigpt(&[
        "train",
        "--data",
        "proverbes",
        "--alphabet",
        "letters",
        "--steps",
        "5",
    ]);
    assert_eq!(json_of(&out)["vocab"], 27);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("494 names to train on, 55 held out"),
        "{stderr}"
    );
}

#[test]
fn max_seconds_stops_the_run() {
    let r = json_of(&minigpt(&[
        "train",
        "--data",
        "prenoms",
        "--steps",
        "100000000",
        "--max-seconds",
        "0.5",
    ]));
    let steps = r["steps"].as_u64().unwrap();
    assert!(steps > 0 && steps < 100_000_000, "{steps}");
    assert!(r["seconds"].as_f64().unwrap() < 5.0);
}

#[test]
fn bad_flags_say_why() {
    for (args, says) in [
        (vec!["train"], "--data is required"),
        (
            vec!["train", "--data", "pokemon", "--batch", "0"],
            "--batch must be between 1 and 4096, not 0",
        ),
        (
            vec!["train", "--data", "pokemon", "--alphabet", "greek"],
            "not letters or extended",
        ),
        (
            vec!["train", "--data", "pokemon", "--max-seconds", "-1"],
            "--max-seconds must be a positive number",
        ),
        (
            vec!["train", "--data", "pokemon", "--steps", "many"],
            "not a valid number",
        ),
        (vec!["train", "--data", "/no/such/file.txt"], "cannot read"),
        (vec!["fly"], "usage"),
    ] {
        let out = minigpt(&args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// `minigpt export ARGS --out OUT`, which must succeed: its stderr and the notebook.
fn export(args: &[&str], out: &std::path::Path) -> (String, serde_json::Value) {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().unwrap()]);
    let run = minigpt(&all);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    let book = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    (stderr, book)
}

/// A scratch directory for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("minigpt-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_saved_model_is_evaluated_and_exported_as_a_notebook_that_runs() {
    let dir = scratch("export");
    let model = dir.join("model.json");
    let (model_s, names_s) = (model.to_str().unwrap(), dir.join("names.txt"));
    std::fs::write(
        &names_s,
        "pikachu\nevoli\nsalameche\ncarapuce\nbulbizarre\nrondoudou\n",
    )
    .unwrap();
    let names = names_s.to_str().unwrap();
    json_of(&minigpt(&[
        "train",
        "--data",
        "pokemon",
        "--steps",
        "150",
        "--threads",
        "1",
        "--samples",
        "0",
        "--save",
        model_s,
    ]));
    let eval = json_of(&minigpt(&["eval", "--model", model_s, "--data", names]));
    assert_eq!(
        (
            eval["vocab"].as_u64(),
            eval["params"].as_u64(),
            eval["names"].as_u64()
        ),
        (Some(27), Some(4192), Some(6))
    );
    let loss = eval["eval_loss"].as_f64().unwrap();
    for (format, file) in [("python", "a.ipynb"), ("pytorch", "b.ipynb")] {
        let out = dir.join(file);
        let (_, book) = export(
            &["--model", model_s, "--format", format, "--eval-data", names],
            &out,
        );
        assert_eq!(book["nbformat"], 4);
    }
    // The plain-Python notebook's code, run by python3, measures the same loss.
    let book: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("a.ipynb")).unwrap()).unwrap();
    // The model's cells, before the training part: the loss before training.
    let cells = book["cells"].as_array().unwrap();
    let training = cells.iter().position(|c| c["id"] == "dominos").unwrap();
    let code: String = cells[..training]
        .iter()
        .filter(|c| c["cell_type"] == "code")
        .map(|c| {
            c["source"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect::<String>()
                + "\n"
        })
        .collect();
    let script = dir.join("notebook.py");
    std::fs::write(&script, code).unwrap();
    let Some(out) = python3(&script) else { return };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let measured = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find_map(|v| v["eval_loss"].as_f64())
        .unwrap_or_else(|| panic!("no eval_loss in {stdout}"));
    assert!(
        (measured - loss).abs() < 1e-5,
        "notebook {measured} vs minigpt eval {loss}"
    );
}

/// python3 runs `script`; without python3, `None` — a failure when `REQUIRE_PYTHON` is set
/// (as `cargo xtask test` does).
fn python3(script: &std::path::Path) -> Option<Output> {
    match Command::new("python3").arg(script).output() {
        Ok(out) => Some(out),
        Err(e) => {
            assert!(
                std::env::var_os("REQUIRE_PYTHON").is_none(),
                "python3 is required (REQUIRE_PYTHON is set): {e}"
            );
            eprintln!("skipped: python3 not found, the exported notebook was not run");
            None
        }
    }
}

#[test]
fn bad_model_files_and_flags_get_a_message() {
    let dir = scratch("bad");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\": \"autre\"}").unwrap();
    for args in [
        vec![
            "eval",
            "--model",
            bad.to_str().unwrap(),
            "--data",
            "pokemon",
        ],
        vec!["eval", "--model", "/nonexistent.json", "--data", "pokemon"],
        vec!["eval", "--data", "pokemon"],
        vec![
            "export",
            "--model",
            bad.to_str().unwrap(),
            "--format",
            "python",
            "--out",
            "/tmp/x.ipynb",
        ],
        vec![
            "export",
            "--model",
            bad.to_str().unwrap(),
            "--format",
            "java",
            "--out",
            "/tmp/x.ipynb",
        ],
        vec!["export", "--format", "python"],
    ] {
        let out = minigpt(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("error: ") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}

/// `eval_loss` is measured on the training part only: the same number as `minigpt eval` on
/// the names the run trained on (the seeded shuffle, without its held-out end).
#[test]
fn eval_loss_is_measured_on_training_names() {
    use minigpt::data::shuffled;
    use minigpt::train::held_out_count;
    let dir = scratch("eval-loss");
    let (data, model) = (dir.join("villes.txt"), dir.join("m.json"));
    let towns = "Paris Lyon Marseille Toulouse Nice Nantes Montpellier Strasbourg Bordeaux Lille \
                 Rennes Reims Toulon Grenoble Dijon Angers Nimes Clermont Aix Brest Tours Amiens \
                 Limoges Annecy Perpignan Metz Besancon Orleans Rouen Mulhouse Caen Nancy";
    // One town per line (spaces stay inside a name).
    let towns = towns.split_whitespace().collect::<Vec<_>>().join("\n");
    std::fs::write(&data, &towns).unwrap();
    let run = json_of(&minigpt(&[
        "train",
        "--data",
        data.to_str().unwrap(),
        "--steps",
        "60",
        "--threads",
        "1",
        "--samples",
        "0",
        "--save",
        model.to_str().unwrap(),
    ]));
    let names = minigpt::Alphabet::Letters.clean(&towns).names;
    let names = shuffled(&names, 42);
    let training = &names[..names.len() - held_out_count(names.len())];
    let part = dir.join("training.txt");
    std::fs::write(&part, training.join("\n")).unwrap();
    let eval = json_of(&minigpt(&[
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--data",
        part.to_str().unwrap(),
    ]));
    let (a, b) = (
        run["eval_loss"].as_f64().unwrap(),
        eval["eval_loss"].as_f64().unwrap(),
    );
    assert!(
        (a - b).abs() < 1e-6,
        "train's eval_loss {a} vs eval on its training names {b}"
    );
    assert_ne!(run["eval_loss"], run["test_loss"]);
}

/// `export` measures as many names as the app's notebooks do (200 for microgpt's size).
#[test]
fn export_bounds_its_evaluation_names() {
    let dir = scratch("bounded");
    let (model, out) = (dir.join("m.json"), dir.join("p.ipynb"));
    json_of(&minigpt(&[
        "train",
        "--data",
        "pokemon",
        "--steps",
        "20",
        "--threads",
        "1",
        "--samples",
        "0",
        "--save",
        model.to_str().unwrap(),
    ]));
    let (stderr, book) = export(
        &[
            "--model",
            model.to_str().unwrap(),
            "--format",
            "python",
            "--eval-data",
            "prenoms",
        ],
        &out,
    );
    assert!(stderr.contains("the first 200 of the"));
    let cell = book["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "jouer")
        .unwrap();
    let source: String = cell["source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let line = source
        .lines()
        .find(|l| l.starts_with("NOMS_A_MESURER = "))
        .unwrap();
    let names: Vec<String> = serde_json::from_str(&line["NOMS_A_MESURER = ".len()..]).unwrap();
    assert_eq!(names.len(), 200);
}
