//! The page's side of a training job: starts a worker (or, if the browser refuses, trains on the
//! page between two frames), forwards pause / resume / stop, and keeps the job's state for the
//! pictures. The page never computes a training step itself while a worker runs it.

use super::protocol::{unflatten, FromWorker, Job, JobStatus, Report, ToWorker};
use super::runner::{Event, Runner};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use minigpt::Gpt;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Appended to the wasm-bindgen glue to make the worker's script: the first message is the
/// compiled module; instantiating it runs `main`, which sees it is in a worker and listens.
const BOOT: &str = r#"
self.onmessage = (event) => {
  self.onmessage = null;
  __wbg_init({ module_or_path: event.data }).catch((e) =>
    self.postMessage([JSON.stringify({ Failed: "Le calcul en arrière-plan n'a pas démarré : " + e })]));
};
"#;

/// A worker that says nothing for this long is given up (the page trains instead).
const READY_TIMEOUT_MS: u32 = 10_000;
/// On the page (no worker), training time per animation frame.
const PAGE_SLICE_MS: f64 = 8.0;

/// Everything the page knows about a job.
#[derive(Clone, Debug)]
pub struct JobState {
    pub job: Job,
    pub label: String,
    pub status: JobStatus,
    pub step: usize,
    pub losses: Vec<f32>,
    pub tokens: usize,
    pub compute_ms: f64,
    pub test_loss: Option<f32>,
    pub train_names: usize,
    pub test_names: usize,
    /// The latest model received (the trained one once the job is over).
    pub model: Option<Gpt>,
    /// Models kept at the job's snapshot steps.
    pub snapshots: Vec<(usize, Gpt)>,
    /// Why the job could not run (French, for the pupil).
    pub error: Option<String>,
    /// False when the browser refused the worker and the page trained itself.
    pub in_worker: bool,
}

impl JobState {
    fn new(job: Job, label: String) -> Self {
        JobState {
            job,
            label,
            status: JobStatus::Starting,
            step: 0,
            losses: Vec::new(),
            tokens: 0,
            compute_ms: 0.0,
            test_loss: None,
            train_names: 0,
            test_names: 0,
            model: None,
            snapshots: Vec::new(),
            error: None,
            in_worker: true,
        }
    }

    /// Letters per second of training time (not counting drawing or evaluation).
    pub fn tokens_per_second(&self) -> f64 {
        if self.compute_ms > 0.0 {
            self.tokens as f64 / self.compute_ms * 1000.0
        } else {
            0.0
        }
    }

    pub fn is_over(&self) -> bool {
        self.status.is_over() || self.error.is_some()
    }

    fn apply_report(&mut self, r: Report) {
        self.status = r.status;
        self.step = r.step;
        self.losses.extend(r.new_losses);
        self.tokens = r.tokens;
        self.compute_ms = r.compute_ms;
        self.test_loss = r.test_loss;
        self.train_names = r.train_names;
        self.test_names = r.test_names;
    }

    fn apply_model(&mut self, step: usize, flat: &[f32]) {
        if let Some(gpt) = unflatten(self.job.config, flat) {
            if self.job.snapshot_steps.contains(&step) || self.status.is_over() {
                self.snapshots.retain(|(s, _)| *s != step);
                self.snapshots.push((step, gpt.clone()));
            }
            self.model = Some(gpt);
        }
    }

    fn apply(&mut self, event: Event) {
        match event {
            Event::Report(r) => self.apply_report(r),
            Event::Model(step, flat) => self.apply_model(step, &flat),
        }
    }
}

/// A running worker and the page's listener (kept here so it goes away with the job).
struct Attached {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

enum Link {
    /// The worker is being started: commands wait here.
    Starting(Option<Attached>, Vec<ToWorker>),
    Worker(Attached),
    /// No worker: the page trains between frames.
    Page(Box<Runner>, Option<AnimationFrame>),
    Done,
}

/// A training job running in a worker (or on the page). Dropping it stops the job.
pub struct JobHandle {
    pub state: Rc<RefCell<JobState>>,
    link: Rc<RefCell<Link>>,
    _timeout: Option<Timeout>,
}

type Redraw = Rc<dyn Fn()>;

impl JobHandle {
    /// Starts `job`; `redraw` is called whenever its state changes.
    pub fn start(job: Job, label: String, redraw: Redraw) -> JobHandle {
        let state = Rc::new(RefCell::new(JobState::new(job.clone(), label)));
        let link = Rc::new(RefCell::new(Link::Starting(
            None,
            vec![ToWorker::Start(job)],
        )));
        {
            let (state, link, redraw) = (state.clone(), link.clone(), redraw.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match spawn_worker().await {
                    Ok(worker) => attach(worker, &state, &link, &redraw),
                    Err(_) => run_on_page(&state, &link, &redraw),
                }
            });
        }
        let timeout = {
            let (state, link, redraw) = (state.clone(), link.clone(), redraw.clone());
            Timeout::new(READY_TIMEOUT_MS, move || {
                let silent = matches!(&*link.borrow(), Link::Starting(..));
                if silent {
                    if let Link::Starting(Some(a), _) = &*link.borrow() {
                        a.worker.terminate();
                    }
                    run_on_page(&state, &link, &redraw);
                }
            })
        };
        JobHandle {
            state,
            link,
            _timeout: Some(timeout),
        }
    }

