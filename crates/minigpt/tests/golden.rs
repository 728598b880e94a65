#![cfg(not(target_arch = "wasm32"))]
//! Golden figures recorded before the batched kernels, alphabet and held-out split were added
//! (commit c867734): one-name-per-step training must give the very same losses, bit for bit.

use minigpt::data::{shuffled, Dataset, TEACHING_SET};
use minigpt::optim::OptimizerKind;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, BigramTable, Config, ContextMlp, Gpt, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// FNV-1a over the bits of every number: one fingerprint for a whole list of losses.
fn fingerprint<'a>(values: impl IntoIterator<Item = &'a f32>) -> u64 {
    values.into_iter().fold(0xcbf29ce484222325, |h, v| {
        (h ^ v.to_bits() as u64).wrapping_mul(0x100000001b3)
    })
}

fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

fn gpt_run(data: Dataset, steps: usize) -> (u64, u64, f32) {
    let names = shuffled(&data.names(), 42);
    let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
    let mut t = Trainer::new(
        gpt,
        &names,
        TrainConfig {
            steps,
            ..TrainConfig::default()
        },
    )
    .unwrap();
    t.advance(steps);
    let params = fingerprint(t.model().params.matrices.iter().flat_map(|m| &m.data));
    let eval = eval_loss(t.model(), &names[..2000.min(names.len())]).unwrap();
    (fingerprint(t.losses()), params, eval)
}

#[test]
fn one_name_per_step_gpt_training_is_unchanged() {
    assert_eq!(
        gpt_run(Dataset::Pokemon, 1000),
        (18176625110725780054, 5570195829333277764, 2.400191)
    );
    assert_eq!(
        gpt_run(Dataset::Prenoms, 1000),
        (13146297858673665929, 16949969144803585993, 2.3798993)
    );
}

#[test]
fn lesson_2_and_3_models_train_as_before() {
    let table = BigramTable::new(Alphabet::Letters, 1.0, &mut rng(2));
    let cfg = TrainConfig {
        steps: 100,
        lr: 30.0,
        optimizer: OptimizerKind::Sgd,
        lr_decay: false,
        batch_size: 20,
        test_split: false,
    };
    let mut t = Trainer::new(table, &TEACHING_SET, cfg).unwrap();
    t.advance(100);
    assert_eq!(fingerprint(t.losses()), 0xcf04be89e5fe8d4);
    assert_eq!(t.losses().last(), Some(&1.7565819));

    let names = shuffled(&Dataset::Pokemon.names(), 3);
    let (train, val) = minigpt::data::split(&names, 0.1);
    let mlp = ContextMlp::new(Alphabet::Letters, 3, 8, 64, &mut rng(3));
    let cfg = TrainConfig {
        steps: 1500,
        lr: 0.01,
        batch_size: 16,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(mlp, &train, cfg).unwrap();
    t.advance(1500);
    assert_eq!(fingerprint(t.losses()), 0x60ace99746a56b68);
    assert_eq!(eval_loss(t.model(), &val), Some(2.4939802));
}
