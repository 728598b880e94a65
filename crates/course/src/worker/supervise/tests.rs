//! Every fault the browser tests could only sleep through, on a fake clock: a worker never
//! ready, silent, failing mid-run; the leader lost, all lost; a stop during a step or while a
//! worker is stuck; the last step's report with or without its model; messages out of order.

use super::*;
use crate::worker::protocol::{Data, Job, Report};
use minigpt::data::Dataset;
use minigpt::optim::OptimizerState;
use minigpt::{Config, Gpt};
use rand::SeedableRng;
use std::cell::Cell;

const STEPS: usize = 10;

fn job() -> Job {
    Job {
        config: Config::default(),
        data: Data::Builtin(Dataset::Pokemon),
        seed: 42,
        steps: STEPS,
        lr: 0.01,
        batch: 1,
        max_seconds: None,
        test_split: true,
    }
}

/// A supervisor, the job's state and a clock the test moves.
struct Page {
    sup: Supervisor,
    state: JobState,
    clock: Cell<f64>,
    /// Every action so far.
    log: Vec<Action>,
}

impl Page {
    fn new(size: usize, route: Option<Route>) -> (Page, Vec<Action>) {
        let (sup, actions) = Supervisor::start(size, route, 0.0);
        let page = Page {
            sup,
            state: JobState::new(job(), "test".into()),
            clock: Cell::new(0.0),
            log: actions.clone(),
        };
        (page, actions)
    }

    fn at(&mut self, t: f64, event: Event) -> Vec<Action> {
        self.clock.set(t);
        let clock = &self.clock;
        let actions = self.sup.on(event, &|| clock.get(), &mut self.state);
        self.log.extend(actions.clone());
        actions
    }

    fn hired(&mut self, t: f64, made: &[bool]) -> Vec<Action> {
        let generation = self.sup.generation();
        self.at(
            t,
            Event::Hired {
                generation,
                made: made.to_vec(),
            },
        )
    }

    fn said(&mut self, t: f64, slot: usize, message: FromWorker) -> Vec<Action> {
        self.said_with(t, slot, message, Vec::new())
    }

    fn said_with(
        &mut self,
        t: f64,
        slot: usize,
        message: FromWorker,
        numbers: Vec<f32>,
    ) -> Vec<Action> {
        let generation = self.sup.generation();
        self.at(
            t,
            Event::Heard {
                generation,
                slot,
                message,
                numbers,
            },
        )
    }

    fn failed(&mut self, t: f64, slot: usize) -> Vec<Action> {
        let generation = self.sup.generation();
        self.at(t, Event::Failed { generation, slot })
    }

    /// Ticks every second from `from` to `to`, while `slots` send signs of life.
    fn ticks(&mut self, from: f64, to: f64, alive: &[usize]) -> Vec<Action> {
        let mut all = Vec::new();
        let mut t = from;
        while t <= to {
            for &slot in alive {
                all.extend(self.said(t, slot, FromWorker::Alive));
            }
            all.extend(self.at(t, Event::Tick));
            t += TICK_MS;
        }
        all
    }

    /// A team of `size` made and ready at 1 s: the actions of its launch.
    fn launched(size: usize) -> (Page, Vec<Action>) {
        let (mut page, _) = Page::new(size, None);
        page.hired(500.0, &vec![true; size]);
        let mut actions = Vec::new();
        for slot in 0..size {
            actions = page.said(1000.0, slot, FromWorker::Ready);
        }
        page.at(1000.0, Event::Tick);
        (page, actions)
    }

    /// The leader reports steps up to `step` at `t` (one loss per step).
    fn report(&mut self, t: f64, slot: usize, status: JobStatus, step: usize) -> Vec<Action> {
        let new = step.saturating_sub(self.state.losses.len());
        self.said(t, slot, FromWorker::Progress(report(status, step, new)))
    }

    /// The leader's checkpoint at the state's current step.
    fn checkpoint(&mut self, t: f64, slot: usize) -> Vec<Action> {
        let step = self.state.losses.len();
        let (header, numbers) = checkpoint(step, &self.state.losses);
        self.said_with(t, slot, FromWorker::Checkpoint(header), numbers)
    }

    fn model(&mut self, t: f64, slot: usize, step: usize) -> Vec<Action> {
        self.said_with(t, slot, FromWorker::Model { step }, params(step))
    }
}

