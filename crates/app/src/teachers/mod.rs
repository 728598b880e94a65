//! The teachers' corner: how to run the course, a plan and answer key per lesson, the whole
//! answer key, how it fits the programmes, a printable sheet per lesson, and the one-file
//! offline version to download. All its text lives in `content::teachers`.

pub mod class;
pub mod dpo;
pub mod next_steps;
mod plan;
pub mod worksheet;

pub use plan::LessonPlan;

use crate::icons::{icon, Icon};
use crate::route::Route;
use crate::widgets::architecture::ArchitectureDiagram;
use crate::widgets::attention::CausalMask;
use crate::widgets::embedding::EmbeddingTable;
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::loss_slider::LossSlider;
use course::content::{self, lesson, teachers as text, LESSONS};
use course::text::{int, NBSP};
use minigpt::bigram::BigramCounts;
use minigpt::data::TEACHING_SET;
use minigpt::Alphabet;
use rand::SeedableRng;
use yew::prelude::*;
use yew_router::prelude::*;

/// The page opened from a file (the offline version) rather than from a server.
fn from_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

pub(crate) fn print_button() -> Html {
    html! {
        <button type="button" class="btn no-print" onclick={|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }} data-testid="print">
            { icon(Icon::Print) }{ text::PRINT }</button>
    }
}

pub(crate) fn lesson_name(n: u8) -> String {
    match lesson(n) {
        Some(l) => text::lesson_name(l.number, l.bonus, l.title),
        None => String::new(),
    }
}

#[function_component]
pub fn Corner() -> Html {
    html! {
        <main id="contenu" class="teachers">
            <h1>{ text::CORNER_TITLE }</h1>
            <p>{ text::CORNER_INTRO }</p>

            <h2>{ text::KIT_TITLE }</h2>
            <p>{ text::KIT_INTRO }</p>
            <div class="kit-cards">
                { for LESSONS.iter().map(|l| html! {
                    <section class="card" data-lesson={l.number.to_string()}>
                        <h3>{ format!("{} ({}{NBSP}min, {})", lesson_name(l.number), l.minutes, course::text::count(l.exercises.len(), "exercice", "exercices")) }</h3>
                        <p>{ l.summary }</p>
                        <ul>{ for l.teacher_objectives.iter().map(|o| html! { <li>{ text::objective(o) }</li> }) }</ul>
                        <p class="row">
                            <Link<Route> to={Route::TeacherLesson { n: l.number }} classes="btn">{ text::OPEN_PLAN }</Link<Route>>
                            <Link<Route> to={Route::Worksheet { n: l.number }} classes="btn">{ content::worksheets::OPEN_WORKSHEET }</Link<Route>>
                            <Link<Route> to={Route::Sheet { n: l.number }} classes="btn">{ text::OPEN_SHEET }</Link<Route>>
                            <Link<Route> to={Route::Lesson { n: l.number }} classes="btn subtle">{ text::OPEN_LESSON }</Link<Route>>
                        </p>
                    </section>
                }) }
            </div>
            <p><Link<Route> to={Route::AnswerKey}>{ text::ANSWER_KEY_LINK }</Link<Route>>{ " · " }<Link<Route> to={Route::Curriculum}>{ text::CURRICULUM_LINK }</Link<Route>></p>
            <p><Link<Route> to={Route::Class} classes="btn primary">{ text::CLASS_LINK }</Link<Route>></p>
            <p><Link<Route> to={Route::NextSteps}>{ content::next_steps::LINK }</Link<Route>></p>

            <h2>{ text::CHATGPT_TITLE }</h2>
            { for text::CHATGPT.iter().map(|p| html! { <p>{ *p }</p> }) }

            <h2>{ text::TIPS_TITLE }</h2>
            <ul>{ for text::TIPS.iter().map(|t| html! { <li>{ *t }</li> }) }</ul>

            <h2>{ text::OFFLINE_TITLE }</h2>
            <p>{ text::OFFLINE }</p>
            if from_file() {
                <p class="feedback ok" data-testid="already-offline">{ text::ALREADY_OFFLINE }</p>
            } else {
                <p><a class="btn primary" href="tuto-llm.html" download="tuto-llm.html" data-testid="download-offline">{ icon(Icon::Download) }{ text::DOWNLOAD }</a></p>
            }
            <p>{ text::OFFLINE_PROGRESS }</p>

            <h2>{ text::BROWSERS_TITLE }</h2>
            <p>{ text::BROWSERS_INTRO }</p>
            <table class="compare-table" data-testid="browsers">
                <tr><th>{ text::COL_ENGINE }</th><th>{ text::COL_VERSION }</th><th>{ text::COL_RESULT }</th></tr>
                { for text::BROWSERS.iter().map(|(e, v, r)| html! { <tr><td>{ *e }</td><td>{ *v }</td><td>{ *r }</td></tr> }) }
            </table>
            <p>{ text::BROWSERS_NOTE }</p>

            <h2>{ text::SPEED_TITLE }</h2>
            <p>{ text::SPEED }{ " " }<Link<Route> to={Route::Bench}>{ text::SPEED_LINK }</Link<Route>></p>

            <h2>{ text::PRIVACY_TITLE }</h2>
            <p>{ text::PRIVACY }{ " " }<Link<Route> to={Route::Privacy}>{ text::PRIVACY_LINK }</Link<Route>></p>
            <crate::widgets::pupil::ClearComputer />
            <p><Link<Route> to={Route::Dpo}>{ content::legal::DPO_LINK }</Link<Route>></p>

            <h2>{ text::LICENCE_TITLE }</h2>
            <p>{ text::LICENCE }</p>
            <Link<Route> to={Route::Home} classes="btn">{ course::content::pages::BACK_HOME }</Link<Route>>
        </main>
    }
}

