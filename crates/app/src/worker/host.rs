//! The worker's side: receives a job and commands from the page (and, in a team, the other
//! workers' gradient slices, by channel or passed on by the page: `route`), trains, and posts
//! reports, checkpoints and models back (`wire`). A sign of life goes to the page every
//! second, whatever the worker is doing between two steps.

use super::wire::{self, Received, To};
use crate::clock::now_ms as clock;
use course::content::training as text;
use course::worker::exchange::{Outgoing, PeerMessage};
use course::worker::protocol::{checkpoint_from, checkpoint_numbers, FromWorker, Seat, ToWorker};
use course::worker::route::Route;
use course::worker::runner::{Event, Runner};
use js_sys::{Array, ArrayBuffer, Float32Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

/// Training time per slice when alone, in milliseconds (a pause or a stop waits at most this).
const SLICE_MS: f64 = 50.0;
/// The sign of life's period.
const ALIVE_MS: u32 = 1000;

type Listener = Closure<dyn FnMut(MessageEvent)>;

struct Host {
    scope: DedicatedWorkerGlobalScope,
    /// Posting to this channel schedules the next slice (faster than a 0 ms timer).
    next_slice: MessageChannel,
    runner: Option<Runner>,
    /// In a team (rather than alone, training in slices).
    in_team: bool,
    /// In a team: the port to each other worker, by rank (None at this worker's own rank), and
    /// the way slices go out now (they come in either way).
    peers: Vec<Option<MessagePort>>,
    route: Route,
    /// Buffers the other workers' slices came in, to send the next ones in.
    spares: Vec<ArrayBuffer>,
    _peer_listeners: Vec<Listener>,
}

/// Spare buffers kept at most (as many as one step receives, with a margin).
const MAX_SPARES: usize = 16;

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

/// Runs `f` on the host. Never panics on the borrow: it can only be taken if an earlier call
/// trapped while holding it; the worker then says nothing more, and the page notices.
fn with_host(f: impl FnOnce(&mut Host)) {
    HOST.with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            if let Some(host) = h.as_mut() {
                f(host);
            }
        }
    });
}

/// Posts a message and its numbers (handed over, not copied).
fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker, numbers: Option<&[f32]>) {
    let numbers: Vec<Float32Array> = numbers.map(wire::numbers).into_iter().collect();
    wire::send(To::Page(scope), message, &numbers, &[]);
}

fn post_events(scope: &DedicatedWorkerGlobalScope, events: Vec<Event>) {
    for e in events {
        match e {
            Event::Report(r) => post(scope, &FromWorker::Progress(r), None),
            Event::Model(step, flat) => post(scope, &FromWorker::Model { step }, Some(&flat)),
            Event::Checkpoint(header, checkpoint) => post(
                scope,
                &FromWorker::Checkpoint(header),
                Some(&checkpoint_numbers(&checkpoint)),
            ),
        }
    }
}

/// Sends gradient slices to the other workers of the team, by the current route. Each goes in
/// a buffer another worker's slice came in: allocating a fresh 800 KB buffer every step would
/// cost more than the copy itself.
fn send(host: &mut Host, out: Vec<Outgoing>) {
    for letter in out {
        let bytes = letter.data.len() as u32 * 4;
        let array = match host.spares.iter().position(|b| b.byte_length() == bytes) {
            Some(i) => Float32Array::new(&host.spares.swap_remove(i)),
            None => Float32Array::new_with_length(letter.data.len() as u32),
        };
        array.copy_from(&letter.data);
        match host.peers.get(letter.to) {
            Some(Some(port)) if host.route == Route::Channel => {
                wire::send(To::Port(port), &letter.message, &[array], &[]);
            }
            _ => {
                let message = FromWorker::Peer {
                    to: letter.to,
                    message: letter.message,
                };
                wire::send(To::Page(&host.scope), &message, &[array], &[]);
            }
        }
    }
}

