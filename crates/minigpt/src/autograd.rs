//! A small reverse-mode automatic differentiation "tape" over f32 matrices.
//!
//! Every operation appends a node (its value, the op that made it, and its inputs) to the tape.
//! `backward` then walks the tape from the end to the start, and each op hands the gradient of
//! its output back to its inputs with the chain rule — the "chain of dominos" of lesson 6.
//!
//! Why a tape of whole matrices and not of single numbers (like micrograd)? Speed: a GPT step is
//! ~20 matrix ops instead of ~100,000 scalar ones. The tape keeps its buffers between steps
//! (`clear` forgets the nodes but not their memory), so training allocates nothing once warm.

use std::ops::Range;

/// A handle to a node of the tape (a matrix and, after `backward`, its gradient).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Var(usize);

#[derive(Clone, Debug)]
enum Op {
    /// An input or a parameter: nothing to pass the gradient to.
    Leaf,
    /// Rows of `table` picked by token ids; `group` picked rows are laid side by side.
    Gather {
        table: Var,
        ids: Range<usize>,
        group: usize,
    },
    Add(Var, Var),
    Mul(Var, Var),
    /// Adds a 1×C bias row to every row.
    AddBias(Var, Var),
    Scale(Var, f32),
    /// The sum of every element: a 1×1 result.
    Sum(Var),
    /// `x · wᵀ`: a linear layer without bias (w is out × in, like PyTorch).
    Linear {
        x: Var,
        w: Var,
    },
    Relu(Var),
    Tanh(Var),
    /// Row-wise `x / sqrt(mean(x²) + ε)`; aux keeps 1/rms of each row.
    RmsNorm(Var),
    Softmax(Var),
    /// Mean over rows of −log softmax(logits)[target]; aux keeps the probabilities.
    CrossEntropy {
        logits: Var,
        targets: Range<usize>,
    },
    /// Causal multi-head self-attention on already projected q, k, v;
    /// aux keeps the attention weights, `n_head` matrices T×T.
    Attention {
        q: Var,
        k: Var,
        v: Var,
        n_head: usize,
    },
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
    /// Token ids and targets of gather / cross-entropy nodes, all in one reusable buffer.
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

    /// Attention weights (`n_head` × T × T) of an attention node, or probabilities of a
    /// cross-entropy node; empty for other ops.
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

    /// Picks rows of `table` by id. With `group` > 1, each output row is `group` picked rows laid
    /// side by side (the context window of lesson 3's model). Ids out of range panic: they are a
    /// programming error, not a pupil's input (the vocabulary is checked before).
    pub fn gather(&mut self, table: Var, ids: &[usize], group: usize) -> Var {
        let (t_rows, d) = self.shape(table);
        assert!(
            group > 0 && ids.len().is_multiple_of(group),
            "gather: ids not a multiple of group"
        );
        assert!(ids.iter().all(|&i| i < t_rows), "gather: id out of range");
        let range = self.store_indices(ids);
        let out = self.push(
            ids.len() / group,
            group * d,
            Op::Gather {
                table,
                ids: range.clone(),
                group,
            },
        );
        let indices = &self.indices[range];
        let (before, node) = {
            let (before, after) = self.nodes.split_at_mut(out.0);
            (before, &mut after[0])
        };
        let table = &before[table.0].value;
        for (slot, &id) in node.value.chunks_exact_mut(d).zip(indices) {
            slot.copy_from_slice(&table[id * d..(id + 1) * d]);
        }
        out
    }

    pub fn add(&mut self, a: Var, b: Var) -> Var {
        self.elementwise2(a, b, Op::Add(a, b), |x, y| x + y)
    }

    pub fn mul(&mut self, a: Var, b: Var) -> Var {
        self.elementwise2(a, b, Op::Mul(a, b), |x, y| x * y)
    }

    fn elementwise2(&mut self, a: Var, b: Var, op: Op, f: impl Fn(f32, f32) -> f32) -> Var {
        let (rows, cols) = self.shape(a);
        assert_eq!(
            self.shape(b),
            (rows, cols),
            "elementwise op on different shapes"
        );
        let out = self.push(rows, cols, op);
        let (before, node) = self.split(out);
        for ((o, x), y) in node
            .value
            .iter_mut()
            .zip(&before[a.0].value)
            .zip(&before[b.0].value)
        {
            *o = f(*x, *y);
        }
        out
    }

