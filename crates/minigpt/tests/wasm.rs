//! The core in a real browser (wasm32, headless Chromium): a representative subset of the
//! native tests — whole-model gradient check, training, determinism, sampling, save/load.
#![cfg(target_arch = "wasm32")]

use minigpt::data::{shuffled, Dataset};
use minigpt::train::eval_loss;
use minigpt::{saved, Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_browser_gives_the_native_golden_bits() {
    use common::golden::{self, check};
    check(&[
        (
            "POKEMON_1000",
            golden::gpt_run(Dataset::Pokemon, 1000),
            &golden::POKEMON_1000,
        ),
        (
            "PRENOMS_1000",
            golden::gpt_run(Dataset::Prenoms, 1000),
            &golden::PRENOMS_1000,
        ),
        ("TABLE", golden::table_run(), &golden::TABLE),
        ("MLP", golden::mlp_run(), &golden::MLP),
    ]);
    // Here one thread computes the parts one after the other: the same bits as native threads.
    check(&[
        ("SPLIT_1", golden::split_run(1), &golden::SPLIT[0]),
        ("SPLIT_2", golden::split_run(2), &golden::SPLIT[1]),
        ("SPLIT_3", golden::split_run(3), &golden::SPLIT[2]),
    ]);
}

#[wasm_bindgen_test]
fn gpt_gradient_matches_finite_differences_in_the_browser() {
    let c = Config {
        n_embd: 8,
        n_head: 2,
        n_layer: 1,
        block_size: 8,
        ..Config::default()
    };
    let gpt = Gpt::new(c, &mut ChaCha8Rng::seed_from_u64(1)).unwrap();
    let letters = minigpt::Alphabet::Letters;
    let (a, b) = (letters.encode_name("pikachu"), letters.encode_name("evoli"));
    common::check_model_gradient(gpt, &[&a, &b], 1);
}

#[wasm_bindgen_test]
fn training_learns_and_is_deterministic_in_the_browser() {
    let names = shuffled(&Dataset::Pokemon.names(), 42);
    let run = || {
        let gpt = Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(42)).unwrap();
        let mut t = Trainer::new(
            gpt,
            &names,
            TrainConfig {
                steps: 300,
                ..TrainConfig::default()
            },
        )
        .unwrap();
        assert_eq!(t.advance(1000), Status::Finished);
        t
    };
    let (a, b) = (run(), run());
    assert_eq!(a.losses(), b.losses());
    let eval = eval_loss(a.model(), &names[..200]).unwrap();
    assert!(eval < 3.0, "eval loss {eval}");
    let (name, _) = minigpt::sample::generate(
        a.model(),
        "tyrannosaurus",
        1.0,
        40,
        &mut ChaCha8Rng::seed_from_u64(3),
    );
    assert!(name.starts_with("tyrannosaurus") && name.len() <= 40);
    let (back, _) = saved::from_json(&saved::to_json(a.model(), "")).unwrap();
    assert_eq!(&back, a.model());
    assert!(saved::from_json("{}").is_err());
}
