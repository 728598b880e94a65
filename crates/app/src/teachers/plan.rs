//! A lesson's plan for the teacher (`#/enseignants/lecon/N`): the lesson's idea in five lines,
//! what to say to open and to close, the timed phases (their « Étape N » taken from the lesson's
//! step table) with a margin, what fast and slow pairs do, leads for the discussion, plan B and
//! its printable material, and the lesson's answer key.

use super::{keys_table, lesson_name, print_button, LessonProps};
use crate::route::Route;
use course::content::l4::vector as lesson_vector;
use course::content::{self, lesson, teachers as text, worksheets};
use course::rules::l4::{PANEL, QUESTION};
use course::text::NBSP;
use minigpt::data::TEACHING_SET;
use yew::prelude::*;
use yew_router::prelude::*;

/// « Étapes 4-5 » for a phase, from the lesson's step table.
fn steps_of(n: u8, keys: &[&str]) -> String {
    let numbers: Vec<usize> = keys
        .iter()
        .filter_map(|k| crate::lessons::step_number(n, k))
        .collect();
    text::steps_label(&numbers)
}

fn phases(n: u8, plan: &text::Plan) -> Html {
    html! {
        <table class="compare-table" data-testid="plan">
            <thead><tr><th>{ text::COL_MINUTES }</th><th>{ text::COL_STEPS }</th><th>{ text::COL_WHAT }</th><th>{ text::COL_HOW }</th></tr></thead>
            <tbody>{ for plan.phases.iter().map(|p| html! { <tr>
                <td>{ format!("{}{NBSP}min", p.minutes) }</td>
                <td>{ if p.steps.is_empty() { p.label.to_string() } else { steps_of(n, p.steps) } }</td>
                <td>{ p.what }</td><td>{ p.how }</td>
            </tr> }) }</tbody>
        </table>
    }
}

/// « [1 ; 0 ; 2 ; 1] », as lesson 4 writes a question or a panel.
fn numbers(v: &[i32]) -> String {
    lesson_vector(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>())
}

/// What to print for plan B.
fn material(m: text::Material) -> Html {
    let cards = |items: Vec<Html>| html! { <div class="material-cards">{ for items }</div> };
    let (intro, body) = match m {
        text::Material::None => return html! {},
        text::Material::NameCards => (
            text::MATERIAL_NAMES,
            html! { <div class="material-cards names">{ for TEACHING_SET.iter().map(|n| html! { <div class="material-card">{ format!(".{n}.") }</div> }) }</div> },
        ),
        text::Material::Slit => (
            text::MATERIAL_SLIT,
            html! { <div class="material-slit">
                <div class="slit"><span class="window one"></span><span>{ text::SLIT_ONE }</span></div>
                <div class="slit"><span class="window three"></span><span>{ text::SLIT_THREE }</span></div>
            </div> },
        ),
        text::Material::Panels => (
            text::MATERIAL_PANELS,
            cards(".chat".chars().enumerate().map(|(i, c)| html! { <div class="material-card panel">
                <strong>{ c.to_string() }</strong>
                <span>{ format!("{}{NBSP}: {}", text::PANEL_QUESTION, numbers(&QUESTION[i])) }</span>
                <span>{ format!("{}{NBSP}: {}", text::PANEL_PANEL, numbers(&PANEL[i])) }</span>
            </div> }).collect()),
        ),
        text::Material::Dominos => (
            text::MATERIAL_DOMINOS,
            cards(content::l6::DOMINO_STAGES.iter().map(|s| html! { <div class="material-card domino">{ *s }</div> }).collect()),
        ),
    };
    html! {
        <section class="material" data-testid="material">
            <h2>{ text::MATERIAL }</h2>
            <p>{ intro }</p>
            { body }
        </section>
    }
}

