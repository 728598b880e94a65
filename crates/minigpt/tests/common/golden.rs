//! Golden runs, checked natively (`tests/golden.rs`) and in the browser (`tests/wasm.rs`): the
//! same numbers, bit for bit, on every machine and in every engine.
//!
//! A record keeps, at steps 1, 10, 100, 1000 and the last one, that step's loss and the
//! fingerprint of every loss up to it; one fingerprint per matrix; the eval loss. A run that
//! differs names the first stretch of steps and the first matrix where it diverges. When a
//! change is meant to move the bits, `GOLDEN_RECORD=1 cargo test -p minigpt --test golden --
//! --nocapture` prints the new records to paste here (and still fails until they are).
#![allow(dead_code)]

use minigpt::data::{shuffled, Dataset, TEACHING_SET};
use minigpt::fingerprint;
use minigpt::optim::OptimizerKind;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, BigramTable, Config, ContextMlp, Gpt, Model, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The steps a record keeps (those the run reaches), besides its last one.
pub const MARKS: [usize; 4] = [1, 10, 100, 1000];

/// A golden run as recorded.
#[derive(Clone, Copy, Debug)]
pub struct Record {
    /// (step, that step's loss, fingerprint of the losses of steps 1..=step).
    pub marks: &'static [(usize, f32, u64)],
    /// Each matrix, in the model's order: (name, fingerprint of its numbers).
    pub matrices: &'static [(&'static str, u64)],
    pub eval: Option<f32>,
}

/// What a run gave.
pub struct Run {
    pub losses: Vec<f32>,
    pub matrices: Vec<(String, u64)>,
    pub eval: Option<f32>,
}

impl Run {
    fn of<M: Model>(t: &Trainer<M>, eval: Option<f32>) -> Run {
        Run {
            losses: t.losses().to_vec(),
            matrices: t
                .model()
                .params()
                .matrices
                .iter()
                .map(|m| (m.name.clone(), fingerprint(&m.data)))
                .collect(),
            eval,
        }
    }

    /// The steps this run's record keeps.
    fn marks(&self) -> Vec<usize> {
        let last = self.losses.len();
        let mut marks: Vec<usize> = MARKS.into_iter().filter(|&m| m < last).collect();
        marks.push(last);
        marks
    }

    /// None if the run has the record's bits; else where it first leaves them.
    pub fn diverges_from(&self, record: &Record) -> Option<String> {
        let mut after = 0;
        for &(step, loss, print) in record.marks {
            let Some(losses) = self.losses.get(..step) else {
                return Some(format!(
                    "the run has {} steps, the record {step}",
                    self.losses.len()
                ));
            };
            if fingerprint(losses) != print {
                let steps = if after + 1 == step {
                    format!("{step}")
                } else {
                    format!("between {} and {step}", after + 1)
                };
                return Some(format!(
                    "first diverging step: {steps} (loss at step {step}: recorded {loss:?}, now \
                     {:?})",
                    losses[step - 1]
                ));
            }
            after = step;
        }
        if self.losses.len() != after {
            return Some(format!(
                "the run has {} steps, the record {after}",
                self.losses.len()
            ));
        }
        for (i, (name, print)) in record.matrices.iter().enumerate() {
            match self.matrices.get(i) {
                Some((got, p)) if got == name && p == print => {}
                Some((got, _)) if got == name => {
                    return Some(format!("first diverging matrix: {name} (number {i})"))
                }
                got => return Some(format!("matrix number {i}: recorded {name}, now {got:?}")),
            }
        }
        if self.matrices.len() != record.matrices.len() {
            return Some(format!(
                "{} matrices, {} recorded",
                self.matrices.len(),
                record.matrices.len()
            ));
        }
        let bits = |e: Option<f32>| e.map(f32::to_bits);
        (bits(self.eval) != bits(record.eval)).then(|| {
            format!(
                "the eval loss: recorded {:?}, now {:?}",
                record.eval, self.eval
            )
        })
    }

    /// This run's record, as Rust source to paste.
    pub fn source(&self, name: &str) -> String {
        let marks: Vec<String> = self
            .marks()
            .iter()
            .map(|&s| {
                let loss = self.losses[s - 1];
                format!("({s}, {loss:?}, {})", fingerprint(&self.losses[..s]))
            })
            .collect();
        let matrices: Vec<String> = self
            .matrices
            .iter()
            .map(|(n, p)| format!("({n:?}, {p})"))
            .collect();
        format!(
            "pub const {name}: Record = Record {{\n    marks: &[{}],\n    matrices: &[\n        {},\n    ],\n    eval: {:?},\n}};",
            marks.join(", "),
            matrices.join(",\n        "),
            self.eval
        )
    }
}

