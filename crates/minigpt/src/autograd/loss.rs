//! Cross-entropy: how surprised the model is by the right letter, averaged over every letter
//! to predict (the loss).

use super::{Node, Op, Tape, Var};
use crate::kernels::{axpy, softmax_into};
use std::ops::Range;

/// Mean over rows of −log softmax(logits)[target]; the node's aux keeps the probabilities.
#[derive(Clone, Debug)]
pub(super) struct CrossEntropy {
    logits: Var,
    targets: Range<usize>,
}

/// Σ over rows of −log softmax(row)[target] (rows of `cols` scores, one target per row);
/// `probs` receives each row's probabilities. Used by the op and by evaluation, so both give
/// the same bits.
pub fn nll_sum(logits: &[f32], cols: usize, targets: &[usize], probs: &mut [f32]) -> f32 {
    let mut total = 0.0f32;
    for ((p_row, x_row), &t) in probs
        .chunks_exact_mut(cols)
        .zip(logits.chunks_exact(cols))
        .zip(targets)
    {
        let log_sum = softmax_into(x_row, p_row);
        total += log_sum - x_row[t];
    }
    total
}

impl Tape {
    /// Mean cross-entropy of `logits` (R×V) against one target id per row: a 1×1 loss.
    pub fn cross_entropy(&mut self, logits: Var, targets: &[usize]) -> Var {
        let (rows, cols) = self.shape(logits);
        assert_eq!(targets.len(), rows, "one target per row");
        assert!(targets.iter().all(|&t| t < cols), "target out of range");
        let range = self.store_indices(targets);
        let out = self.push(
            1,
            1,
            Op::CrossEntropy(CrossEntropy {
                logits,
                targets: range.clone(),
            }),
        );
        let (before, after) = self.nodes.split_at_mut(out.0);
        let node = &mut after[0];
        node.aux.resize(rows * cols, 0.0);
        let total = nll_sum(
            &before[logits.0].value,
            cols,
            &self.indices[range],
            &mut node.aux,
        );
        node.value[0] = total / rows as f32;
        out
    }
}

impl CrossEntropy {
    /// The famous "probability − 1 for the right letter, probability for the others".
    pub(super) fn backward(&self, node: &Node, inputs: &mut [Node], indices: &[usize]) {
        let input = &mut inputs[self.logits.0];
        let cols = input.cols;
        let s = node.grad[0] / input.rows as f32;
        for ((ga, p_row), &t) in input
            .grad
            .chunks_exact_mut(cols)
            .zip(node.aux.chunks_exact(cols))
            .zip(&indices[self.targets.clone()])
        {
            axpy(s, p_row, ga);
            ga[t] -= s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::check_gradients;
    use super::super::Tape;

    #[test]
    fn grad_cross_entropy() {
        check_gradients(&[(4, 27)], 8, |t, v| t.cross_entropy(v[0], &[0, 5, 26, 5]));
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
}
