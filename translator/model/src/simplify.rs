//! Cleanups of a freshly built graph: removal of input variables that no path uses, removal of
//! empty forwarding blocks, and merging of a block into its only predecessor. The builder creates
//! a new block at every branch and join; these passes leave the shape a reader expects.
//!
//! Relies only on the generic graph structure, so any IR can use it.

use crate::graph::{ExitCase, ExitSwitch, Graph, LinkArg, Value};
use crate::split::{subst, subst_arg};
use crate::Block;
use std::collections::HashMap;

/// Runs every cleanup to a fixpoint.
pub fn simplify<O: Clone, C: Clone + PartialEq>(g: &mut Graph<O, C>) {
    loop {
        let mut changed = remove_empty_blocks(g);
        changed |= merge_blocks(g);
        changed |= remove_dead_inputargs(g);
        if !changed {
            break;
        }
    }
}

fn predecessors<O, C>(g: &Graph<O, C>) -> Vec<Vec<(Block, usize)>> {
    let mut preds = vec![Vec::new(); g.blocks.len()];
    for b in g.reachable_blocks() {
        for (i, l) in g.blocks[b].exits.iter().enumerate() {
            preds[l.target.0 as usize].push((b, i));
        }
    }
    preds
}

/// Blocks without operations and with one unconditional exit are bypassed.
fn remove_empty_blocks<O, C: Clone + PartialEq>(g: &mut Graph<O, C>) -> bool {
    let mut changed = false;
    for b in g.reachable_blocks() {
        let data = &g.blocks[b];
        if b == g.startblock
            || g.is_final(b)
            || !data.ops.is_empty()
            || data.exitswitch != ExitSwitch::None
            || data.exits.len() != 1
        {
            continue;
        }
        let out = data.exits[0].clone();
        if out.target == b {
            continue;
        }
        let inputs = data.inputargs.clone();
        for p in g.reachable_blocks() {
            for li in 0..g.blocks[p].exits.len() {
                if g.blocks[p].exits[li].target != b {
                    continue;
                }
                let link = &g.blocks[p].exits[li];
                let mut map = HashMap::new();
                let mut ok = true;
                for (i, a) in inputs.iter().zip(&link.args) {
                    match a {
                        LinkArg::Value(v) => {
                            map.insert(*i, v.clone());
                        }
                        _ => ok = false,
                    }
                }
                // Exception values can only flow along the link that catches them.
                if !ok
                    && out
                        .args
                        .iter()
                        .any(|a| matches!(a, LinkArg::Value(Value::Var(_))))
                {
                    continue;
                }
                if !ok {
                    continue;
                }
                let args = out.args.iter().map(|a| subst_arg(a, &map)).collect();
                let link = &mut g.blocks[p].exits[li];
                link.args = args;
                link.target = out.target;
                if link.span.is_none() {
                    link.span = out.span;
                }
                changed = true;
            }
        }
    }
    changed
}

/// A block reached only by the unconditional exit of another block joins that block.
fn merge_blocks<O: Clone, C: Clone + PartialEq>(g: &mut Graph<O, C>) -> bool {
    let mut changed = false;
    loop {
        let preds = predecessors(g);
        let mut done = true;
        for a in g.reachable_blocks() {
            let da = &g.blocks[a];
            if da.exitswitch != ExitSwitch::None
                || da.exits.len() != 1
                || da.exits[0].case != ExitCase::Always
            {
                continue;
            }
            let b = da.exits[0].target;
            if b == a || g.is_final(b) || b == g.startblock || preds[b.0 as usize].len() != 1 {
                continue;
            }
            let link = da.exits[0].clone();
            let mut map = HashMap::new();
            for (i, arg) in g.blocks[b].inputargs.iter().zip(&link.args) {
                if let LinkArg::Value(v) = arg {
                    map.insert(*i, v.clone());
                }
            }
            let db = g.blocks[b].clone();
            let da = &mut g.blocks[a];
            for mut op in db.ops {
                op.args = op.args.iter().map(|v| subst(v, &map)).collect();
                da.ops.push(op);
            }
            da.exitswitch = match db.exitswitch {
                ExitSwitch::Value(v) => ExitSwitch::Value(subst(&v, &map)),
                other => other,
            };
            da.exits = db
                .exits
                .into_iter()
                .map(|mut l| {
                    l.args = l.args.iter().map(|x| subst_arg(x, &map)).collect();
                    l
                })
                .collect();
            g.blocks[b].exits.clear();
            g.blocks[b].ops.clear();
            g.blocks[b].exitswitch = ExitSwitch::None;
            done = false;
            changed = true;
            break;
        }
        if done {
            return changed;
        }
    }
}

/// Input variables used by nothing (no operation, no switch, no link that needs them) go away,
/// with the values passed for them.
fn remove_dead_inputargs<O, C: Clone>(g: &mut Graph<O, C>) -> bool {
    let blocks = g.reachable_blocks();
    // needed[var] is true when the variable is used by an operation, a switch, or passed to a
    // needed input variable; computed to a fixpoint backwards.
    let mut needed = vec![false; g.vars.len()];
    let rb = g.returnblock;
    let eb = g.exceptblock;
    for v in g.blocks[rb]
        .inputargs
        .iter()
        .chain(g.blocks[eb].inputargs.iter())
    {
        needed[v.0 as usize] = true;
    }
    for v in g.blocks[g.startblock].inputargs.iter() {
        needed[v.0 as usize] = true;
    }
    let mark = |v: &Value<C>, needed: &mut Vec<bool>| {
        if let Value::Var(x) = v {
            needed[x.0 as usize] = true;
        }
    };
    for &b in &blocks {
        let d = &g.blocks[b];
        for op in &d.ops {
            op.args.iter().for_each(|a| mark(a, &mut needed));
            // Results are kept: operations may have side effects.
            needed[op.result.0 as usize] = true;
        }
        if let ExitSwitch::Value(v) = &d.exitswitch {
            mark(v, &mut needed);
        }
    }
    loop {
        let mut changed = false;
        for &b in &blocks {
            for l in &g.blocks[b].exits {
                let target_inputs = &g.blocks[l.target].inputargs;
                for (i, a) in target_inputs.iter().zip(&l.args) {
                    if needed[i.0 as usize] {
                        if let LinkArg::Value(Value::Var(x)) = a {
                            if !needed[x.0 as usize] {
                                needed[x.0 as usize] = true;
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut removed = false;
    for &b in &blocks {
        let keep: Vec<bool> = g.blocks[b]
            .inputargs
            .iter()
            .map(|v| needed[v.0 as usize])
            .collect();
        if keep.iter().all(|k| *k) {
            continue;
        }
        removed = true;
        let mut it = keep.iter();
        g.blocks[b].inputargs.retain(|_| *it.next().unwrap());
        for &p in &blocks {
            for l in g.blocks[p].exits.iter_mut().filter(|l| l.target == b) {
                let mut it = keep.iter();
                l.args.retain(|_| *it.next().unwrap());
            }
        }
    }
    removed
}
