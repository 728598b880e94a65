//! Lesson 2 "Apprendre de ses erreurs": the loss, random weights, gradient descent, the
//! learning rate, and the learned table next to the counted one.

use super::common::{paragraph, recap, welcome};
use super::StepProps;
use crate::content::l2 as text;
use crate::exercise::{Exercise, Kind};
use crate::text::{fr, letter, parse_number};
use crate::training::{self, play, use_runs};
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::loss_slider::LossSlider;
use crate::widgets::train_controls::TrainControls;
use minigpt::bigram::BigramCounts;
use minigpt::data::TEACHING_SET;
use minigpt::optim::OptimizerKind;
use minigpt::train::eval_loss;
use minigpt::vocab::{BOUNDARY, VOCAB_SIZE};
use minigpt::{BigramTable, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Learning rates the slider offers (plain gradient descent on the 20 names, full batch).
pub const LEARNING_RATES: [f32; 11] = [
    0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0,
];
const GOOD_LR_INDEX: usize = 5;
pub const STEPS: usize = 100;
/// A run "learns well" when its final loss goes below this (the counted table reaches ≈ 1.7).
pub const GOOD_LOSS: f32 = 2.2;

type LabRun = training::LabRun<BigramTable>;

fn learned_well(run: &LabRun) -> bool {
    run.status() == Status::Finished && run.final_loss().is_some_and(|l| l < GOOD_LOSS)
}

fn new_run(lr: f32) -> LabRun {
    // Every run starts from the same random weights, so only the learning rate differs.
    let model = BigramTable::new(1.0, &mut ChaCha8Rng::seed_from_u64(2));
    let cfg = TrainConfig {
        steps: STEPS,
        lr,
        optimizer: OptimizerKind::Sgd,
        lr_decay: false,
        batch_size: TEACHING_SET.len(),
    };
    let trainer =
        Trainer::new(model, &TEACHING_SET, cfg).expect("20 names and a positive learning rate");
    LabRun::new(format!("taux {}", fr_lr(lr)), trainer, 2)
}

fn probability_rows(model: &BigramTable) -> Vec<[f32; VOCAB_SIZE]> {
    (0..VOCAB_SIZE).map(|r| model.probabilities(r)).collect()
}

#[function_component]
pub fn Lesson2(props: &StepProps) -> Html {
    let p = use_state(|| 0.5f32);
    let weights_seed = use_state(|| 1u64);
    let (runs, on_frame) = use_runs::<Vec<LabRun>>();
    let redraw = on_frame.clone();
    let lr_index = use_state(|| GOOD_LR_INDEX);
    let invented = use_state(Vec::<Invented>::new);

    // Stop every animation when the lesson goes away.
    let start_run = {
        let (runs, on_frame, redraw) = (runs.clone(), on_frame.clone(), redraw.clone());
        Callback::from(move |lr: f32| {
            let run = new_run(lr);
            play(&run.anim, on_frame.clone());
            let mut runs = runs.borrow_mut();
            runs.push(run);
            if runs.len() > 6 {
                runs.remove(0);
            }
            redraw();
        })
    };

    let curves: Vec<Run> = runs.borrow().iter().map(LabRun::curve).collect();
    let best: Option<BigramTable> = runs
        .borrow()
        .iter()
        .filter(|r| learned_well(r))
        .min_by(|a, b| {
            a.final_loss()
                .unwrap_or(f32::INFINITY)
                .total_cmp(&b.final_loss().unwrap_or(f32::INFINITY))
        })
        .map(|r| r.anim.borrow().trainer.model().clone());

    match props.step {
        0 => html! {
            <>
                <div class="card">
                    <p>{ text::BASKET }</p>
                    <p>{ "Clique sur le bouton pour lancer ton premier ballon !" }</p>
                    <BasketDemo />
                </div>
                { welcome(text::OBJECTIVES, text::VOCABULARY) }
            </>
        },
        1 => {
            let on_change = {
                let p = p.clone();
                Callback::from(move |v| p.set(v))
            };
            let outcome = (*p < 0.999 && -p.ln() < 0.1).then(|| Ok(format!("Oui ! Avec p = {}, la loss vaut {} : le modèle est presque sûr de la bonne lettre, il se trompe très peu.", fr(*p, 2), fr(-p.ln(), 3))))
                .or_else(|| (*p >= 0.999).then(|| Err("p = 1 donne une loss de 0, mais c'est le cas parfait. Trouve une valeur de p plus petite que 1 dont la loss est quand même sous 0,1.".to_string())));
            html! {
                <>
                    <div class="card">
                        { paragraph(text::LOSS) }
                        <LossSlider p={*p} on_change={on_change} />
                        <p class="muted">{ "Remarque : avec p = 0,01, la loss vaut 4,61. Plus le modèle est sûr de lui et a tort, plus ça coûte cher !" }</p>
                    </div>
                    <Exercise id="l2.e1" number={1} prompt={html! { <p>{ "Fais glisser le curseur pour trouver une probabilité p (plus petite que 1) pour laquelle la loss est plus petite que 0,1." }</p> }}
                        hint="La loss baisse quand p monte. Essaie vers la droite, au-dessus de 0,90."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        2 => {
            let model = BigramTable::new(
                if *weights_seed == 0 { 0.0 } else { 1.0 },
                &mut ChaCha8Rng::seed_from_u64(*weights_seed),
            );
            let loss = eval_loss(&model, &TEACHING_SET).unwrap_or(0.0);
            let reroll = {
                let s = weights_seed.clone();
                move |_| s.set(*s + 1)
            };
            let zero = {
                let s = weights_seed.clone();
                move |_| s.set(0)
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::WEIGHTS) }
                        <Heatmap name="random" values={probability_rows(&model)} scale={Scale::Probabilities}
                            title="Probabilités d'un modèle aux poids tirés au hasard" description="Chaque ligne : softmax des 27 scores de la lettre d'avant." />
                        <div class="row">
                            <button type="button" class="btn" onclick={reroll}>{ "🎲 Nouveaux poids au hasard" }</button>
                            <button type="button" class="btn" onclick={zero} data-testid="zero-weights">{ "Tous les poids à zéro" }</button>
                        </div>
                        <p class="big-number" aria-live="polite">{ "Loss de ce modèle sur nos 20 noms : " }<strong data-testid="random-loss">{ fr(loss, 2) }</strong></p>
                        { paragraph(text::RANDOM) }
                    </div>
                    <Exercise id="l2.e2" number={2} prompt={html! { <p>{ "Un modèle qui n'a rien appris donne 1 chance sur 27 à chaque jeton. Quelle est sa loss ? Utilise la courbe de l'étape d'avant (p = 1/27 ≈ 0,04) ou le bouton « Tous les poids à zéro ». Donne 2 chiffres après la virgule." }</p> }}
                        hint="Clique sur « Tous les poids à zéro » : toutes les lettres ont alors la même chance, 1/27. Lis la loss affichée."
                        kind={Kind::Answer { placeholder: "par exemple 1,23", check: Callback::from(|answer: String| match parse_number(&answer) {
                            Some(x) if (x - 27f32.ln()).abs() <= 0.06 => Ok("Parfait : −log(1/27) = ln 27 ≈ 3,30. C'est la loss de départ de tout modèle qui devine au hasard parmi 27 jetons.".into()),
                            Some(_) => Err("Pas encore. La loss vaut −log(p) avec p = 1/27 ≈ 0,037. Regarde la loss affichée avec tous les poids à zéro.".into()),
                            None => Err("Écris un nombre, par exemple 2,50.".into()),
                        }) }} />
                </>
            }
        }
        3 => {
            let controls = runs.borrow().last().map(|r| r.controls(&on_frame));
            let launch = {
                let start = start_run.clone();
                move |_| start.emit(LEARNING_RATES[GOOD_LR_INDEX])
            };
            html! {
                <div class="card">
                    { paragraph(text::DOMINOS) }
                    <TrainControls state={controls} />
                    <button type="button" class="btn primary" onclick={launch} data-testid="train">{ "▶ Lancer l'entraînement (100 pas)" }</button>
                    <LossCurve runs={curves.clone()} steps={STEPS} />
                </div>
            }
        }
        4 => {
            let oninput = {
                let i = lr_index.clone();
                Callback::from(move |e: InputEvent| {
                    let el: HtmlInputElement = e.target_unchecked_into();
                    if let Ok(v) = el.value().parse::<usize>() {
                        i.set(v.min(LEARNING_RATES.len() - 1));
                    }
                })
            };
            let launch = {
                let (start, i) = (start_run.clone(), lr_index.clone());
                move |_| start.emit(LEARNING_RATES[*i])
            };
            let clear = {
                let (runs, redraw) = (runs.clone(), redraw.clone());
                move |_| {
                    runs.borrow_mut().clear();
                    redraw();
                }
            };
            let (exploded, good) = {
                let r = runs.borrow();
                (r.iter().any(LabRun::exploded), r.iter().any(learned_well))
            };
            let outcome = match (exploded, good) {
                (true, true) => Some(Ok("Bravo, tu as trouvé les deux ! Un pas trop grand fait exploser la loss ; un bon pas la fait descendre en douceur.".to_string())),
                (true, false) => Some(Err(format!("Tu as fait exploser la loss 💥. Trouve maintenant un taux qui apprend bien (loss finale sous {}).", fr(GOOD_LOSS, 1)))),
                (false, true) => Some(Err("Tu as un taux qui apprend bien. Trouve maintenant un taux qui fait exploser la loss !".to_string())),
                (false, false) => None,
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::LR) }
                        <label class="slider-row">{ "Taux d'apprentissage : " }<strong data-testid="lr-value">{ fr_lr(LEARNING_RATES[*lr_index]) }</strong>
                            <input type="range" min="0" max={(LEARNING_RATES.len() - 1).to_string()} step="1" value={lr_index.to_string()} oninput={oninput}
                                aria-label="Taux d'apprentissage" aria-valuetext={fr_lr(LEARNING_RATES[*lr_index])} data-testid="lr-slider" />
                        </label>
                        <div class="row">
                            <button type="button" class="btn primary" onclick={launch} data-testid="train-lr">{ "▶ Lancer avec ce taux" }</button>
                            <button type="button" class="btn" onclick={clear}>{ "Effacer les courbes" }</button>
                        </div>
                        <LossCurve runs={curves.clone()} steps={STEPS} />
                    </div>
                    <Exercise id="l2.e3" number={3} prompt={html! { <p>{ "Lance plusieurs entraînements : trouve un taux qui fait exploser la loss, et un taux qui apprend bien. Les courbes se superposent pour comparer." }</p> }}
                        hint="Les taux sont rangés du plus petit au plus grand. Essaie tout à gauche, au milieu, puis tout à droite."
                        kind={Kind::Task { outcome }} />
                </>
            }
        }
        5 => {
            let counted = BigramCounts::from_names(&TEACHING_SET);
            let counted_rows: Vec<[f32; VOCAB_SIZE]> = (0..VOCAB_SIZE)
                .map(|r| counted.probabilities(r, 0.0))
                .collect();
            let launch = {
                let start = start_run.clone();
                move |_| start.emit(LEARNING_RATES[GOOD_LR_INDEX])
            };
            let learned_rows = best.as_ref().map(probability_rows);
            let check_table = learned_rows.clone();
            let on_invent = {
                let inv = invented.clone();
                Callback::from(move |v| inv.set(v))
            };
            html! {
                <>
                    <div class="card">
                        { paragraph(text::COMPARE) }
                        if let Some(learned) = learned_rows.clone() {
                            <div class="side-by-side">
                                <Heatmap name="learned" values={learned.clone()} scale={Scale::Probabilities} title="Appris (leçon 2)" description="Probabilités apprises par descente de gradient." />
                                <Heatmap name="counted" values={counted_rows} scale={Scale::Probabilities} title="Compté (leçon 1)" description="Probabilités comptées dans les 20 noms." />
                            </div>
                            <h4>{ "Invente des noms avec le modèle appris" }</h4>
                            <Generator table={Rc::new(learned)} invented={(*invented).clone()} on_invent={on_invent} />
                            <p class="muted">{ "Compare avec les noms de la leçon 1 : ils se ressemblent, car les deux tableaux se ressemblent." }</p>
                        } else {
                            <p>{ "Il faut d'abord un modèle qui a bien appris." }</p>
                            <button type="button" class="btn primary" onclick={launch} data-testid="train-compare">{ "▶ Entraîner maintenant (taux 30)" }</button>
                        }
                    </div>
                    <Exercise id="l2.e4" number={4} prompt={html! { <p>{ "Dans le tableau appris (à gauche), lis la ligne « . » : par quelle lettre le modèle pense-t-il qu'un nom commence le plus souvent ?" }</p> }}
                        hint="La ligne « . » est tout en haut. Passe la souris sur les cases les plus claires pour lire leur probabilité."
                        kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(move |answer: String| {
                            let Some(rows) = &check_table else { return Err("Entraîne d'abord le modèle avec le bouton ci-dessus.".into()) };
                            let row = rows[BOUNDARY];
                            let max = row.iter().fold(0.0f32, |m, &v| m.max(v));
                            let id = crate::text::parse_token(&answer)?;
                            if row[id] >= max - 0.01 {
                                Ok(format!("Oui ! Le modèle a appris que « {} » commence souvent un nom ({}), comme dans le tableau compté.", letter(id), crate::text::percent(row[id])))
                            } else {
                                Err(format!("« {} » a {} seulement. Cherche la case la plus claire de la ligne « . ».", letter(id), crate::text::percent(row[id])))
                            }
                        }) }} />
                    <Exercise id="l2.e5" number={5} prompt={html! { <p>{ "Compare les deux tableaux côte à côte. Qu'est-ce que tu remarques ?" }</p> }}
                        hint="Regarde où sont les cases claires dans chaque tableau : aux mêmes endroits ou pas ?"
                        kind={Kind::Choice { options: text::COMPARE_CHOICES.iter().map(|s| s.to_string()).collect(), check: Callback::from(|i: usize| if i == text::COMPARE_RIGHT {
                            Ok("Exactement ! En apprenant de ses erreurs, le modèle retrouve presque le même tableau que celui qu'on avait compté. Mais cette fois, personne ne lui a donné les comptes : il les a trouvés tout seul.".to_string())
                        } else {
                            Err("Regarde mieux : les cases claires sont-elles aux mêmes endroits à gauche et à droite ?".to_string())
                        }) }} />
                </>
            }
        }
        _ => recap(text::LEARNED, text::REFLECTION, text::LIMIT, 3, None),
    }
}

