//! Reuse of loaded and computed values inside a block (RPython's `storesink`): a `getfield` of a
//! field that the block already loaded or stored, with no store to that field name and no call
//! in between, takes the known value; an arithmetic or comparison operation repeated on the
//! same operands takes the first result.
//!
//! Relies on field names identifying fields across struct types (a store through another
//! pointer to a field of the same name may alias, so it forgets that name), and on every
//! operation that may write fields other than `setfield` being a call or a container operation,
//! which forget everything.

use crate::Func;
use rpy_model::graph::{ExitSwitch, LinkArg, Value};
use rpy_model::llop::{LlConst, LlOp};
use rpy_model::split::{subst, subst_arg};
use rpy_model::Var;
use std::collections::HashMap;

/// Reuses values in every block of the function.
pub fn sink(f: &mut Func) {
    for b in f.graph.reachable_blocks() {
        let data = &mut f.graph.blocks[b];
        let n = data.ops.len();
        let catching = data.exitswitch == ExitSwitch::LastException;
        let mut loads: HashMap<(String, String), Value<LlConst>> = HashMap::new();
        let mut computed: HashMap<String, Var> = HashMap::new();
        let mut map: HashMap<Var, Value<LlConst>> = HashMap::new();
        let ops = std::mem::take(&mut data.ops);
        for (i, mut op) in ops.into_iter().enumerate() {
            op.args = op.args.iter().map(|a| subst(a, &map)).collect();
            let kept_last = catching && i + 1 == n;
            match op.op {
                LlOp::GetField if !kept_last => {
                    let key = field_key(&op.args);
                    if let Some(v) = loads.get(&key) {
                        map.insert(op.result, v.clone());
                        continue;
                    }
                    loads.insert(key, Value::Var(op.result));
                }
                LlOp::SetField => {
                    let key = field_key(&op.args);
                    loads.retain(|k, _| k.1 != key.1);
                    loads.insert(key, op.args[2].clone());
                }
                o if cse(o) && !kept_last => {
                    let key = format!("{o:?}{:?}", op.args);
                    if let Some(v) = computed.get(&key) {
                        map.insert(op.result, Value::Var(*v));
                        continue;
                    }
                    computed.insert(key, op.result);
                }
                o if keeps_fields(o) => {}
                _ => loads.clear(),
            }
            data.ops.push(op);
        }
        if let ExitSwitch::Value(v) = &data.exitswitch {
            data.exitswitch = ExitSwitch::Value(subst(v, &map));
        }
        for l in &mut data.exits {
            l.args = l
                .args
                .iter()
                .map(|a: &LinkArg<LlConst>| subst_arg(a, &map))
                .collect();
        }
    }
}

fn field_key(args: &[Value<LlConst>]) -> (String, String) {
    let name = match args.get(1) {
        Some(Value::Const(LlConst::Field(n))) => n.to_string(),
        other => format!("{other:?}"),
    };
    (format!("{:?}", args[0]), name)
}

/// Operations whose result depends only on their operands (no memory read that a store could
/// change), so a repetition is the same value.
fn cse(op: LlOp) -> bool {
    op.props().pure
        && !matches!(
            op,
            LlOp::DictContains | LlOp::DictGet | LlOp::GcIdentityHash | LlOp::GcId
        )
}

/// Operations that write no field of an existing struct.
fn keeps_fields(op: LlOp) -> bool {
    op.props().pure
        || matches!(
            op,
            LlOp::GetField
                | LlOp::GetArrayItem
                | LlOp::GetArraySize
                | LlOp::SetArrayItem
                | LlOp::Malloc
                | LlOp::MallocVarsize
        )
}
