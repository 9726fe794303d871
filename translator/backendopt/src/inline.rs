//! Inlining: a `direct_call` of a small function is replaced by a copy of the callee's graph.
//! Functions are visited callees first (the call graph's strongly connected components in
//! reverse topological order), so a callee is already optimised when its cost is measured. A
//! callee is inlined when it is not on a cycle of the call graph, it is not marked
//! `dont_inline`, and it is marked `always_inline` or its cost (`cost`) is at most the
//! threshold. A caller stops growing past `MAX_CALLER_COST`.
//!
//! The copy's blocks receive, besides their own input variables, the caller's variables that
//! are live after the call (variables are local to their block, so they travel along every
//! link of the copy); the callee's return links go to the rest of the caller's block, its
//! raises to the caller's except block. A call that is the last operation of a block catching
//! exceptions is not inlined (its handlers would have to catch what the copy raises).
//!
//! Relies on the callee's parameter and return types being those of the call's operands and
//! result, as the rtyper makes them.

use crate::Func;
use petgraph::graph::DiGraph;
use rpy_model::graph::{ExitSwitch, Link, LinkArg, Value};
use rpy_model::llop::{FuncId, LlConst, LlFunction, LlGraph, LlOp, LlProgram};
use rpy_model::lltype::LlType;
use rpy_model::split::split_after;
use rpy_model::{Block, Var};
use std::collections::HashMap;

/// A caller is not grown past this cost by inlining.
pub const MAX_CALLER_COST: u32 = 3000;

/// The cost of a graph: its operations (calls and allocations weigh more, copies nothing) and
/// its branches.
pub fn cost(g: &LlGraph) -> u32 {
    let mut c = 0;
    for b in g.reachable_blocks() {
        let d = &g.blocks[b];
        for op in &d.ops {
            c += match op.op {
                LlOp::SameAs | LlOp::CastPointer => 0,
                LlOp::DirectCall => 3,
                LlOp::Malloc | LlOp::MallocVarsize => 2,
                _ => 1,
            };
        }
        c += d.exits.len().saturating_sub(1) as u32;
    }
    c
}

/// Inlines, in every function, the calls the heuristic accepts.
pub fn inline_program(p: &mut LlProgram, threshold: u32) {
    let n = p.functions.len();
    let mut cg: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<_> = (0..n).map(|i| cg.add_node(i)).collect();
    for (i, f) in p.functions.iter().enumerate() {
        for c in callees(f) {
            cg.update_edge(nodes[i], nodes[c.0 as usize], ());
        }
    }
    let mut on_cycle = vec![false; n];
    let order = petgraph::algo::tarjan_scc(&cg);
    for scc in &order {
        let cyclic = scc.len() > 1 || cg.contains_edge(scc[0], scc[0]);
        for node in scc {
            on_cycle[cg[*node]] = cyclic;
        }
    }
    for scc in &order {
        for node in scc {
            let caller = cg[*node];
            inline_into(p, caller, threshold, &on_cycle);
        }
    }
}

fn callees(f: &LlFunction) -> Vec<FuncId> {
    let LlFunction::Graph { graph, .. } = f else {
        return vec![];
    };
    let mut out = Vec::new();
    for b in graph.reachable_blocks() {
        for op in &graph.blocks[b].ops {
            if let (LlOp::DirectCall, Some(Value::Const(LlConst::Func(id)))) =
                (op.op, op.args.first())
            {
                out.push(*id);
            }
        }
    }
    out
}

fn inlinable(p: &LlProgram, callee: FuncId, threshold: u32, on_cycle: &[bool]) -> bool {
    let LlFunction::Graph { graph, .. } = p.func(callee) else {
        return false;
    };
    if on_cycle[callee.0 as usize] {
        return false;
    }
    match p.inline_hints.get(&callee) {
        Some(false) => false,
        Some(true) => true,
        None => cost(graph) <= threshold,
    }
}

fn inline_into(p: &mut LlProgram, caller: usize, threshold: u32, on_cycle: &[bool]) {
    // Sites whose operand types do not match the callee's; skipping a stale one only misses
    // an inlining.
    let mut rejected: Vec<(Block, usize)> = Vec::new();
    while let Some((b, k, callee)) = next_site(p, caller, threshold, on_cycle, &rejected) {
        let LlFunction::Graph {
            graph: cgraph,
            types: ctypes,
            ..
        } = p.func(callee).clone()
        else {
            return;
        };
        let LlFunction::Graph { graph, types, .. } = &mut p.functions[caller] else {
            return;
        };
        let mut f = Func { graph, types };
        if !inline_site(&mut f, b, k, &cgraph, &ctypes) {
            rejected.push((b, k));
        }
    }
}

/// The next call of `caller` to inline: its block, its index there, and the callee.
fn next_site(
    p: &LlProgram,
    caller: usize,
    threshold: u32,
    on_cycle: &[bool],
    rejected: &[(Block, usize)],
) -> Option<(Block, usize, FuncId)> {
    let LlFunction::Graph { graph, .. } = &p.functions[caller] else {
        return None;
    };
    if cost(graph) > MAX_CALLER_COST {
        return None;
    }
    for b in graph.reachable_blocks() {
        let d = &graph.blocks[b];
        for (k, op) in d.ops.iter().enumerate() {
            let (LlOp::DirectCall, Some(Value::Const(LlConst::Func(callee)))) =
                (op.op, op.args.first())
            else {
                continue;
            };
            let caught = k + 1 == d.ops.len() && d.exitswitch == ExitSwitch::LastException;
            if caught
                || callee.0 as usize == caller
                || rejected.contains(&(b, k))
                || !inlinable(p, *callee, threshold, on_cycle)
            {
                continue;
            }
            return Some((b, k, *callee));
        }
    }
    None
}

