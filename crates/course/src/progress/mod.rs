//! What the pupils have done, without the browser: `store` (outcomes « fait » / « réussi »
//! with tries, several pupils per browser, read-modify-write so tabs merge, old formats
//! migrated, newer ones left alone), `export` (« Envoyer à mon professeur »: a checksummed file)
//! and `class` (« Ma classe »: the pupils' files → one table, sort, CSV). The app keeps the
//! store in localStorage (`app::progress`).

pub mod class;
pub mod export;
pub mod store;
