//! What the lessons and the teachers' answer key say, measured with the core crate (convention
//! 10: the page's claims hold). Each test reads the number from the French the pupil or the
//! teacher reads (`course::content`) and measures it: change a number in the text and its test
//! fails until the measurement agrees. Where a sentence states no number, the test's doc names
//! the sentence it backs.
//!
//! Native only: the measurements train real models, too slow for the browser run of this crate.
#![cfg(not(target_arch = "wasm32"))]

use course::content::{bonus, l1, l2, l3, l5, teachers, widgets};
use course::ids;
use course::rules::l2::LEARNING_RATES;
use course::text::fr;
use minigpt::bigram::BigramCounts;
use minigpt::data::{shuffled, split, Dataset, TEACHING_SET};
use minigpt::optim::OptimizerKind;
use minigpt::sample::{generate, probabilities_at};
use minigpt::train::{eval_loss, held_out_count};
use minigpt::{
    Alphabet, BigramTable, Config, ContextMlp, Gpt, Model, Status, Tape, TrainConfig, Trainer,
};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

const L: Alphabet = Alphabet::Letters;

fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// A number as a French sentence writes it: « 100 000 », « 3,30 », « 42 millions ».
#[derive(Clone, Debug)]
struct Stated {
    value: f64,
    /// The smallest step the writing shows: 0,01 for « 3,30 », 10 000 for « 870 000 », a
    /// million for « 42 millions ».
    step: f64,
}

impl Stated {
    fn int(&self) -> usize {
        assert!(self.value.fract() == 0.0, "{self:?} is not a whole number");
        self.value as usize
    }

    /// « environ 42 millions », « 3,30 »: `measured` rounds to what is written.
    fn rounds(&self, measured: f64) -> bool {
        (measured - self.value).abs() <= self.step / 2.0 + 1e-9 * self.value.abs()
    }
}

/// Every number of a French text, in order. Groups of three digits are joined by a
/// non-breaking space (`\u{a0}` or `\u{202f}`), decimals follow a comma; « millions » and
/// « milliards » after a number multiply it.
fn numbers(text: &str) -> Vec<Stated> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && (digit(i - 1) || chars[i - 1] == ',')) {
            i += 1;
            continue;
        }
        let (mut whole, mut decimals) = (String::new(), String::new());
        while i < chars.len() {
            if digit(i) {
                whole.push(chars[i]);
                i += 1;
            } else if matches!(chars[i], '\u{a0}' | '\u{202f}')
                && (1..=3).all(|k| digit(i + k))
                && !digit(i + 4)
            {
                i += 1;
            } else {
                break;
            }
        }
        if chars.get(i) == Some(&',') && digit(i + 1) {
            i += 1;
            while digit(i) {
                decimals.push(chars[i]);
                i += 1;
            }
        }
        let rest: String = chars[i..].iter().take(12).collect();
        let rest = rest.trim_start_matches([' ', '\u{a0}']);
        let scale = if rest.starts_with("milliard") {
            1e9
        } else if rest.starts_with("million") {
            1e6
        } else {
            1.0
        };
        let zeros = if decimals.is_empty() {
            whole.len() - whole.trim_end_matches('0').len().max(1)
        } else {
            0
        };
        let value: f64 = format!("{whole}.{decimals}0").parse().expect("digits");
        let step = 10f64.powi(zeros as i32 - decimals.len() as i32) * scale;
        found.push(Stated {
            value: value * scale,
            step,
        });
    }
    found
}

/// The numbers of `text` after `anchor`, which must be in it: if the sentence changed, the
/// test says which words it looked for.
fn after(text: &str, anchor: &str) -> Vec<Stated> {
    let at = text
        .find(anchor)
        .unwrap_or_else(|| panic!("the text no longer says « {anchor} »: « {text} »"));
    numbers(&text[at + anchor.len()..])
}

/// The first number of `text` after `anchor`.
fn first(text: &str, anchor: &str) -> Stated {
    after(text, anchor)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no number after « {anchor} » in « {text} »"))
}

fn key(id: &str) -> &'static str {
    teachers::key(id)
        .expect("the answer key has every exercise")
        .expected
}

