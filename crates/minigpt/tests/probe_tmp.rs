use minigpt::data::shuffled;
use minigpt::{Alphabet, Config, Gpt, TrainConfig, Trainer};
use minigpt::sample::generate;
use rand::SeedableRng;
#[test]
fn probe() {
    let lists = ["Léa Hugo Chloé Nathan Emma Louis Jade Gabriel Inès Raphaël Zoé Adam Lina Arthur Manon",
      "Léa Hugo Chloé Nathan Emma Louis Jade Gabriel Inès Raphaël",
      "Léa Hugo Chloé Nathan Emma Louis Jade Gabriel Inès Raphaël Zoé Adam Lina Arthur Manon Jules Alice Tom Rose Léo Ambre Noah Lou Sacha Mila Paul Eva Nina"];
    for list in lists {
    let names = shuffled(&Alphabet::Letters.clean(list).names, 42);
    for steps in [100usize, 300, 1000] {
        let gpt = Gpt::new(Config::default(), &mut rand_chacha::ChaCha8Rng::seed_from_u64(42)).unwrap();
        let mut t = Trainer::new(gpt, &names, TrainConfig { steps, ..TrainConfig::default() }).unwrap();
        t.advance(steps);
        for temp in [0.8f32, 1.0, 1.5] {
            let mut new = 0; let mut empty=0; let mut total=0;
            for seed in 0..20u64 {
                let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
                for _ in 0..10 { let n = generate(t.model(), "", temp, 24, &mut rng).0; total+=1; if n.is_empty() {empty+=1} else if !names.contains(&n) { new+=1 } }
            }
            println!("{} names steps {steps} T {temp}: new {:.0}% empty {}", names.len(), 100.0*new as f32/total as f32, empty);
        }
    }}
}
