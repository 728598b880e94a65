//! What the pupils have done, without the browser: `identity` (« Prénom I. » and the identity
//! key every page compares names with), `seen` (the answers already shown on this browser),
//! `store` (outcomes « fait » / « réussi » with tries and first answers, several pupils per
//! browser, a pair credited to both, old formats migrated, newer ones left alone), `merge` (how
//! two copies come together: other tabs, work done without a name, a refused write), `export`
//! (« Envoyer à mon professeur »: a checksummed file) and `class` (« Ma classe »: the pupils'
//! files → one table, sort, CSV). The app keeps the store in localStorage (`app::progress`).

pub mod class;
pub mod export;
pub mod identity;
pub mod merge;
pub mod seen;
pub mod store;
