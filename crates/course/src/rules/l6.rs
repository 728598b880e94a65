//! Lesson 6's exercise rules: pure functions of the answer and of what the page shows.

use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l6 as text};
use crate::text::parse_number;

pub use super::marks::{Mark, MarkCounts, Marker};

/// Exercise 1 (a prediction): the untrained model's loss, about ln 27 = 3,30 (± 0,15).
pub fn start_loss(measured: f32, answer: &str) -> Verdict {
    match parse_number(answer) {
        Some(x) if (x - 27f32.ln()).abs() <= 0.15 => Right(text::e1_right(measured)),
        Some(x) => Wrong(text::e1_wrong(x, measured)),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 2: the dominos as the pupil places them (stage indices, in the order the error goes
/// back through them: `text::DOMINO_STAGES`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dominos {
    /// The stages placed so far, in order.
    pub order: Vec<usize>,
    /// The last wrong click: the stage clicked, and the one that was expected.
    pub wrong: Option<(usize, usize)>,
}

/// What a click on a domino does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Already placed, or the chain is complete: nothing happens.
    Ignored,
    /// The right next stage.
    Placed,
    /// The chain is complete with this one: the try is right.
    Complete,
    /// Not the next stage: the try is wrong, and the order starts again.
    Wrong,
}

impl Dominos {
    pub fn complete(&self) -> bool {
        self.order.len() == text::DOMINO_STAGES.len()
    }

    /// What clicking `stage` would do (the page records a wrong try before placing it).
    pub fn placement(&self, stage: usize) -> Placement {
        if self.complete() || self.order.contains(&stage) || stage >= text::DOMINO_STAGES.len() {
            Placement::Ignored
        } else if stage != self.order.len() {
            Placement::Wrong
        } else if stage + 1 == text::DOMINO_STAGES.len() {
            Placement::Complete
        } else {
            Placement::Placed
        }
    }

    /// Clicks `stage`: a wrong stage empties the order (a new try starts).
    pub fn place(&mut self, stage: usize) -> Placement {
        let placement = self.placement(stage);
        match placement {
            Placement::Ignored => {}
            Placement::Placed | Placement::Complete => {
                self.order.push(stage);
                self.wrong = None;
            }
            Placement::Wrong => {
                self.wrong = Some((stage, self.order.len()));
                self.order.clear();
            }
        }
        placement
    }
}

/// Exercise 2 (a task whose wrong tries count): what the dominos placed so far say.
pub fn dominos(d: &Dominos) -> Option<Verdict> {
    let stages = text::DOMINO_STAGES;
    if d.complete() {
        Some(Right(text::E2_RIGHT.into()))
    } else if let Some((clicked, expected)) = d.wrong {
        Some(Wrong(text::e2_wrong(stages[clicked], expected == 0)))
    } else if !d.order.is_empty() {
        let done: Vec<&str> = d.order.iter().map(|&i| stages[i]).collect();
        Some(Wrong(text::e2_progress(&done)))
    } else {
        None
    }
}

/// A run of step 5 as exercise 3 sees it: its settings, and the loss the table shows (two
/// decimals; `None`: it exploded).
#[derive(Clone, Debug, PartialEq)]
pub struct Trained {
    pub label: String,
    pub steps: usize,
    pub lr: f32,
    pub loss: Option<f32>,
}

/// Exercise 3's options, by index: better, worse, about the same.
pub const BETTER: usize = 0;
pub const WORSE: usize = 1;
pub const SAME: usize = 2;
/// Two losses that the table shows closer than this (in hundredths: 0,05) are « à peu près
/// pareil ». Training is deterministic (same data, seed and bits in every browser): a setting
/// always gives the same loss, so the answer never depends on the computer.
pub const SAME_BELOW_HUNDREDTHS: i64 = 5;

/// A loss as the table shows it, in hundredths.
fn shown(loss: f32) -> i64 {
    (loss * 100.0).round() as i64
}

/// What changing the settings did: `BETTER`, `WORSE` or `SAME` (an exploded run did worse).
pub fn setting_effect(before: &Trained, after: &Trained) -> usize {
    match (before.loss, after.loss) {
        (_, None) => WORSE,
        (None, Some(_)) => BETTER,
        (Some(b), Some(a)) => {
            let d = shown(a) - shown(b);
            if d.abs() < SAME_BELOW_HUNDREDTHS {
                SAME
            } else if d < 0 {
                BETTER
            } else {
                WORSE
            }
        }
    }
}

/// Whether a run may be the second of exercise 3's comparison: another setting than the first.
pub fn another_setting(before: &Trained, steps: usize, lr: f32) -> bool {
    before.steps != steps || before.lr != lr
}

/// Exercise 3 (a bet made before the second run): `pick` among `E3_CHOICES`, judged once the
/// second run (`after`, trained with another setting than `before`) has its loss.
pub fn setting_bet(pick: usize, before: &Trained, after: Option<&Trained>) -> Option<Verdict> {
    let after = after?;
    let effect = setting_effect(before, after);
    let (b, a) = (
        text::loss_or_exploded(before.loss),
        text::loss_or_exploded(after.loss),
    );
    let said = text::e3_effect(&before.label, &b, &after.label, &a, effect);
    Some(if pick == effect {
        Right(text::e3_right(&said))
    } else {
        Wrong(text::e3_wrong(&said))
    })
}

/// Exercise 4 (a choice): which list has more « bizarre » names, cold or hot (same beginning),
/// counted from the marks the pupil sees (`odd` of each list's counts).
pub fn odder_list(choice: usize, prefix: &str, lists: Option<(MarkCounts, MarkCounts)>) -> Verdict {
    if prefix.is_empty() {
        return NotAnAnswer(text::E4_PREFIX.into());
    }
    let Some((cold, hot)) = lists else {
        return NotAnAnswer(text::E4_LISTS.into());
    };
    let (c, h) = (cold.odd, hot.odd);
    let right = match c.cmp(&h) {
        std::cmp::Ordering::Greater => 0,
        std::cmp::Ordering::Less => 1,
        std::cmp::Ordering::Equal => 2,
    };
    if choice == right {
        Right(text::e4_right(prefix, c, h))
    } else {
        Wrong(text::e4_wrong(prefix, c, h))
    }
}

/// The own-list exercise: new names needed out of the 10 invented.
pub const OWN_NEW_NEEDED: usize = 3;

/// What the names invented from the pupil's list say about the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnState {
    /// `OWN_NEW_NEEDED` new names or more: it invents in the style of the list.
    Inventing,
    /// Mostly copies: it recites the list.
    Reciting,
    /// Mostly « bizarre »: it has not learned the style (or it is too hot).
    Babbling,
}

