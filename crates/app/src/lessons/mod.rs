//! One module per lesson. Each is a component that keeps the lesson's state (names added,
//! runs made…) while the pupil moves between its steps, and renders the current step with one
//! small function per step.

pub mod bonus;
pub mod common;
pub mod l1_deviner;
pub mod l2_erreurs;
pub mod l3_memoire;
pub mod l4_attention;
pub mod l5_llm;
pub mod l6_entrainer;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepProps {
    /// 0-based step index.
    pub step: usize,
}
