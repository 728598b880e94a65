//! One module per lesson. Each is a component that keeps the lesson's state (names added,
//! runs made…) while the pupil moves between its steps, and one table of its steps: a step's
//! key, title, exercises and the small function that draws it. The step count, the addresses
//! (`#/lecon/N/etape/K`), the « Étape K » of the teachers' plans and the worksheets all come from
//! that table. Each lesson's exercise rules are pure functions in `course::rules` (tested
//! natively there).

pub mod bonus;
pub mod common;
pub mod l1_deviner;
pub mod l2_erreurs;
pub mod l3_memoire;
pub mod l4_attention;
pub mod l5_llm;
pub mod l6_entrainer;
pub mod page;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepProps {
    /// 0-based step index.
    pub step: usize,
}

/// One step of a lesson whose state is `S`.
pub struct Step<S: 'static> {
    /// A stable name for the teachers' plans ("fenetre").
    pub key: &'static str,
    pub title: &'static str,
    /// The exercises on this step, in order.
    pub exercises: &'static [&'static str],
    pub view: fn(&S) -> Html,
}

/// What the frame, the plans and the worksheets know of a step (not how it is drawn).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepInfo {
    pub key: &'static str,
    pub title: &'static str,
    pub exercises: &'static [&'static str],
}

impl<S> Step<S> {
    pub const fn info(&self) -> StepInfo {
        StepInfo {
            key: self.key,
            title: self.title,
            exercises: self.exercises,
        }
    }
}

/// The step to draw: the index, kept inside the table.
pub fn pick<S>(steps: &'static [Step<S>], step: usize) -> &'static Step<S> {
    &steps[step.min(steps.len() - 1)]
}

fn infos<S>(steps: &'static [Step<S>]) -> Vec<StepInfo> {
    steps.iter().map(Step::info).collect()
}

/// The steps of lesson `n` (the bonus is 7).
pub fn outline(n: u8) -> Option<Vec<StepInfo>> {
    Some(match n {
        1 => infos(l1_deviner::STEPS),
        2 => infos(l2_erreurs::STEPS),
        3 => infos(l3_memoire::STEPS),
        4 => infos(l4_attention::STEPS),
        5 => infos(l5_llm::STEPS),
        6 => infos(l6_entrainer::STEPS),
        7 => infos(bonus::STEPS),
        _ => return None,
    })
}

/// The 1-based number of the step of lesson `n` whose key is `key`.
pub fn step_number(n: u8, key: &str) -> Option<usize> {
    outline(n)?.iter().position(|s| s.key == key).map(|i| i + 1)
}

/// The lesson's page, at 0-based `step`.
pub fn view(n: u8, step: usize) -> Html {
    match n {
        1 => html! { <l1_deviner::Lesson1 step={step} /> },
        2 => html! { <l2_erreurs::Lesson2 step={step} /> },
        3 => html! { <l3_memoire::Lesson3 step={step} /> },
        4 => html! { <l4_attention::Lesson4 step={step} /> },
        5 => html! { <l5_llm::Lesson5 step={step} /> },
        6 => html! { <l6_entrainer::Lesson6 step={step} /> },
        _ => html! { <bonus::BonusLesson step={step} /> },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_exercise_has_a_key_a_step_and_one_lesson() {
        use course::content::{teachers, LESSONS};
        for lesson in LESSONS {
            let outline = super::outline(lesson.number).expect("every lesson has steps");
            for e in lesson.exercises {
                assert!(teachers::key(e.id).is_some(), "{} has no answer key", e.id);
                assert_eq!(
                    outline
                        .iter()
                        .filter(|s| s.exercises.contains(&e.id))
                        .count(),
                    1,
                    "{} is on exactly one step",
                    e.id
                );
                assert!(e.id.starts_with(&format!("{}.", lesson.key)));
            }
            let on_steps: usize = outline.iter().map(|s| s.exercises.len()).sum();
            assert_eq!(
                on_steps,
                lesson.exercises.len(),
                "lesson {}: the step table lists its exercises",
                lesson.number
            );
        }
    }
}