    pub fn add_bias(&mut self, a: Var, bias: Var) -> Var {
        let (rows, cols) = self.shape(a);
        assert_eq!(self.shape(bias), (1, cols), "bias must be one row");
        let out = self.push(rows, cols, Op::AddBias(a, bias));
        let (before, node) = self.split(out);
        let b = &before[bias.0].value;
        for (o, x) in node
            .value
            .chunks_exact_mut(cols)
            .zip(before[a.0].value.chunks_exact(cols))
        {
            for ((o, x), b) in o.iter_mut().zip(x).zip(b) {
                *o = x + b;
            }
        }
        out
    }

    pub fn scale(&mut self, a: Var, s: f32) -> Var {
        self.elementwise1(a, Op::Scale(a, s), |x| x * s)
    }

    pub fn sum(&mut self, a: Var) -> Var {
        let out = self.push(1, 1, Op::Sum(a));
        let (before, node) = self.split(out);
        node.value[0] = before[a.0].value.iter().sum();
        out
    }

    pub fn relu(&mut self, a: Var) -> Var {
        self.elementwise1(a, Op::Relu(a), |x| x.max(0.0))
    }

    pub fn tanh(&mut self, a: Var) -> Var {
        self.elementwise1(a, Op::Tanh(a), f32::tanh)
    }

    fn elementwise1(&mut self, a: Var, op: Op, f: impl Fn(f32) -> f32) -> Var {
        let (rows, cols) = self.shape(a);
        let out = self.push(rows, cols, op);
        let (before, node) = self.split(out);
        for (o, x) in node.value.iter_mut().zip(&before[a.0].value) {
            *o = f(*x);
        }
        out
    }

    /// `x · wᵀ` with x: R×K and w: N×K, giving R×N.
    pub fn linear(&mut self, x: Var, w: Var) -> Var {
        let (rows, k) = self.shape(x);
        let (n, k2) = self.shape(w);
        assert_eq!(k, k2, "linear: x has {k} columns but w has {k2}");
        let out = self.push(rows, n, Op::Linear { x, w });
        let (before, node) = self.split(out);
        let (xv, wv) = (&before[x.0].value, &before[w.0].value);
        for (o_row, x_row) in node.value.chunks_exact_mut(n).zip(xv.chunks_exact(k)) {
            for (o, w_row) in o_row.iter_mut().zip(wv.chunks_exact(k)) {
                *o = dot(x_row, w_row);
            }
        }
        out
    }

    pub fn rmsnorm(&mut self, a: Var) -> Var {
        let (rows, cols) = self.shape(a);
        let out = self.push(rows, cols, Op::RmsNorm(a));
        let (before, node) = self.split(out);
        for (o_row, x_row) in node
            .value
            .chunks_exact_mut(cols)
            .zip(before[a.0].value.chunks_exact(cols))
        {
            let inv = 1.0 / (dot(x_row, x_row) / cols as f32 + RMS_EPS).sqrt();
            for (o, x) in o_row.iter_mut().zip(x_row) {
                *o = x * inv;
            }
            node.aux.push(inv);
        }
        out
    }

    /// Row-wise softmax (each row becomes probabilities that sum to 1).
    pub fn softmax(&mut self, a: Var) -> Var {
        let (rows, cols) = self.shape(a);
        let out = self.push(rows, cols, Op::Softmax(a));
        let (before, node) = self.split(out);
        for (o_row, x_row) in node
            .value
            .chunks_exact_mut(cols)
            .zip(before[a.0].value.chunks_exact(cols))
        {
            softmax_into(x_row, o_row);
        }
        out
    }

    /// Mean cross-entropy of `logits` (R×V) against one target id per row: a 1×1 loss.
    pub fn cross_entropy(&mut self, logits: Var, targets: &[usize]) -> Var {
        let (rows, cols) = self.shape(logits);
        assert_eq!(targets.len(), rows, "one target per row");
        assert!(targets.iter().all(|&t| t < cols), "target out of range");
        let range = self.store_indices(targets);
        let out = self.push(
            1,
            1,
            Op::CrossEntropy {
                logits,
                targets: range.clone(),
            },
        );
        let (before, after) = self.nodes.split_at_mut(out.0);
        let node = &mut after[0];
        node.aux.resize(rows * cols, 0.0);
        let mut total = 0.0f32;
        for ((p_row, x_row), &t) in node
            .aux
            .chunks_exact_mut(cols)
            .zip(before[logits.0].value.chunks_exact(cols))
            .zip(&self.indices[range])
        {
            let log_sum = softmax_into(x_row, p_row);
            total += log_sum - x_row[t];
        }
        node.value[0] = total / rows as f32;
        out
    }

