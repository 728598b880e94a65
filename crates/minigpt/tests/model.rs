#![cfg(not(target_arch = "wasm32"))]
//! Whole-model tests: gradients of the full loss, training behaviour, bad input, saving.

use minigpt::data::{shuffled, Dataset, TEACHING_SET};
use minigpt::models::Model;
use minigpt::optim::OptimizerKind;
use minigpt::train::{eval_loss, TrainError};
use minigpt::{
    saved, Alphabet, BigramTable, Config, ContextMlp, Gpt, Status, Tape, TrainConfig, Trainer,
};
use proptest::prelude::*;

mod common;
use common::check_model_gradient;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

const L: Alphabet = Alphabet::Letters;

fn encode_name(name: &str) -> Vec<usize> {
    L.encode_name(name)
}

fn clean(text: &str) -> minigpt::vocab::CleanReport {
    L.clean(text)
}

#[test]
fn gpt_default_size_is_microgpt() {
    let gpt = Gpt::new(Config::default(), &mut rng(0)).unwrap();
    assert_eq!(gpt.params.count(), 4192);
    assert_eq!(Config::default().param_count(), 4192);
    for (e, h, l, b) in [(8, 2, 2, 8), (64, 4, 4, 32), (12, 3, 1, 5)] {
        let c = Config {
            n_embd: e,
            n_head: h,
            n_layer: l,
            block_size: b,
            ..Config::default()
        };
        assert_eq!(
            Gpt::new(c, &mut rng(0)).unwrap().params.count(),
            c.param_count()
        );
    }
    assert!(Gpt::new(
        Config {
            n_head: 3,
            ..Config::default()
        },
        &mut rng(0)
    )
    .is_err());
    assert!(Gpt::new(
        Config {
            n_layer: 0,
            ..Config::default()
        },
        &mut rng(0)
    )
    .is_err());
}

#[test]
fn gpt_whole_loss_gradient_matches_finite_differences() {
    let a = encode_name("pikachu");
    let b = encode_name("evoli");
    for (seed, (e, h, l, block)) in [(1, (8, 2, 1, 8)), (2, (8, 4, 2, 5)), (3, (6, 1, 1, 16))] {
        let c = Config {
            n_embd: e,
            n_head: h,
            n_layer: l,
            block_size: block,
            ..Config::default()
        };
        let gpt = Gpt::new(c, &mut rng(seed)).unwrap();
        check_model_gradient(gpt, &[&a, &b], seed);
    }
}

#[test]
fn small_models_gradients_match_finite_differences() {
    let a = encode_name("salameche");
    check_model_gradient(BigramTable::new(L, 0.5, &mut rng(4)), &[&a], 4);
    check_model_gradient(ContextMlp::new(L, 3, 4, 10, &mut rng(5)), &[&a], 5);
}

#[test]
fn untrained_gpt_loss_is_close_to_ln_27() {
    let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
    let l = eval_loss(&gpt, &Dataset::Pokemon.names()[..200]).unwrap();
    assert!((l - 27f32.ln()).abs() < 0.1, "{l}");
}

#[test]
fn gpt_learns_pokemon_deterministically() {
    let names = shuffled(&Dataset::Pokemon.names(), 42);
    let make = || {
        let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
        Trainer::new(
            gpt,
            &names,
            TrainConfig {
                steps: 600,
                ..TrainConfig::default()
            },
        )
        .unwrap()
    };
    let mut a = make();
    let mut b = make();
    while a.advance(37) == Status::Running {}
    assert_eq!(b.advance(10_000), Status::Finished);
    assert_eq!(
        a.losses(),
        b.losses(),
        "same seed, same losses, bit for bit"
    );
    assert_eq!(a.model().params, b.model().params);
    let eval = eval_loss(a.model(), &names[..300]).unwrap();
    assert!(eval < 2.75, "eval loss after 600 steps: {eval}");
    // Reset gives back the untrained model and the same run again.
    a.reset();
    assert_eq!(a.step(), 0);
    a.advance(600);
    assert_eq!(a.losses(), b.losses());
}

