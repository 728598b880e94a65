//! Training in the page without freezing it: each animation frame runs training steps for at
//! most a few milliseconds, then the browser redraws. Pause, resume and restart included. And
//! `leave`: leaving a page whose run or model would be lost asks first.

pub mod leave;
pub mod saved;

use crate::clock::now_ms;
pub use leave::use_leave_guard;

use gloo::render::{request_animation_frame, AnimationFrame};
use minigpt::models::Model;
use minigpt::{Status, Trainer};
use std::cell::RefCell;
use std::rc::Rc;

/// Milliseconds of training per frame: leaves the rest of the 16 ms frame to drawing.
pub const FRAME_BUDGET_MS: f64 = 8.0;

/// A trainer driven by animation frames. `on_frame` is called after each frame's steps.
pub struct Animated<M: Model + 'static> {
    pub trainer: Trainer<M>,
    /// At most this many steps per frame (small values make short runs visible).
    pub max_steps_per_frame: usize,
    /// Milliseconds spent inside training steps (not drawing): the honest speed measure.
    pub compute_ms: f64,
    /// The longest single frame of training, in milliseconds.
    pub longest_frame_ms: f64,
    /// Steps at which to keep a copy of the model (the "photo album"), and the copies.
    pub snapshot_steps: Vec<usize>,
    pub snapshots: Vec<(usize, M)>,
    frame: Option<AnimationFrame>,
}

pub type Shared<M> = Rc<RefCell<Animated<M>>>;

impl<M: Model + 'static> Animated<M> {
    pub fn new(trainer: Trainer<M>, max_steps_per_frame: usize) -> Shared<M> {
        Rc::new(RefCell::new(Animated {
            trainer,
            max_steps_per_frame,
            compute_ms: 0.0,
            longest_frame_ms: 0.0,
            snapshot_steps: Vec::new(),
            snapshots: Vec::new(),
            frame: None,
        }))
    }

    /// Keeps a copy of the model at these steps (0 = before training).
    pub fn keep_snapshots(&mut self, steps: &[usize]) {
        self.snapshot_steps = steps.to_vec();
        self.snapshots.clear();
        if steps.contains(&0) {
            self.snapshots.push((0, self.trainer.model().clone()));
        }
    }

    /// Letters per second of pure training so far.
    pub fn tokens_per_second(&self) -> f64 {
        if self.compute_ms > 0.0 {
            self.trainer.tokens_seen() as f64 / self.compute_ms * 1000.0
        } else {
            0.0
        }
    }

    /// Back to the start: same data, same settings, untrained model.
    pub fn restart(&mut self) {
        self.frame = None;
        self.trainer.reset();
        self.compute_ms = 0.0;
        self.longest_frame_ms = 0.0;
        let steps = std::mem::take(&mut self.snapshot_steps);
        self.keep_snapshots(&steps);
    }

    /// One frame of training: one step at a time (so a big model cannot overrun the budget by
    /// much) until the time budget or the step cap; stops exactly on snapshot steps.
    fn train_one_frame(&mut self) {
        let start = now_ms();
        let mut done = 0;
        while done < self.max_steps_per_frame && now_ms() - start < FRAME_BUDGET_MS {
            let status = self.trainer.advance(1);
            done += 1;
            let step = self.trainer.step();
            if self.snapshot_steps.contains(&step)
                && !self.snapshots.iter().any(|(s, _)| *s == step)
            {
                self.snapshots.push((step, self.trainer.model().clone()));
            }
            if status != Status::Running {
                break;
            }
        }
        let spent = now_ms() - start;
        self.compute_ms += spent;
        self.longest_frame_ms = self.longest_frame_ms.max(spent);
    }

    pub fn is_playing(&self) -> bool {
        self.frame.is_some()
    }

    pub fn pause(&mut self) {
        self.frame = None;
    }
}

/// Starts (or resumes) the animation; it stops by itself when training ends or diverges.
pub fn play<M: Model + 'static>(shared: &Shared<M>, on_frame: Rc<dyn Fn()>) {
    if shared.borrow().trainer.status() != Status::Running {
        return;
    }
    let weak = Rc::downgrade(shared);
    let handle = request_animation_frame(move |_| {
        let Some(shared) = weak.upgrade() else { return };
        let running = {
            let mut a = shared.borrow_mut();
            a.train_one_frame();
            a.frame = None;
            a.trainer.status() == Status::Running
        };
        on_frame();
        if running {
            play(&shared, on_frame);
        }
    });
    shared.borrow_mut().frame = Some(handle);
}

