//! A square table (counts or probabilities) as coloured squares: row = the token before,
//! column = the token after. Its size is the alphabet's. Hover or tap a cell to read its
//! number (shown above the table, where it stays in view); click a cell or a row label to
//! choose that row.

use super::colors::viridis;
use course::content::widgets as text;
use course::text::percent;
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
    pub values: Vec<Vec<f32>>,
    /// The characters of the alphabet, in token order (`.` first).
    pub labels: Vec<char>,
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

const CELL: f32 = 20.0;
const MARGIN: f32 = 30.0;

/// A never-seen pair: white, so it cannot be mistaken for a frequent one.
const EMPTY: &str = "#ffffff";

/// The smallest value above zero and the largest (never below a tiny positive number).
fn value_range(values: &[Vec<f32>]) -> (f32, f32) {
    let all = || values.iter().flat_map(|r| r.iter().copied());
    let max = all().fold(0.0f32, f32::max).max(1e-9);
    let min = all().filter(|&v| v > 0.0).fold(f32::INFINITY, f32::min);
    (min, max)
}

/// The colours' legend: never seen, then few → many (or one colour when all cells are equal).
fn legend(name: &str, all_equal: bool, legend_max: &str) -> Html {
    html! {
        <div class="legend" aria-hidden="true" data-testid={format!("{name}-legend")}>
            <span class="swatch never"></span><span>{ text::NEVER_SEEN }</span>
            <span class="legend-gap"></span>
            if all_equal {
                <span class="swatch" style={format!("background:{}", viridis(0.5))}></span><span>{ text::all_equal(legend_max) }</span>
            } else {
                <span>{ text::FEW }</span><span class="gradient" style={format!("background:{}", legend_gradient_css())}></span><span>{ text::many(legend_max) }</span>
            }
        </div>
    }
}

/// One rectangle per cell: its colour, hover (a mouse) and tap (reads it and picks its row).
fn cell_rects(
    props: &Props,
    hovered: &UseStateHandle<Option<(usize, usize)>>,
    all_equal: bool,
    max: f32,
) -> Vec<Html> {
    props
        .values.iter().enumerate().flat_map(|(r, row)| {
        let (hovered, on_select) = (hovered.clone(), props.on_select.clone());
        row.iter().enumerate().map(move |(c, &v)| {
            let fill = if v <= 0.0 { EMPTY.to_string() } else if all_equal { viridis(0.5) } else { viridis(0.15 + 0.85 * (v / max).sqrt()) };
            // Only a real mouse reads by passing over (after a tap, the page may move under the finger).
            let enter = { let h = hovered.clone(); Callback::from(move |e: PointerEvent| if e.pointer_type() == "mouse" { h.set(Some((r, c))) }) };
            // A tap (or a click) reads the cell and chooses its row.
            let tap = { let (h, s) = (hovered.clone(), on_select.clone()); Callback::from(move |_| { h.set(Some((r, c))); if let Some(s) = &s { s.emit(r) } }) };
            html! {
                <rect class={classes!("cell", (v <= 0.0).then_some("never"))} x={(MARGIN + c as f32 * CELL).to_string()} y={(MARGIN + r as f32 * CELL).to_string()}
                    width={(CELL - 1.0).to_string()} height={(CELL - 1.0).to_string()} fill={fill}
                    data-row={r.to_string()} data-col={c.to_string()} data-value={v.to_string()} onpointerenter={enter} onclick={tap}>
                </rect>
            }
        }).collect::<Vec<_>>()
    })
    .collect()
}

