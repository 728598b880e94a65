//! The workers of one job, seen from the page. It starts them, links them into a team, passes
//! the page's commands to the leader and its reports to the `JobState`, and watches them: a
//! worker that fails, or says nothing for a few seconds, is given up. The run then carries on
//! from the last checkpoint with the workers left; if none is left, it ends there, keeping the
//! last model. If the browser refuses workers, the page trains itself between two frames.

use super::spawn;
use crate::training::now_ms;
use course::content::training as text;
use course::worker::exchange::PeerMessage;
use course::worker::protocol::{
    checkpoint_from, checkpoint_numbers, CheckpointHeader, FromWorker, JobStatus, Seat, ToWorker,
};
use course::worker::route::RouteTrial;
use course::worker::runner::Runner;
use course::worker::state::JobState;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::{Interval, Timeout};
use js_sys::{Array, Float32Array};
use minigpt::train::Checkpoint;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A worker that has not said it is ready after this long is given up.
const READY_TIMEOUT_MS: f64 = 10_000.0;
/// A worker that says nothing for this long (it sends a sign of life every second) is lost.
const SILENCE_MS: f64 = 6_000.0;
/// A stop not answered within this long ends the job from the page.
const STOP_GRACE_MS: f64 = 3_000.0;
/// How often the page looks at its workers.
const WATCH_MS: u32 = 1_000;
/// On the page (no worker), training time per animation frame.
const PAGE_SLICE_MS: f64 = 8.0;

/// Called whenever the job's state changes (the page redraws).
pub type Redraw = Rc<dyn Fn()>;

type Listener = Closure<dyn FnMut(JsValue)>;

/// One worker of the team and the page's listeners on it.
struct Member {
    worker: web_sys::Worker,
    ready: bool,
    last_heard: f64,
    _listeners: [Listener; 3],
}

struct Team {
    /// By rank; None where a worker could not be made or was given up before the start.
    members: Vec<Option<Member>>,
    launched: bool,
    /// Commands that came before the start (sent to the leader once it runs).
    pending: Vec<ToWorker>,
    spawned_at: f64,
    /// Which way the workers' messages go (`route`), while it is being tried.
    trial: Option<RouteTrial>,
}

enum Mode {
    Team(Team),
    /// No worker: the page trains between frames.
    Page(Box<Runner>, Option<AnimationFrame>),
    Done,
}

pub struct Crew {
    state: Rc<RefCell<JobState>>,
    redraw: Redraw,
    mode: Mode,
    /// Messages of older teams (replaced after a loss) are recognised by this number.
    generation: u32,
    /// The latest checkpoint the leader sent: where a run carries on after a loss.
    checkpoint: Option<(CheckpointHeader, Checkpoint)>,
    stop_asked_at: Option<f64>,
    last_watch: f64,
    _watchdog: Option<Interval>,
    me: Weak<RefCell<Crew>>,
}

impl Crew {
    pub fn start(state: Rc<RefCell<JobState>>, size: usize, redraw: Redraw) -> Rc<RefCell<Crew>> {
        let crew = Rc::new_cyclic(|me| {
            RefCell::new(Crew {
                state,
                redraw,
                mode: Mode::Done,
                generation: 0,
                checkpoint: None,
                stop_asked_at: None,
                last_watch: now_ms(),
                _watchdog: None,
                me: me.clone(),
            })
        });
        let watched = Rc::downgrade(&crew);
        let watchdog = Interval::new(WATCH_MS, move || {
            if let Some(crew) = watched.upgrade() {
                let redraw = match crew.try_borrow_mut() {
                    Ok(mut c) => {
                        c.watch();
                        c.redraw()
                    }
                    Err(_) => return,
                };
                redraw();
            }
        });
        {
            let mut c = crew.borrow_mut();
            c._watchdog = Some(watchdog);
            c.spawn_team(size);
        }
        crew
    }

    pub fn redraw(&self) -> Redraw {
        self.redraw.clone()
    }

