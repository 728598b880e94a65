//! The page's watch over one job's workers, as a state machine: events in (a worker spoke,
//! failed, the watch ticked, the pupil paused or stopped), actions out (make workers, start
//! them, post to them, pass a message on, end them, train on the page). The app's
//! `worker::crew` only carries the actions out and feeds the events in; every decision about
//! a fault is taken here, on a clock the tests drive:
//! - a worker that is not ready 10 s after it was made is given up (the others start without
//!   it; with none left, or if the browser makes none, the page trains itself);
//! - a worker silent for 6 s (each sends a sign of life every second) or that fails is lost:
//!   the run carries on from the last checkpoint with one worker fewer; the last one lost
//!   ends the job with the model it had (a French notice says so);
//! - a stop not answered within 3 s, a team that reports no step for 15 s although it lives,
//!   and a last step whose model does not follow within 5 s all end the run here: a run
//!   always ends, finished, stopped or lost with a message;
//! - a watch that comes late means the page itself slept (a hidden tab): the workers get
//!   their time again rather than being judged on the page's sleep.
//!
//! Workers are named by their slot: their order when the team was made. Once every one is
//! ready, the seats (ranks) go to the slots still there, in order.

use super::exchange::PeerMessage;
use super::protocol::{checkpoint_from, checkpoint_numbers, CheckpointHeader, FromWorker};
use super::protocol::{JobStatus, Seat, ToWorker};
use super::route::{Route, RouteTrial};
use super::runner::Runner;
use super::state::JobState;
use crate::content::training as text;
use minigpt::train::Checkpoint;

/// The page looks at its workers this often.
pub const TICK_MS: f64 = 1_000.0;
/// A worker not ready this long after it was asked for is given up.
pub const READY_TIMEOUT_MS: f64 = 10_000.0;
/// A worker that says nothing for this long is lost (it sends a sign of life every second).
pub const SILENCE_MS: f64 = 6_000.0;
/// A stop not answered within this long ends the job from the page.
pub const STOP_GRACE_MS: f64 = 3_000.0;
/// A running team that reports no step for this long, though its workers live, is stuck.
pub const STALL_MS: f64 = 15_000.0;
/// After its last step is reported, the run's model must come within this long.
pub const FINAL_MS: f64 = 5_000.0;
/// A watch later than this after the previous one: the page was asleep, not the workers.
const ASLEEP_MS: f64 = 3.0 * TICK_MS;
/// On the page (no worker), training time per animation frame.
pub const PAGE_SLICE_MS: f64 = 8.0;

/// What the pupil asks of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Pause,
    Resume,
    Stop,
}

