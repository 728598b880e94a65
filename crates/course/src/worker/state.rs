//! What the page knows of a training job (`JobState`, for the pictures): the reports and models
//! the workers send, applied in order. `supervise` updates it (the app's `worker::crew` feeds
//! it the workers' messages); the pages read it through the app's `worker::client::JobHandle`.

use super::protocol::{unflatten, Job, JobStatus, Report};
use super::route::Route;
use super::runner::Event;
use minigpt::Gpt;

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
    /// The latest model received: the last checkpoint's during the run, the trained one at
    /// the end.
    pub model: Option<Gpt>,
    /// The job's last model has come (or the page ended the job itself).
    pub final_model: bool,
    /// The step of the latest checkpoint the page keeps (where a lost run carries on from).
    pub checkpoint_step: Option<usize>,
    /// Why the job could not run (French, for the pupil).
    pub error: Option<String>,
    /// Something the pupil should know that did not stop the job (a lost worker…), in French.
    pub notice: Option<String>,
    /// False when the browser refused workers and the page trained itself.
    pub in_worker: bool,
    /// How many workers share the training now.
    pub workers: usize,
    /// How those workers reach each other now (a team only).
    pub route: Option<Route>,
}

impl JobState {
    pub fn new(job: Job, label: String) -> Self {
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
            final_model: false,
            checkpoint_step: None,
            error: None,
            notice: None,
            in_worker: true,
            workers: 0,
            route: None,
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

    /// Over, with its last model in hand (or failed).
    pub fn is_over(&self) -> bool {
        self.error.is_some() || (self.status.is_over() && self.final_model)
    }

    /// A report; none counts once the job is over (its end is final).
    pub fn apply_report(&mut self, r: Report) {
        if self.status.is_over() {
            return;
        }
        self.status = r.status;
        self.step = r.step;
        self.losses.extend(r.new_losses);
        self.tokens = r.tokens;
        self.compute_ms = r.compute_ms;
        self.test_loss = r.test_loss;
        self.train_names = r.train_names;
        self.test_names = r.test_names;
    }

    /// The model's numbers at `step`: the trained model once the job is over, or once its
    /// last step is done.
    pub fn apply_model(&mut self, step: usize, flat: &[f32]) {
        if let Some(gpt) = unflatten(self.job.config, flat) {
            self.model = Some(gpt);
            self.final_model |= self.status.is_over() || step >= self.job.steps;
        }
    }

    /// A checkpoint's parameters: the model on show until the next one.
    pub fn keep_checkpoint(&mut self, step: usize, params: &[f32]) {
        if let Some(gpt) = unflatten(self.job.config, params) {
            self.model = Some(gpt);
            self.checkpoint_step = Some(step);
        }
    }

    pub fn apply(&mut self, event: Event) {
        match event {
            Event::Report(r) => self.apply_report(r),
            Event::Model(step, flat) => self.apply_model(step, &flat),
            Event::Checkpoint(..) => {}
        }
    }

    /// Back to `step` (a run carried on from a checkpoint): later losses are forgotten.
    pub fn rewind(&mut self, step: usize, tokens: usize, compute_ms: f64) {
        self.losses.truncate(step);
        self.step = step;
        self.tokens = tokens;
        self.compute_ms = compute_ms;
    }

    /// Ended by the page itself (a worker lost, a stop not answered): the model stays the
    /// last one received.
    pub fn end_here(&mut self, notice: Option<String>) {
        if !self.status.is_over() {
            self.status = JobStatus::Stopped;
        }
        self.final_model = true;
        if notice.is_some() {
            self.notice = notice;
        }
    }
}
