//! `minigpt train --data pokemon --steps 1000` — trains the microgpt-size GPT and prints one
//! progress line per 100 steps, then ONE JSON line (a stable interface for scripts and benchmarks):
//! {"steps","tokens","seconds","tokens_per_s","train_loss","eval_loss","params","samples":[…]}

use minigpt::data::{shuffled, Dataset};
use minigpt::train::eval_loss;
use minigpt::{Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: minigpt train --data <pokemon|prenoms|dinosaures|PATH> [--steps N] [--seed S] \
[--n-embd D] [--n-head H] [--n-layer L] [--block B] [--lr LR] [--eval-docs N] [--samples K]";

struct Args {
    data: String,
    steps: usize,
    seed: u64,
    config: Config,
    lr: f32,
    eval_docs: usize,
    samples: usize,
}

fn parse_args() -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    match parser.next().map_err(|e| e.to_string())? {
        Some(Value(cmd)) if cmd == "train" => {}
        _ => return Err(USAGE.into()),
    }
    let mut args = Args {
        data: String::new(),
        steps: 1000,
        seed: 42,
        config: Config::default(),
        lr: 0.01,
        eval_docs: 2000,
        samples: 10,
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
            parser
                .value()
                .map_err(|e| e.to_string())?
                .into_string()
                .map_err(|_| "argument is not valid UTF-8".to_string())
        }

        fn num<T: std::str::FromStr>(flag: &str, v: String) -> Result<T, String> {
            v.parse()
                .map_err(|_| format!("{flag}: '{v}' is not a valid number"))
        }
        match arg {
            Long("data") => args.data = text(&mut parser)?,
            Long("steps") => args.steps = num("--steps", text(&mut parser)?)?,
            Long("seed") => args.seed = num("--seed", text(&mut parser)?)?,
            Long("n-embd") => args.config.n_embd = num("--n-embd", text(&mut parser)?)?,
            Long("n-head") => args.config.n_head = num("--n-head", text(&mut parser)?)?,
            Long("n-layer") => args.config.n_layer = num("--n-layer", text(&mut parser)?)?,
            Long("block") => args.config.block_size = num("--block", text(&mut parser)?)?,
            Long("lr") => args.lr = num("--lr", text(&mut parser)?)?,
            Long("eval-docs") => args.eval_docs = num("--eval-docs", text(&mut parser)?)?,
            Long("samples") => args.samples = num("--samples", text(&mut parser)?)?,
            Long("help") | Short('h') => return Err(USAGE.into()),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    if args.data.is_empty() {
        return Err(format!("--data is required\n{USAGE}"));
    }
    Ok(args)
}

fn load_names(data: &str) -> Result<Vec<String>, String> {
    if let Some(d) = Dataset::from_key(data) {
        return Ok(d.names().into_iter().map(String::from).collect());
    }
    let bytes = std::fs::read(data).map_err(|e| format!("cannot read {data}: {e}"))?;
    let report = minigpt::vocab::clean(&String::from_utf8_lossy(&bytes));
    if !report.dropped_chars.is_empty() || !report.duplicates.is_empty() {
        eprintln!(
            "note: {} characters dropped (not a-z after removing accents), {} duplicate names skipped",
            report.dropped_chars.len(),
            report.duplicates.len()
        );
    }
    Ok(report.names)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let names = shuffled(&load_names(&args.data)?, args.seed);
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let model = Gpt::new(args.config, &mut rng).map_err(|e| e.to_string())?;
    let params = model.config.param_count();
    let train_config = TrainConfig {
        steps: args.steps,
        lr: args.lr,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(model, &names, train_config).map_err(|e| e.to_string())?;
    eprintln!(
        "{} names, {} parameters, {} steps",
        trainer.doc_count(),
        params,
        args.steps
    );

    let start = Instant::now();
    let mut status = trainer.status();
    while status == Status::Running {
        status = trainer.advance(100);
        let losses = trainer.losses();
        let recent = &losses[losses.len().saturating_sub(100)..];
        let mean = recent.iter().sum::<f32>() / recent.len().max(1) as f32;
        println!(
            "step {:>6} / {} | loss {:.4}",
            trainer.step(),
            args.steps,
            mean
        );
    }
    let seconds = start.elapsed().as_secs_f64();
    if let Status::Diverged { step, loss } = status {
        eprintln!("training diverged at step {step} (loss {loss}): try a smaller --lr");
    }

    let eval_names = &names[..args.eval_docs.min(names.len())];
    let eval = eval_loss(trainer.model(), eval_names);
    let samples: Vec<String> = (0..args.samples)
        .map(|_| minigpt::sample::generate(trainer.model(), "", 0.5, 40, &mut rng).0)
        .collect();
    let losses = trainer.losses();
    let train_loss = losses[losses.len().saturating_sub(100)..]
        .iter()
        .sum::<f32>()
        / losses.len().clamp(1, 100) as f32;
    let tokens = trainer.tokens_seen();
    let result = serde_json::json!({
        "steps": trainer.step(),
        "tokens": tokens,
        "seconds": seconds,
        "tokens_per_s": tokens as f64 / seconds.max(1e-9),
        "train_loss": train_loss,
        "eval_loss": eval,
        "params": params,
        "samples": samples,
        "diverged": matches!(status, Status::Diverged { .. }),
    });
    println!("{result}");
    Ok(())
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
