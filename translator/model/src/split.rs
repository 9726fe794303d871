//! Block splitting, for any IR: the operations after a point move to a new block that receives,
//! as fresh input variables, every value they use from before the point. Variables stay local to
//! their block. Used by the flow builder (`try` bodies), the rtyper (raising operations kept last)
//! and the exception transform.

use crate::graph::{ExitSwitch, Graph, LinkArg, Value};
use crate::{Block, Var};
use std::collections::HashMap;

pub fn subst<C: Clone>(v: &Value<C>, map: &HashMap<Var, Value<C>>) -> Value<C> {
    match v {
        Value::Var(x) => map.get(x).cloned().unwrap_or(Value::Var(*x)),
        c => c.clone(),
    }
}

pub fn subst_arg<C: Clone>(a: &LinkArg<C>, map: &HashMap<Var, Value<C>>) -> LinkArg<C> {
    match a {
        LinkArg::Value(v) => LinkArg::Value(subst(v, map)),
        other => other.clone(),
    }
}

/// Moves the operations of `b` after index `at` (and its switch and exits) into a new block
/// that receives, as fresh input variables, the values of `b` it uses. Returns the new block and
/// the variables of `b` to pass to it; `b` is left without exits.
pub fn split_after<O: Clone, C: Clone>(
    g: &mut Graph<O, C>,
    b: Block,
    at: usize,
) -> (Block, Vec<Var>) {
    let data = &mut g.blocks[b];
    let tail_ops = data.ops.split_off(at + 1);
    let exitswitch = std::mem::replace(&mut data.exitswitch, ExitSwitch::None);
    let exits = std::mem::take(&mut data.exits);
    let defined: Vec<Var> = data
        .inputargs
        .iter()
        .copied()
        .chain(data.ops.iter().map(|o| o.result))
        .collect();
    let mut used: Vec<Var> = Vec::new();
    let mut note = |v: &Value<C>| {
        if let Value::Var(x) = v {
            if defined.contains(x) && !used.contains(x) {
                used.push(*x);
            }
        }
    };
    for op in &tail_ops {
        op.args.iter().for_each(&mut note);
    }
    if let ExitSwitch::Value(v) = &exitswitch {
        note(v);
    }
    for l in &exits {
        for a in &l.args {
            if let LinkArg::Value(v) = a {
                note(v);
            }
        }
    }
    let mut map: HashMap<Var, Value<C>> = HashMap::new();
    let mut inputs = Vec::new();
    for v in &used {
        let hint = g.vars[*v].hint.clone();
        let nv = g.new_var(&hint);
        map.insert(*v, Value::Var(nv));
        inputs.push(nv);
    }
    let nb = g.new_block(inputs);
    let nd = &mut g.blocks[nb];
    nd.ops = tail_ops
        .into_iter()
        .map(|mut op| {
            op.args = op.args.iter().map(|a| subst(a, &map)).collect();
            op
        })
        .collect();
    nd.exitswitch = match exitswitch {
        ExitSwitch::Value(v) => ExitSwitch::Value(subst(&v, &map)),
        other => other,
    };
    nd.exits = exits
        .into_iter()
        .map(|mut l| {
            l.args = l.args.iter().map(|a| subst_arg(a, &map)).collect();
            l
        })
        .collect();
    (nb, used)
}