#[test]
fn huge_learning_rate_diverges_without_panic() {
    let gpt = Gpt::new(Config::default(), &mut rng(1)).unwrap();
    let mut t = Trainer::new(
        gpt,
        &TEACHING_SET,
        TrainConfig {
            steps: 200,
            lr: 1000.0,
            ..TrainConfig::default()
        },
    )
    .unwrap();
    assert!(
        matches!(t.advance(200), Status::Diverged { .. }),
        "{:?}",
        t.status()
    );
    let table = BigramTable::new(L, 0.0, &mut rng(1));
    let cfg = TrainConfig {
        steps: 100,
        lr: 1e30,
        optimizer: OptimizerKind::Sgd,
        lr_decay: false,
        batch_size: 20,
        test_split: false,
    };
    let mut t = Trainer::new(table, &TEACHING_SET, cfg).unwrap();
    assert!(matches!(t.advance(100), Status::Diverged { .. }));
    // Once diverged, more steps do nothing.
    let step = t.step();
    t.advance(10);
    assert_eq!(t.step(), step);
}

#[test]
fn bad_lists_are_clean_errors() {
    let gpt = || Gpt::new(Config::default(), &mut rng(0)).unwrap();
    let empty: [&str; 0] = [];
    assert_eq!(
        Trainer::new(gpt(), &empty, TrainConfig::default()).err(),
        Some(TrainError::NoData)
    );
    let names = clean("123 🙂 !!! ,,").names;
    assert!(Trainer::new(gpt(), &names, TrainConfig::default()).is_err());
    assert!(Trainer::new(
        gpt(),
        &["ab"],
        TrainConfig {
            lr: f32::NAN,
            ..TrainConfig::default()
        }
    )
    .is_err());
    assert!(Trainer::new(
        gpt(),
        &["ab"],
        TrainConfig {
            lr: -1.0,
            ..TrainConfig::default()
        }
    )
    .is_err());
    // One name, and a name far longer than the block: trains without panic.
    let mut t = Trainer::new(
        gpt(),
        &["a".repeat(100)],
        TrainConfig {
            steps: 20,
            ..TrainConfig::default()
        },
    )
    .unwrap();
    assert_eq!(t.advance(20), Status::Finished);
}

#[test]
fn five_megabytes_of_sentences_stay_whole_or_joined_in_one_pass() {
    let line = "Petit à petit, l’oiseau fait son nid ";
    let lines: Vec<String> = (0..130_000).map(|i| format!("{line}{i}")).collect();
    let text = lines.join("\n");
    assert!(text.len() > 5_000_000);
    let r = Alphabet::Extended.clean(&text);
    assert_eq!(r.names, ["petit à petit, l'oiseau fait son nid"]);
    assert_eq!(r.duplicates.len(), 1);
    // One line of 5 MB without a space in the alphabet: one item, its words joined.
    let r = L.clean(&text.replace('\n', " ").replace(',', ""));
    assert_eq!(r.names.len(), 1);
    assert_eq!(r.joined.len(), 1);
    assert!(r.names[0].starts_with("petitapetitloiseaufaitsonnid"));
}

#[test]
fn a_megabyte_of_random_unicode_is_cleaned_and_trained_on() {
    let mut r = rng(7);
    let text: String = (0..250_000)
        .map(|_| char::from_u32(r.random_range(0..0x2_0000)).unwrap_or('?'))
        .collect();
    assert!(text.len() > 700_000);
    let report = clean(&text);
    assert!(report
        .names
        .iter()
        .all(|n| n.bytes().all(|b| b.is_ascii_lowercase())));
    if !report.names.is_empty() {
        let table = BigramTable::new(L, 0.1, &mut rng(0));
        let mut t = Trainer::new(
            table,
            &report.names,
            TrainConfig {
                steps: 5,
                ..TrainConfig::default()
            },
        )
        .unwrap();
        t.advance(5);
    }
}