    fn send(&self, msg: ToWorker) {
        let mut link = self.link.borrow_mut();
        match &mut *link {
            Link::Starting(_, pending) => pending.push(msg),
            Link::Worker(a) => post(&a.worker, &msg),
            Link::Page(runner, _) => {
                let events = match msg {
                    ToWorker::Pause => runner.pause(),
                    ToWorker::Stop => runner.stop(),
                    ToWorker::Resume => {
                        runner.resume();
                        Vec::new()
                    }
                    ToWorker::Start(_) => Vec::new(),
                };
                let mut state = self.state.borrow_mut();
                for e in events {
                    state.apply(e);
                }
            }
            Link::Done => {}
        }
    }

    pub fn pause(&self) {
        self.send(ToWorker::Pause);
    }

    pub fn resume(&self, redraw: Redraw) {
        self.send(ToWorker::Resume);
        // On the page, the frames stopped with the pause: start them again.
        if matches!(&*self.link.borrow(), Link::Page(..)) {
            page_frame(&self.state, &self.link, &redraw);
        }
    }

    pub fn stop(&self) {
        self.send(ToWorker::Stop);
    }
}

impl Drop for JobHandle {
    fn drop(&mut self) {
        if let Ok(mut link) = self.link.try_borrow_mut() {
            match &*link {
                Link::Worker(a) | Link::Starting(Some(a), _) => a.worker.terminate(),
                _ => {}
            }
            // Also breaks the loop listener → link → listener.
            *link = Link::Done;
        }
    }
}

fn post(worker: &web_sys::Worker, msg: &ToWorker) {
    let _ = worker.post_message(&JsValue::from_str(
        &serde_json::to_string(msg).unwrap_or_default(),
    ));
}