fn report(status: JobStatus, step: usize, new: usize) -> Report {
    Report {
        status,
        step,
        new_losses: vec![3.0; new],
        tokens: step * 7,
        compute_ms: step as f64 * 10.0,
        test_loss: status.is_over().then_some(2.5),
        train_names: 900,
        test_names: 100,
    }
}

/// A model's numbers, recognisable by `seed`.
fn params(seed: usize) -> Vec<f32> {
    let gpt = Gpt::new(
        Config::default(),
        &mut rand_chacha::ChaCha8Rng::seed_from_u64(seed as u64),
    );
    gpt.unwrap().flat_params()
}

fn checkpoint(step: usize, losses: &[f32]) -> (CheckpointHeader, Vec<f32>) {
    let params = params(1000 + step);
    let checkpoint = Checkpoint {
        step,
        tokens_seen: step * 7,
        optimizer: OptimizerState {
            t: step as i32,
            m: vec![0.0; params.len()],
            v: vec![0.0; params.len()],
        },
        params,
        losses: losses[..step].to_vec(),
    };
    let header = CheckpointHeader {
        step,
        tokens_seen: step * 7,
        adam_t: step as i32,
        compute_ms: step as f64 * 10.0,
    };
    (header, checkpoint_numbers(&checkpoint))
}

fn starts(actions: &[Action]) -> Option<(Vec<(usize, Seat)>, bool)> {
    actions.iter().find_map(|a| match a {
        Action::Launch { starts, resume } => Some((
            starts
                .iter()
                .map(|(slot, start)| match start {
                    ToWorker::Start { seat, .. } => (*slot, *seat),
                    _ => panic!("not a start: {start:?}"),
                })
                .collect(),
            resume.is_some(),
        )),
        _ => None,
    })
}

fn terminated(actions: &[Action]) -> Vec<usize> {
    let mut slots: Vec<usize> = actions
        .iter()
        .filter_map(|a| match a {
            Action::Terminate { slot } => Some(*slot),
            _ => None,
        })
        .collect();
    slots.sort();
    slots
}

fn hires(actions: &[Action]) -> Vec<usize> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::Hire { size, .. } => Some(*size),
            _ => None,
        })
        .collect()
}

fn seat(rank: usize, size: usize) -> Seat {
    Seat { rank, size }
}

#[test]
fn a_team_starts_once_every_worker_is_ready() {
    let (mut page, actions) = Page::new(2, None);
    assert_eq!(
        actions,
        vec![Action::Hire {
            generation: 1,
            size: 2
        }]
    );
    page.hired(300.0, &[true, true]);
    assert!(page.said(800.0, 1, FromWorker::Ready).is_empty());
    let launch = page.said(900.0, 0, FromWorker::Ready);
    assert_eq!(
        starts(&launch),
        Some((vec![(0, seat(0, 2)), (1, seat(1, 2))], false))
    );
    assert_eq!((page.state.workers, page.state.in_worker), (2, true));
    assert_eq!(page.state.route, Some(crate::worker::route::FIRST));
}

#[test]
fn a_worker_never_ready_is_given_up_and_the_others_start_without_it() {
    let (mut page, _) = Page::new(2, None);
    page.hired(0.0, &[true, true]);
    page.said(500.0, 1, FromWorker::Ready);
    let actions = page.ticks(1000.0, 11_000.0, &[1]);
    assert_eq!(terminated(&actions), vec![0]);
    assert_eq!(starts(&actions), Some((vec![(1, seat(0, 1))], false)));
    // Worker 1 now leads: its reports count (its slot, not its old rank).
    page.report(11_500.0, 1, JobStatus::Running, 3);
    assert_eq!(page.state.step, 3);
}

#[test]
fn workers_the_browser_refuses_or_that_never_start_leave_the_page_to_train() {
    for case in ["refused", "never ready", "no script", "boot failed"] {
        let (mut page, _) = Page::new(2, None);
        let actions = match case {
            "refused" => page.hired(100.0, &[false, false]),
            "never ready" => {
                page.hired(100.0, &[true, true]);
                page.ticks(1000.0, 12_000.0, &[])
            }
            "boot failed" => {
                page.hired(100.0, &[true, true]);
                let why = FromWorker::Failed(text::BOOT_FAILED.into());
                page.said(200.0, 0, why.clone());
                page.said(300.0, 1, why)
            }
            _ => page.ticks(1000.0, 12_000.0, &[]),
        };
        assert!(actions.contains(&Action::AskFrame), "{case}: {actions:?}");
        assert!(
            !page.state.in_worker && page.state.error.is_none(),
            "{case}"
        );
        // The page trains the whole run, frame after frame.
        let mut frames = 0;
        while !page.sup.is_done() {
            frames += 1;
            assert!(frames < 1000, "{case}: the page's run never ends");
            page.at(20_000.0 + frames as f64, Event::Frame);
        }
        assert_eq!(page.state.status, JobStatus::Finished, "{case}");
        assert!(
            page.state.is_over() && page.state.test_loss.is_some(),
            "{case}"
        );
    }
}

