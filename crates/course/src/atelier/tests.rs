use super::settings::*;
use super::workshop::*;
use crate::dataset::DataChoice;
use crate::rules::l6::Mark;
use minigpt::data::Dataset;
use minigpt::judge::Verdict;
use minigpt::{Alphabet, Config, Gpt};
use rand::SeedableRng;

fn gpt(config: Config) -> Gpt {
    Gpt::new(config, &mut rand_chacha::ChaCha8Rng::seed_from_u64(1)).unwrap()
}

fn trained(settings: &Settings, test_loss: Option<(f32, usize)>) -> Trained {
    Trained {
        job: settings.job(),
        label: settings.label(),
        steps: settings.steps,
        test_loss,
        train_loss: Some(1.9),
    }
}

#[test]
fn the_ready_made_sizes_are_the_cores_configurations() {
    let small = Preset::Small.size();
    assert_eq!(small.config, Config::default());
    assert_eq!(
        (small.batch, small.lr),
        (1, minigpt::TrainConfig::default().lr)
    );
    let large = Preset::Large.size();
    assert_eq!(large.config, Config::phase2());
    let timed = crate::speed::phase2_job(1, 0.0);
    assert_eq!((large.batch, large.lr), (timed.batch, timed.lr));
    assert_eq!(Preset::Medium.size().config.param_count(), 27_328);
    // The walk's figures: what the page shows for each.
    assert_eq!(small.config.param_count(), 4_192);
    assert_eq!(large.config.param_count(), 202_112);
}

#[test]
fn every_ready_made_size_is_on_the_sliders() {
    for p in Preset::ALL {
        let mut s = Settings::first(2);
        s.size = p.size();
        for knob in [
            Knob::Layers,
            Knob::Heads,
            Knob::Cards,
            Knob::Context,
            Knob::Batch,
        ] {
            assert!(choices(knob).contains(&s.get(knob)), "{p:?} {knob:?}");
        }
        assert!(RATES.contains(&s.size.lr), "{p:?}");
        assert_eq!(s.preset(), Some(p));
        assert!(s.config().validate().is_ok());
    }
}

#[test]
fn a_preset_is_pressed_only_while_every_slider_matches_it() {
    let s = Workshop::new(4);
    assert_eq!(s.settings.preset(), Some(Preset::Small));
    let s = s.reduce(Action::Preset(Preset::Large));
    assert_eq!(s.settings.preset(), Some(Preset::Large));
    let s = s.reduce(Action::Set(Knob::Layers, 3));
    assert_eq!(s.settings.preset(), None);
    let s = s.reduce(Action::Set(Knob::Layers, 4));
    assert_eq!(s.settings.preset(), Some(Preset::Large));
    // Steps, cores and data are not part of a size.
    let s = s
        .reduce(Action::Set(Knob::Steps, 500))
        .reduce(Action::Data(DataChoice::Builtin(Dataset::Mots)));
    assert_eq!(s.settings.preset(), Some(Preset::Large));
    let s = s.reduce(Action::Rate(0.03));
    assert_eq!(s.settings.preset(), None);
}

#[test]
fn a_slider_takes_only_its_own_positions() {
    let s = Workshop::new(2)
        .reduce(Action::Set(Knob::Cards, 17))
        .reduce(Action::Set(Knob::Workers, 9));
    assert_eq!(s.settings.get(Knob::Cards), 16);
    assert_eq!(s.settings.get(Knob::Workers), 2);
    assert_eq!(Workshop::new(64).settings.workers, 8);
}

#[test]
fn the_first_job_is_microgpt_on_the_pokemon() {
    let job = first_job();
    assert_eq!(job.config, Config::default());
    assert_eq!((job.steps, job.batch, job.lr), (1000, 1, 0.01));
    assert!(job.test_split);
}

#[test]
fn the_largest_size_bounds_the_files_opened() {
    assert_eq!(largest(), Config::phase2_sentences());
    assert_eq!(limits().max_params, largest().param_count());
    assert!(max_file_bytes() > largest().param_count() as f64 * 13.0);
}

