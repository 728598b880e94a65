//! Lesson 4's pictures: the causal mask, one attention head as a heat grid, and BertViz-style
//! lines between letters whose darkness is the attention weight.

use super::colors::viridis;
use course::content::widgets as text;
use course::text::percent;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MaskProps {
    /// The letters, `.` first.
    pub letters: Vec<char>,
}

/// Who may look at whom: row = the letter asking, column = the letter looked at.
#[function_component]
pub fn CausalMask(props: &MaskProps) -> Html {
    let n = props.letters.len();
    let cell = 34.0f32;
    let size = cell * (n as f32 + 1.0);
    html! {
        <figure class="widget causal-mask" data-widget="causal-mask">
            <svg viewBox={format!("0 0 {size} {size}")} role="img" style={format!("max-width:{}px", size * 1.2)}
                aria-label={text::mask_label(&props.letters.iter().collect::<String>())}>
                <title>{ text::MASK_TITLE }</title>
                { for props.letters.iter().enumerate().map(|(i, c)| html! {
                    <>
                        <text x={(cell * (i as f32 + 1.5)).to_string()} y={(cell / 2.0).to_string()} text-anchor="middle" dominant-baseline="central" class="mask-label">{ c.to_string() }</text>
                        <text x={(cell / 2.0).to_string()} y={(cell * (i as f32 + 1.5)).to_string()} text-anchor="middle" dominant-baseline="central" class="mask-label">{ c.to_string() }</text>
                    </>
                }) }
                { for (0..n).flat_map(|r| (0..n).map(move |c| (r, c))).map(|(r, c)| {
                    let allowed = c <= r;
                    let (x, y) = (cell * (c as f32 + 1.0), cell * (r as f32 + 1.0));
                    html! {
                        <g class={if allowed { "mask-cell allowed" } else { "mask-cell forbidden" }} data-row={r.to_string()} data-col={c.to_string()}>
                            <rect x={(x + 1.0).to_string()} y={(y + 1.0).to_string()} width={(cell - 2.0).to_string()} height={(cell - 2.0).to_string()} rx="4" />
                            <text x={(x + cell / 2.0).to_string()} y={(y + cell / 2.0).to_string()} text-anchor="middle" dominant-baseline="central">{ if allowed { "✓" } else { "✗" } }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>{ text::MASK_CAPTION }</figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeadProps {
    pub letters: Vec<char>,
    /// weights[i][j]: how much letter i looks at letter j (0 for j > i).
    pub weights: Vec<Vec<f32>>,
    pub head: usize,
    /// The asking letter under the mouse (its lines stand out), shared by all heads.
    pub focus: Option<usize>,
    pub on_focus: Callback<Option<usize>>,
}

/// One head: a heat grid, and lines from each asking letter (right) to the letters it looks at
/// (left). Hover or tap a letter on the right to see only its lines.
#[function_component]
pub fn AttentionHead(props: &HeadProps) -> Html {
    let n = props.letters.len();
    let cell = (150.0 / n.max(1) as f32).min(24.0);
    let grid = cell * n as f32;
    let pad = 16.0f32;
    let row_h = 22.0f32;
    let lines_h = row_h * n as f32 + 10.0;
    let (left, right) = (30.0f32, 150.0f32);
    // Long words: the letters shrink with their cells instead of overlapping.
    let letter_style = (cell < 12.6).then(|| format!("font-size:{:.1}px", cell * 0.95));
    html! {
        <figure class="widget attention-head" data-widget="attention-head" data-head={props.head.to_string()}>
            <figcaption><strong>{ text::head(props.head + 1) }</strong></figcaption>
            <svg viewBox={format!("0 0 {} {}", grid + 2.0 + pad, grid + 2.0 + pad)} role="img" class="head-grid"
                aria-label={text::head_summary(props.head + 1, &props.weights.iter().enumerate().map(|(i, row)| {
                    let best = (0..=i.min(row.len().saturating_sub(1))).max_by(|&a, &b| row[a].total_cmp(&row[b])).unwrap_or(0);
                    text::looks_most(props.letters[i], props.letters[best], &percent(row[best]))
                }).collect::<Vec<_>>())}>
                <title>{ text::head_grid(props.head + 1) }</title>
                { for props.letters.iter().enumerate().map(|(i, c)| html! {
                    <>
                        <text class="grid-letter" style={letter_style.clone()} x={(pad + 1.0 + (i as f32 + 0.5) * cell).to_string()} y={(pad / 2.0).to_string()} text-anchor="middle" dominant-baseline="central">{ c.to_string() }</text>
                        <text class="grid-letter" style={letter_style.clone()} x={(pad / 2.0).to_string()} y={(pad + 1.0 + (i as f32 + 0.5) * cell).to_string()} text-anchor="middle" dominant-baseline="central">{ c.to_string() }</text>
                    </>
                }) }
                { for props.weights.iter().enumerate().flat_map(|(i, row)| row.iter().enumerate().map(move |(j, &w)| (i, j, w))).map(|(i, j, w)| html! {
                    <rect class="att-cell" x={(pad + 1.0 + j as f32 * cell).to_string()} y={(pad + 1.0 + i as f32 * cell).to_string()} width={(cell - 1.0).to_string()} height={(cell - 1.0).to_string()}
                        fill={if j > i { "#eeeeee".to_string() } else { viridis(w) }} data-row={i.to_string()} data-col={j.to_string()} data-value={w.to_string()}>
                        <title>{ text::looks_at(props.letters[i], props.letters[j], &percent(w)) }</title>
                    </rect>
                }) }
            </svg>
            <svg viewBox={format!("0 0 180 {lines_h}")} role="img" class="head-lines" aria-label={text::head_lines(props.head + 1)}
                onpointerleave={{ let f = props.on_focus.clone(); move |e: PointerEvent| if e.pointer_type() == "mouse" { f.emit(None) } }}>
                <title>{ text::head_who(props.head + 1) }</title>
                { for props.weights.iter().enumerate().flat_map(|(i, row)| {
                    // Darkness relative to the row's strongest link, so spread-out heads stay readable.
                    let max = row.iter().take(i + 1).fold(1e-6f32, |m, &w| m.max(w));
                    row.iter().enumerate().take(i + 1).map(move |(j, &w)| (i, j, w / max))
                }).map(|(i, j, w)| {
                    let dim = props.focus.is_some_and(|f| f != i);
                    html! {
                        <line x1={right.to_string()} y1={(14.0 + i as f32 * row_h).to_string()} x2={left.to_string()} y2={(14.0 + j as f32 * row_h).to_string()}
                            stroke="#0072B2" stroke-width={(1.0 + 3.0 * w).to_string()} stroke-opacity={(if dim { 0.04 } else { 0.9 * w * w }).to_string()} />
                    }
                }) }
                { for props.letters.iter().enumerate().map(|(i, c)| {
                    let (hover, tap, current) = (props.on_focus.clone(), props.on_focus.clone(), props.focus);
                    html! {
                        <>
                            <text x={(left - 8.0).to_string()} y={(14.0 + i as f32 * row_h).to_string()} text-anchor="end" dominant-baseline="central" class="line-letter">{ c.to_string() }</text>
                            <g class="asker-target" data-asker={i.to_string()} onpointerenter={move |e: PointerEvent| if e.pointer_type() == "mouse" { hover.emit(Some(i)) }}
                                onclick={move |_| tap.emit(if current == Some(i) { None } else { Some(i) })}>
                                // A finger-sized target around the letter.
                                <rect x={(right + 2.0).to_string()} y={(14.0 + i as f32 * row_h - row_h / 2.0).to_string()} width="26" height={row_h.to_string()} fill="transparent" />
                                <text x={(right + 8.0).to_string()} y={(14.0 + i as f32 * row_h).to_string()} dominant-baseline="central"
                                    class={classes!("line-letter", "asker", (current == Some(i)).then_some("focused"))}>{ c.to_string() }</text>
                            </g>
                        </>
                    }
                }) }
            </svg>
        </figure>
    }
}
