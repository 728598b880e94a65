//! « Emporter mon modèle »: a trained GPT as a Jupyter notebook (nbformat 4), in French, to read
//! and run elsewhere. Two flavours:
//! - `python`: the model's forward pass in plain Python (`math`, `random`): Capytale, Basthon and
//!   JupyterLite run it with no install;
//! - `pytorch`: the same model as a short `nn.Module` that carries on training, on the GPU when
//!   there is one.
//!
//! Both embed the very weights (all the numbers, matrix by matrix, in the layout's order), so
//! their probabilities and losses are the app's. Their words live in `text`.

mod python;
mod pytorch;
mod text;

use crate::models::gpt::Gpt;
use serde_json::{json, Value};

/// What the notebook says about the model and carries with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct About {
    /// What it learned from, in words (« 1 023 Pokémon », « ta liste de 24 prénoms »).
    pub data: String,
    /// Its training steps, when known.
    pub steps: Option<usize>,
    /// Its loss when it was exported (on `eval_names`), if measured.
    pub eval_loss: Option<f32>,
    /// Names to carry on training with (the PyTorch notebook).
    pub train_names: Vec<String>,
    /// Names the last cell measures the loss on (the app's number, reproduced).
    pub eval_names: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    Python,
    PyTorch,
}

impl Flavour {
    /// The file a pupil downloads.
    pub fn file_name(self) -> &'static str {
        match self {
            Flavour::Python => "mon-mini-gpt.ipynb",
            Flavour::PyTorch => "mon-mini-gpt-pytorch.ipynb",
        }
    }
}

/// How many names the plain-Python notebook can measure in about 20 s (it computes one number
/// at a time): 200 for microgpt's size, fewer for bigger models, at least 20.
pub fn eval_names_for(params: usize) -> usize {
    (4_000_000 / params.max(1)).clamp(20, 200)
}

/// The notebook's text (JSON, nbformat 4).
pub fn notebook(model: &Gpt, about: &About, flavour: Flavour) -> String {
    let cells = match flavour {
        Flavour::Python => python::cells(model, about),
        Flavour::PyTorch => pytorch::cells(model, about),
    };
    let book = json!({
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": { "name": "python3", "display_name": "Python 3", "language": "python" },
            "language_info": { "name": "python" }
        },
        "cells": cells,
    });
    serde_json::to_string_pretty(&book).expect("plain JSON always serialises")
}

/// A cell's `source`: its lines, each but the last with its line break (as Jupyter writes it).
fn lines(text: &str) -> Value {
    let text = text.trim_matches('\n');
    let mut out: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    if out.is_empty() {
        out.push(String::new());
    }
    json!(out)
}

fn markdown(text: &str) -> Value {
    json!({ "cell_type": "markdown", "metadata": {}, "source": lines(text) })
}

fn code(text: &str) -> Value {
    json!({ "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": lines(text) })
}

/// The model's size and alphabet as Python constants.
fn settings(model: &Gpt) -> String {
    let c = model.config;
    let alphabet: String = model.config.alphabet.symbols().into_iter().collect();
    format!(
        "{}\nALPHABET = {}\nN_EMBD, N_HEAD, N_LAYER, BLOCK = {}, {}, {}, {}\n",
        text::SETTINGS_COMMENT,
        python_string(&alphabet),
        c.n_embd,
        c.n_head,
        c.n_layer,
        c.block_size
    )
}

/// Every weight as a Python dict of lists of rows (f32 written exactly, shortest form).
fn weights(model: &Gpt) -> String {
    let mut out = format!("{}\nPOIDS = {{\n", text::WEIGHTS_COMMENT);
    for m in &model.params.matrices {
        out.push_str(&format!("    {}: [\n", python_string(&m.name)));
        for r in 0..m.rows {
            let row: Vec<String> = m.row(r).iter().map(|x| format!("{x:?}")).collect();
            out.push_str(&format!("        [{}],\n", row.join(", ")));
        }
        out.push_str("    ],\n");
    }
    out.push_str("}\n");
    out
}

/// A Python list of names.
fn names_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| python_string(n)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A Python string literal (JSON's escapes are Python's too).
fn python_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

#[cfg(test)]
mod tests;
