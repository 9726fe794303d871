//! The exception transform. Exceptions live in a global state (class and value). After each
//! operation that can raise:
//!
//! - if it ends a block whose exits catch exceptions (`switch last_exception`), the state is
//!   tested against each caught class in order; a match fetches the class and value, clears the
//!   state and follows that link; no match propagates;
//! - otherwise, an exception propagates: a block records a traceback entry (function and line)
//!   and returns a dummy value to the caller, which tests the state after the call in turn.
//!
//! Links into the except block (`raise`, failed `assert`) set the state, record a traceback entry
//! and return. After this pass no block uses `switch last_exception` and the except block is
//! unreachable. Must run after `effects` and `stackcheck`.

use rpy_model::graph::{ExitCase, ExitSwitch, Link, LinkArg, Operation, Value};
use rpy_model::llop::{LlConst, LlFunction, LlGraph, LlOp, LlProgram};
use rpy_model::lltype::LlType;
use rpy_model::{Block, Span};

pub fn transform(p: &mut LlProgram) {
    let raises: Vec<bool> = p.functions.iter().map(|f| f.effects().canraise).collect();
    for f in &mut p.functions {
        let LlFunction::Graph {
            graph, types, ret, ..
        } = f
        else {
            continue;
        };
        transform_graph(graph, types, *ret, &raises);
    }
}

fn zero(t: LlType) -> LlConst {
    match t {
        LlType::Void => LlConst::Void,
        LlType::Bool => LlConst::Bool(false),
        LlType::Signed | LlType::Fixed(_) => LlConst::Signed(0),
        LlType::Float => LlConst::Float(0.0),
        LlType::Char => LlConst::Char(0),
        LlType::Ptr(id) => LlConst::Null(id),
    }
}

fn new_op(
    g: &mut LlGraph,
    types: &mut Vec<LlType>,
    op: LlOp,
    args: Vec<Value<LlConst>>,
    t: LlType,
    span: Span,
) -> Operation<LlOp, LlConst> {
    let r = g.new_var(op.name());
    types.push(t);
    Operation {
        op,
        args,
        result: r,
        span,
    }
}

/// A block that records a traceback entry at `span` and returns a dummy value.
fn propagate_block(g: &mut LlGraph, types: &mut Vec<LlType>, ret: LlType, span: Span) -> Block {
    let loc = LlConst::Location(g.name.as_str().into(), span);
    let op = new_op(
        g,
        types,
        LlOp::TracebackRecord,
        vec![Value::Const(loc)],
        LlType::Void,
        span,
    );
    let b = g.new_block(vec![]);
    g.blocks[b].ops.push(op);
    let rb = g.returnblock;
    g.blocks[b].exits.push(Link {
        case: ExitCase::Always,
        args: vec![LinkArg::Value(Value::Const(zero(ret)))],
        target: rb,
        span: None,
    });
    b
}