#[test]
fn learned_bigram_table_converges_to_the_counted_one() {
    let counts = minigpt::bigram::BigramCounts::from_names(L, &TEACHING_SET);
    let table = BigramTable::new(L, 0.0, &mut rng(0));
    let cfg = TrainConfig {
        steps: 3000,
        lr: 0.1,
        optimizer: OptimizerKind::Adam,
        lr_decay: false,
        batch_size: 20,
        test_split: false,
    };
    let mut t = Trainer::new(table, &TEACHING_SET, cfg).unwrap();
    assert_eq!(t.advance(3000), Status::Finished);
    let counted_nll = counts.nll(&TEACHING_SET, 0.0);
    let learned_nll = *t.losses().last().unwrap();
    assert!(
        (learned_nll - counted_nll).abs() < 0.02,
        "learned {learned_nll} vs counted {counted_nll}"
    );
    let a = L.encode_char('a').unwrap();
    let (learned, counted) = (t.model().probabilities(a), counts.probabilities(a, 0.0));
    for next in 0..L.size() {
        assert!(
            (learned[next] - counted[next]).abs() < 0.03,
            "after a, {next}: {} vs {}",
            learned[next],
            counted[next]
        );
    }
}

#[test]
fn context_mlp_beats_the_bigram_on_pokemon() {
    let names = shuffled(&Dataset::Pokemon.names(), 1);
    let (train, val) = minigpt::data::split(&names, 0.1);
    let mlp = ContextMlp::new(L, 3, 8, 64, &mut rng(3));
    let cfg = TrainConfig {
        steps: 1500,
        lr: 0.01,
        batch_size: 16,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(mlp, &train, cfg).unwrap();
    assert_eq!(t.advance(1500), Status::Finished);
    let mlp_loss = eval_loss(t.model(), &val).unwrap();
    let bigram_loss = minigpt::bigram::BigramCounts::from_names(L, &train).nll(&val, 0.1);
    assert!(
        mlp_loss < bigram_loss,
        "context model {mlp_loss} vs bigram {bigram_loss}"
    );
    assert_eq!(
        ContextMlp::count_params(27, 3, 8, 64),
        t.model().params.count()
    );
}

#[test]
fn trace_shows_causal_attention_and_probabilities() {
    let gpt = Gpt::new(
        Config {
            n_layer: 2,
            ..Config::default()
        },
        &mut rng(9),
    )
    .unwrap();
    let tokens = encode_name("pik");
    let tokens = &tokens[..4]; // ".pik"
    let trace = gpt.trace(tokens);
    assert_eq!(trace.attention.len(), 2);
    assert_eq!(trace.attention[0].len(), 4);
    for head in &trace.attention[1] {
        for (t, row) in head.iter().enumerate() {
            assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-5);
            assert!(row[t + 1..].iter().all(|&w| w == 0.0));
        }
    }
    assert_eq!(trace.probs.len(), 4);
    assert!(trace
        .probs
        .iter()
        .all(|p| (p.iter().sum::<f32>() - 1.0).abs() < 1e-5));
    assert_eq!(trace.mlp_hidden[0][0].len(), 64);
    // The trace's last probabilities are the ones generation uses.
    let logits = gpt.next_logits(&mut Tape::new(), tokens);
    assert_eq!(trace.logits[3], logits);
    // A context longer than the block slides instead of panicking.
    let long = encode_name(&"z".repeat(40));
    assert_eq!(gpt.trace(&long).tokens.len(), 16);
}

#[test]
fn save_and_load_give_identical_predictions() {
    let gpt = Gpt::new(
        Config {
            n_embd: 8,
            n_head: 2,
            ..Config::default()
        },
        &mut rng(5),
    )
    .unwrap();
    let json = saved::to_json(&gpt, "pokemon, 10 steps");
    let (back, note) = saved::from_json(&json).unwrap();
    assert_eq!(note, "pokemon, 10 steps");
    assert_eq!(back, gpt);
    let ctx = encode_name("bul");
    assert_eq!(
        back.next_logits(&mut Tape::new(), &ctx[..4]),
        gpt.next_logits(&mut Tape::new(), &ctx[..4])
    );
}

