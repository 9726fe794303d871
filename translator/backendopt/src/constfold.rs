//! Constant folding and dead-branch removal: operations whose operands are constants are
//! evaluated (with the wrapping and comparison semantics genc gives them), `same_as` is replaced
//! by its operand, a switch on a constant keeps the one exit it takes, an input variable that
//! every incoming link gives the same constant becomes that constant, and operations without
//! side effects whose results nothing uses are removed. Runs to a fixpoint, with the graph
//! cleanups of `rpy_model::simplify` between rounds.
//!
//! Relies on variables being local to their block: a substitution inside a block (its
//! operations, switch and links) replaces every use of a variable.

use crate::Func;
use rpy_model::graph::{ExitCase, ExitSwitch, LinkArg, Value};
use rpy_model::llop::{LlConst, LlOp};
use rpy_model::split::{subst, subst_arg};
use rpy_model::{Block, Var};
use std::collections::HashMap;

/// Folds the function's graph to a fixpoint.
pub fn fold(f: &mut Func) {
    // Every round removes something; the bound only guards against a cleanup that would not.
    for _ in 0..100 {
        let mut changed = fold_blocks(f);
        changed |= propagate_link_constants(f);
        changed |= merge_equal_inputargs(f);
        changed |= remove_dead_ops(f);
        rpy_model::simplify::simplify(f.graph);
        if !changed {
            break;
        }
    }
}

/// The value of an operation whose operands are all constants, when it can be computed here.
pub fn eval(op: LlOp, args: &[LlConst]) -> Option<LlConst> {
    use LlConst::{Bool as B, Char as Ch, Float as F, Signed as S};
    use LlOp::*;
    Some(match (op, args) {
        (IntAdd, [S(a), S(b)]) => S(a.wrapping_add(*b)),
        (IntSub, [S(a), S(b)]) => S(a.wrapping_sub(*b)),
        (IntMul, [S(a), S(b)]) => S(a.wrapping_mul(*b)),
        (IntAnd, [S(a), S(b)]) => S(a & b),
        (IntOr, [S(a), S(b)]) => S(a | b),
        (IntXor, [S(a), S(b)]) => S(a ^ b),
        (IntNeg, [S(a)]) => S(a.wrapping_neg()),
        (IntInvert, [S(a)]) => S(!a),
        (IntAbs, [S(a)]) => S(a.wrapping_abs()),
        (IntLt, [S(a), S(b)]) => B(a < b),
        (IntLe, [S(a), S(b)]) => B(a <= b),
        (IntEq, [S(a), S(b)]) => B(a == b),
        (IntNe, [S(a), S(b)]) => B(a != b),
        (IntGt, [S(a), S(b)]) => B(a > b),
        (IntGe, [S(a), S(b)]) => B(a >= b),
        (IntIsTrue, [S(a)]) => B(*a != 0),
        (UintLt, [S(a), S(b)]) => B((*a as u64) < (*b as u64)),
        (UintLe, [S(a), S(b)]) => B((*a as u64) <= (*b as u64)),
        (UintGt, [S(a), S(b)]) => B((*a as u64) > (*b as u64)),
        (UintGe, [S(a), S(b)]) => B((*a as u64) >= (*b as u64)),
        (FloatAdd, [F(a), F(b)]) => F(a + b),
        (FloatSub, [F(a), F(b)]) => F(a - b),
        (FloatMul, [F(a), F(b)]) => F(a * b),
        (FloatNeg, [F(a)]) => F(-a),
        (FloatAbs, [F(a)]) => F(a.abs()),
        (FloatLt, [F(a), F(b)]) => B(a < b),
        (FloatLe, [F(a), F(b)]) => B(a <= b),
        (FloatEq, [F(a), F(b)]) => B(a == b),
        (FloatNe, [F(a), F(b)]) => B(a != b),
        (FloatGt, [F(a), F(b)]) => B(a > b),
        (FloatGe, [F(a), F(b)]) => B(a >= b),
        (FloatIsTrue, [F(a)]) => B(*a != 0.0),
        (CastIntToFloat, [S(a)]) => F(*a as f64),
        (
            CastToInt8 | CastToUint8 | CastToInt16 | CastToUint16 | CastToInt32 | CastToUint32,
            [S(a)],
        ) => S(rpy_model::lltype::IntKind::of_narrow_op(op)?.wrap(*a)),
        (CastBoolToInt, [B(a)]) => S(*a as i64),
        (CastCharToInt, [Ch(a)]) => S(*a as i64),
        (BoolNot, [B(a)]) => B(!a),
        (CharEq, [Ch(a), Ch(b)]) => B(a == b),
        (CharNe, [Ch(a), Ch(b)]) => B(a != b),
        (CharLt, [Ch(a), Ch(b)]) => B(a < b),
        (CharLe, [Ch(a), Ch(b)]) => B(a <= b),
        (CharGt, [Ch(a), Ch(b)]) => B(a > b),
        (CharGe, [Ch(a), Ch(b)]) => B(a >= b),
        (PtrIsZero, [LlConst::Null(_)]) => B(true),
        (PtrNonZero, [LlConst::Null(_)]) => B(false),
        (PtrIsZero, [LlConst::Prebuilt(_)]) => B(false),
        (PtrNonZero, [LlConst::Prebuilt(_)]) => B(true),
        (PtrEq, [LlConst::Null(_), LlConst::Null(_)]) => B(true),
        (PtrNe, [LlConst::Null(_), LlConst::Null(_)]) => B(false),
        (PtrEq, [LlConst::Prebuilt(a), LlConst::Prebuilt(b)]) => B(a == b),
        (PtrNe, [LlConst::Prebuilt(a), LlConst::Prebuilt(b)]) => B(a != b),
        _ => return None,
    })
}

