//! "Tester la vitesse de cet ordinateur": trains the microgpt-size GPT flat out in the page and
//! prints the figures (tokens per second, eval loss, slowest step of a big model). Used by
//! teachers to check classroom machines and by `cargo xtask bench`.

use crate::training::now_ms;
use minigpt::data::{shuffled, Dataset};
use minigpt::train::eval_loss;
use minigpt::{Config, Gpt, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use yew::prelude::*;

fn timed_run(data: Dataset, config: Config, steps: usize, eval_docs: usize) -> serde_json::Value {
    let names = shuffled(&data.names(), 42);
    let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(42)).expect("valid config");
    let mut trainer = Trainer::new(
        gpt,
        &names,
        TrainConfig {
            steps,
            ..TrainConfig::default()
        },
    )
    .expect("names");
    let (mut slowest, start) = (0.0f64, now_ms());
    while trainer.status() == minigpt::Status::Running {
        let t = now_ms();
        trainer.advance(1);
        slowest = slowest.max(now_ms() - t);
    }
    let ms = now_ms() - start;
    let eval = eval_loss(trainer.model(), &names[..eval_docs.min(names.len())]);
    serde_json::json!({
        "data": data.key(), "params": config.param_count(), "steps": trainer.step(), "tokens": trainer.tokens_seen(),
        "ms": ms, "tokens_per_s": trainer.tokens_seen() as f64 / ms * 1000.0, "slowest_step_ms": slowest, "eval_loss": eval,
    })
}

#[function_component]
pub fn Bench() -> Html {
    let result = use_state(|| None::<String>);
    let run = {
        let result = result.clone();
        Callback::from(move |_| {
            let small = Config::default();
            let big = Config {
                n_embd: 64,
                n_head: 4,
                n_layer: 4,
                block_size: 32,
                ..Config::default()
            };
            let report = serde_json::json!({
                "pokemon_1000": timed_run(Dataset::Pokemon, small, 1000, 1023),
                "prenoms_1000": timed_run(Dataset::Prenoms, small, 1000, 2000),
                "pokemon_10000": timed_run(Dataset::Pokemon, small, 10000, 1023),
                "big_prenoms_100": timed_run(Dataset::Prenoms, big, 100, 200),
            });
            result.set(Some(
                serde_json::to_string_pretty(&report).unwrap_or_default(),
            ));
        })
    };
    html! {
        <main id="contenu">
            <h1>{ "Tester la vitesse de cet ordinateur" }</h1>
            <p>{ "Ce test entraîne le mini-GPT à pleine vitesse (la page peut se figer quelques secondes) et affiche les mesures : lettres par seconde, loss obtenue, pas le plus lent d'un gros modèle." }</p>
            <button type="button" class="btn primary" onclick={run} data-testid="bench-run">{ "Lancer le test" }</button>
            if let Some(r) = &*result {
                <pre data-testid="bench-result">{ r.clone() }</pre>
            }
        </main>
    }
}
