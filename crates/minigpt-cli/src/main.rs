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
//! Bad flags, bad files and a full or closed output get one `error: …` line and exit code 2,
//! never a panic; every number is bounded and every file read with a size limit.
#![forbid(unsafe_code)]

mod export;
mod io;
mod train;

use io::{note, say};
use minigpt::data::Dataset;
use minigpt::Alphabet;
use std::process::ExitCode;

pub const USAGE: &str = "usage:
  minigpt train --data <pokemon|prenoms|dinosaures|mots|proverbes|PATH> [--steps N] [--batch B] \
[--max-seconds S] [--seed S] [--n-embd D] [--n-head H] [--n-layer L] [--block B] \
[--alphabet letters|extended] [--lr LR] [--threads T] [--eval-docs N] [--samples K] [--save FILE]
  minigpt eval --model FILE --data <NAME|PATH>
  minigpt export --model FILE --format python|pytorch [--eval-data D] [--train-data D] --out X.ipynb
  minigpt help";

/// What a command asks for: its work done, or the usage printed (`--help`).
pub enum Done {
    Ran,
    Help,
}

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

/// A whole number within `min..=max`, or a message that says the range.
pub fn bounded(flag: &str, v: String, min: u64, max: u64) -> Result<usize, String> {
    let n: u64 = num(flag, v)?;
    if n < min || n > max {
        return Err(format!("{flag} must be between {min} and {max}, not {n}"));
    }
    Ok(n as usize)
}

/// The names of a built-in list or of a file (at most `io::MAX_DATA_BYTES`), cleaned for
/// `alphabet` (what changed is said on stderr).
pub fn load_names(data: &str, alphabet: Alphabet) -> Result<Vec<String>, String> {
    let text = match Dataset::from_key(data) {
        // One item per line, whatever the alphabet (a proverb keeps its commas).
        Some(d) => return Ok(d.names_in(alphabet)),
        None => {
            let bytes = io::read_limited(data, io::MAX_DATA_BYTES)?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let report = alphabet.clean(&text);
    if !report.dropped_chars.is_empty()
        || !report.duplicates.is_empty()
        || !report.accents_removed.is_empty()
    {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        note(&format!(
            "note ({} alphabet): {} dropped, {} lost their accent, {} skipped",
            alphabet.key(),
            plural(report.dropped_chars.len(), "character", "characters"),
            plural(report.accents_removed.len(), "letter", "letters"),
            plural(report.duplicates.len(), "duplicate name", "duplicate names"),
        ));
    }
    Ok(report.names)
}

fn run() -> Result<Done, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    match parser.next().map_err(|e| e.to_string())? {
        Some(Value(cmd)) if cmd == "train" => train::run(parser),
        Some(Value(cmd)) if cmd == "eval" => export::eval(parser),
        Some(Value(cmd)) if cmd == "export" => export::export(parser),
        Some(Value(cmd)) if cmd == "help" => Ok(Done::Help),
        Some(Long("help") | Short('h')) => Ok(Done::Help),
        Some(other) => Err(format!("{}\n{USAGE}", other.unexpected())),
        None => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let result = run().and_then(|done| match done {
        Done::Ran => Ok(()),
        Done::Help => say(USAGE),
    });
    match result.and_then(|()| io::flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            note(&format!("error: {e}"));
            ExitCode::from(2)
        }
    }
}