#[test]
fn wrong_or_damaged_files_are_refused() {
    use saved::{from_json, LoadError};
    let gpt = Gpt::new(Config::default(), &mut rng(5)).unwrap();
    let json = saved::to_json(&gpt, "");
    assert!(matches!(from_json(""), Err(LoadError::NotAModel(_))));
    assert!(matches!(
        from_json("{\"hello\": 1}"),
        Err(LoadError::NotAModel(_))
    ));
    assert!(matches!(
        from_json(&json[..json.len() / 2]),
        Err(LoadError::NotAModel(_))
    ));
    assert!(matches!(
        from_json(&json.replace("\"version\":3", "\"version\":7")),
        Err(LoadError::UnknownVersion(7))
    ));
    assert!(matches!(
        from_json(&json.replace("\"n_embd\":16", "\"n_embd\":32")),
        Err(LoadError::Damaged(_))
    ));
    assert!(matches!(
        from_json(&json.replace("\"n_head\":4", "\"n_head\":3")),
        Err(LoadError::Damaged(_))
    ));
    assert!(from_json(&json.replacen("\"data\":[", "\"data\":[1e999,", 1)).is_err());
}

#[test]
fn files_of_version_1_still_load_as_letters_models() {
    let gpt = Gpt::new(Config::default(), &mut rng(6)).unwrap();
    let v3 = saved::to_json(&gpt, "old");
    assert!(v3.contains("\"version\":3") && v3.contains("\"alphabet\":\"letters\""));
    // What version 1 wrote: no alphabet in the config.
    let v1 = v3
        .replace("\"version\":3", "\"version\":1")
        .replace(",\"alphabet\":\"letters\"", "");
    assert!(!v1.contains("alphabet"));
    let (back, note) = saved::from_json(&v1).unwrap();
    assert_eq!((back, note.as_str()), (gpt, "old"));
}

#[test]
fn extended_models_check_gradients_and_save() {
    let ext = Alphabet::Extended;
    let c = Config {
        n_embd: 8,
        n_head: 2,
        block_size: 8,
        ..Config::default()
    }
    .with_alphabet(ext);
    let gpt = Gpt::new(c, &mut rng(11)).unwrap();
    assert_eq!(gpt.params.count(), c.param_count());
    assert_eq!(gpt.params.get("wte").unwrap().rows, 46);
    let (a, b) = (ext.encode_name("jean-noël"), ext.encode_name("maëlys"));
    check_model_gradient(gpt.clone(), &[&a, &b], 11);
    let (back, _) = saved::from_json(&saved::to_json(&gpt, "mots")).unwrap();
    assert_eq!(back, gpt);
    assert_eq!(back.config.alphabet, ext);
    // A file whose vocabulary does not match its alphabet is damaged.
    let json = saved::to_json(&gpt, "").replace("\"vocab\":46", "\"vocab\":27");
    assert!(matches!(
        saved::from_json(&json),
        Err(saved::LoadError::Damaged(_))
    ));
    let mut t = Trainer::new(
        gpt,
        &ext.clean("Éloïse, Jean-Noël, Maëlys, Chloé, Inès, Noé")
            .names,
        TrainConfig {
            steps: 30,
            batch_size: 3,
            ..TrainConfig::default()
        },
    )
    .unwrap();
    assert_eq!(t.advance(30), Status::Finished);
    assert!(t.losses()[29] < t.losses()[0]);
}

