//! The whole-model gradient check and the golden runs, shared by the native tests and the
//! in-browser (wasm) tests.
#![allow(dead_code)]

use minigpt::models::Model;
use minigpt::Tape;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn loss_of<M: Model>(model: &M, docs: &[&[usize]]) -> f32 {
    let mut tape = Tape::new();
    let mut vars = Vec::new();
    model.params().load_into(&mut tape, &mut vars);
    let l = model.loss(&mut tape, &vars, docs).unwrap();
    tape.scalar(l)
}

/// The gradient of the whole loss, from the tape, against central finite differences.
pub fn check_model_gradient<M: Model>(mut model: M, docs: &[&[usize]], seed: u64) {
    // Spread the weights (the tiny N(0, 0.08) start gives tiny gradients that prove little).
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    for m in &mut model.params_mut().matrices {
        m.data
            .iter_mut()
            .for_each(|x| *x = r.random_range(-0.7..0.7));
    }
    let mut tape = Tape::new();
    let mut vars = Vec::new();
    model.params().load_into(&mut tape, &mut vars);
    let l = model.loss(&mut tape, &vars, docs).unwrap();
    tape.backward(l);
    let analytic: Vec<Vec<f32>> = vars.iter().map(|&v| tape.grad(v).to_vec()).collect();
    let h = 5e-3f32;
    let base = loss_of(&model, docs) as f64;
    let (mut diff2, mut norm2, mut kinks, mut total) = (0.0f64, 0.0f64, 0usize, 0usize);
    for (i, grads) in analytic.iter().enumerate() {
        for (j, &a) in grads.iter().enumerate() {
            let orig = model.params().matrices[i].data[j];
            model.params_mut().matrices[i].data[j] = orig + h;
            let plus = loss_of(&model, docs) as f64;
            model.params_mut().matrices[i].data[j] = orig - h;
            let minus = loss_of(&model, docs) as f64;
            model.params_mut().matrices[i].data[j] = orig;
            total += 1;
            // A ReLU switching on or off inside [x-h, x+h] bends the loss: the two one-sided
            // slopes then disagree, and no finite difference can be trusted there.
            let (right, left) = ((plus - base) / h as f64, (base - minus) / h as f64);
            if (right - left).abs() > 5e-3 + 0.02 * right.abs().max(left.abs()) {
                kinks += 1;
                continue;
            }
            let numeric = (plus - minus) / (2.0 * h as f64);
            let a = a as f64;
            assert!(
                (a - numeric).abs() < 2e-3 + 0.05 * a.abs(),
                "matrix {i}[{j}]: analytic {a} vs numeric {numeric}"
            );
            diff2 += (a - numeric).powi(2);
            norm2 += a.powi(2);
        }
    }
    assert!(
        kinks * 10 < total,
        "{kinks} of {total} parameters sit on a ReLU kink"
    );
    assert!(norm2 > 1e-4, "gradient too small to prove anything");
    eprintln!(
        "relative error {:.2e}, {kinks} kinks of {total}",
        (diff2 / norm2).sqrt()
    );
    assert!(
        (diff2 / norm2).sqrt() < 1e-2,
        "relative error {}",
        (diff2 / norm2).sqrt()
    );
}

pub mod golden;