impl Command {
    fn message(self) -> ToWorker {
        match self {
            Command::Pause => ToWorker::Pause,
            Command::Resume => ToWorker::Resume,
            Command::Stop => ToWorker::Stop,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The workers of team `generation` were made: `made[slot]` says which ones the browser
    /// accepted (none, or an empty list: the browser refuses workers).
    Hired {
        generation: u32,
        made: Vec<bool>,
    },
    /// Worker `slot` of team `generation` said `message`; a model's or a checkpoint's numbers
    /// follow in `numbers` (empty for the other messages).
    Heard {
        generation: u32,
        slot: usize,
        message: FromWorker,
        numbers: Vec<f32>,
    },
    /// Worker `slot` failed: an error, or a message it sent could not be read.
    Failed {
        generation: u32,
        slot: usize,
    },
    /// The page's watch, every `TICK_MS`.
    Tick,
    Command(Command),
    /// An animation frame, when the page trains itself.
    Frame,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Make `size` workers for team `generation`, then tell which were made (`Event::Hired`).
    Hire { generation: u32, size: usize },
    /// Link these workers (a MessageChannel between each two, in the order given: their
    /// seats) and post each its `Start`; when it resumes, a checkpoint's numbers and losses
    /// follow each `Start`.
    Launch {
        starts: Vec<(usize, ToWorker)>,
        resume: Option<(Vec<f32>, Vec<f32>)>,
    },
    /// Post a message to worker `slot`.
    Post { slot: usize, message: ToWorker },
    /// Pass the message being handled, with its numbers, on to worker `slot`.
    PassOn { slot: usize, message: PeerMessage },
    /// End worker `slot` of the current team.
    Terminate { slot: usize },
    /// Call again with `Event::Frame` at the next animation frame (the page trains itself).
    AskFrame,
    /// The job is over: no more events are needed (the watch can stop).
    Finish,
}

/// What the watch finds.
enum Verdict {
    AllWell,
    /// The workers were never made.
    NoScript,
    /// These workers are lost.
    Lost(Vec<usize>),
    /// The run ends here.
    GiveUp,
}

/// One worker of the team being made or running.
#[derive(Clone, Debug)]
struct Member {
    slot: usize,
    ready: bool,
    last_heard: f64,
}

enum Phase {
    /// Workers asked for, not made yet.
    Hiring {
        since: f64,
    },
    /// Made, waiting until each says it is ready.
    Waiting {
        members: Vec<Member>,
        since: f64,
    },
    /// Training; `members` by seat (the leader first).
    Team {
        members: Vec<Member>,
        trial: Option<RouteTrial>,
        last_report: f64,
    },
    /// No worker: the page trains itself between frames.
    Page(Box<Runner>),
    Done,
}

pub struct Supervisor {
    generation: u32,
    phase: Phase,
    /// A route forced for the team's messages (else the faster is chosen by measuring).
    route: Option<Route>,
    /// Commands given before the team runs, posted once it does.
    pending: Vec<Command>,
    /// The latest checkpoint: where a run carries on after a loss.
    checkpoint: Option<(CheckpointHeader, Checkpoint)>,
    stop_asked_at: Option<f64>,
    /// When the page learned that the last step was done (its model must follow).
    last_step_at: Option<f64>,
    last_tick: f64,
    now: f64,
    /// The job is over (`Action::Finish` was given).
    finished: bool,
    out: Vec<Action>,
}

impl Supervisor {
    /// A job to run on `size` workers (by the route `route`, or the faster one), at `now`.
    pub fn start(size: usize, route: Option<Route>, now: f64) -> (Supervisor, Vec<Action>) {
        let mut s = Supervisor {
            generation: 0,
            phase: Phase::Done,
            route,
            pending: Vec::new(),
            checkpoint: None,
            stop_asked_at: None,
            last_step_at: None,
            last_tick: now,
            now,
            finished: false,
            out: Vec::new(),
        };
        s.hire(size.max(1));
        let actions = std::mem::take(&mut s.out);
        (s, actions)
    }

    /// The team whose messages count (older teams' messages are ignored).
    pub fn generation(&self) -> u32 {
        self.generation
    }

    pub fn is_done(&self) -> bool {
        self.finished
    }

    /// Takes `event` at the time `clock` says; updates the job's `state`; what to do.
    pub fn on(
        &mut self,
        event: Event,
        clock: &dyn Fn() -> f64,
        state: &mut JobState,
    ) -> Vec<Action> {
        self.now = clock();
        match event {
            Event::Hired { generation, made } => self.hired(generation, &made, state),
            Event::Heard {
                generation,
                slot,
                message,
                numbers,
            } if generation == self.generation => self.heard(slot, message, &numbers, state),
            Event::Failed { generation, slot } if generation == self.generation => {
                self.lost(slot, state)
            }
            Event::Heard { .. } | Event::Failed { .. } => {}
            Event::Tick => self.watch(state),
            Event::Command(command) => self.command(command, clock, state),
            Event::Frame => self.frame(clock, state),
        }
        std::mem::take(&mut self.out)
    }

    fn hire(&mut self, size: usize) {
        self.generation += 1;
        self.phase = Phase::Hiring { since: self.now };
        self.out.push(Action::Hire {
            generation: self.generation,
            size,
        });
    }

    fn hired(&mut self, generation: u32, made: &[bool], state: &mut JobState) {
        if generation != self.generation || !matches!(self.phase, Phase::Hiring { .. }) {
            return;
        }
        let members: Vec<Member> = (0..made.len())
            .filter(|&slot| made[slot])
            .map(|slot| Member {
                slot,
                ready: false,
                last_heard: self.now,
            })
            .collect();
        if members.is_empty() {
            self.run_on_page(state);
        } else {
            self.phase = Phase::Waiting {
                members,
                since: self.now,
            };
        }
    }

    /// The member in `slot`, with its seat, if it is still in the team.
    fn member(&mut self, slot: usize) -> Option<(usize, &mut Member)> {
        let members = match &mut self.phase {
            Phase::Waiting { members, .. } | Phase::Team { members, .. } => members,
            _ => return None,
        };
        members.iter_mut().enumerate().find(|(_, m)| m.slot == slot)
    }

    fn heard(&mut self, slot: usize, message: FromWorker, numbers: &[f32], state: &mut JobState) {
        let now = self.now;
        let Some((seat, member)) = self.member(slot) else {
            return;
        };
        member.last_heard = now;
        if message == FromWorker::Ready {
            member.ready = true;
        }
        let leads = seat == 0 && matches!(self.phase, Phase::Team { .. });
        match message {
            FromWorker::Ready => self.launch_if_ready(state),
            FromWorker::Alive => {}
            FromWorker::Progress(report) if leads => {
                if let Phase::Team { last_report, .. } = &mut self.phase {
                    *last_report = now;
                }
                state.apply_report(report);
                if state.status.is_over() {
                    self.last_step_at.get_or_insert(now);
                }
                self.end_if_over(state);
            }
            FromWorker::Model { step } if leads => {
                state.apply_model(step, numbers);
                if step >= state.job.steps {
                    self.last_step_at.get_or_insert(now);
                }
                self.end_if_over(state);
            }
            FromWorker::Checkpoint(header) if leads => self.keep_checkpoint(header, numbers, state),
            FromWorker::Peer { to, message } => self.pass_on(to, message),
            // A worker that cannot start (its module, or the job's settings): before the run,
            // the worker is given up; once it runs, the job cannot go on.
            FromWorker::Failed(_) if matches!(self.phase, Phase::Waiting { .. }) => {
                self.lost(slot, state)
            }
            FromWorker::Failed(why) => {
                state.error = Some(why);
                state.status = JobStatus::Stopped;
                self.end();
            }
            // Only the running team's leader reports; anything else is not for the page.
            FromWorker::Progress(_) | FromWorker::Model { .. } | FromWorker::Checkpoint(_) => {}
        }
    }

    /// A worker's message for the worker in seat `to`.
    fn pass_on(&mut self, to: usize, message: PeerMessage) {
        if let Phase::Team { members, .. } = &self.phase {
            if let Some(m) = members.get(to) {
                self.out.push(Action::PassOn {
                    slot: m.slot,
                    message,
                });
            }
        }
    }

    fn keep_checkpoint(&mut self, header: CheckpointHeader, numbers: &[f32], state: &mut JobState) {
        if state.final_model {
            return;
        }
        let losses = &state.losses[..header.step.min(state.losses.len())];
        if let Some(checkpoint) = checkpoint_from(&header, numbers, losses) {
            state.keep_checkpoint(header.step, &checkpoint.params);
            self.checkpoint = Some((header, checkpoint));
        }
    }

    /// Every worker made is ready: seats go to them in slot order, and the team starts.
    fn launch_if_ready(&mut self, state: &mut JobState) {
        let Phase::Waiting { members, .. } = &mut self.phase else {
            return;
        };
        if !members.iter().all(|m| m.ready) {
            return;
        }
        let members = std::mem::take(members);
        let size = members.len();
        let resume = self.checkpoint.as_ref().map(|(h, _)| *h);
        let starts = members
            .iter()
            .enumerate()
            .map(|(rank, m)| {
                let start = ToWorker::Start {
                    job: state.job.clone(),
                    seat: Seat { rank, size },
                    resume,
                };
                (m.slot, start)
            })
            .collect();
        let payload = self
            .checkpoint
            .as_ref()
            .map(|(_, c)| (checkpoint_numbers(c), c.losses.clone()));
        self.out.push(Action::Launch {
            starts,
            resume: payload,
        });
        let route = (size > 1).then(|| self.route.unwrap_or(super::route::FIRST));
        if let (Some(forced), true) = (self.route, size > 1) {
            for m in &members {
                self.out.push(Action::Post {
                    slot: m.slot,
                    message: ToWorker::Route(forced),
                });
            }
        }
        let trial = (size > 1 && self.route.is_none()).then(|| RouteTrial::new(self.now));
        self.phase = Phase::Team {
            members,
            trial,
            last_report: self.now,
        };
        state.workers = size;
        state.in_worker = true;
        state.route = route;
        for command in std::mem::take(&mut self.pending) {
            self.post_command(command);
        }
    }

    fn command(&mut self, command: Command, clock: &dyn Fn() -> f64, state: &mut JobState) {
        if command == Command::Stop {
            self.stop_asked_at.get_or_insert(self.now);
        }
        match &mut self.phase {
            Phase::Hiring { .. } | Phase::Waiting { .. } => {
                if command == Command::Stop {
                    // Nothing trained yet: the job ends here.
                    state.end_here(None);
                    self.end();
                } else {
                    self.pending.push(command);
                }
            }
            Phase::Team { .. } => self.post_command(command),
            Phase::Page(runner) => {
                let events = match command {
                    Command::Pause => runner.pause(),
                    Command::Stop => runner.stop(),
                    Command::Resume => runner.resume(clock).1,
                };
                for e in events {
                    state.apply(e);
                }
                if command == Command::Resume {
                    self.out.push(Action::AskFrame);
                }
                self.end_if_over(state);
            }
            Phase::Done => {}
        }
    }

    /// A command for the leader (the others follow it).
    fn post_command(&mut self, command: Command) {
        let Phase::Team {
            members,
            last_report,
            ..
        } = &mut self.phase
        else {
            return;
        };
        if command == Command::Resume {
            // A pause is no stall: the leader reports again from now on.
            *last_report = self.now;
        }
        if let Some(leader) = members.first() {
            self.out.push(Action::Post {
                slot: leader.slot,
                message: command.message(),
            });
        }
    }

    fn end_if_over(&mut self, state: &JobState) {
        if state.is_over() {
            self.end();
        }
    }

    /// Ends every worker of the current team (none is made any more).
    fn end_team(&mut self) {
        let members = match std::mem::replace(&mut self.phase, Phase::Done) {
            Phase::Waiting { members, .. } | Phase::Team { members, .. } => members,
            _ => Vec::new(),
        };
        for m in members {
            self.out.push(Action::Terminate { slot: m.slot });
        }
    }

    /// The job is over: its workers go, nothing is watched any more.
    fn end(&mut self) {
        if !self.finished {
            self.finished = true;
            self.end_team();
            self.out.push(Action::Finish);
        }
    }

    /// The job ends here, its model the last one received, with `why` for the pupil.
    fn give_up(&mut self, state: &mut JobState) {
        let step = self.checkpoint.as_ref().map(|(h, _)| h.step);
        state.end_here(Some(text::worker_lost(step)));
        self.end();
    }

    /// Worker `slot` failed or fell silent. Before the start, the others start without it;
    /// once running, the run carries on from the last checkpoint with one worker fewer (or
    /// ends there if it was the last one, or a stop was asked).
    fn lost(&mut self, slot: usize, state: &mut JobState) {
        if state.is_over() {
            return;
        }
        match &mut self.phase {
            Phase::Waiting { members, .. } => {
                members.retain(|m| m.slot != slot);
                self.out.push(Action::Terminate { slot });
                if members.is_empty() {
                    self.phase = Phase::Done;
                    self.run_on_page(state);
                } else {
                    self.launch_if_ready(state);
                }
            }
            Phase::Team { members, .. } => {
                if !members.iter().any(|m| m.slot == slot) {
                    return;
                }
                let before = members.len();
                self.end_team();
                if before <= 1 || self.stop_asked_at.is_some() {
                    self.give_up(state);
                    return;
                }
                let (step, tokens, ms) = self
                    .checkpoint
                    .as_ref()
                    .map_or((0, 0, 0.0), |(h, _)| (h.step, h.tokens_seen, h.compute_ms));
                state.rewind(step, tokens, ms);
                state.notice = Some(text::core_lost(step, before - 1, before));
                self.last_step_at = None;
                self.hire(before - 1);
            }
            Phase::Hiring { .. } | Phase::Page(_) | Phase::Done => {}
        }
    }

    /// Every `TICK_MS`: workers that do not start, fall silent or stall; a stop not answered;
    /// a last step without its model; the route trial.
    fn watch(&mut self, state: &mut JobState) {
        let now = self.now;
        let asleep = now - self.last_tick > ASLEEP_MS;
        self.last_tick = now;
        if asleep {
            self.wake_up();
            return;
        }
        match self.verdict(state) {
            Verdict::AllWell => self.try_route(state),
            Verdict::NoScript => {
                self.phase = Phase::Done;
                self.run_on_page(state);
            }
            Verdict::Lost(slots) => {
                for slot in slots {
                    self.lost(slot, state);
                }
            }
            Verdict::GiveUp => self.give_up(state),
        }
    }

    /// What the watch finds, by the clock.
    fn verdict(&self, state: &JobState) -> Verdict {
        let late = |since: f64, limit: f64| self.now - since > limit;
        match &self.phase {
            // The workers' script never came: the page trains itself.
            Phase::Hiring { since, .. } if late(*since, READY_TIMEOUT_MS) => Verdict::NoScript,
            Phase::Waiting { members, since } if late(*since, READY_TIMEOUT_MS) => Verdict::Lost(
                members
                    .iter()
                    .filter(|m| !m.ready)
                    .map(|m| m.slot)
                    .collect(),
            ),
            Phase::Team {
                members,
                last_report,
                ..
            } => {
                if let Some(m) = members.iter().find(|m| late(m.last_heard, SILENCE_MS)) {
                    Verdict::Lost(vec![m.slot])
                } else if self.stop_asked_at.is_some_and(|t| late(t, STOP_GRACE_MS))
                    || self.last_step_at.is_some_and(|t| late(t, FINAL_MS))
                {
                    Verdict::GiveUp
                } else if state.status == JobStatus::Running
                    && self.last_step_at.is_none()
                    && late(*last_report, STALL_MS)
                {
                    // Alive but stuck: a smaller team carries the run on.
                    Verdict::Lost(members.first().map(|m| m.slot).into_iter().collect())
                } else {
                    Verdict::AllWell
                }
            }
            _ => Verdict::AllWell,
        }
    }

    /// The page slept (a hidden tab): every worker gets its time again.
    fn wake_up(&mut self) {
        let now = self.now;
        match &mut self.phase {
            Phase::Hiring { since, .. } => *since = now,
            Phase::Waiting { members, since } => {
                *since = now;
                members.iter_mut().for_each(|m| m.last_heard = now);
            }
            Phase::Team {
                members,
                last_report,
                ..
            } => {
                *last_report = now;
                members.iter_mut().for_each(|m| m.last_heard = now);
            }
            Phase::Page(_) | Phase::Done => {}
        }
        for t in [&mut self.stop_asked_at, &mut self.last_step_at]
            .into_iter()
            .flatten()
        {
            *t = now;
        }
    }

    /// The route trial's progress: every worker switches to the route it says.
    fn try_route(&mut self, state: &mut JobState) {
        let Phase::Team { members, trial, .. } = &mut self.phase else {
            return;
        };
        let running = state.status == JobStatus::Running;
        let Some(route) = trial
            .as_mut()
            .and_then(|t| t.tick(self.now, state.step, running))
        else {
            return;
        };
        for m in members.iter() {
            self.out.push(Action::Post {
                slot: m.slot,
                message: ToWorker::Route(route),
            });
        }
        state.route = Some(route);
    }

    /// No worker: the page trains itself, a few milliseconds per frame, from the last
    /// checkpoint if there is one.
    fn run_on_page(&mut self, state: &mut JobState) {
        let resume = self.checkpoint.as_ref().map(|(h, c)| (h, c));
        match Runner::new(state.job.clone(), Seat::ALONE, resume) {
            Ok(mut runner) => {
                state.in_worker = false;
                state.workers = 0;
                state.route = None;
                for e in runner.start() {
                    state.apply(e);
                }
                self.phase = Phase::Page(Box::new(runner));
                self.out.push(Action::AskFrame);
                let now = self.now;
                for command in std::mem::take(&mut self.pending) {
                    self.command(command, &move || now, state);
                }
            }
            Err(why) => {
                state.error = Some(why);
                state.status = JobStatus::Stopped;
                self.end();
            }
        }
    }

    fn frame(&mut self, clock: &dyn Fn() -> f64, state: &mut JobState) {
        let Phase::Page(runner) = &mut self.phase else {
            return;
        };
        let events = runner.slice(PAGE_SLICE_MS, clock);
        let more = runner.is_running();
        for e in events {
            state.apply(e);
        }
        if more {
            self.out.push(Action::AskFrame);
        } else {
            self.end_if_over(state);
        }
    }
}

#[cfg(test)]
mod tests;
