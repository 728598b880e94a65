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
    assert_eq!(r["vocab"], 43);
    assert_eq!(r["params"], 4704);
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
