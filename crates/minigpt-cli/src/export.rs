//! `minigpt eval` (a saved model's loss on names) and `minigpt export` (a saved model as a
//! Jupyter notebook, in plain Python or in PyTorch).

use crate::{load_names, text, USAGE};
use minigpt::notebook::{notebook, About, Flavour};
use minigpt::train::eval_loss;
use minigpt::{saved, Gpt};

/// Reads an app's model file; a damaged or foreign file is a clear error.
fn load_model(path: &str) -> Result<(Gpt, String), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    saved::from_json(&text).map_err(|e| format!("{path}: {e}"))
}

/// `minigpt eval --model FILE --data D`: one JSON line {"eval_loss","vocab","params","names"}.
pub fn eval(mut parser: lexopt::Parser) -> Result<(), String> {
    use lexopt::prelude::*;
    let (mut model, mut data) = (None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("model") => model = Some(text(&mut parser)?),
            Long("data") => data = Some(text(&mut parser)?),
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
    println!("{result}");
    Ok(())
}

struct ExportArgs {
    model: String,
    flavour: Flavour,
    eval_data: Option<String>,
    train_data: Option<String>,
    out: String,
}

fn export_args(mut parser: lexopt::Parser) -> Result<ExportArgs, String> {
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
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    match (model, flavour, out) {
        (Some(model), Some(flavour), Some(out)) => Ok(ExportArgs {
            model,
            flavour,
            eval_data,
            train_data,
            out,
        }),
        _ => Err(format!("export needs --model, --format and --out\n{USAGE}")),
    }
}

/// `minigpt export`: the notebook, with the evaluation names' loss measured here.
pub fn export(parser: lexopt::Parser) -> Result<(), String> {
    let args = export_args(parser)?;
    let (gpt, note) = load_model(&args.model)?;
    let alphabet = gpt.config.alphabet;
    let eval_names = match &args.eval_data {
        Some(d) => load_names(d, alphabet)?,
        None => Vec::new(),
    };
    let train_names = match &args.train_data {
        Some(d) => load_names(d, alphabet)?,
        None => eval_names.clone(),
    };
    let about = About {
        data: if note.is_empty() {
            args.model.clone()
        } else {
            note
        },
        train_names,
        eval_names,
        ..About::default()
    };
    std::fs::write(&args.out, notebook(&gpt, &about, args.flavour))
        .map_err(|e| format!("cannot write {}: {e}", args.out))?;
    eprintln!("wrote {} ({:?})", args.out, args.flavour);
    Ok(())
}