#[test]
fn french_numbers_are_read_as_written() {
    let n = numbers("sur 100\u{a0}000 noms, environ 35, 3,30 et 42 millions, 1\u{202f}024 × 16, 2,2 (taux 3 à 100)");
    let values: Vec<f64> = n.iter().map(|s| s.value).collect();
    assert_eq!(
        values,
        [100_000.0, 35.0, 3.3, 42e6, 1024.0, 16.0, 2.2, 3.0, 100.0]
    );
    assert_eq!(n[2].step, 0.01);
    assert_eq!(n[3].step, 1e6);
    assert_eq!(numbers("870\u{a0}000")[0].step, 1e4);
    assert!(numbers("870\u{a0}000")[0].rounds(865_856.0));
    assert!(!numbers("3,30")[0].rounds(3.306));
    assert_eq!(numbers("175 milliards")[0].value, 175e9);
}

/// Lesson 1, `POKEDEX_FACT`: « sur 100 000 noms inventés, environ 35 sont de vrais Pokémon, et
/// presque tous sont des copies de nos 20 noms ». « Environ » for a count drawn at random:
/// within a factor of 1.5 of the stated number; « presque tous »: 80 % or more.
#[test]
fn lesson1_few_invented_names_are_real_pokemon() {
    let fact = l1::POKEDEX_FACT;
    let invented = first(fact, "sur ").int();
    let about = first(fact, "environ ").value;
    assert_eq!(first(fact, "copies de nos ").int(), TEACHING_SET.len());
    let table = BigramCounts::from_names(L, &TEACHING_SET);
    let pokemon = Dataset::Pokemon.names();
    let mut r = rng(1);
    let (mut real, mut copies) = (0, 0);
    for _ in 0..invented {
        let name: String = table
            .generate(&mut r, 30)
            .into_iter()
            .map(|(c, _)| c)
            .filter(|&c| c != '.')
            .collect();
        if pokemon.contains(&name.as_str()) {
            real += 1;
            copies += TEACHING_SET.contains(&name.as_str()) as usize;
        }
    }
    println!("{real} real Pokémon in {invented} names, {copies} of them among the 20");
    let measured = real as f64;
    assert!(
        measured >= about / 1.5 && measured <= about * 1.5,
        "« environ {about} »: {real}"
    );
    assert!(
        copies * 10 >= real * 8,
        "« presque tous des copies »: {copies} of {real}"
    );
}

fn lesson2_run(lr: f32) -> (Status, f32) {
    let model = BigramTable::new(L, 0.0, &mut rng(2));
    let cfg = TrainConfig {
        steps: 100,
        lr,
        optimizer: OptimizerKind::Sgd,
        lr_decay: false,
        batch_size: TEACHING_SET.len(),
        test_split: false,
    };
    let mut t = Trainer::new(model, &TEACHING_SET, cfg).unwrap();
    let status = t.advance(100);
    (status, t.losses().last().copied().unwrap_or(f32::NAN))
}

/// Lesson 2: `TRAIN_NOTE` (« la courbe part de 3,30 ») and `E3_RIGHT` (« 1 chance sur 27
/// partout : la loss vaut 3,30 »); the answer key of l2.e4: the slider's rates from 3 to 100
/// end under 2,2, from 1 000 up explode. Its smallest rate (0,1, no number in the text) backs
/// `LR`: « Trop petit : le modèle […] n'apprend presque rien » (it stays above 3).
#[test]
fn lesson2_learning_rates_do_what_the_lesson_says() {
    let zero = BigramTable::new(L, 0.0, &mut rng(2));
    let start = eval_loss(&zero, &TEACHING_SET).unwrap();
    assert_eq!(first(l2::E3_RIGHT, "1 chance sur ").int(), L.size());
    for stated in [
        first(l2::TRAIN_NOTE, "part de "),
        first(l2::E3_RIGHT, "la loss vaut "),
    ] {
        assert!(
            stated.rounds(start.into()),
            "all weights at zero: {start}, said {stated:?}"
        );
    }
    let answer = key(ids::L2_E4);
    let explodes = first(answer, "explose (taux ").value as f32;
    let learned = after(answer, "finit sous ");
    let (under, low, high) = (
        learned[0].value as f32,
        learned[1].value as f32,
        learned[2].value as f32,
    );
    assert_eq!(
        first(l2::E4_PROMPT, "loss finale sous ").value as f32,
        under
    );
    for lr in LEARNING_RATES
        .into_iter()
        .filter(|lr| (low..=high).contains(lr))
    {
        let (status, last) = lesson2_run(lr);
        assert_eq!(status, Status::Finished, "rate {lr}");
        assert!(last < under, "rate {lr}: last loss {last}");
    }
    // « Explosé » as the page judges it (training.rs): diverged, or ending 0,5 above its start.
    for lr in LEARNING_RATES.into_iter().filter(|&lr| lr >= explodes) {
        let (status, last) = lesson2_run(lr);
        let exploded = matches!(status, Status::Diverged { .. }) || last > start + 0.5;
        assert!(exploded, "rate {lr} explodes: {status:?}, last loss {last}");
    }
    let (_, slow) = lesson2_run(LEARNING_RATES[0]);
    assert!(
        slow > 3.0,
        "rate {} barely learns: {slow}",
        LEARNING_RATES[0]
    );
}

