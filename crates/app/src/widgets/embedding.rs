//! Lesson 3's pictures: the table of letter embeddings ("identity cards") and the 2-D map.

use super::colors::CATEGORY;
use crate::text::{fr, letter};
use yew::prelude::*;

/// Blue for negative, white for 0, orange for positive (colour-blind safe).
pub fn diverging(x: f32, scale: f32) -> String {
    let t = (x / scale.max(1e-6)).clamp(-1.0, 1.0);
    let (r, g, b) = if t < 0.0 {
        (0.0, 114.0, 178.0)
    } else {
        (213.0, 94.0, 0.0)
    };
    let a = t.abs();
    let mix = |c: f32| (255.0 + (c - 255.0) * a).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// 27 rows of d numbers.
    pub rows: Vec<Vec<f32>>,
    #[prop_or_default]
    pub highlight: Vec<usize>,
}

#[function_component]
pub fn EmbeddingTable(props: &TableProps) -> Html {
    let d = props.rows.first().map_or(0, Vec::len);
    let cell = (300.0 / d.max(1) as f32).clamp(10.0, 28.0);
    let (w, h) = (24.0 + cell * d as f32, 14.0 * 27.0);
    let scale = props
        .rows
        .iter()
        .flatten()
        .fold(0.0f32, |m, x| m.max(x.abs()));
    html! {
        <figure class="widget embedding-table" data-widget="embedding-table">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={format!("Tableau des cartes d'identité\u{a0}: 27 lettres × {d} nombres")} style={format!("max-width:{}px", w * 1.6)}>
                <title>{ format!("Les cartes d'identité des 27 lettres ({d} nombres chacune)") }</title>
                { for props.rows.iter().enumerate().map(|(r, row)| html! {
                    <g class={classes!("emb-row", props.highlight.contains(&r).then_some("hl"))}>
                        <text x="10" y={(r as f32 * 14.0 + 7.0).to_string()} text-anchor="middle" dominant-baseline="central" class="axis-label">{ letter(r).to_string() }</text>
                        { for row.iter().enumerate().map(|(c, &x)| html! {
                            <rect class="emb-cell" x={(22.0 + c as f32 * cell).to_string()} y={(r as f32 * 14.0 + 1.0).to_string()} width={(cell - 1.0).to_string()} height="12" fill={diverging(x, scale)}>
                                <title>{ format!("«\u{a0}{}\u{a0}», nombre {}\u{a0}: {}", letter(r), c + 1, fr(x, 2)) }</title>
                            </rect>
                        }) }
                    </g>
                }) }
            </svg>
        </figure>
    }
}

pub fn is_vowel(id: usize) -> bool {
    matches!(letter(id), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// 27 points (one per token), in any units.
    pub points: Vec<[f32; 2]>,
    #[prop_or_default]
    pub selected: Vec<usize>,
    #[prop_or_default]
    pub on_pick: Option<Callback<usize>>,
}

#[function_component]
pub fn EmbeddingMap(props: &MapProps) -> Html {
    let (w, h, pad) = (460.0f32, 360.0f32, 24.0f32);
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for p in &props.points {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    // One scale for both axes: distances on screen are the real (projected) distances.
    let scale = ((w - 2.0 * pad) / (x1 - x0).max(1e-6)).min((h - 2.0 * pad) / (y1 - y0).max(1e-6));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let sx = move |x: f32| w / 2.0 + (x - cx) * scale;
    let sy = move |y: f32| h / 2.0 - (y - cy) * scale;
    let listing: Vec<String> = props
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{} ({}, {})", letter(i), fr(p[0], 1), fr(p[1], 1)))
        .collect();
    html! {
        <figure class="widget embedding-map" data-widget="embedding-map">
            <svg viewBox={format!("0 0 {w} {h}")} role={if props.on_pick.is_some() { "group" } else { "img" }} aria-label={format!("Carte des lettres. Positions\u{a0}: {}", listing.join(", "))}>
                <title>{ "La carte des lettres après l'entraînement" }</title>
                <rect x="0" y="0" width={w.to_string()} height={h.to_string()} fill="#fbfbfe" stroke="#d9d7e6" />
                { for props.points.iter().enumerate().map(|(i, p)| {
                    let (x, y) = (sx(p[0]), sy(p[1]));
                    let picked = props.selected.contains(&i);
                    let shape = if i == 0 {
                        html! { <polygon points={format!("{x},{} {},{y} {x},{} {},{y}", y - 11.0, x + 11.0, y + 11.0, x - 11.0)} fill="#1d1d2b" /> }
                    } else if is_vowel(i) {
                        html! { <circle cx={x.to_string()} cy={y.to_string()} r="11" fill={CATEGORY[0]} /> }
                    } else {
                        html! { <rect x={(x - 10.0).to_string()} y={(y - 10.0).to_string()} width="20" height="20" fill={CATEGORY[1]} /> }
                    };
                    let pick = props.on_pick.clone().map(|cb| Callback::from(move |_| cb.emit(i)));
                    let key = props.on_pick.clone().map(|cb| Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); cb.emit(i) }));
                    html! {
                        <g class={classes!("map-point", picked.then_some("picked"))} data-letter={letter(i).to_string()} onclick={pick} onkeydown={key}
                            tabindex={props.on_pick.is_some().then_some("0")} role={props.on_pick.is_some().then_some("button")}
                            aria-label={format!("Lettre {}", letter(i))} aria-pressed={props.on_pick.is_some().then(|| picked.to_string())}>
                            if picked { <circle cx={x.to_string()} cy={y.to_string()} r="17" fill="none" stroke="#000" stroke-width="3" /> }
                            { shape }
                            <text x={x.to_string()} y={y.to_string()} text-anchor="middle" dominant-baseline="central" fill={if i != 0 && !is_vowel(i) { "#000" } else { "#fff" }} class="map-letter">{ letter(i).to_string() }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="legend">
                <span class="dot vowel" aria-hidden="true"></span>{ " voyelles (ronds)  " }
                <span class="dot consonant" aria-hidden="true"></span>{ " consonnes (carrés)  " }
                <span class="dot boundary" aria-hidden="true"></span>{ " «\u{a0}.\u{a0}» début/fin (losange)" }
            </figcaption>
        </figure>
    }
}
