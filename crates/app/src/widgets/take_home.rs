//! « Emporter mon modèle » : two buttons that download the model as a Jupyter notebook, in plain
//! Python or in PyTorch (`minigpt::notebook`), made in the browser when clicked. They wait,
//! saying why, while there is no model or while one is training (a notebook of a model half
//! trained would not be the one the page shows at the end); a refused download says so.

use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use course::content::widgets as text;
use minigpt::notebook::{notebook, About, Flavour};
use minigpt::Gpt;
use std::rc::Rc;
use yew::prelude::*;

/// What to put in the notebook: made only when a button is clicked (it may hold thousands of
/// names), `None` if there is no model yet.
pub type Make = Rc<dyn Fn() -> Option<(Gpt, About)>>;

/// Whether the buttons can work now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ready {
    Yes,
    NoModel,
    /// A run is going on: its model is not the one to take home yet.
    Training,
}

impl Ready {
    pub fn of(has_model: bool, training: bool) -> Ready {
        match (has_model, training) {
            (_, true) => Ready::Training,
            (false, false) => Ready::NoModel,
            (true, false) => Ready::Yes,
        }
    }
}

/// The two buttons and a line saying where the file goes (test ids `take-home-python`,
/// `take-home-pytorch`; the reason they wait: `take-home-why`; a refused download:
/// `take-home-message`).
pub fn take_home(make: Make, ready: Ready) -> Html {
    html! { <TakeHome make={MakeProp(make)} ready={ready} /> }
}

/// A `Make` compared by identity: the page makes a new one when its model changes.
#[derive(Clone)]
struct MakeProp(Make);

impl PartialEq for MakeProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct Props {
    make: MakeProp,
    ready: Ready,
}

#[function_component]
fn TakeHome(props: &Props) -> Html {
    let refused = use_state(|| None::<&'static str>);
    // The pupils at the keyboard name the file and the notebook (« Inès B. et Tom M. »).
    let pupil = use_progress().display();
    let button = |flavour: Flavour, label: &'static str, testid: &'static str| {
        let (make, refused, pupil) = (props.make.0.clone(), refused.clone(), pupil.clone());
        let onclick = Callback::from(move |_| {
            let Some((model, mut about)) = make() else { return };
            if about.pupil.is_empty() {
                about.pupil = pupil.clone();
            }
            let text = notebook(&model, &about, flavour);
            let file = flavour.file_name(&about.dataset, &about.pupil);
            let sent = crate::files::download(&file, "application/x-ipynb+json", &text);
            refused.set(sent.err().map(|r| r.message()));
        });
        html! { <button type="button" class="btn" onclick={onclick} disabled={props.ready != Ready::Yes} data-testid={testid}>{ icon(Icon::Download) }{ label }</button> }
    };
    let why = match props.ready {
        Ready::Yes => None,
        Ready::NoModel => Some(text::TAKE_HOME_NO_MODEL),
        Ready::Training => Some(text::TAKE_HOME_BUSY),
    };
    html! {
        <div class="take-home">
            <h3>{ text::TAKE_HOME_TITLE }</h3>
            <p>{ text::TAKE_HOME_INTRO }</p>
            <div class="row">
                { button(Flavour::Python, text::TAKE_HOME_PYTHON, "take-home-python") }
                { button(Flavour::PyTorch, text::TAKE_HOME_PYTORCH, "take-home-pytorch") }
            </div>
            if let Some(why) = why { <p class="muted" data-testid="take-home-why">{ why }</p> }
            if let Some(m) = *refused { <p class="feedback ko" role="alert" data-testid="take-home-message">{ m }</p> }
        </div>
    }
}