#[test]
fn a_batch_loss_is_the_mean_over_every_letter() {
    let gpt = Gpt::new(Config::default(), &mut rng(3)).unwrap();
    let docs: Vec<Vec<usize>> = ["pikachu", "evoli", "a", &"z".repeat(30)]
        .iter()
        .map(|n| encode_name(n))
        .collect();
    let refs: Vec<&[usize]> = docs.iter().map(Vec::as_slice).collect();
    let mut tape = Tape::new();
    let mut vars = Vec::new();
    gpt.params.load_into(&mut tape, &mut vars);
    let l = gpt.loss(&mut tape, &vars, &refs).unwrap();
    let batch = tape.scalar(l) as f64;
    let (mut sum, mut n) = (0.0f64, 0usize);
    for d in &refs {
        tape.clear();
        gpt.params.load_into(&mut tape, &mut vars);
        let l = gpt.loss(&mut tape, &vars, &[d]).unwrap();
        let k = gpt.trained_positions(d);
        sum += tape.scalar(l) as f64 * k as f64;
        n += k;
    }
    assert_eq!(
        n,
        8 + 6 + 2 + 16,
        "the 30-letter name is cropped to the block"
    );
    assert!(
        (batch - sum / n as f64).abs() < 1e-5,
        "{batch} vs {}",
        sum / n as f64
    );
}

#[test]
fn batched_training_is_deterministic_for_a_thread_count() {
    let names = shuffled(&Dataset::Prenoms.names(), 42);
    let config = Config {
        n_embd: 64,
        n_head: 4,
        n_layer: 2,
        block_size: 32,
        ..Config::default()
    };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let gpt = Gpt::new(config, &mut rng(42)).unwrap();
            let cfg = TrainConfig {
                steps: 12,
                batch_size: 32,
                test_split: true,
                ..TrainConfig::default()
            };
            let mut t = Trainer::new(gpt, &names, cfg).unwrap();
            t.advance(12);
            (t.losses().to_vec(), t.test_loss().unwrap())
        })
    };
    let (one, two) = (run(1), run(2));
    assert_eq!(two, run(2), "same thread count, same bits");
    assert_eq!(one, run(1));
    // Two threads add the two halves' gradients: the same sums, rounded in another order.
    for (a, b) in one.0.iter().zip(&two.0) {
        assert!((a - b).abs() < 1e-4, "{a} vs {b}");
    }
    assert!((one.1 - two.1).abs() < 1e-4);
    assert!(one.0[11] < one.0[0], "{:?}", one.0);
}

