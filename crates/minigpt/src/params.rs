//! Named parameter matrices: what a model learns, what the optimiser updates, what a file saves.

use crate::autograd::{Tape, Var};
use rand::Rng;
use rand_distr::{Distribution, Normal};

/// FNV-1a over the bits of every number: one 64-bit fingerprint for a list of numbers. Lists
/// with the same bits have the same fingerprint (how the golden tests, natively and in the
/// browser, compare whole runs without storing them).
pub fn fingerprint(values: &[f32]) -> u64 {
    values.iter().fold(0xcbf29ce484222325, |h, v| {
        (h ^ u64::from(v.to_bits())).wrapping_mul(0x100000001b3)
    })
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Matrix {
    pub name: String,
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f32>,
}

impl Matrix {
    pub fn row(&self, r: usize) -> &[f32] {
        &self.data[r * self.cols..(r + 1) * self.cols]
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Params {
    pub matrices: Vec<Matrix>,
}

impl Params {
    /// Adds a matrix drawn from N(0, std²); returns its index.
    pub fn add_normal(
        &mut self,
        name: &str,
        rows: usize,
        cols: usize,
        std: f32,
        rng: &mut impl Rng,
    ) -> usize {
        let normal = Normal::new(0.0, std).expect("a finite, positive standard deviation");
        let data = (0..rows * cols).map(|_| normal.sample(rng)).collect();
        self.matrices.push(Matrix {
            name: name.into(),
            rows,
            cols,
            data,
        });
        self.matrices.len() - 1
    }

    pub fn add_zeros(&mut self, name: &str, rows: usize, cols: usize) -> usize {
        self.matrices.push(Matrix {
            name: name.into(),
            rows,
            cols,
            data: vec![0.0; rows * cols],
        });
        self.matrices.len() - 1
    }

    /// Total number of learned numbers.
    pub fn count(&self) -> usize {
        self.matrices.iter().map(|m| m.data.len()).sum()
    }

    pub fn get(&self, name: &str) -> Option<&Matrix> {
        self.matrices.iter().find(|m| m.name == name)
    }

    /// Puts every matrix on the tape as a leaf (in order), so the loss can be differentiated
    /// with respect to them.
    pub fn load_into(&self, tape: &mut Tape, vars: &mut Vec<Var>) {
        vars.clear();
        vars.extend(
            self.matrices
                .iter()
                .map(|m| tape.leaf(m.rows, m.cols, &m.data)),
        );
    }

    /// All the numbers, matrix after matrix.
    pub fn flat(&self) -> Vec<f32> {
        self.matrices
            .iter()
            .flat_map(|m| m.data.iter().copied())
            .collect()
    }

    /// Overwrites all the numbers with `flat` (as `flat` wrote them); false if the count differs.
    pub fn set_flat(&mut self, flat: &[f32]) -> bool {
        if flat.len() != self.count() {
            return false;
        }
        let mut at = 0;
        for m in &mut self.matrices {
            let n = m.data.len();
            m.data.copy_from_slice(&flat[at..at + n]);
            at += n;
        }
        true
    }

    pub fn all_finite(&self) -> bool {
        self.matrices
            .iter()
            .all(|m| m.data.iter().all(|x| x.is_finite()))
    }
}
