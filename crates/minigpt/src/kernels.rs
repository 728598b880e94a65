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

use wide::{f32x16, f32x4, f32x8};

/// A SIMD register of `N` numbers side by side. Every lane is its own running sum, so a product
/// computed with wider registers gives the same bits as with narrower ones.
trait Lanes: Copy {
    const N: usize;
    /// The first `N` numbers of `s`.
    fn load(s: &[f32]) -> Self;
    fn splat(x: f32) -> Self;
    /// self += a·b, lane by lane (a multiply then an add: never a fused multiply-add, whose
    /// rounding would differ between machines).
    fn add_mul(&mut self, a: Self, b: Self);
    fn store(self, s: &mut [f32]);
}

macro_rules! lanes {
    ($t:ty, $n:literal) => {
        impl Lanes for $t {
            const N: usize = $n;
            #[inline(always)]
            fn load(s: &[f32]) -> Self {
                let a: [f32; $n] = s[..$n].try_into().expect("N numbers");
                <$t>::from(a)
            }
            #[inline(always)]
            fn splat(x: f32) -> Self {
                <$t>::splat(x)
            }
            #[inline(always)]
            fn add_mul(&mut self, a: Self, b: Self) {
                *self += a * b;
            }
            #[inline(always)]
            fn store(self, s: &mut [f32]) {
                s[..$n].copy_from_slice(&self.to_array());
            }
        }
    };
}

lanes!(f32x4, 4);
lanes!(f32x8, 8);
lanes!(f32x16, 16);

/// The widest register the build targets: 128 bits by default and in the browser (simd128), 256
/// with AVX, 512 with AVX-512 (a native build for its own CPU, as `cargo xtask bench` makes).
#[cfg(target_feature = "avx512f")]
type Widest = f32x16;
#[cfg(all(target_feature = "avx", not(target_feature = "avx512f")))]
type Widest = f32x8;
#[cfg(not(target_feature = "avx"))]
type Widest = f32x4;

type F4 = f32x4;

