//! The dataset as chips: remove one with its ×, add your own names (cleaned by the core, with a
//! French explanation of anything changed or left out).

use crate::text::count;
use minigpt::vocab::DropReason;
use minigpt::Alphabet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub names: Vec<String>,
    pub on_change: Callback<Vec<String>>,
    /// Names that cannot be removed (the lesson's base list stays).
    #[prop_or_default]
    pub locked: usize,
}

/// The names `clean` kept from `text` (new ones only), and what it changed or left out, said
/// for a pupil.
pub fn explain_drops(
    text: &str,
    existing: &[String],
    alphabet: Alphabet,
) -> (Vec<String>, Vec<String>) {
    let report = alphabet.clean(text);
    let mut notes = Vec::new();
    let digits = report.count(DropReason::Digit);
    let punct = report.count(DropReason::Punctuation);
    let other = report.count(DropReason::Other);
    if !report.accents_removed.is_empty() {
        let letters: String = report.accents_removed.iter().collect();
        notes.push(match alphabet {
            Alphabet::Letters => format!(
                "Accents enlevés ({letters})\u{a0}: ce modèle ne connaît que les 26 lettres sans accent."
            ),
            Alphabet::Extended => format!(
                "Accents enlevés ({letters})\u{a0}: ces lettres ne sont pas dans l'alphabet étendu."
            ),
        });
    }
    if digits > 0 {
        notes.push(format!(
            "{}\u{a0}: le modèle ne connaît que les lettres.",
            count(digits, "chiffre enlevé", "chiffres enlevés")
        ));
    }
    if punct > 0 {
        notes.push(format!(
            "{}.",
            count(
                punct,
                "signe de ponctuation enlevé",
                "signes de ponctuation enlevés"
            )
        ));
    }
    if other > 0 {
        notes.push(format!(
            "{}\u{a0}: ils ne font pas partie de l'alphabet du modèle.",
            count(
                other,
                "symbole ou emoji enlevé",
                "symboles ou emoji enlevés"
            )
        ));
    }
    let (new, dup): (Vec<String>, Vec<String>) = report
        .names
        .into_iter()
        .partition(|n| !existing.contains(n));
    if !dup.is_empty() || !report.duplicates.is_empty() {
        notes.push(format!(
            "Déjà dans la liste\u{a0}: {}.",
            dup.iter()
                .chain(&report.duplicates)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    (new, notes)
}

#[function_component]
pub fn NameChips(props: &Props) -> Html {
    let input = use_node_ref();
    let notes = use_state(Vec::<String>::new);
    let add = {
        let (input, notes, names, cb) = (
            input.clone(),
            notes.clone(),
            props.names.clone(),
            props.on_change.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let (new, mut msgs) = explain_drops(&el.value(), &names, Alphabet::Letters);
            if new.is_empty() && msgs.is_empty() {
                msgs.push(
                    "Écris un nom avec des lettres, par exemple «\u{a0}tortank\u{a0}».".into(),
                );
            }
            if !new.is_empty() {
                msgs.insert(0, format!("Ajouté\u{a0}: {}.", new.join(", ")));
                let mut all = names.clone();
                all.extend(new);
                cb.emit(all);
                el.set_value("");
            }
            notes.set(msgs);
        })
    };
    html! {
        <div class="widget name-chips" data-widget="name-chips">
            <ul class="chips" aria-label={count(props.names.len(), "nom dans la liste", "noms dans la liste")}>
                { for props.names.iter().enumerate().map(|(i, name)| {
                    let removable = i >= props.locked;
                    let remove = {
                        let (names, cb) = (props.names.clone(), props.on_change.clone());
                        Callback::from(move |_| { let mut all = names.clone(); all.remove(i); cb.emit(all); })
                    };
                    html! {
                        <li class={classes!("chip", removable.then_some("mine"))}>
                            { name.clone() }
                            if removable {
                                <button type="button" class="chip-x" aria-label={format!("Enlever {name}")} onclick={remove}>{ "×" }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <form class="add-name" onsubmit={add}>
                <label>{ "Ajoute des noms (sépare-les par des espaces ou des virgules)\u{a0}: " }
                    <input ref={input} type="text" placeholder="ex.\u{a0}: tortank, tiplouf" data-testid="add-name-input" />
                </label>
                <button type="submit" class="btn">{ "Ajouter" }</button>
            </form>
            if !notes.is_empty() {
                <ul class="notes" role="status">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
        </div>
    }
}
