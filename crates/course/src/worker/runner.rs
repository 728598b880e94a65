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

/// What a team's worker sends: slices to the other workers, events to the page.
pub type Sent = (Vec<Outgoing>, Vec<Event>);

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

    /// In a team: computes this worker's part of the first step (or the next one, after a
    /// pause); what to send.
    pub fn begin_team(&mut self, clock: &dyn Fn() -> f64) -> Sent {
        let out = self.begin_step(clock);
        self.take_ready_steps(out, clock)
    }

    /// Computes this worker's part of the next step, unless one is under way or it is paused.
    fn begin_step(&mut self, clock: &dyn Fn() -> f64) -> Vec<Outgoing> {
        let Some(exchange) = self.exchange.as_mut() else {
            return Vec::new();
        };
        if self.status != JobStatus::Running || self.step_began_ms.is_some() {
            return Vec::new();
        }
        self.step_began_ms = Some(clock());
        exchange.begin(&mut self.trainer)
    }

    /// In a team: a message from another worker. Takes every step whose sums are all in.
    pub fn receive(
        &mut self,
        message: PeerMessage,
        data: Vec<f32>,
        clock: &dyn Fn() -> f64,
    ) -> Sent {
        let Some(exchange) = self.exchange.as_mut() else {
            return (Vec::new(), Vec::new());
        };
        let out = exchange.receive(message, data);
        self.take_ready_steps(out, clock)
    }

    /// Takes the step under way once its sums are all in, then (unless paused or over) begins
    /// the next one, and so on. A step can be complete as soon as it begins: the other
    /// workers' messages for it may have come first (kept by the exchange), when one overtook
    /// another on a faster route or came during a pause. No message would come to take such
    /// a step: after the last one, the run would wait forever.
    fn take_ready_steps(&mut self, mut out: Vec<Outgoing>, clock: &dyn Fn() -> f64) -> Sent {
        let mut events = Vec::new();
        while !self.status.is_over() {
            let Some(exchange) = self.exchange.as_mut().filter(|e| e.ready()) else {
                break;
            };
            let status = exchange.finish(&mut self.trainer);
            let now = clock();
            self.compute_ms += now - self.step_began_ms.take().unwrap_or(now);
            match self.after_step(status) {
                Some(end) => events.extend(end),
                None => events.extend(self.team_progress(now)),
            }
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

    /// Carries on after a pause; in a team, what to send (the next step begins, and may be
    /// complete at once).
    pub fn resume(&mut self, clock: &dyn Fn() -> f64) -> Sent {
        if self.status != JobStatus::Paused {
            return (Vec::new(), Vec::new());
        }
        self.status = JobStatus::Running;
        self.test_loss = None;
        self.begin_team(clock)
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
    let mut mail: Vec<Outgoing> = team
        .iter_mut()
        .flat_map(|r| r.begin_team(&clock).0)
        .collect();
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