    /// Starts `size` new workers (replacing any team); they are linked once all are ready.
    fn spawn_team(&mut self, size: usize) {
        self.generation += 1;
        let generation = self.generation;
        self.mode = Mode::Team(Team {
            members: Vec::new(),
            launched: false,
            pending: Vec::new(),
            spawned_at: now_ms(),
            trial: None,
        });
        let me = self.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let url = spawn::script_url().await;
            let Some(crew) = me.upgrade() else { return };
            let redraw = {
                let Ok(mut c) = crew.try_borrow_mut() else {
                    return;
                };
                if c.generation != generation {
                    return;
                }
                match url {
                    Ok(url) => c.hire(&url, size),
                    Err(_) => c.run_on_page(),
                }
                c.redraw()
            };
            redraw();
        });
    }

    /// Makes the workers; if the browser refuses every one, the page trains itself.
    fn hire(&mut self, url: &str, size: usize) {
        let generation = self.generation;
        let members: Vec<Option<Member>> = (0..size)
            .map(|rank| {
                let worker = spawn::new_worker(url).ok()?;
                Some(self.listen(worker, rank, generation))
            })
            .collect();
        // The workers read their script at once; the address can go a little later.
        let url = url.to_string();
        Timeout::new(READY_TIMEOUT_MS as u32, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        if members.iter().all(Option::is_none) {
            self.run_on_page();
        } else if let Mode::Team(team) = &mut self.mode {
            team.members = members;
        }
    }

    fn listen(&self, worker: web_sys::Worker, rank: usize, generation: u32) -> Member {
        let me = self.me.clone();
        let on_message = Listener::new(move |e: JsValue| {
            with_crew(&me, |c| c.heard(generation, rank, e));
        });
        let me = self.me.clone();
        let on_error = Listener::new(move |_: JsValue| {
            with_crew(&me, |c| c.lost(generation, rank));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let me = self.me.clone();
        let on_bad_message = Listener::new(move |_: JsValue| {
            with_crew(&me, |c| c.lost(generation, rank));
        });
        let _ = worker.add_event_listener_with_callback(
            "messageerror",
            on_bad_message.as_ref().unchecked_ref(),
        );
        Member {
            worker,
            ready: false,
            last_heard: now_ms(),
            _listeners: [on_message, on_error, on_bad_message],
        }
    }

    fn team(&mut self) -> Option<&mut Team> {
        match &mut self.mode {
            Mode::Team(team) => Some(team),
            _ => None,
        }
    }

    /// A message from worker `rank` of team `generation`.
    fn heard(&mut self, generation: u32, rank: usize, e: JsValue) {
        if generation != self.generation {
            return;
        }
        let parts: Array = e
            .dyn_into::<web_sys::MessageEvent>()
            .map(|e| e.data())
            .ok()
            .and_then(|d| d.dyn_into().ok())
            .unwrap_or_default();
        let msg = parts
            .get(0)
            .as_string()
            .and_then(|t| serde_json::from_str(&t).ok());
        let Mode::Team(team) = &mut self.mode else {
            return;
        };
        let Some(Some(member)) = team.members.get_mut(rank) else {
            return;
        };
        member.last_heard = now_ms();
        let Some(msg) = msg else { return };
        let numbers = || {
            parts
                .get(1)
                .dyn_into::<Float32Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default()
        };
        match msg {
            FromWorker::Ready => {
                member.ready = true;
                if team.members.iter().flatten().all(|m| m.ready) {
                    self.launch();
                }
            }
            FromWorker::Alive => {}
            FromWorker::Progress(report) => self.state.borrow_mut().apply_report(report),
            FromWorker::Model { .. } => {
                self.state.borrow_mut().apply_model(&numbers());
                self.end_if_over();
            }
            FromWorker::Checkpoint(header) => self.keep_checkpoint(header, &numbers()),
            FromWorker::Peer { to, message } => pass_on(team, to, message, &parts),
            FromWorker::Failed(why) => {
                {
                    let mut s = self.state.borrow_mut();
                    s.error = Some(why);
                    s.status = JobStatus::Stopped;
                }
                self.shut_down();
            }
        }
    }

    fn keep_checkpoint(&mut self, header: CheckpointHeader, numbers: &[f32]) {
        let mut s = self.state.borrow_mut();
        let losses = &s.losses[..header.step.min(s.losses.len())];
        if let Some(checkpoint) = checkpoint_from(&header, numbers, losses) {
            if let Some(model) = minigpt::Gpt::from_flat(s.job.config, &checkpoint.params) {
                s.model = Some(model);
            }
            self.checkpoint = Some((header, checkpoint));
        }
    }

    /// Every worker is ready: links them (a channel between each two), and starts them.
    fn launch(&mut self) {
        let job = self.state.borrow().job.clone();
        let resume = self.checkpoint.as_ref().map(|(h, _)| *h);
        let payload = self
            .checkpoint
            .as_ref()
            .map(|(_, c)| (checkpoint_numbers(c), c.losses.clone()));
        let Some(team) = self.team() else { return };
        team.members.retain(Option::is_some);
        let size = team.members.len();
        let mut ports: Vec<Vec<JsValue>> = vec![Vec::new(); size];
        for i in 0..size {
            for j in i + 1..size {
                let Ok(channel) = web_sys::MessageChannel::new() else {
                    continue;
                };
                ports[i].push(channel.port1().into());
                ports[j].push(channel.port2().into());
            }
        }
        for (rank, member) in team.members.iter().flatten().enumerate() {
            let start = ToWorker::Start {
                job: job.clone(),
                seat: Seat { rank, size },
                resume,
            };
            let parts = Array::of1(&serde_json::to_string(&start).unwrap_or_default().into());
            let transfer = Array::new();
            for port in &ports[rank] {
                transfer.push(port);
            }
            if let Some((numbers, losses)) = &payload {
                for values in [numbers, losses] {
                    let array = Float32Array::from(&values[..]);
                    transfer.push(&array.buffer());
                    parts.push(&array);
                }
            }
            let _ = member.worker.post_message_with_transfer(&parts, &transfer);
        }
        team.launched = true;
        team.trial = (size > 1).then(|| RouteTrial::new(now_ms()));
        let pending = std::mem::take(&mut team.pending);
        {
            let mut s = self.state.borrow_mut();
            s.workers = size;
            s.in_worker = true;
            s.route = (size > 1).then_some(course::worker::route::FIRST);
        }
        for msg in pending {
            self.command(msg);
        }
    }

    /// A command of the page: to the leader, or kept until the team runs.
    pub fn command(&mut self, msg: ToWorker) {
        if msg == ToWorker::Stop {
            self.stop_asked_at.get_or_insert_with(now_ms);
        }
        match &mut self.mode {
            Mode::Team(team) if team.launched => {
                if let Some(Some(leader)) = team.members.first() {
                    let text = serde_json::to_string(&msg).unwrap_or_default();
                    let _ = leader.worker.post_message(&Array::of1(&text.into()));
                }
            }
            Mode::Team(_) if msg == ToWorker::Stop => {
                // Nothing trained yet: the job ends here.
                self.state.borrow_mut().end_here(None);
                self.shut_down();
            }
            Mode::Team(team) => team.pending.push(msg),
            Mode::Page(runner, _) => {
                let events = match msg {
                    ToWorker::Pause => runner.pause(),
                    ToWorker::Stop => runner.stop(),
                    ToWorker::Resume => runner.resume(&now_ms).1,
                    ToWorker::Start { .. } | ToWorker::Peer(_) | ToWorker::Route(_) => Vec::new(),
                };
                let mut state = self.state.borrow_mut();
                for e in events {
                    state.apply(e);
                }
                drop(state);
                if msg == ToWorker::Resume {
                    self.page_frame();
                }
            }
            Mode::Done => {}
        }
    }

    /// Once the job is over with its model: the workers can go.
    fn end_if_over(&mut self) {
        if self.state.borrow().is_over() {
            self.shut_down();
        }
    }

    /// Ends every worker; the state keeps what it has.
    pub fn shut_down(&mut self) {
        if let Mode::Team(team) = &self.mode {
            for member in team.members.iter().flatten() {
                member.worker.terminate();
            }
        }
        self.mode = Mode::Done;
        self._watchdog = None;
    }

    /// Every second: workers that do not start, fall silent, or a stop not answered.
    fn watch(&mut self) {
        let now = now_ms();
        let slept = now - self.last_watch > 3.0 * WATCH_MS as f64;
        self.last_watch = now;
        let generation = self.generation;
        let Some(team) = self.team() else { return };
        if slept {
            // The page itself was asleep (a hidden tab): the workers get their time again.
            team.members
                .iter_mut()
                .flatten()
                .for_each(|m| m.last_heard = now);
            return;
        }
        if !team.launched {
            if now - team.spawned_at > READY_TIMEOUT_MS {
                let late: Vec<usize> = (0..team.members.len())
                    .filter(|&r| team.members[r].as_ref().is_some_and(|m| !m.ready))
                    .collect();
                for rank in late {
                    self.lost(generation, rank);
                }
            }
            return;
        }
        let silent = team
            .members
            .iter()
            .position(|m| m.as_ref().is_some_and(|m| now - m.last_heard > SILENCE_MS));
        if let Some(rank) = silent {
            self.lost(generation, rank);
        } else if self.stop_asked_at.is_some_and(|t| now - t > STOP_GRACE_MS) {
            let step = self.checkpoint.as_ref().map(|(h, _)| h.step);
            self.state
                .borrow_mut()
                .end_here(Some(text::worker_lost(step)));
            self.shut_down();
        } else {
            self.try_route(now);
        }
    }

    /// The route trial's progress: switches every worker to the route it says.
    fn try_route(&mut self, now: f64) {
        let (step, running) = {
            let s = self.state.borrow();
            (s.step, s.status == JobStatus::Running)
        };
        let Some(team) = self.team() else { return };
        let Some(route) = team.trial.as_mut().and_then(|t| t.tick(now, step, running)) else {
            return;
        };
        let text = serde_json::to_string(&ToWorker::Route(route)).unwrap_or_default();
        for member in team.members.iter().flatten() {
            let _ = member
                .worker
                .post_message(&Array::of1(&text.clone().into()));
        }
        self.state.borrow_mut().route = Some(route);
    }

    /// Worker `rank` failed or fell silent: carry on with the others, from the last
    /// checkpoint; with none left, end here with the last model.
    fn lost(&mut self, generation: u32, rank: usize) {
        if generation != self.generation || self.state.borrow().is_over() {
            return;
        }
        let Some(team) = self.team() else { return };
        if !team.launched {
            // Not started yet: start without it, or on the page if it was the only one.
            if let Some(slot) = team.members.get_mut(rank) {
                if let Some(m) = slot.take() {
                    m.worker.terminate();
                }
            }
            if team.members.iter().all(Option::is_none) {
                self.run_on_page();
            } else if team.members.iter().flatten().all(|m| m.ready) {
                self.launch();
            }
            return;
        }
        let before = team.members.len();
        self.shut_down_team();
        let step = self.checkpoint.as_ref().map(|(h, _)| h.step);
        if before <= 1 || self.stop_asked_at.is_some() {
            self.state
                .borrow_mut()
                .end_here(Some(text::worker_lost(step)));
            self.shut_down();
            return;
        }
        let (step, tokens, ms) = self
            .checkpoint
            .as_ref()
            .map_or((0, 0, 0.0), |(h, _)| (h.step, h.tokens_seen, h.compute_ms));
        {
            let mut s = self.state.borrow_mut();
            s.rewind(step, tokens, ms);
            s.notice = Some(text::core_lost(step, before - 1, before));
        }
        self.spawn_team(before - 1);
    }

    /// Ends the team's workers but keeps watching (a new team follows).
    fn shut_down_team(&mut self) {
        if let Mode::Team(team) = &self.mode {
            for member in team.members.iter().flatten() {
                member.worker.terminate();
            }
        }
        self.mode = Mode::Done;
    }

    /// The browser refused workers: train on the page, a few milliseconds per frame.
    fn run_on_page(&mut self) {
        let pending = match &mut self.mode {
            Mode::Team(team) => std::mem::take(&mut team.pending),
            _ => Vec::new(),
        };
        let job = self.state.borrow().job.clone();
        match Runner::new(job, Seat::ALONE, None) {
            Ok(mut runner) => {
                {
                    let mut s = self.state.borrow_mut();
                    s.in_worker = false;
                    s.workers = 0;
                    for e in runner.start() {
                        s.apply(e);
                    }
                }
                self.mode = Mode::Page(Box::new(runner), None);
                for msg in pending {
                    self.command(msg);
                }
                self.page_frame();
            }
            Err(why) => {
                let mut s = self.state.borrow_mut();
                s.error = Some(why);
                s.status = JobStatus::Stopped;
                drop(s);
                self.shut_down();
            }
        }
    }

    fn page_frame(&mut self) {
        let me = self.me.clone();
        let frame = request_animation_frame(move |_| {
            with_crew(&me, |c| {
                let Mode::Page(runner, frame) = &mut c.mode else {
                    return;
                };
                *frame = None;
                let events = runner.slice(PAGE_SLICE_MS, &now_ms);
                let more = runner.is_running();
                let mut s = c.state.borrow_mut();
                for e in events {
                    s.apply(e);
                }
                drop(s);
                if more {
                    c.page_frame();
                } else if c.state.borrow().is_over() {
                    c.shut_down();
                }
            });
        });
        if let Mode::Page(_, f) = &mut self.mode {
            *f = Some(frame);
        }
    }
}

/// Runs `f` on the crew if it is still there, then redraws (after the borrow is released).
/// A worker's message for worker `to`, passed on with its numbers' buffer (handed over, not
/// copied). Dropped if that worker is gone: the watchdog deals with the team.
fn pass_on(team: &Team, to: usize, message: PeerMessage, parts: &Array) {
    let Some(Some(member)) = team.members.get(to) else {
        return;
    };
    let text = serde_json::to_string(&ToWorker::Peer(message)).unwrap_or_default();
    let numbers = parts.get(1);
    let transfer = Array::new();
    if let Ok(array) = numbers.clone().dyn_into::<Float32Array>() {
        transfer.push(&array.buffer());
    }
    let forward = Array::of2(&text.into(), &numbers);
    let _ = member
        .worker
        .post_message_with_transfer(&forward, &transfer);
}

fn with_crew(me: &Weak<RefCell<Crew>>, f: impl FnOnce(&mut Crew)) {
    let Some(crew) = me.upgrade() else { return };
    let redraw = {
        let Ok(mut c) = crew.try_borrow_mut() else {
            return;
        };
        f(&mut c);
        c.redraw()
    };
    redraw();
}
