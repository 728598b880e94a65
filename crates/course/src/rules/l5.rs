//! Lesson 5's exercise rules: pure functions of the answer and of what the page shows.

use super::well_formed;
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l5 as text};
use crate::text::{letter, parse_number};
use minigpt::bigram::BigramCounts;
use minigpt::Config;

/// Exercise 1: the neurons that stay off for « k » (`lit` of `total` light up), once the
/// pupil opened the network's block.
pub fn neurons_off(lit: usize, total: usize, opened: bool, answer: &str) -> Verdict {
    if !opened {
        return NotAnAnswer(text::E1_NOT_YET.into());
    }
    match parse_number(answer) {
        Some(x) if x == (total - lit) as f32 => Right(text::e1_right(total - lit, lit)),
        Some(x) if x == lit as f32 => Wrong(text::E1_LIT_NOT_OFF.into()),
        Some(_) => Wrong(text::E1_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// The parameters of the default GPT with 2 layers.
pub fn two_layers() -> usize {
    Config {
        n_layer: 2,
        ..Config::default()
    }
    .param_count()
}

/// Exercise 2 (a prediction): the parameters of the default GPT with 2 layers.
pub fn predict_params(answer: &str) -> Verdict {
    let n = two_layers();
    match parse_number(answer) {
        Some(x) if x == n as f32 => Right(text::e2_right(n)),
        Some(x) => Wrong(text::e2_wrong(x, n)),
        None => NotAnAnswer(text::E2_NOT_NUMBER.into()),
    }
}

/// Exercise 3 (a task): a model of 2 layers and at least 50,000 parameters (once the pupil
/// moved a slider).
pub fn big_two_layers(config: &Config) -> Option<Verdict> {
    let count = config.param_count();
    (*config != Config::default()).then(|| {
        if config.validate().is_ok() && config.n_layer == 2 && count >= 50_000 {
            Right(text::e3_right(count, config.n_embd))
        } else {
            Wrong(text::e3_not_yet(count, config.n_layer))
        }
    })
}

/// Exercise 4 (a choice): what cold does to the favourite bar, once the pupil went to 0,5 or
/// less. `warm`, `cold`: the probabilities at temperature 1 and 0,5; `favourite` its token.
pub fn cold_favourite(
    choice: usize,
    tried_cold: bool,
    favourite: usize,
    warm: f32,
    cold: f32,
) -> Verdict {
    if !tried_cold {
        NotAnAnswer(text::E4_NOT_YET.into())
    } else if choice == text::E4_RIGHT_INDEX {
        Right(text::e4_right(letter(favourite), warm, cold))
    } else {
        Wrong(text::e4_wrong(letter(favourite), warm, cold))
    }
}

/// Exercise 5 (a choice): which list repeats itself more (`cold`, `hot`: distinct names).
pub fn repetitive_list(choice: usize, lists: Option<(usize, usize)>) -> Verdict {
    let Some((cold, hot)) = lists else {
        return NotAnAnswer(text::E5_NOT_YET.into());
    };
    let right = if cold <= hot { 0 } else { 1 };
    if choice == right {
        Right(text::e5_right(cold, hot))
    } else {
        Wrong(text::e5_wrong(cold, hot))
    }
}

/// What the pupil made in exercise 6.
pub struct OwnPokemon<'a> {
    /// The first 3 letters of the typed first name.
    pub prefix: Option<&'a str>,
    pub names: &'a [String],
    /// The temperature the names were drawn at, if the pupil changed it first.
    pub chosen_temperature: Option<f32>,
}

/// Exercise 6 (créer): a generated name with the pupil's beginning, longer by 2 letters or more,
/// not a real Pokémon and well formed (every pair seen in the Pokémon), at a temperature the
/// pupil set.
pub fn own_pokemon(made: &OwnPokemon, pokemon: &[&str], pairs: &BigramCounts) -> Option<Verdict> {
    let prefix = made.prefix?;
    if prefix.chars().count() < 3 {
        return Some(Wrong(text::E6_TYPE_FIRST.into()));
    }
    if made.names.is_empty() {
        return None;
    }
    let Some(t) = made.chosen_temperature else {
        return Some(Wrong(text::E6_TEMPERATURE.into()));
    };
    let good = made.names.iter().find(|n| {
        n.starts_with(prefix)
            && n.chars().count() > prefix.chars().count() + 1
            && !pokemon.contains(&n.as_str())
            && well_formed(n, pairs)
    });
    Some(good.map_or_else(
        || Wrong(text::E6_NOT_YET.into()),
        |n| Right(text::e6_right(n, t)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_fair_options, assert_not_gamed};
    use minigpt::data::Dataset;
    use minigpt::{Alphabet, Gpt};
    use rand::SeedableRng;

    /// The lesson's untrained model on « .pik »: how many of its 64 neurons light up for « k ».
    fn lit_for_k() -> usize {
        let gpt = Gpt::new(
            Config::default(),
            &mut rand_chacha::ChaCha8Rng::seed_from_u64(5),
        )
        .unwrap();
        let trace = gpt.trace(&Alphabet::Letters.encode_name("pik")[..4]);
        trace.mlp_hidden[0][3].iter().filter(|&&x| x > 0.0).count()
    }

    #[test]
    fn exercise_1_counts_the_neurons_off() {
        let lit = lit_for_k();
        let off = (64 - lit).to_string();
        assert!(neurons_off(lit, 64, true, &off).is_right());
        assert!(matches!(
            neurons_off(lit, 64, true, &lit.to_string()),
            Wrong(_)
        ));
        assert!(matches!(neurons_off(lit, 64, false, &off), NotAnAnswer(_)));
        // The step shows the count that lights up, 64, 16 numbers per strip, 4 heads, 27 tokens.
        let lit_text = lit.to_string();
        assert_not_gamed(
            |a| neurons_off(lit, 64, true, a),
            &[&lit_text, "64", "16", "4", "27", "3"],
        );
    }

    #[test]
    fn exercise_2_predicts_7264() {
        assert_eq!(two_layers(), 7264);
        assert!(predict_params("7 264").is_right());
        for usual in ["8384", "6144"] {
            assert!(matches!(predict_params(usual), Wrong(_)));
        }
    }

    #[test]
    fn exercise_3_wants_two_big_layers() {
        assert_eq!(big_two_layers(&Config::default()), None);
        let small = Config {
            n_layer: 2,
            ..Config::default()
        };
        assert!(matches!(big_two_layers(&small), Some(Wrong(_))));
        let big = Config {
            n_layer: 2,
            n_embd: 64,
            ..Config::default()
        };
        assert!(big_two_layers(&big).unwrap().is_right());
    }

    #[test]
    fn exercise_4_and_5_are_fair_choices() {
        assert!(matches!(
            cold_favourite(0, false, 9, 0.2, 0.4),
            NotAnAnswer(_)
        ));
        assert!(cold_favourite(0, true, 9, 0.2, 0.4).is_right());
        assert_fair_options(text::E4_CHOICES, text::E4_RIGHT_INDEX, 12);
        assert!(repetitive_list(0, Some((2, 10))).is_right());
        assert!(matches!(repetitive_list(0, None), NotAnAnswer(_)));
        assert_fair_options(text::E5_CHOICES, 0, 6);
    }

    #[test]
    fn exercise_6_wants_a_chosen_temperature_and_a_well_formed_new_name() {
        let pokemon = Dataset::Pokemon.names();
        let pairs = BigramCounts::from_names(Alphabet::Letters, &pokemon);
        let names = vec!["lealix".to_string(), "leaqzx".to_string()];
        let made = |t| OwnPokemon {
            prefix: Some("lea"),
            names: &names,
            chosen_temperature: t,
        };
        assert!(
            matches!(own_pokemon(&made(None), &pokemon, &pairs), Some(Wrong(_))),
            "the temperature was not touched"
        );
        assert!(own_pokemon(&made(Some(1.2)), &pokemon, &pairs)
            .unwrap()
            .is_right());
        let odd = vec!["leaqzx".to_string()];
        let made_odd = OwnPokemon {
            prefix: Some("lea"),
            names: &odd,
            chosen_temperature: Some(1.9),
        };
        assert!(
            matches!(own_pokemon(&made_odd, &pokemon, &pairs), Some(Wrong(_))),
            "charabia is not new"
        );
    }
}
