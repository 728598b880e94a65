//! # minigpt — the model behind Tuto LLM
//!
//! A character-level GPT small enough to read in an afternoon and fast enough to train in a web
//! page: its alphabet (`vocab`: the 27 tokens of the course, or 46 with French accents and the
//! signs of sentences), the datasets (`data`), lesson 1's counting model (`bigram`), the
//! letter-frequency baseline (`unigram`), the judge of generated sentences (`judge`), a
//! reverse-mode autograd tape (`autograd`) over tiled matrix kernels (`kernels`,
//! single-threaded), named parameters (`params`), three trainable models (`models`: a bigram
//! score table, a Bengio-style MLP, and the GPT of microgpt), the optimisers (`optim`), a
//! step-by-step `Trainer` with mini-batches, a held-out split and big steps cut into parts that
//! run on the cores (`train`, `parallel`), generation (`sample`), PCA for the embedding map
//! (`pca`), save/load as JSON (`saved`) and French numbers for what pupils read (`french`).
#![forbid(unsafe_code)]

pub mod autograd;
pub mod bigram;
pub mod data;
pub mod french;
pub mod judge;
pub mod kernels;
pub mod models;
pub mod notebook;
pub mod optim;
pub mod parallel;
pub mod params;
pub mod pca;
pub mod sample;
pub mod saved;
pub mod train;
pub mod unigram;
pub mod vocab;

pub use autograd::{Tape, Var};
pub use models::{
    bigram_table::BigramTable,
    gpt::{Config, Gpt, Trace},
    mlp::ContextMlp,
    Model,
};
pub use params::fingerprint;
pub use train::{Status, TrainConfig, Trainer};
pub use vocab::Alphabet;
