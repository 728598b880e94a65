//! Tuto LLM's course without the page: everything the lessons say and decide that needs no
//! browser. The web app (`crates/app`) draws it; this crate has no web dependency, so its tests
//! run with plain `cargo test -p course`.
//!
//! Layers, lowest first (a module uses only the layers below its own; `cargo xtask layers`
//! checks it):
//! 1. `ids`, `text`: every exercise's id; French numbers, plurals and answer parsing. Leaves:
//!    they use nothing of this crate.
//! 2. `content`: every French sentence a pupil or a teacher reads (uses only `text` and `ids`).
//! 3. `progress` (what the pupils have done: store, export file, « Ma classe »), `rules` (every
//!    exercise's grading), `dataset` (what a model learns from), `worker` (the training jobs of
//!    the Web Workers: messages, runner, gradient exchange, route, job state).
//! 4. `challenges` (the Atelier's three challenges), `speed` (the speed test's verdict and jobs),
//!    `lessons` (the page state of lessons 5 and 6, as pure reducers).
//! 5. `atelier` (the Atelier's settings, state and file names; its largest size is the speed
//!    test's phase-2 job).
#![forbid(unsafe_code)]

// The tests marked for wasm32 run in headless Chromium (`cargo xtask test`), as the app's do.
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

pub mod atelier;
pub mod challenges;
pub mod content;
pub mod dataset;
pub mod ids;
pub mod lessons;
pub mod progress;
pub mod rules;
pub mod speed;
pub mod text;
pub mod worker;
