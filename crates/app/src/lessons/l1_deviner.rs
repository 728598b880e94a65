//! Lesson 1 "Deviner la suite": count letter pairs, turn counts into probabilities, invent names.

use super::common::{paragraph, recap, welcome};
use super::StepProps;
use crate::content::l1 as text;
use crate::exercise::{Exercise, Kind};
use crate::text::{letter, parse_token};
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::name_chips::NameChips;
use crate::widgets::prob_bars::{ranked, ProbBars};
use minigpt::bigram::BigramCounts;
use minigpt::data::{Dataset, TEACHING_SET};
use minigpt::vocab::{encode_char, encode_name, BOUNDARY, VOCAB_SIZE};
use std::rc::Rc;
use yew::prelude::*;

/// Letters whose value is the row's maximum (ties are all right answers).
fn best_letters(row: &[f32; VOCAB_SIZE]) -> Vec<usize> {
    let max = row.iter().fold(0.0f32, |m, &v| m.max(v));
    (0..VOCAB_SIZE)
        .filter(|&i| max > 0.0 && (row[i] - max).abs() < 1e-6)
        .collect()
}

fn letters_list(ids: &[usize]) -> String {
    ids.iter()
        .map(|&i| format!("« {} »", letter(i)))
        .collect::<Vec<_>>()
        .join(" ou ")
}

/// Checks a one-letter answer against the accepted letters.
fn check_letter(
    answer: &str,
    accepted: &[usize],
    praise: String,
    nudge: String,
) -> Result<String, String> {
    let id = parse_token(answer)?;
    if accepted.contains(&id) {
        Ok(praise)
    } else {
        Err(nudge)
    }
}