fn transform_graph(g: &mut LlGraph, types: &mut Vec<LlType>, ret: LlType, raises: &[bool]) {
    // A block whose last operation turned out not to raise keeps only its normal exit.
    for b in g.reachable_blocks() {
        let d = &g.blocks[b];
        if d.exitswitch == ExitSwitch::LastException
            && !d.ops.last().is_some_and(|op| op_raises(raises, op))
        {
            let d = &mut g.blocks[b];
            d.exitswitch = ExitSwitch::None;
            d.exits.truncate(1);
        }
    }
    // Raises: links into the except block go to a block that sets the state.
    let eb = g.exceptblock;
    let span = g.span;
    let (et, ev) = (g.new_var("etype"), g.new_var("evalue"));
    types.push(types[g.blocks[eb].inputargs[0].0 as usize]);
    types.push(types[g.blocks[eb].inputargs[1].0 as usize]);
    let raise_op = new_op(
        g,
        types,
        LlOp::RaiseExc,
        vec![Value::Var(et), Value::Var(ev)],
        LlType::Void,
        span,
    );
    let raise_block = g.new_block(vec![et, ev]);
    g.blocks[raise_block].ops.push(raise_op);
    let mut used_raise = false;
    for b in g.reachable_blocks() {
        for l in &mut g.blocks[b].exits {
            if l.target == eb {
                l.target = raise_block;
                used_raise = true;
            }
        }
    }
    if used_raise {
        // The traceback entry of a raise is the line of the raise: give each raising link its
        // own recording block.
        let mut targets = Vec::new();
        for b in g.reachable_blocks() {
            for (li, l) in g.blocks[b].exits.iter().enumerate() {
                if l.target == raise_block {
                    targets.push((b, li, l.span.unwrap_or(span)));
                }
            }
        }
        for (b, li, sp) in targets {
            let (x, y) = (g.new_var("etype"), g.new_var("evalue"));
            types.push(types[et.0 as usize]);
            types.push(types[ev.0 as usize]);
            let rop = new_op(
                g,
                types,
                LlOp::RaiseExc,
                vec![Value::Var(x), Value::Var(y)],
                LlType::Void,
                sp,
            );
            let nb = g.new_block(vec![x, y]);
            g.blocks[nb].ops.push(rop);
            let pb = propagate_block(g, types, ret, sp);
            g.blocks[nb].exits.push(Link {
                case: ExitCase::Always,
                args: vec![],
                target: pb,
                span: None,
            });
            g.blocks[b].exits[li].target = nb;
        }
    }
    // Operations that can raise. Blocks are processed from a worklist since splitting creates
    // new ones.
    let mut work: Vec<(Block, usize)> = g.reachable_blocks().into_iter().map(|b| (b, 0)).collect();
    while let Some((b, start)) = work.pop() {
        let n = g.blocks[b].ops.len();
        let mut found = None;
        for i in start..n {
            let op = &g.blocks[b].ops[i];
            if op_raises(raises, op) {
                found = Some(i);
                break;
            }
        }
        let Some(i) = found else { continue };
        let sp = g.blocks[b].ops[i].span;
        let last = i + 1 == n;
        let catching = last && g.blocks[b].exitswitch == ExitSwitch::LastException;
        if catching {
            let exits = std::mem::take(&mut g.blocks[b].exits);
            g.blocks[b].exitswitch = ExitSwitch::None;
            let flag = new_op(g, types, LlOp::ExcOccurred, vec![], LlType::Bool, sp);
            let fv = flag.result;
            g.blocks[b].ops.push(flag);
            // Normal path.
            let mut normal = exits[0].clone();
            normal.case = ExitCase::Bool(false);
            // Variables of this block that handler links pass on; every test and catch block
            // receives them all.
            let mut hv: Vec<rpy_model::Var> = Vec::new();
            for h in &exits[1..] {
                for a in &h.args {
                    if let LinkArg::Value(Value::Var(x)) = a {
                        if !hv.contains(x) {
                            hv.push(*x);
                        }
                    }
                }
            }
            let fresh = |g: &mut LlGraph, types: &mut Vec<LlType>| -> Vec<rpy_model::Var> {
                hv.iter()
                    .map(|v| {
                        let hint = g.vars[*v].hint.clone();
                        types.push(types[v.0 as usize]);
                        g.new_var(&hint)
                    })
                    .collect()
            };
            let pass = |vs: &[rpy_model::Var]| -> Vec<LinkArg<LlConst>> {
                vs.iter().map(|v| LinkArg::Value(Value::Var(*v))).collect()
            };
            // Dispatch: a chain of tests, one per handler, then propagation.
            let pb = propagate_block(g, types, ret, sp);
            let mut next_test = (pb, false);
            for h in exits[1..].iter().rev() {
                let ExitCase::Exception(cls) = &h.case else {
                    continue;
                };
                let test_in = fresh(g, types);
                let catch_in = fresh(g, types);
                let m = new_op(
                    g,
                    types,
                    LlOp::ExcMatches,
                    vec![Value::Const(cls.clone())],
                    LlType::Bool,
                    sp,
                );
                let mv = m.result;
                let test = g.new_block(test_in.clone());
                g.blocks[test].ops.push(m);
                // The catching block fetches and clears the state.
                let ft = new_op(g, types, LlOp::ExcFetchType, vec![], LlType::Signed, sp);
                let fvv = new_op(
                    g,
                    types,
                    LlOp::ExcFetchValue,
                    vec![],
                    value_type(types, g, h),
                    sp,
                );
                let cl = new_op(g, types, LlOp::ExcClear, vec![], LlType::Void, sp);
                let (tv, vv) = (ft.result, fvv.result);
                let catch = g.new_block(catch_in.clone());
                g.blocks[catch].ops.extend([ft, fvv, cl]);
                let args = h
                    .args
                    .iter()
                    .map(|a| match a {
                        LinkArg::LastException => LinkArg::Value(Value::Var(tv)),
                        LinkArg::LastExcValue => LinkArg::Value(Value::Var(vv)),
                        LinkArg::Value(Value::Var(x)) => {
                            let k = hv.iter().position(|y| y == x).expect("handler variable");
                            LinkArg::Value(Value::Var(catch_in[k]))
                        }
                        v => v.clone(),
                    })
                    .collect();
                g.blocks[catch].exits.push(Link {
                    case: ExitCase::Always,
                    args,
                    target: h.target,
                    span: h.span,
                });
                g.blocks[test].exitswitch = ExitSwitch::Value(Value::Var(mv));
                let next_args = if next_test.1 { pass(&test_in) } else { vec![] };
                g.blocks[test].exits.push(Link {
                    case: ExitCase::Bool(true),
                    args: pass(&test_in),
                    target: catch,
                    span: None,
                });
                g.blocks[test].exits.push(Link {
                    case: ExitCase::Bool(false),
                    args: next_args,
                    target: next_test.0,
                    span: None,
                });
                next_test = (test, true);
            }
            let first_args = if next_test.1 { pass(&hv) } else { vec![] };
            g.blocks[b].exitswitch = ExitSwitch::Value(Value::Var(fv));
            g.blocks[b].exits = vec![
                normal,
                Link {
                    case: ExitCase::Bool(true),
                    args: first_args,
                    target: next_test.0,
                    span: None,
                },
            ];
            continue;
        }
        // Not caught here: split after the operation and test.
        let (tail, passed) = rpy_model::split::split_after(g, b, i);
        for (old, new) in passed.iter().zip(g.blocks[tail].inputargs.clone()) {
            debug_assert_eq!(new.0 as usize, types.len());
            types.push(types[old.0 as usize]);
        }
        let flag = new_op(g, types, LlOp::ExcOccurred, vec![], LlType::Bool, sp);
        let fv = flag.result;
        g.blocks[b].ops.push(flag);
        let pb = propagate_block(g, types, ret, sp);
        g.blocks[b].exitswitch = ExitSwitch::Value(Value::Var(fv));
        g.blocks[b].exits = vec![
            Link {
                case: ExitCase::Bool(false),
                args: passed
                    .into_iter()
                    .map(|v| LinkArg::Value(Value::Var(v)))
                    .collect(),
                target: tail,
                span: None,
            },
            Link {
                case: ExitCase::Bool(true),
                args: vec![],
                target: pb,
                span: None,
            },
        ];
        work.push((tail, 0));
    }
}

/// Whether an operation can raise, given which functions can.
fn op_raises(raises: &[bool], op: &Operation<LlOp, LlConst>) -> bool {
    match (op.op, op.args.first()) {
        (LlOp::DirectCall, Some(Value::Const(LlConst::Func(f)))) => raises[f.0 as usize],
        (LlOp::RaiseExc, _) => false,
        (other, _) => other.props().canraise,
    }
}

fn value_type(types: &[LlType], g: &LlGraph, h: &Link<LlConst>) -> LlType {
    // The type the handler's target expects for the exception value, if it takes it.
    for (a, t) in h.args.iter().zip(&g.blocks[h.target].inputargs) {
        if *a == LinkArg::LastExcValue {
            return types[t.0 as usize];
        }
    }
    LlType::Void
}
