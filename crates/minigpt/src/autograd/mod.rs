//! A small reverse-mode automatic differentiation "tape" over f32 matrices.
//!
//! Every operation appends a node (its value, the op that made it, and its inputs) to the tape.
//! `backward` then walks the tape from the end to the start, and each op hands the gradient of
//! its output back to its inputs with the chain rule — the "chain of dominos" of lesson 6.
//! Each op lives in its own module with its forward pass and, right next to it, its backward pass.
//!
//! Why a tape of whole matrices and not of single numbers (like micrograd)? Speed: a GPT step is
//! ~20 matrix ops instead of ~100,000 scalar ones, and a batch of names is one tall matrix (the
//! names packed one after the other). The tape keeps its buffers between steps (`clear` forgets
//! the nodes but not their memory), so training allocates nothing once warm.

mod attention;
mod elementwise;
mod gather;
mod linear;
mod loss;
mod norm;

pub use loss::nll_sum;

use std::ops::Range;

/// A handle to a node of the tape (a matrix and, after `backward`, its gradient).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Var(usize);

/// What made a node; each variant's backward pass sits next to its forward pass.
#[derive(Clone, Debug)]
enum Op {
    /// An input or a parameter: nothing to pass the gradient to.
    Leaf,
    Gather(gather::Gather),
    Add(Var, Var),
    Mul(Var, Var),
    AddBias(Var, Var),
    Scale(Var, f32),
    Sum(Var),
    Relu(Var),
    Tanh(Var),
    Linear {
        x: Var,
        w: Var,
    },
    RmsNorm(Var),
    Softmax(Var),
    CrossEntropy(loss::CrossEntropy),
    Attention(attention::Attention),
}

#[derive(Clone, Debug)]
struct Node {
    rows: usize,
    cols: usize,
    value: Vec<f32>,
    grad: Vec<f32>,
    aux: Vec<f32>,
    op: Op,
}

/// The ε of rmsnorm (microgpt's value).
pub const RMS_EPS: f32 = 1e-5;

#[derive(Clone, Debug, Default)]
pub struct Tape {
    nodes: Vec<Node>,
    len: usize,
    /// Token ids, targets and segments of the nodes, all in one reusable buffer.
    indices: Vec<usize>,
    scratch: Vec<f32>,
}