    /// Causal self-attention: position t mixes the values of positions 0..=t, weighted by
    /// softmax(q·k / √head_size), separately in each of the `n_head` heads.
    pub fn attention(&mut self, q: Var, k: Var, v: Var, n_head: usize) -> Var {
        let (t_len, c) = self.shape(q);
        assert!(
            self.shape(k) == (t_len, c) && self.shape(v) == (t_len, c),
            "attention: q, k, v shapes differ"
        );
        assert!(
            n_head > 0 && c % n_head == 0,
            "attention: {c} columns do not split into {n_head} heads"
        );
        assert!(
            q != k && k != v && q != v,
            "attention: q, k and v must be distinct nodes"
        );
        let hs = c / n_head;
        let scale = 1.0 / (hs as f32).sqrt();
        let out = self.push(t_len, c, Op::Attention { q, k, v, n_head });
        let (before, node) = self.split(out);
        let (qv, kv, vv) = (&before[q.0].value, &before[k.0].value, &before[v.0].value);
        node.aux.resize(n_head * t_len * t_len, 0.0);
        for h in 0..n_head {
            let cols = h * hs..(h + 1) * hs;
            for t in 0..t_len {
                let w = &mut node.aux[(h * t_len + t) * t_len..][..t_len];
                let q_row = &qv[t * c..][cols.clone()];
                for (j, w_j) in w.iter_mut().enumerate().take(t + 1) {
                    *w_j = dot(q_row, &kv[j * c..][cols.clone()]) * scale;
                }
                let row = &mut w[..=t];
                let max = row.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
                let mut sum = 0.0;
                for x in row.iter_mut() {
                    *x = (*x - max).exp();
                    sum += *x;
                }
                let o = &mut node.value[t * c..][cols.clone()];
                for (j, x) in row.iter_mut().enumerate() {
                    *x /= sum;
                    axpy(*x, &vv[j * c..][cols.clone()], o);
                }
            }
        }
        out
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
            let (before, after) = self.nodes.split_at_mut(i);
            backward_op(&after[0], before, &self.indices, &mut scratch);
        }
        self.scratch = scratch;
    }
}

