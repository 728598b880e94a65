//! The page state of lessons 5 and 6, as pure reducers: what the pupil did on the page (the
//! blocks opened, the settings chosen, the lists drawn), changed only by an `Action`, tested
//! natively. The app keeps each in one `use_reducer`; the training runs themselves (trainers
//! animated frame by frame) live beside them, and the exercises' grading is `rules`.

pub mod l5;
pub mod l6;
