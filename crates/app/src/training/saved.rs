//! Trained models kept in the browser, per lesson and pupil: reloading the page (or coming back
//! to the lesson) finds them again (`use_kept_runs`, lessons 3 and 6); « Recommencer la leçon »
//! forgets them. One key per lesson and pupil, so pupils sharing a PC never see each other's
//! models.

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

/// A lesson's run that the browser keeps once finished (lessons 3 and 6).
pub trait KeptRun: Sized + 'static {
    /// What is kept of it (its `SavedRun`).
    type Saved: Serialize + DeserializeOwned;
    /// What restoring needs besides the saved run (lesson 3: its data).
    type Context: 'static;
    /// The lesson whose key it is kept under.
    const LESSON: u8;
    fn finished(&self) -> bool;
    /// The run as kept, if finished.
    fn save(&self) -> Option<Self::Saved>;
    /// A kept run, back as a finished run (`None` if it no longer fits).
    fn restore(saved: Self::Saved, context: &Self::Context) -> Option<Self>;
}

/// The lesson's runs kept for `pupil`: those trained before (a reload, a return to the lesson)
/// come back when the page opens or the pupil changes, and each newly finished run is kept.
#[yew::hook]
pub fn use_kept_runs<R: KeptRun>(
    runs: &std::rc::Rc<std::cell::RefCell<Vec<R>>>,
    redraw: &std::rc::Rc<dyn Fn()>,
    pupil: &str,
    context: std::rc::Rc<R::Context>,
) {
    {
        let (runs, redraw) = (runs.clone(), redraw.clone());
        yew::use_effect_with(pupil.to_string(), move |pupil| {
            // Another pupil's runs never stay on screen: theirs replace them.
            let kept = load::<Vec<R::Saved>>(pupil, R::LESSON).unwrap_or_default();
            let restored: Vec<R> = kept
                .into_iter()
                .filter_map(|k| R::restore(k, &context))
                .collect();
            let had = std::mem::replace(&mut *runs.borrow_mut(), restored);
            drop(had);
            redraw();
        });
    }
    let finished = runs.borrow().iter().filter(|r| r.finished()).count();
    let (runs, pupil) = (runs.clone(), pupil.to_string());
    yew::use_effect_with(finished, move |&n| {
        if n > 0 {
            let kept: Vec<R::Saved> = runs.borrow().iter().filter_map(R::save).collect();
            save(&pupil, R::LESSON, &kept);
        }
    });
}
