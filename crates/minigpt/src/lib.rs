//! # minigpt — the model behind Tuto LLM
//!
//! A character-level GPT small enough to read in an afternoon and fast enough to train in a web
//! page: the 27 tokens (`vocab`), the datasets (`data`), lesson 1's counting model (`bigram`),
//! a reverse-mode autograd tape (`autograd`), named parameters (`params`), three trainable
//! models (`models`: a bigram score table, a Bengio-style MLP, and the GPT of microgpt), the
//! optimisers (`optim`), a step-by-step `Trainer` (`train`), generation (`sample`), PCA for the
//! embedding map (`pca`) and save/load as JSON (`saved`).

pub mod autograd;
pub mod bigram;
pub mod data;
pub mod models;
pub mod optim;
pub mod params;
pub mod pca;
pub mod sample;
pub mod saved;
pub mod train;
pub mod vocab;

pub use autograd::{Tape, Var};
pub use models::{
    bigram_table::BigramTable,
    gpt::{Config, Gpt, Trace},
    mlp::ContextMlp,
    Model,
};
pub use train::{Status, TrainConfig, Trainer};
