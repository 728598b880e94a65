//! Principal component analysis in two dimensions: the flat map of lesson 3, where letters with
//! similar embeddings land close together.

/// Projects each row of `rows` (all the same length) onto its two main directions.
/// Uses power iteration on the covariance matrix: simple, and plenty for 27 points.
pub fn project_2d(rows: &[Vec<f32>]) -> Vec<[f32; 2]> {
    let n = rows.len();
    let d = rows.first().map_or(0, Vec::len);
    if n == 0 || d == 0 {
        return vec![[0.0, 0.0]; n];
    }
    let mean: Vec<f64> = (0..d)
        .map(|j| rows.iter().map(|r| r[j] as f64).sum::<f64>() / n as f64)
        .collect();
    let centered: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| r.iter().zip(&mean).map(|(x, m)| *x as f64 - m).collect())
        .collect();
    let mut cov = vec![vec![0.0f64; d]; d];
    for r in &centered {
        for i in 0..d {
            for j in 0..d {
                cov[i][j] += r[i] * r[j] / n as f64;
            }
        }
    }
    let first = main_direction(&cov, None);
    let second = if d > 1 {
        main_direction(&cov, Some(&first))
    } else {
        vec![0.0]
    };
    centered
        .iter()
        .map(|r| {
            let p = |axis: &[f64]| r.iter().zip(axis).map(|(a, b)| a * b).sum::<f64>() as f32;
            [p(&first), p(&second)]
        })
        .collect()
}

/// The unit vector along which the data spread most (orthogonal to `not_along` if given).
fn main_direction(cov: &[Vec<f64>], not_along: Option<&[f64]>) -> Vec<f64> {
    let d = cov.len();
    // A fixed, non-symmetric start so the result is deterministic.
    let mut v: Vec<f64> = (0..d).map(|i| 1.0 + i as f64 * 0.37).collect();
    for _ in 0..200 {
        if let Some(u) = not_along {
            let along: f64 = v.iter().zip(u).map(|(a, b)| a * b).sum();
            v.iter_mut().zip(u).for_each(|(a, b)| *a -= along * b);
        }
        let next: Vec<f64> = (0..d)
            .map(|i| (0..d).map(|j| cov[i][j] * v[j]).sum())
            .collect();
        let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm < 1e-12 {
            break;
        }
        v = next.into_iter().map(|x| x / norm).collect();
    }
    // Fix the sign so the picture does not flip between runs.
    if v.iter().sum::<f64>() < 0.0 {
        v.iter_mut().for_each(|x| *x = -*x);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_on_a_line_keep_their_distances() {
        let rows: Vec<Vec<f32>> = (0..5)
            .map(|i| vec![i as f32, 2.0 * i as f32, 1.0])
            .collect();
        let p = project_2d(&rows);
        let dist = (p[4][0] - p[0][0]).abs();
        assert!((dist - 4.0 * 5f32.sqrt()).abs() < 1e-3, "{p:?}");
        assert!(p.iter().all(|q| q[1].abs() < 1e-3));
        assert!(project_2d(&[]).is_empty());
    }
}