impl Tape {
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets every node but keeps the memory for the next step.
    pub fn clear(&mut self) {
        self.len = 0;
        self.indices.clear();
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn shape(&self, v: Var) -> (usize, usize) {
        (self.nodes[v.0].rows, self.nodes[v.0].cols)
    }

    pub fn value(&self, v: Var) -> &[f32] {
        &self.nodes[v.0].value
    }

    /// The gradient of the last `backward`'s output with respect to `v`.
    pub fn grad(&self, v: Var) -> &[f32] {
        &self.nodes[v.0].grad
    }

    /// Attention weights of an attention node (per segment, `n_head` matrices T×T), or the
    /// probabilities of a cross-entropy node; empty for other ops.
    pub fn aux(&self, v: Var) -> &[f32] {
        &self.nodes[v.0].aux
    }

    pub fn scalar(&self, v: Var) -> f32 {
        self.nodes[v.0].value[0]
    }

    /// Appends a node with a zeroed value of the given shape, reusing old buffers.
    fn push(&mut self, rows: usize, cols: usize, op: Op) -> Var {
        if self.len == self.nodes.len() {
            self.nodes.push(Node {
                rows,
                cols,
                value: Vec::new(),
                grad: Vec::new(),
                aux: Vec::new(),
                op: Op::Leaf,
            });
        }
        let node = &mut self.nodes[self.len];
        node.rows = rows;
        node.cols = cols;
        node.op = op;
        node.value.clear();
        node.value.resize(rows * cols, 0.0);
        node.aux.clear();
        self.len += 1;
        Var(self.len - 1)
    }

    /// The inputs (every node before `v`) and the node `v` itself, borrowed together.
    fn split(&mut self, v: Var) -> (&[Node], &mut Node) {
        let (before, after) = self.nodes.split_at_mut(v.0);
        (before, &mut after[0])
    }

    fn store_indices(&mut self, ids: &[usize]) -> Range<usize> {
        let start = self.indices.len();
        self.indices.extend_from_slice(ids);
        start..self.indices.len()
    }

    pub fn leaf(&mut self, rows: usize, cols: usize, data: &[f32]) -> Var {
        assert_eq!(
            data.len(),
            rows * cols,
            "leaf data does not match its shape"
        );
        let v = self.push(rows, cols, Op::Leaf);
        self.nodes[v.0].value.copy_from_slice(data);
        v
    }

    /// Fills every gradient with ∂out/∂node, `out` being a 1×1 node (the loss).
    pub fn backward(&mut self, out: Var) {
        assert_eq!(
            self.shape(out),
            (1, 1),
            "backward starts from a single number"
        );
        for node in &mut self.nodes[..=out.0] {
            node.grad.clear();
            node.grad.resize(node.value.len(), 0.0);
        }
        self.nodes[out.0].grad[0] = 1.0;
        let mut scratch = std::mem::take(&mut self.scratch);
        for i in (0..=out.0).rev() {
            let (inputs, after) = self.nodes.split_at_mut(i);
            let node = &after[0];
            let indices = &self.indices;
            match &node.op {
                Op::Leaf => {}
                Op::Gather(op) => op.backward(node, inputs, indices),
                Op::Add(a, b) => elementwise::add_backward(node, inputs, *a, *b),
                Op::Mul(a, b) => elementwise::mul_backward(node, inputs, *a, *b),
                Op::AddBias(a, bias) => elementwise::add_bias_backward(node, inputs, *a, *bias),
                Op::Scale(a, s) => elementwise::scale_backward(node, inputs, *a, *s),
                Op::Sum(a) => elementwise::sum_backward(node, inputs, *a),
                Op::Relu(a) => elementwise::relu_backward(node, inputs, *a),
                Op::Tanh(a) => elementwise::tanh_backward(node, inputs, *a),
                Op::Linear { x, w } => linear::backward(node, inputs, *x, *w),
                Op::RmsNorm(a) => norm::rmsnorm_backward(node, inputs, *a),
                Op::Softmax(a) => norm::softmax_backward(node, inputs, *a),
                Op::CrossEntropy(op) => op.backward(node, inputs, indices),
                Op::Attention(op) => op.backward(node, inputs, indices, &mut scratch),
            }
        }
        self.scratch = scratch;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// A random matrix whose entries stay away from 0 (so ReLU's kink is not crossed by ±h).
    pub(crate) fn random(rng: &mut ChaCha8Rng, n: usize) -> Vec<f32> {
        (0..n)
            .map(|_| {
                let x: f32 = rng.random_range(0.1..1.0);
                if rng.random_bool(0.5) {
                    x
                } else {
                    -x
                }
            })
            .collect()
    }

    /// Checks every input gradient of `f` against central finite differences.
    /// `f` builds a 1×1 loss from the leaves it is given.
    pub(crate) fn check_gradients(
        shapes: &[(usize, usize)],
        seed: u64,
        f: impl Fn(&mut Tape, &[Var]) -> Var,
    ) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let inputs: Vec<Vec<f32>> = shapes
            .iter()
            .map(|&(r, c)| random(&mut rng, r * c))
            .collect();
        let eval = |inputs: &[Vec<f32>], tape: &mut Tape| {
            tape.clear();
            let leaves: Vec<Var> = shapes
                .iter()
                .zip(inputs)
                .map(|(&(r, c), d)| tape.leaf(r, c, d))
                .collect();
            let loss = f(tape, &leaves);
            (leaves, loss)
        };
        let mut tape = Tape::new();
        let (leaves, loss) = eval(&inputs, &mut tape);
        tape.backward(loss);
        let analytic: Vec<Vec<f32>> = leaves.iter().map(|&v| tape.grad(v).to_vec()).collect();
        let h = 1e-2f32;
        for (i, input) in inputs.iter().enumerate() {
            for j in 0..input.len() {
                let mut plus = inputs.clone();
                plus[i][j] += h;
                let mut minus = inputs.clone();
                minus[i][j] -= h;
                let lp = {
                    let (_, l) = eval(&plus, &mut tape);
                    tape.scalar(l) as f64
                };
                let lm = {
                    let (_, l) = eval(&minus, &mut tape);
                    tape.scalar(l) as f64
                };
                let numeric = (lp - lm) / (2.0 * h as f64);
                let a = analytic[i][j] as f64;
                let tol = 2e-3 + 2e-2 * a.abs().max(numeric.abs());
                assert!(
                    (a - numeric).abs() <= tol,
                    "input {i}[{j}]: analytic {a} vs numeric {numeric}"
                );
            }
        }
    }

    /// Reduces any node to a scalar with fixed random weights, so every output element matters.
    pub(crate) fn weigh(tape: &mut Tape, x: Var) -> Var {
        let (r, c) = tape.shape(x);
        let w = random(&mut ChaCha8Rng::seed_from_u64(99), r * c);
        let w = tape.leaf(r, c, &w);
        let m = tape.mul(x, w);
        tape.sum(m)
    }

    #[test]
    fn cleared_tape_reuses_its_buffers() {
        let mut t = Tape::new();
        for _ in 0..3 {
            t.clear();
            let a = t.leaf(2, 2, &[1.0, 2.0, 3.0, 4.0]);
            let s = t.sum(a);
            t.backward(s);
            assert_eq!(t.len(), 2);
            assert_eq!(t.grad(a), &[1.0; 4]);
        }
    }
}
