//! Hash routes (`#/lecon/1/etape/3`): they work from file:// and a teacher can deep-link.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/lecon/:n")]
    Lesson { n: u8 },
    /// Steps are numbered from 1 in the address. The bonus lesson is number 7.
    #[at("/lecon/:n/etape/:step")]
    LessonStep { n: u8, step: usize },
    #[at("/enseignants")]
    Teachers,
    /// The teacher's page for one lesson: plan, answer key, curriculum.
    #[at("/enseignants/lecon/:n")]
    TeacherLesson { n: u8 },
    /// Every exercise's answer key, printable.
    #[at("/enseignants/corrige")]
    AnswerKey,
    /// How the lessons fit the cycle 4 programmes.
    #[at("/enseignants/programmes")]
    Curriculum,
    #[at("/enseignants/vitesse")]
    Bench,
    /// « Ma classe »: the pupils' progress files in one table.
    #[at("/enseignants/classe")]
    Class,
    /// « Note pour le ou la DPO »: the personal data of the collected files.
    #[at("/enseignants/dpo")]
    Dpo,
    /// « Et après ? »: from the pupil's model to code.
    #[at("/enseignants/et-apres")]
    NextSteps,
    /// The pupil's printable sheet for a lesson.
    #[at("/fiche/:n")]
    Sheet { n: u8 },
    /// The pupil's worksheet for a lesson: exercises to write, an exit ticket.
    #[at("/fiche/:n/activite")]
    Worksheet { n: u8 },
    /// "Ma progression": exercises done per lesson, printable.
    #[at("/progression")]
    Progress,
    #[at("/atelier")]
    Atelier,
    #[at("/confidentialite")]
    Privacy,
    #[at("/mentions-legales")]
    Legal,
    #[not_found]
    #[at("/introuvable")]
    NotFound,
}
