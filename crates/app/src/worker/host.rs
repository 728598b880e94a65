//! The worker's side: receives jobs and commands from the page, trains in slices of about
//! 50 ms (so a pause or a stop is handled within 50 ms), and posts reports and models back.

use super::protocol::{FromWorker, ToWorker};
use super::runner::{Event, Runner};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

/// Training time per slice, in milliseconds.
const SLICE_MS: f64 = 50.0;

struct Host {
    scope: DedicatedWorkerGlobalScope,
    /// Posting to this channel schedules the next slice (faster than a 0 ms timer).
    next_slice: MessageChannel,
    runner: Option<Runner>,
}

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

fn clock() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .map(|p| p.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or_else(js_sys::Date::now)
}

fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker, data: Option<&[f32]>) {
    let parts = js_sys::Array::new();
    parts.push(&JsValue::from_str(
        &serde_json::to_string(message).unwrap_or_default(),
    ));
    if let Some(data) = data {
        parts.push(&js_sys::Float32Array::from(data));
    }
    let _ = scope.post_message(&parts);
}

fn post_events(scope: &DedicatedWorkerGlobalScope, events: Vec<Event>) {
    for e in events {
        match e {
            Event::Report(r) => post(scope, &FromWorker::Progress(r), None),
            Event::Model(step, flat) => post(scope, &FromWorker::Model { step }, Some(&flat)),
        }
    }
}

/// Starts listening (called by `main` when the module runs in a worker).
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Ok(next_slice) = MessageChannel::new() else {
        return;
    };
    let on_slice = Closure::<dyn FnMut(MessageEvent)>::new(|_| run_slice());
    next_slice
        .port1()
        .set_onmessage(Some(on_slice.as_ref().unchecked_ref()));
    on_slice.forget();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        if let Some(text) = e.data().as_string() {
            if let Ok(msg) = serde_json::from_str::<ToWorker>(&text) {
                handle(msg);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &FromWorker::Ready, None);
    HOST.with(|h| {
        *h.borrow_mut() = Some(Host {
            scope,
            next_slice,
            runner: None,
        })
    });
}

fn handle(msg: ToWorker) {
    HOST.with(|h| {
        let mut h = h.borrow_mut();
        let Some(host) = h.as_mut() else { return };
        match msg {
            ToWorker::Start(job) => match Runner::new(job) {
                Ok(mut runner) => {
                    post_events(&host.scope, runner.start());
                    host.runner = Some(runner);
                    let _ = host.next_slice.port2().post_message(&JsValue::NULL);
                }
                Err(why) => post(&host.scope, &FromWorker::Failed(why), None),
            },
            ToWorker::Pause => {
                if let Some(r) = host.runner.as_mut() {
                    post_events(&host.scope, r.pause());
                }
            }
            ToWorker::Resume => {
                if let Some(r) = host.runner.as_mut() {
                    r.resume();
                    let _ = host.next_slice.port2().post_message(&JsValue::NULL);
                }
            }
            ToWorker::Stop => {
                if let Some(r) = host.runner.as_mut() {
                    post_events(&host.scope, r.stop());
                }
            }
        }
    });
}

fn run_slice() {
    HOST.with(|h| {
        let mut h = h.borrow_mut();
        let Some(host) = h.as_mut() else { return };
        let Some(runner) = host.runner.as_mut() else {
            return;
        };
        let events = runner.slice(SLICE_MS, &clock);
        let more = runner.is_running();
        post_events(&host.scope, events);
        if more {
            let _ = host.next_slice.port2().post_message(&JsValue::NULL);
        }
    });
}
