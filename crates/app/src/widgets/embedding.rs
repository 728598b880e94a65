//! Lesson 3's pictures: the table of letter embeddings ("identity cards") and the 2-D map.

use super::colors::CATEGORY;
use course::content::widgets as text;
use course::text::{fr, letter};
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
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={text::cards_label(d)} style={format!("max-width:{}px", w * 1.6)}>
                <title>{ text::cards_title(d) }</title>
                { for props.rows.iter().enumerate().map(|(r, row)| html! {
                    <g class={classes!("emb-row", props.highlight.contains(&r).then_some("hl"))}>
                        <text x="10" y={(r as f32 * 14.0 + 7.0).to_string()} text-anchor="middle" dominant-baseline="central" class="axis-label">{ letter(r).to_string() }</text>
                        { for row.iter().enumerate().map(|(c, &x)| html! {
                            <rect class="emb-cell" x={(22.0 + c as f32 * cell).to_string()} y={(r as f32 * 14.0 + 1.0).to_string()} width={(cell - 1.0).to_string()} height="12" fill={diverging(x, scale)}>
                                <title>{ text::card_cell(letter(r), c + 1, &fr(x, 2)) }</title>
                            </rect>
                        }) }
                    </g>
                }) }
            </svg>
        </figure>
    }
}

/// Symbols are nudged apart to at least this many pixels: less than a symbol (22 pixels), so
/// that close letters still look closer than the others and the closest pair stays the
/// closest on screen (a larger gap would set every close pair at the same distance).
const MIN_GAP: f32 = 8.0;
const MAP_W: f32 = 460.0;
const MAP_H: f32 = 360.0;
const MAP_PAD: f32 = 24.0;

/// Where each point is drawn on the map: `scaled_positions`, nudged apart by at most a few
/// pixels so no two symbols sit exactly on each other.
pub fn screen_positions(points: &[[f32; 2]]) -> Vec<[f32; 2]> {
    spread(
        &scaled_positions(points),
        MIN_GAP,
        [MAP_PAD, MAP_W - MAP_PAD, MAP_PAD, MAP_H - MAP_PAD],
    )
}

/// Each point in the map's pixels, one scale for both axes: distances on screen are the real
/// projected distances. Exercise 4 of lesson 3 judges these (the nudge moves none by more
/// than a few pixels).
pub fn scaled_positions(points: &[[f32; 2]]) -> Vec<[f32; 2]> {
    let (w, h, pad) = (MAP_W, MAP_H, MAP_PAD);
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for p in points {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    let scale = ((w - 2.0 * pad) / (x1 - x0).max(1e-6)).min((h - 2.0 * pad) / (y1 - y0).max(1e-6));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    points
        .iter()
        .map(|p| [w / 2.0 + (p[0] - cx) * scale, h / 2.0 - (p[1] - cy) * scale])
        .collect()
}

/// Screen positions nudged apart until no two symbols are closer than `gap` (within `bounds`:
/// left, right, top, bottom), so no letter hides another. Near letters stay near.
pub fn spread(points: &[[f32; 2]], gap: f32, bounds: [f32; 4]) -> Vec<[f32; 2]> {
    let mut p = points.to_vec();
    for _ in 0..60 {
        let mut moved = false;
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let (dx, dy) = (p[j][0] - p[i][0], p[j][1] - p[i][1]);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= gap {
                    continue;
                }
                moved = true;
                // Same spot: part them along a direction of their own.
                let (ux, uy) = if d < 1e-3 {
                    let a = (i * 7 + j * 13) as f32;
                    (a.cos(), a.sin())
                } else {
                    (dx / d, dy / d)
                };
                let push = (gap - d) / 2.0 + 0.01;
                p[i] = [p[i][0] - ux * push, p[i][1] - uy * push];
                p[j] = [p[j][0] + ux * push, p[j][1] + uy * push];
            }
        }
        for q in &mut p {
            q[0] = q[0].clamp(bounds[0], bounds[1]);
            q[1] = q[1].clamp(bounds[2], bounds[3]);
        }
        if !moved {
            break;
        }
    }
    p
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
    let (w, h) = (MAP_W, MAP_H);
    let drawn = screen_positions(&props.points);
    let listing: Vec<String> = props
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{} ({}, {})", letter(i), fr(p[0], 1), fr(p[1], 1)))
        .collect();
    html! {
        <figure class="widget embedding-map" data-widget="embedding-map">
            <svg viewBox={format!("0 0 {w} {h}")} role={if props.on_pick.is_some() { "group" } else { "img" }} aria-label={text::map_label(&listing.join(", "))}>
                <title>{ text::MAP_TITLE }</title>
                <rect x="0" y="0" width={w.to_string()} height={h.to_string()} fill="#fbfbfe" stroke="#d9d7e6" />
                { for drawn.iter().enumerate().map(|(i, p)| {
                    let (x, y) = (p[0], p[1]);
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
                            aria-label={text::letter_label(letter(i))} aria-pressed={props.on_pick.is_some().then(|| picked.to_string())}>
                            if picked { <circle cx={x.to_string()} cy={y.to_string()} r="17" fill="none" stroke="#000" stroke-width="3" /> }
                            { shape }
                            <text x={x.to_string()} y={y.to_string()} text-anchor="middle" dominant-baseline="central" fill={if i != 0 && !is_vowel(i) { "#000" } else { "#fff" }} class="map-letter">{ letter(i).to_string() }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="legend">
                <span class="dot vowel" aria-hidden="true"></span>{ text::VOWELS }
                <span class="dot consonant" aria-hidden="true"></span>{ text::CONSONANTS }
                <span class="dot boundary" aria-hidden="true"></span>{ text::BOUNDARY }
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_on_the_same_spot_are_parted() {
        let points = [
            [100.0, 100.0],
            [100.0, 100.0],
            [105.0, 102.0],
            [300.0, 300.0],
        ];
        let p = super::spread(&points, 23.0, [0.0, 460.0, 0.0, 360.0]);
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let d = ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
                assert!(d >= 22.0, "{i} and {j} overlap: {d}");
            }
        }
        assert_eq!(p[3], [300.0, 300.0], "a letter alone does not move");
    }

    #[test]
    fn the_closest_pair_stays_the_closest_on_screen() {
        let dist =
            |a: [f32; 2], b: [f32; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        // Two pairs 3 and 10 units apart, among points 100 apart: 1 unit is about 1 pixel.
        let points = [
            [100.0, 100.0],
            [103.0, 100.0],
            [200.0, 150.0],
            [210.0, 150.0],
            [0.0, 0.0],
            [400.0, 300.0],
        ];
        let drawn = super::screen_positions(&points);
        let scaled = super::scaled_positions(&points);
        assert!(dist(drawn[0], drawn[1]) < dist(drawn[2], drawn[3]));
        for (d, s) in drawn.iter().zip(&scaled) {
            assert!(
                dist(*d, *s) <= super::MIN_GAP / 2.0 + 0.5,
                "moved by more than the gap"
            );
        }
    }
}
