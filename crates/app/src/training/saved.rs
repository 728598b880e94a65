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
