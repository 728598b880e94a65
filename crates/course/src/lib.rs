//! Tuto LLM's course without the page: everything the lessons say and decide that needs no
//! browser. The web app (`crates/app`) draws it; this crate has no web dependency, so its tests
//! run with plain `cargo test -p course`.
//!
//! Layers, lowest first (a module uses only the layers below its own; `cargo xtask layers`
//! checks it):
//! - `ids`, `text`: every exercise's id; French numbers, plurals and answer parsing. Leaves:
//!   they use nothing of this crate.
//! - `content`: every French sentence a pupil or a teacher reads (uses only `text` and `ids`).
//! - `progress`: what the pupils have done (store, export file, « Ma classe »); `rules`: every
//!   exercise's grading.
#![forbid(unsafe_code)]

pub mod content;
pub mod ids;
pub mod progress;
pub mod rules;
pub mod text;
