//! The Atelier's three challenges, judged from the finished runs (pure, tested natively).

use crate::dataset::DataChoice;
use minigpt::data::Dataset;

/// A finished run, remembered for the challenges and the history table.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    pub label: String,
    pub data: DataChoice,
    pub params: usize,
    pub train_loss: f32,
    pub test_loss: f32,
}

/// The mean training loss of the last 50 steps: what the model does on names it learned.
pub fn mean_last(losses: &[f32]) -> Option<f32> {
    let l = &losses[losses.len().saturating_sub(50)..];
    (!l.is_empty()).then(|| l.iter().sum::<f32>() / l.len() as f32)
}

/// Which challenges the finished runs meet: under 2,2 on the prénoms; by heart (training loss
/// 0,5 under the held-out one); a model twice as big that does no better on the same data.
pub fn met(runs: &[Finished]) -> [bool; 3] {
    let low = runs
        .iter()
        .any(|r| r.data == DataChoice::Builtin(Dataset::Prenoms) && r.test_loss < 2.2);
    let by_heart = runs.iter().any(|r| r.train_loss < r.test_loss - 0.5);
    let bigger_not_better = runs.iter().any(|big| {
        runs.iter().any(|small| {
            small.data == big.data
                && big.params >= 2 * small.params
                && big.test_loss >= small.test_loss - 0.01
        })
    });
    [low, by_heart, bigger_not_better]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(data: DataChoice, params: usize, train_loss: f32, test_loss: f32) -> Finished {
        Finished {
            label: String::new(),
            data,
            params,
            train_loss,
            test_loss,
        }
    }

    #[test]
    fn each_challenge_needs_its_own_result() {
        let prenoms = DataChoice::Builtin(Dataset::Prenoms);
        assert_eq!(
            met(&[run(prenoms.clone(), 4192, 2.3, 2.3)]),
            [false, false, false]
        );
        assert_eq!(
            met(&[run(prenoms.clone(), 4192, 2.1, 2.19)]),
            [true, false, false]
        );
        let own = DataChoice::Own(vec!["a".into()]);
        assert_eq!(
            met(&[run(own.clone(), 4192, 0.5, 2.0)]),
            [false, true, false]
        );
        let pair = [
            run(own.clone(), 4192, 2.0, 2.3),
            run(own, 30_000, 2.0, 2.35),
        ];
        assert_eq!(met(&pair), [false, false, true]);
    }
}
