use super::*;
use minigpt::data::Dataset;
use minigpt::Config;
use std::cell::Cell;

fn job(config: Config, steps: usize, batch: usize) -> Job {
    Job {
        config,
        data: Data::Builtin(Dataset::Pokemon),
        seed: 42,
        steps,
        lr: 0.01,
        batch,
        max_seconds: None,
        test_split: true,
    }
}

/// A clock that moves on 7 ms each time it is read: slices end and checkpoints come.
fn ticking() -> impl Fn() -> f64 {
    let t = Cell::new(0.0);
    move || {
        t.set(t.get() + 7.0);
        t.get()
    }
}

/// Runs `runner` alone to its end; its last model, and every checkpoint on the way.
fn run_alone(mut runner: Runner) -> (Vec<f32>, Vec<(CheckpointHeader, Checkpoint)>) {
    let clock = ticking();
    let (mut model, mut checkpoints) = (Vec::new(), Vec::new());
    while runner.is_running() {
        for e in runner.slice(50.0, &clock) {
            match e {
                Event::Model(_, m) => model = m,
                Event::Checkpoint(h, c) => checkpoints.push((h, c)),
                Event::Report(_) => {}
            }
        }
    }
    (model, checkpoints)
}

#[test]
fn a_run_carried_on_from_a_checkpoint_ends_as_the_uninterrupted_one() {
    let job = job(Config::default(), 600, 4);
    let (whole, checkpoints) = run_alone(Runner::new(job.clone(), Seat::ALONE, None).unwrap());
    assert!(checkpoints.len() >= 2, "{} checkpoints", checkpoints.len());
    let (header, checkpoint) = &checkpoints[1];
    assert!(header.step > 0 && header.step < 600 && header.compute_ms > 0.0);
    let resumed = Runner::new(job, Seat::ALONE, Some((header, checkpoint))).unwrap();
    assert_eq!(
        resumed.reported, header.step,
        "the page already has those losses"
    );
    let (carried_on, _) = run_alone(resumed);
    assert_eq!(carried_on, whole);
}

#[test]
fn a_checkpoint_of_another_model_is_refused_in_french() {
    let small = job(Config::default(), 100, 4);
    let (_, checkpoints) = run_alone(Runner::new(small, Seat::ALONE, None).unwrap());
    let (header, checkpoint) = &checkpoints[0];
    let bigger = Config {
        n_embd: 32,
        ..Config::default()
    };
    let refused = Runner::new(job(bigger, 100, 4), Seat::ALONE, Some((header, checkpoint)));
    assert_eq!(refused.err().as_deref(), Some(text::CANNOT_CARRY_ON));
}

/// A model big enough for its steps to be shared, small enough for a quick test.
fn team_config() -> Config {
    Config {
        n_embd: 32,
        n_head: 4,
        n_layer: 2,
        block_size: 32,
        ..Config::default()
    }
}

/// Two runners in a team; messages delivered at once, in order. The leader is paused after
/// `pause_at` of its steps and resumed at once. Returns the leader's events' last model.
fn run_team(pause_at: Option<usize>) -> (Vec<f32>, usize) {
    let config = team_config();
    let job = job(config, 8, 32);
    let clock = ticking();
    let mut team: Vec<Runner> = (0..2)
        .map(|rank| Runner::new(job.clone(), Seat { rank, size: 2 }, None).unwrap())
        .collect();
    assert!(
        team[1].start().is_empty(),
        "only the leader talks to the page"
    );
    let mut mail: Vec<Outgoing> = team.iter_mut().flat_map(|r| r.begin_step(&clock)).collect();
    let (mut model, mut reports) = (Vec::new(), 0);
    while let Some(letter) = mail.pop() {
        let (out, events) = team[letter.to].receive(letter.message, letter.data, &clock);
        mail.extend(out);
        if letter.to == 1 {
            assert!(events.is_empty());
        }
        for e in events {
            match e {
                Event::Model(_, m) => model = m,
                Event::Report(_) => reports += 1,
                Event::Checkpoint(..) => {}
            }
        }
        if pause_at == Some(team[0].trainer.step()) && team[0].is_running() {
            team[0].pause();
            mail.extend(team[0].resume(&clock));
        }
    }
    assert_eq!(team[0].status, JobStatus::Finished);
    (model, reports)
}

#[test]
fn a_team_trains_as_the_native_threads_even_through_a_pause() {
    let config = team_config();
    let native = {
        let gpt = Gpt::new(config, &mut rand_chacha::ChaCha8Rng::seed_from_u64(42)).unwrap();
        let j = job(config, 8, 32);
        let (train, test) = j.names();
        let cfg = TrainConfig {
            steps: 8,
            lr: 0.01,
            batch_size: 32,
            ..TrainConfig::default()
        };
        let mut t = Trainer::with_held_out(gpt, &train, &test, cfg).unwrap();
        t.set_parts(2);
        t.advance(8);
        t.model().flat_params()
    };
    let (model, reports) = run_team(None);
    assert_eq!(model, native);
    assert!(reports >= 1);
    assert_eq!(run_team(Some(3)).0, native);
}