/// One training run of a lesson: what it is called, and its animated trainer.
pub struct LabRun<M: Model + 'static> {
    pub label: String,
    pub anim: Shared<M>,
}

impl<M: Model + 'static> LabRun<M> {
    pub fn new(label: String, trainer: Trainer<M>, max_steps_per_frame: usize) -> Self {
        LabRun {
            label,
            anim: Animated::new(trainer, max_steps_per_frame),
        }
    }
    pub fn losses(&self) -> Vec<f32> {
        self.anim.borrow().trainer.losses().to_vec()
    }
    pub fn status(&self) -> Status {
        self.anim.borrow().trainer.status()
    }
    pub fn is_playing(&self) -> bool {
        self.anim.borrow().is_playing()
    }
    /// Exploded: diverged, or finished higher than it started.
    pub fn exploded(&self) -> bool {
        let a = self.anim.borrow();
        let l = a.trainer.losses();
        matches!(a.trainer.status(), Status::Diverged { .. })
            || (l.len() > 1 && l[l.len() - 1] > l[0] + 0.5)
    }
    pub fn final_loss(&self) -> Option<f32> {
        self.anim.borrow().trainer.losses().last().copied()
    }
    pub fn curve(&self) -> crate::widgets::loss_curve::Run {
        crate::widgets::loss_curve::Run {
            label: self.label.clone(),
            losses: self.losses(),
            exploded: self.exploded(),
        }
    }
    /// The controls' view of this run, with its buttons wired.
    pub fn controls(
        &self,
        on_frame: &Rc<dyn Fn()>,
    ) -> crate::widgets::train_controls::ControlsState {
        let (a1, a2, a3) = (self.anim.clone(), self.anim.clone(), self.anim.clone());
        let (f1, f2, f3) = (on_frame.clone(), on_frame.clone(), on_frame.clone());
        crate::widgets::train_controls::ControlsState {
            status: self.status(),
            playing: self.is_playing(),
            step: self.anim.borrow().trainer.step(),
            on_pause: yew::Callback::from(move |_| {
                a1.borrow_mut().pause();
                f1();
            }),
            on_resume: yew::Callback::from(move |_| play(&a2, f2.clone())),
            on_restart: yew::Callback::from(move |_| {
                a3.borrow_mut().restart();
                play(&a3, f3.clone());
                f3();
            }),
        }
    }
}

/// Stops a run's animation when it is dropped (a lesson left, a run replaced).
impl<M: Model + 'static> Drop for LabRun<M> {
    fn drop(&mut self) {
        if let Ok(mut a) = self.anim.try_borrow_mut() {
            a.pause();
        }
    }
}

/// A microgpt-size GPT trained briefly on the 1,023 Pokémon, for lessons that need a model
/// that "knows something" (its heads show structure, its predictions make sense).
pub fn pokemon_gpt_run(steps: usize, seed: u64) -> LabRun<minigpt::Gpt> {
    use rand::SeedableRng;
    let names = minigpt::data::shuffled(&minigpt::data::Dataset::Pokemon.names(), seed);
    let gpt = minigpt::Gpt::new(
        minigpt::Config::default(),
        &mut rand_chacha::ChaCha8Rng::seed_from_u64(seed),
    )
    .expect("the default config is valid");
    let config = minigpt::TrainConfig {
        steps,
        ..minigpt::TrainConfig::default()
    };
    let trainer = Trainer::new(gpt, &names, config).expect("the Pokémon list is not empty");
    LabRun::new(course::content::common::POKEMON_RUN.into(), trainer, steps)
}

/// A page's training runs (`T` is a `Vec` or an `Option` of runs) and the callback that redraws
/// the page after each training frame. Leaving the page drops the runs, which stops them.
#[yew::hook]
pub fn use_runs<T: Default + 'static>() -> (Rc<RefCell<T>>, Rc<dyn Fn()>) {
    let runs = yew::use_mut_ref(T::default);
    let redraw = yew::use_force_update();
    {
        let runs = runs.clone();
        yew::use_effect_with((), move |_| {
            move || drop(std::mem::take(&mut *runs.borrow_mut()))
        });
    }
    let on_frame: Rc<dyn Fn()> = Rc::new(move || redraw.force_update());
    (runs, on_frame)
}