#[test]
fn a_run_shows_its_model_only_once_it_ended() {
    let s = Workshop::new(2).reduce(Action::Started);
    assert_eq!(s.runs, 1);
    assert!(s.shown.is_none() && !s.unsaved());
    let model = gpt(s.settings.config());
    let t = trained(&s.settings, Some((2.3, 102)));
    let s = s.reduce(Action::Ended(Box::new((Some(model), t.clone()))));
    assert!(s.unsaved(), "a trained model not saved yet");
    assert_eq!(s.history.len(), 1);
    assert_eq!(s.history[0].test_loss, 2.3);
    // The same run reported twice joins the history once.
    let again = s.clone().reduce(Action::Ended(Box::new((None, t))));
    assert_eq!(again.history.len(), 1);
    // Saved: the page says which model, in which file.
    let file = s.shown.as_ref().unwrap().file_name("Inès B.");
    assert_eq!(file, "tuto-llm-modele-pokemon-ines-b.json");
    let s = s.reduce(Action::Saved {
        file: file.clone(),
        bytes: 325_400,
    });
    assert!(!s.unsaved());
    let m = s.message.as_ref().unwrap();
    assert!(m.ok);
    // Which file, which data, how many steps and parameters, how big.
    let numbers = [1023, 1000, 4192, 326].map(crate::text::int);
    for part in numbers
        .iter()
        .map(String::as_str)
        .chain([file.as_str(), "Pokémon", "paramètres"])
    {
        assert!(m.text.contains(part), "{part} in {}", m.text);
    }
    // A new run: the old model goes (the leave guard no longer counts it), its row stays.
    let s = s.reduce(Action::Started);
    assert!(s.shown.is_none() && s.message.is_none() && s.history.len() == 1);
}

#[test]
fn a_run_without_unseen_names_or_model_leaves_no_row() {
    let s = Workshop::new(1).reduce(Action::Started);
    let t = trained(&s.settings, None);
    let s = s.reduce(Action::Ended(Box::new((None, t))));
    assert!(s.history.is_empty() && s.shown.is_none());
}

#[test]
fn a_stop_is_the_pupils_until_the_next_run() {
    let s = Workshop::new(1)
        .reduce(Action::Started)
        .reduce(Action::StopAsked);
    assert!(s.stop_asked);
    assert!(!s.reduce(Action::Started).stop_asked);
}

#[test]
fn an_opened_model_is_in_a_file_and_has_no_known_data() {
    let model = gpt(Config::default());
    let s = Workshop::new(1).reduce(Action::Opened(Box::new(model), "note".into()));
    assert!(!s.unsaved());
    let shown = s.shown.clone().unwrap();
    assert_eq!(shown.list(), None);
    assert_eq!(shown.file_name("Léa"), "tuto-llm-modele-lea.json");
    let said = s
        .message
        .as_ref()
        .unwrap()
        .text
        .replace(['\u{a0}', '\u{202f}'], " ");
    assert!(said.contains("4 192"), "{said}");
    let s = s.reduce(Action::Refused("non".into()));
    assert!(!s.message.as_ref().unwrap().ok);
    assert!(s.shown.is_some(), "a refused file keeps the model on show");
}

