//! Lesson 5's exercise rules: pure functions of the answer and of what the page shows.

use super::marks::{Mark, Marker};
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l5 as text};
use crate::text::{letter, parse_number};
use minigpt::Config;

/// Exercise 1: the neurons that stay off for « k » (`lit` of `total` light up), once the
/// pupil opened the network's block. A wrong try says where to look, never the way to the
/// answer (the number shown on the block is refused like any other).
pub fn neurons_off(lit: usize, total: usize, opened: bool, answer: &str) -> Verdict {
    if !opened {
        return NotAnAnswer(text::E1_NOT_YET.into());
    }
    match parse_number(answer) {
        Some(x) if x == (total - lit) as f32 => Right(text::e1_right(total - lit, lit)),
        Some(x) if x == lit as f32 => Wrong(text::E1_SHOWN.into()),
        Some(_) => Wrong(text::E1_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// The parameters of the default GPT with `layers` layers (cards of 16).
pub fn with_layers(layers: usize) -> usize {
    Config {
        n_layer: layers,
        ..Config::default()
    }
    .param_count()
}

/// Exercise 2 (a prediction): the parameters of the default GPT with `text::E2_LAYERS` layers,
/// more than the Atelier's sliders make (4 at most): the count cannot be read there first.
pub fn predict_params(answer: &str) -> Verdict {
    let n = with_layers(text::E2_LAYERS);
    match parse_number(answer) {
        Some(x) if x == n as f32 => Right(text::e2_right(n)),
        Some(x) => Wrong(text::e2_wrong(x, n)),
        None => NotAnAnswer(text::E2_NOT_NUMBER.into()),
    }
}

/// Exercise 3's target: a model with this many parameters or more, and at most `E3_MAX`.
pub const E3_MIN: usize = 20_000;
pub const E3_MAX: usize = 30_000;

/// Exercise 3 (a task, each « Compter » a try): the model counted is between `E3_MIN` and
/// `E3_MAX` parameters. Cards of 24 with 3 or 4 layers, or cards of 32 with 2 layers: the
/// pupil must see that the cards' size counts more than the layers.
pub fn params_in_range(config: &Config) -> Verdict {
    if config.validate().is_err() {
        return NotAnAnswer(text::heads_dont_divide(config.n_embd, config.n_head));
    }
    let n = config.param_count();
    if (E3_MIN..=E3_MAX).contains(&n) {
        Right(text::e3_right(n, config.n_embd, config.n_layer))
    } else {
        Wrong(text::e3_wrong(n))
    }
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

/// Exercise 5 (a choice): which list repeats itself more (`cold`, `hot`: distinct names): the
/// cold one, the hot one, or as much (`content::l5::E5_CHOICES`, in order).
pub fn repetitive_list(choice: usize, lists: Option<(usize, usize)>) -> Verdict {
    let Some((cold, hot)) = lists else {
        return NotAnAnswer(text::E5_NOT_YET.into());
    };
    let right = match cold.cmp(&hot) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Greater => 1,
        std::cmp::Ordering::Equal => 2,
    };
    if choice == right {
        Right(text::e5_right(cold, hot))
    } else {
        Wrong(text::e5_wrong(cold, hot))
    }
}

/// Exercise 6's target: this many different new Pokémon out of the 10 invented.
pub const E6_NEEDED: usize = 8;

/// The beginning exercise 6 takes from a typed first name (its first 3 letters), or why it
/// cannot be used: too short, or with a pair of letters the Pokémon (almost) never have (then
/// every name made from it would be « bizarre »).
pub fn own_prefix(first_name: &str, pokemon: &Marker) -> Result<String, String> {
    let prefix: String = first_name.chars().take(3).collect();
    if prefix.chars().count() < 3 {
        Err(text::E6_TYPE_FIRST.into())
    } else if !pokemon.fits_prefix(&prefix) {
        Err(text::e6_odd_prefix(&prefix))
    } else {
        Ok(prefix)
    }
}

/// The Pokémon exercise 6 counts in a list: different, starting with `prefix` and longer by 2
/// letters or more, and « nouveau » (not a real one, not « bizarre »).
pub fn good_pokemon<'a>(prefix: &str, names: &'a [String], pokemon: &Marker) -> Vec<&'a str> {
    let mut good: Vec<&str> = Vec::new();
    for n in names {
        let fits = n.starts_with(prefix)
            && n.chars().count() > prefix.chars().count() + 1
            && pokemon.mark(n) == Mark::New;
        if fits && !good.contains(&n.as_str()) {
            good.push(n);
        }
    }
    good
}

/// Exercise 6 (créer, each « Invente » a try): the pupil sets the temperature for a purpose,
/// `E6_NEEDED` different new Pokémon out of 10, and the list they got is graded. Too cold, the
/// same name comes back; too hot, « bizarre » names. Measured on the lesson's model (28 usual
/// beginnings, 40 draws each): 0,1 → 1 %, 0,3 → 92 %, 0,5 → 98 %, 0,8 → 70 %, 1,0 → 38 %,
/// 1,5 → 3 %, 2 → 0 %. `temperature`: the one the list was drawn at, if the pupil set it
/// (not left at 1,0).
pub fn own_pokemon(
    prefix: &str,
    names: &[String],
    temperature: Option<f32>,
    pokemon: &Marker,
) -> Option<Verdict> {
    if names.is_empty() {
        return None;
    }
    let Some(t) = temperature else {
        return Some(NotAnAnswer(text::E6_TEMPERATURE.into()));
    };
    let good = good_pokemon(prefix, names, pokemon);
    let counts = pokemon.counts(names);
    let repeated = names.len() - distinct(names);
    Some(if good.len() >= E6_NEEDED {
        Right(text::e6_right(good.len(), good[0], t))
    } else {
        Wrong(text::e6_wrong(
            good.len(),
            counts.odd,
            counts.copies,
            repeated,
        ))
    })
}

fn distinct(names: &[String]) -> usize {
    names
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
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
        let shown = neurons_off(lit, 64, true, &lit.to_string());
        assert!(matches!(&shown, Wrong(m) if !m.contains(&off)), "{shown:?}");
        assert!(matches!(neurons_off(lit, 64, false, &off), NotAnAnswer(_)));
        // The step shows the count that lights up, 64, 16 numbers per strip, 4 heads, 27 tokens.
        let lit_text = lit.to_string();
        assert_not_gamed(
            |a| neurons_off(lit, 64, true, a),
            &[&lit_text, "64", "16", "4", "27", "3"],
        );
    }

    #[test]
    fn exercise_2_predicts_a_size_the_atelier_cannot_show() {
        assert_eq!(text::E2_LAYERS, 6, "the Atelier's sliders stop at 4 layers");
        assert_eq!(with_layers(6), 19_552);
        assert!(predict_params("19 552").is_right());
        // 6 × 4 192; 1 layer less; the 2 layers of the step's own example.
        for usual in ["25152", "16480", "7264", "4192"] {
            assert!(matches!(predict_params(usual), Wrong(_)));
        }
        assert!(!text::E2_HINT.contains("120") && !text::E2_HINT.contains("072"));
    }

    #[test]
    fn exercise_3_wants_a_range_the_cards_size_reaches() {
        let config = |n_embd, n_layer| Config {
            n_embd,
            n_layer,
            ..Config::default()
        };
        assert!(matches!(params_in_range(&Config::default()), Wrong(_)));
        let right: Vec<(usize, usize)> = [8, 16, 24, 32, 48, 64]
            .into_iter()
            .flat_map(|e| (1..=6).map(move |l| (e, l)))
            .filter(|&(e, l)| params_in_range(&config(e, l)).is_right())
            .collect();
        assert_eq!(right, [(24, 3), (24, 4), (32, 2)]);
        assert!(matches!(
            params_in_range(&Config {
                n_embd: 24,
                n_head: 5,
                ..Config::default()
            }),
            NotAnAnswer(_)
        ));
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
        for wrong in [1, 2] {
            assert!(matches!(repetitive_list(wrong, Some((2, 10))), Wrong(_)));
        }
        assert!(
            repetitive_list(2, Some((10, 10))).is_right(),
            "as many: «\u{a0}autant\u{a0}»"
        );
        assert_eq!(
            text::E5_CHOICES.len(),
            3,
            "a guess is right once in three, not in two"
        );
        assert!(matches!(repetitive_list(0, None), NotAnAnswer(_)));
        assert_fair_options(text::E5_CHOICES, 0, 6);
        assert!(
            text::E5_CHOICES[1].contains(text::HOT_WORD),
            "the option says what the button says"
        );
        assert!(text::GEN_HOT.contains(text::HOT_WORD));
    }

    fn pokemon() -> Marker {
        Marker::new(Alphabet::Letters, &Dataset::Pokemon.names())
    }

    #[test]
    fn exercise_6_takes_a_beginning_that_can_make_pokemon() {
        let m = pokemon();
        assert_eq!(own_prefix("pierre", &m), Ok("pie".to_string()));
        assert!(own_prefix("lé", &m).is_err(), "too short");
        assert!(
            own_prefix("aadil", &m).is_err(),
            "«\u{a0}aa\u{a0}» starts no Pokémon"
        );
    }

    #[test]
    fn exercise_6_grades_the_list_against_the_purpose() {
        let m = pokemon();
        let many =
            |names: &[&str]| -> Vec<String> { names.iter().map(|s| s.to_string()).collect() };
        let cold = many(&["pierara"; 10]);
        let good = many(&[
            "pieras", "pielen", "pierari", "pieman", "pierara", "piesou", "pietara", "pielatou",
            "piesan", "pielara",
        ]);
        let hot = many(&[
            "piengy",
            "piefmgeteun",
            "pielod",
            "pieuco",
            "piemvms",
            "pieyelik",
            "pieazovpuc",
            "piebhblaku",
            "pies",
            "piegbumrda",
        ]);
        assert_eq!(own_pokemon("pie", &[], Some(0.5), &m), None);
        assert!(matches!(
            own_pokemon("pie", &good, None, &m),
            Some(NotAnAnswer(_))
        ));
        assert!(own_pokemon("pie", &good, Some(0.3), &m).unwrap().is_right());
        assert!(
            matches!(own_pokemon("pie", &cold, Some(0.1), &m), Some(Wrong(_))),
            "the same name 10 times"
        );
        assert!(
            matches!(own_pokemon("pie", &hot, Some(1.8), &m), Some(Wrong(_))),
            "charabia"
        );
        assert_eq!(good_pokemon("pie", &cold, &m).len(), 1);
    }
}
