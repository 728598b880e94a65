use super::*;
use minigpt::data::{shuffled, Dataset};
use minigpt::{Config, TrainConfig};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn trainer(config: Config, steps: usize) -> Trainer<Gpt> {
    let names = shuffled(&Dataset::Prenoms.names(), 42);
    let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(42)).unwrap();
    let train = TrainConfig {
        steps,
        lr: 0.005,
        batch_size: 32,
        ..TrainConfig::default()
    };
    Trainer::new(gpt, &names, train).unwrap()
}

fn medium() -> Config {
    Config {
        n_embd: 32,
        n_head: 4,
        n_layer: 2,
        block_size: 32,
        ..Config::default()
    }
}

/// `size` workers, their messages delivered in a random order: the trainers after `steps`.
fn team_run(config: Config, size: usize, steps: usize, seed: u64) -> Vec<Trainer<Gpt>> {
    let mut trainers: Vec<Trainer<Gpt>> = (0..size).map(|_| trainer(config, steps)).collect();
    trainers.iter_mut().for_each(|t| t.set_parts(size));
    let mut exchanges: Vec<Exchange> = (0..size).map(|r| Exchange::new(r, size)).collect();
    let mut mail: Vec<Outgoing> = Vec::new();
    for (e, t) in exchanges.iter_mut().zip(&mut trainers) {
        mail.extend(e.begin(t));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut done = vec![false; size];
    while done.iter().any(|d| !d) {
        if !mail.is_empty() {
            let letter = mail.swap_remove(rng.random_range(0..mail.len()));
            mail.extend(exchanges[letter.to].receive(letter.message, letter.data));
        }
        for r in 0..size {
            if !done[r] && exchanges[r].ready() {
                match exchanges[r].finish(&mut trainers[r]) {
                    Status::Running => mail.extend(exchanges[r].begin(&mut trainers[r])),
                    _ => done[r] = true,
                }
            }
        }
    }
    assert!(mail.is_empty(), "every message was expected");
    trainers
}

#[test]
fn workers_exchanging_in_any_order_give_the_bits_of_the_native_threads() {
    for size in [1, 2, 3] {
        let mut native = trainer(medium(), 6);
        native.set_parts(size);
        assert_eq!(native.next_step_parts(), size);
        native.advance(6);
        for seed in [1, 2] {
            for t in team_run(medium(), size, 6, seed) {
                assert_eq!(t.losses(), native.losses(), "{size} workers");
                assert_eq!(t.model(), native.model(), "{size} workers");
                assert_eq!(t.status(), Status::Finished);
            }
        }
    }
}

#[test]
fn steps_too_small_to_cut_leave_the_other_workers_idle() {
    // microgpt's size: a step is not worth cutting; worker 0 computes it whole.
    let mut native = trainer(Config::default(), 5);
    native.advance(5);
    for t in team_run(Config::default(), 3, 5, 7) {
        assert_eq!(t.losses(), native.losses());
        assert_eq!(t.model(), native.model());
    }
}

#[test]
fn slices_cover_the_gradient_once() {
    for (size, length) in [(1, 10), (2, 11), (3, 4192), (8, 7)] {
        let covered: Vec<usize> = (0..size).flat_map(|o| slice_of(o, size, length)).collect();
        assert_eq!(covered, (0..length).collect::<Vec<_>>());
    }
}
