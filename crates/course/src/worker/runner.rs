//! A job's training, in whoever runs it: a worker alone (in slices of a few milliseconds, so it
//! answers messages between two slices), a worker in a team (one step at a time, as the other
//! workers' messages come in), or the page when a browser refuses workers.

use super::exchange::{Exchange, Outgoing, PeerMessage};
use super::protocol::{flatten, CheckpointHeader, Data, Job, JobStatus, Report, Seat};
use crate::content::training as text;
use minigpt::train::Checkpoint;
use minigpt::{Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;

/// A checkpoint goes to the page this often: what a lost worker can cost.
pub const CHECKPOINT_MS: f64 = 1000.0;
/// A team's leader reports this often (a worker alone reports after every slice).
const TEAM_REPORT_MS: f64 = 100.0;

/// What the runner produced, to send to the page.
pub enum Event {
    Report(Report),
    /// The model's numbers at a step.
    Model(usize, Vec<f32>),
    Checkpoint(CheckpointHeader, Checkpoint),
}

pub struct Runner {
    job: Job,
    seat: Seat,
    trainer: Trainer<Gpt>,
    status: JobStatus,
    compute_ms: f64,
    /// Losses already reported.
    reported: usize,
    test_loss: Option<f32>,
    last_checkpoint_ms: f64,
    last_report_ms: f64,
    /// In a team: the exchange of gradients, and when the step under way began.
    exchange: Option<Exchange>,
    step_began_ms: Option<f64>,
}

impl Runner {
    /// Prepares the job in `seat`, from the start or from `resume`; a French message if it
    /// cannot start.
    pub fn new(
        job: Job,
        seat: Seat,
        resume: Option<(&CheckpointHeader, &Checkpoint)>,
    ) -> Result<Runner, String> {
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
        let mut trainer = Trainer::with_held_out(gpt, &train, &test, config).map_err(|_| {
            match job.data {
                Data::Own(_) => text::NO_READABLE_NAME,
                _ => text::NO_NAME_TO_LEARN,
            }
            .to_string()
        })?;
        trainer.set_parts(seat.size);
        let mut compute_ms = 0.0;
        if let Some((header, checkpoint)) = resume {
            if !trainer.resume(checkpoint) {
                return Err(text::CANNOT_CARRY_ON.to_string());
            }
            compute_ms = header.compute_ms;
        }
        Ok(Runner {
            reported: trainer.step(),
            exchange: (seat.size > 1).then(|| Exchange::new(seat.rank, seat.size)),
            job,
            seat,
            trainer,
            status: JobStatus::Running,
            compute_ms,
            test_loss: None,
            last_checkpoint_ms: f64::NEG_INFINITY,
            last_report_ms: f64::NEG_INFINITY,
            step_began_ms: None,
        })
    }

    pub fn is_running(&self) -> bool {
        self.status == JobStatus::Running
    }

    fn report(&mut self) -> Event {
        let losses = self.trainer.losses();
        let new_losses = losses[self.reported.min(losses.len())..].to_vec();
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

    fn checkpoint(&mut self, now: f64) -> Event {
        self.last_checkpoint_ms = now;
        let checkpoint = self.trainer.checkpoint();
        let header = CheckpointHeader {
            step: checkpoint.step,
            tokens_seen: checkpoint.tokens_seen,
            adam_t: checkpoint.optimizer.t,
            compute_ms: self.compute_ms,
        };
        Event::Checkpoint(header, checkpoint)
    }

    /// The first report (only the leader talks to the page).
    pub fn start(&mut self) -> Vec<Event> {
        if self.seat.leads() {
            vec![self.report()]
        } else {
            Vec::new()
        }
    }

    /// Alone: trains for about `budget_ms` of `clock` time (whole steps), then reports.
    pub fn slice(&mut self, budget_ms: f64, clock: &dyn Fn() -> f64) -> Vec<Event> {
        if !self.is_running() || self.exchange.is_some() {
            return Vec::new();
        }
        let start = clock();
        let mut now = start;
        while now - start < budget_ms {
            let status = self.trainer.advance(1);
            let t = clock();
            self.compute_ms += t - now;
            now = t;
            if let Some(events) = self.after_step(status) {
                return events;
            }
        }
        let mut events = vec![self.report()];
        if now - self.last_checkpoint_ms >= CHECKPOINT_MS {
            events.push(self.checkpoint(now));
        }
        events
    }

    /// After a step: the events that end the job (finished, diverged, out of time), if it ends.
    fn after_step(&mut self, status: Status) -> Option<Vec<Event>> {
        let out_of_time = self.seat.leads()
            && self
                .job
                .max_seconds
                .is_some_and(|s| self.compute_ms >= s * 1000.0);
        match status {
            Status::Finished => Some(self.finish(JobStatus::Finished)),
            Status::Diverged { step, .. } => Some(self.finish(JobStatus::Diverged(step))),
            Status::Running if out_of_time => Some(self.finish(JobStatus::TimeUp)),
            Status::Running => None,
        }
    }

    /// The end: the loss on the held-out names, the last report, the trained model.
    fn finish(&mut self, status: JobStatus) -> Vec<Event> {
        self.status = status;
        if !self.seat.leads() {
            return Vec::new();
        }
        if !matches!(status, JobStatus::Diverged(_)) {
            self.test_loss = self.trainer.test_loss();
        }
        vec![self.report(), self.model()]
    }

    /// In a team: computes this worker's part of the next step; what to send to the others.
    pub fn begin_step(&mut self, clock: &dyn Fn() -> f64) -> Vec<Outgoing> {
        let Some(exchange) = self.exchange.as_mut() else {
            return Vec::new();
        };
        if self.status != JobStatus::Running || self.step_began_ms.is_some() {
            return Vec::new();
        }
        self.step_began_ms = Some(clock());
        exchange.begin(&mut self.trainer)
    }

    /// In a team: a message from another worker. Once the step's sums are all in, takes the
    /// step and (unless paused or over) begins the next one.
    pub fn receive(
        &mut self,
        message: PeerMessage,
        data: Vec<f32>,
        clock: &dyn Fn() -> f64,
    ) -> (Vec<Outgoing>, Vec<Event>) {
        let Some(exchange) = self.exchange.as_mut() else {
            return (Vec::new(), Vec::new());
        };
        let mut out = exchange.receive(message, data);
        if !exchange.ready() || self.status.is_over() {
            return (out, Vec::new());
        }
        let status = exchange.finish(&mut self.trainer);
        let now = clock();
        self.compute_ms += now - self.step_began_ms.take().unwrap_or(now);
        let events = match self.after_step(status) {
            Some(events) => events,
            None => self.team_progress(now),
        };
        if self.is_running() {
            out.extend(self.begin_step(clock));
        }
        (out, events)
    }

    /// The leader's reports and checkpoints, now and then.
    fn team_progress(&mut self, now: f64) -> Vec<Event> {
        let mut events = Vec::new();
        if !self.seat.leads() || self.status != JobStatus::Running {
            return events;
        }
        let checkpoint = now - self.last_checkpoint_ms >= CHECKPOINT_MS;
        // A checkpoint's losses are those the page has: a report always goes just before.
        if checkpoint || now - self.last_report_ms >= TEAM_REPORT_MS {
            self.last_report_ms = now;
            events.push(self.report());
        }
        if checkpoint {
            events.push(self.checkpoint(now));
        }
        events
    }

    /// Pauses and shows where the model stands (its held-out loss, its numbers). In a team, a
    /// step under way still ends (the others need this worker's sums), but none begins.
    pub fn pause(&mut self) -> Vec<Event> {
        if !self.is_running() {
            return Vec::new();
        }
        self.status = JobStatus::Paused;
        self.test_loss = self.trainer.test_loss();
        vec![self.report(), self.model()]
    }

    /// Carries on after a pause; in a team, says what to send to begin the next step.
    pub fn resume(&mut self, clock: &dyn Fn() -> f64) -> Vec<Outgoing> {
        if self.status != JobStatus::Paused {
            return Vec::new();
        }
        self.status = JobStatus::Running;
        self.test_loss = None;
        self.begin_step(clock)
    }

    /// Stops now (a team's step under way is dropped: the page ends every worker).
    pub fn stop(&mut self) -> Vec<Event> {
        if self.status.is_over() {
            return Vec::new();
        }
        self.finish(JobStatus::Stopped)
    }
}

/// `job` trained by a team of `size` workers whose messages are delivered at once: the
/// final model's numbers (what the browser's workers must give, bit for bit).
#[cfg(test)]
pub fn team_model(job: &Job, size: usize) -> Vec<f32> {
    assert!(size >= 2, "a team has at least two workers");
    let clock = || 0.0;
    let mut team: Vec<Runner> = (0..size)
        .map(|rank| Runner::new(job.clone(), Seat { rank, size }, None).unwrap())
        .collect();
    let mut mail: Vec<Outgoing> = team.iter_mut().flat_map(|r| r.begin_step(&clock)).collect();
    let mut model = Vec::new();
    while let Some(letter) = mail.pop() {
        let (out, events) = team[letter.to].receive(letter.message, letter.data, &clock);
        mail.extend(out);
        for e in events {
            if let Event::Model(_, m) = e {
                model = m;
            }
        }
    }
    model
}

#[cfg(test)]
mod tests;
