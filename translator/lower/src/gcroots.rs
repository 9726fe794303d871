//! The shadow-stack root transform. The collector moves objects, so a GC pointer held in a local
//! variable across an operation that can collect must be visible to it and updated: before such an
//! operation, `gc_push_roots(v...)` saves the GC pointers that are live after it on the shadow
//! stack; after it, `gc_pop_roots(v...)` reloads them (genc reassigns the same C variables).
//!
//! Liveness is computed per block, which is exact here because variables are local to their
//! block: a variable is live after an operation if a later operation, the switch or a link uses
//! it. Freshly allocated results are not live before their allocation. Must run last, after the
//! exception transform has split blocks.

use rpy_model::graph::{ExitSwitch, LinkArg, Operation, Value};
use rpy_model::llop::{LlConst, LlFunction, LlOp, LlProgram};
use rpy_model::lltype::LlType;
use rpy_model::Var;
use std::collections::HashSet;

pub fn transform(p: &mut LlProgram) {
    let collects: Vec<bool> = p.functions.iter().map(|f| f.effects().cancollect).collect();

    for f in &mut p.functions {
        let LlFunction::Graph { graph, types, .. } = f else {
            continue;
        };
        for b in graph.reachable_blocks() {
            let data = &graph.blocks[b];
            // Live-after sets, walking backwards.
            let mut live: HashSet<Var> = HashSet::new();
            if let ExitSwitch::Value(Value::Var(v)) = &data.exitswitch {
                live.insert(*v);
            }
            for l in &data.exits {
                for a in &l.args {
                    if let LinkArg::Value(Value::Var(v)) = a {
                        live.insert(*v);
                    }
                }
            }
            let mut roots_at: Vec<Option<Vec<Var>>> = vec![None; data.ops.len()];
            for (i, op) in data.ops.iter().enumerate().rev() {
                live.remove(&op.result);
                let collects_here = match (op.op, op.args.first()) {
                    (LlOp::DirectCall, Some(Value::Const(LlConst::Func(t)))) => {
                        collects[t.0 as usize]
                    }
                    (o, _) => o.props().cancollect,
                };
                if collects_here {
                    let mut r: Vec<Var> = live
                        .iter()
                        .copied()
                        .filter(|v| types[v.0 as usize].is_gc())
                        .collect();
                    r.sort();
                    if !r.is_empty() {
                        roots_at[i] = Some(r);
                    }
                }
                for a in &op.args {
                    if let Value::Var(v) = a {
                        live.insert(*v);
                    }
                }
            }
            if roots_at.iter().all(Option::is_none) {
                continue;
            }
            let old = std::mem::take(&mut graph.blocks[b].ops);
            let mut ops = Vec::with_capacity(old.len() + 4);
            for (op, roots) in old.into_iter().zip(roots_at) {
                match roots {
                    Some(r) => {
                        let args: Vec<Value<LlConst>> = r.iter().map(|v| Value::Var(*v)).collect();
                        let span = op.span;
                        let push = graph.new_var("push");
                        types.push(LlType::Void);
                        let pop = graph.new_var("pop");
                        types.push(LlType::Void);
                        ops.push(Operation {
                            op: LlOp::GcPushRoots,
                            args: args.clone(),
                            result: push,
                            span,
                        });
                        ops.push(op);
                        ops.push(Operation {
                            op: LlOp::GcPopRoots,
                            args,
                            result: pop,
                            span,
                        });
                    }
                    None => ops.push(op),
                }
            }
            graph.blocks[b].ops = ops;
        }
    }
}
