//! Causal multi-head self-attention on already projected q, k, v. A batch of names is packed
//! into one matrix, one *segment* of rows per name: a letter only looks at the letters of its
//! own name, up to itself (the causal mask).

use super::{Node, Op, Tape, Var};
use crate::kernels::{axpy, dot};
use std::ops::Range;

#[derive(Clone, Debug)]
pub(super) struct Attention {
    q: Var,
    k: Var,
    v: Var,
    n_head: usize,
    /// Where the segments' (start, end) pairs sit in the tape's index buffer.
    segments: Range<usize>,
}

/// Each segment (first row, number of rows) and where its weights start in the aux buffer
/// (`n_head` blocks of len × len per segment).
fn layout(pairs: &[usize], n_head: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    pairs.chunks_exact(2).scan(0, move |aux, s| {
        let (start, len) = (s[0], s[1] - s[0]);
        let at = *aux;
        *aux += n_head * len * len;
        Some((start, len, at))
    })
}

impl Tape {
    /// Causal self-attention: in each segment of rows, position t mixes the values of positions
    /// up to t, weighted by softmax(q·k / √head_size), separately in each of the `n_head` heads.
    /// `segments` cut 0..rows into consecutive ranges (one per name; a single name is `0..rows`).
    pub fn attention(
        &mut self,
        q: Var,
        k: Var,
        v: Var,
        n_head: usize,
        segments: &[Range<usize>],
    ) -> Var {
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
        let mut next = 0;
        for s in segments {
            assert!(
                s.start == next && s.end > s.start,
                "attention: segments must tile the rows"
            );
            next = s.end;
        }
        assert_eq!(next, t_len, "attention: segments must cover every row");
        let pairs: Vec<usize> = segments.iter().flat_map(|s| [s.start, s.end]).collect();
        let stored = self.store_indices(&pairs);
        let out = self.push(
            t_len,
            c,
            Op::Attention(Attention {
                q,
                k,
                v,
                n_head,
                segments: stored.clone(),
            }),
        );
        let hs = c / n_head;
        let scale = 1.0 / (hs as f32).sqrt();
        let (before, after) = self.nodes.split_at_mut(out.0);
        let node = &mut after[0];
        let (qv, kv, vv) = (&before[q.0].value, &before[k.0].value, &before[v.0].value);
        let total: usize = segments.iter().map(|s| s.len() * s.len()).sum();
        node.aux.resize(n_head * total, 0.0);
        for (base, len, at) in layout(&self.indices[stored], n_head) {
            for h in 0..n_head {
                let cols = h * hs..(h + 1) * hs;
                for t in 0..len {
                    let w = &mut node.aux[at + (h * len + t) * len..][..len];
                    let q_row = &qv[(base + t) * c..][cols.clone()];
                    for (j, w_j) in w.iter_mut().enumerate().take(t + 1) {
                        *w_j = dot(q_row, &kv[(base + j) * c..][cols.clone()]) * scale;
                    }
                    let row = &mut w[..=t];
                    let max = row.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
                    let mut sum = 0.0;
                    for x in row.iter_mut() {
                        *x = crate::kernels::exp(*x - max);
                        sum += *x;
                    }
                    let o = &mut node.value[(base + t) * c..][cols.clone()];
                    for (j, x) in row.iter_mut().enumerate() {
                        *x = crate::kernels::flush_subnormal(*x / sum);
                        axpy(*x, &vv[(base + j) * c..][cols.clone()], o);
                    }
                }
            }
        }
        out
    }
}

impl Attention {
    pub(super) fn backward(
        &self,
        node: &Node,
        inputs: &mut [Node],
        indices: &[usize],
        scratch: &mut Vec<f32>,
    ) {
        let c = node.cols;
        let hs = c / self.n_head;
        let scale = 1.0 / (hs as f32).sqrt();
        let g = &node.grad;
        let mut gq = std::mem::take(&mut inputs[self.q.0].grad);
        let mut gk = std::mem::take(&mut inputs[self.k.0].grad);
        let mut gv = std::mem::take(&mut inputs[self.v.0].grad);
        let (qv, kv, vv) = (
            &inputs[self.q.0].value,
            &inputs[self.k.0].value,
            &inputs[self.v.0].value,
        );
        for (base, len, at) in layout(&indices[self.segments.clone()], self.n_head) {
            scratch.clear();
            scratch.resize(len, 0.0);
            for h in 0..self.n_head {
                let cols = h * hs..(h + 1) * hs;
                for t in 0..len {
                    let w = &node.aux[at + (h * len + t) * len..][..=t];
                    let g_out = &g[(base + t) * c..][cols.clone()];
                    // Through the weighted sum: dw_j = g·v_j, dv_j += w_j·g.
                    let dw = &mut scratch[..=t];
                    for (j, (dw_j, &w_j)) in dw.iter_mut().zip(w).enumerate() {
                        *dw_j = dot(g_out, &vv[(base + j) * c..][cols.clone()]);
                        axpy(w_j, g_out, &mut gv[(base + j) * c..][cols.clone()]);
                    }
                    // Through the softmax, then the scaled dot products.
                    let wdw = dot(w, dw);
                    for (j, (&dw_j, &w_j)) in dw.iter().zip(w).enumerate() {
                        let ds = w_j * (dw_j - wdw) * scale;
                        axpy(
                            ds,
                            &kv[(base + j) * c..][cols.clone()],
                            &mut gq[(base + t) * c..][cols.clone()],
                        );
                        axpy(
                            ds,
                            &qv[(base + t) * c..][cols.clone()],
                            &mut gk[(base + j) * c..][cols.clone()],
                        );
                    }
                }
            }
        }
        inputs[self.q.0].grad = gq;
        inputs[self.k.0].grad = gk;
        inputs[self.v.0].grad = gv;
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one segment = one name: `&[0..5]` is meant
mod tests {
    use super::super::tests::{check_gradients, random, weigh};
    use super::super::Tape;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn grad_attention() {
        for (n_head, seed) in [(1, 10), (2, 11), (4, 12)] {
            check_gradients(&[(5, 8), (5, 8), (5, 8)], seed, |t, v| {
                let y = t.attention(v[0], v[1], v[2], n_head, &[0..5]);
                weigh(t, y)
            });
        }
        // Three names packed together.
        check_gradients(&[(7, 4), (7, 4), (7, 4)], 14, |t, v| {
            let y = t.attention(v[0], v[1], v[2], 2, &[0..3, 3..4, 4..7]);
            weigh(t, y)
        });
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
        let y1 = t.attention(q, k, v1, 2, &[0..4]);
        v2[12..].iter_mut().for_each(|x| *x += 5.0); // change only the last position
        let v2 = t.leaf(4, 4, &v2);
        let y2 = t.attention(q, k, v2, 2, &[0..4]);
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
    fn packed_names_do_not_see_each_other() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let data: Vec<Vec<f32>> = (0..3).map(|_| random(&mut rng, 6 * 4)).collect();
        let mut t = Tape::new();
        let [q, k, v] = [0, 1, 2].map(|i| t.leaf(6, 4, &data[i]));
        let packed = t.attention(q, k, v, 2, &[0..2, 2..6]);
        let packed = t.value(packed).to_vec();
        // The second name alone gives the same rows, bit for bit.
        let [q2, k2, v2] = [0, 1, 2].map(|i| t.leaf(4, 4, &data[i][8..]));
        let alone = t.attention(q2, k2, v2, 2, &[0..4]);
        assert_eq!(&packed[8..], t.value(alone));
    }
}
