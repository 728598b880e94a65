//! The speed test's verdict and its jobs, without the page: how long a lesson's wait may be,
//! the teacher's sentences from the measured figures, and the workers' jobs the test runs
//! (`app::pages::bench` measures them in the browser).

use crate::content::pages as text;
use crate::worker::protocol::{Data, Job};
use minigpt::data::Dataset;

/// How long a pupil waits for a lesson's training.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// A few seconds at most: nobody notices.
    Smooth,
    /// A wait of this many seconds, acceptable in class.
    Seconds(u32),
    /// Too long for a class (seconds): show it on the projector from a faster computer.
    TooSlow(u32),
}

/// Up to 3 s is smooth; up to 45 s a wait; beyond, too slow for a class.
pub fn wait_of(seconds: f64) -> Wait {
    let rounded = seconds.ceil().max(1.0) as u32;
    if seconds <= 3.0 {
        Wait::Smooth
    } else if seconds <= 45.0 {
        Wait::Seconds(rounded)
    } else {
        Wait::TooSlow(rounded)
    }
}

/// A wait in the teacher's words.
fn wait_words(w: Wait) -> String {
    match w {
        Wait::Smooth => text::WAIT_SMOOTH.to_string(),
        Wait::Seconds(s) => text::wait_seconds(s),
        Wait::TooSlow(s) => text::too_slow(s),
    }
}

/// Whether this PC suits lessons 1 to 6, in one line for its card.
#[derive(Clone, Debug, PartialEq)]
pub enum Fit {
    Yes,
    /// Yes, with these waits (lesson, seconds).
    Waits(Vec<(u8, u32)>),
    /// Too slow for these lessons (show them on the projector); the other waits beside.
    No {
        lessons: Vec<u8>,
        waits: Vec<(u8, u32)>,
    },
}

/// The measured wait of lessons 2 to 6 (lesson 1 trains nothing).
fn lesson_waits(report: &serde_json::Value) -> Vec<(u8, Wait)> {
    (2..=6u8)
        .filter_map(|n| {
            let s = report["lessons"][format!("l{n}")].as_f64()?;
            Some((n, wait_of(s)))
        })
        .collect()
}

pub fn fit(report: &serde_json::Value) -> Fit {
    let waits = lesson_waits(report);
    let slow: Vec<u8> = waits
        .iter()
        .filter_map(|(n, w)| matches!(w, Wait::TooSlow(_)).then_some(*n))
        .collect();
    let seconds: Vec<(u8, u32)> = waits
        .iter()
        .filter_map(|(n, w)| match w {
            Wait::Seconds(s) => Some((*n, *s)),
            _ => None,
        })
        .collect();
    match (slow.is_empty(), seconds.is_empty()) {
        (true, true) => Fit::Yes,
        (true, false) => Fit::Waits(seconds),
        (false, _) => Fit::No {
            lessons: slow,
            waits: seconds,
        },
    }
}

/// What the speed test tells the teacher: one line for the PC, one per lesson (for its card),
/// and the technical lines (the Atelier's letters per second, the cores) for the IT support.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub fit: String,
    pub lessons: Vec<String>,
    pub technical: Vec<String>,
}

