//! A job's training, cut into slices of a few milliseconds so that whoever runs it (the worker,
//! or the page when a browser refuses workers) can answer messages between two slices.

use super::protocol::{flatten, Data, Job, JobStatus, Report};
use crate::content::training as text;
use minigpt::{Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;

/// What a slice produced, to send to the page.
pub enum Event {
    Report(Report),
    /// The model's numbers at a step.
    Model(usize, Vec<f32>),
}

pub struct Runner {
    job: Job,
    trainer: Trainer<Gpt>,
    status: JobStatus,
    compute_ms: f64,
    /// Losses already reported.
    reported: usize,
    test_loss: Option<f32>,
}

impl Runner {
    /// Prepares the job; a French message if it cannot start.
    pub fn new(job: Job) -> Result<Runner, String> {
        let gpt = Gpt::new(
            job.config,
            &mut rand_chacha::ChaCha8Rng::seed_from_u64(job.seed),
        )
        .map_err(|e| text::impossible_size(&e.to_string()))?;
        let (train, test) = job.names();
        let config = TrainConfig {
            steps: job.steps,
            lr: job.lr,
            batch_size: job.batch.max(1),
            ..TrainConfig::default()
        };
        let trainer = Trainer::with_held_out(gpt, &train, &test, config).map_err(|_| {
            match job.data {
                Data::Own(_) => text::NO_READABLE_NAME,
                _ => text::NO_NAME_TO_LEARN,
            }
            .to_string()
        })?;
        Ok(Runner {
            job,
            trainer,
            status: JobStatus::Running,
            compute_ms: 0.0,
            reported: 0,
            test_loss: None,
        })
    }

    pub fn is_running(&self) -> bool {
        self.status == JobStatus::Running
    }

    fn report(&mut self) -> Event {
        let losses = self.trainer.losses();
        let new_losses = losses[self.reported..].to_vec();
        self.reported = losses.len();
        Event::Report(Report {
            status: self.status,
            step: self.trainer.step(),
            new_losses,
            tokens: self.trainer.tokens_seen(),
            compute_ms: self.compute_ms,
            test_loss: self.test_loss,
            train_names: self.trainer.doc_count(),
            test_names: self.trainer.test_count(),
        })
    }

    fn model(&self) -> Event {
        Event::Model(self.trainer.step(), flatten(self.trainer.model()))
    }

    /// The first report, and the untrained model if step 0 is asked for.
    pub fn start(&mut self) -> Vec<Event> {
        let mut events = vec![self.report()];
        if self.job.snapshot_steps.contains(&0) {
            events.push(self.model());
        }
        events
    }

    /// Trains for about `budget_ms` of `clock` time (whole steps), then reports.
    pub fn slice(&mut self, budget_ms: f64, clock: &dyn Fn() -> f64) -> Vec<Event> {
        let mut events = Vec::new();
        if !self.is_running() {
            return events;
        }
        let start = clock();
        let mut now = start;
        while now - start < budget_ms {
            let status = self.trainer.advance(1);
            let step = self.trainer.step();
            let t = clock();
            self.compute_ms += t - now;
            now = t;
            if self.job.snapshot_steps.contains(&step) && status != Status::Running {
                // The end sends the model anyway.
            } else if self.job.snapshot_steps.contains(&step) {
                events.push(self.model());
            }
            let out_of_time = self
                .job
                .max_seconds
                .is_some_and(|s| self.compute_ms >= s * 1000.0);
            match status {
                Status::Finished => return self.finish(JobStatus::Finished, events),
                Status::Diverged { step, .. } => {
                    return self.finish(JobStatus::Diverged(step), events)
                }
                Status::Running if out_of_time => return self.finish(JobStatus::TimeUp, events),
                Status::Running => {}
            }
        }
        events.push(self.report());
        events
    }

    /// The end: the loss on the held-out names, the last report, the trained model.
    fn finish(&mut self, status: JobStatus, mut events: Vec<Event>) -> Vec<Event> {
        self.status = status;
        if !matches!(status, JobStatus::Diverged(_)) {
            self.test_loss = self.trainer.test_loss();
        }
        events.push(self.report());
        events.push(self.model());
        events
    }

    /// Pauses and shows where the model stands (its held-out loss, its numbers).
    pub fn pause(&mut self) -> Vec<Event> {
        if !self.is_running() {
            return Vec::new();
        }
        self.status = JobStatus::Paused;
        self.test_loss = self.trainer.test_loss();
        vec![self.report(), self.model()]
    }

    pub fn resume(&mut self) {
        if self.status == JobStatus::Paused {
            self.status = JobStatus::Running;
            self.test_loss = None;
        }
    }

    pub fn stop(&mut self) -> Vec<Event> {
        if self.status.is_over() {
            return Vec::new();
        }
        self.finish(JobStatus::Stopped, Vec::new())
    }
}