/// Whether an unused result lets the operation go: it has no effect but its result.
pub fn removable(op: LlOp) -> bool {
    op.props().pure
        || matches!(
            op,
            LlOp::GetField | LlOp::GetArrayItem | LlOp::GetArraySize | LlOp::Malloc
        )
}

/// The link a switch on the constant `c` takes.
fn taken_exit(exits: &[rpy_model::Link<LlConst>], c: &LlConst) -> Option<usize> {
    let case = match c {
        LlConst::Bool(b) => ExitCase::Bool(*b),
        LlConst::Signed(i) => ExitCase::Int(*i),
        LlConst::Char(ch) => ExitCase::Int(*ch as i64),
        _ => return None,
    };
    exits
        .iter()
        .position(|l| l.case == case)
        .or_else(|| exits.iter().position(|l| l.case == ExitCase::Default))
}

fn fold_blocks(f: &mut Func) -> bool {
    let mut changed = false;
    for b in f.graph.reachable_blocks() {
        let data = &mut f.graph.blocks[b];
        let mut map: HashMap<Var, Value<LlConst>> = HashMap::new();
        let ops = std::mem::take(&mut data.ops);
        let n = ops.len();
        for (i, mut op) in ops.into_iter().enumerate() {
            op.args = op.args.iter().map(|a| subst(a, &map)).collect();
            // The last operation of a block catching exceptions stays, whatever it is.
            let catching = i + 1 == n && data.exitswitch == ExitSwitch::LastException;
            if !catching {
                if op.op == LlOp::SameAs {
                    map.insert(op.result, op.args[0].clone());
                    changed = true;
                    continue;
                }
                if op.op == LlOp::Select {
                    if let Value::Const(LlConst::Bool(c)) = op.args[0] {
                        map.insert(op.result, op.args[if c { 1 } else { 2 }].clone());
                        changed = true;
                        continue;
                    }
                }
                let consts: Option<Vec<LlConst>> =
                    op.args.iter().map(|a| a.as_const().cloned()).collect();
                if let Some(v) = consts.and_then(|c| eval(op.op, &c)) {
                    map.insert(op.result, Value::Const(v));
                    changed = true;
                    continue;
                }
            }
            data.ops.push(op);
        }
        if let ExitSwitch::Value(v) = &data.exitswitch {
            data.exitswitch = ExitSwitch::Value(subst(v, &map));
        }
        for l in &mut data.exits {
            l.args = l.args.iter().map(|a| subst_arg(a, &map)).collect();
        }
        if let ExitSwitch::Value(Value::Const(c)) = &data.exitswitch {
            if let Some(k) = taken_exit(&data.exits, c) {
                let mut l = data.exits.swap_remove(k);
                l.case = ExitCase::Always;
                data.exits = vec![l];
                data.exitswitch = ExitSwitch::None;
                changed = true;
            }
        }
    }
    changed
}