#[function_component]
pub fn Lesson1(props: &StepProps) -> Html {
    let names = use_state(|| {
        TEACHING_SET
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    });
    let counts = use_memo((*names).clone(), |names| BigramCounts::from_names(names));
    let count_rows: Vec<[f32; VOCAB_SIZE]> =
        counts.counts.iter().map(|r| r.map(|c| c as f32)).collect();
    let prob_table = use_memo(counts.clone(), |c| {
        Rc::new(
            (0..VOCAB_SIZE)
                .map(|r| c.probabilities(r, 0.0))
                .collect::<Vec<_>>(),
        )
    });
    let selected = use_state(|| encode_char('a').unwrap());
    let pair_step = use_state(|| 0usize);
    let invented = use_state(Vec::<Invented>::new);
    let revealed = use_state(|| false);
    let shown_phone = use_state(|| false);
    let checked = use_state(Vec::<(String, bool)>::new);

    let a = encode_char('a').unwrap();
    match props.step {
        0 => html! {
            <>
                <div class="card">
                    <p>{ text::PHONE }</p>
                    <button type="button" class="btn primary" onclick={{ let s = shown_phone.clone(); move |_| s.set(true) }} data-testid="first-click">
                        { "Clique : que propose le téléphone ?" }
                    </button>
                    if *shown_phone {
                        <div class="phone" role="status">
                            <p class="typed">{ "Je vais au…" }</p>
                            <p class="suggestions"><span>{ "cinéma" }</span><span>{ "collège" }</span><span>{ "parc" }</span></p>
                            <p>{ "Il propose les mots qui venaient le plus souvent après « au » dans les messages qu'il a vus." }</p>
                        </div>
                    }
                </div>
                { welcome(text::OBJECTIVES, text::VOCABULARY) }
            </>
        },
        1 => html! {
            <>
                <div class="card">
                    <ul class="patterns">{ for text::PATTERNS.iter().map(|(q, r)| html! { <li>{ *q }<strong>{ *r }</strong></li> }) }</ul>
                    { paragraph(text::IDEA) }
                </div>
                <Exercise id="l1.e1" number={1} prompt={html! { <p>{ "En français, quelle lettre suit presque toujours la lettre « q » ? (pense à « quand », « qui », « quoi »)" }</p> }}
                    hint="Dis « quoi » à voix haute, puis épelle-le : q, …"
                    kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(|answer: String| check_letter(&answer, &[encode_char('u').unwrap()],
                        "Bravo ! Après « q » vient presque toujours « u ». Tu viens de faire comme un modèle de langage : deviner la suite grâce à l'habitude.".into(),
                        "Pas tout à fait. Pense à « qui », « quoi », « quand » : quelle lettre vient juste après le q ?".into())) }} />
            </>
        },
        2 => {
            let on_change = {
                let names = names.clone();
                Callback::from(move |n: Vec<String>| names.set(n))
            };
            html! {
                <div class="card">
                    { paragraph(text::DATA) }
                    <NameChips names={(*names).clone()} on_change={on_change} locked={TEACHING_SET.len()} />
                    <p class="muted">{ format!("{} noms en tout.", names.len()) }</p>
                </div>
            }
        }
        3 => {
            let ids = encode_name("pikachu");
            let shown = (*pair_step).min(ids.len() - 1);
            let next = {
                let s = pair_step.clone();
                move |_| s.set((*s + 1).min(8))
            };
            let all = {
                let s = pair_step.clone();
                move |_| s.set(8)
            };
            let restart = {
                let s = pair_step.clone();
                move |_| s.set(0)
            };
            html! {
                <div class="card">
                    { paragraph(text::DOT) }
                    <div class="word-pairs" aria-live="polite">
                        { for ids.iter().enumerate().map(|(i, &t)| {
                            let in_pair = shown > 0 && (i == shown - 1 || i == shown);
                            html! { <span class={classes!("letter-box", in_pair.then_some("active"))}>{ letter(t).to_string() }</span> }
                        }) }
                    </div>
                    <ol class="pair-tally">
                        { for ids.windows(2).take(shown).map(|p| html! { <li>{ format!("« {} » puis « {} » : +1", letter(p[0]), letter(p[1])) }</li> }) }
                    </ol>
                    <div class="row">
                        <button type="button" class="btn primary" onclick={next} disabled={shown >= 8} data-testid="next-pair">{ "Paire suivante" }</button>
                        <button type="button" class="btn" onclick={all}>{ "Tout compter" }</button>
                        <button type="button" class="btn" onclick={restart}>{ "Recommencer" }</button>
                    </div>
                    if shown >= 8 { <p>{ "« .pikachu. » contient 8 paires. On va faire pareil avec tous les noms." }</p> }
                </div>
            }
        }
        4 => {
            let first = best_letters(&count_rows[BOUNDARY]);
            let on_select = {
                let s = selected.clone();
                Callback::from(move |r| s.set(r))
            };
            let row = &counts.counts[*selected];
            let top: Vec<String> = ranked(&row.map(|c| c as f32))
                .into_iter()
                .take(3)
                .filter(|&i| row[i] > 0)
                .map(|i| format!("« {} » ({} fois)", letter(i), row[i]))
                .collect();
            html! {
                <>
                    <div class="card">
                        { paragraph(text::TABLE) }
                        <Heatmap name="counts" values={count_rows.clone()} scale={Scale::Counts} selected={Some(*selected)} on_select={on_select}
                            title="Combien de fois chaque lettre en suit une autre"
                            description={format!("Tableau de 27 lignes et 27 colonnes, compté sur {} noms.", names.len())} />
                        <p class="row-summary" aria-live="polite">{ format!("Ligne « {} » : {} paires. Le plus souvent : {}.", letter(*selected), counts.row_total(*selected),
                            if top.is_empty() { "aucune".to_string() } else { top.join(", ") }) }</p>
                    </div>
                    <Exercise id="l1.e2" number={2} prompt={html! { <p>{ "Explore la ligne « . » du tableau (le début des noms). Par quelle lettre nos noms commencent-ils le plus souvent ?" }</p> }}
                        hint="Clique sur le « . » tout en haut à gauche : sa ligne montre les premières lettres. Cherche la case la plus claire."
                        kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(move |answer: String| check_letter(&answer, &first,
                            format!("Exact ! Dans nos noms, {} commence le plus de noms. Tu as lu le tableau comme le modèle le lit.", letters_list(&first)),
                            "Ce n'est pas la plus fréquente. Regarde bien la ligne « . » : quelle case est la plus claire ?".into())) }} />
                </>
            }
        }
        5 => {
            let probs = prob_table[*selected];
            let best_a = best_letters(&prob_table[a]);
            // Revealing shows the row the question was about.
            let reveal = {
                let (r, s) = (revealed.clone(), selected.clone());
                Callback::from(move |_| {
                    r.set(true);
                    s.set(a);
                })
            };
            let pick_letter = |id: usize| {
                let s = selected.clone();
                Callback::from(move |_| s.set(id))
            };
            html! {
                <>
                    <div class="card">{ paragraph(text::PROBS) }</div>
                    <Exercise id="l1.e3" number={3} on_answered={reveal}
                        prompt={html! { <p>{ "Prédis avant de regarder : après la lettre « a », quelle lettre est la plus probable dans nos noms ? Les barres s'afficheront après ta réponse." }</p> }}
                        hint="Pense aux noms qui contiennent « a » : pik-a-chu, s-a-lameche, c-a-r-a-puce… Quelle lettre revient souvent juste après ?"
                        kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(move |answer: String| check_letter(&answer, &best_a,
                            format!("Bien prédit ! Après « a », c'est {} la plus probable.", letters_list(&best_a)),
                            format!("Raté, mais c'est comme ça qu'on apprend : regarde les barres, c'est {}.", letters_list(&best_a)))) }} />
                    if *revealed {
                        <div class="card">
                            <div class="letter-picker" role="group" aria-label="Choisis la lettre d'avant">
                                { for (0..VOCAB_SIZE).map(|i| html! {
                                    <button type="button" class={classes!("key", (i == *selected).then_some("on"))} aria-pressed={(i == *selected).to_string()} onclick={pick_letter(i)}>{ letter(i).to_string() }</button>
                                }) }
                            </div>
                            <ProbBars probs={probs} title={format!("Après « {} », la lettre suivante est…", letter(*selected))} />
                        </div>
                    }
                </>
            }
        }
        6 => {
            let on_invent = {
                let inv = invented.clone();
                Callback::from(move |v| inv.set(v))
            };
            let on_pick = {
                let checked = checked.clone();
                Callback::from(move |name: String| {
                    let mut list = (*checked).clone();
                    if !list.iter().any(|(n, _)| *n == name) {
                        let real = Dataset::Pokemon.names().contains(&name.as_str());
                        list.push((name, real));
                        checked.set(list);
                    }
                })
            };
            let outcome = pokedex_outcome(invented.len(), &checked);
            html! {
                <>
                    <div class="card">
                        { paragraph(text::GENERATE) }
                        <Generator table={(*prob_table).clone()} invented={(*invented).clone()} on_invent={on_invent} on_pick={on_pick} button="Invente 10 Pokémon" />
                        if !checked.is_empty() {
                            <ul class="pokedex" aria-live="polite">
                                { for checked.iter().map(|(n, real)| html! {
                                    <li class={if *real { "real" } else { "fake" }}>{ if *real {
                                        format!("« {n} » : c'est un vrai Pokémon ! {}", if TEACHING_SET.contains(&n.as_str()) { "Le modèle l'a recopié de nos 20 noms." } else { "Le hasard l'a retrouvé." })
                                    } else {
                                        format!("« {n} » : pas dans le Pokédex (1 023 noms). Inventé !")
                                    } }</li>
                                }) }
                            </ul>
                        }
                    </div>
                    <Exercise id="l1.e4" number={4} prompt={html! { <p>{ "Le modèle recopie-t-il ? Invente au moins 50 noms, puis clique sur 5 d'entre eux pour les chercher dans le Pokédex (la liste des 1 023 vrais Pokémon)." }</p> }}
                        hint="Clique plusieurs fois sur « Invente 10 Pokémon », puis clique sur les noms soulignés."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        _ => recap(text::LEARNED, text::REFLECTION, text::LIMIT, 2, None),
    }
}

/// Exercise 4: at least 50 invented names and 5 checked in the Pokédex.
fn pokedex_outcome(invented: usize, checked: &[(String, bool)]) -> Option<Result<String, String>> {
    let real = checked.iter().filter(|(_, r)| *r).count();
    match (invented, checked.len()) {
        (_, 0) => None,
        (i, _) if i < 50 => Some(Err(format!("Invente encore {} noms (il en faut au moins 50).", 50 - i))),
        (_, c) if c < 5 => Some(Err(format!("Vérifie encore {} nom(s) dans le Pokédex.", 5 - c))),
        _ => Some(Ok(format!(
            "Bien enquêté ! Sur tes {} noms vérifiés, {} existe(nt) vraiment. Le modèle ne recopie presque jamais : il mélange des morceaux de noms qui « sonnent » Pokémon. Sur 100 000 noms inventés, moins de 20 sont de vrais Pokémon !",
            checked.len(), real
        ))),
    }
}
