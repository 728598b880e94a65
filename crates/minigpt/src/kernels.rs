//! The hot loops: dot products, `y += a·x`, softmax, and the three matrix products of a linear
//! layer (forward, and the two halves of its backward pass).
//!
//! Every sum is written in a fixed order: four independent running sums ("lanes"), lane `i`
//! taking elements `i, i+4, i+8…`, then `(lane0 + lane1) + (lane2 + lane3) + rest`. The compiler
//! turns the four lanes into one SIMD register (SSE natively, simd128 in the browser) but may not
//! reorder a single addition, so a result has the same bits on every machine, in the browser,
//! and whichever tiling computed it. The matrix products work on small tiles of
//! outputs at once (each input read once per tile instead of once per output) and keep exactly
//! that order for every output number.

use wide::f32x4;

/// Four numbers side by side: one SIMD register (SSE natively, simd128 in the browser).
#[derive(Clone, Copy)]
struct F4(f32x4);

impl F4 {
    const ZERO: F4 = F4(f32x4::ZERO);

    /// The first four numbers of `s`.
    #[inline(always)]
    fn load(s: &[f32]) -> F4 {
        F4(f32x4::new([s[0], s[1], s[2], s[3]]))
    }

    #[inline(always)]
    fn splat(x: f32) -> F4 {
        F4(f32x4::splat(x))
    }

    /// self += a·b, lane by lane (a multiply then an add: never a fused multiply-add, whose
    /// rounding would differ between machines).
    #[inline(always)]
    fn add_mul(&mut self, a: F4, b: F4) {
        self.0 += a.0 * b.0;
    }

    #[inline(always)]
    fn store(self, s: &mut [f32]) {
        s[..4].copy_from_slice(&self.0.to_array());
    }

    #[inline(always)]
    fn lanes(self) -> [f32; 4] {
        self.0.to_array()
    }
}

/// The part of a dot product past the last full group of four.
#[inline]
fn tail_dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[inline(always)]
fn reduce(acc: F4, tail: f32) -> f32 {
    let a = acc.lanes();
    (a[0] + a[1]) + (a[2] + a[3]) + tail
}

/// a · b (same length).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail = tail_dot(ca.remainder(), cb.remainder());
    let mut acc = F4::ZERO;
    for (x, y) in ca.zip(cb) {
        acc.add_mul(F4::load(x), F4::load(y));
    }
    reduce(acc, tail)
}

/// y += a·x
#[inline]
pub fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// e^x, the same bits on every machine and in every browser (pure Rust, not the system's
/// maths library, whose last bit differs between platforms).
#[inline]
pub fn exp(x: f32) -> f32 {
    libm::expf(x)
}

/// ln x, the same bits everywhere (see `exp`).
#[inline]
pub fn ln(x: f32) -> f32 {
    libm::logf(x)
}

/// tanh x, the same bits everywhere (see `exp`).
#[inline]
pub fn tanh(x: f32) -> f32 {
    libm::tanhf(x)
}

/// Writes softmax(x) into `out` and returns log Σ exp(x) (computed stably).
pub fn softmax_into(x: &[f32], out: &mut [f32]) -> f32 {
    let max = x.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut sum = 0.0;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = exp(v - max);
        sum += *o;
    }
    for o in out.iter_mut() {
        *o /= sum;
    }
    max + ln(sum)
}

/// Two rows of x against four rows of w (all `k` long): eight dot products, each in the order
/// of `dot`, reading every number of x and w once.
#[inline(always)]
fn dot_tile(x: [&[f32]; 2], w: [&[f32]; 4]) -> [[f32; 4]; 2] {
    let mut acc = [[F4::ZERO; 4]; 2];
    let chunks = x[0]
        .chunks_exact(4)
        .zip(x[1].chunks_exact(4))
        .zip(w[0].chunks_exact(4))
        .zip(w[1].chunks_exact(4))
        .zip(w[2].chunks_exact(4))
        .zip(w[3].chunks_exact(4));
    for (((((x0, x1), w0), w1), w2), w3) in chunks {
        let xs = [F4::load(x0), F4::load(x1)];
        let ws = [F4::load(w0), F4::load(w1), F4::load(w2), F4::load(w3)];
        for (acc_r, x_r) in acc.iter_mut().zip(xs) {
            for (a, w_n) in acc_r.iter_mut().zip(ws) {
                a.add_mul(x_r, w_n);
            }
        }
    }
    let full = x[0].len() / 4 * 4;
    std::array::from_fn(|r| {
        std::array::from_fn(|n| reduce(acc[r][n], tail_dot(&x[r][full..], &w[n][full..])))
    })
}