pub fn verdict(report: &serde_json::Value) -> Verdict {
    let fit_line = match fit(report) {
        Fit::Yes => text::fit_yes(),
        Fit::Waits(waits) => text::fit_waits(&waits),
        Fit::No { lessons, waits } => text::fit_no(&lessons, &waits),
    };
    let mut lessons = vec![text::lesson_without_training(1)];
    lessons.extend(
        lesson_waits(report)
            .into_iter()
            .map(|(n, w)| text::lesson_wait(n, &wait_words(w))),
    );
    let p2 = &report["phase2"];
    let big_tps = p2["tokens_per_s"].as_f64().unwrap_or(0.0);
    let race = report["lessons"]["bonus"].as_f64().unwrap_or(20.0);
    lessons.push(text::bonus_verdict(race, big_tps));
    if let Some(seconds) = proverbs_seconds(big_tps) {
        lessons.push(text::proverbs_verdict(seconds));
    }
    let mut technical = vec![];
    if let Some(w) = report["lessons"]["atelier"].as_f64().map(wait_of) {
        technical.push(text::atelier_verdict(&wait_words(w), big_tps));
    }
    let workers = p2["workers"].as_u64().unwrap_or(1) as usize;
    let one = report["phase2_one_worker"]["tokens_per_s"]
        .as_f64()
        .unwrap_or(0.0);
    if workers > 1 && one > 0.0 {
        technical.push(text::cores_verdict(workers, big_tps / one));
    }
    if !p2["in_worker"].as_bool().unwrap_or(true) {
        technical.push(text::NO_WORKERS_VERDICT.to_string());
    }
    Verdict {
        fit: fit_line,
        lessons,
        technical,
    }
}

/// The Atelier's run on the proverbs (its « Pour les phrases » size): the phase-2 model for
/// sentences, 1,000 steps of 8 proverbs (about 16 readings of the list). Chosen by measuring
/// (`minigpt train --data proverbes --alphabet extended --n-embd 64 --n-head 4 --n-layer 4
/// --block 64 --samples 20`, 2 threads): 8 × 1,000 at 0.01 drew 82 % French words (10 % for
/// letters drawn by frequency alone), 5 sentences « nouveau », 2 « copié », 13 « bizarre »,
/// held-out loss 2.87; 8 × 500 was still babbling (67 % French words, 2 new); 32 × 1,000
/// learned the list by heart (20 sentences of 20 copied, held-out loss 5.06).
pub fn proverbs_job() -> Job {
    Job {
        config: minigpt::Config::phase2_sentences(),
        data: Data::Builtin(Dataset::Proverbes),
        seed: 42,
        steps: PROVERBS_STEPS,
        lr: PROVERBS_LR,
        batch: PROVERBS_BATCH,
        max_seconds: None,
        test_split: true,
    }
}
pub const PROVERBS_STEPS: usize = 1000;
pub const PROVERBS_LR: f32 = 0.01;
pub const PROVERBS_BATCH: usize = 8;

/// The letters `proverbs_job` reads: each step reads `batch` proverbs, each of its letters
/// and its end (at most a context).
pub fn proverbs_letters() -> f64 {
    let job = proverbs_job();
    let proverbs = Dataset::Proverbes.names();
    let per_proverb = proverbs
        .iter()
        .map(|p| (p.chars().count() + 1).min(job.config.block_size))
        .sum::<usize>() as f64
        / proverbs.len() as f64;
    job.steps as f64 * job.batch as f64 * per_proverb
}

/// A letter of a proverb costs more than one of a first name (attention reads the whole
/// sentence before it). Measured natively in CPU time (one thread, 8 items per step, the
/// machine shared, so not in wall time): 112 and 116 µs per letter for the sentence model on
/// the proverbs, 103 and 108 µs for the phase-2 model on the prénoms.
pub const PROVERB_LETTER_COST: f64 = 1.1;

/// How long the Atelier's proverbs run takes on a PC whose phase-2 model reads `big_tps`
/// letters per second (the speed test's measure), in seconds.
pub fn proverbs_seconds(big_tps: f64) -> Option<f64> {
    (big_tps > 0.0).then(|| proverbs_letters() * PROVERB_LETTER_COST / big_tps)
}

/// The same-bits check's job: 3 steps of the phase-2 model.
pub fn check_job() -> Job {
    Job {
        steps: 3,
        max_seconds: None,
        ..phase2_job(3, 0.0)
    }
}
pub const CHECK_WORKERS: usize = 2;

/// `minigpt::fingerprint` of the numbers, in hexadecimal (a JSON number would lose bits).
pub fn fingerprint(values: &[f32]) -> String {
    format!("{:016x}", minigpt::fingerprint(values))
}

