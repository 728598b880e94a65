//! Row-wise normalisations: rmsnorm (keeps numbers at a steady size) and softmax (scores →
//! probabilities that sum to 1).

use super::{Node, Op, Tape, Var, RMS_EPS};
use crate::kernels::{dot, softmax_into};

impl Tape {
    /// Row-wise `x / sqrt(mean(x²) + ε)`; aux keeps 1/rms of each row.
    pub fn rmsnorm(&mut self, a: Var) -> Var {
        let (_, cols) = self.shape(a);
        let out = self.push(self.shape(a).0, cols, Op::RmsNorm(a));
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
}

/// y = x·inv, inv = (mean(x²)+ε)^(-1/2)  ⇒  dx = inv·g − inv³/C · (g·x) · x
pub(super) fn rmsnorm_backward(node: &Node, inputs: &mut [Node], a: Var) {
    let cols = node.cols;
    let input = &mut inputs[a.0];
    for (((ga, g_row), x_row), &inv) in input
        .grad
        .chunks_exact_mut(cols)
        .zip(node.grad.chunks_exact(cols))
        .zip(input.value.chunks_exact(cols))
        .zip(&node.aux)
    {
        let coef = inv * inv * inv / cols as f32 * dot(g_row, x_row);
        for ((ga, g), x) in ga.iter_mut().zip(g_row).zip(x_row) {
            *ga += inv * g - coef * x;
        }
    }
}

/// dx = y · (g − g·y)
pub(super) fn softmax_backward(node: &Node, inputs: &mut [Node], a: Var) {
    let cols = node.cols;
    for ((ga, g_row), y_row) in inputs[a.0]
        .grad
        .chunks_exact_mut(cols)
        .zip(node.grad.chunks_exact(cols))
        .zip(node.value.chunks_exact(cols))
    {
        let gy = dot(g_row, y_row);
        for ((ga, g), y) in ga.iter_mut().zip(g_row).zip(y_row) {
            *ga += y * (g - gy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check_gradients, weigh};

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
}
