//! Block splitting for low-level graphs: the operations after a point move to a new block that
//! receives, as fresh input variables, every value they use from before the point. Variables stay
//! local to their block, as everywhere in the IR.

use rpy_model::graph::{LinkArg, Value};
use rpy_model::llop::{LlConst, LlGraph};
use rpy_model::lltype::LlType;
use rpy_model::{Block, Var};
use std::collections::HashMap;

/// Moves the operations of `b` from index `at` on (and its switch and exits) into a new block.
/// Returns the new block and the variables of `b` to pass to it, in the order of its input
/// variables. `b` is left without exits.
pub fn split_block(
    g: &mut LlGraph,
    types: &mut Vec<LlType>,
    b: Block,
    at: usize,
) -> (Block, Vec<Var>) {
    let data = &mut g.blocks[b];
    let tail_ops = data.ops.split_off(at);
    let exitswitch = std::mem::replace(&mut data.exitswitch, rpy_model::ExitSwitch::None);
    let exits = std::mem::take(&mut data.exits);
    let defined_before: Vec<Var> = data
        .inputargs
        .iter()
        .copied()
        .chain(data.ops.iter().map(|o| o.result))
        .collect();
    // The values the tail uses from before the split, in first-use order.
    let mut used: Vec<Var> = Vec::new();
    let note = |v: &Value<LlConst>, used: &mut Vec<Var>| {
        if let Value::Var(x) = v {
            if defined_before.contains(x) && !used.contains(x) {
                used.push(*x);
            }
        }
    };
    for op in &tail_ops {
        op.args.iter().for_each(|a| note(a, &mut used));
    }
    if let rpy_model::ExitSwitch::Value(v) = &exitswitch {
        note(v, &mut used);
    }
    for l in &exits {
        for a in &l.args {
            if let LinkArg::Value(v) = a {
                note(v, &mut used);
            }
        }
    }
    let mut map: HashMap<Var, Var> = HashMap::new();
    let mut inputs = Vec::new();
    for v in &used {
        let hint = g.vars[*v].hint.clone();
        let nv = g.new_var(&hint);
        types.push(types[v.0 as usize]);
        map.insert(*v, nv);
        inputs.push(nv);
    }
    let sub = |v: &Value<LlConst>| match v {
        Value::Var(x) => Value::Var(*map.get(x).unwrap_or(x)),
        c => c.clone(),
    };
    let nb = g.new_block(inputs);
    let nd = &mut g.blocks[nb];
    nd.ops = tail_ops
        .into_iter()
        .map(|mut op| {
            op.args = op.args.iter().map(sub).collect();
            op
        })
        .collect();
    nd.exitswitch = match exitswitch {
        rpy_model::ExitSwitch::Value(v) => rpy_model::ExitSwitch::Value(sub(&v)),
        other => other,
    };
    nd.exits = exits
        .into_iter()
        .map(|mut l| {
            l.args = l
                .args
                .iter()
                .map(|a| match a {
                    LinkArg::Value(v) => LinkArg::Value(sub(v)),
                    other => other.clone(),
                })
                .collect();
            l
        })
        .collect();
    (nb, used)
}