/// `steps` of the phase-2 model on the prénoms, stopped after `seconds`.
pub fn phase2_job(steps: usize, seconds: f64) -> Job {
    Job {
        config: minigpt::Config::phase2(),
        data: Data::Builtin(Dataset::Prenoms),
        seed: 42,
        steps,
        lr: 0.005,
        batch: 32,
        max_seconds: Some(seconds),
        test_split: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_judged_as_a_class_would() {
        assert_eq!(wait_of(0.4), Wait::Smooth);
        assert_eq!(wait_of(3.0), Wait::Smooth);
        assert_eq!(wait_of(3.2), Wait::Seconds(4));
        assert_eq!(wait_of(45.0), Wait::Seconds(45));
        assert_eq!(wait_of(70.0), Wait::TooSlow(70));
    }

    #[test]
    fn the_verdict_speaks_of_every_lesson_from_the_measured_waits() {
        let report = serde_json::json!({
            "lessons": { "l2": 0.3, "l3": 70.0, "l4": 1.0, "l5": 2.0, "l6": 12.5, "bonus": 20.0, "atelier": 4.0 },
            "phase2": { "tokens_per_s": 30000.0, "workers": 2, "in_worker": true },
            "phase2_one_worker": { "tokens_per_s": 18000.0 },
        });
        let v = verdict(&report);
        let lines = &v.lessons;
        let all = lines.join("\n");
        for n in 1..=6 {
            assert!(
                all.contains(&format!("Leçon {n}\u{a0}:")),
                "lesson {n} in {all}"
            );
        }
        assert!(
            lines[2].contains("trop lent (70\u{a0}s") && lines[2].contains("vidéoprojecteur"),
            "{}",
            lines[2]
        );
        assert!(
            lines[5].contains("attente d'environ 13\u{a0}s"),
            "{}",
            lines[5]
        );
        assert!(all.contains("Leçon bonus"));
        // Letters per second and cores are for the IT support, not the card.
        assert!(
            !all.contains("lettres par seconde") && !all.contains("cœur"),
            "{all}"
        );
        let technical = v.technical.join("\n");
        assert!(technical.contains("Atelier"), "{technical}");
        assert!(technical.contains("1,7 fois plus rapides"), "{technical}");
        assert_eq!(
            v.fit,
            "Ce poste convient pour les leçons 1 à 6\u{a0}: non pour la leçon 3\u{a0}: faites-la au vidéoprojecteur depuis un poste plus rapide\u{a0}; ailleurs, attente d'environ 13\u{a0}s en leçon 6."
        );
        let slow_cores = serde_json::json!({
            "lessons": {}, "phase2": { "tokens_per_s": 15000.0, "workers": 2 },
            "phase2_one_worker": { "tokens_per_s": 16000.0 },
        });
        assert!(verdict(&slow_cores)
            .technical
            .join(" ")
            .contains("choisissez 1\u{a0}cœur"));
    }

    #[test]
    fn one_line_says_whether_this_pc_suits_lessons_1_to_6() {
        let report = |l3: f64, l6: f64| serde_json::json!({ "lessons": { "l2": 0.3, "l3": l3, "l4": 1.0, "l5": 2.0, "l6": l6 } });
        assert_eq!(fit(&report(1.0, 2.0)), Fit::Yes);
        assert_eq!(
            verdict(&report(1.0, 2.0)).fit,
            "Ce poste convient pour les leçons 1 à 6\u{a0}: oui."
        );
        assert_eq!(fit(&report(8.4, 2.0)), Fit::Waits(vec![(3, 9)]));
        assert_eq!(
            verdict(&report(8.4, 2.0)).fit,
            "Ce poste convient pour les leçons 1 à 6\u{a0}: oui, avec une attente d'environ 9\u{a0}s en leçon 3."
        );
        assert_eq!(
            verdict(&report(21.0, 7.0)).fit,
            "Ce poste convient pour les leçons 1 à 6\u{a0}: oui, avec une attente d'environ 21\u{a0}s en leçon 3 et 7\u{a0}s en leçon 6."
        );
        assert_eq!(
            fit(&report(50.0, 60.0)),
            Fit::No {
                lessons: vec![3, 6],
                waits: vec![]
            }
        );
        assert_eq!(
            verdict(&report(50.0, 60.0)).fit,
            "Ce poste convient pour les leçons 1 à 6\u{a0}: non pour les leçons 3 et 6\u{a0}: faites-les au vidéoprojecteur depuis un poste plus rapide."
        );
    }

    #[test]
    fn the_proverbs_line_says_the_atelier_runs_time_from_the_measured_speed() {
        let report = |tps: f64| {
            serde_json::json!({ "lessons": {}, "phase2": { "tokens_per_s": tps, "workers": 2 } })
        };
        let line = |tps: f64| {
            let v = verdict(&report(tps));
            v.lessons.last().unwrap().clone()
        };
        let letters = proverbs_letters();
        // Twice as fast, half the time.
        let fast = proverbs_seconds(2.0 * letters).unwrap();
        let slow = proverbs_seconds(letters).unwrap();
        assert!((slow - 2.0 * fast).abs() < 1e-9);
        assert!(line(30_000.0).starts_with("Atelier, proverbes\u{a0}: "), "{}", line(30_000.0));
        // In seconds, by fives, under a minute and a half; in minutes beyond.
        let seconds = letters * PROVERB_LETTER_COST / 30_000.0;
        let said = if seconds < 90.0 {
            format!("environ {}\u{a0}s", (seconds / 5.0).ceil() as u64 * 5)
        } else {
            format!("environ {}\u{a0}min", (seconds / 60.0).round() as u64)
        };
        assert!(line(30_000.0).contains(&said), "{} ({said})", line(30_000.0));
        let slow_pc = line(letters * PROVERB_LETTER_COST / 300.0);
        assert!(slow_pc.contains("environ 5\u{a0}min") && slow_pc.contains("début de séance"), "{slow_pc}");
        let too_slow = line(letters * PROVERB_LETTER_COST / 1200.0);
        assert!(too_slow.contains("environ 20\u{a0}min") && too_slow.contains("vidéoprojecteur"), "{too_slow}");
        // No measure, no line.
        assert!(proverbs_seconds(0.0).is_none());
        assert!(!verdict(&report(0.0)).lessons.join(" ").contains("proverbes"));
    }

    /// The letters the estimate counts are the letters the trainer reads.
    #[test]
    fn the_proverbs_letters_are_what_the_trainer_reads() {
        let job = proverbs_job();
        let (names, _) = job.names();
        let model = minigpt::Gpt::new(
            job.config,
            &mut <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(1),
        )
        .unwrap();
        let config = minigpt::TrainConfig {
            steps: 20,
            batch_size: job.batch,
            lr: job.lr,
            ..minigpt::TrainConfig::default()
        };
        let mut trainer = minigpt::Trainer::new(model, &names, config).unwrap();
        trainer.advance(20);
        let per_step = trainer.tokens_seen() as f64 / 20.0;
        let expected = proverbs_letters() / job.steps as f64;
        assert!(
            (per_step / expected - 1.0).abs() < 0.1,
            "{per_step} read per step, {expected} counted"
        );
    }

    /// The e2e tests read the same file: the browser's 2 workers must give these bits.
    #[test]
    fn the_same_bits_check_matches_the_recorded_fingerprint() {
        let golden: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/e2e/golden.json")).unwrap();
        let model = crate::worker::runner::team_model(&check_job(), CHECK_WORKERS);
        let check = &golden["team_check"];
        assert_eq!(check["workers"], CHECK_WORKERS);
        assert_eq!(check["steps"], check_job().steps);
        assert_eq!(check["params_fnv"], fingerprint(&model));
    }
}
