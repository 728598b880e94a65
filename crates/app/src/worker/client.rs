//! The page's side of a training job: the handle to command it (`JobHandle`: start, pause,
//! resume, stop; dropping it ends the job) and read its state (`state::JobState`, for the
//! pictures). The workers themselves are run by `crew`.

use super::crew::{Crew, Redraw};
use course::worker::protocol::Job;
use course::worker::route::Route;
use course::worker::state::JobState;
use course::worker::supervise::Command;
use std::cell::RefCell;
use std::rc::Rc;

/// A training job running in workers (or on the page). Dropping it ends the job.
pub struct JobHandle {
    pub state: Rc<RefCell<JobState>>,
    crew: Rc<RefCell<Crew>>,
}

impl JobHandle {
    /// Starts `job` on `workers` workers (1 unless its steps are big: `Job::team_size`);
    /// `redraw` is called whenever its state changes.
    pub fn start(job: Job, label: String, workers: usize, redraw: Redraw) -> JobHandle {
        Self::start_with(job, label, workers, None, redraw)
    }

    /// As `start`, a team's messages going by `route` (else by the faster, measured).
    pub fn start_with(
        job: Job,
        label: String,
        workers: usize,
        route: Option<Route>,
        redraw: Redraw,
    ) -> JobHandle {
        let size = job.team_size(workers);
        let state = Rc::new(RefCell::new(JobState::new(job, label)));
        let crew = Crew::start(state.clone(), size, route, redraw);
        JobHandle { state, crew }
    }

    fn command(&self, command: Command) {
        let redraw = {
            let Ok(mut crew) = self.crew.try_borrow_mut() else {
                return;
            };
            crew.command(command);
            crew.redraw()
        };
        redraw();
    }

    pub fn pause(&self) {
        self.command(Command::Pause);
    }

    pub fn resume(&self) {
        self.command(Command::Resume);
    }

    /// Stops the job; whatever state its workers are in, it is over within a few seconds.
    pub fn stop(&self) {
        self.command(Command::Stop);
    }
}

impl Drop for JobHandle {
    fn drop(&mut self) {
        if let Ok(mut crew) = self.crew.try_borrow_mut() {
            crew.shut_down();
        }
    }
}
