//! Lesson 6's page: the data, the dominos, the settings of step 5 and exercise 3's bet, the
//! lists drawn at step 6, and the pupil's own list at step 7.

use crate::dataset::DataChoice;
use crate::rules::l6::{Dominos, Placement};
use minigpt::data::Dataset;
use minigpt::Alphabet;
use std::rc::Rc;

/// The step choices of step 5 and of the pupil's own list (step 7), and the learning rates.
pub const STEP_CHOICES: [usize; 3] = [300, 1000, 3000];
/// For a class list of 12 to 30 names: 150 steps invent, 1 000 recite (measured, see the
/// answer key of exercise 5).
pub const OWN_STEP_CHOICES: [usize; 3] = [150, 300, 1000];
pub const LR_CHOICES: [f32; 4] = [0.003, 0.01, 0.03, 0.1];
/// The run a pupil starts first (what the speed test times): 1 000 steps at 0,01.
pub const FIRST_STEPS: usize = 1000;
pub const FIRST_LR: f32 = 0.01;
/// Step 6 keeps this many lists (the newest first).
pub const LISTS_KEPT: usize = 4;

/// A list invented at step 6.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub prefix: String,
    pub temperature: f32,
    pub names: Vec<String>,
}

/// Exercise 3's bet: the option picked, and the run it compares the next one with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bet {
    pub pick: usize,
    /// The id of the run trained before the bet.
    pub before: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub choice: Rc<DataChoice>,
    pub woke: bool,
    /// Exercise 1 answered on this page: the measured loss shows.
    pub predicted: bool,
    pub dominos: Dominos,
    pub fallen: bool,
    pub steps: usize,
    pub lr: f32,
    pub bet: Option<Bet>,
    pub prefix: String,
    pub temperature: f32,
    /// Step 6's lists, newest first.
    pub drawn: Vec<Drawn>,
    pub own_choice: Option<Rc<DataChoice>>,
    pub own_alphabet: Alphabet,
    pub own_steps: usize,
    pub own_temperature: f32,
    /// The names the pupil's model invented last (exercise 5's try), and the temperature they
    /// were drawn at.
    pub own_drawn: Vec<String>,
    pub own_drawn_at: f32,
    /// The run « Emporter mon modèle » takes (its id), if the pupil chose one.
    pub take_home: Option<u64>,
}

impl Default for State {
    fn default() -> State {
        State {
            choice: Rc::new(DataChoice::Builtin(Dataset::Pokemon)),
            woke: false,
            predicted: false,
            dominos: Dominos::default(),
            fallen: false,
            steps: FIRST_STEPS,
            lr: FIRST_LR,
            bet: None,
            prefix: String::new(),
            temperature: 0.8,
            drawn: Vec::new(),
            own_choice: None,
            own_alphabet: Alphabet::Letters,
            own_steps: 1000,
            own_temperature: 0.8,
            own_drawn: Vec::new(),
            own_drawn_at: 0.8,
            take_home: None,
        }
    }
}

/// What the pupil does on lesson 6's page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Wake,
    Choose(DataChoice),
    Predicted,
    /// A domino clicked (`Dominos::place`: a wrong one starts the order again).
    PlaceDomino(usize),
    ToggleDominos,
    Steps(usize),
    Lr(f32),
    Bet(Bet),
    Prefix(String),
    Temperature(f32),
    Drawn(Drawn),
    OwnList(DataChoice),
    OwnAlphabet(Alphabet),
    OwnSteps(usize),
    OwnTemperature(f32),
    /// A new model on the pupil's list: the names of the old one go.
    OwnTraining,
    OwnDrawn {
        names: Vec<String>,
        temperature: f32,
    },
    TakeHome(u64),
    /// Another pupil at the keyboard: nothing of the last one stays on screen.
    Reset,
}