fn fr_lr(lr: f32) -> String {
    if lr < 1.0 {
        fr(lr, 1)
    } else {
        format!("{}", lr as u32)
    }
}

/// The basketball analogy as a one-click demo: each throw corrects half of the last miss.
#[function_component]
fn BasketDemo() -> Html {
    let throws = use_state(Vec::<f32>::new);
    let throw = {
        let t = throws.clone();
        move |_| {
            let mut v = (*t).clone();
            let last = v.last().copied().unwrap_or(60.0);
            v.push(if v.is_empty() { last } else { last * 0.5 });
            t.set(v);
        }
    };
    html! {
        <div class="basket">
            <button type="button" class="btn primary" onclick={throw} data-testid="first-click">{ "🏀 Lancer" }</button>
            <svg viewBox="0 0 300 80" role="img" aria-label={format!("{} lancers. Écart au panier : {}", throws.len(), throws.iter().map(|x| format!("{x:.0}")).collect::<Vec<_>>().join(", "))}>
                <title>{ "Chaque lancer corrige l'erreur du précédent" }</title>
                <circle cx="150" cy="40" r="14" class="hoop" />
                { for throws.iter().enumerate().map(|(i, x)| html! {
                    <circle cx={(150.0 + x).to_string()} cy="40" r="6" class="ball" opacity={(0.3 + 0.7 * (i + 1) as f32 / throws.len() as f32).to_string()} />
                }) }
            </svg>
            if let Some(x) = throws.last() {
                <p aria-live="polite">{ if *x < 2.0 { "Panier ! 🎉 L'erreur a fondu, lancer après lancer.".to_string() } else { format!("Raté de {x:.0} cm à droite. Corrige et relance !") } }</p>
            }
        </div>
    }
}
