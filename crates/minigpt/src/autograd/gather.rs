//! Picking rows of a table by token id: the embeddings (and lesson 3's context windows).

use super::{Node, Op, Tape, Var};
use crate::kernels::axpy;
use std::ops::Range;

/// Rows of `table` picked by the ids stored at `ids`; `group` picked rows are laid side by side.
#[derive(Clone, Debug)]
pub(super) struct Gather {
    table: Var,
    ids: Range<usize>,
    group: usize,
}

impl Tape {
    /// Picks rows of `table` by id. With `group` > 1, each output row is `group` picked rows laid
    /// side by side (the context window of lesson 3's model). Ids out of range panic: they are a
    /// programming error, not a pupil's input (the alphabet is checked before).
    pub fn gather(&mut self, table: Var, ids: &[usize], group: usize) -> Var {
        let (t_rows, d) = self.shape(table);
        assert!(
            group > 0 && ids.len().is_multiple_of(group),
            "gather: ids not a multiple of group"
        );
        assert!(ids.iter().all(|&i| i < t_rows), "gather: id out of range");
        let range = self.store_indices(ids);
        let out = self.push(
            ids.len() / group,
            group * d,
            Op::Gather(Gather {
                table,
                ids: range.clone(),
                group,
            }),
        );
        let (before, after) = self.nodes.split_at_mut(out.0);
        let node = &mut after[0];
        let table = &before[table.0].value;
        for (slot, &id) in node.value.chunks_exact_mut(d).zip(&self.indices[range]) {
            slot.copy_from_slice(&table[id * d..(id + 1) * d]);
        }
        out
    }
}

impl Gather {
    /// Each picked row's gradient goes back to its row of the table.
    pub(super) fn backward(&self, node: &Node, inputs: &mut [Node], indices: &[usize]) {
        let d = node.cols / self.group;
        let t = &mut inputs[self.table.0].grad;
        for (g_slot, &id) in node.grad.chunks_exact(d).zip(&indices[self.ids.clone()]) {
            axpy(1.0, g_slot, &mut t[id * d..(id + 1) * d]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check_gradients, weigh};

    #[test]
    fn grad_gather() {
        check_gradients(&[(6, 3)], 9, |t, v| {
            let g = t.gather(v[0], &[1, 4, 1, 0, 5, 5], 2);
            weigh(t, g)
        });
    }
}
