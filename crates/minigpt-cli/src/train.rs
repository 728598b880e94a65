//! `minigpt train`: trains a GPT on a list of names and prints one progress line per 100 steps,
//! then ONE JSON line (a stable interface for scripts and benchmarks).

use crate::io::{check_writable, note, say, write_whole};
use crate::{bounded, load_names, num, text, Done, USAGE};
use minigpt::data::{shuffled, Dataset};
use minigpt::judge::{Judge, Verdict, WordShare};
use minigpt::train::eval_loss;
use minigpt::unigram::LetterFrequencies;
use minigpt::{Alphabet, Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::time::Instant;

/// Bounds of the flags: enough for any real run, small enough to never exhaust the machine.
const MAX_STEPS: u64 = 100_000_000;
const MAX_BATCH: u64 = 4096;
const MAX_SAMPLES: u64 = 1000;
const MAX_EVAL_DOCS: u64 = 100_000;
const MAX_THREADS: u64 = 64;

/// At most twice the machine's cores (64 at most): more threads only wait for each other.
fn max_threads() -> u64 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    (cores * 2).min(MAX_THREADS)
}

struct Args {
    data: String,
    steps: usize,
    batch: usize,
    max_seconds: Option<f64>,
    threads: Option<usize>,
    seed: u64,
    config: Config,
    lr: f32,
    eval_docs: usize,
    samples: usize,
    /// Write the trained model here (the app's model file).
    save: Option<String>,
}

fn parse_args(mut parser: lexopt::Parser) -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut args = Args {
        data: String::new(),
        steps: 1000,
        batch: 1,
        max_seconds: None,
        threads: None,
        seed: 42,
        config: Config::default(),
        lr: 0.01,
        eval_docs: 2000,
        samples: 10,
        save: None,
    };
    let mut alphabet_given = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("data") => args.data = text(&mut parser)?,
            Long("steps") => args.steps = bounded("--steps", text(&mut parser)?, 1, MAX_STEPS)?,
            Long("batch") => args.batch = bounded("--batch", text(&mut parser)?, 1, MAX_BATCH)?,
            Long("max-seconds") => {
                args.max_seconds = Some(num("--max-seconds", text(&mut parser)?)?)
            }
            Long("threads") => {
                let max = max_threads();
                args.threads = Some(bounded("--threads", text(&mut parser)?, 1, max)?)
            }
            Long("alphabet") => {
                let key = text(&mut parser)?;
                let alphabet = Alphabet::from_key(&key)
                    .ok_or_else(|| format!("--alphabet: '{key}' is not letters or extended"))?;
                alphabet_given = Some(alphabet);
            }
            Long("seed") => args.seed = num("--seed", text(&mut parser)?)?,
            Long("n-embd") => args.config.n_embd = num("--n-embd", text(&mut parser)?)?,
            Long("n-head") => args.config.n_head = num("--n-head", text(&mut parser)?)?,
            Long("n-layer") => args.config.n_layer = num("--n-layer", text(&mut parser)?)?,
            Long("block") => args.config.block_size = num("--block", text(&mut parser)?)?,
            Long("lr") => args.lr = num("--lr", text(&mut parser)?)?,
            Long("eval-docs") => {
                args.eval_docs = bounded("--eval-docs", text(&mut parser)?, 0, MAX_EVAL_DOCS)?
            }
            Long("samples") => {
                args.samples = bounded("--samples", text(&mut parser)?, 0, MAX_SAMPLES)?
            }
            Long("save") => args.save = Some(text(&mut parser)?),
            Long("help") | Short('h') => return Ok(None),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    if args.data.is_empty() {
        return Err(format!("--data is required\n{USAGE}"));
    }
    // A built-in list comes in its own alphabet (« mots » has accents) unless told otherwise.
    let alphabet = alphabet_given
        .or_else(|| Dataset::from_key(&args.data).map(Dataset::alphabet))
        .unwrap_or(Alphabet::Letters);
    args.config = args.config.with_alphabet(alphabet);
    if args
        .max_seconds
        .is_some_and(|s| !(s > 0.0 && s.is_finite()))
    {
        return Err("--max-seconds must be a positive number".into());
    }
    Ok(Some(args))
}

