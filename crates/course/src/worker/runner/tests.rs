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
    let mut mail: Vec<Outgoing> = team
        .iter_mut()
        .flat_map(|r| r.begin_team(&clock).0)
        .collect();
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
            mail.extend(team[0].resume(&clock).0);
        }
    }
    assert_eq!(team[0].status, JobStatus::Finished);
    (model, reports)
}

/// `job` trained natively, each step cut into `parts` as a team of that size cuts it.
fn native_model(job: &Job, parts: usize) -> Vec<f32> {
    let gpt = Gpt::new(
        job.config,
        &mut rand_chacha::ChaCha8Rng::seed_from_u64(job.seed),
    )
    .unwrap();
    let (train, test) = job.names();
    let cfg = TrainConfig {
        steps: job.steps,
        lr: job.lr,
        batch_size: job.batch,
        ..TrainConfig::default()
    };
    let mut t = Trainer::with_held_out(gpt, &train, &test, cfg).unwrap();
    t.set_parts(parts);
    t.advance(job.steps);
    t.model().flat_params()
}

#[test]
fn a_team_trains_as_the_native_threads_even_through_a_pause() {
    let native = native_model(&job(team_config(), 8, 32), 2);
    let (model, reports) = run_team(None);
    assert_eq!(model, native);
    assert!(reports >= 1);
    assert_eq!(run_team(Some(3)).0, native);
}

/// A team driven as the browser drives it: a worker moves only when a message reaches it, or
/// when the page pauses or resumes it. Messages are delivered in a random order (one overtakes
/// another, as when the route changes from the page to a channel), and the leader is paused
/// and resumed at random moments. Every run ends, on every worker, with the native bits.
#[test]
fn a_team_always_ends_whatever_the_order_of_its_messages() {
    use rand::{Rng, SeedableRng};
    let job = job(team_config(), 5, 32);
    for size in [2, 3] {
        let native = native_model(&job, size);
        for seed in 0..12 {
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            let clock = ticking();
            let mut team: Vec<Runner> = (0..size)
                .map(|rank| Runner::new(job.clone(), Seat { rank, size }, None).unwrap())
                .collect();
            let mut mail: Vec<Outgoing> = Vec::new();
            let mut model = None;
            for runner in &mut team {
                mail.extend(runner.begin_team(&clock).0);
            }
            loop {
                let leader = &mut team[0];
                let (out, events) = if rng.random_bool(0.15) && !leader.status.is_over() {
                    if leader.status == JobStatus::Paused {
                        leader.resume(&clock)
                    } else {
                        (Vec::new(), leader.pause())
                    }
                } else if !mail.is_empty() {
                    let letter = mail.swap_remove(rng.random_range(0..mail.len()));
                    team[letter.to].receive(letter.message, letter.data, &clock)
                } else if leader.status == JobStatus::Paused {
                    leader.resume(&clock)
                } else {
                    break;
                };
                mail.extend(out);
                for e in events {
                    if let Event::Model(step, m) = e {
                        if step == job.steps {
                            model = Some(m);
                        }
                    }
                }
            }
            for (rank, runner) in team.iter().enumerate() {
                assert_eq!(
                    runner.status,
                    JobStatus::Finished,
                    "{size} workers, seed {seed}: worker {rank} waits at step {}",
                    runner.trainer.step()
                );
            }
            assert_eq!(model.as_ref(), Some(&native), "{size} workers, seed {seed}");
        }
    }
}