#[test]
fn a_silent_worker_costs_one_worker_and_the_run_carries_on_from_the_checkpoint() {
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, 4);
    page.checkpoint(2000.0, 0);
    page.report(2500.0, 0, JobStatus::Running, 6);
    // Worker 1 falls silent; the leader lives on.
    let actions = page.ticks(3000.0, 7000.0, &[0]);
    assert!(hires(&actions).is_empty(), "6\u{a0}s of silence are allowed");
    let actions = page.ticks(8000.0, 8000.0, &[0]);
    assert_eq!(terminated(&actions), vec![0, 1]);
    assert_eq!(hires(&actions), vec![1]);
    assert_eq!(
        (page.state.step, page.state.losses.len()),
        (4, 4),
        "rewound"
    );
    assert_eq!(page.state.notice, Some(text::core_lost(4, 1, 2)));
    // The smaller team resumes from the checkpoint.
    page.hired(9500.0, &[true]);
    let launch = page.said(10_000.0, 0, FromWorker::Ready);
    assert_eq!(starts(&launch), Some((vec![(0, seat(0, 1))], true)));
    assert_eq!(page.state.workers, 1);
}

#[test]
fn a_worker_erroring_mid_run_and_then_the_last_one_end_the_run_with_its_model() {
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, 5);
    page.checkpoint(2000.0, 0);
    // The leader fails mid-step.
    let actions = page.failed(2500.0, 0);
    assert_eq!(
        (terminated(&actions), hires(&actions)),
        (vec![0, 1], vec![1])
    );
    // Messages of the old team no longer count.
    page.at(
        2600.0,
        Event::Heard {
            generation: 1,
            slot: 1,
            message: FromWorker::Progress(report(JobStatus::Running, 9, 4)),
            numbers: Vec::new(),
        },
    );
    assert_eq!(page.state.step, 5);
    page.hired(3000.0, &[true]);
    page.said(3500.0, 0, FromWorker::Ready);
    page.report(4000.0, 0, JobStatus::Running, 7);
    // The last worker is lost too: the run ends with the checkpoint's model.
    let actions = page.failed(4500.0, 0);
    assert!(actions.contains(&Action::Finish));
    assert!(page.state.is_over() && page.state.status == JobStatus::Stopped);
    assert_eq!(page.state.notice, Some(text::worker_lost(Some(5))));
    assert_eq!(
        page.state.model.as_ref().map(Gpt::flat_params),
        Some(params(1005))
    );
    assert!(page.sup.is_done());
}

#[test]
fn a_stop_during_a_step_is_answered_by_the_leader() {
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, 3);
    let actions = page.at(2100.0, Event::Command(Command::Stop));
    assert_eq!(
        actions,
        vec![Action::Post {
            slot: 0,
            message: ToWorker::Stop
        }]
    );
    page.report(2300.0, 0, JobStatus::Stopped, 4);
    let actions = page.model(2300.0, 0, 4);
    assert_eq!(terminated(&actions), vec![0, 1]);
    assert!(actions.contains(&Action::Finish));
    assert!(page.state.is_over() && page.state.notice.is_none());
}

#[test]
fn a_stop_is_over_within_seconds_whatever_the_workers_do() {
    // The leader does not answer: the page ends the run 3 s later.
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, 3);
    page.at(2100.0, Event::Command(Command::Stop));
    let actions = page.ticks(3000.0, 5000.0, &[0, 1]);
    assert!(!actions.contains(&Action::Finish));
    let actions = page.ticks(6000.0, 6000.0, &[0, 1]);
    assert!(actions.contains(&Action::Finish));
    assert_eq!(page.state.notice, Some(text::worker_lost(None)));
    // A worker stuck (silent) when the stop comes: no new team, the run ends.
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, 3);
    page.ticks(2000.0, 4000.0, &[0]);
    page.at(4500.0, Event::Command(Command::Stop));
    let actions = page.ticks(5000.0, 8000.0, &[0]);
    assert!(
        hires(&actions).is_empty() && actions.contains(&Action::Finish),
        "{actions:?}"
    );
    assert!(page.state.is_over());
    // Before the workers are ready: at once.
    let (mut page, _) = Page::new(2, None);
    page.hired(100.0, &[true, true]);
    let actions = page.at(200.0, Event::Command(Command::Stop));
    assert_eq!(terminated(&actions), vec![0, 1]);
    assert!(page.state.is_over() && page.state.status == JobStatus::Stopped);
}

