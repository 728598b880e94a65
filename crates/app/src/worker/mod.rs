//! Training big models without freezing the page: the training runs in a Web Worker (a second
//! copy of this very wasm module, started from a blob URL so it also works from `file://`), and
//! the page only receives progress reports and, now and then, the model's numbers.
//!
//! What needs the browser is here; the pure logic is `course::worker` (the messages and the
//! `Job`, the training runner, the gradient exchange, the route trial, the `JobState`, the
//! supervision of the workers), tested natively:
//! - `wire`: every message as it travels (JSON text, then numbers whose buffers are handed
//!   over), written and read for the page and the worker alike;
//! - `host`: the worker's side (it runs `course::worker::runner` and answers messages);
//! - `spawn`: the worker script, from a blob;
//! - `crew`: the page's side of one job's workers, the hands of `course::worker::supervise`
//!   (makes them, links them, posts and passes their messages on);
//! - `client`: what the pages use (`JobHandle`: start, pause, resume, stop, read the state).

pub mod client;
pub mod crew;
pub mod host;
pub mod spawn;
pub mod wire;

/// Whether this copy of the module runs inside a Web Worker (no page to draw).
pub fn in_worker() -> bool {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .is_ok()
}