/// Replaces the call at `ops[k]` of block `b` by a copy of `cg`. Returns false (and changes
/// nothing) when the operand or result types do not match the callee's.
fn inline_site(f: &mut Func, b: Block, k: usize, cg: &LlGraph, ctypes: &[LlType]) -> bool {
    let call = f.graph.blocks[b].ops[k].clone();
    let params = &cg.blocks[cg.startblock].inputargs;
    if params.len() + 1 != call.args.len() {
        return false;
    }
    for (p, a) in params.iter().zip(&call.args[1..]) {
        if let Value::Var(v) = a {
            if f.ty(*v) != ctypes[p.0 as usize] {
                return false;
            }
        }
    }
    let ret_var = cg.blocks[cg.returnblock].inputargs[0];
    if ctypes[ret_var.0 as usize] != f.ty(call.result) {
        return false;
    }

    // The rest of the block after the call.
    let (tail, used) = split_after(f.graph, b, k);
    let tail_inputs = f.graph.blocks[tail].inputargs.clone();
    let copies: Vec<(Var, Var)> = tail_inputs
        .iter()
        .copied()
        .zip(used.iter().copied())
        .collect();
    f.sync_types(&copies);
    f.graph.blocks[b].ops.pop();
    let passon: Vec<Var> = used.iter().copied().filter(|v| *v != call.result).collect();

    // Every variable of the callee gets a variable of the caller.
    let mut vmap: HashMap<Var, Var> = HashMap::new();
    let cblocks = cg.reachable_blocks();
    for &cb in &cblocks {
        let d = &cg.blocks[cb];
        for v in d.inputargs.iter().chain(d.ops.iter().map(|o| &o.result)) {
            if !vmap.contains_key(v) {
                let nv = f.new_var(&cg.vars[*v].hint.clone(), ctypes[v.0 as usize]);
                vmap.insert(*v, nv);
            }
        }
    }
    let mv = |v: &Value<LlConst>, vmap: &HashMap<Var, Var>| match v {
        Value::Var(x) => Value::Var(vmap[x]),
        c => c.clone(),
    };
    // One block per callee block (not the return and except blocks), with the passed-on
    // variables as extra input variables.
    let mut bmap: HashMap<Block, (Block, Vec<Var>)> = HashMap::new();
    for &cb in &cblocks {
        if cb == cg.returnblock || cb == cg.exceptblock {
            continue;
        }
        let extra: Vec<Var> = passon
            .iter()
            .map(|v| {
                let hint = f.graph.vars[*v].hint.clone();
                let t = f.ty(*v);
                f.new_var(&hint, t)
            })
            .collect();
        let mut inputs: Vec<Var> = cg.blocks[cb].inputargs.iter().map(|v| vmap[v]).collect();
        inputs.extend(extra.iter().copied());
        let nb = f.graph.new_block(inputs);
        bmap.insert(cb, (nb, extra));
    }
    for &cb in &cblocks {
        let Some((nb, extra)) = bmap.get(&cb).cloned() else {
            continue;
        };
        let d = &cg.blocks[cb];
        let ops = d
            .ops
            .iter()
            .map(|op| rpy_model::Operation {
                op: op.op,
                args: op.args.iter().map(|a| mv(a, &vmap)).collect(),
                result: vmap[&op.result],
                span: op.span,
            })
            .collect();
        let exitswitch = match &d.exitswitch {
            ExitSwitch::Value(v) => ExitSwitch::Value(mv(v, &vmap)),
            other => other.clone(),
        };
        let map_arg = |a: &LinkArg<LlConst>| match a {
            LinkArg::Value(v) => LinkArg::Value(mv(v, &vmap)),
            other => other.clone(),
        };
        let exits = d
            .exits
            .iter()
            .map(|l| {
                let (target, args) = if l.target == cg.returnblock {
                    let ret = map_arg(&l.args[0]);
                    let args = used
                        .iter()
                        .map(|u| {
                            if *u == call.result {
                                ret.clone()
                            } else {
                                let i = passon.iter().position(|p| p == u).expect("passed on");
                                LinkArg::Value(Value::Var(extra[i]))
                            }
                        })
                        .collect();
                    (tail, args)
                } else if l.target == cg.exceptblock {
                    (f.graph.exceptblock, l.args.iter().map(map_arg).collect())
                } else {
                    let mut args: Vec<LinkArg<LlConst>> = l.args.iter().map(map_arg).collect();
                    args.extend(extra.iter().map(|v| LinkArg::Value(Value::Var(*v))));
                    (bmap[&l.target].0, args)
                };
                Link {
                    case: l.case.clone(),
                    args,
                    target,
                    span: l.span,
                }
            })
            .collect();
        let nd = &mut f.graph.blocks[nb];
        nd.ops = ops;
        nd.exitswitch = exitswitch;
        nd.exits = exits;
    }
    // The caller's block jumps into the copy.
    let start = bmap[&cg.startblock].0;
    let mut args: Vec<LinkArg<LlConst>> = call.args[1..]
        .iter()
        .map(|a| LinkArg::Value(a.clone()))
        .collect();
    args.extend(passon.iter().map(|v| LinkArg::Value(Value::Var(*v))));
    f.graph.blocks[b].exits = vec![Link {
        case: rpy_model::ExitCase::Always,
        args,
        target: start,
        span: None,
    }];
    true
}
