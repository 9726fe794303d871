//! Effects analysis: a function can raise (can collect) if one of its operations can, where a
//! `direct_call` has its callee's effects. Computed to a fixpoint, starting from "nothing" for
//! graphs, so mutually recursive functions that do neither are found to do neither.

use rpy_model::llop::{Effects, LlConst, LlFunction, LlOp, LlProgram};
use rpy_model::Value;

/// The effects of one operation, given the current effects of every function.
pub fn op_effects(p: &LlProgram, op: LlOp, args: &[Value<LlConst>]) -> Effects {
    if op == LlOp::DirectCall {
        if let Some(Value::Const(LlConst::Func(f))) = args.first() {
            return p.func(*f).effects();
        }
    }
    let props = op.props();
    Effects {
        canraise: props.canraise,
        cancollect: props.cancollect,
    }
}

/// Sets the effects of every graph.
pub fn compute(p: &mut LlProgram) {
    for f in &mut p.functions {
        if let LlFunction::Graph { effects, .. } = f {
            *effects = Effects {
                canraise: false,
                cancollect: false,
            };
        }
    }
    loop {
        let mut changed = false;
        for i in 0..p.functions.len() {
            let LlFunction::Graph { graph, effects, .. } = &p.functions[i] else {
                continue;
            };
            let mut e = *effects;
            for b in graph.reachable_blocks() {
                for op in &graph.blocks[b].ops {
                    let oe = op_effects(p, op.op, &op.args);
                    e.canraise |= oe.canraise;
                    e.cancollect |= oe.cancollect;
                }
                // A link into the except block raises.
                if graph.blocks[b]
                    .exits
                    .iter()
                    .any(|l| l.target == graph.exceptblock)
                {
                    e.canraise = true;
                }
            }
            if let LlFunction::Graph { effects, .. } = &mut p.functions[i] {
                if *effects != e {
                    *effects = e;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}
