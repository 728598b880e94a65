//! The workers of one job, seen from the page: the hands of `course::worker::supervise`, which
//! decides everything (when a worker is lost, when the run carries on with fewer, when it
//! ends). The crew makes the workers, links them, posts and passes on what the supervisor
//! says, and feeds it what the workers say, a tick every second and, when the browser refuses
//! workers, an animation frame to train the page itself.

use super::spawn;
use super::wire::{self, Received, To};
use crate::clock::now_ms;
use course::worker::protocol::{FromWorker, ToWorker};
use course::worker::route::Route;
use course::worker::state::JobState;
use course::worker::supervise::{Action, Command, Event, Supervisor, READY_TIMEOUT_MS, TICK_MS};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::{Interval, Timeout};
use js_sys::Float32Array;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Called whenever the job's state changes (the page redraws).
pub type Redraw = Rc<dyn Fn()>;

type Listener = Closure<dyn FnMut(JsValue)>;

/// A worker made for the team, and the page's listeners on it.
struct Hand {
    worker: web_sys::Worker,
    _listeners: [Listener; 3],
}

pub struct Crew {
    state: Rc<RefCell<JobState>>,
    redraw: Redraw,
    supervisor: Supervisor,
    /// The current team's workers by slot (None: refused by the browser, or ended).
    hands: Vec<Option<Hand>>,
    /// The watch's tick, while the job runs.
    watch: Option<Interval>,
    /// The next animation frame, while the page trains itself.
    frame: Option<AnimationFrame>,
    me: Weak<RefCell<Crew>>,
}

impl Crew {
    /// Starts the job of `state` on `size` workers, by `route` if given (else the faster).
    pub fn start(
        state: Rc<RefCell<JobState>>,
        size: usize,
        route: Option<Route>,
        redraw: Redraw,
    ) -> Rc<RefCell<Crew>> {
        let (supervisor, actions) = Supervisor::start(size, route, now_ms());
        let crew = Rc::new_cyclic(|me: &Weak<RefCell<Crew>>| {
            let watched = me.clone();
            let watch = Interval::new(TICK_MS as u32, move || {
                with_crew(&watched, |c| c.on(Event::Tick, None));
            });
            RefCell::new(Crew {
                state,
                redraw,
                supervisor,
                hands: Vec::new(),
                watch: Some(watch),
                frame: None,
                me: me.clone(),
            })
        });
        crew.borrow_mut().carry_out(actions, None);
        crew
    }

    pub fn redraw(&self) -> Redraw {
        self.redraw.clone()
    }

    /// A command of the pupil's.
    pub fn command(&mut self, command: Command) {
        self.on(Event::Command(command), None);
    }

    /// Gives `event` to the supervisor and carries its actions out (`heard`: the message the
    /// event is about, whose numbers may be passed on).
    fn on(&mut self, event: Event, heard: Option<&Received<FromWorker>>) {
        let actions = {
            let mut state = self.state.borrow_mut();
            self.supervisor.on(event, &now_ms, &mut state)
        };
        self.carry_out(actions, heard);
    }

    fn carry_out(&mut self, actions: Vec<Action>, heard: Option<&Received<FromWorker>>) {
        for action in actions {
            match action {
                Action::Hire { generation, size } => self.hire(generation, size),
                Action::Launch { starts, resume } => self.launch(&starts, resume.as_ref()),
                Action::Post { slot, message } => {
                    if let Some(hand) = self.hand(slot) {
                        wire::send(To::Worker(&hand.worker), &message, &[], &[]);
                    }
                }
                Action::PassOn { slot, message } => {
                    let numbers: Vec<Float32Array> =
                        heard.and_then(|h| h.numbers(0)).into_iter().collect();
                    if let Some(hand) = self.hand(slot) {
                        wire::send(
                            To::Worker(&hand.worker),
                            &ToWorker::Peer(message),
                            &numbers,
                            &[],
                        );
                    }
                }
                Action::Terminate { slot } => {
                    if let Some(hand) = self.hands.get_mut(slot).and_then(Option::take) {
                        hand.worker.terminate();
                    }
                }
                Action::AskFrame => self.ask_frame(),
                Action::Finish => {
                    self.watch = None;
                    self.frame = None;
                }
            }
        }
    }

