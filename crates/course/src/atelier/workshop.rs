//! The Atelier's state as one value and the pupil's actions on it (`Workshop::reduce`), the way
//! Yew's examples keep a page: the page dispatches an `Action`, draws the new `Workshop`, and
//! does its side effects (workers, files, progress) itself. The training job lives in the page;
//! what it left behind when it ended comes back here as `Action::Ended`.

use super::files::model_file_name;
use super::settings::{is_sentences, Knob, Preset, Settings};
use crate::challenges::Finished;
use crate::content::atelier as text;
use crate::dataset::DataChoice;
use crate::rules::marks::{Mark, Marker};
use crate::worker::protocol::{Data, Job};
use minigpt::judge::{Judge, Judgement};
use minigpt::{Alphabet, Config, Gpt};
use std::rc::Rc;

/// The Atelier's page, everything but the job running.
#[derive(Clone, Debug, PartialEq)]
pub struct Workshop {
    pub settings: Settings,
    /// Runs started so far: a run is known by its number.
    pub runs: u32,
    /// The pupil asked the current run to stop (so its end is « arrêté », not « perdu »).
    pub stop_asked: bool,
    /// The model on show: the last run's once it ended, or one opened from a file.
    pub shown: Option<Rc<Shown>>,
    /// The model on show is in a file (saved since it was trained, or opened from one).
    pub in_file: bool,
    /// What saving or opening a file gave.
    pub message: Option<Message>,
    /// The runs that ended with a loss on unseen names (the challenges read them).
    pub history: Vec<Finished>,
    pub prefix: String,
    pub temperature: f32,
    /// The last names the model invented, each marked if the page knows its data.
    pub invented: Vec<Invented>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub ok: bool,
    pub text: String,
}

/// A model the pupil can make talk, save and take home, and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub model: Gpt,
    pub origin: Origin,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Trained(Trained),
    /// Opened from a file, with the file's note.
    Opened {
        note: String,
    },
}

/// What a finished run was, as the page showed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Trained {
    pub job: Job,
    pub label: String,
    /// Steps actually done (fewer than `job.steps` if stopped).
    pub steps: usize,
    /// The loss the page showed on the names kept aside, and on how many.
    pub test_loss: Option<(f32, usize)>,
    /// The mean of the last steps' losses, as shown.
    pub train_loss: Option<f32>,
}

/// An invented name or sentence and its mark (none for a model opened from a file: its data
/// is unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct Invented {
    pub name: String,
    pub mark: Option<Marking>,
}

/// A name is marked by lesson 6's rule (letter pairs); a sentence by `minigpt::judge` (its
/// words against the French word list).
#[derive(Clone, Debug, PartialEq)]
pub enum Marking {
    Name(Mark),
    Sentence(Judgement),
}

/// A piece of a judged sentence as the page shows it: a French word or the text between words
/// (`french: true`), or a word that is not French (marked on the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub french: bool,
}

pub enum Action {
    Data(DataChoice),
    Alphabet(Alphabet),
    Preset(Preset),
    Set(Knob, usize),
    Rate(f32),
    /// « Entraîner »: the page started a job with these settings.
    Started,
    /// « Arrêter ».
    StopAsked,
    /// The job is over: its last model (none if it failed before any), and what it was.
    Ended(Box<(Option<Gpt>, Trained)>),
    /// A model file opened, with its note.
    Opened(Box<Gpt>, String),
    /// A file that could not be opened, and why (in French).
    Refused(String),
    /// The model on show was written to the file `name`, of `bytes` bytes.
    Saved {
        file: String,
        bytes: usize,
    },
    /// The browser refused the download.
    SaveRefused,
    Prefix(String),
    Temperature(f32),
    Invented(Vec<Invented>),
}

impl Workshop {
    pub fn new(cores: usize) -> Workshop {
        Workshop {
            settings: Settings::first(cores),
            runs: 0,
            stop_asked: false,
            shown: None,
            in_file: false,
            message: None,
            history: Vec::new(),
            prefix: String::new(),
            temperature: 0.8,
            invented: Vec::new(),
        }
    }

    pub fn reduce(mut self, action: Action) -> Workshop {
        let settings = &mut self.settings;
        match action {
            Action::Data(data) => {
                settings.choose_data(data);
                if settings.sentences() {
                    self.temperature = SENTENCE_TEMPERATURE;
                }
            }
            Action::Alphabet(alphabet) => settings.alphabet = alphabet,
            Action::Preset(p) => settings.choose_preset(p),
            Action::Set(knob, value) => settings.set(knob, value),
            Action::Rate(lr) => settings.size.lr = lr,
            Action::Started => {
                self.runs += 1;
                self.stop_asked = false;
                self.shown = None;
                self.in_file = false;
                self.message = None;
                self.invented.clear();
            }
            Action::StopAsked => self.stop_asked = true,
            Action::Ended(ended) => {
                let (model, trained) = *ended;
                if let Some(f) = trained.finished() {
                    if !self.history.contains(&f) {
                        self.history.push(f);
                    }
                }
                self.shown = model.map(|model| {
                    Rc::new(Shown {
                        model,
                        origin: Origin::Trained(trained),
                    })
                });
                self.in_file = false;
            }
            Action::Opened(model, note) => {
                let params = model.config.param_count();
                let extended = model.config.alphabet != Alphabet::Letters;
                self.message = Some(Message {
                    ok: true,
                    text: text::loaded(params, extended, &text::short_note(&note)),
                });
                self.shown = Some(Rc::new(Shown {
                    model: *model,
                    origin: Origin::Opened { note },
                }));
                self.in_file = true;
                self.invented.clear();
            }
            Action::Refused(why) => {
                self.message = Some(Message {
                    ok: false,
                    text: why,
                })
            }
            Action::Saved { file, bytes } => {
                let what = self
                    .shown
                    .as_ref()
                    .map(|s| s.describe())
                    .unwrap_or_default();
                self.message = Some(Message {
                    ok: true,
                    text: text::saved(&file, &what, bytes),
                });
                self.in_file = true;
            }
            Action::SaveRefused => {
                self.message = Some(Message {
                    ok: false,
                    text: text::SAVE_REFUSED.into(),
                })
            }
            Action::Prefix(p) => self.prefix = p,
            Action::Temperature(t) => self.temperature = t,
            Action::Invented(names) => self.invented = names,
        }
        self
    }

