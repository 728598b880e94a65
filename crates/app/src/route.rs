//! Hash routes (`#/lecon/1/etape/3`): they work from file:// and a teacher can deep-link.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/lecon/:n")]
    Lesson { n: u8 },
    /// Steps are numbered from 1 in the address.
    #[at("/lecon/:n/etape/:step")]
    LessonStep { n: u8, step: usize },
    #[at("/enseignants")]
    Teachers,
    #[at("/atelier")]
    Atelier,
    #[at("/confidentialite")]
    Privacy,
    #[at("/enseignants/vitesse")]
    Bench,
    #[not_found]
    #[at("/introuvable")]
    NotFound,
}
