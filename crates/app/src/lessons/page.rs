//! A lesson's page state kept in one `use_reducer`: the pure state of `course::lessons`,
//! changed only by its actions (lessons 5 and 6).

use course::lessons::{l5, l6};
use std::rc::Rc;
use yew::Reducible;

/// A lesson's pure state and the action that changes it.
pub trait Applies: Clone + PartialEq {
    type Action;
    fn apply(&mut self, action: Self::Action);
}

impl Applies for l5::State {
    type Action = l5::Action;
    fn apply(&mut self, action: l5::Action) {
        l5::State::apply(self, action);
    }
}

impl Applies for l6::State {
    type Action = l6::Action;
    fn apply(&mut self, action: l6::Action) {
        l6::State::apply(self, action);
    }
}

/// The page's state for Yew: a `course::lessons` state and its actions.
#[derive(Clone, Default, PartialEq)]
pub struct Page<S>(pub S);

impl<S: Applies> Reducible for Page<S> {
    type Action = S::Action;
    fn reduce(self: Rc<Self>, action: S::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}
