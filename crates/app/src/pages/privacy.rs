//! "Confidentialité": what the app keeps, where, and how to erase it.

use crate::progress::{use_progress, Action};
use yew::prelude::*;

#[function_component]
pub fn Privacy() -> Html {
    let progress = use_progress();
    let erase = {
        let progress = progress.clone();
        Callback::from(move |_| {
            for n in 1..=6 {
                progress.dispatch(Action::ResetLesson(n));
            }
        })
    };
    html! {
        <main id="contenu">
            <h1>{ "Confidentialité" }</h1>
            <ul>
                <li>{ "Pas de compte, pas d'inscription : tu n'as rien à donner." }</li>
                <li>{ "Rien n'est envoyé sur Internet : les modèles s'entraînent dans ta page, sur ton ordinateur. Pas de publicité, pas de mesure d'audience, pas de police téléchargée." }</li>
                <li>{ "Ta progression (les exercices réussis) reste dans ce navigateur, sur cet ordinateur. Les noms que tu tapes ne sont pas enregistrés." }</li>
                <li>{ "Pour tout effacer : le bouton ci-dessous, ou « Recommencer la leçon » en bas de chaque leçon, ou « effacer les données du site » dans les réglages du navigateur." }</li>
            </ul>
            <button type="button" class="btn" onclick={erase} data-testid="erase-all">{ "Effacer toute ma progression" }</button>
        </main>
    }
}