/// `out = x · wᵀ`: x is rows×k, w is n×k, out is rows×n (a linear layer without bias).
#[inline(never)]
pub fn matmul_xwt(x: &[f32], w: &[f32], k: usize, n: usize, out: &mut [f32]) {
    if k == 0 || n == 0 {
        out.fill(0.0);
        return;
    }
    let mut x_pairs = x.chunks_exact(2 * k);
    let mut out_pairs = out.chunks_exact_mut(2 * n);
    for (xp, op) in (&mut x_pairs).zip(&mut out_pairs) {
        let (x0, x1) = xp.split_at(k);
        let (o0, o1) = op.split_at_mut(n);
        let mut w_quads = w.chunks_exact(4 * k);
        let (mut o0q, mut o1q) = (o0.chunks_exact_mut(4), o1.chunks_exact_mut(4));
        for ((wq, a), b) in (&mut w_quads).zip(&mut o0q).zip(&mut o1q) {
            let (w01, w23) = wq.split_at(2 * k);
            let (w0, w1) = w01.split_at(k);
            let (w2, w3) = w23.split_at(k);
            let t = dot_tile([x0, x1], [w0, w1, w2, w3]);
            a.copy_from_slice(&t[0]);
            b.copy_from_slice(&t[1]);
        }
        let rest = w_quads.remainder();
        for ((w_n, a), b) in rest
            .chunks_exact(k)
            .zip(o0q.into_remainder())
            .zip(o1q.into_remainder())
        {
            *a = dot(x0, w_n);
            *b = dot(x1, w_n);
        }
    }
    for (x_r, o) in x_pairs
        .remainder()
        .chunks_exact(k)
        .zip(out_pairs.into_remainder().chunks_exact_mut(n))
    {
        for (w_n, o) in w.chunks_exact(k).zip(o) {
            *o = dot(x_r, w_n);
        }
    }
}

/// `dx += g · w`: g is rows×n, w is n×k, dx is rows×k. For each number of dx, the products are
/// added in the order n = 0, 1, 2… (as repeated `axpy`).
#[inline(never)]
pub fn matmul_gw_acc(g: &[f32], w: &[f32], n: usize, k: usize, dx: &mut [f32]) {
    if k == 0 || n == 0 {
        return;
    }
    let k8 = k / 8 * 8;
    let mut g_quads = g.chunks_exact(4 * n);
    let mut dx_quads = dx.chunks_exact_mut(4 * k);
    for (gq, dq) in (&mut g_quads).zip(&mut dx_quads) {
        let gr: [&[f32]; 4] = std::array::from_fn(|i| &gq[i * n..(i + 1) * n]);
        for j in (0..k8).step_by(8) {
            // A 4 rows × 8 columns tile of dx stays in registers while n runs.
            let mut acc: [[F4; 2]; 4] = std::array::from_fn(|i| {
                let at = i * k + j;
                [F4::load(&dq[at..at + 4]), F4::load(&dq[at + 4..at + 8])]
            });
            let rows = gr[0]
                .iter()
                .zip(gr[1])
                .zip(gr[2])
                .zip(gr[3])
                .zip(w.chunks_exact(k));
            for ((((&s0, &s1), &s2), &s3), w_c) in rows {
                let wv = [F4::load(&w_c[j..j + 4]), F4::load(&w_c[j + 4..j + 8])];
                for (a, s) in acc.iter_mut().zip([s0, s1, s2, s3]) {
                    a[0].add_mul(F4::splat(s), wv[0]);
                    a[1].add_mul(F4::splat(s), wv[1]);
                }
            }
            for (i, a) in acc.iter().enumerate() {
                let at = i * k + j;
                a[0].store(&mut dq[at..at + 4]);
                a[1].store(&mut dq[at + 4..at + 8]);
            }
        }
        if k8 < k {
            for (g_r, dx_r) in gr.iter().zip(dq.chunks_exact_mut(k)) {
                for (&s, w_c) in g_r.iter().zip(w.chunks_exact(k)) {
                    axpy(s, &w_c[k8..], &mut dx_r[k8..]);
                }
            }
        }
    }
    for (g_r, dx_r) in g_quads
        .remainder()
        .chunks_exact(n)
        .zip(dx_quads.into_remainder().chunks_exact_mut(k))
    {
        for (&s, w_c) in g_r.iter().zip(w.chunks_exact(k)) {
            axpy(s, w_c, dx_r);
        }
    }
}

