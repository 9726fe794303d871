//! Stack checks: every function in a cycle of the call graph (a strongly connected component
//! with more than one function, or a function calling itself) starts with `stack_check`, which
//! raises RecursionError when the C stack is nearly exhausted. Functions outside cycles cannot
//! recurse, so they need no check. Must run after `effects` (it makes those functions raise).

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;
use rpy_model::graph::Operation;
use rpy_model::llop::{LlConst, LlFunction, LlOp, LlProgram};
use rpy_model::lltype::LlType;
use rpy_model::Value;

pub fn insert(p: &mut LlProgram) {
    let n = p.functions.len();
    let mut cg = DiGraph::<usize, ()>::new();
    let nodes: Vec<_> = (0..n).map(|i| cg.add_node(i)).collect();
    let mut self_loop = vec![false; n];
    for (i, f) in p.functions.iter().enumerate() {
        let LlFunction::Graph { graph, .. } = f else {
            continue;
        };
        for b in graph.reachable_blocks() {
            for op in &graph.blocks[b].ops {
                if let (LlOp::DirectCall, Some(Value::Const(LlConst::Func(t)))) =
                    (op.op, op.args.first())
                {
                    cg.add_edge(nodes[i], nodes[t.0 as usize], ());
                    if t.0 as usize == i {
                        self_loop[i] = true;
                    }
                }
            }
        }
    }
    let mut recursive = self_loop;
    for scc in tarjan_scc(&cg) {
        if scc.len() > 1 {
            for nd in scc {
                recursive[cg[nd]] = true;
            }
        }
    }
    for (i, f) in p.functions.iter_mut().enumerate() {
        if !recursive[i] {
            continue;
        }
        let LlFunction::Graph {
            graph,
            types,
            effects,
            ..
        } = f
        else {
            continue;
        };
        let r = graph.new_var("stack");
        types.push(LlType::Void);
        let span = graph.span;
        let start = graph.startblock;
        graph.blocks[start].ops.insert(
            0,
            Operation {
                op: LlOp::StackCheck,
                args: vec![],
                result: r,
                span,
            },
        );
        effects.canraise = true;
    }
}