/// Lesson 3 (`E3_PROMPT`: 1 and 3 letters; `E5_PROMPT`: 5 rather than 3) and its answer key:
/// l3.e3 « Mesuré : 2,56 avec 1 lettre, 2,49 avec 3 lettres sur les noms jamais vus », « moins
/// de 0,2 d'écart »; l3.e5 « noms appris 2,12 → 1,98 ; jamais vus 2,49 → 2,62 ». 3 letters also
/// beat the counted table of lesson 1 on names never seen.
#[test]
fn lesson3_more_memory_helps_then_learns_by_heart() {
    let (e3, e5) = (key(ids::L3_E3), key(ids::L3_E5));
    let memories = numbers(l3::E3_PROMPT);
    let (one_k, three_k) = (memories[0].int(), memories[1].int());
    let more = numbers(l3::E5_PROMPT);
    let five_k = more[0].int();
    assert_eq!(more[1].int(), three_k);
    let names: Vec<String> = shuffled(&Dataset::Pokemon.names(), 3)
        .into_iter()
        .map(String::from)
        .collect();
    let (train, validation) = split(&names, 0.1);
    let bigram = BigramCounts::from_names(L, &train).nll(&validation, 0.1);
    let run = |k: usize| {
        let model = ContextMlp::new(L, k, 8, 64, &mut rng(3));
        let cfg = TrainConfig {
            steps: 1500,
            lr: 0.01,
            batch_size: 16,
            ..TrainConfig::default()
        };
        let mut t = Trainer::new(model, &train, cfg).unwrap();
        t.advance(1500);
        (
            eval_loss(t.model(), &train).unwrap(),
            eval_loss(t.model(), &validation).unwrap(),
        )
    };
    let (one, three, five) = (run(one_k), run(three_k), run(five_k));
    println!("bigram {bigram:.3}; k=1 {one:?}; k=3 {three:?}; k=5 {five:?}");
    let unseen = after(e3, "Mesuré");
    let gap = first(e3, "moins de ").value as f32;
    assert!(
        unseen[0].rounds(one.1.into()),
        "1 letter, unseen: {}",
        fr(one.1, 2)
    );
    assert!(
        unseen[2].rounds(three.1.into()),
        "3 letters, unseen: {}",
        fr(three.1, 2)
    );
    assert!(
        three.1 < one.1 && one.1 - three.1 < gap && three.1 < bigram,
        "3 letters guess unseen names best, by less than {gap}"
    );
    let learned = after(e5, "noms appris ");
    let unseen = after(e5, "jamais vus ");
    let said = [
        (&learned[0], three.0),
        (&learned[1], five.0),
        (&unseen[0], three.1),
        (&unseen[1], five.1),
    ];
    for (stated, measured) in said {
        assert!(
            stated.rounds(measured.into()),
            "l3.e5 says {stated:?}, measured {measured}"
        );
    }
    assert!(
        five.0 < three.0,
        "5 letters recite the learned names better"
    );
    assert!(five.1 > three.1, "…and guess the unseen ones worse");
}

/// Widgets `EXTENDED_NOTE` (« é è ê ë à â î ï ô û ù ü ç œ æ, le trait d'union, l'espace,
/// l'apostrophe et la virgule : 46 jetons au lieu de 27 ») and the bonus's `DICTIONARY`
/// (« 26 lettres sans accent », « 46 jetons », « 13 407 mots »).
#[test]
fn the_extended_alphabet_has_the_tokens_the_lessons_list() {
    let note = widgets::EXTENDED_NOTE;
    let (letters, rest) = note.split_once(',').expect("the letters, then the signs");
    let mut listed: String = letters.split_whitespace().collect();
    for (words, sign) in [
        ("trait d'union", '-'),
        ("l'espace", ' '),
        ("l'apostrophe", '\''),
        ("la virgule", ','),
    ] {
        assert!(rest.contains(words), "« {words} » in « {note} »");
        listed.push(sign);
    }
    let after_letters: String = Alphabet::Extended.symbols()[L.size()..].iter().collect();
    assert_eq!(after_letters, listed);
    let tokens = after(note, ":");
    assert_eq!(
        (tokens[0].int(), tokens[1].int()),
        (Alphabet::Extended.size(), L.size())
    );
    let dictionary = bonus::DICTIONARY;
    assert_eq!(
        first(dictionary, "que ").int(),
        L.size() - 1,
        "26 letters and the « . »"
    );
    assert_eq!(
        first(dictionary, "étendu (").int(),
        Alphabet::Extended.size()
    );
    assert_eq!(
        first(dictionary, "apprend ").int(),
        Dataset::Mots.names().len()
    );
}

