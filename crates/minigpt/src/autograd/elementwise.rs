//! Number-by-number ops: add, multiply, add a bias row, scale, sum, ReLU, tanh.

use super::{Node, Op, Tape, Var};
use crate::kernels::axpy;

impl Tape {
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

    /// Adds a 1×C bias row to every row.
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

    /// The sum of every element: a 1×1 result.
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
        self.elementwise1(a, Op::Tanh(a), crate::kernels::tanh)
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
}

pub(super) fn add_backward(node: &Node, inputs: &mut [Node], a: Var, b: Var) {
    axpy(1.0, &node.grad, &mut inputs[a.0].grad);
    axpy(1.0, &node.grad, &mut inputs[b.0].grad);
}

pub(super) fn mul_backward(node: &Node, inputs: &mut [Node], a: Var, b: Var) {
    let g = &node.grad;
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

pub(super) fn add_bias_backward(node: &Node, inputs: &mut [Node], a: Var, bias: Var) {
    axpy(1.0, &node.grad, &mut inputs[a.0].grad);
    for g_row in node.grad.chunks_exact(node.cols) {
        axpy(1.0, g_row, &mut inputs[bias.0].grad);
    }
}

pub(super) fn scale_backward(node: &Node, inputs: &mut [Node], a: Var, s: f32) {
    axpy(s, &node.grad, &mut inputs[a.0].grad);
}

pub(super) fn sum_backward(node: &Node, inputs: &mut [Node], a: Var) {
    let g = node.grad[0];
    inputs[a.0].grad.iter_mut().for_each(|x| *x += g);
}

/// The gradient passes where the output is positive, and stops elsewhere.
pub(super) fn relu_backward(node: &Node, inputs: &mut [Node], a: Var) {
    for ((ga, g), y) in inputs[a.0].grad.iter_mut().zip(&node.grad).zip(&node.value) {
        if *y > 0.0 {
            *ga += g;
        }
    }
}

/// tanh' = 1 − tanh², read from the output.
pub(super) fn tanh_backward(node: &Node, inputs: &mut [Node], a: Var) {
    for ((ga, g), y) in inputs[a.0].grad.iter_mut().zip(&node.grad).zip(&node.value) {
        *ga += g * (1.0 - y * y);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check_gradients, weigh};

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
    fn grad_bias_relu_tanh() {
        check_gradients(&[(5, 3), (1, 3)], 3, |t, v| {
            let y = t.add_bias(v[0], v[1]);
            weigh(t, y)
        });
        check_gradients(&[(4, 5)], 4, |t, v| {
            let y = t.relu(v[0]);
            weigh(t, y)
        });
        check_gradients(&[(4, 5)], 5, |t, v| {
            let y = t.tanh(v[0]);
            weigh(t, y)
        });
    }
}
