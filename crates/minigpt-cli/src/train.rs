//! `minigpt train`: trains a GPT on a list of names and prints one progress line per 100 steps,
//! then ONE JSON line (a stable interface for scripts and benchmarks).

use crate::{load_names, num, text, USAGE};
use minigpt::data::{shuffled, Dataset};
use minigpt::judge::{Judge, Verdict, WordShare};
use minigpt::train::eval_loss;
use minigpt::unigram::LetterFrequencies;
use minigpt::{Alphabet, Config, Gpt, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::time::Instant;

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

fn parse_args(mut parser: lexopt::Parser) -> Result<Args, String> {
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
            Long("steps") => args.steps = num("--steps", text(&mut parser)?)?,
            Long("batch") => args.batch = num("--batch", text(&mut parser)?)?,
            Long("max-seconds") => {
                args.max_seconds = Some(num("--max-seconds", text(&mut parser)?)?)
            }
            Long("threads") => args.threads = Some(num("--threads", text(&mut parser)?)?),
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
            Long("eval-docs") => args.eval_docs = num("--eval-docs", text(&mut parser)?)?,
            Long("samples") => args.samples = num("--samples", text(&mut parser)?)?,
            Long("save") => args.save = Some(text(&mut parser)?),
            Long("help") | Short('h') => return Err(USAGE.into()),
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
    if args.batch == 0 {
        return Err("--batch must be at least 1".into());
    }
    if args
        .max_seconds
        .is_some_and(|s| !(s > 0.0 && s.is_finite()))
    {
        return Err("--max-seconds must be a positive number".into());
    }
    Ok(args)
}

/// `minigpt train`: trains, prints progress lines and one JSON line; `--save` writes the model.
pub fn run(parser: lexopt::Parser) -> Result<(), String> {
    let args = parse_args(parser)?;
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let names = shuffled(&load_names(&args.data, args.config.alphabet)?, args.seed);
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let model = Gpt::new(args.config, &mut rng).map_err(|e| e.to_string())?;
    let params = model.config.param_count();
    let train_config = TrainConfig {
        steps: args.steps,
        lr: args.lr,
        batch_size: args.batch,
        test_split: true,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(model, &names, train_config).map_err(|e| e.to_string())?;
    eprintln!(
        "{} names to train on, {} held out, {} parameters, {} steps of {} names, {} threads",
        trainer.doc_count(),
        trainer.test_count(),
        params,
        args.steps,
        trainer.config().batch_size,
        rayon::current_num_threads()
    );

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
            println!("step {step:>6} / {} | loss {mean:.4}", args.steps);
        }
        if args
            .max_seconds
            .is_some_and(|s| start.elapsed().as_secs_f64() >= s)
        {
            break;
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    if let Status::Diverged { step, loss } = status {
        eprintln!("training diverged at step {step} (loss {loss}): try a smaller --lr");
    }

    let eval_names = &names[..args.eval_docs.min(names.len())];
    let eval = eval_loss(trainer.model(), eval_names);
    let test = trainer.test_loss();
    // Long enough for the longest item twice over (a proverb is longer than a name).
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let max_len = (2 * longest).max(40);
    let samples: Vec<String> = (0..args.samples)
        .map(|_| minigpt::sample::generate(trainer.model(), "", 0.5, max_len, &mut rng).0)
        .collect();
    let words = judged_words(&names, &samples, args.config.alphabet, max_len, &mut rng);
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
        "test_loss": test,
        "params": params,
        "vocab": args.config.vocab,
        "batch": trainer.config().batch_size,
        "threads": rayon::current_num_threads(),
        "samples": samples,
        "diverged": matches!(status, Status::Diverged { .. }),
        "sample_words": words.samples.words,
        "french_word_share": words.samples.share(),
        "baseline_french_word_share": words.baseline.share(),
        "sample_verdicts": words.verdicts,
    });
    println!("{result}");
    if let Some(path) = &args.save {
        let note = format!(
            "minigpt train --data {} --steps {}",
            args.data,
            trainer.step()
        );
        std::fs::write(path, minigpt::saved::to_json(trainer.model(), &note))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
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
