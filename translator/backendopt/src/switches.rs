//! If-chains to switches (RPython's `merge_if_blocks`): a block testing `x == K1`, whose false
//! exit goes to a block that only tests the same value against `K2`, and so on, becomes one
//! block switching on `x` with a case per constant and the last false exit as the default.
//! genc prints it as a C `switch`, which the C compiler turns into a jump table. Chains of at
//! least three tests are merged, on integers and characters.
//!
//! Relies on variables being local to their block: the tested value reaches each later block
//! as the input variable its link passes it to.

use crate::Func;
use rpy_model::graph::{ExitCase, ExitSwitch, Link, LinkArg, Value};
use rpy_model::llop::{LlConst, LlOp};
use rpy_model::split::subst_arg;
use rpy_model::{Block, Var};
use std::collections::HashMap;

/// The fewest tests a chain needs to become a switch.
const MIN_CASES: usize = 3;

/// Merges every chain of equality tests of the function.
pub fn merge(f: &mut Func) {
    // A merge only makes the absorbed blocks unreachable and moves their exits, with the same
    // targets, to the first block: the number of links into every other block stays.
    let blocks = f.graph.reachable_blocks();
    let preds: HashMap<Block, usize> = crate::incoming_links(f.graph, &blocks)
        .into_iter()
        .map(|(b, links)| (b, links.len()))
        .collect();
    for a in blocks {
        merge_from(f, a, &preds);
    }
}

/// The test at the end of a block: `(tested value, constant, operation, switch variable)`.
fn eq_test(f: &Func, b: Block) -> Option<(Value<LlConst>, i64, LlOp, Var)> {
    let d = &f.graph.blocks[b];
    let ExitSwitch::Value(Value::Var(c)) = &d.exitswitch else {
        return None;
    };
    if d.exits.len() != 2 {
        return None;
    }
    let last = d.ops.last()?;
    if last.result != *c || !matches!(last.op, LlOp::IntEq | LlOp::CharEq) {
        return None;
    }
    let konst = |v: &Value<LlConst>| match v {
        Value::Const(LlConst::Signed(i)) => Some(*i),
        Value::Const(LlConst::Char(ch)) => Some(*ch as i64),
        _ => None,
    };
    let (x, k) = match (&last.args[0], &last.args[1]) {
        (x @ Value::Var(_), k) => (x.clone(), konst(k)?),
        (k, x @ Value::Var(_)) => (x.clone(), konst(k)?),
        _ => return None,
    };
    // The test's result serves the switch only.
    let used_elsewhere = d
        .exits
        .iter()
        .any(|l| l.args.contains(&LinkArg::Value(Value::Var(*c))));
    if used_elsewhere {
        return None;
    }
    Some((x, k, last.op, *c))
}

fn exit(d: &rpy_model::BlockData<LlOp, LlConst>, b: bool) -> Option<Link<LlConst>> {
    d.exits
        .iter()
        .find(|l| l.case == ExitCase::Bool(b))
        .cloned()
}

fn merge_from(f: &mut Func, a: Block, preds: &HashMap<Block, usize>) -> Option<()> {
    let (x, k, kind, _) = eq_test(f, a)?;
    let da = &f.graph.blocks[a];
    let mut cases: Vec<(i64, Link<LlConst>)> = vec![(k, exit(da, true)?)];
    let mut otherwise = exit(da, false)?;
    loop {
        let b = otherwise.target;
        if f.graph.is_final(b) || preds.get(&b) != Some(&1) || b == a {
            break;
        }
        let db = &f.graph.blocks[b];
        if db.ops.len() != 1 {
            break;
        }
        let Some((y, k2, kind2, _)) = eq_test(f, b) else {
            break;
        };
        if kind2 != kind || cases.iter().any(|(c, _)| *c == k2) {
            break;
        }
        // `y` must be the input variable receiving `x`.
        let Value::Var(y) = y else { break };
        let Some(j) = db.inputargs.iter().position(|v| *v == y) else {
            break;
        };
        if otherwise.args[j] != LinkArg::Value(x.clone()) {
            break;
        }
        let mut map = HashMap::new();
        for (v, arg) in db.inputargs.iter().zip(&otherwise.args) {
            if let LinkArg::Value(val) = arg {
                map.insert(*v, val.clone());
            }
        }
        let remap = |l: Link<LlConst>| Link {
            args: l.args.iter().map(|a| subst_arg(a, &map)).collect(),
            ..l
        };
        let (t, e) = (exit(db, true)?, exit(db, false)?);
        cases.push((k2, remap(t)));
        otherwise = remap(e);
    }
    if cases.len() < MIN_CASES {
        return None;
    }
    let da = &mut f.graph.blocks[a];
    da.ops.pop();
    da.exitswitch = ExitSwitch::Value(x);
    let mut exits: Vec<Link<LlConst>> = cases
        .into_iter()
        .map(|(k, l)| Link {
            case: ExitCase::Int(k),
            ..l
        })
        .collect();
    otherwise.case = ExitCase::Default;
    exits.push(otherwise);
    da.exits = exits;
    Some(())
}