#[function_component]
pub fn Heatmap(props: &Props) -> Html {
    let hovered = use_state(|| None::<(usize, usize)>);
    let n = props.labels.len();
    let (min, max) = value_range(&props.values);
    // Every cell the same (all weights at zero): a middle colour, and the legend says so.
    let all_equal = max - min < max * 1e-4;
    let size = MARGIN + CELL * n as f32;
    let label = |i: usize| props.labels.get(i).copied().unwrap_or('?');
    let detail = |r: usize, c: usize, v: f32| match props.scale {
        Scale::Counts => text::count_detail(label(r), label(c), v as u64),
        Scale::Probabilities => text::probability_detail(label(r), label(c), &percent(v)),
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

    let cells = cell_rects(props, &hovered, all_equal, max);

    let axis_label = |i: usize, x: f32, y: f32, row: bool| {
        let selected = row && props.selected == Some(i);
        let clickable = row && props.on_select.is_some();
        html! {
            <g class={classes!("hm-axis", selected.then_some("selected"))}
                role={clickable.then_some("button")}
                tabindex={clickable.then_some("0")}
                aria-label={clickable.then(|| text::choose_row(label(i)))}
                onclick={if row { select(i) } else { None }} onkeydown={if row { key_select(i) } else { None }}>
                // A wide invisible target: the « . » alone would be a few pixels to click.
                if clickable {
                    <rect class="hit" x={(x - MARGIN / 2.0).to_string()} y={(y - CELL / 2.0).to_string()} width={MARGIN.to_string()} height={CELL.to_string()} fill="transparent" />
                }
                <text x={x.to_string()} y={y.to_string()} class="axis-label" text-anchor="middle" dominant-baseline="central">
                    { label(i).to_string() }
                </text>
            </g>
        }
    };

    let detail_text = match *hovered {
        Some((r, c)) if r < props.values.len() && c < n => detail(r, c, props.values[r][c]),
        _ => text::READ_A_CELL.to_string(),
    };
    let legend_max = match props.scale {
        Scale::Counts => text::times(max as u64),
        Scale::Probabilities => percent(max),
    };

    html! {
        <figure class="widget heatmap" data-widget="heatmap" data-name={props.name}>
            <p class="detail" aria-live="polite" data-testid={format!("{}-detail", props.name)}>{ detail_text }</p>
            <div class="scroll-x">
                // A picture with buttons inside is a group, not an image (nested-interactive rule).
                // A mouse leaving it clears the reading; a finger's tap keeps it on screen.
                <svg viewBox={format!("0 0 {size} {size}")} role={if props.on_select.is_some() { "group" } else { "img" }} aria-labelledby={format!("{title_id} {desc_id}")}
                    onpointerleave={{ let h = hovered.clone(); Callback::from(move |e: PointerEvent| if e.pointer_type() == "mouse" { h.set(None) }) }}>
                    <title id={title_id.clone()}>{ props.title.clone() }</title>
                    <desc id={desc_id.clone()}>{ props.description.clone() }</desc>
                    <g>{ for cells }</g>
                    if let Some(r) = props.selected {
                        <rect class="row-highlight" x={MARGIN.to_string()} y={(MARGIN + r as f32 * CELL - 1.0).to_string()}
                            width={(CELL * n as f32).to_string()} height={(CELL + 1.0).to_string()} fill="none" />
                    }
                    { for (0..n).map(|i| axis_label(i, MARGIN + i as f32 * CELL + CELL / 2.0 - 0.5, MARGIN / 2.0, false)) }
                    { for (0..n).map(|i| axis_label(i, MARGIN / 2.0, MARGIN + i as f32 * CELL + CELL / 2.0 - 0.5, true)) }
                </svg>
            </div>
            <figcaption>
                { legend(props.name, all_equal, &legend_max) }
                <p class="axes-note">{ text::AXES_NOTE }</p>
            </figcaption>
        </figure>
    }
}

/// The legend's gradient (kept here so the legend matches the cells).
pub fn legend_gradient_css() -> String {
    let stops: Vec<String> = (0..=8)
        .map(|i| viridis(0.15 + 0.85 * i as f32 / 8.0))
        .collect();
    format!("linear-gradient(90deg, {})", stops.join(", "))
}