#[test]
fn invented_names_get_lesson_6s_marks() {
    let list: Vec<String> = ["pikachu", "pichu", "raichu"].map(String::from).to_vec();
    let names = ["pichu", "pikachu", "rachu", "zzz", "", "pi"]
        .map(String::from)
        .to_vec();
    let marks: Vec<Option<Mark>> = marked(names.clone(), Some(&list), Alphabet::Letters)
        .into_iter()
        .map(|i| match i.mark {
            Some(Marking::Name(m)) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(
        marks,
        [
            Some(Mark::Copy),
            Some(Mark::Copy),
            Some(Mark::New),
            Some(Mark::Odd),
            Some(Mark::Nothing),
            Some(Mark::Odd)
        ]
    );
    assert!(marked(names, None, Alphabet::Letters)
        .iter()
        .all(|i| i.mark.is_none()));
}

#[test]
fn a_trained_models_list_is_its_data_in_its_alphabet() {
    let s = Workshop::new(1)
        .reduce(Action::Data(DataChoice::Builtin(Dataset::Mots)))
        .reduce(Action::Started);
    let model = gpt(s.settings.config());
    let t = trained(&s.settings, Some((2.0, 100)));
    let s = s.reduce(Action::Ended(Box::new((Some(model), t))));
    let list = s.shown.as_ref().unwrap().list().unwrap();
    assert_eq!(list.len(), Dataset::Mots.names_in(Alphabet::Letters).len());
    assert!(list.iter().all(|n| Alphabet::Letters.can_write(n)));
}

#[test]
fn the_proverbs_are_sentences_and_names_are_not() {
    assert!(data_is_sentences(&DataChoice::Builtin(Dataset::Proverbes)));
    for d in [
        Dataset::Pokemon,
        Dataset::Prenoms,
        Dataset::Dinosaures,
        Dataset::Mots,
    ] {
        assert!(!data_is_sentences(&DataChoice::Builtin(d)), "{d:?}");
    }
    let own = |items: &[&str]| DataChoice::Own(items.iter().map(|s| s.to_string()).collect());
    assert!(!data_is_sentences(&own(&["le havre", "paris", "lyon"])));
    assert!(data_is_sentences(&own(&["qui dort dîne", "tel père tel fils"])));
    assert!(!data_is_sentences(&own(&[])));
}

#[test]
fn choosing_sentences_picks_the_sentence_size_and_the_extended_alphabet() {
    let s = Workshop::new(2).reduce(Action::Data(DataChoice::Builtin(Dataset::Proverbes)));
    let set = &s.settings;
    assert_eq!(set.alphabet, Alphabet::Extended);
    assert_eq!(set.preset(), Some(Preset::Sentences));
    assert_eq!(set.config(), Config::phase2_sentences());
    assert_eq!(set.config().param_count(), 206_592);
    let timed = crate::speed::proverbs_job();
    assert_eq!(set.job().config, timed.config);
    assert_eq!((set.steps, set.size.batch, set.size.lr), (timed.steps, timed.batch, timed.lr));
    assert!(STEPS.contains(&set.steps));
    assert_eq!(set.job().config.block_size, 64);
    // The context reaches a whole proverb (all but the 7 longest).
    let longest_fitting = Dataset::Proverbes
        .names()
        .iter()
        .filter(|p| p.chars().count() + 2 <= set.get(Knob::Context))
        .count();
    assert!(longest_fitting * 100 >= 95 * Dataset::Proverbes.names().len());
    assert!(set.sentences());
    assert_eq!(s.temperature, SENTENCE_TEMPERATURE);
    assert_eq!(Preset::offered(true).last(), Some(&Preset::Sentences));
    assert!(!Preset::offered(false).contains(&Preset::Sentences));
    // Back to names: the small size and its steps; the alphabet stays the pupil's choice.
    let s = s.reduce(Action::Data(DataChoice::Builtin(Dataset::Prenoms)));
    assert_eq!(s.settings.preset(), Some(Preset::Small));
    assert_eq!(s.settings.steps, minigpt::TrainConfig::default().steps);
    assert_eq!(s.settings.alphabet, Alphabet::Extended);
    // A size the pupil set for names is kept when the names change.
    let s = s
        .reduce(Action::Preset(Preset::Large))
        .reduce(Action::Data(DataChoice::Builtin(Dataset::Pokemon)));
    assert_eq!(s.settings.preset(), Some(Preset::Large));
}

#[test]
fn invented_sentences_are_judged_word_by_word() {
    let list: Vec<String> = ["qui dort dîne", "tel père tel fils", "il faut battre le fer"]
        .map(String::from)
        .to_vec();
    let sentences = ["qui dort dîne", " il faut dormir ", "tel pzrx dort", "fils"]
        .map(String::from)
        .to_vec();
    let invented = marked(sentences, Some(&list), Alphabet::Extended);
    let verdicts: Vec<Verdict> = invented
        .iter()
        .map(|i| match &i.mark {
            Some(Marking::Sentence(j)) => j.verdict,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        verdicts,
        [Verdict::Copied, Verdict::New, Verdict::Odd, Verdict::Odd]
    );
    // Shown as the judge read it: trimmed.
    assert_eq!(invented[1].name, "il faut dormir");
    let Some(Marking::Sentence(j)) = &invented[2].mark else {
        unreachable!()
    };
    let pieces = pieces(&invented[2].name, j);
    assert_eq!(
        pieces,
        [
            Piece { text: "tel ".into(), french: true },
            Piece { text: "pzrx".into(), french: false },
            Piece { text: " dort".into(), french: true },
        ]
    );
    let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(joined, invented[2].name);
}

#[test]
fn sentences_are_drawn_twice_as_long_as_the_longest_proverb_and_names_as_before() {
    let proverbs = Dataset::Proverbes.names_in(Alphabet::Extended);
    let config = Config::phase2_sentences();
    let longest = proverbs.iter().map(|p| p.chars().count()).max().unwrap();
    assert_eq!(draw_length(Some(&proverbs), &config), 2 * longest);
    let names = Dataset::Prenoms.names_in(Alphabet::Letters);
    assert_eq!(draw_length(Some(&names), &Config::default()), NAME_DRAW);
    assert_eq!(draw_length(None, &Config::default()), NAME_DRAW);
    assert_eq!(draw_length(None, &config), 128);
}
