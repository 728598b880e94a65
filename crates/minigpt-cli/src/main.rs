//! `minigpt` — Tuto LLM's model on the command line:
//! - `minigpt train --data pokemon --steps 1000 [--save model.json]`: trains, prints progress lines
//!   then ONE JSON line {"steps","tokens","seconds","tokens_per_s","train_loss","eval_loss",
//!   "test_loss","params","vocab","batch","threads","samples":[…],"diverged","sample_words",
//!   "french_word_share","baseline_french_word_share","sample_verdicts":{…}} (the share of the
//!   samples' words that are French words, and of a letter-frequency model's on as many words);
//! - `minigpt eval --model model.json --data D`: one JSON line {"eval_loss","vocab","params","names"};
//! - `minigpt export --model model.json --format python|pytorch [--eval-data D] [--train-data D]
//!   --out X.ipynb`: the model as a Jupyter notebook.
//!
//! Bad flags and bad files get a message and exit code 2, never a panic.
#![forbid(unsafe_code)]

mod export;
mod train;

use minigpt::data::Dataset;
use minigpt::Alphabet;
use std::process::ExitCode;

pub const USAGE: &str = "usage:
  minigpt train --data <pokemon|prenoms|dinosaures|mots|proverbes|PATH> [--steps N] [--batch B] \
[--max-seconds S] [--seed S] [--n-embd D] [--n-head H] [--n-layer L] [--block B] \
[--alphabet letters|extended] [--lr LR] [--threads T] [--eval-docs N] [--samples K] [--save FILE]
  minigpt eval --model FILE --data <NAME|PATH>
  minigpt export --model FILE --format python|pytorch [--eval-data D] [--train-data D] --out X.ipynb";

/// The next flag's value, as text.
pub fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    parser
        .value()
        .map_err(|e| e.to_string())?
        .into_string()
        .map_err(|_| "argument is not valid UTF-8".to_string())
}

pub fn num<T: std::str::FromStr>(flag: &str, v: String) -> Result<T, String> {
    v.parse()
        .map_err(|_| format!("{flag}: '{v}' is not a valid number"))
}

/// The names of a built-in list or of a file, cleaned for `alphabet` (what changed goes to stderr).
pub fn load_names(data: &str, alphabet: Alphabet) -> Result<Vec<String>, String> {
    let text = match Dataset::from_key(data) {
        // One item per line, whatever the alphabet (a proverb keeps its commas).
        Some(d) => return Ok(d.names_in(alphabet)),
        None => {
            let bytes = std::fs::read(data).map_err(|e| format!("cannot read {data}: {e}"))?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let report = alphabet.clean(&text);
    if !report.dropped_chars.is_empty()
        || !report.duplicates.is_empty()
        || !report.accents_removed.is_empty()
    {
        eprintln!(
            "note ({} alphabet): {} characters dropped, {} letters lost their accent, {} duplicate names skipped",
            alphabet.key(),
            report.dropped_chars.len(),
            report.accents_removed.len(),
            report.duplicates.len()
        );
    }
    Ok(report.names)
}

fn run() -> Result<(), String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    match parser.next().map_err(|e| e.to_string())? {
        Some(Value(cmd)) if cmd == "train" => train::run(parser),
        Some(Value(cmd)) if cmd == "eval" => export::eval(parser),
        Some(Value(cmd)) if cmd == "export" => export::export(parser),
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
