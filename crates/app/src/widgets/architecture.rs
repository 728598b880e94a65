//! Lesson 5's diagram: the GPT as a stack of blocks with its two residual shortcuts.
//! Each block is a button; the lesson shows the clicked block's real numbers.

use course::content::l5::BLOCKS;
use course::content::widgets as text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub selected: usize,
    pub on_select: Callback<usize>,
}

const BOX_W: f32 = 230.0;
const BOX_H: f32 = 38.0;
const GAP: f32 = 16.0;
const X: f32 = 70.0;

fn y_of(i: usize) -> f32 {
    10.0 + i as f32 * (BOX_H + GAP)
}

#[function_component]
pub fn ArchitectureDiagram(props: &Props) -> Html {
    let h = y_of(BLOCKS.len()) + 4.0;
    // Shortcuts: from the input of a block to the "+" after it (blocks 2→3 and 4→5).
    let shortcut = |from: usize, to: usize| {
        let (y1, y2) = (y_of(from) - GAP / 2.0, y_of(to) + BOX_H / 2.0);
        let x = X + BOX_W + 30.0;
        format!("M{},{y1} H{x} V{y2} H{}", X + BOX_W / 2.0, X + BOX_W)
    };
    html! {
        <figure class="widget architecture" data-widget="architecture">
            <svg viewBox={format!("0 0 440 {h}")} role="group" aria-label={text::PLAN_LABEL}>
                <title>{ text::PLAN_TITLE }</title>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" fill="#4a4a5e" />
                    </marker>
                </defs>
                { for (0..BLOCKS.len() - 1).map(|i| html! {
                    <line x1={(X + BOX_W / 2.0).to_string()} y1={(y_of(i) + BOX_H).to_string()} x2={(X + BOX_W / 2.0).to_string()} y2={(y_of(i + 1) - 2.0).to_string()} stroke="#4a4a5e" stroke-width="2" marker-end="url(#arrow)" />
                }) }
                <path d={shortcut(2, 3)} fill="none" stroke="#E69F00" stroke-width="3" marker-end="url(#arrow)" class="residual" />
                <path d={shortcut(4, 5)} fill="none" stroke="#E69F00" stroke-width="3" marker-end="url(#arrow)" class="residual" />
                <text x={(X + BOX_W + 36.0).to_string()} y={(y_of(3) - 4.0).to_string()} class="tick">{ "raccourci" }</text>
                { for BLOCKS.iter().enumerate().map(|(i, (name, _))| {
                    let on = i == props.selected;
                    let (pick, key) = (props.on_select.clone(), props.on_select.clone());
                    html! {
                        <g class={classes!("arch-block", on.then_some("on"))} role="button" tabindex="0" aria-pressed={on.to_string()} data-block={i.to_string()}
                            onclick={move |_| pick.emit(i)}
                            onkeydown={move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); key.emit(i) }}>
                            <rect x={X.to_string()} y={y_of(i).to_string()} width={BOX_W.to_string()} height={BOX_H.to_string()} rx="10" />
                            <text x={(X + BOX_W / 2.0).to_string()} y={(y_of(i) + BOX_H / 2.0).to_string()} text-anchor="middle" dominant-baseline="central">{ *name }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
