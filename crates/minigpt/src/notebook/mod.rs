//! « Emporter mon modèle »: a trained GPT as a Jupyter notebook (nbformat 4.5), in French, to read
//! and run elsewhere. Two flavours:
//! - `python`: the model in plain Python (`math`, `random`), its « dominos » (a small automatic
//!   differentiation engine), Adam and a training cell: Capytale, Basthon and JupyterLite run it
//!   with no install;
//! - `pytorch`: the same model as a short `nn.Module` that carries on training (a low, decreasing
//!   rate, the better weights kept), on the GPU when there is one.
//!
//! Both embed the very weights (all the numbers, matrix by matrix, in the layout's order), so
//! their probabilities and losses are the app's, and both read text with the app's own cleaning
//! rules (`letters`). Everything a pupil or a file wrote reaches a notebook as data: escaped in
//! markdown (`markup`), a string literal in code. Their words live in `text`.

mod letters;
mod markup;
mod python;
mod pytorch;
mod text;

use crate::models::gpt::Gpt;
use crate::train::eval_loss;
use serde_json::{json, Value};

pub use markup::file_part;

/// The notebooks' cleaner (`nettoyer`, `noms_de`, `jetons_de`), after `letters`' constants.
const LETTERS: &str = include_str!("py/lettres.py");

/// A loss the app displayed: its value, how many decimals it showed, and the names it measured
/// it on (so the notebook finds the same number on the same names).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub value: f32,
    /// Decimals on screen (« 2,31 »: 2).
    pub decimals: usize,
    pub names: Vec<String>,
}

/// What the notebook says about the model and carries with it. Every text here is shown as
/// text (never markup); names are data in the code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct About {
    /// What it learned from, in words (« les 1 023 Pokémon », « ta liste de 46 noms »).
    pub data: String,
    /// The data's short name for the file name (« pokemon », « ma-liste »); may be empty.
    pub dataset: String,
    /// Who trained it (shown in the title; the file name carries it too); may be empty.
    pub pupil: String,
    /// A model file's own note, when the model came from a file; may be empty.
    pub note: String,
    /// Its training, when known: steps, learning rate, names per step (the notebooks carry on
    /// from them: a rate below the app's, the PyTorch notebook's batch).
    pub steps: Option<usize>,
    pub lr: Option<f32>,
    pub batch: Option<usize>,
    /// The loss the app displayed, if any.
    pub shown: Option<Shown>,
    /// Names to carry on training with.
    pub train_names: Vec<String>,
    /// Names kept aside to measure the loss before and after training (never trained on by the
    /// notebooks). Empty: the first `eval_names_for` of `shown`'s names.
    pub eval_names: Vec<String>,
}

impl About {
    /// The names a notebook measures before and after training (and never trains on): in plain
    /// Python, `eval_names`, or else the first of the displayed loss's names, as many as it
    /// measures in a few seconds (`eval_names_for`). PyTorch measures fast: when the displayed
    /// loss's names were never trained on (the Atelier's held-out names), it takes them all
    /// (at most 2,000); names the app trained on (lesson 6's whole list) are kept aside as in
    /// plain Python, so most of the list is still there to learn from.
    pub fn measured_names(&self, params: usize, flavour: Flavour) -> Vec<String> {
        let shown = self.shown.as_ref().map_or(&[][..], |s| &s.names[..]);
        let held_out = || {
            let trained: std::collections::HashSet<&str> =
                self.train_names.iter().map(String::as_str).collect();
            !shown.iter().any(|n| trained.contains(n.as_str()))
        };
        if flavour == Flavour::PyTorch && !shown.is_empty() && held_out() {
            return shown[..shown.len().min(MAX_TORCH_NAMES)].to_vec();
        }
        if !self.eval_names.is_empty() {
            return self.eval_names.clone();
        }
        shown[..eval_names_for(params).min(shown.len())].to_vec()
    }
}

/// The most names the PyTorch notebook measures at once.
pub const MAX_TORCH_NAMES: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    Python,
    PyTorch,
}

impl Flavour {
    /// The file a pupil downloads: `mon-mini-gpt-pokemon-ines.ipynb`,
    /// `mon-mini-gpt-pokemon-ines-pytorch.ipynb` (ASCII letters, digits and hyphens only).
    pub fn file_name(self, dataset: &str, pupil: &str) -> String {
        let mut name = String::from("mon-mini-gpt");
        for part in [dataset, pupil] {
            let part = file_part(part);
            if !part.is_empty() {
                name.push('-');
                name.push_str(&part);
            }
        }
        if self == Flavour::PyTorch {
            name.push_str("-pytorch");
        }
        name + ".ipynb"
    }
}

/// How many names the notebooks measure before and after training (plain Python computes
/// one number at a time): 200 for microgpt's size, fewer for bigger models, at least 20.
pub fn eval_names_for(params: usize) -> usize {
    (4_000_000 / params.max(1)).clamp(20, 200)
}

/// A rate written short: two significant digits (0.01 / 10 is 0.001, not 0.0009999999).
fn round_rate(lr: f32) -> f32 {
    format!("{lr:.1e}").parse().unwrap_or(lr)
}

/// The notebook's text (JSON, nbformat 4.5).
pub fn notebook(model: &Gpt, about: &About, flavour: Flavour) -> String {
    let measured = about.measured_names(model.config.param_count(), flavour);
    let facts = Facts {
        about,
        eval_names: &measured,
        eval_loss: eval_loss(model, &measured),
    };
    let cells = match flavour {
        Flavour::Python => python::cells(model, &facts),
        Flavour::PyTorch => pytorch::cells(model, &facts),
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

/// What both flavours need: the pupil's facts, and the names measured with their loss here.
struct Facts<'a> {
    about: &'a About,
    eval_names: &'a [String],
    eval_loss: Option<f32>,
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

/// A text cell; `id` is unique in its notebook (nbformat 4.5: letters, digits, `-`, `_`).
fn markdown(id: &str, text: &str) -> Value {
    json!({ "id": id, "cell_type": "markdown", "metadata": {}, "source": lines(text) })
}

fn code(id: &str, text: &str) -> Value {
    json!({
        "id": id, "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
        "source": lines(text)
    })
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

/// `NAME = [...]`: a Python list of names (data, never code).
fn names_list(name: &str, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| python_string(n)).collect();
    format!("{name} = [{}]\n", quoted.join(", "))
}

/// A Python string literal of any text: quotes, backslashes, control, invisible and bidi
/// characters escaped (`\u…`), so the literal is one line that reads as what it holds.
fn python_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' ' => out.push(' '),
            c if c.is_control() || c.is_whitespace() || markup::is_invisible(c) => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