pub(crate) fn keys_table(meta: &content::LessonMeta) -> Html {
    html! { <>
        <table class="compare-table key-table" data-lesson={meta.number.to_string()}>
            <thead><tr><th>{ text::COL_EXERCISE }</th><th>{ text::COL_LEVEL }</th><th>{ text::COL_EXPECTED }</th><th>{ text::COL_USUAL }</th><th>{ text::COL_RELAUNCH }</th></tr></thead>
            <tbody>
            { for meta.exercises.iter().enumerate().map(|(i, e)| {
                let k = text::key(e.id);
                let name = text::exercise_name(meta.number, meta.bonus, i + 1);
                html! { <tr data-exercise={e.id}>
                    <td><strong>{ name }</strong><br />{ e.topic }</td><td>{ e.level.label() }</td>
                    <td>{ k.map_or("", |k| k.expected) }</td><td>{ k.map_or("", |k| k.usual) }</td><td>{ k.map_or("", |k| k.relaunch) }</td>
                </tr> }
            }) }
            </tbody>
        </table>
        { tickets_key(meta.number) }
    </> }
}

/// The exit ticket's expected answers, under the lesson's key.
fn tickets_key(n: u8) -> Html {
    html! {
        <div class="tickets-key">
            <h3>{ content::worksheets::KEY_TICKETS }</h3>
            <ol>{ for content::worksheets::exit_ticket(n).iter().map(|t| html! { <li><strong>{ t.question }</strong>{ " " }{ t.answer }</li> }) }</ol>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub n: u8,
}

#[function_component]
pub fn AnswerKey() -> Html {
    // Every one-shot's answer is on this page: for the next hour it counts as seen on this PC.
    crate::progress::use_answers_shown(course::progress::seen::ONE_SHOTS.to_vec());
    html! {
        <main id="contenu" class="teachers printable">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ text::CORNER_TITLE }</Link<Route>></p>
            <h1>{ text::ANSWER_KEY_TITLE }</h1>
            <p>{ text::ANSWER_KEY_INTRO }</p>
            { for LESSONS.iter().map(|l| html! { <section><h2>{ lesson_name(l.number) }</h2>{ keys_table(l) }</section> }) }
            { print_button() }
        </main>
    }
}

#[function_component]
pub fn Curriculum() -> Html {
    html! {
        <main id="contenu" class="teachers printable">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ text::CORNER_TITLE }</Link<Route>></p>
            <h1>{ text::CURRICULUM_TITLE }</h1>
            <p>{ text::CURRICULUM_INTRO }</p>
            <table class="compare-table curriculum" data-testid="curriculum">
                <thead><tr><th>{ text::COL_LESSON }</th><th>{ text::COL_MATHS }</th><th>{ text::COL_TECHNOLOGY }</th></tr></thead>
                <tbody>{ for text::CURRICULUM.iter().map(|(l, m, t)| html! { <tr><th scope="row">{ *l }</th><td>{ *m }</td><td>{ *t }</td></tr> }) }</tbody>
            </table>
            <p><strong>{ text::CURRICULUM_PIX.0 }</strong>{ " — " }{ text::CURRICULUM_PIX.1 }</p>
            <h2>{ content::common::SOURCES }</h2>
            <ul>{ for text::CURRICULUM_SOURCES.iter().map(|(t, d)| html! { <li><cite>{ *t }</cite>{ " — " }{ *d }</li> }) }</ul>
            { print_button() }
        </main>
    }
}

