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
            "--batch must be at least 1",
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
        let run = minigpt(&[
            "export",
            "--model",
            model_s,
            "--format",
            format,
            "--eval-data",
            names,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let book: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(book["nbformat"], 4);
    }
    // The plain-Python notebook's code, run by python3, measures the same loss.
    let book: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("a.ipynb")).unwrap()).unwrap();
    let code: String = book["cells"]
        .as_array()
        .unwrap()
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
    let Ok(out) = Command::new("python3").arg(&script).output() else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap();
    let measured = serde_json::from_str::<serde_json::Value>(line).unwrap()["eval_loss"]
        .as_f64()
        .unwrap();
    assert!(
        (measured - loss).abs() < 1e-5,
        "notebook {measured} vs minigpt eval {loss}"
    );
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