#[test]
fn commands_given_before_the_start_go_to_the_leader_once_it_runs() {
    let (mut page, _) = Page::new(2, None);
    page.hired(100.0, &[true, true]);
    assert!(page.at(200.0, Event::Command(Command::Pause)).is_empty());
    page.said(300.0, 0, FromWorker::Ready);
    let actions = page.said(400.0, 1, FromWorker::Ready);
    assert_eq!(
        actions.last(),
        Some(&Action::Post {
            slot: 0,
            message: ToWorker::Pause
        })
    );
}

#[test]
fn the_last_step_with_its_model_ends_the_run() {
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, STEPS - 1);
    page.report(2100.0, 0, JobStatus::Finished, STEPS);
    assert!(!page.state.is_over(), "the model is still to come");
    let actions = page.model(2100.0, 0, STEPS);
    assert!(actions.contains(&Action::Finish));
    assert!(page.state.is_over() && page.state.test_loss == Some(2.5));
    assert_eq!(
        page.state.model.as_ref().map(Gpt::flat_params),
        Some(params(STEPS))
    );
}

/// The guarantee: once the page knows the last step is done, the run is over within
/// `FINAL_MS` and a tick, whatever order the last messages come in, whichever of them never
/// comes; and when nothing says the last step is done, a run that stands still is carried on
/// by a smaller team (the Atelier's « Pas 999 sur 1 000 »). Every order and every subset of
/// the last messages: the report of step 9, the checkpoint, the last report, the model.
#[test]
fn every_order_of_the_last_messages_ends_the_run_in_seconds() {
    let last = ["report 9", "checkpoint", "report 10", "model"];
    for kept in 0..16u32 {
        let kept: Vec<&str> = (0..4)
            .filter(|i| kept & (1 << i) != 0)
            .map(|i| last[i])
            .collect();
        for order in permutations(&kept) {
            let (mut page, _) = Page::launched(2);
            page.report(1500.0, 0, JobStatus::Running, 8);
            let mut t = 2000.0;
            for message in &order {
                match *message {
                    "report 9" => page.report(t, 0, JobStatus::Running, STEPS - 1),
                    "checkpoint" => page.checkpoint(t, 0),
                    "report 10" => page.report(t, 0, JobStatus::Finished, STEPS),
                    _ => page.model(t, 0, STEPS),
                };
                t += 100.0;
            }
            let known = order.contains(&"report 10") || order.contains(&"model");
            let mut ended_at = None;
            let mut second = 3000.0;
            while second < 40_000.0 && ended_at.is_none() {
                let actions = page.ticks(second, second, &[0, 1]);
                if actions.contains(&Action::Finish) || !hires(&actions).is_empty() {
                    ended_at = Some(second);
                }
                second += TICK_MS;
            }
            let what = format!("{order:?}");
            if page.state.is_over() && order.contains(&"model") && order.contains(&"report 10") {
                assert_eq!(ended_at, None, "{what}: over at once");
                continue;
            }
            let ended_at = ended_at.unwrap_or_else(|| panic!("{what}: never ends"));
            if known {
                assert!(ended_at <= t + FINAL_MS + TICK_MS, "{what}: {ended_at} ms");
                assert!(page.state.is_over(), "{what}");
                if order.contains(&"model") {
                    let model = page.state.model.as_ref().map(Gpt::flat_params);
                    assert_eq!(model, Some(params(STEPS)), "{what}: the final model");
                }
            } else {
                assert!(ended_at <= t + STALL_MS + TICK_MS, "{what}: {ended_at} ms");
                assert_eq!(
                    hires(&page.log),
                    vec![2, 1],
                    "{what}: a smaller team carries on"
                );
            }
        }
    }
}

