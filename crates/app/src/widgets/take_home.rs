//! « Emporter mon modèle » : two buttons that download the model as a Jupyter notebook, in plain
//! Python or in PyTorch (`minigpt::notebook`), made in the browser when clicked.

use crate::icons::{icon, Icon};
use course::content::widgets as text;
use minigpt::notebook::{notebook, About, Flavour};
use minigpt::Gpt;
use std::rc::Rc;
use yew::prelude::*;

/// What to put in the notebook: made only when a button is clicked (it may hold thousands of
/// names), `None` if there is no model yet.
pub type Make = Rc<dyn Fn() -> Option<(Gpt, About)>>;

/// The two buttons and a line saying where the file goes (test ids `take-home-python`,
/// `take-home-pytorch`).
pub fn take_home(make: Make, enabled: bool) -> Html {
    let button = |flavour: Flavour, label: &'static str, testid: &'static str| {
        let make = make.clone();
        let onclick = Callback::from(move |_| {
            if let Some((model, about)) = make() {
                let text = notebook(&model, &about, flavour);
                let _ =
                    crate::files::download(flavour.file_name(), "application/x-ipynb+json", &text);
            }
        });
        html! { <button type="button" class="btn" onclick={onclick} disabled={!enabled} data-testid={testid}>{ icon(Icon::Download) }{ label }</button> }
    };
    html! {
        <div class="take-home">
            <h3>{ text::TAKE_HOME_TITLE }</h3>
            <p>{ text::TAKE_HOME_INTRO }</p>
            <div class="row">
                { button(Flavour::Python, text::TAKE_HOME_PYTHON, "take-home-python") }
                { button(Flavour::PyTorch, text::TAKE_HOME_PYTORCH, "take-home-pytorch") }
            </div>
        </div>
    }
}

/// The names the notebook measures its loss on: the first of `names`, as many as plain Python
/// measures in about 20 seconds for this model's size; and that loss, measured here.
pub fn about(
    model: &Gpt,
    data: String,
    steps: Option<usize>,
    train: Vec<String>,
    eval_from: &[String],
) -> About {
    let n = minigpt::notebook::eval_names_for(model.config.param_count()).min(eval_from.len());
    let eval_names = eval_from[..n].to_vec();
    About {
        data,
        steps,
        eval_loss: minigpt::train::eval_loss(model, &eval_names),
        train_names: train,
        eval_names,
    }
}
