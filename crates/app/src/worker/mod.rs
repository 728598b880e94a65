//! Training big models without freezing the page: the training runs in a Web Worker (a second
//! copy of this very wasm module, started from a blob URL so it also works from `file://`), and
//! the page only receives progress reports and, now and then, the model's numbers.
//!
//! - `protocol`: the messages between the page and the worker, and a training `Job`;
//! - `runner`: a job's training, cut into short slices (the same code in the worker and, if a
//!   browser refuses workers, on the page itself);
//! - `exchange`: how several workers share a step (pure, tested natively);
//! - `host`: the worker's side (it runs `runner` and answers messages);
//! - `route`: how a team's workers reach each other (by channel or through the page, whichever
//!   measures faster);
//! - `spawn`: the worker script, from a blob;
//! - `crew`: the page's side of one job's workers (starts them, passes their messages on,
//!   watches them);
//! - `state`: what the page knows of a job (`JobState`: status, losses, the latest model);
//! - `client`: what the pages use (`JobHandle`: start, pause, resume, stop, read the state).

pub mod client;
pub mod crew;
pub mod exchange;
pub mod host;
pub mod protocol;
pub mod route;
pub mod runner;
pub mod spawn;
pub mod state;

/// Whether this copy of the module runs inside a Web Worker (no page to draw).
pub fn in_worker() -> bool {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .is_ok()
}
