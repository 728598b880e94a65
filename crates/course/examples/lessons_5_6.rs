//! The measurements behind lessons 5 and 6's exercises and answer keys, natively, with the
//! lessons' own models and seeds (the browser gives the same bits):
//!
//! - `own`: a class list (`LIST=13|20|28`), trained 100 to 500 steps, 200 draws of 10 names per
//!   temperature: the « copié / nouveau / bizarre » marks, and how often a draw has 3 new names
//!   (lesson 6, exercise 5);
//! - `odd`: « bizarre » names per 10 after a beginning, cold and hot, on the three lists (lesson
//!   6, exercise 4), with the course's marks and with the pair rule alone;
//! - `settings`: the final loss of every setting of step 5 on the three lists (exercise 3);
//! - `pokemon`: how often 10 names after a first name's beginning hold 8 different new Pokémon,
//!   per temperature (lesson 5, exercise 6).
//!
//! `cargo run --release -p course --example lessons_5_6 -- own` (takes a minute or two).

use course::rules::marks::{Mark, Marker};
use minigpt::bigram::BigramCounts;
use minigpt::data::{shuffled, Dataset};
use minigpt::sample::generate;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, Config, Gpt, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

fn train(names: &[String], steps: usize, lr: f32, seed: u64) -> Gpt {
    let gpt = Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(seed)).unwrap();
    let config = TrainConfig {
        steps,
        lr,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(gpt, names, config).unwrap();
    trainer.advance(steps);
    trainer.model().clone()
}

fn invent(model: &Gpt, prefix: &str, t: f32, seed: u64) -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..10)
        .map(|_| generate(model, prefix, t, 24, &mut rng).0)
        .collect()
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Lesson 6, exercise 5: a class list (as the page cleans it: lower case, no accents).
fn own() {
    let list = match std::env::var("LIST").as_deref() {
        Ok("28") => "lea hugo chloe nathan emma louis jade gabriel ines raphael zoe adam lina arthur manon jules alice tom rose leo ambre noah lou sacha mila paul eva nina",
        Ok("20") => "lea hugo chloe nathan emma louis jade gabriel ines raphael zoe adam lina arthur manon jules alice tom rose leo",
        _ => "ines tom lea sarah yanis adam lina mohamed chloe lucas emma nathan jade",
    };
    let list: Vec<String> = list.split(' ').map(String::from).collect();
    let marker = Marker::new(Alphabet::Letters, &list);
    println!("{} names; per draw of 10: copies, new, odd; share of draws with 3 new or more", list.len());
    for steps in [100, 150, 200, 300, 500, 1000] {
        let model = train(&shuffled(&list, 42), steps, 0.01, 42);
        for t in [0.6f32, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0] {
            let (mut c, mut n, mut o, mut ok) = (0, 0, 0, 0);
            for s in 0..200 {
                let counts = marker.counts(&invent(&model, "", t, 1000 + s));
                (c, n, o) = (c + counts.copies, n + counts.new, o + counts.odd);
                ok += usize::from(counts.new >= 3);
            }
            let d = 200.0;
            println!(
                "{steps:5} steps, {t:.1}: {:.1} / {:.1} / {:.1}  3 new: {:.0} %",
                c as f32 / d,
                n as f32 / d,
                o as f32 / d,
                ok as f32 / 2.0
            );
        }
    }
}

/// Lesson 6, exercise 4: « bizarre » per 10 names, cold and hot.
fn odd() {
    for (d, prefixes) in [
        (Dataset::Prenoms, &["ine", "ma", "lu"][..]),
        (Dataset::Pokemon, &["pi", "ma"]),
        (Dataset::Dinosaures, &["ma"]),
    ] {
        let list = d.names_in(Alphabet::Letters);
        let model = train(&shuffled(&list, 42), 1000, 0.01, 42);
        let marker = Marker::new(Alphabet::Letters, &list);
        let pairs = BigramCounts::from_names(Alphabet::Letters, &list);
        println!("{d:?}, 1 000 steps: « bizarre » per 10 (the course's marks / the pair rule alone)");
        for p in prefixes {
            for t in [0.3f32, 0.5, 0.8, 1.0, 1.5, 1.7, 2.0] {
                let (mut marks, mut pair_rule) = (0, 0);
                for s in 0..100 {
                    let names = invent(&model, p, t, 5000 + s);
                    marks += marker.counts(&names).odd;
                    pair_rule += names
                        .iter()
                        .filter(|n| !list.contains(n) && !course::rules::well_formed(n, &pairs))
                        .count();
                }
                println!("  {p:4} {t:.1}: {:.1} / {:.1}", marks as f32 / 100.0, pair_rule as f32 / 100.0);
            }
        }
    }
}

/// Lesson 6, exercise 3: the loss the table shows for every setting of step 5.
fn settings() {
    for d in [Dataset::Pokemon, Dataset::Prenoms, Dataset::Dinosaures] {
        let names = shuffled(&d.names_in(Alphabet::Letters), 42);
        let eval = &names[..names.len().min(1023)];
        for steps in [300, 1000, 3000] {
            let mut line = format!("{d:?} {steps:5}:");
            for lr in [0.003f32, 0.01, 0.03, 0.1] {
                let loss = eval_loss(&train(&names, steps, lr, 42), eval).unwrap_or(f32::NAN);
                line += &format!("  {lr}: {loss:.3}");
            }
            println!("{line}");
        }
    }
}

/// Lesson 5, exercise 6: 8 different new Pokémon of 10, per temperature.
fn pokemon() {
    let names = shuffled(&strings(&Dataset::Pokemon.names()), 5);
    let model = train(&names, 1000, 0.01, 5);
    let marker = Marker::new(Alphabet::Letters, &Dataset::Pokemon.names());
    let prefixes = [
        "pie", "lea", "tom", "ine", "sar", "yan", "ada", "lin", "moh", "chl", "luc", "emm", "nat",
        "jad", "hug", "zoe", "gab", "rap", "lou", "jul", "ali", "noa", "ros", "amb", "mil", "pau",
        "eva", "nin",
    ];
    for t in [0.1f32, 0.2, 0.3, 0.5, 0.8, 1.0, 1.2, 1.5, 1.8, 2.0] {
        let (mut ok, mut n) = (0, 0);
        for p in prefixes.iter().filter(|p| marker.fits_prefix(p)) {
            for s in 0..40 {
                let drawn = invent(&model, p, t, 700 + s);
                let good: HashSet<&String> = drawn
                    .iter()
                    .filter(|x| marker.mark(x) == Mark::New && x.chars().count() > p.len() + 1)
                    .collect();
                ok += usize::from(good.len() >= 8);
                n += 1;
            }
        }
        println!("{t:.1}: 8 new Pokémon in {:.0} % of draws", 100.0 * ok as f32 / n as f32);
    }
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("own") => own(),
        Some("odd") => odd(),
        Some("settings") => settings(),
        Some("pokemon") => pokemon(),
        _ => println!("own | odd | settings | pokemon"),
    }
}
