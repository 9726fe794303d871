//! Expansion of `list_iter_next` where a `for` loop catches its `StopIteration`: the operation
//! becomes loads of the iterator's list and index, a bounds test whose false exit is the loop's
//! exit, and on the true exit the item load and the index store. The iterator is then only read
//! and written through fields, so malloc removal can turn it into two variables.
//!
//! Relies on the rtyper's iterator struct (`seq`, `index`) over a resizable list (`length`,
//! `items`), and on the class id range of `StopIteration` to recognise the loop's exit.

use crate::Func;
use rpy_model::graph::{ExitCase, ExitSwitch, Link, LinkArg, Operation, Value};
use rpy_model::llop::{LlConst, LlOp};
use rpy_model::lltype::{LlType, TypeTable};
use rpy_model::{Block, Var};
use std::rc::Rc;

/// Expands every `list_iter_next` whose block catches `StopIteration` (class id `stop_id`).
pub fn expand(f: &mut Func, types: &TypeTable, stop_id: i64) {
    for b in f.graph.reachable_blocks() {
        expand_block(f, types, b, stop_id);
    }
}

fn field(name: &str) -> Value<LlConst> {
    Value::Const(LlConst::Field(Rc::from(name)))
}

fn expand_block(f: &mut Func, types: &TypeTable, b: Block, stop_id: i64) -> Option<()> {
    let data = &f.graph.blocks[b];
    let last = data.ops.last()?;
    if last.op != LlOp::ListIterNext
        || data.exitswitch != ExitSwitch::LastException
        || data.exits.len() != 2
    {
        return None;
    }
    let ExitCase::Exception(LlConst::ClassRange(lo, hi)) = &data.exits[1].case else {
        return None;
    };
    if !(*lo..=*hi).contains(&stop_id)
        || data.exits[1]
            .args
            .iter()
            .any(|a| !matches!(a, LinkArg::Value(_)))
    {
        return None;
    }
    let it = last.args[0].as_var()?;
    let item = last.result;
    let span = last.span;
    let LlType::Ptr(iter_t) = f.ty(it) else {
        return None;
    };
    let seq_t = types.field_type(iter_t, "seq")?;
    let LlType::Ptr(seq_id) = seq_t else {
        return None;
    };
    let items_t = types.field_type(seq_id, "items")?;
    types.field_type(seq_id, "length")?;
    let item_t = f.ty(item);

    // The block: loads, the test, and a switch on it.
    let mut normal = data.exits[0].clone();
    let mut stop = data.exits[1].clone();
    let live: Vec<Var> = {
        let mut v: Vec<Var> = Vec::new();
        for a in &normal.args {
            if let LinkArg::Value(Value::Var(x)) = a {
                if *x != item && !v.contains(x) {
                    v.push(*x);
                }
            }
        }
        v
    };
    let seq = f.new_var("seq", seq_t);
    let idx = f.new_var("index", LlType::Signed);
    let len = f.new_var("length", LlType::Signed);
    let more = f.new_var("more", LlType::Bool);
    let op = |op, args, result| Operation {
        op,
        args,
        result,
        span,
    };
    let head = vec![
        op(LlOp::GetField, vec![Value::Var(it), field("seq")], seq),
        op(LlOp::GetField, vec![Value::Var(it), field("index")], idx),
        op(LlOp::GetField, vec![Value::Var(seq), field("length")], len),
        op(LlOp::IntLt, vec![Value::Var(idx), Value::Var(len)], more),
    ];

    // The block taking the next item.
    let mut inputs = vec![];
    let mut map = std::collections::HashMap::new();
    for &v in [it, seq, idx].iter().chain(&live) {
        let nv = f.new_var(&f.graph.vars[v].hint.clone(), f.ty(v));
        inputs.push(nv);
        map.insert(v, Value::Var(nv));
    }
    let (it2, seq2, idx2) = (inputs[0], inputs[1], inputs[2]);
    let items = f.new_var("items", items_t);
    let item2 = f.new_var(&f.graph.vars[item].hint.clone(), item_t);
    let next = f.new_var("index", LlType::Signed);
    let void = f.new_var("v", LlType::Void);
    let take = f.graph.new_block(inputs.clone());
    map.insert(item, Value::Var(item2));
    f.graph.blocks[take].ops = vec![
        op(
            LlOp::GetField,
            vec![Value::Var(seq2), field("items")],
            items,
        ),
        op(
            LlOp::GetArrayItem,
            vec![Value::Var(items), Value::Var(idx2)],
            item2,
        ),
        op(
            LlOp::IntAdd,
            vec![Value::Var(idx2), Value::Const(LlConst::Signed(1))],
            next,
        ),
        op(
            LlOp::SetField,
            vec![Value::Var(it2), field("index"), Value::Var(next)],
            void,
        ),
    ];
    normal.args = normal
        .args
        .iter()
        .map(|a| rpy_model::split::subst_arg(a, &map))
        .collect();
    normal.case = ExitCase::Always;
    f.graph.blocks[take].exits = vec![normal];

    let data = &mut f.graph.blocks[b];
    data.ops.pop();
    data.ops.extend(head);
    data.exitswitch = ExitSwitch::Value(Value::Var(more));
    stop.case = ExitCase::Bool(false);
    let enter = Link {
        case: ExitCase::Bool(true),
        args: [it, seq, idx]
            .iter()
            .chain(&live)
            .map(|v| LinkArg::Value(Value::Var(*v)))
            .collect(),
        target: take,
        span: None,
    };
    data.exits = vec![stop, enter];
    Some(())
}