/// The one judgement of a draw from the pupil's model: the panel shows it and exercise 5 is
/// graded on it, so the two never disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnJudgement {
    pub state: OwnState,
    pub counts: MarkCounts,
    /// The sentence for the pupil (the same in the panel and the exercise).
    pub said: String,
}

/// Judges a draw of `names` from a model trained `steps` on the pupil's list (`marker`), at
/// `temperature`; `fewest_steps`: the fewest the page offers (the advice stops asking for fewer).
pub fn own_judgement(
    marker: &Marker,
    names: &[String],
    steps: usize,
    fewest_steps: usize,
    temperature: f32,
) -> OwnJudgement {
    let counts = marker.counts(names);
    let state = if counts.new >= OWN_NEW_NEEDED {
        OwnState::Inventing
    } else if counts.copies >= counts.odd {
        OwnState::Reciting
    } else {
        OwnState::Babbling
    };
    let example = names
        .iter()
        .find(|n| marker.mark(n) == Mark::New)
        .map(String::as_str);
    let marked = text::Marked {
        copies: counts.copies,
        new: counts.new,
        odd: counts.odd,
    };
    let said = match state {
        OwnState::Inventing => text::inventing(marked, example.unwrap_or_default()),
        OwnState::Reciting => text::reciting(marked, steps, steps <= fewest_steps),
        // Cold enough already: more steps; else cool it down first.
        OwnState::Babbling => text::babbling(marked, temperature > 1.0 + 1e-3),
    };
    OwnJudgement {
        state,
        counts,
        said,
    }
}

