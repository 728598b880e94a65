//! Reusable SVG pictures. Each has a <title>/<desc>, details on hover or tap, and its numbers
//! available as text for screen readers.

pub mod architecture;
pub mod attention;
pub mod colors;
pub mod controls;
pub mod dataset_picker;
pub mod embedding;
pub mod generator;
pub mod heatmap;
pub mod loss_curve;
pub mod loss_slider;
pub mod name_chips;
pub mod prob_bars;
pub mod pupil;
pub mod take_home;
pub mod train_controls;
pub mod word_input;
