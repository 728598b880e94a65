//! Lesson 5's page: the plan's blocks, the model's size, the temperature, and the pupil's
//! Pokémon.

use crate::rules::l5 as rules;
use minigpt::Config;

/// Exercise 4 compares the bars at temperature 1 and at this one (or colder).
pub const COLD: f32 = 0.5;
/// The first beginning whose bars the temperature step shows.
pub const FIRST_PREFIX: &str = "bul";

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// « Montre les pièces » was clicked.
    pub pieces_shown: bool,
    /// The block of the plan on show, and whether the network's was opened (exercise 1).
    pub block: usize,
    pub opened_network: bool,
    /// The sliders: cards' size, heads, layers.
    pub size: Config,
    /// Exercise 2 answered on this page (the sliders open).
    pub predicted: bool,
    /// The model last counted with « Compter les paramètres » (exercise 3's try).
    pub counted: Option<Config>,
    pub prefix: String,
    pub temperature: f32,
    /// The temperature went down to `COLD` or less (exercise 4 needs it seen).
    pub tried_cold: bool,
    /// The names drawn at 0,1 and at 2,0 (exercise 5).
    pub cold: Vec<String>,
    pub hot: Vec<String>,
    /// Exercise 6: the first name typed (its beginning is `rules::l5::own_prefix`), the
    /// temperature set, the names invented and the temperature they were drawn at if the pupil
    /// had set it.
    pub own_name: Option<String>,
    pub own_temperature: f32,
    pub own_names: Vec<String>,
    pub own_chosen: Option<f32>,
}

impl Default for State {
    fn default() -> State {
        State {
            pieces_shown: false,
            block: 0,
            opened_network: false,
            size: Config::default(),
            predicted: false,
            counted: None,
            prefix: FIRST_PREFIX.to_string(),
            temperature: 1.0,
            tried_cold: false,
            cold: Vec::new(),
            hot: Vec::new(),
            own_name: None,
            own_temperature: 1.0,
            own_names: Vec::new(),
            own_chosen: None,
        }
    }
}

/// What the pupil does on lesson 5's page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ShowPieces,
    OpenBlock(usize),
    CardSize(usize),
    Heads(usize),
    Layers(usize),
    Predicted,
    /// « Compter les paramètres »: the sliders' model is counted.
    Count,
    Prefix(String),
    Temperature(f32),
    /// Names drawn cold (0,1) or hot (2,0).
    Drawn {
        cold: bool,
        names: Vec<String>,
    },
    /// A first name typed for exercise 6.
    OwnName(String),
    OwnTemperature(f32),
    /// Exercise 6's names, drawn at the temperature the pupil set.
    Invented(Vec<String>),
}

impl State {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::ShowPieces => self.pieces_shown = true,
            Action::OpenBlock(b) => {
                self.block = b;
                self.opened_network |= b == NETWORK_BLOCK;
            }
            Action::CardSize(n) => self.size.n_embd = n,
            Action::Heads(n) => self.size.n_head = n,
            Action::Layers(n) => self.size.n_layer = n,
            Action::Predicted => self.predicted = true,
            Action::Count => self.counted = Some(self.size),
            Action::Prefix(p) => self.prefix = p,
            Action::Temperature(t) => {
                self.temperature = t;
                self.tried_cold |= t <= COLD + 1e-3;
            }
            Action::Drawn { cold: true, names } => self.cold = names,
            Action::Drawn { cold: false, names } => self.hot = names,
            Action::OwnName(name) => {
                if self.own_name.as_ref() != Some(&name) {
                    self.own_names.clear();
                    self.own_chosen = None;
                }
                self.own_name = Some(name);
            }
            Action::OwnTemperature(t) => self.own_temperature = t,
            Action::Invented(names) => {
                self.own_names = names;
                self.own_chosen = self.own_temperature_set();
            }
        }
    }

    /// The temperature exercise 6 draws at, if the pupil set it (not the 1,0 it starts at).
    pub fn own_temperature_set(&self) -> Option<f32> {
        ((self.own_temperature - 1.0).abs() > 1e-3).then_some(self.own_temperature)
    }

    /// Exercise 3's verdict on the model last counted.
    pub fn counted_verdict(&self) -> Option<crate::rules::Verdict> {
        self.counted.as_ref().map(rules::params_in_range)
    }
}

/// The plan's block that shows the network's neurons (exercise 1 reads it).
pub const NETWORK_BLOCK: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_network_block_opens_exercise_1_and_stays_opened() {
        let mut s = State::default();
        s.apply(Action::OpenBlock(2));
        assert!(!s.opened_network);
        s.apply(Action::OpenBlock(NETWORK_BLOCK));
        s.apply(Action::OpenBlock(6));
        assert!(s.opened_network && s.block == 6);
    }

    #[test]
    fn counting_freezes_the_model_exercise_3_judges() {
        let mut s = State::default();
        assert_eq!(s.counted_verdict(), None);
        s.apply(Action::CardSize(32));
        s.apply(Action::Layers(2));
        s.apply(Action::Count);
        assert!(s.counted_verdict().unwrap().is_right(), "26 816");
        s.apply(Action::Layers(4));
        assert!(
            s.counted_verdict().unwrap().is_right(),
            "moving a slider is not a try"
        );
        s.apply(Action::Count);
        assert!(!s.counted_verdict().unwrap().is_right(), "51 392");
    }

    #[test]
    fn going_cold_is_remembered_for_exercise_4() {
        let mut s = State::default();
        s.apply(Action::Temperature(0.8));
        assert!(!s.tried_cold);
        s.apply(Action::Temperature(0.5));
        s.apply(Action::Temperature(1.2));
        assert!(s.tried_cold);
    }

    #[test]
    fn exercise_6_keeps_the_temperature_only_if_the_pupil_set_it() {
        let mut s = State::default();
        s.apply(Action::OwnName("pierre".into()));
        s.apply(Action::Invented(vec!["pierara".into()]));
        assert_eq!(s.own_chosen, None, "left at 1,0");
        s.apply(Action::OwnTemperature(0.4));
        s.apply(Action::Invented(vec!["pieras".into()]));
        assert_eq!(s.own_chosen, Some(0.4));
        s.apply(Action::OwnName("lea".into()));
        assert!(s.own_names.is_empty(), "another name: the old names go");
    }
}