impl State {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Wake => self.woke = true,
            Action::Choose(c) => self.choice = Rc::new(c),
            Action::Predicted => self.predicted = true,
            Action::PlaceDomino(stage) => {
                if self.dominos.place(stage) == Placement::Ignored {
                    return;
                }
                self.fallen = false;
            }
            Action::ToggleDominos => self.fallen = !self.fallen && self.dominos.complete(),
            Action::Steps(n) => self.steps = n,
            Action::Lr(lr) => self.lr = lr,
            Action::Bet(bet) => {
                if self.bet.is_none() {
                    self.bet = Some(bet);
                }
            }
            Action::Prefix(p) => self.prefix = p,
            Action::Temperature(t) => self.temperature = t,
            Action::Drawn(d) => {
                self.drawn.insert(0, d);
                self.drawn.truncate(LISTS_KEPT);
            }
            Action::OwnList(c) => self.own_choice = Some(Rc::new(c)),
            Action::OwnAlphabet(a) => self.own_alphabet = a,
            Action::OwnSteps(n) => self.own_steps = n,
            Action::OwnTemperature(t) => self.own_temperature = t,
            Action::OwnTraining => self.own_drawn.clear(),
            Action::OwnDrawn { names, temperature } => {
                self.own_drawn = names;
                self.own_drawn_at = temperature;
            }
            Action::TakeHome(id) => self.take_home = Some(id),
            Action::Reset => *self = State::default(),
        }
    }

    /// Step 6's latest cold (0,5 or less) and hot (1,5 or more) lists with the current
    /// beginning: exercise 4 compares them.
    pub fn cold_and_hot(&self) -> Option<(&Drawn, &Drawn)> {
        let with_prefix = |cold: bool| {
            self.drawn.iter().find(|d| {
                !d.prefix.is_empty()
                    && d.prefix == self.prefix
                    && if cold {
                        d.temperature <= COLD + 1e-3
                    } else {
                        d.temperature >= HOT - 1e-3
                    }
            })
        };
        with_prefix(true).zip(with_prefix(false))
    }
}

/// Exercise 4's lists: cold at most this, hot at least that.
pub const COLD: f32 = 0.5;
pub const HOT: f32 = 1.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dominos_fall_only_once_in_order_and_a_wrong_one_starts_again() {
        let mut s = State::default();
        s.apply(Action::ToggleDominos);
        assert!(!s.fallen, "not before the order is complete");
        s.apply(Action::PlaceDomino(0));
        s.apply(Action::PlaceDomino(2));
        assert!(s.dominos.order.is_empty() && s.dominos.wrong == Some((2, 1)));
        for stage in 0..5 {
            s.apply(Action::PlaceDomino(stage));
        }
        s.apply(Action::ToggleDominos);
        assert!(s.fallen);
        s.apply(Action::PlaceDomino(3));
        assert!(s.fallen, "a click on a placed domino changes nothing");
        s.apply(Action::ToggleDominos);
        assert!(!s.fallen, "«\u{a0}Relever les dominos\u{a0}»");
    }

    #[test]
    fn the_first_bet_stays() {
        let mut s = State::default();
        s.apply(Action::Bet(Bet { pick: 1, before: 3 }));
        s.apply(Action::Bet(Bet { pick: 0, before: 4 }));
        assert_eq!(s.bet, Some(Bet { pick: 1, before: 3 }));
    }

    #[test]
    fn exercise_4_compares_the_latest_cold_and_hot_lists_of_the_current_beginning() {
        let mut s = State::default();
        let drawn = |prefix: &str, temperature, name: &str| {
            Action::Drawn(Drawn {
                prefix: prefix.into(),
                temperature,
                names: vec![name.into()],
            })
        };
        s.apply(Action::Prefix("ma".into()));
        s.apply(drawn("ma", 0.4, "old cold"));
        s.apply(drawn("ma", 0.5, "cold"));
        s.apply(drawn("pi", 1.7, "other beginning"));
        assert!(
            s.cold_and_hot().is_none(),
            "no hot list with «\u{a0}ma\u{a0}»"
        );
        s.apply(drawn("ma", 1.5, "hot"));
        let (cold, hot) = s.cold_and_hot().unwrap();
        assert_eq!((&cold.names[0][..], &hot.names[0][..]), ("cold", "hot"));
        for t in [0.8, 0.9, 1.0, 1.1, 1.2] {
            s.apply(drawn("ma", t, "warm"));
        }
        assert_eq!(s.drawn.len(), LISTS_KEPT);
        assert!(s.cold_and_hot().is_none(), "the old lists are gone");
    }

    #[test]
    fn a_new_own_run_clears_the_names_and_reset_forgets_everything() {
        let mut s = State::default();
        s.apply(Action::OwnDrawn {
            names: vec!["lea".into()],
            temperature: 1.2,
        });
        assert_eq!(s.own_drawn_at, 1.2);
        s.apply(Action::OwnTraining);
        assert!(s.own_drawn.is_empty());
        s.apply(Action::Wake);
        s.apply(Action::PlaceDomino(0));
        s.apply(Action::Reset);
        assert_eq!(s, State::default());
    }
}
