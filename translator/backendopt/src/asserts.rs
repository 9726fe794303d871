//! Removal of `assert`s (`--opt=3`, as RPython's `remove_asserts`): a branch whose exit leads,
//! through blocks that only build the exception, to raising `AssertionError` is cut, and a
//! switch left with one exit becomes a jump. The test itself then has no use, and constant
//! folding removes it.
//!
//! Relies on the rtyper's shape of a `raise`: a block allocating the instance (`malloc` of
//! `INST<AssertionError>`), possibly followed by single-exit blocks, ending at the except block.

use crate::Func;
use rpy_model::graph::{ExitCase, ExitSwitch, Value};
use rpy_model::llop::{LlConst, LlGraph, LlOp};
use rpy_model::lltype::TypeTable;
use rpy_model::Block;

/// Cuts the branches of the function that raise `AssertionError`.
pub fn remove(f: &mut Func, types: &TypeTable) {
    let g = &mut *f.graph;
    for b in g.reachable_blocks() {
        let data = &g.blocks[b];
        if !matches!(data.exitswitch, ExitSwitch::Value(_)) || data.exits.len() < 2 {
            continue;
        }
        let keep: Vec<bool> = data
            .exits
            .iter()
            .map(|l| !raises_assertion(g, l.target, types))
            .collect();
        if keep.iter().all(|k| *k) || !keep.iter().any(|k| *k) {
            continue;
        }
        let data = &mut g.blocks[b];
        let mut i = 0;
        data.exits.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        if data.exits.len() == 1 {
            data.exits[0].case = ExitCase::Always;
            data.exitswitch = ExitSwitch::None;
        } else if !data.exits.iter().any(|l| l.case == ExitCase::Default) {
            // A multi-way switch that lost a case: the last remaining exit becomes the default,
            // since the removed case can no longer be taken.
            if let Some(l) = data.exits.last_mut() {
                if matches!(l.case, ExitCase::Int(_)) {
                    l.case = ExitCase::Default;
                }
            }
        }
    }
}

fn raises_assertion(g: &LlGraph, start: Block, types: &TypeTable) -> bool {
    let mut b = start;
    let mut allocated = false;
    for _ in 0..8 {
        if b == g.exceptblock {
            return allocated;
        }
        let data = &g.blocks[b];
        for op in &data.ops {
            if op.op == LlOp::Malloc {
                if let Value::Const(LlConst::Type(t)) = &op.args[0] {
                    if types.get(*t).name == "INST<AssertionError>" {
                        allocated = true;
                    }
                }
            }
        }
        if data.exitswitch != ExitSwitch::None || data.exits.len() != 1 {
            return false;
        }
        b = data.exits[0].target;
    }
    false
}