/// The part of a dot product past the last full group of four.
#[inline]
fn tail_dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[inline(always)]
fn reduce(acc: F4, tail: f32) -> f32 {
    let a = acc.to_array();
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

/// `x`, or 0 if it is a subnormal number (closer to 0 than 1.2·10⁻³⁸). A CPU computes with
/// subnormals up to a hundred times slower, in the browser as natively (WebAssembly cannot
/// flush them), and a trained model's softmax makes them by the thousand: the probability of a
/// letter it rules out, then the gradients and Adam's running averages that follow from it.
/// Training slowed 2.3× over 10,000 steps before these numbers were flushed.
#[inline(always)]
pub fn flush_subnormal(x: f32) -> f32 {
    if x.abs() < f32::MIN_POSITIVE {
        0.0
    } else {
        x
    }
}

/// Writes softmax(x) into `out` and returns log Σ exp(x) (computed stably). Probabilities
/// below 1.2·10⁻³⁸ are 0 (`flush_subnormal`); the returned log-sum is exact.
pub fn softmax_into(x: &[f32], out: &mut [f32]) -> f32 {
    let max = x.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut sum = 0.0;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = exp(v - max);
        sum += *o;
    }
    for o in out.iter_mut() {
        *o = flush_subnormal(*o / sum);
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
    #[cfg(target_feature = "avx")]
    if k.is_multiple_of(4) && n >= Widest::N {
        return wide_forward::matmul_xwt(x, w, k, n, out);
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

/// A tile of 4 rows × 2·L::N columns of an output that stays in registers while `terms` runs:
/// each term adds `s[i]·v` to row i, where `v` is 2·L::N numbers from column `j` on.
#[inline(always)]
fn tile_acc<'a, L: Lanes>(
    out: &mut [f32],
    k: usize,
    j: usize,
    terms: impl Iterator<Item = ([f32; 4], &'a [f32])>,
) {
    let mut acc: [[L; 2]; 4] = std::array::from_fn(|i| {
        let at = i * k + j;
        [L::load(&out[at..]), L::load(&out[at + L::N..])]
    });
    for (s, v) in terms {
        let v = [L::load(&v[j..]), L::load(&v[j + L::N..])];
        for (a, s) in acc.iter_mut().zip(s) {
            a[0].add_mul(L::splat(s), v[0]);
            a[1].add_mul(L::splat(s), v[1]);
        }
    }
    for (i, a) in acc.iter().enumerate() {
        let at = i * k + j;
        a[0].store(&mut out[at..]);
        a[1].store(&mut out[at + L::N..]);
    }
}

/// The 4 rows of `out` (4×k), columns `j..`, in as many tiles of 2·L::N as fit; returns the
/// first column left.
#[inline(always)]
fn tiles_acc<'a, L: Lanes, I>(
    out: &mut [f32],
    k: usize,
    mut j: usize,
    terms: impl Fn() -> I,
) -> usize
where
    I: Iterator<Item = ([f32; 4], &'a [f32])>,
{
    while j + 2 * L::N <= k {
        tile_acc::<L>(out, k, j, terms());
        j += 2 * L::N;
    }
    j
}

/// `dx += g · w`: g is rows×n, w is n×k, dx is rows×k. For each number of dx, the products are
/// added in the order n = 0, 1, 2… (as repeated `axpy`).
#[inline(never)]
pub fn matmul_gw_acc(g: &[f32], w: &[f32], n: usize, k: usize, dx: &mut [f32]) {
    if k == 0 || n == 0 {
        return;
    }
    let mut g_quads = g.chunks_exact(4 * n);
    let mut dx_quads = dx.chunks_exact_mut(4 * k);
    for (gq, dq) in (&mut g_quads).zip(&mut dx_quads) {
        let gr: [&[f32]; 4] = std::array::from_fn(|i| &gq[i * n..(i + 1) * n]);
        let terms = || (0..n).map(move |c| (gr.map(|r| r[c]), &w[c * k..(c + 1) * k]));
        let j = tiles_acc::<Widest, _>(dq, k, 0, terms);
        let j = tiles_acc::<F4, _>(dq, k, j, terms);
        if j == k {
            continue;
        }
        for (g_r, dx_r) in gr.iter().zip(dq.chunks_exact_mut(k)) {
            for (&s, w_c) in g_r.iter().zip(w.chunks_exact(k)) {
                axpy(s, &w_c[j..], &mut dx_r[j..]);
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
    let mut dw_quads = dw.chunks_exact_mut(4 * k);
    let mut c = 0;
    for dq in &mut dw_quads {
        let terms = || {
            g.chunks_exact(n)
                .zip(x.chunks_exact(k))
                .map(move |(g_r, x_r)| ([g_r[c], g_r[c + 1], g_r[c + 2], g_r[c + 3]], x_r))
        };
        let j = tiles_acc::<Widest, _>(dq, k, 0, terms);
        let j = tiles_acc::<F4, _>(dq, k, j, terms);
        if j < k {
            for (g_r, x_r) in g.chunks_exact(n).zip(x.chunks_exact(k)) {
                for (i, dw_c) in dq.chunks_exact_mut(k).enumerate() {
                    axpy(g_r[c + i], &x_r[j..], &mut dw_c[j..]);
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

/// The forward product with registers wider than four numbers (native builds for AVX CPUs).
/// With w transposed, one register holds consecutive outputs of a row: four registers are the
/// four running sums of `dot` (sum p takes the terms kk ≡ p mod 4), combined in `dot`'s order,
/// so every output has `dot`'s bits.
#[cfg(target_feature = "avx")]
mod wide_forward {
    use super::{dot, tail_dot, Lanes, Widest};
    use std::cell::RefCell;

    const W: usize = <Widest as Lanes>::N;

    thread_local! {
        /// wᵀ, kept between calls so that a warm step allocates nothing.
        static TRANSPOSED: RefCell<Vec<f32>> = const { RefCell::new(Vec::new()) };
    }

    pub fn matmul_xwt(x: &[f32], w: &[f32], k: usize, n: usize, out: &mut [f32]) {
        TRANSPOSED.with_borrow_mut(|wt| {
            wt.clear();
            wt.resize(k * n, 0.0);
            for (c, w_c) in w.chunks_exact(k).enumerate() {
                for (kk, &v) in w_c.iter().enumerate() {
                    wt[kk * n + c] = v;
                }
            }
            for (x_r, o) in x.chunks_exact(k).zip(out.chunks_exact_mut(n)) {
                let mut c = 0;
                while c + 2 * W <= n {
                    row_tile::<2>(x_r, wt, n, c, o);
                    c += 2 * W;
                }
                if c + W <= n {
                    row_tile::<1>(x_r, wt, n, c, o);
                    c += W;
                }
                for (o, w_c) in o[c..].iter_mut().zip(w[c * k..].chunks_exact(k)) {
                    *o = dot(x_r, w_c);
                }
            }
        });
    }

    /// Outputs c..c+B·W of one row (k a multiple of 4).
    #[inline(always)]
    fn row_tile<const B: usize>(x_r: &[f32], wt: &[f32], n: usize, c: usize, o: &mut [f32]) {
        let mut acc = [[Widest::ZERO; B]; 4];
        for (x4, rows) in x_r.chunks_exact(4).zip(wt.chunks_exact(4 * n)) {
            for (p, acc_p) in acc.iter_mut().enumerate() {
                let s = Widest::splat(x4[p]);
                let row = &rows[p * n + c..];
                for (b, a) in acc_p.iter_mut().enumerate() {
                    a.add_mul(s, Widest::load(&row[b * W..]));
                }
            }
        }
        // `dot` adds the (here empty) tail last: add it too, for the sign of a zero.
        let tail = Widest::splat(tail_dot(&[], &[]));
        for b in 0..B {
            let sum = (acc[0][b] + acc[1][b]) + (acc[2][b] + acc[3][b]) + tail;
            sum.store(&mut o[c + b * W..]);
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

    /// A letter ruled out gets a probability of exactly 0 instead of a subnormal number; the
    /// log-sum (the loss) stays exact.
    #[test]
    fn softmax_flushes_subnormal_probabilities() {
        let x = [0.0, -100.0, -90.0, -80.0];
        let mut p = [1.0; 4];
        let log_sum = softmax_into(&x, &mut p);
        assert_eq!(&p[..3], &[1.0, 0.0, 0.0]);
        assert!(
            p[3] > 0.0 && p[3].is_normal(),
            "e^-80 is a normal number: {}",
            p[3]
        );
        assert_eq!(
            log_sum,
            0.0 + ln(1.0 + exp(-100.0) + exp(-90.0) + exp(-80.0))
        );
        assert!(p.iter().all(|p| !p.is_subnormal()));
    }

    /// A sum of negative zeros keeps its sign, as in `dot`.
    #[test]
    fn signed_zeros_match_dot() {
        let (rows, k, n) = (3, 8, 40);
        let x = vec![0.0; rows * k];
        let w = vec![-1.0; n * k];
        let mut out = vec![1.0; rows * n];
        matmul_xwt(&x, &w, k, n, &mut out);
        let expected = dot(&x[..k], &w[..k]).to_bits();
        assert!(out.iter().all(|o| o.to_bits() == expected));
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
            (5, 9, 70),
            (6, 5, 40),
            (8, 3, 24),
            (3, 40, 8),
            (5, 17, 12),
            (2, 33, 10),
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
