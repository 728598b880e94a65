//! Form controls shared by lessons and the Atelier: a slider over a fixed list of choices, and
//! the temperature slider.

use course::content::widgets as text;
use course::text::fr;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A slider whose positions are `choices`, each shown by `show`, telling `on_change` each new
/// value (a reducer's action).
pub fn choice_input<T: Copy + PartialEq + 'static>(
    label: &str,
    choices: &'static [T],
    value: T,
    show: fn(T) -> String,
    on_change: Callback<T>,
    testid: &'static str,
) -> Html {
    let index = choices.iter().position(|c| *c == value).unwrap_or(0);
    let shown = show(value);
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        if let Some(&v) = el
            .value()
            .parse::<usize>()
            .ok()
            .and_then(|i| choices.get(i))
        {
            on_change.emit(v);
        }
    });
    html! {
        <label class="slider-row">{ text::label_colon(label) }<strong data-testid={format!("{testid}-value")}>{ shown.clone() }</strong>
            <input type="range" min="0" max={(choices.len() - 1).to_string()} step="1" value={index.to_string()} oninput={oninput}
                aria-label={label.to_string()} aria-valuetext={shown} data-testid={testid} />
        </label>
    }
}

/// Temperature from 0.1 to 2.0 in steps of 0.1.
pub fn temperature_slider(value: f32, set: UseStateHandle<f32>, testid: &'static str) -> Html {
    temperature_input(value, Callback::from(move |v| set.set(v)), testid)
}

/// The temperature slider, telling `on_change` each new value.
pub fn temperature_input(value: f32, on_change: Callback<f32>, testid: &'static str) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = el.value().parse::<f32>() {
            on_change.emit((v / 10.0).clamp(0.1, 2.0));
        }
    });
    html! {
        <label class="slider-row">{ text::label_colon(text::TEMPERATURE) }<strong data-testid={format!("{testid}-value")}>{ fr(value, 1) }</strong>
            <input type="range" min="1" max="20" step="1" value={((value * 10.0).round() as i32).to_string()} oninput={oninput}
                aria-label={text::TEMPERATURE} aria-valuetext={fr(value, 1)} data-testid={testid} />
        </label>
    }
}