/// Input variables that receive the same constant from every incoming link, directly or through
/// other input variables (around loops), are replaced by it. Optimistic: every input variable
/// starts unknown and only the values that reach it lower it, to a fixpoint.
fn propagate_link_constants(f: &mut Func) -> bool {
    #[derive(Clone, PartialEq)]
    enum State {
        Unknown,
        Const(LlConst),
        Varying,
    }
    let g = &mut *f.graph;
    let blocks = g.reachable_blocks();
    let mut state: HashMap<Var, State> = HashMap::new();
    let mut input_of: HashMap<Var, Block> = HashMap::new();
    for &b in &blocks {
        for &v in &g.blocks[b].inputargs {
            input_of.insert(v, b);
            let s = if b == g.startblock || g.is_final(b) {
                State::Varying
            } else {
                State::Unknown
            };
            state.insert(v, s);
        }
    }
    loop {
        let mut changed = false;
        for &b in &blocks {
            for l in &g.blocks[b].exits {
                for (t, a) in g.blocks[l.target].inputargs.iter().zip(&l.args) {
                    let incoming = match a {
                        LinkArg::Value(Value::Const(c)) => State::Const(c.clone()),
                        LinkArg::Value(Value::Var(v)) if input_of.get(v) == Some(&b) => {
                            state[v].clone()
                        }
                        _ => State::Varying,
                    };
                    let cur = &state[t];
                    let new = match (cur, &incoming) {
                        (State::Varying, _) | (_, State::Unknown) => continue,
                        (State::Unknown, _) => incoming,
                        (State::Const(x), State::Const(y)) if x == y => continue,
                        _ => State::Varying,
                    };
                    state.insert(*t, new);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut changed = false;
    for &b in &blocks {
        let map: HashMap<Var, Value<LlConst>> = g.blocks[b]
            .inputargs
            .iter()
            .filter_map(|v| match &state[v] {
                State::Const(c) => Some((*v, Value::Const(c.clone()))),
                _ => None,
            })
            .collect();
        if map.is_empty() {
            continue;
        }
        // The input variables stay (now unused): the cleanups remove them with their values.
        let data = &mut g.blocks[b];
        for op in &mut data.ops {
            for a in &mut op.args {
                let na = subst(a, &map);
                if na != *a {
                    *a = na;
                    changed = true;
                }
            }
        }
        if let ExitSwitch::Value(v) = &data.exitswitch {
            let nv = subst(v, &map);
            changed |= nv != *v;
            data.exitswitch = ExitSwitch::Value(nv);
        }
        for l in &mut data.exits {
            for a in &mut l.args {
                let na = subst_arg(a, &map);
                if na != *a {
                    *a = na;
                    changed = true;
                }
            }
        }
    }
    changed
}

/// Two input variables of a block that every incoming link gives the same value are one: the
/// second is replaced by the first (and the cleanups remove it).
fn merge_equal_inputargs(f: &mut Func) -> bool {
    let g = &mut *f.graph;
    let blocks = g.reachable_blocks();
    let incoming = crate::incoming_links(g, &blocks);
    let mut changed = false;
    for &b in &blocks {
        if b == g.startblock || g.is_final(b) {
            continue;
        }
        let Some(preds) = incoming.get(&b) else {
            continue;
        };
        let inputs = g.blocks[b].inputargs.clone();
        let mut map: HashMap<Var, Value<LlConst>> = HashMap::new();
        for j in 0..inputs.len() {
            for i in 0..j {
                if map.contains_key(&inputs[i]) {
                    continue;
                }
                let same = preds.iter().all(|&(pb, li)| {
                    let args = &g.blocks[pb].exits[li].args;
                    args[i] == args[j] && matches!(args[i], LinkArg::Value(_))
                });
                if same {
                    map.insert(inputs[j], Value::Var(inputs[i]));
                    break;
                }
            }
        }
        if map.is_empty() {
            continue;
        }
        let data = &mut g.blocks[b];
        for op in &mut data.ops {
            op.args = op.args.iter().map(|a| subst(a, &map)).collect();
        }
        if let ExitSwitch::Value(v) = &data.exitswitch {
            data.exitswitch = ExitSwitch::Value(subst(v, &map));
        }
        for l in &mut data.exits {
            l.args = l.args.iter().map(|a| subst_arg(a, &map)).collect();
        }
        // The replaced variables are unused now; the cleanups drop them.
        changed = true;
    }
    changed
}

/// Operations without side effects whose results nothing uses are removed.
fn remove_dead_ops(f: &mut Func) -> bool {
    let mut changed = false;
    for b in f.graph.reachable_blocks() {
        let data = &mut f.graph.blocks[b];
        let mut used: std::collections::HashSet<Var> = std::collections::HashSet::new();
        if let ExitSwitch::Value(Value::Var(v)) = &data.exitswitch {
            used.insert(*v);
        }
        for l in &data.exits {
            for a in &l.args {
                if let LinkArg::Value(Value::Var(v)) = a {
                    used.insert(*v);
                }
            }
        }
        let n = data.ops.len();
        let catching = data.exitswitch == ExitSwitch::LastException;
        let mut keep = vec![true; n];
        for i in (0..n).rev() {
            let op = &data.ops[i];
            let last_caught = catching && i + 1 == n;
            if !last_caught && !used.contains(&op.result) && removable(op.op) {
                keep[i] = false;
                changed = true;
                continue;
            }
            for a in &op.args {
                if let Value::Var(v) = a {
                    used.insert(*v);
                }
            }
        }
        let mut i = 0;
        data.ops.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }
    changed
}
