//! The Atelier without the page: its settings and ready-made sizes (`settings`), its state and
//! the pupil's actions on it (`workshop`), and the names of the files it hands out (`files`).
//! Its three challenges are `crate::challenges`. The page is `app::pages::atelier`.

pub mod files;
pub mod settings;
pub mod workshop;

#[cfg(test)]
mod tests;