/// Lesson 5, `PARAMS`: with cards of 16, a layer holds 3 072 weights, 1 024 for attention (4
/// tables of 16 × 16) and 2 048 for the network (2 tables of 16 × 64), the rest 1 120, the
/// model 4 192 (also the first row of `GIANTS` and the bonus's `INTRO`): read from the
/// model's own matrices.
#[test]
fn lesson5_parameter_counts() {
    let text = l5::PARAMS;
    let card = first(text, "cartes de ").int();
    let layer = first(text, "contient ").int();
    let attention = after(text, "poids\u{a0}:");
    let network = after(text, ") et ");
    let (rest, model) = (first(text, "en contient ").int(), first(text, "= ").int());
    let one = Config::default();
    assert_eq!(one.n_embd, card);
    let gpt = Gpt::new(one, &mut rng(5)).unwrap();
    let sum = |part: &str| -> (usize, usize, Vec<(usize, usize)>) {
        let ms: Vec<_> = gpt
            .params()
            .matrices
            .iter()
            .filter(|m| m.name.starts_with(part))
            .collect();
        let shapes = ms
            .iter()
            .map(|m| (m.rows.min(m.cols), m.rows.max(m.cols)))
            .collect();
        (ms.iter().map(|m| m.data.len()).sum(), ms.len(), shapes)
    };
    let (attn, attn_tables, attn_shapes) = sum("layer0.attn_");
    let (mlp, mlp_tables, mlp_shapes) = sum("layer0.mlp_");
    assert_eq!(attn, attention[0].int(), "attention's weights");
    assert_eq!(attn_tables, attention[1].int());
    assert!(attn_shapes
        .iter()
        .all(|&s| s == (attention[2].int(), attention[3].int())));
    assert_eq!(mlp, network[0].int(), "the network's weights");
    assert_eq!(mlp_tables, network[1].int());
    assert!(mlp_shapes
        .iter()
        .all(|&s| s == (network[2].int(), network[3].int())));
    assert_eq!(attn + mlp, layer);
    assert_eq!(gpt.params().count(), model);
    assert_eq!(one.param_count(), model);
    assert_eq!(Config { n_layer: 2, ..one }.param_count() - model, layer);
    assert_eq!(model - layer, rest);
    assert_eq!(numbers(l5::GIANTS[0].1)[0].int(), model);
    assert_eq!(first(bonus::INTRO, "mini-GPT de ").int(), model);
}

/// Lesson 5, `GIANTS_NOTE`: GPT-3 (175 milliards in `GIANTS`) has « environ 42 millions de fois
/// plus » parameters than our mini-GPT. The bonus's `MODELS` (its large model: 4 layers, cards
/// of 64, the phase-2 model) and `e2_right`: « GPT-3 en a encore 870 000 fois plus que notre
/// grand modèle ».
#[test]
fn gpt3_is_so_many_times_bigger() {
    let gpt3 = l5::GIANTS
        .iter()
        .find(|g| g.0.starts_with("GPT-3"))
        .expect("GPT-3's row");
    let gpt3 = numbers(gpt3.1)[0].value;
    let times = gpt3 / Config::default().param_count() as f64;
    let said = first(l5::GIANTS_NOTE, "environ ");
    assert!(
        said.rounds(times),
        "GPT-3 is {times} times bigger, the text says {}",
        said.value
    );
    let large = Config::phase2();
    let shape = numbers(bonus::MODELS[2].1);
    assert_eq!(
        (shape[0].int(), shape[1].int()),
        (large.n_layer, large.n_embd)
    );
    assert_eq!(large.param_count(), 202_112);
    let times = gpt3 / large.param_count() as f64;
    let said = first(&bonus::e2_right(1.0), "encore ");
    assert!(
        said.rounds(times),
        "GPT-3 is {times} times bigger than the large model, the text says {}",
        said.value
    );
}

