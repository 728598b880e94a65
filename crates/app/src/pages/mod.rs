//! Pages around the lessons: the free Atelier, the speed test, privacy, « Ma progression ».

pub mod atelier;
pub mod bench;
pub mod legal;
pub mod privacy;
pub mod progress;