fn permutations<'a>(items: &[&'a str]) -> Vec<Vec<&'a str>> {
    if items.is_empty() {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, first);
            all.push(tail);
        }
    }
    all
}

#[test]
fn late_and_foreign_messages_change_nothing() {
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Finished, STEPS);
    page.model(2000.0, 0, STEPS);
    assert!(page.sup.is_done());
    // After the end: a checkpoint, a report, a failure change nothing.
    page.checkpoint(2100.0, 0);
    page.report(2200.0, 0, JobStatus::Running, 3);
    page.failed(2300.0, 1);
    assert_eq!(page.state.status, JobStatus::Finished);
    assert_eq!(
        page.state.model.as_ref().map(Gpt::flat_params),
        Some(params(STEPS))
    );
    assert!(page.state.notice.is_none());
    // A worker that is not the leader does not report.
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 1, JobStatus::Running, 7);
    assert_eq!(page.state.step, 0);
}

#[test]
fn a_paused_team_is_not_stalled_and_a_hidden_page_judges_no_worker() {
    let (mut page, _) = Page::launched(2);
    page.report(2000.0, 0, JobStatus::Running, 3);
    page.at(2100.0, Event::Command(Command::Pause));
    page.report(2200.0, 0, JobStatus::Paused, 4);
    let actions = page.ticks(3000.0, 60_000.0, &[0, 1]);
    assert!(hires(&actions).is_empty() && !actions.contains(&Action::Finish));
    page.at(61_000.0, Event::Command(Command::Resume));
    assert!(hires(&page.ticks(62_000.0, 70_000.0, &[0, 1])).is_empty());
    // The page sleeps 30 s (a hidden tab): its workers were not heard, yet none is lost.
    let actions = page.ticks(100_000.0, 104_000.0, &[0, 1]);
    assert!(hires(&actions).is_empty(), "{actions:?}");
    // Awake, silence counts again.
    let actions = page.ticks(105_000.0, 112_000.0, &[0]);
    assert_eq!(hires(&actions), vec![1]);
}

#[test]
fn a_forced_route_is_posted_to_every_worker_and_the_trial_is_skipped() {
    let (mut page, _) = Page::new(2, Some(Route::Channel));
    page.hired(100.0, &[true, true]);
    page.said(200.0, 0, FromWorker::Ready);
    let actions = page.said(300.0, 1, FromWorker::Ready);
    let posted: Vec<&Action> = actions
        .iter()
        .filter(|a| matches!(a, Action::Post { .. }))
        .collect();
    assert_eq!(
        posted,
        vec![
            &Action::Post {
                slot: 0,
                message: ToWorker::Route(Route::Channel)
            },
            &Action::Post {
                slot: 1,
                message: ToWorker::Route(Route::Channel)
            },
        ]
    );
    assert_eq!(page.state.route, Some(Route::Channel));
    let mut step = 0;
    for s in 1..20 {
        step += 10;
        page.report(s as f64 * 1000.0, 0, JobStatus::Running, step);
        let actions = page.ticks(s as f64 * 1000.0, s as f64 * 1000.0, &[0, 1]);
        assert!(
            actions.iter().all(|a| !matches!(a, Action::Post { .. })),
            "{actions:?}"
        );
    }
    // Without it, the trial switches the route after its first measure.
    let (mut page, _) = Page::launched(2);
    let mut switched = Vec::new();
    for s in 2..20 {
        page.report(s as f64 * 1000.0, 0, JobStatus::Running, s * 10);
        for a in page.ticks(s as f64 * 1000.0, s as f64 * 1000.0, &[0, 1]) {
            if let Action::Post {
                message: ToWorker::Route(r),
                ..
            } = a
            {
                switched.push(r);
            }
        }
    }
    assert_eq!(switched[..2], [Route::Channel, Route::Channel]);
}

#[test]
fn messages_between_workers_go_to_the_slot_of_their_seat() {
    let (mut page, _) = Page::new(3, None);
    page.hired(100.0, &[true, false, true]);
    page.said(200.0, 0, FromWorker::Ready);
    page.said(300.0, 2, FromWorker::Ready);
    let message = PeerMessage::Sum { step: 0, from: 0 };
    let actions = page.said(400.0, 0, FromWorker::Peer { to: 1, message });
    assert_eq!(actions, vec![Action::PassOn { slot: 2, message }]);
    assert!(page
        .said(400.0, 2, FromWorker::Peer { to: 2, message })
        .is_empty());
}
