//! The check of light functions: a `__del__` (called by the collector on a dying instance, in
//! the middle of a collection) and a finalizer queue's `finalizer_trigger` (called right after a
//! collection, inside an allocation) must not allocate nor raise, and a `__del__` must
//! moreover not read or write a field or item holding a GC object (it may be dead already, or
//! moving) nor ask the runtime about objects (`id`, weak references, finalizer queues). The
//! check looks at every function the light function can call, after the lowering passes
//! computed the effects. A function decorated with `rgc.no_collect` is checked not to allocate.
//!
//! Relies on `effects::compute` having run on the lowered program.

use crate::effects::op_effects;
use rpy_model::llop::{Light, LlConst, LlFunction, LlOp, LlProgram};
use rpy_model::{Diagnostic, Span, Value};

/// The errors of every light function of the program.
pub fn check(p: &LlProgram) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &(f, def_span, kind) in &p.light {
        if let Some(d) = check_one(p, f, def_span, kind) {
            out.push(d);
        }
    }
    out
}

/// Whether the operation is a call of a graph (whose own operations are checked).
fn calls_graph(p: &LlProgram, op: LlOp, args: &[Value<LlConst>]) -> bool {
    match (op, args.first()) {
        (LlOp::DirectCall, Some(Value::Const(LlConst::Func(g)))) => {
            matches!(p.func(*g), LlFunction::Graph { .. })
        }
        _ => false,
    }
}

fn check_one(
    p: &LlProgram,
    root: rpy_model::llop::FuncId,
    def_span: Span,
    kind: Light,
) -> Option<Diagnostic> {
    let destructor = kind == Light::Destructor;
    let what = match kind {
        Light::Destructor => "a `__del__` method",
        Light::Trigger => "a `finalizer_trigger` method",
        Light::NoCollect => "a function decorated with `rgc.no_collect`",
    };
    let (must, here) = match kind {
        Light::NoCollect => ("must not collect", "not allowed in a `no_collect` function"),
        _ => ("must be light", "not allowed in a light function"),
    };
    let note = match kind {
        Light::Destructor => "the collector calls `__del__` while it frees the instance: it may only read and write fields holding numbers, characters or flags, and call functions that do the same",
        Light::Trigger => "`finalizer_trigger` runs inside an allocation: it should only set a flag that the program polls, and leave `next_dead()` to the program",
        Light::NoCollect => "a collection may happen at any allocation",
    };
    let mut todo = vec![root];
    let mut seen = vec![root];
    while let Some(f) = todo.pop() {
        let LlFunction::Graph { graph, types, .. } = p.func(f) else {
            continue;
        };
        for b in graph.reachable_blocks() {
            for op in &graph.blocks[b].ops {
                let e = op_effects(p, op.op, &op.args);
                let gc_value = |v: &Value<LlConst>| match v {
                    Value::Var(x) => types[x.0 as usize].is_gc(),
                    Value::Const(_) => false,
                };
                let problem = if e.cancollect {
                    Some("allocates memory or calls something that does")
                } else if kind == Light::NoCollect {
                    None
                } else if e.canraise && !calls_graph(p, op.op, &op.args) {
                    Some("can raise an exception")
                } else if !destructor {
                    None
                } else if matches!(op.op, LlOp::GetField | LlOp::GetArrayItem)
                    && types[op.result.0 as usize].is_gc()
                {
                    Some("reads a field holding an object, which may be dead already")
                } else if matches!(op.op, LlOp::SetField | LlOp::SetArrayItem)
                    && op.args.get(2).is_some_and(gc_value)
                {
                    Some("stores an object into a field")
                } else if matches!(
                    op.op,
                    LlOp::GcId
                        | LlOp::GcIdentityHash
                        | LlOp::WeakrefDeref
                        | LlOp::WeakDictGet
                        | LlOp::WeakDictLength
                        | LlOp::GcCanMove
                        | LlOp::GcFqRegister
                        | LlOp::GcFqNextDead
                ) {
                    Some("asks the garbage collector about an object")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    return Some(
                        Diagnostic::new("E0310", format!("{what} {must}, but this {problem}"))
                            .at(op.span, here)
                            .also(def_span, "the function")
                            .note(note),
                    );
                }
                if let (LlOp::DirectCall, Some(Value::Const(LlConst::Func(g)))) =
                    (op.op, op.args.first())
                {
                    if !seen.contains(g) {
                        seen.push(*g);
                        todo.push(*g);
                    }
                }
            }
            // A link into the except block raises.
            if kind != Light::NoCollect
                && graph.blocks[b]
                    .exits
                    .iter()
                    .any(|l| l.target == graph.exceptblock)
            {
                let span = graph.blocks[b].ops.last().map_or(def_span, |o| o.span);
                return Some(
                    Diagnostic::new(
                        "E0310",
                        format!("{what} must be light, but this can raise an exception"),
                    )
                    .at(span, here)
                    .also(def_span, "the function")
                    .note(note),
                );
            }
        }
    }
    None
}