    /// Work that lives only in this page: a model not written to a file.
    pub fn unsaved(&self) -> bool {
        self.shown.is_some() && !self.in_file
    }
}

impl Trained {
    /// Its data in words (« 1 023 Pokémon »).
    pub fn data_label(&self) -> String {
        data_choice(&self.job.data).label()
    }

    /// The history's row for this run, if it was measured on unseen names.
    pub fn finished(&self) -> Option<Finished> {
        Some(Finished {
            label: self.label.clone(),
            data: data_choice(&self.job.data),
            params: self.job.config.param_count(),
            train_loss: self.train_loss?,
            test_loss: self.test_loss?.0,
        })
    }
}

impl Shown {
    /// The data it learned from, when the page knows it.
    pub fn data(&self) -> Option<DataChoice> {
        match &self.origin {
            Origin::Trained(t) => Some(data_choice(&t.job.data)),
            Origin::Opened { .. } => None,
        }
    }

    /// Its file's name, for `pupil`.
    pub fn file_name(&self, pupil: &str) -> String {
        model_file_name(self.data().as_ref(), pupil)
    }

    /// Which model it is, in words: its size and data, its steps, its parameters.
    pub fn describe(&self) -> String {
        let params = self.model.config.param_count();
        match &self.origin {
            Origin::Trained(t) => text::describe_trained(&t.label, t.steps, params),
            Origin::Opened { .. } => text::describe_opened(params),
        }
    }

    /// Its data's names as the model reads them (what « copié » and « bizarre » compare with),
    /// or none for a model opened from a file.
    pub fn list(&self) -> Option<Vec<String>> {
        self.data().map(|d| d.names(self.model.config.alphabet))
    }
}

/// `names` marked « copié », « nouveau » or « bizarre » against `list` (written in
/// `alphabet`): names by the rule of `rules::marks`, sentences (a list of sentences:
/// `settings::is_sentences`) by `minigpt::judge`, trimmed as the judge reads them; unmarked
/// without a list.
pub fn marked(names: Vec<String>, list: Option<&[String]>, alphabet: Alphabet) -> Vec<Invented> {
    let Some(list) = list else {
        return names
            .into_iter()
            .map(|name| Invented { name, mark: None })
            .collect();
    };
    if is_sentences(list) {
        let judge = Judge::new(list);
        return names
            .into_iter()
            .map(|name| {
                let name = name.trim().to_string();
                let mark = Some(Marking::Sentence(judge.judge(&name)));
                Invented { name, mark }
            })
            .collect();
    }
    let marker = Marker::new(alphabet, list);
    names
        .into_iter()
        .map(|name| {
            let mark = Some(Marking::Name(marker.mark(&name)));
            Invented { name, mark }
        })
        .collect()
}

/// A judged sentence cut into pieces, each word that is not French apart (`judgement` is the
/// judge's on this very `sentence`).
pub fn pieces(sentence: &str, judgement: &Judgement) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |text: &str, french: bool| match pieces.last_mut() {
        Some(last) if last.french && french => last.text.push_str(text),
        _ if text.is_empty() => {}
        _ => pieces.push(Piece {
            text: text.to_string(),
            french,
        }),
    };
    let mut at = 0;
    for word in &judgement.words {
        let Some(before) = sentence.get(at..word.range.start) else {
            break;
        };
        push(before, true);
        push(&sentence[word.range.clone()], word.french);
        at = word.range.end;
    }
    push(sentence.get(at..).unwrap_or_default(), true);
    pieces
}

/// How many letters a draw may have: names as lessons 5 and 6 draw them; sentences twice the
/// longest item of the list (a proverb is longer than a name: `minigpt train` draws so); a
/// model opened from a file with the space in its alphabet, twice its context.
pub fn draw_length(list: Option<&[String]>, config: &Config) -> usize {
    let longest = match list {
        Some(l) if is_sentences(l) => l.iter().map(|n| n.chars().count()).max().unwrap_or(0),
        None if config.alphabet == Alphabet::Extended => config.block_size,
        _ => 0,
    };
    (2 * longest).max(NAME_DRAW)
}

/// Sentences are drawn at the temperature their size was measured with (`speed::proverbs_job`:
/// natively at 0.5, 5 sentences « nouveau » in 20; in Chromium at the names' 0.8, one draw of
/// 10 had none, every sentence with a word that is not French).
pub const SENTENCE_TEMPERATURE: f32 = 0.5;

/// A name's draw stops at this many letters (lessons 5 and 6 draw as many).
pub const NAME_DRAW: usize = 24;

/// The data choice a job learned from.
pub fn data_choice(data: &Data) -> DataChoice {
    match data {
        Data::Builtin(d) | Data::BuiltinFirst(d, _) => DataChoice::Builtin(*d),
        Data::Own(names) => DataChoice::Own(names.clone()),
    }
}
