//! Training in the page without freezing it: each animation frame runs training steps for at
//! most a few milliseconds, then the browser redraws. Pause, resume and restart included.

use gloo::render::{request_animation_frame, AnimationFrame};
use minigpt::models::Model;
use minigpt::{Status, Trainer};
use std::cell::RefCell;
use std::rc::Rc;

/// Milliseconds of training per frame: leaves the rest of the 16 ms frame to drawing.
pub const FRAME_BUDGET_MS: f64 = 8.0;

pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A trainer driven by animation frames. `on_frame` is called after each frame's steps.
pub struct Animated<M: Model + 'static> {
    pub trainer: Trainer<M>,
    /// At most this many steps per frame (small values make short runs visible).
    pub max_steps_per_frame: usize,
    frame: Option<AnimationFrame>,
}

pub type Shared<M> = Rc<RefCell<Animated<M>>>;

impl<M: Model + 'static> Animated<M> {
    pub fn new(trainer: Trainer<M>, max_steps_per_frame: usize) -> Shared<M> {
        Rc::new(RefCell::new(Animated {
            trainer,
            max_steps_per_frame,
            frame: None,
        }))
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
            let start = now_ms();
            let mut done = 0;
            while done < a.max_steps_per_frame && now_ms() - start < FRAME_BUDGET_MS {
                let chunk = (a.max_steps_per_frame - done).min(4);
                if a.trainer.advance(chunk) != Status::Running {
                    break;
                }
                done += chunk;
            }
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
                a3.borrow_mut().pause();
                a3.borrow_mut().trainer.reset();
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
    LabRun::new("Pokémon".into(), trainer, steps)
}
