//! The optimisers: how a gradient becomes a small change of every parameter.

use crate::kernels::flush_subnormal;
use crate::params::Params;

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum OptimizerKind {
    /// Plain gradient descent: p ← p − lr·g (lesson 2).
    Sgd,
    /// Adam with microgpt's settings (lessons 5-6).
    Adam,
}

/// microgpt's Adam settings.
pub const ADAM_BETA1: f32 = 0.85;
pub const ADAM_BETA2: f32 = 0.99;
pub const ADAM_EPS: f32 = 1e-8;

/// Adam's memory (step count, running averages), every matrix one after the other.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptimizerState {
    pub t: i32,
    pub m: Vec<f32>,
    pub v: Vec<f32>,
}

#[derive(Clone, Debug)]
pub struct Optimizer {
    pub kind: OptimizerKind,
    /// Adam's running averages of the gradient and of its square (one per parameter).
    m: Vec<Vec<f32>>,
    v: Vec<Vec<f32>>,
    t: i32,
}

impl Optimizer {
    pub fn new(kind: OptimizerKind, params: &Params) -> Self {
        let zeros = |p: &Params| p.matrices.iter().map(|m| vec![0.0; m.data.len()]).collect();
        Optimizer {
            kind,
            m: zeros(params),
            v: zeros(params),
            t: 0,
        }
    }

    /// Adam's memory, flat: what carries a run on elsewhere with the same bits.
    pub fn state(&self) -> OptimizerState {
        OptimizerState {
            t: self.t,
            m: self.m.iter().flatten().copied().collect(),
            v: self.v.iter().flatten().copied().collect(),
        }
    }

    /// Takes up a memory `state` wrote; false (and unchanged) if its sizes do not fit.
    pub fn set_state(&mut self, state: &OptimizerState) -> bool {
        let count: usize = self.m.iter().map(Vec::len).sum();
        if state.m.len() != count || state.v.len() != count {
            return false;
        }
        let mut at = 0;
        for (m, v) in self.m.iter_mut().zip(&mut self.v) {
            let n = m.len();
            m.copy_from_slice(&state.m[at..at + n]);
            v.copy_from_slice(&state.v[at..at + n]);
            at += n;
        }
        self.t = state.t;
        true
    }

    /// Moves every parameter against its gradient (`grads[i]` for matrix `i`).
    /// Returns `false` if a parameter stopped being a finite number (the model diverged).
    pub fn step(&mut self, params: &mut Params, grads: &[&[f32]], lr: f32) -> bool {
        self.t += 1;
        // Bias correction folded into two constants, so the loop below is plain arithmetic
        // the compiler can vectorise.
        let step_size = lr / (1.0 - ADAM_BETA1.powi(self.t));
        let inv_bc2 = 1.0 / (1.0 - ADAM_BETA2.powi(self.t));
        let mut non_finite = 0u32;
        for (i, (matrix, grad)) in params.matrices.iter_mut().zip(grads).enumerate() {
            let p = &mut matrix.data[..];
            let grad = &grad[..p.len()];
            match self.kind {
                OptimizerKind::Sgd => {
                    for (p, g) in p.iter_mut().zip(grad) {
                        *p -= lr * g;
                        non_finite |= is_non_finite(*p);
                    }
                }
                OptimizerKind::Adam => {
                    let m = &mut self.m[i][..p.len()];
                    let v = &mut self.v[i][..p.len()];
                    for j in 0..p.len() {
                        let g = grad[j];
                        // Running averages that fade towards 0 become 0 rather than
                        // subnormal numbers, which are slow (see `flush_subnormal`).
                        m[j] = flush_subnormal(ADAM_BETA1 * m[j] + (1.0 - ADAM_BETA1) * g);
                        v[j] = flush_subnormal(ADAM_BETA2 * v[j] + (1.0 - ADAM_BETA2) * g * g);
                        p[j] -= step_size * m[j] / ((v[j] * inv_bc2).sqrt() + ADAM_EPS);
                        non_finite |= is_non_finite(p[j]);
                    }
                }
            }
        }
        non_finite == 0
    }
}

/// 1 if `x` is infinite or NaN (all exponent bits set); integer arithmetic so loops vectorise.
#[inline]
fn is_non_finite(x: f32) -> u32 {
    ((x.to_bits() & 0x7f80_0000) == 0x7f80_0000) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::autograd::Tape;

    #[test]
    fn sgd_and_adam_first_steps_match_hand_computation() {
        let mut params = Params::default();
        params.add_zeros("w", 1, 2);
        params.matrices[0].data = vec![1.0, -2.0];
        let mut tape = Tape::new();
        let mut vars = Vec::new();
        params.load_into(&mut tape, &mut vars);
        let sq = tape.mul(vars[0], vars[0]);
        let loss = tape.sum(sq); // gradient = 2·w = [2, -4]
        tape.backward(loss);
        let grads = [tape.grad(vars[0])];

        let mut sgd_params = params.clone();
        assert!(Optimizer::new(OptimizerKind::Sgd, &params).step(&mut sgd_params, &grads, 0.1));
        assert_eq!(sgd_params.matrices[0].data, vec![0.8, -1.6]);

        // Adam's first step (bias-corrected) moves each parameter by lr·sign(g).
        let mut adam_params = params.clone();
        assert!(Optimizer::new(OptimizerKind::Adam, &params).step(&mut adam_params, &grads, 0.1));
        let d = &adam_params.matrices[0].data;
        assert!(
            (d[0] - 0.9).abs() < 1e-6 && (d[1] + 1.9).abs() < 1e-6,
            "{d:?}"
        );
    }

    /// A gradient that stops: Adam's running averages fade to exactly 0, never through
    /// subnormal numbers (which would slow every later step).
    #[test]
    fn fading_averages_skip_subnormal_numbers() {
        let mut params = Params::default();
        params.add_zeros("w", 1, 1);
        let mut adam = Optimizer::new(OptimizerKind::Adam, &params);
        adam.step(&mut params, &[&[1e-3]], 0.01);
        for _ in 0..20_000 {
            adam.step(&mut params, &[&[0.0]], 0.01);
            let s = adam.state();
            assert!(!s.m[0].is_subnormal() && !s.v[0].is_subnormal(), "{s:?}");
        }
        let s = adam.state();
        assert_eq!((s.m[0], s.v[0]), (0.0, 0.0));
    }
}
