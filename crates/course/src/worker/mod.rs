//! Training big models in Web Workers, without the browser: what the app's `worker` module
//! (spawning, posting, watching) runs and sends.
//!
//! - `protocol`: the messages between the page and the workers, a training `Job`, a worker's
//!   `Seat` in its team, checkpoints as numbers;
//! - `runner`: a job's training, cut into short slices (the same code in a worker and, if a
//!   browser refuses workers, on the page itself);
//! - `exchange`: how several workers share a step (the same bits as the native trainer);
//! - `route`: how a team's workers reach each other (by channel or through the page, whichever
//!   measures faster);
//! - `state`: what the page knows of a job (`JobState`: status, losses, the latest model);
//! - `supervise`: the page's watch over a job's workers, a state machine (events in, actions
//!   out) that decides what a fault costs: a worker never ready, silent or failing, a stop
//!   not answered, a run that no longer moves.

pub mod exchange;
pub mod protocol;
pub mod route;
pub mod runner;
pub mod state;
pub mod supervise;