    fn hand(&self, slot: usize) -> Option<&Hand> {
        self.hands.get(slot).and_then(Option::as_ref)
    }

    /// Makes the `size` workers of team `generation` once their script is ready, then tells
    /// the supervisor which ones the browser made.
    fn hire(&mut self, generation: u32, size: usize) {
        let me = self.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let url = spawn::script_url().await;
            with_crew(&me, |c| {
                if c.supervisor.generation() != generation {
                    return;
                }
                c.hands = match &url {
                    Ok(url) => (0..size)
                        .map(|slot| Some(c.listen(spawn::new_worker(url).ok()?, generation, slot)))
                        .collect(),
                    Err(_) => Vec::new(),
                };
                if let Ok(url) = url {
                    // The workers read their script at once; the address can go a little later.
                    Timeout::new(READY_TIMEOUT_MS as u32, move || {
                        let _ = web_sys::Url::revoke_object_url(&url);
                    })
                    .forget();
                }
                let made = c.hands.iter().map(Option::is_some).collect();
                c.on(Event::Hired { generation, made }, None);
            });
        });
    }

    fn listen(&self, worker: web_sys::Worker, generation: u32, slot: usize) -> Hand {
        let me = self.me.clone();
        let on_message = Listener::new(move |e: JsValue| {
            with_crew(&me, |c| c.heard(generation, slot, e));
        });
        let failed = |me: Weak<RefCell<Crew>>| {
            Listener::new(move |_: JsValue| {
                with_crew(&me, |c| c.on(Event::Failed { generation, slot }, None));
            })
        };
        let (on_error, on_bad_message) = (failed(self.me.clone()), failed(self.me.clone()));
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ = worker.add_event_listener_with_callback(
            "messageerror",
            on_bad_message.as_ref().unchecked_ref(),
        );
        Hand {
            worker,
            _listeners: [on_message, on_error, on_bad_message],
        }
    }

    /// A message from worker `slot` of team `generation`. One the page cannot read counts as
    /// the worker failing: dropped, it could leave the run waiting for ever.
    fn heard(&mut self, generation: u32, slot: usize, e: JsValue) {
        let data = e
            .dyn_into::<web_sys::MessageEvent>()
            .map(|e| e.data())
            .unwrap_or_default();
        let Some(received) = wire::read::<FromWorker>(data) else {
            self.on(Event::Failed { generation, slot }, None);
            return;
        };
        let numbers = match received.message {
            FromWorker::Model { .. } | FromWorker::Checkpoint(_) => received.to_vec(0),
            _ => Vec::new(),
        };
        let event = Event::Heard {
            generation,
            slot,
            message: received.message.clone(),
            numbers,
        };
        self.on(event, Some(&received));
    }

    /// Links the workers (a channel between each two, by seat) and starts each in its seat;
    /// a run carried on sends each the checkpoint's numbers and losses.
    fn launch(&mut self, starts: &[(usize, ToWorker)], resume: Option<&(Vec<f32>, Vec<f32>)>) {
        let size = starts.len();
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
        for ((slot, start), ports) in starts.iter().zip(&ports) {
            let numbers: Vec<Float32Array> = resume
                .map(|(numbers, losses)| vec![wire::numbers(numbers), wire::numbers(losses)])
                .unwrap_or_default();
            if let Some(hand) = self.hand(*slot) {
                wire::send(To::Worker(&hand.worker), start, &numbers, ports);
            }
        }
    }

    /// Trains on the page at the next animation frame.
    fn ask_frame(&mut self) {
        let me = self.me.clone();
        self.frame = Some(request_animation_frame(move |_| {
            with_crew(&me, |c| {
                c.frame = None;
                c.on(Event::Frame, None);
            });
        }));
    }

    /// Ends every worker and the watch at once (the page no longer wants the job); the state
    /// keeps what it has.
    pub fn shut_down(&mut self) {
        for hand in self.hands.drain(..).flatten() {
            hand.worker.terminate();
        }
        self.watch = None;
        self.frame = None;
    }
}

/// Runs `f` on the crew if it is still there, then redraws the page (once the crew is
/// released: drawing reads the job's state).
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