/// Fails, naming where each run leaves its record. With `GOLDEN_RECORD=1` (natively), prints
/// every record to paste first.
pub fn check(runs: &[(&str, Run, &Record)]) {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("GOLDEN_RECORD").is_some() {
        for (name, run, _) in runs {
            println!("{}", run.source(name));
        }
    }
    let diverging: Vec<String> = runs
        .iter()
        .filter_map(|(name, run, record)| Some(format!("{name}: {}", run.diverges_from(record)?)))
        .collect();
    assert!(diverging.is_empty(), "{}", diverging.join("\n"));
}

pub fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// microgpt's run, one name per step, and its eval loss on 2,000 names.
pub fn gpt_run(data: Dataset, steps: usize) -> Run {
    let names = shuffled(&data.names(), 42);
    let gpt = Gpt::new(Config::default(), &mut rng(42)).unwrap();
    let config = TrainConfig {
        steps,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(gpt, &names, config).unwrap();
    t.advance(steps);
    let eval = eval_loss(t.model(), &names[..2000.min(names.len())]);
    Run::of(&t, eval)
}

/// Lesson 2's score table trained by plain gradient descent.
pub fn table_run() -> Run {
    let table = BigramTable::new(Alphabet::Letters, 1.0, &mut rng(2));
    let cfg = TrainConfig {
        steps: 100,
        lr: 30.0,
        optimizer: OptimizerKind::Sgd,
        lr_decay: false,
        batch_size: 20,
        test_split: false,
    };
    let mut t = Trainer::new(table, &TEACHING_SET, cfg).unwrap();
    t.advance(100);
    Run::of(&t, None)
}

/// Lesson 3's context MLP on the Pokémon, and its validation loss.
pub fn mlp_run() -> Run {
    let names = shuffled(&Dataset::Pokemon.names(), 3);
    let (train, val) = minigpt::data::split(&names, 0.1);
    let mlp = ContextMlp::new(Alphabet::Letters, 3, 8, 64, &mut rng(3));
    let cfg = TrainConfig {
        steps: 1500,
        lr: 0.01,
        batch_size: 16,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(mlp, &train, cfg).unwrap();
    t.advance(1500);
    let eval = eval_loss(t.model(), &val);
    Run::of(&t, eval)
}

/// Mini-batches of 32 prénoms on a 2-layer model, each step cut into `parts` (natively the
/// threads, in the browser several workers), 4 steps.
pub fn split_run(parts: usize) -> Run {
    let names = shuffled(&Dataset::Prenoms.names(), 42);
    let config = Config {
        n_embd: 32,
        n_head: 4,
        n_layer: 2,
        block_size: 32,
        ..Config::default()
    };
    let gpt = Gpt::new(config, &mut rng(42)).unwrap();
    let train = TrainConfig {
        steps: 4,
        lr: 0.005,
        batch_size: 32,
        ..TrainConfig::default()
    };
    let mut t = Trainer::new(gpt, &names, train).unwrap();
    t.set_parts(parts);
    assert_eq!(
        t.next_step_parts(),
        parts,
        "the step is big enough to be cut"
    );
    t.advance(4);
    Run::of(&t, None)
}

// The records. The runs' bits must never change by accident: exp, ln and tanh come from the
// pure-Rust `libm`, and every sum has one order, so native and browser runs agree bit for bit.
// Re-record (see the top of this file) only for a change meant to move them, and say so in
// the commit.

pub const POKEMON_1000: Record = Record {
    marks: &[
        (1, 3.5305672, 15066948381211882831),
        (10, 3.463395, 4836457708505827061),
        (100, 2.3935657, 15962593107326374933),
        (1000, 3.6677606, 3579492472337322540),
    ],
    matrices: &[
        ("wte", 12933760000413870052),
        ("wpe", 14535701256262959351),
        ("lm_head", 2037262160671274264),
        ("layer0.attn_wq", 5289888417474249624),
        ("layer0.attn_wk", 9883522937217507338),
        ("layer0.attn_wv", 2500997118380641721),
        ("layer0.attn_wo", 17998769697171654256),
        ("layer0.mlp_fc1", 4034024033391004298),
        ("layer0.mlp_fc2", 6257099121639122345),
    ],
    eval: Some(2.400191),
};

pub const PRENOMS_1000: Record = Record {
    marks: &[
        (1, 3.185887, 17800282611897902914),
        (10, 2.6628642, 9638012891483894484),
        (100, 3.2908783, 381444085837578151),
        (1000, 2.354026, 18167634786726090208),
    ],
    matrices: &[
        ("wte", 1870708051734786862),
        ("wpe", 14226101643784950726),
        ("lm_head", 740150712433194877),
        ("layer0.attn_wq", 10072998155807810548),
        ("layer0.attn_wk", 17320919798077588755),
        ("layer0.attn_wv", 11024879696070940184),
        ("layer0.attn_wo", 7003166136663234714),
        ("layer0.mlp_fc1", 3096348516623109978),
        ("layer0.mlp_fc2", 4101765712515746185),
    ],
    eval: Some(2.3798993),
};

pub const TABLE: Record = Record {
    marks: &[
        (1, 3.625687, 15521933989546992108),
        (10, 2.2761176, 161647676570454055),
        (100, 1.7565819, 12603046741642286450),
    ],
    matrices: &[("scores", 12394997794348532965)],
    eval: None,
};

pub const MLP: Record = Record {
    marks: &[
        (1, 3.300628, 18329352214230241160),
        (10, 3.0021825, 15191308931836457219),
        (100, 2.603055, 10466045134505985584),
        (1000, 2.085203, 17664334911438081383),
        (1500, 2.1159863, 16730647420397251667),
    ],
    matrices: &[
        ("embedding", 18118417130862786024),
        ("hidden", 13144455275887893936),
        ("hidden_bias", 16900945209614208751),
        ("output", 11665241652154256720),
        ("output_bias", 11186787124784158733),
    ],
    eval: Some(2.4939802),
};

pub const SPLIT_1: Record = Record {
    marks: &[
        (1, 3.4219823, 460352023122300549),
        (4, 3.024707, 5889895496109690582),
    ],
    matrices: &[
        ("wte", 10233959886240407840),
        ("wpe", 3297225395107085503),
        ("lm_head", 16509588005042628950),
        ("layer0.attn_wq", 2316880059409133404),
        ("layer0.attn_wk", 10046037362860630821),
        ("layer0.attn_wv", 14591323938043848356),
        ("layer0.attn_wo", 3274257630516950272),
        ("layer0.mlp_fc1", 15950706540162366263),
        ("layer0.mlp_fc2", 15998390651323207892),
        ("layer1.attn_wq", 4932973253476922027),
        ("layer1.attn_wk", 15620563319283641502),
        ("layer1.attn_wv", 1790898155484527532),
        ("layer1.attn_wo", 12527774216689441992),
        ("layer1.mlp_fc1", 5310721734797450282),
        ("layer1.mlp_fc2", 7981560018253135379),
    ],
    eval: None,
};

pub const SPLIT_2: Record = Record {
    marks: &[
        (1, 3.4219837, 460358620192069815),
        (4, 3.0247083, 4153766412005776740),
    ],
    matrices: &[
        ("wte", 8027047196108151563),
        ("wpe", 5713426841210429256),
        ("lm_head", 3249778761976689700),
        ("layer0.attn_wq", 13257539823634817291),
        ("layer0.attn_wk", 5802890650460939070),
        ("layer0.attn_wv", 9830341122946840536),
        ("layer0.attn_wo", 12088201727173929392),
        ("layer0.mlp_fc1", 3695290755405894291),
        ("layer0.mlp_fc2", 15683801830814482802),
        ("layer1.attn_wq", 7319058369860434972),
        ("layer1.attn_wk", 6791884119849049920),
        ("layer1.attn_wv", 4299759068022309116),
        ("layer1.attn_wo", 16058936858686548050),
        ("layer1.mlp_fc1", 2333641530966040056),
        ("layer1.mlp_fc2", 9663418973428993109),
    ],
    eval: None,
};

pub const SPLIT_3: Record = Record {
    marks: &[
        (1, 3.4219828, 460345426052531283),
        (4, 3.024708, 1632643620764383185),
    ],
    matrices: &[
        ("wte", 9713631609800779802),
        ("wpe", 13943923611079664400),
        ("lm_head", 16036278619045541521),
        ("layer0.attn_wq", 7263767545862554116),
        ("layer0.attn_wk", 18413795965926089960),
        ("layer0.attn_wv", 17014165180029554190),
        ("layer0.attn_wo", 7352803368947022069),
        ("layer0.mlp_fc1", 13661833002468201047),
        ("layer0.mlp_fc2", 14695941395130660731),
        ("layer1.attn_wq", 10767722788524089696),
        ("layer1.attn_wk", 12863447900516787382),
        ("layer1.attn_wv", 11974931769670181593),
        ("layer1.attn_wo", 9613034497274359811),
        ("layer1.mlp_fc1", 1169136011410752875),
        ("layer1.mlp_fc2", 10554981983758370467),
    ],
    eval: None,
};

pub const SPLIT: [Record; 3] = [SPLIT_1, SPLIT_2, SPLIT_3];
