#![cfg(not(target_arch = "wasm32"))]
//! Golden runs (`common/golden.rs`): training must give the very same numbers, bit for bit —
//! here natively, and in `tests/wasm.rs` in the browser.

use minigpt::data::Dataset;
mod common;
use common::golden::{self, gpt_run};

#[test]
fn one_name_per_step_gpt_training_is_unchanged() {
    assert_eq!(gpt_run(Dataset::Pokemon, 1000), golden::POKEMON_1000);
    assert_eq!(gpt_run(Dataset::Prenoms, 1000), golden::PRENOMS_1000);
}

#[test]
fn lesson_2_and_3_models_train_as_before() {
    assert_eq!(golden::table_run(), golden::TABLE);
    assert_eq!(golden::mlp_run(), golden::MLP);
}

#[test]
fn steps_cut_into_parts_keep_their_bits() {
    for parts in [1, 2, 3] {
        assert_eq!(
            golden::split_run(parts),
            golden::SPLIT[parts - 1],
            "{parts} parts"
        );
    }
}