/// `minigpt train`: trains, prints progress lines and one JSON line; `--save` writes the model
/// (its path checked before training, so a long run is never lost to a bad path).
pub fn run(parser: lexopt::Parser) -> Result<Done, String> {
    let Some(args) = parse_args(parser)? else {
        return Ok(Done::Help);
    };
    if let Some(path) = &args.save {
        check_writable(path)?;
    }
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let names = shuffled(&load_names(&args.data, args.config.alphabet)?, args.seed);
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let model = Gpt::new(args.config, &mut rng).map_err(|e| e.to_string())?;
    let train_config = TrainConfig {
        steps: args.steps,
        lr: args.lr,
        batch_size: args.batch,
        test_split: true,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(model, &names, train_config).map_err(|e| e.to_string())?;
    note(&format!(
        "{} names to train on, {} held out, {} parameters, {} steps of {} names, {} threads",
        trainer.doc_count(),
        trainer.test_count(),
        args.config.param_count(),
        args.steps,
        trainer.config().batch_size,
        rayon::current_num_threads()
    ));
    let (status, seconds) = train(&mut trainer, &args)?;
    if let Status::Diverged { step, loss } = status {
        note(&format!(
            "training diverged at step {step} (loss {loss}): try a smaller --lr"
        ));
    }
    // The training part of the shuffle comes first (the held-out names are its end).
    let training_part = &names[..trainer.doc_count()];
    let eval = eval_loss(
        trainer.model(),
        &training_part[..args.eval_docs.min(training_part.len())],
    );
    // Long enough for the longest item twice over (a proverb is longer than a name).
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let max_len = (2 * longest).max(40);
    let samples: Vec<String> = (0..args.samples)
        .map(|_| minigpt::sample::generate(trainer.model(), "", 0.5, max_len, &mut rng).0)
        .collect();
    let words = judged_words(&names, &samples, args.config.alphabet, max_len, &mut rng);
    say(&report(&trainer, &args, status, seconds, eval, samples, words).to_string())?;
    if let Some(path) = &args.save {
        let note = format!(
            "minigpt train --data {} --steps {}",
            args.data,
            trainer.step()
        );
        write_whole(path, &minigpt::saved::to_json(trainer.model(), &note))?;
    }
    Ok(Done::Ran)
}

/// Runs the steps, one progress line per 100 steps; stops at `--max-seconds`.
fn train(trainer: &mut Trainer<Gpt>, args: &Args) -> Result<(Status, f64), String> {
    let start = Instant::now();
    let mut status = trainer.status();
    // With --max-seconds, one step at a time so the clock is checked often.
    let chunk = if args.max_seconds.is_some() { 1 } else { 100 };
    while status == Status::Running {
        status = trainer.advance(chunk);
        let step = trainer.step();
        if step.is_multiple_of(100) || status != Status::Running {
            let losses = trainer.losses();
            let recent = &losses[losses.len().saturating_sub(100)..];
            let mean = recent.iter().sum::<f32>() / recent.len().max(1) as f32;
            say(&format!("step {step:>6} / {} | loss {mean:.4}", args.steps))?;
        }
        if args
            .max_seconds
            .is_some_and(|s| start.elapsed().as_secs_f64() >= s)
        {
            break;
        }
    }
    Ok((status, start.elapsed().as_secs_f64()))
}

/// The one JSON line.
fn report(
    trainer: &Trainer<Gpt>,
    args: &Args,
    status: Status,
    seconds: f64,
    eval: Option<f32>,
    samples: Vec<String>,
    words: JudgedWords,
) -> serde_json::Value {
    let losses = trainer.losses();
    let train_loss = losses[losses.len().saturating_sub(100)..]
        .iter()
        .sum::<f32>()
        / losses.len().clamp(1, 100) as f32;
    let tokens = trainer.tokens_seen();
    serde_json::json!({
        "steps": trainer.step(),
        "tokens": tokens,
        "seconds": seconds,
        "tokens_per_s": tokens as f64 / seconds.max(1e-9),
        "train_loss": train_loss,
        "eval_loss": eval,
        "test_loss": trainer.test_loss(),
        "params": args.config.param_count(),
        "vocab": args.config.vocab,
        "batch": trainer.config().batch_size,
        "threads": rayon::current_num_threads(),
        "samples": samples,
        "diverged": matches!(status, Status::Diverged { .. }),
        "sample_words": words.samples.words,
        "french_word_share": words.samples.share(),
        "baseline_french_word_share": words.baseline.share(),
        "sample_verdicts": words.verdicts,
    })
}

/// The samples' words checked against the French word list, beside a letter-frequency model's
/// on as many words, and the samples' verdicts (copié, nouveau, bizarre).
struct JudgedWords {
    samples: WordShare,
    baseline: WordShare,
    verdicts: BTreeMap<Verdict, usize>,
}

fn judged_words(
    names: &[String],
    samples: &[String],
    alphabet: Alphabet,
    max_len: usize,
    rng: &mut ChaCha8Rng,
) -> JudgedWords {
    let judge = Judge::new(names);
    let mut verdicts = BTreeMap::new();
    for sample in samples {
        *verdicts.entry(judge.judge(sample).verdict).or_insert(0) += 1;
    }
    let samples = WordShare::of(samples);
    let letters = LetterFrequencies::from_names(alphabet, names);
    let drawn = (0..100 * samples.words + 100).map(|_| letters.generate(rng, 1.0, max_len));
    JudgedWords {
        samples,
        baseline: WordShare::of_first(samples.words, drawn),
        verdicts,
    }
}
