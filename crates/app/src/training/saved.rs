//! Trained models kept in the browser while a lesson lasts: reloading the page (or coming back
//! to the lesson) finds them again; « Recommencer la leçon » forgets them. One key per lesson
//! and pupil, so pupils sharing a PC never see each other's models.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn key(pupil: &str, lesson: u8) -> String {
    format!("tuto-llm.models.{lesson}.{pupil}")
}

/// Keeps `runs` for `lesson` (silently not kept if the browser refuses or is full).
pub fn save<T: Serialize>(pupil: &str, lesson: u8, runs: &T) {
    if let Ok(text) = serde_json::to_string(runs) {
        if crate::storage::set(&key(pupil, lesson), &text).is_err() {
            // Full: better no saved models than old ones that no longer match.
            forget_lesson(pupil, lesson);
        }
    }
}

/// The runs kept for `lesson`, if any and readable.
pub fn load<T: DeserializeOwned>(pupil: &str, lesson: u8) -> Option<T> {
    let text = crate::storage::get(&key(pupil, lesson)).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn forget_lesson(pupil: &str, lesson: u8) {
    crate::storage::remove(&key(pupil, lesson));
}

/// A finished run as kept: what the pictures need (its label, its loss curve, its model's
/// numbers) and what the lesson needs to know of it (`extra`: its settings).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedRun<E> {
    pub label: String,
    pub losses: Vec<f32>,
    pub tokens: usize,
    pub params: minigpt::params::Params,
    pub extra: E,
}

impl<E> SavedRun<E> {
    /// The run of a finished lab run, if it is finished.
    pub fn of<M: minigpt::Model>(run: &super::LabRun<M>, extra: E) -> Option<Self> {
        let a = run.anim.borrow();
        (a.trainer.status() == minigpt::Status::Finished).then(|| SavedRun {
            label: run.label.clone(),
            losses: a.trainer.losses().to_vec(),
            tokens: a.trainer.tokens_seen(),
            params: a.trainer.model().params().clone(),
            extra,
        })
    }

    /// The lab run again, from a `trainer` set up as for the original run.
    pub fn restore<M: minigpt::Model>(
        self,
        mut trainer: minigpt::Trainer<M>,
        frame_steps: usize,
    ) -> Option<super::LabRun<M>> {
        let mut model = trainer.model().clone();
        let same_shape = model.params().matrices.len() == self.params.matrices.len()
            && model
                .params()
                .matrices
                .iter()
                .zip(&self.params.matrices)
                .all(|(a, b)| a.data.len() == b.data.len());
        if !same_shape || !self.params.all_finite() {
            return None;
        }
        *model.params_mut() = self.params;
        trainer.restore(model, self.losses, self.tokens);
        Some(super::LabRun::new(self.label, trainer, frame_steps))
    }
}