#[test]
fn the_held_out_names_are_never_trained_on() {
    let names = shuffled(&Dataset::Pokemon.names(), 42);
    let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
    let cfg = TrainConfig {
        steps: 300,
        batch_size: 4,
        test_split: true,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(gpt, &names, cfg).unwrap();
    assert_eq!((t.doc_count(), t.test_count()), (921, 102));
    let before = t.test_loss().unwrap();
    t.advance(300);
    let after = t.test_loss().unwrap();
    assert!(after < before - 0.5, "{before} → {after}");
    // The held-out loss is the eval loss of exactly the last 102 names.
    assert_eq!(Some(after), eval_loss(t.model(), &names[921..]));
    // Differential: the split trains the very model that the first 921 names alone train, bit
    // for bit (a held-out name that leaked into a batch would change it).
    let alone = {
        let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
        let cfg = TrainConfig {
            test_split: false,
            ..cfg
        };
        let mut t = Trainer::new(gpt, &names[..921], cfg).unwrap();
        t.advance(300);
        t.model().flat_params()
    };
    assert!(
        alone
            .iter()
            .zip(t.model().flat_params())
            .all(|(a, b)| a.to_bits() == b.to_bits()),
        "training with the split differs from training on the first 921 names alone"
    );
    // Big lists keep at most 1,000 names aside; tiny ones at least one.
    let gpt = Gpt::new(Config::default(), &mut rng(1)).unwrap();
    let big = Trainer::new(gpt.clone(), &Dataset::Prenoms.names(), cfg).unwrap();
    assert_eq!(big.test_count(), 1000);
    let tiny = Trainer::new(gpt, &["ab", "cd"], cfg).unwrap();
    assert_eq!((tiny.doc_count(), tiny.test_count()), (1, 1));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn clean_never_panics_and_keeps_only_letters(text in "\\PC{0,200}") {
        let r = clean(&text);
        prop_assert!(r.names.iter().all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase())));
    }

    /// With the extended alphabet: every item is writable, trimmed, and its joining signs
    /// (space, hyphen, apostrophe, comma) are never at an end nor twice in a row.
    #[test]
    fn extended_items_are_tidy(text in "(\\PC|[ ,'’\n-]){0,200}") {
        let r = Alphabet::Extended.clean(&text);
        for item in &r.names {
            prop_assert!(!item.is_empty() && Alphabet::Extended.can_write(item));
            let joiner = |c: char| " -',".contains(c);
            prop_assert!(!item.starts_with(joiner) && !item.ends_with(joiner), "{:?}", item);
            let chars: Vec<char> = item.chars().collect();
            prop_assert!(chars.windows(2).all(|w| !(joiner(w[0]) && w[0] == w[1])), "{:?}", item);
        }
    }

    #[test]
    fn training_on_any_text_never_panics(text in "\\PC{0,60}", lr in 0.0f32..2000.0, block in 1usize..6) {
        let names = clean(&text).names;
        let gpt = Gpt::new(Config { block_size: block, n_embd: 4, n_head: 2, ..Config::default() }, &mut rng(0)).unwrap();
        if let Ok(mut t) = Trainer::new(gpt, &names, TrainConfig { steps: 5, lr, ..TrainConfig::default() }) {
            t.advance(5);
            let (name, _) = minigpt::sample::generate(t.model(), "ab", 1.0, 20, &mut rng(1));
            prop_assert!(name.len() <= 20);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Big pastes with repeats: every distinct name once, in order of first appearance,
    /// every repeated one reported once (the cleaning stays linear: no list search per name).
    #[test]
    fn cleaning_large_lists_with_repeats_keeps_each_name_once(
        words in proptest::collection::vec("[a-z]{1,8}", 1..400),
        copies in 1usize..40,
    ) {
        let text: String = (0..copies).map(|_| words.join(", ")).collect::<Vec<_>>().join("\n");
        let r = clean(&text);
        let mut seen = std::collections::HashSet::new();
        let expected: Vec<&String> = words.iter().filter(|w| seen.insert(*w)).collect();
        prop_assert_eq!(r.names.iter().collect::<Vec<_>>(), expected);
        let mut counts = std::collections::HashMap::new();
        for w in &words {
            *counts.entry(w).or_insert(0usize) += copies;
        }
        prop_assert_eq!(r.duplicates.len(), counts.values().filter(|&&c| c > 1).count());
    }

    /// Model files: a size over the limit is refused before its numbers are read; weights
    /// that are huge are refused; any note comes back short and without hidden characters.
    #[test]
    fn model_files_are_bounded_in_size_weights_and_note(
        note in "\\PC{0,3000}",
        scale in prop_oneof![Just(1.0f32), 1e4f32..1e30],
        n_layer in 1usize..3,
    ) {
        use saved::{from_json_within, LoadError, Limits};
        let config = Config { n_layer, ..Config::default() };
        let mut gpt = Gpt::new(config, &mut rng(2)).unwrap();
        for m in &mut gpt.params.matrices { for w in &mut m.data { *w *= scale; } }
        let json = saved::to_json(&gpt, &format!("{note}\u{202e}\u{0007}"));
        let limits = Limits { max_params: 5000, ..Limits::default() };
        match from_json_within(&json, &limits) {
            Ok((_, back)) => {
                prop_assert!(scale == 1.0 && config.param_count() <= 5000);
                prop_assert!(back.chars().count() <= limits.max_note_chars);
                let hidden = back.contains('\u{202e}') || back.contains('\u{0007}');
                prop_assert!(!hidden);
            }
            Err(LoadError::TooBig(n)) => prop_assert!(n > 5000),
            Err(LoadError::AbsurdWeights) => prop_assert!(scale > 1.0),
            Err(e) => return Err(TestCaseError::fail(format!("unexpected refusal {e:?}"))),
        }
    }
}

#[test]
fn a_huge_model_is_refused_without_reading_its_numbers() {
    use saved::{from_json_within, Limits, LoadError};
    // A file that claims a model of 4 layers of 256 numbers, with only a few numbers in it:
    // refused for its size, not for its (absent) numbers.
    let config = Config {
        n_embd: 256,
        n_head: 4,
        n_layer: 4,
        block_size: 64,
        ..Config::default()
    };
    let text = format!(
        "{{\"format\":\"tuto-llm-minigpt\",\"version\":2,\"config\":{},\"note\":\"\",\"params\":{{\"matrices\":[]}}}}",
        serde_json::to_string(&config).unwrap()
    );
    assert_eq!(
        from_json_within(
            &text,
            &Limits {
                max_params: 250_000,
                ..Limits::default()
            }
        ),
        Err(LoadError::TooBig(config.param_count()))
    );
}

#[test]
fn the_layout_is_the_one_order_of_the_weights() {
    use minigpt::models::gpt::{Role, Weights};
    let c = Config {
        n_embd: 8,
        n_head: 2,
        n_layer: 2,
        block_size: 8,
        ..Config::default()
    };
    let gpt = Gpt::new(c, &mut rng(5)).unwrap();
    let layout: Vec<_> = c.layout().collect();
    let names: Vec<&str> = gpt
        .params
        .matrices
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let listed: Vec<String> = layout.iter().map(|s| s.role.name()).collect();
    assert_eq!(names, listed);
    // Written out, not computed: swapping two matrices in the code fails here.
    let mut written = vec![("wte", 27, 8), ("wpe", 8, 8), ("lm_head", 27, 8)];
    let per_layer = [
        ("attn_wq", 8, 8),
        ("attn_wk", 8, 8),
        ("attn_wv", 8, 8),
        ("attn_wo", 8, 8),
        ("mlp_fc1", 32, 8),
        ("mlp_fc2", 8, 32),
    ];
    let layer_names: Vec<(String, usize, usize)> = (0..2)
        .flat_map(|l| per_layer.map(|(n, r, c)| (format!("layer{l}.{n}"), r, c)))
        .collect();
    written.extend(layer_names.iter().map(|(n, r, c)| (n.as_str(), *r, *c)));
    let shapes: Vec<(&str, usize, usize)> = gpt
        .params
        .matrices
        .iter()
        .map(|m| (m.name.as_str(), m.rows, m.cols))
        .collect();
    assert_eq!(shapes, written);
    assert_eq!(
        layout.iter().map(|s| s.rows * s.cols).sum::<usize>(),
        c.param_count()
    );
    // Numbers travel flat and come back as the same model; a wrong length is refused.
    let flat = gpt.flat_params();
    assert_eq!(Gpt::from_flat(c, &flat), Some(gpt.clone()));
    assert_eq!(Gpt::from_flat(c, &flat[1..]), None);
    // The typed view names each var by its role in the layout.
    let mut tape = Tape::new();
    let mut vars = Vec::new();
    gpt.params.load_into(&mut tape, &mut vars);
    let w = Weights::new(&vars, &c);
    let at = |role: Role| vars[layout.iter().position(|s| s.role == role).unwrap()];
    assert_eq!(w.wte, at(Role::Wte));
    assert_eq!(w.lm_head, at(Role::LmHead));
    assert_eq!(w.layers[1].wq, at(Role::Wq(1)));
    assert_eq!(w.layers[1].fc2, at(Role::Fc2(1)));
    assert_eq!(tape.value(w.layers[0].fc1).len(), 4 * 8 * 8);
}

/// A phase-2-like trainer whose steps are big enough to be cut into parts.
fn splittable_trainer(steps: usize) -> Trainer<Gpt> {
    let names = shuffled(&Dataset::Prenoms.names(), 42);
    let config = Config {
        n_embd: 32,
        n_head: 4,
        n_layer: 2,
        block_size: 32,
        ..Config::default()
    };
    let gpt = Gpt::new(config, &mut rng(7)).unwrap();
    let cfg = TrainConfig {
        steps,
        lr: 0.005,
        batch_size: 32,
        ..TrainConfig::default()
    };
    Trainer::new(gpt, &names, cfg).unwrap()
}

#[test]
fn a_step_shared_by_separate_trainers_has_the_bits_of_advance() {
    for parts in [1, 2, 3] {
        let mut whole = splittable_trainer(5);
        whole.set_parts(parts);
        whole.advance(5);
        // Each "worker" has its own trainer; they add their parts in order, then all apply.
        let mut team: Vec<Trainer<Gpt>> = (0..parts).map(|_| splittable_trainer(5)).collect();
        team.iter_mut().for_each(|t| t.set_parts(parts));
        let mut grads = vec![Vec::new(); parts];
        for _ in 0..5 {
            let cut = team[0].next_step_parts();
            assert_eq!(cut, parts);
            let mut loss = 0.0f32;
            let mut present = Vec::new();
            for (rank, t) in team.iter_mut().enumerate() {
                if let Some(l) = t.part_gradient(rank, &mut grads[rank]) {
                    loss += l;
                    present.push(rank);
                }
            }
            let mut sum = grads[present[0]].clone();
            for &r in &present[1..] {
                minigpt::train::add_gradient(&grads[r], &mut sum);
            }
            for t in &mut team {
                let status = t.apply(loss, &sum);
                assert!(matches!(status, Status::Running | Status::Finished));
            }
        }
        for t in &team {
            assert_eq!(t.losses(), whole.losses(), "{parts} parts");
            assert_eq!(t.model(), whole.model(), "{parts} parts");
        }
    }
}

#[test]
fn a_run_carries_on_from_its_checkpoint_with_the_same_bits() {
    let mut original = splittable_trainer(10);
    original.advance(4);
    let checkpoint = original.checkpoint();
    original.advance(6);
    let mut elsewhere = splittable_trainer(10);
    assert!(elsewhere.resume(&checkpoint));
    assert_eq!(elsewhere.step(), 4);
    assert_eq!(elsewhere.advance(6), Status::Finished);
    assert_eq!(elsewhere.losses(), original.losses());
    assert_eq!(elsewhere.model(), original.model());
    assert_eq!(elsewhere.tokens_seen(), original.tokens_seen());
    // A checkpoint of another model is refused and changes nothing.
    let mut other = Trainer::new(
        Gpt::new(Config::default(), &mut rng(1)).unwrap(),
        &["lea", "jean"],
        TrainConfig::default(),
    )
    .unwrap();
    let before = other.model().clone();
    assert!(!other.resume(&checkpoint));
    assert_eq!((other.step(), other.model()), (0, &before));
}

#[test]
fn parts_share_the_letters_and_a_part_may_have_no_name() {
    // One long name and seven short ones cut into 8 parts: the long name's part takes most
    // of the letters, and some parts get no name at all.
    let names = [
        "abcdefghijklmnopqrstuvwxyzabcd",
        "abc",
        "bcd",
        "cde",
        "def",
        "efg",
        "fgh",
        "ghi",
    ];
    let config = Config::phase2();
    let make = || {
        let gpt = Gpt::new(config, &mut rng(3)).unwrap();
        let cfg = TrainConfig {
            steps: 2,
            batch_size: 8,
            ..TrainConfig::default()
        };
        let mut t = Trainer::new(gpt, &names, cfg).unwrap();
        t.set_parts(8);
        t
    };
    let mut whole = make();
    assert_eq!(whole.next_step_parts(), 8);
    let mut probe = make();
    let mut grads = Vec::new();
    let empty = (0..8)
        .filter(|&i| probe.part_gradient(i, &mut grads).is_none())
        .count();
    assert!(empty > 0, "some parts have no name");
    assert_eq!(whole.advance(2), Status::Finished);
    assert!(whole.losses().iter().all(|l| l.is_finite()));
}
