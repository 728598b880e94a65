//! `x · wᵀ`: a linear layer without bias (w is out × in, like PyTorch). The three matrix
//! products (forward, gradient of x, gradient of w) are the hot loops of training: they live in
//! `kernels`, tiled, on one core (a big step's parts share the cores: `train`, `parallel`).

use super::{Node, Op, Tape, Var};
use crate::kernels::{matmul_gtx_acc, matmul_gw_acc, matmul_xwt};

impl Tape {
    /// `x · wᵀ` with x: R×K and w: N×K, giving R×N.
    pub fn linear(&mut self, x: Var, w: Var) -> Var {
        let (rows, k) = self.shape(x);
        let (n, k2) = self.shape(w);
        assert_eq!(k, k2, "linear: x has {k} columns but w has {k2}");
        let out = self.push(rows, n, Op::Linear { x, w });
        let (before, node) = self.split(out);
        matmul_xwt(
            &before[x.0].value,
            &before[w.0].value,
            k,
            n,
            &mut node.value,
        );
        out
    }
}

/// dx += g · w and dw += gᵀ · x.
pub(super) fn backward(node: &Node, inputs: &mut [Node], x: Var, w: Var) {
    let (k, n) = (inputs[x.0].cols, node.cols);
    let mut gx = std::mem::take(&mut inputs[x.0].grad);
    matmul_gw_acc(&node.grad, &inputs[w.0].value, n, k, &mut gx);
    inputs[x.0].grad = gx;
    let mut gw = std::mem::take(&mut inputs[w.0].grad);
    matmul_gtx_acc(&node.grad, &inputs[x.0].value, n, k, &mut gw);
    inputs[w.0].grad = gw;
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check_gradients, weigh};

    #[test]
    fn grad_linear() {
        check_gradients(&[(5, 4), (3, 4)], 3, |t, v| {
            let y = t.linear(v[0], v[1]);
            weigh(t, y)
        });
        // Shapes past the kernels' tiles (4 rows, 8 columns) and their leftovers.
        check_gradients(&[(9, 10), (6, 10)], 13, |t, v| {
            let y = t.linear(v[0], v[1]);
            weigh(t, y)
        });
    }
}
