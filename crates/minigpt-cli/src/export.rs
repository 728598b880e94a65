//! `minigpt eval` (a saved model's loss on names) and `minigpt export` (a saved model as a
//! Jupyter notebook, in plain Python or in PyTorch).

use crate::io::{note, read_limited, say, write_whole, MAX_MODEL_BYTES};
use crate::{load_names, text, Done, USAGE};
use minigpt::notebook::{eval_names_for, notebook, About, Flavour, MAX_TORCH_NAMES};
use minigpt::train::eval_loss;
use minigpt::{saved, Gpt};

/// Reads an app's model file (100 MB at most); a damaged or foreign file is a clear error.
fn load_model(path: &str) -> Result<(Gpt, String), String> {
    let bytes = read_limited(path, MAX_MODEL_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{path}: not a text file"))?;
    saved::from_json(&text).map_err(|e| format!("{path}: {e}"))
}

/// `minigpt eval --model FILE --data D`: one JSON line {"eval_loss","vocab","params","names"}.
pub fn eval(mut parser: lexopt::Parser) -> Result<Done, String> {
    use lexopt::prelude::*;
    let (mut model, mut data) = (None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("model") => model = Some(text(&mut parser)?),
            Long("data") => data = Some(text(&mut parser)?),
            Long("help") | Short('h') => return Ok(Done::Help),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let (Some(model), Some(data)) = (model, data) else {
        return Err(format!("eval needs --model and --data\n{USAGE}"));
    };
    let (gpt, _) = load_model(&model)?;
    let names = load_names(&data, gpt.config.alphabet)?;
    let loss = eval_loss(&gpt, &names).ok_or_else(|| format!("{data}: no name to measure"))?;
    let result = serde_json::json!({
        "eval_loss": loss,
        "vocab": gpt.config.vocab,
        "params": gpt.config.param_count(),
        "names": names.len(),
    });
    say(&result.to_string())?;
    Ok(Done::Ran)
}

struct ExportArgs {
    model: String,
    flavour: Flavour,
    eval_data: Option<String>,
    train_data: Option<String>,
    out: String,
}

fn export_args(mut parser: lexopt::Parser) -> Result<Option<ExportArgs>, String> {
    use lexopt::prelude::*;
    let (mut model, mut flavour, mut out) = (None, None, None);
    let (mut eval_data, mut train_data) = (None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("model") => model = Some(text(&mut parser)?),
            Long("format") => {
                flavour = Some(match text(&mut parser)?.as_str() {
                    "python" => Flavour::Python,
                    "pytorch" => Flavour::PyTorch,
                    other => return Err(format!("--format: '{other}' is not python or pytorch")),
                })
            }
            Long("eval-data") => eval_data = Some(text(&mut parser)?),
            Long("train-data") => train_data = Some(text(&mut parser)?),
            Long("out") => out = Some(text(&mut parser)?),
            Long("help") | Short('h') => return Ok(None),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    match (model, flavour, out) {
        (Some(model), Some(flavour), Some(out)) => Ok(Some(ExportArgs {
            model,
            flavour,
            eval_data,
            train_data,
            out,
        })),
        _ => Err(format!("export needs --model, --format and --out\n{USAGE}")),
    }
}

/// `minigpt export`: the notebook. It measures the first names of `--eval-data`, as many as
/// the app's notebooks (plain Python: `eval_names_for`, 200 for microgpt's size, 20 for the
/// largest; PyTorch: 2,000), keeps them out of its training, and trains on `--train-data`
/// (else on the rest of `--eval-data`).
pub fn export(parser: lexopt::Parser) -> Result<Done, String> {
    let Some(args) = export_args(parser)? else {
        return Ok(Done::Help);
    };
    let (gpt, note_text) = load_model(&args.model)?;
    let alphabet = gpt.config.alphabet;
    let mut eval_names = match &args.eval_data {
        Some(d) => load_names(d, alphabet)?,
        None => Vec::new(),
    };
    let train_names = match &args.train_data {
        Some(d) => load_names(d, alphabet)?,
        None => eval_names.clone(),
    };
    let bound = match args.flavour {
        Flavour::Python => eval_names_for(gpt.config.param_count()),
        Flavour::PyTorch => MAX_TORCH_NAMES,
    };
    if eval_names.len() > bound {
        note(&format!(
            "the notebook measures the first {bound} of the {} evaluation names",
            eval_names.len()
        ));
        eval_names.truncate(bound);
    }
    let about = About {
        note: note_text,
        train_names,
        eval_names,
        ..About::default()
    };
    write_whole(&args.out, &notebook(&gpt, &about, args.flavour))?;
    note(&format!("wrote {} ({:?})", args.out, args.flavour));
    Ok(Done::Ran)
}