/// Hands the gradient of `node` back to its inputs (which all sit in `inputs`, before it).
fn backward_op(node: &Node, inputs: &mut [Node], indices: &[usize], scratch: &mut Vec<f32>) {
    let g = &node.grad;
    match node.op {
        Op::Leaf => {}
        Op::Gather {
            table,
            ref ids,
            group,
        } => {
            let d = node.cols / group;
            let t = &mut inputs[table.0].grad;
            for (g_slot, &id) in g.chunks_exact(d).zip(&indices[ids.clone()]) {
                axpy(1.0, g_slot, &mut t[id * d..(id + 1) * d]);
            }
        }
        Op::Add(a, b) => {
            axpy(1.0, g, &mut inputs[a.0].grad);
            axpy(1.0, g, &mut inputs[b.0].grad);
        }
        Op::Mul(a, b) => {
            let mut ga = std::mem::take(&mut inputs[a.0].grad);
            for ((ga, g), y) in ga.iter_mut().zip(g).zip(&inputs[b.0].value) {
                *ga += g * y;
            }
            inputs[a.0].grad = ga;
            let mut gb = std::mem::take(&mut inputs[b.0].grad);
            for ((gb, g), x) in gb.iter_mut().zip(g).zip(&inputs[a.0].value) {
                *gb += g * x;
            }
            inputs[b.0].grad = gb;
        }
        Op::AddBias(a, bias) => {
            axpy(1.0, g, &mut inputs[a.0].grad);
            for g_row in g.chunks_exact(node.cols) {
                axpy(1.0, g_row, &mut inputs[bias.0].grad);
            }
        }
        Op::Scale(a, s) => axpy(s, g, &mut inputs[a.0].grad),
        Op::Sum(a) => inputs[a.0].grad.iter_mut().for_each(|x| *x += g[0]),
        Op::Relu(a) => {
            for ((ga, g), y) in inputs[a.0].grad.iter_mut().zip(g).zip(&node.value) {
                if *y > 0.0 {
                    *ga += g;
                }
            }
        }
        Op::Tanh(a) => {
            for ((ga, g), y) in inputs[a.0].grad.iter_mut().zip(g).zip(&node.value) {
                *ga += g * (1.0 - y * y);
            }
        }
        Op::Linear { x, w } => {
            let (k, n) = (inputs[x.0].cols, node.cols);
            // dx = g · w
            let mut gx = std::mem::take(&mut inputs[x.0].grad);
            for (gx_row, g_row) in gx.chunks_exact_mut(k).zip(g.chunks_exact(n)) {
                for (&g_rn, w_row) in g_row.iter().zip(inputs[w.0].value.chunks_exact(k)) {
                    axpy(g_rn, w_row, gx_row);
                }
            }
            inputs[x.0].grad = gx;
            // dw = gᵀ · x
            let mut gw = std::mem::take(&mut inputs[w.0].grad);
            for (g_row, x_row) in g.chunks_exact(n).zip(inputs[x.0].value.chunks_exact(k)) {
                for (&g_rn, gw_row) in g_row.iter().zip(gw.chunks_exact_mut(k)) {
                    axpy(g_rn, x_row, gw_row);
                }
            }
            inputs[w.0].grad = gw;
        }
        Op::RmsNorm(a) => {
            let cols = node.cols;
            let input = &mut inputs[a.0];
            for (((ga, g_row), x_row), &inv) in input
                .grad
                .chunks_exact_mut(cols)
                .zip(g.chunks_exact(cols))
                .zip(input.value.chunks_exact(cols))
                .zip(&node.aux)
            {
                // y = x·inv, inv = (mean(x²)+ε)^(-1/2)  ⇒  dx = inv·g − inv³/C · (g·x) · x
                let coef = inv * inv * inv / cols as f32 * dot(g_row, x_row);
                for ((ga, g), x) in ga.iter_mut().zip(g_row).zip(x_row) {
                    *ga += inv * g - coef * x;
                }
            }
        }
        Op::Softmax(a) => {
            let cols = node.cols;
            for ((ga, g_row), y_row) in inputs[a.0]
                .grad
                .chunks_exact_mut(cols)
                .zip(g.chunks_exact(cols))
                .zip(node.value.chunks_exact(cols))
            {
                let gy = dot(g_row, y_row);
                for ((ga, g), y) in ga.iter_mut().zip(g_row).zip(y_row) {
                    *ga += y * (g - gy);
                }
            }
        }
        Op::CrossEntropy {
            logits,
            ref targets,
        } => {
            let input = &mut inputs[logits.0];
            let cols = input.cols;
            let s = g[0] / input.rows as f32;
            for ((ga, p_row), &t) in input
                .grad
                .chunks_exact_mut(cols)
                .zip(node.aux.chunks_exact(cols))
                .zip(&indices[targets.clone()])
            {
                // The famous "probability − 1 for the right letter".
                axpy(s, p_row, ga);
                ga[t] -= s;
            }
        }
        Op::Attention { q, k, v, n_head } => {
            let (t_len, c) = (node.rows, node.cols);
            let hs = c / n_head;
            let scale = 1.0 / (hs as f32).sqrt();
            let mut gq = std::mem::take(&mut inputs[q.0].grad);
            let mut gk = std::mem::take(&mut inputs[k.0].grad);
            let mut gv = std::mem::take(&mut inputs[v.0].grad);
            let (qv, kv, vv) = (&inputs[q.0].value, &inputs[k.0].value, &inputs[v.0].value);
            scratch.clear();
            scratch.resize(t_len, 0.0);
            for h in 0..n_head {
                let cols = h * hs..(h + 1) * hs;
                for t in 0..t_len {
                    let w = &node.aux[(h * t_len + t) * t_len..][..=t];
                    let g_out = &g[t * c..][cols.clone()];
                    // Through the weighted sum: dw_j = g·v_j, dv_j += w_j·g.
                    let dw = &mut scratch[..=t];
                    for (j, (dw_j, &w_j)) in dw.iter_mut().zip(w).enumerate() {
                        *dw_j = dot(g_out, &vv[j * c..][cols.clone()]);
                        axpy(w_j, g_out, &mut gv[j * c..][cols.clone()]);
                    }
                    // Through the softmax, then the scaled dot products.
                    let wdw = dot(w, dw);
                    for (j, (&dw_j, &w_j)) in dw.iter().zip(w).enumerate() {
                        let ds = w_j * (dw_j - wdw) * scale;
                        axpy(
                            ds,
                            &kv[j * c..][cols.clone()],
                            &mut gq[t * c..][cols.clone()],
                        );
                        axpy(
                            ds,
                            &qv[t * c..][cols.clone()],
                            &mut gk[j * c..][cols.clone()],
                        );
                    }
                }
            }
            inputs[q.0].grad = gq;
            inputs[k.0].grad = gk;
            inputs[v.0].grad = gv;
        }
    }
}

