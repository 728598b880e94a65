//! Every input of the reliability probe (issue 30, F12) ends cleanly: a huge `--steps`, a full
//! standard output, `--help`, huge `--threads` and `--samples`, `/dev/zero` as data, a `--save`
//! path that cannot be written. Each runs with a deadline: a hang is a failure.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `minigpt args` with `stdout` as its standard output; kills it and fails after `limit`.
fn run_within(args: &[&str], stdout: Stdio, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minigpt"))
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_within(args, Stdio::piped(), Duration::from_secs(60))
}

/// Fails with exit code 2, its last words an `error: …` saying `says`, no panic.
fn refused(out: &Output, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let error = err.find("error: ").map_or("", |at| &err[at..]);
    assert!(error.contains(says), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn huge_numbers_are_refused_with_their_range() {
    for (flag, value, says) in [
        (
            "--steps",
            "10000000000",
            "--steps must be between 1 and 100000000",
        ),
        (
            "--steps",
            "18446744073709551615",
            "--steps must be between 1 and 100000000",
        ),
        ("--steps", "18446744073709551616", "is not a valid number"),
        ("--threads", "10000", "--threads must be between 1 and"),
        ("--threads", "0", "--threads must be between 1 and"),
        (
            "--samples",
            "1000000",
            "--samples must be between 0 and 1000",
        ),
        (
            "--eval-docs",
            "1000000000",
            "--eval-docs must be between 0 and 100000",
        ),
        ("--batch", "100000", "--batch must be between 1 and 4096"),
    ] {
        let out = run(&["train", "--data", "pokemon", flag, value]);
        refused(&out, says);
    }
}

#[test]
fn a_full_standard_output_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let args = [
        "train",
        "--data",
        "pokemon",
        "--steps",
        "10",
        "--threads",
        "1",
    ];
    let out = run_within(&args, Stdio::from(full), Duration::from_secs(60));
    refused(&out, "cannot write to standard output");
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = run_within(&["--help"], Stdio::from(full), Duration::from_secs(10));
    refused(&out, "cannot write to standard output");
}

#[test]
fn help_prints_the_usage_and_succeeds() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["train", "--help"],
        &["eval", "--help"],
        &["export", "-h"],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}");
        let usage = String::from_utf8_lossy(&out.stdout);
        assert!(
            usage.starts_with("usage:") && usage.contains("minigpt train"),
            "{args:?}: {usage}"
        );
        assert!(out.stderr.is_empty(), "{args:?}");
    }
    refused(&run(&[]), "usage:");
}

#[test]
fn endless_or_huge_files_are_refused_quickly() {
    if !std::path::Path::new("/dev/zero").exists() {
        eprintln!("skipped: no /dev/zero here");
        return;
    }
    let quick = Duration::from_secs(30);
    let out = run_within(&["train", "--data", "/dev/zero"], Stdio::piped(), quick);
    refused(&out, "/dev/zero is larger than 20 MB");
    let out = run_within(
        &["eval", "--model", "/dev/zero", "--data", "pokemon"],
        Stdio::piped(),
        quick,
    );
    refused(&out, "/dev/zero is larger than 100 MB");
}

#[test]
fn an_unwritable_save_path_is_refused_before_training() {
    let args = [
        "train",
        "--data",
        "prenoms",
        "--steps",
        "100000000",
        "--max-seconds",
        "600",
        "--save",
        "/no/such/dir/model.json",
    ];
    let out = run_within(&args, Stdio::piped(), Duration::from_secs(30));
    refused(&out, "cannot write /no/such/dir/model.json");
    assert!(out.stdout.is_empty(), "it trained first");
}
