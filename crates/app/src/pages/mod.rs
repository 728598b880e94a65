//! Pages beyond the six lessons.

pub mod atelier;
pub mod bench;
pub mod privacy;