#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Four independent sums let the compiler vectorise without reordering a single sum.
    let mut acc = [0.0f32; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..4 {
            acc[i] += x[i] * y[i];
        }
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// y += a·x
#[inline]
fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Writes softmax(x) into `out` and returns log Σ exp(x) (computed stably).
pub(crate) fn softmax_into(x: &[f32], out: &mut [f32]) -> f32 {
    let max = x.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut sum = 0.0;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = (v - max).exp();
        sum += *o;
    }
    for o in out.iter_mut() {
        *o /= sum;
    }
    max + sum.ln()
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
    fn weigh(tape: &mut Tape, x: Var) -> Var {
        let (r, c) = tape.shape(x);
        let w = random(&mut ChaCha8Rng::seed_from_u64(99), r * c);
        let w = tape.leaf(r, c, &w);
        let m = tape.mul(x, w);
        tape.sum(m)
    }

    #[test]
    fn grad_add_mul_scale_sum() {
        check_gradients(&[(3, 4), (3, 4)], 1, |t, v| {
            let a = t.add(v[0], v[1]);
            let m = t.mul(a, v[1]);
            let s = t.scale(m, -1.5);
            weigh(t, s)
        });
        check_gradients(&[(2, 3)], 2, |t, v| {
            let m = t.mul(v[0], v[0]);
            t.sum(m)
        });
    }

    #[test]
    fn grad_linear_and_bias() {
        check_gradients(&[(5, 4), (3, 4), (1, 3)], 3, |t, v| {
            let y = t.linear(v[0], v[1]);
            let y = t.add_bias(y, v[2]);
            weigh(t, y)
        });
    }

    #[test]
    fn grad_relu_tanh() {
        check_gradients(&[(4, 5)], 4, |t, v| {
            let y = t.relu(v[0]);
            weigh(t, y)
        });
        check_gradients(&[(4, 5)], 5, |t, v| {
            let y = t.tanh(v[0]);
            weigh(t, y)
        });
    }

    #[test]
    fn grad_rmsnorm_softmax() {
        check_gradients(&[(3, 8)], 6, |t, v| {
            let y = t.rmsnorm(v[0]);
            weigh(t, y)
        });
        check_gradients(&[(3, 6)], 7, |t, v| {
            let y = t.softmax(v[0]);
            weigh(t, y)
        });
    }

    #[test]
    fn grad_cross_entropy_and_gather() {
        check_gradients(&[(4, 27)], 8, |t, v| t.cross_entropy(v[0], &[0, 5, 26, 5]));
        check_gradients(&[(6, 3)], 9, |t, v| {
            let g = t.gather(v[0], &[1, 4, 1, 0, 5, 5], 2);
            weigh(t, g)
        });
    }

    #[test]
    fn grad_attention() {
        for (n_head, seed) in [(1, 10), (2, 11), (4, 12)] {
            check_gradients(&[(5, 8), (5, 8), (5, 8)], seed, |t, v| {
                let y = t.attention(v[0], v[1], v[2], n_head);
                weigh(t, y)
            });
        }
    }

    #[test]
    fn cross_entropy_known_values() {
        let mut t = Tape::new();
        // Equal scores over 27 letters: loss = ln 27 whatever the target.
        let x = t.leaf(2, 27, &[0.3; 54]);
        let l = t.cross_entropy(x, &[3, 0]);
        assert!((t.scalar(l) - 27f32.ln()).abs() < 1e-5);
        // p(target) = e/(e+1) for scores [1, 0].
        let x = t.leaf(1, 2, &[1.0, 0.0]);
        let l = t.cross_entropy(x, &[0]);
        assert!((t.scalar(l) - (1.0 + 1f32.exp().recip()).ln()).abs() < 1e-6);
    }

    #[test]
    fn attention_is_causal() {
        let mut t = Tape::new();
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let (q, k, v) = (
            random(&mut rng, 16),
            random(&mut rng, 16),
            random(&mut rng, 16),
        );
        let (q, k, mut v2) = (t.leaf(4, 4, &q), t.leaf(4, 4, &k), v.clone());
        let v1 = t.leaf(4, 4, &v);
        let y1 = t.attention(q, k, v1, 2);
        v2[12..].iter_mut().for_each(|x| *x += 5.0); // change only the last position
        let v2 = t.leaf(4, 4, &v2);
        let y2 = t.attention(q, k, v2, 2);
        assert_eq!(
            t.value(y1)[..12],
            t.value(y2)[..12],
            "earlier positions must not see the future"
        );
        let w = t.aux(y1);
        assert_eq!(w.len(), 2 * 16);
        assert_eq!(w[1], 0.0); // position 0 cannot look at position 1
        assert!((w[4..8].iter().sum::<f32>() - 1.0).abs() < 1e-6);
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