#[function_component]
pub fn LessonPlan(props: &LessonProps) -> Html {
    // The plan holds the lesson's answer key: its one-shots count as seen on this PC.
    let key = lesson(props.n).map_or("", |m| m.key);
    let shown = course::progress::seen::ONE_SHOTS
        .iter()
        .filter(|id| id.split('.').next() == Some(key));
    crate::progress::use_answers_shown(shown.copied().collect());
    let (Some(meta), Some(plan)) = (lesson(props.n), text::plan(props.n)) else {
        return html! { <main id="contenu"><p>{ course::content::pages::NO_LESSON }</p></main> };
    };
    let total: u32 = plan.phases.iter().map(|p| p.minutes).sum();
    html! {
        <main id="contenu" class="teachers printable">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ text::CORNER_TITLE }</Link<Route>></p>
            <h1>{ lesson_name(props.n) }</h1>
            <h2>{ text::OBJECTIVES }</h2>
            <ul>{ for meta.teacher_objectives.iter().map(|o| html! { <li>{ text::objective(o) }</li> }) }</ul>
            <p><strong>{ format!("{}{NBSP}: ", text::PREREQUISITES) }</strong>{ plan.prerequisites }</p>
            <h2>{ text::BACKGROUND }</h2>
            <p data-testid="background">{ plan.background }</p>
            <h2>{ text::OPENING }</h2>
            <blockquote data-testid="opening">{ plan.opening }</blockquote>
            <h2>{ format!("{} ({total}{NBSP}min)", text::PLAN_TITLE) }</h2>
            { phases(props.n, plan) }
            <p data-testid="margin">{ text::margin(meta.minutes.saturating_sub(total)) }</p>
            <h2>{ text::CLOSING }</h2>
            <blockquote data-testid="closing">{ plan.closing }</blockquote>
            <h2>{ text::FURTHER }</h2>
            <p>{ plan.further }</p>
            <h2>{ text::SKIP }</h2>
            <p>{ plan.skip }</p>
            <h2>{ text::DISCUSSION }</h2>
            <p><em>{ content::reflection_question(props.n) }</em></p>
            <ul data-testid="discussion">{ for plan.discussion.iter().map(|d| html! { <li>{ *d }</li> }) }</ul>
            <section class="trouble" data-testid="trouble">
                <h2>{ text::TROUBLE_TITLE }</h2>
                <dl>{ for text::TROUBLE.iter().map(|(what, todo)| html! { <><dt>{ *what }</dt><dd>{ *todo }</dd></> }) }</dl>
            </section>
            <h2>{ text::PLAN_B }</h2>
            <p>{ plan.plan_b }</p>
            { material(plan.material) }
            <h2>{ text::CHATGPT_TITLE }</h2>
            <p>{ text::CHATGPT[0] }{ " " }{ text::CHATGPT[1] }</p>
            <h2>{ text::EXERCISES_TITLE }</h2>
            { keys_table(meta) }
            <p class="row no-print">
                { print_button() }
                <Link<Route> to={Route::Worksheet { n: props.n }} classes="btn">{ worksheets::OPEN_WORKSHEET }</Link<Route>>
                <Link<Route> to={Route::Sheet { n: props.n }} classes="btn">{ text::OPEN_SHEET }</Link<Route>>
                <Link<Route> to={Route::Lesson { n: props.n }} classes="btn">{ text::OPEN_LESSON }</Link<Route>>
            </p>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use course::content::{lesson, teachers as text, teachers::PLANS, worksheets};

    /// Minutes kept free in every plan: a session never runs exactly to the minute.
    const MARGIN_MINUTES: u32 = 5;

    #[test]
    fn every_plan_keeps_a_margin_and_walks_every_step_in_order() {
        assert_eq!(PLANS.len(), 7);
        for plan in PLANS {
            let n = plan.lesson;
            let meta = lesson(n).unwrap();
            let total: u32 = plan.phases.iter().map(|p| p.minutes).sum();
            assert_eq!(
                total + MARGIN_MINUTES,
                meta.minutes,
                "lesson {n}: {total} min of phases and {MARGIN_MINUTES} of margin in a {}-minute session",
                meta.minutes
            );
            let steps = crate::lessons::outline(n).unwrap();
            let walked: Vec<&str> = plan
                .phases
                .iter()
                .flat_map(|p| p.steps.iter().copied())
                .collect();
            let keys: Vec<&str> = steps.iter().map(|s| s.key).collect();
            assert_eq!(walked, keys, "lesson {n}: every step once, in order");
            assert_eq!(plan.discussion.len(), 3, "lesson {n}");
            for said in [plan.opening, plan.closing] {
                let sentences = said.matches(['.', '?', '!']).count();
                assert!(
                    (2..=5).contains(&sentences),
                    "lesson {n}: «\u{a0}{said}\u{a0}»"
                );
            }
        }
        // Lesson 6's reflection has a slot of its own.
        // (Every plan's first and last phases: naming oneself, then the files' collection.)
        let six = PLANS.iter().find(|p| p.lesson == 6).unwrap();
        assert!(six
            .phases
            .iter()
            .any(|p| p.steps == ["reflechir"] && p.minutes >= 5));
    }

    #[test]
    fn every_session_names_its_pupils_first_and_collects_their_files_last() {
        for plan in PLANS {
            let n = plan.lesson;
            let (first, last) = (&plan.phases[0], plan.phases.last().unwrap());
            assert_eq!(first.label, text::INSTALL, "lesson {n}");
            assert!(
                first.what.contains("Nous sommes deux"),
                "lesson {n}: the pair rule"
            );
            assert_eq!(last.label, text::COLLECT, "lesson {n}");
            assert_eq!(
                last.minutes, 5,
                "lesson {n}: five minutes to collect the files"
            );
            for step in [
                "Ma progression",
                "Envoyer à mon professeur",
                "Téléchargements",
                "professeur",
                "ticket de sortie",
            ] {
                assert!(last.what.contains(step), "lesson {n}: {step}");
            }
            // The exit ticket is written while the files travel, not squeezed into the review.
            let before: Vec<&str> = plan.phases[..plan.phases.len() - 1]
                .iter()
                .map(|p| p.what)
                .collect();
            assert!(
                !before.iter().any(|w| w.contains("ticket de sortie")),
                "lesson {n}"
            );
        }
    }

    #[test]
    fn projected_steps_with_exercises_say_the_pairs_answer_on_their_pc() {
        for plan in PLANS {
            let n = plan.lesson;
            let steps = crate::lessons::outline(n).unwrap();
            for phase in plan.phases {
                let exercises = phase
                    .steps
                    .iter()
                    .any(|k| steps.iter().any(|s| s.key == *k && !s.exercises.is_empty()));
                if phase.how.starts_with(text::TOGETHER) && exercises {
                    assert_eq!(
                        phase.how,
                        text::TOGETHER_ON_PC,
                        "lesson {n}: {}",
                        phase.what
                    );
                }
            }
        }
        assert!(text::TOGETHER_ON_PC.contains("sur son poste"));
    }

    #[test]
    fn the_trouble_box_covers_what_goes_wrong_in_a_session() {
        let all: String = text::TROUBLE
            .iter()
            .map(|(w, t)| format!("{w} {t} "))
            .collect();
        for case in [
            "ne s'ouvre pas",
            "trop ancien",
            "Enregistrer ma phrase",
            "Téléchargements",
            "autre nom",
        ] {
            assert!(all.contains(case), "{case}");
        }
    }

    #[test]
    fn the_worksheets_predictions_are_the_lessons_predictions() {
        for id in worksheets::PREDICTIONS {
            let (meta, _) = course::content::exercise_place(id).unwrap();
            let e = meta.exercises.iter().find(|e| e.id == *id).unwrap();
            assert!(
                e.question.to_lowercase().contains("prédis"),
                "{id}: {}",
                e.question
            );
        }
    }
}