thread_local! {
    static GLUE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The wasm-bindgen glue's source: given by the one-file page, else fetched from the server.
async fn glue_source() -> Result<String, JsValue> {
    if let Some(text) = GLUE.with(|g| g.borrow().clone()) {
        return Ok(text);
    }
    let text = match js_sys::Reflect::get(&js_sys::global(), &"__tutoGlue".into())?.as_string() {
        Some(text) => text,
        None => {
            let document = gloo::utils::document();
            let link = document
                .query_selector("link[rel=modulepreload][href$='.js']")?
                .ok_or("no glue link")?;
            let href = link.unchecked_into::<web_sys::HtmlLinkElement>().href();
            let response: web_sys::Response =
                JsFuture::from(gloo::utils::window().fetch_with_str(&href))
                    .await?
                    .dyn_into()?;
            if !response.ok() {
                return Err("glue not found".into());
            }
            JsFuture::from(response.text()?)
                .await?
                .as_string()
                .ok_or("glue is not text")?
        }
    };
    GLUE.with(|g| *g.borrow_mut() = Some(text.clone()));
    Ok(text)
}

/// wasm-bindgen's glue (an ES module) as a classic script: no export line, and the module's own
/// address (only used when no compiled module is given, never here) replaced by the worker's.
pub fn classic_script(glue: &str) -> String {
    glue.lines()
        .filter(|l| !l.trim_start().starts_with("export {"))
        .map(|l| l.replace("import.meta.url", "self.location.href"))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn spawn_worker() -> Result<web_sys::Worker, JsValue> {
    let glue = classic_script(&glue_source().await?);
    let parts = js_sys::Array::of2(&JsValue::from_str(&glue), &JsValue::from_str(BOOT));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    // A classic worker: Chromium refuses module workers from a page opened as a file.
    let worker = web_sys::Worker::new(&url);
    // The worker has read its script once it answers; the address can go then (or now, if
    // the browser refused it).
    let worker = match worker {
        Ok(w) => w,
        Err(e) => {
            let _ = web_sys::Url::revoke_object_url(&url);
            return Err(e);
        }
    };
    worker.post_message(&wasm_bindgen::module())?;
    let revoke = Timeout::new(READY_TIMEOUT_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    revoke.forget();
    Ok(worker)
}

/// Listens to the worker and sends it the waiting commands once it is ready.
fn attach(
    worker: web_sys::Worker,
    state: &Rc<RefCell<JobState>>,
    link: &Rc<RefCell<Link>>,
    redraw: &Redraw,
) {
    if !matches!(&*link.borrow(), Link::Starting(None, _)) {
        // Stopped (or given up) before the worker existed.
        worker.terminate();
        return;
    }
    let on_message = {
        let (state, link, redraw) = (state.clone(), link.clone(), redraw.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let parts: js_sys::Array = e.data().unchecked_into();
            let Some(Ok(msg)) = parts
                .get(0)
                .as_string()
                .map(|t| serde_json::from_str::<FromWorker>(&t))
            else {
                return;
            };
            match msg {
                FromWorker::Ready => {
                    let mut l = link.borrow_mut();
                    if let Link::Starting(attached @ Some(_), pending) = &mut *l {
                        let a = attached.take().expect("matched Some");
                        for m in pending.drain(..) {
                            post(&a.worker, &m);
                        }
                        *l = Link::Worker(a);
                    }
                }
                FromWorker::Progress(r) => state.borrow_mut().apply_report(r),
                FromWorker::Model { step } => {
                    let data: js_sys::Float32Array = parts.get(1).unchecked_into();
                    state.borrow_mut().apply_model(step, &data.to_vec());
                    // The trained model is the last message of a job: the worker can go.
                    if state.borrow().is_over() {
                        if let Link::Worker(a) = &*link.borrow() {
                            a.worker.terminate();
                        }
                    }
                }
                FromWorker::Failed(why) => {
                    let mut s = state.borrow_mut();
                    s.error = Some(why);
                    s.status = JobStatus::Stopped;
                }
            }
            redraw();
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    if let Link::Starting(slot, _) = &mut *link.borrow_mut() {
        *slot = Some(Attached {
            worker,
            _on_message: on_message,
        });
    }
}

/// The browser refused the worker: train on the page, a few milliseconds per frame.
fn run_on_page(state: &Rc<RefCell<JobState>>, link: &Rc<RefCell<Link>>, redraw: &Redraw) {
    let pending = match &mut *link.borrow_mut() {
        Link::Starting(_, pending) => std::mem::take(pending),
        _ => return,
    };
    let job = state.borrow().job.clone();
    match Runner::new(job) {
        Ok(mut runner) => {
            {
                let mut s = state.borrow_mut();
                s.in_worker = false;
                for e in runner.start() {
                    s.apply(e);
                }
            }
            *link.borrow_mut() = Link::Page(Box::new(runner), None);
            for m in pending {
                if !matches!(m, ToWorker::Start(_)) {
                    if let Link::Page(r, _) = &mut *link.borrow_mut() {
                        let events = match m {
                            ToWorker::Pause => r.pause(),
                            ToWorker::Stop => r.stop(),
                            _ => Vec::new(),
                        };
                        let mut s = state.borrow_mut();
                        for e in events {
                            s.apply(e);
                        }
                    }
                }
            }
            page_frame(state, link, redraw);
        }
        Err(why) => {
            let mut s = state.borrow_mut();
            s.error = Some(why);
            s.status = JobStatus::Stopped;
            *link.borrow_mut() = Link::Done;
        }
    }
    redraw();
}

fn page_frame(state: &Rc<RefCell<JobState>>, link: &Rc<RefCell<Link>>, redraw: &Redraw) {
    let frame = {
        let (state, weak_link, redraw) = (state.clone(), Rc::downgrade(link), redraw.clone());
        request_animation_frame(move |_| {
            let Some(link) = weak_link.upgrade() else {
                return;
            };
            let more = {
                let mut l = link.borrow_mut();
                let Link::Page(runner, frame) = &mut *l else {
                    return;
                };
                *frame = None;
                let events = runner.slice(PAGE_SLICE_MS, &crate::training::now_ms);
                let mut s = state.borrow_mut();
                for e in events {
                    s.apply(e);
                }
                runner.is_running()
            };
            redraw();
            if more {
                page_frame(&state, &link, &redraw);
            }
        })
    };
    if let Link::Page(_, f) = &mut *link.borrow_mut() {
        *f = Some(frame);
    }
}