/// Starts listening (called by `main` when the module runs in a worker).
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Ok(next_slice) = MessageChannel::new() else {
        return;
    };
    let on_slice = Listener::new(|_| run_slice());
    next_slice
        .port1()
        .set_onmessage(Some(on_slice.as_ref().unchecked_ref()));
    on_slice.forget();
    let on_message = Listener::new(from_page);
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let alive = scope.clone();
    gloo::timers::callback::Interval::new(ALIVE_MS, move || post(&alive, &FromWorker::Alive, None))
        .forget();
    post(&scope, &FromWorker::Ready, None);
    HOST.with(|h| {
        *h.borrow_mut() = Some(Host {
            scope,
            next_slice,
            runner: None,
            in_team: false,
            peers: Vec::new(),
            route: course::worker::route::FIRST,
            spares: Vec::new(),
            _peer_listeners: Vec::new(),
        })
    });
}

fn from_page(e: MessageEvent) {
    let Some(received) = wire::read::<ToWorker>(e.data()) else {
        return;
    };
    let msg = received.message.clone();
    with_host(|host| match msg {
        ToWorker::Start { job, seat, resume } => {
            let checkpoint = resume.and_then(|h| {
                Some((
                    h,
                    checkpoint_from(&h, &received.to_vec(0), &received.to_vec(1))?,
                ))
            });
            if resume.is_some() && checkpoint.is_none() {
                post(
                    &host.scope,
                    &FromWorker::Failed(text::CANNOT_CARRY_ON.into()),
                    None,
                );
                return;
            }
            match Runner::new(job, seat, checkpoint.as_ref().map(|(h, c)| (h, c))) {
                Ok(runner) => begin(host, runner, seat, e.ports()),
                Err(why) => post(&host.scope, &FromWorker::Failed(why), None),
            }
        }
        ToWorker::Pause => {
            if let Some(r) = host.runner.as_mut() {
                post_events(&host.scope, r.pause());
            }
        }
        ToWorker::Resume => {
            if let Some(r) = host.runner.as_mut() {
                let (out, events) = r.resume(&clock);
                send(host, out);
                post_events(&host.scope, events);
                let _ = host.next_slice.port2().post_message(&JsValue::NULL);
            }
        }
        ToWorker::Stop => {
            if let Some(r) = host.runner.as_mut() {
                post_events(&host.scope, r.stop());
            }
        }
        ToWorker::Peer(message) => from_peer(host, message, &received),
        ToWorker::Route(route) => host.route = route,
    });
}

/// Sets the runner to work: alone, in slices; in a team, step by step as the others' slices
/// come in, by `ports` (one per other worker, in the order of their ranks) or from the page.
fn begin(host: &mut Host, mut runner: Runner, seat: Seat, ports: Array) {
    post_events(&host.scope, runner.start());
    host.in_team = seat.size > 1;
    let mut peers: Vec<Option<MessagePort>> = ports.iter().map(|p| p.dyn_into().ok()).collect();
    if !peers.is_empty() {
        peers.insert(seat.rank.min(peers.len()), None);
    }
    host._peer_listeners = peers
        .iter()
        .flatten()
        .map(|port| {
            let listener = Listener::new(from_port);
            port.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            listener
        })
        .collect();
    host.peers = peers;
    let (out, events) = runner.begin_team(&clock);
    host.runner = Some(runner);
    if host.in_team {
        send(host, out);
        post_events(&host.scope, events);
    } else {
        let _ = host.next_slice.port2().post_message(&JsValue::NULL);
    }
}

/// Another worker's slice, by channel.
fn from_port(e: MessageEvent) {
    let Some(received) = wire::read::<PeerMessage>(e.data()) else {
        return;
    };
    with_host(|host| from_peer(host, received.message, &received));
}

/// Another worker's slice (its numbers next to `message`): into the exchange; its buffer is
/// kept to send this worker's next slices in.
fn from_peer<M>(host: &mut Host, message: PeerMessage, received: &Received<M>) {
    let data = received.to_vec(0);
    if let Some(array) = received.numbers(0) {
        if host.spares.len() < MAX_SPARES {
            host.spares.push(array.buffer());
        }
    }
    let Some(runner) = host.runner.as_mut() else {
        return;
    };
    let (out, events) = runner.receive(message, data, &clock);
    send(host, out);
    post_events(&host.scope, events);
}

fn run_slice() {
    with_host(|host| {
        let Some(runner) = host.runner.as_mut() else {
            return;
        };
        let events = runner.slice(SLICE_MS, &clock);
        let more = runner.is_running() && !host.in_team;
        post_events(&host.scope, events);
        if more {
            let _ = host.next_slice.port2().post_message(&JsValue::NULL);
        }
    });
}