/// Exercise 5 (créer, every draw a try): the judgement of the last draw, if there is one.
pub fn own_list(judgement: Option<&OwnJudgement>, has_list: bool) -> Option<Verdict> {
    if !has_list {
        return None;
    }
    let Some(j) = judgement else {
        return Some(NotAnAnswer(text::E5_TRAIN.into()));
    };
    Some(if j.state == OwnState::Inventing {
        Right(text::e5_right(&j.said))
    } else {
        Wrong(j.said.clone())
    })
}

/// The alphabet a list is written in (the extended one if any name needs it).
pub fn alphabet_of(list: &[String]) -> minigpt::Alphabet {
    use minigpt::Alphabet;
    if list.iter().all(|n| Alphabet::Letters.can_write(n)) {
        Alphabet::Letters
    } else {
        Alphabet::Extended
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_fair_options;
    use minigpt::Alphabet;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn exercise_1_predicts_about_3_3() {
        assert!(start_loss(3.29, "3,3").is_right());
        for usual in ["0,04", "27"] {
            assert!(matches!(start_loss(3.29, usual), Wrong(_)));
        }
    }

    #[test]
    fn exercise_2_counts_a_wrong_domino_as_a_try_and_starts_again() {
        let mut d = Dominos::default();
        assert_eq!(dominos(&d), None);
        assert_eq!(d.place(1), Placement::Wrong, "the error starts at the loss");
        assert!(d.order.is_empty());
        assert!(matches!(dominos(&d), Some(Wrong(m)) if m.contains("Scores")));
        assert_eq!(d.place(0), Placement::Placed);
        assert_eq!(d.place(0), Placement::Ignored, "placed already");
        assert_eq!(d.place(1), Placement::Placed);
        assert!(matches!(dominos(&d), Some(Wrong(m)) if m.contains("Loss")));
        assert_eq!(d.place(4), Placement::Wrong);
        assert!(d.order.is_empty(), "a wrong domino: the order starts again");
        for s in 0..4 {
            assert_eq!(d.place(s), Placement::Placed);
        }
        assert_eq!(d.placement(4), Placement::Complete);
        assert_eq!(d.place(4), Placement::Complete);
        assert!(dominos(&d).unwrap().is_right());
        assert_eq!(
            d.place(2),
            Placement::Ignored,
            "complete: clicks do nothing"
        );
    }

    fn run(steps: usize, lr: f32, loss: Option<f32>) -> Trained {
        Trained {
            label: format!("{steps}/{lr}"),
            steps,
            lr,
            loss,
        }
    }

    #[test]
    fn exercise_3_judges_the_bet_on_the_losses_the_table_shows() {
        // Measured on the Pokémon (lesson 6's model, seed 42): 1 000 steps at 0,01 → 2,40;
        // 300 → 2,52; 3 000 → 2,31; 1 000 at 0,03 → 2,43; 3 000 at 0,1 explodes.
        let reference = run(1000, 0.01, Some(2.400));
        assert_eq!(
            setting_effect(&reference, &run(300, 0.01, Some(2.523))),
            WORSE
        );
        assert_eq!(
            setting_effect(&reference, &run(3000, 0.01, Some(2.310))),
            BETTER
        );
        assert_eq!(
            setting_effect(&reference, &run(1000, 0.03, Some(2.429))),
            SAME
        );
        assert_eq!(setting_effect(&reference, &run(3000, 0.1, None)), WORSE);
        // 2,446 shows as 2,45: five hundredths from 2,40 is not « pareil ».
        assert_eq!(
            setting_effect(&reference, &run(1000, 0.003, Some(2.446))),
            WORSE
        );
        assert_eq!(setting_bet(BETTER, &reference, None), None, "no result yet");
        assert!(
            setting_bet(WORSE, &reference, Some(&run(300, 0.01, Some(2.52))))
                .unwrap()
                .is_right()
        );
        assert!(matches!(
            setting_bet(BETTER, &reference, Some(&run(300, 0.01, Some(2.52)))),
            Some(Wrong(_))
        ));
        assert!(another_setting(&reference, 3000, 0.01));
        assert!(!another_setting(&reference, 1000, 0.01));
        assert_fair_options(text::E3_CHOICES, BETTER, 20);
    }

    #[test]
    fn exercise_4_counts_the_odd_marks_the_pupil_sees() {
        let data = names(&["marie", "martin", "manon", "mathis"]);
        let marker = Marker::new(Alphabet::Letters, &data);
        let cold = marker.counts(&names(&["marin", "manon"]));
        let hot = marker.counts(&names(&["mazqx", "mao"]));
        assert_eq!((cold.odd, hot.odd), (0, 2));
        assert!(odder_list(1, "ma", Some((cold, hot))).is_right());
        assert!(matches!(odder_list(0, "ma", Some((cold, hot))), Wrong(_)));
        assert!(
            odder_list(2, "ma", Some((cold, cold))).is_right(),
            "as many: no difference"
        );
        assert!(matches!(
            odder_list(1, "", Some((cold, hot))),
            NotAnAnswer(_)
        ));
        assert!(matches!(odder_list(1, "ma", None), NotAnAnswer(_)));
        assert_fair_options(text::E4_CHOICES, 1, 12);
    }

    #[test]
    fn exercise_5_panel_and_verdict_are_one_judgement() {
        let list = names(&[
            "lea", "leo", "lena", "lina", "nina", "nino", "noa", "nael", "elia", "eliot",
        ]);
        let marker = Marker::new(Alphabet::Letters, &list);
        // « s » and « hbbgoel » were once praised as new: one is too short, the other has
        // pairs the list never has.
        let babble = names(&[
            "s", "hbbgoel", "lea", "leo", "", "lea", "noa", "leo", "nina", "zzz",
        ]);
        let j = own_judgement(&marker, &babble, 300, 150, 1.0);
        assert_eq!(j.state, OwnState::Reciting);
        assert!(matches!(own_list(Some(&j), true), Some(Wrong(m)) if m == j.said));
        let good = names(&[
            "lena", "lino", "nena", "elina", "leo", "lia", "nael", "noa", "nino", "lea",
        ]);
        let j = own_judgement(&marker, &good, 150, 150, 0.8);
        assert_eq!(j.state, OwnState::Inventing);
        assert!(own_list(Some(&j), true).unwrap().is_right());
        // Four « bizarre » beside three new: still inventing, and the panel says both numbers.
        let mixed = names(&[
            "lino", "elina", "lia", "zq", "qqq", "lxa", "xx", "lea", "leo", "",
        ]);
        let j = own_judgement(&marker, &mixed, 300, 150, 1.8);
        assert_eq!(
            (j.state, j.counts.new, j.counts.odd),
            (OwnState::Inventing, 3, 4)
        );
        assert!(j.said.contains('3') && j.said.contains('4'), "{}", j.said);
        let odd = names(&["zq", "qqq", "lxa", "xx", "lea", "", "", "", "", ""]);
        let hot = own_judgement(&marker, &odd, 300, 150, 1.8);
        let cool = own_judgement(&marker, &odd, 300, 150, 0.8);
        assert_eq!(hot.state, OwnState::Babbling);
        assert_ne!(
            hot.said, cool.said,
            "too hot: cool it; cold already: more steps"
        );
        assert_eq!(own_list(None, false), None);
        assert!(matches!(own_list(None, true), Some(NotAnAnswer(_))));
    }
}
