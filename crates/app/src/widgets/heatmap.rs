//! A 27×27 table (counts or probabilities) as coloured squares: row = the letter before,
//! column = the letter after. Click a row (or its label) to choose a letter.

use super::colors::viridis;
use crate::text::{letter, percent};
use minigpt::vocab::VOCAB_SIZE;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
pub enum Scale {
    /// Whole numbers of times.
    Counts,
    /// Probabilities in [0, 1].
    Probabilities,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub values: Vec<[f32; VOCAB_SIZE]>,
    pub scale: Scale,
    pub title: AttrValue,
    pub description: AttrValue,
    #[prop_or_default]
    pub selected: Option<usize>,
    #[prop_or_default]
    pub on_select: Option<Callback<usize>>,
    /// Shown in the page's test hooks and ids.
    pub name: &'static str,
}

const CELL: f32 = 18.0;
const MARGIN: f32 = 26.0;

#[function_component]
pub fn Heatmap(props: &Props) -> Html {
    let hovered = use_state(|| None::<(usize, usize)>);
    let max = props
        .values
        .iter()
        .flat_map(|r| r.iter())
        .fold(0.0f32, |m, &v| m.max(v))
        .max(1e-9);
    let size = MARGIN + CELL * VOCAB_SIZE as f32;
    let detail = |r: usize, c: usize, v: f32| match props.scale {
        Scale::Counts => format!(
            "Après « {} » vient « {} » : {} fois",
            letter(r),
            letter(c),
            v as u32
        ),
        Scale::Probabilities => format!(
            "Après « {} », « {} » a une probabilité de {}",
            letter(r),
            letter(c),
            percent(v)
        ),
    };
    let select = |r: usize| {
        props
            .on_select
            .clone()
            .map(|cb| Callback::from(move |_| cb.emit(r)))
    };
    let key_select = |r: usize| {
        props.on_select.clone().map(|cb| {
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    cb.emit(r)
                }
            })
        })
    };
    let title_id = format!("{}-title", props.name);
    let desc_id = format!("{}-desc", props.name);

    let cells = props.values.iter().enumerate().flat_map(|(r, row)| {
        let hovered = hovered.clone();
        row.iter().enumerate().map(move |(c, &v)| {
            let t = v / max;
            let fill = if v <= 0.0 { "#f1f1f4".to_string() } else { viridis(t.sqrt()) };
            let enter = { let h = hovered.clone(); Callback::from(move |_| h.set(Some((r, c)))) };
            html! {
                <rect class="cell" x={(MARGIN + c as f32 * CELL).to_string()} y={(MARGIN + r as f32 * CELL).to_string()}
                    width={(CELL - 1.0).to_string()} height={(CELL - 1.0).to_string()} fill={fill}
                    data-row={r.to_string()} data-col={c.to_string()} data-value={v.to_string()} onmouseenter={enter}>
                </rect>
            }
        }).collect::<Vec<_>>()
    });

    let label = |i: usize, x: f32, y: f32, row: bool| {
        let selected = row && props.selected == Some(i);
        html! {
            <text x={x.to_string()} y={y.to_string()} class={classes!("axis-label", selected.then_some("selected"))}
                text-anchor="middle" dominant-baseline="central"
                role={(row && props.on_select.is_some()).then_some("button")}
                tabindex={(row && props.on_select.is_some()).then_some("0")}
                aria-label={row.then(|| format!("Choisir la ligne de la lettre {}", letter(i)))}
                onclick={if row { select(i) } else { None }} onkeydown={if row { key_select(i) } else { None }}>
                { letter(i).to_string() }
            </text>
        }
    };

    let detail_text = match *hovered {
        Some((r, c)) => detail(r, c, props.values[r][c]),
        None => "Passe la souris (ou le doigt) sur une case pour lire son nombre.".to_string(),
    };
    let legend_max = match props.scale {
        Scale::Counts => format!("{}", max as u32),
        Scale::Probabilities => percent(max),
    };
    let row_click = props.on_select.clone().map(|cb| {
        let hovered = hovered.clone();
        Callback::from(move |_| {
            if let Some((r, _)) = *hovered {
                cb.emit(r)
            }
        })
    });

    html! {
        <figure class="widget heatmap" data-widget="heatmap" data-name={props.name}>
            // A picture with buttons inside is a group, not an image (nested-interactive rule).
            <svg viewBox={format!("0 0 {size} {size}")} role={if props.on_select.is_some() { "group" } else { "img" }} aria-labelledby={format!("{title_id} {desc_id}")}
                onmouseleave={{ let h = hovered.clone(); Callback::from(move |_| h.set(None)) }}>
                <title id={title_id.clone()}>{ props.title.clone() }</title>
                <desc id={desc_id.clone()}>{ props.description.clone() }</desc>
                <g onclick={row_click}>{ for cells }</g>
                if let Some(r) = props.selected {
                    <rect class="row-highlight" x={MARGIN.to_string()} y={(MARGIN + r as f32 * CELL - 1.0).to_string()}
                        width={(CELL * VOCAB_SIZE as f32).to_string()} height={(CELL + 1.0).to_string()} fill="none" />
                }
                { for (0..VOCAB_SIZE).map(|i| label(i, MARGIN + i as f32 * CELL + CELL / 2.0 - 0.5, MARGIN / 2.0, false)) }
                { for (0..VOCAB_SIZE).map(|i| label(i, MARGIN / 2.0, MARGIN + i as f32 * CELL + CELL / 2.0 - 0.5, true)) }
            </svg>
            <figcaption>
                <p class="detail" aria-live="polite">{ detail_text }</p>
                <div class="legend" aria-hidden="true">
                    <span>{ "jamais" }</span><span class="swatch zero"></span>
                    <span>{ "peu" }</span><span class="gradient" style={format!("background:{}", legend_gradient_css())}></span><span>{ format!("beaucoup ({legend_max})") }</span>
                </div>
                <p class="axes-note">{ "Ligne = la lettre d'avant · colonne = la lettre d'après · « . » = début ou fin du nom." }</p>
            </figcaption>
        </figure>
    }
}

/// The legend's gradient (kept here so the legend matches the cells).
pub fn legend_gradient_css() -> String {
    let stops: Vec<String> = (0..=8).map(|i| viridis(i as f32 / 8.0)).collect();
    format!("linear-gradient(90deg, {})", stops.join(", "))
}