/// `dw += gᵀ · x`: g is rows×n, x is rows×k, dw is n×k. For each number of dw, the products are
/// added in the order of the rows (as repeated `axpy`).
#[inline(never)]
pub fn matmul_gtx_acc(g: &[f32], x: &[f32], n: usize, k: usize, dw: &mut [f32]) {
    if k == 0 || n == 0 {
        return;
    }
    let k8 = k / 8 * 8;
    let mut dw_quads = dw.chunks_exact_mut(4 * k);
    let mut c = 0;
    for dq in &mut dw_quads {
        for j in (0..k8).step_by(8) {
            // A 4 × 8 tile of dw stays in registers while the rows run.
            let mut acc: [[F4; 2]; 4] = std::array::from_fn(|i| {
                let at = i * k + j;
                [F4::load(&dq[at..at + 4]), F4::load(&dq[at + 4..at + 8])]
            });
            for (g_r, x_r) in g.chunks_exact(n).zip(x.chunks_exact(k)) {
                let xv = [F4::load(&x_r[j..j + 4]), F4::load(&x_r[j + 4..j + 8])];
                let s = &g_r[c..c + 4];
                for (a, &s) in acc.iter_mut().zip(s) {
                    a[0].add_mul(F4::splat(s), xv[0]);
                    a[1].add_mul(F4::splat(s), xv[1]);
                }
            }
            for (i, a) in acc.iter().enumerate() {
                let at = i * k + j;
                a[0].store(&mut dq[at..at + 4]);
                a[1].store(&mut dq[at + 4..at + 8]);
            }
        }
        if k8 < k {
            for (g_r, x_r) in g.chunks_exact(n).zip(x.chunks_exact(k)) {
                for (i, dw_c) in dq.chunks_exact_mut(k).enumerate() {
                    axpy(g_r[c + i], &x_r[k8..], &mut dw_c[k8..]);
                }
            }
        }
        c += 4;
    }
    for (i, dw_c) in dw_quads.into_remainder().chunks_exact_mut(k).enumerate() {
        for (g_r, x_r) in g.chunks_exact(n).zip(x.chunks_exact(k)) {
            axpy(g_r[c + i], x_r, dw_c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    fn random(n: usize, seed: u64) -> Vec<f32> {
        let mut r = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        (0..n).map(|_| r.random_range(-1.0..1.0)).collect()
    }

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    /// The tiled products give exactly the bits of the plain loops, for every shape.
    #[test]
    fn tiled_products_match_plain_loops_bit_for_bit() {
        for (rows, n, k) in [
            (1, 1, 1),
            (3, 5, 7),
            (16, 64, 16),
            (7, 27, 64),
            (240, 256, 64),
            (9, 12, 6),
        ] {
            let x = random(rows * k, 1);
            let w = random(n * k, 2);
            let g = random(rows * n, 3);
            let mut out = vec![0.0; rows * n];
            matmul_xwt(&x, &w, k, n, &mut out);
            for r in 0..rows {
                for c in 0..n {
                    assert_eq!(
                        out[r * n + c].to_bits(),
                        dot(&x[r * k..][..k], &w[c * k..][..k]).to_bits()
                    );
                }
            }
            let mut dx = random(rows * k, 4);
            let mut plain = dx.clone();
            matmul_gw_acc(&g, &w, n, k, &mut dx);
            for r in 0..rows {
                for c in 0..n {
                    axpy(g[r * n + c], &w[c * k..][..k], &mut plain[r * k..][..k]);
                }
            }
            assert_eq!(bits(&dx), bits(&plain), "dx {rows}×{n}×{k}");
            let mut dw = random(n * k, 5);
            let mut plain = dw.clone();
            matmul_gtx_acc(&g, &x, n, k, &mut dw);
            for r in 0..rows {
                for c in 0..n {
                    axpy(g[r * n + c], &x[r * k..][..k], &mut plain[c * k..][..k]);
                }
            }
            assert_eq!(bits(&dw), bits(&plain), "dw {rows}×{n}×{k}");
        }
    }
}