/// Lesson 5, `UNTRAINED`: the untrained model gives « à peu près 1 chance sur 27 » to every
/// letter after « .pik », « entre 2 % et 8 % » (shown with one decimal: 1,95 % is « 2,0 % »).
#[test]
fn lesson5_untrained_model_hesitates() {
    let text = l5::UNTRAINED;
    assert_eq!(first(text, "chance sur ").int(), L.size());
    let band = after(text, "entre ");
    let (low, high) = (band[0].value as f32, band[1].value as f32);
    let gpt = Gpt::new(Config::default(), &mut rng(5)).unwrap();
    let ids = L.encode_name("pik");
    let probs = probabilities_at(
        &gpt.next_logits(&mut Tape::new(), &ids[..ids.len() - 1]),
        1.0,
    );
    let (lo, hi) = probs
        .iter()
        .fold((1.0f32, 0.0f32), |(a, b), &p| (a.min(p), b.max(p)));
    println!(
        "untrained after .pik: {:.1} % to {:.1} %",
        lo * 100.0,
        hi * 100.0
    );
    assert!(
        lo * 100.0 >= low - 0.05 && hi * 100.0 <= high,
        "{lo} to {hi}"
    );
}

fn class_list() -> Vec<String> {
    L.clean("Léa, Hugo, Chloé, Nathan, Emma, Louis, Jade, Gabriel, Inès, Raphaël, Zoé, Adam, Lina, Arthur, Manon, Jules, Alice, Tom, Rose, Léo, Ambre, Noah, Lou, Sacha, Mila, Paul, Eva, Nina").names
}

/// The share of 100 names (10 seeds × 10) that are not in the list.
fn new_share(model: &Gpt, names: &[String], temperature: f32) -> f32 {
    let mut new = 0;
    for seed in 0..10 {
        let mut r = rng(seed);
        for _ in 0..10 {
            let n = generate(model, "", temperature, 24, &mut r).0;
            new += (!n.is_empty() && !names.contains(&n)) as usize;
        }
    }
    new as f32 / 100.0
}

/// Lesson 6's own list (no number in the text): with a class of 28 first names, 1 000 steps
/// learn the list by heart (`l6::reciting`: « il récite ta liste […] presque par cœur »), while
/// 300 steps at a warm temperature invent new names (its advice: « moins de pas, ou une
/// température un peu plus chaude »).
#[test]
fn lesson6_own_list_by_heart_then_new_names() {
    let names = shuffled(&class_list(), 42);
    assert_eq!(names.len(), 28);
    let trained = |steps: usize| {
        let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
        let mut t = Trainer::new(
            gpt,
            &names,
            TrainConfig {
                steps,
                ..TrainConfig::default()
            },
        )
        .unwrap();
        t.advance(steps);
        t.model().clone()
    };
    let by_heart = new_share(&trained(1000), &names, 1.0);
    let inventive = new_share(&trained(300), &names, 1.5);
    println!("new names: 1000 steps at 1,0 → {by_heart}; 300 steps at 1,5 → {inventive}");
    assert!(by_heart <= 0.2, "1 000 steps mostly recite: {by_heart}");
    assert!(inventive >= 0.3, "300 steps at 1,5 invent: {inventive}");
}

/// The bonus's `RACE`: « Sur nos 33 235 prénoms, on en met 1 000 de côté. Les trois modèles
/// apprennent les 32 235 autres » (also `DATA`, `MANY`), and `our_data`: « nos 32 235 prénoms
/// en comptent environ 210 000 » letters.
#[test]
fn bonus_data_sizes() {
    let race = numbers(bonus::RACE);
    let (all, held_out, learned) = (race[0].int(), race[1].int(), race[2].int());
    let prenoms = Dataset::Prenoms.names();
    assert_eq!(prenoms.len(), all);
    assert_eq!(held_out_count(prenoms.len()), held_out);
    assert_eq!(all - held_out, learned);
    assert_eq!(numbers(bonus::MANY)[0].int(), learned);
    assert_eq!(first(bonus::DATA, "au lieu de ").int(), learned);
    let letters: usize = shuffled(&prenoms, 42)[..learned]
        .iter()
        .map(|n| n.chars().count())
        .sum();
    println!("{letters} letters in the names learned");
    let said = first(&bonus::our_data(0), "en comptent environ ");
    assert!(
        said.rounds(letters as f64),
        "{letters} letters learned, the text says {}",
        said.value
    );
}