/// The lesson's key picture, drawn by the same widgets as the lesson.
fn key_picture(n: u8) -> Html {
    let letters = Alphabet::Letters;
    match n {
        1 => {
            let counts = BigramCounts::from_names(letters, &TEACHING_SET);
            let rows: Vec<Vec<f32>> = counts
                .counts
                .iter()
                .map(|r| r.iter().map(|&c| c as f32).collect())
                .collect();
            html! { <Heatmap name="sheet" values={rows} labels={letters.symbols()} scale={Scale::Counts} title={text::SHEET_TABLE_TITLE} description={text::SHEET_TABLE_DESCRIPTION} /> }
        }
        2 => html! { <LossSlider p={0.04} on_change={Callback::noop()} testid="sheet-slider" /> },
        3 => {
            let model = minigpt::ContextMlp::new(
                letters,
                3,
                8,
                64,
                &mut rand_chacha::ChaCha8Rng::seed_from_u64(3),
            );
            html! { <EmbeddingTable rows={(0..letters.size()).map(|i| model.embedding(i).to_vec()).collect::<Vec<_>>()} /> }
        }
        4 => html! { <CausalMask letters={vec!['.', 'c', 'h', 'a', 't']} /> },
        5 => html! { <ArchitectureDiagram selected={7} on_select={Callback::noop()} /> },
        6 => html! {
            <div class="dominos fallen" role="img" aria-label={text::SHEET_DOMINOS}>
                { for content::l6::DOMINO_STAGES.iter().map(|s| html! { <div class="domino">{ *s }</div> }) }
            </div>
        },
        _ => html! {
            <table class="giants">
                <tr><th>{ text::COL_MODEL }</th><th>{ text::COL_PARAMS }</th></tr>
                { for crate::lessons::bonus::sizes().iter().zip(content::bonus::MODELS).map(|(c, (name, _))| html! { <tr><td>{ name }</td><td>{ int(c.param_count() as u64) }</td></tr> }) }
                <tr><td>{ content::bonus::GPT3.0 }</td><td>{ content::bonus::GPT3.1 }</td></tr>
            </table>
        },
    }
}

fn sheet_texts(
    n: u8,
) -> (
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
) {
    match n {
        1 => (content::l1::VOCABULARY, content::l1::LEARNED),
        2 => (content::l2::VOCABULARY, content::l2::LEARNED),
        3 => (content::l3::VOCABULARY, content::l3::LEARNED),
        4 => (content::l4::VOCABULARY, content::l4::LEARNED),
        5 => (content::l5::VOCABULARY, content::l5::LEARNED),
        6 => (content::l6::VOCABULARY, content::l6::LEARNED),
        _ => (content::bonus::VOCABULARY, content::bonus::LEARNED),
    }
}

/// The pupil's sheet: vocabulary, the key picture, « Ce qu'on a appris ».
#[function_component]
pub fn Sheet(props: &LessonProps) -> Html {
    if lesson(props.n).is_none() {
        return html! { <main id="contenu"><p>{ course::content::pages::NO_LESSON }</p></main> };
    }
    let (vocabulary, learned) = sheet_texts(props.n);
    html! {
        <main id="contenu" class="sheet printable">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ text::CORNER_TITLE }</Link<Route>></p>
            <h1>{ text::titled(text::SHEET_TITLE, &lesson_name(props.n)) }</h1>
            <p class="sheet-name">{ text::SHEET_NAME }</p>
            <h2>{ content::common::VOCABULARY }</h2>
            <dl class="vocab-list">{ for vocabulary.iter().map(|(w, d)| html! { <><dt>{ *w }</dt><dd>{ *d }</dd></> }) }</dl>
            <h2>{ text::SHEET_PICTURE }</h2>
            { key_picture(props.n) }
            <p class="picture-legend" data-testid="picture-legend">{ content::worksheets::picture_legend(props.n) }</p>
            <h2>{ content::common::LEARNED }</h2>
            <ul>{ for learned.iter().map(|l| html! { <li>{ *l }</li> }) }</ul>
            { print_button() }
        </main>
    }
}
