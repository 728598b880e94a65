#![cfg(not(target_arch = "wasm32"))]
//! Golden runs (`common/golden.rs`): training must give the very same numbers, bit for bit —
//! here natively, and in `tests/wasm.rs` in the browser. A failure names the first diverging
//! steps and matrix; `GOLDEN_RECORD=1 cargo test -p minigpt --test golden -- --nocapture`
//! prints new records for a change meant to move the bits.

use minigpt::data::Dataset;
use minigpt::fingerprint;
mod common;
use common::golden::{self, check, gpt_run, Record, Run};

#[test]
fn one_name_per_step_gpt_training_is_unchanged() {
    check(&[
        (
            "POKEMON_1000",
            gpt_run(Dataset::Pokemon, 1000),
            &golden::POKEMON_1000,
        ),
        (
            "PRENOMS_1000",
            gpt_run(Dataset::Prenoms, 1000),
            &golden::PRENOMS_1000,
        ),
    ]);
}

#[test]
fn lesson_2_and_3_models_train_as_before() {
    check(&[
        ("TABLE", golden::table_run(), &golden::TABLE),
        ("MLP", golden::mlp_run(), &golden::MLP),
    ]);
}

#[test]
fn steps_cut_into_parts_keep_their_bits() {
    check(&[
        ("SPLIT_1", golden::split_run(1), &golden::SPLIT[0]),
        ("SPLIT_2", golden::split_run(2), &golden::SPLIT[1]),
        ("SPLIT_3", golden::split_run(3), &golden::SPLIT[2]),
    ]);
}

/// A run that leaves its record is located: the stretch of steps, then the matrix.
#[test]
fn a_divergence_names_its_first_steps_and_matrix() {
    let losses: Vec<f32> = (0..150).map(|i| i as f32).collect();
    let run = Run {
        losses: losses.clone(),
        matrices: vec![("wte".into(), 1), ("wpe".into(), 2)],
        eval: Some(2.5),
    };
    let marks: Vec<(usize, f32, u64)> = [1, 10, 100, 150]
        .iter()
        .map(|&s| (s, losses[s - 1], fingerprint(&losses[..s])))
        .collect();
    let marks: &'static [(usize, f32, u64)] = Box::leak(marks.into_boxed_slice());
    let record = Record {
        marks,
        matrices: &[("wte", 1), ("wpe", 2)],
        eval: Some(2.5),
    };
    assert_eq!(run.diverges_from(&record), None);
    let mut later = Run {
        losses: losses.clone(),
        ..run_like(&run)
    };
    later.losses[42] += 1.0;
    assert_eq!(
        later.diverges_from(&record).unwrap(),
        "first diverging step: between 11 and 100 (loss at step 100: recorded 99.0, now 99.0)"
    );
    let mut matrix = run_like(&run);
    matrix.matrices[1].1 = 3;
    assert_eq!(
        matrix.diverges_from(&record).unwrap(),
        "first diverging matrix: wpe (number 1)"
    );
    let mut eval = run_like(&run);
    eval.eval = Some(2.75);
    assert!(eval
        .diverges_from(&record)
        .unwrap()
        .starts_with("the eval loss"));
    // The recorder writes what `check` compares.
    assert!(run.source("X").contains("(10, 9.0, "));
}

fn run_like(run: &Run) -> Run {
    Run {
        losses: run.losses.clone(),
        matrices: run.matrices.clone(),
        eval: run.eval,
    }
}
