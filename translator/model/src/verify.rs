//! The structural verifier of graphs, run after every stage and pass in tests.
//!
//! It checks, for any operation set:
//! - every variable is defined once in the graph (as an input variable or a result), and used only
//!   in the block that defines it, after its definition;
//! - every link passes as many values as its target has input variables, and targets a block of
//!   the graph;
//! - exit switches agree with exits: no switch means at most one `Always` exit; a value switch has
//!   two or more `Bool`/`Int`/`Default` cases; `LastException` has a normal `Always` exit first,
//!   then `Exception` exits, and follows at least one operation;
//! - `last_exception` / `last_exc_value` appear only on exception links;
//! - the return block has one input variable, the except block two, and neither has exits;
//! - operations have the arity of the operation table.
//!
//! Only blocks reachable from the start block are checked: passes may leave unreachable ones.
//! Not yet checked: types (the rtyper's own checks cover them).

use crate::graph::{ExitCase, ExitSwitch, Graph, LinkArg, Value, Var};
use std::fmt::Display;

/// Access to the arity of an operation set's table.
pub trait OpArity {
    fn arity(&self) -> Option<usize>;
}

impl OpArity for crate::flowop::FlowOp {
    fn arity(&self) -> Option<usize> {
        self.props().arity
    }
}

impl OpArity for crate::llop::LlOp {
    fn arity(&self) -> Option<usize> {
        self.props().arity
    }
}

/// Verifies a graph; returns every problem found, each naming its block.
pub fn verify<O: OpArity + Display, C>(g: &Graph<O, C>) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    let mut defined_in = vec![None; g.vars.len()];
    let reachable = g.reachable_blocks();
    for &b in &reachable {
        let data = &g.blocks[b];
        let defs = data
            .inputargs
            .iter()
            .copied()
            .chain(data.ops.iter().map(|op| op.result));
        for v in defs {
            if v.0 as usize >= g.vars.len() {
                errors.push(format!("{b}: variable {v} out of range"));
                continue;
            }
            if let Some(other) = defined_in[v.0 as usize] {
                errors.push(format!("{b}: {v} already defined in {other}"));
            }
            defined_in[v.0 as usize] = Some(b);
        }
    }
    for &b in &reachable {
        let data = &g.blocks[b];
        let mut known: Vec<Var> = data.inputargs.clone();
        let check = |v: &Value<C>, known: &Vec<Var>, what: &str, errors: &mut Vec<String>| {
            if let Value::Var(v) = v {
                if !known.contains(v) {
                    errors.push(format!(
                        "{b}: {what} uses {v}, not defined before in this block"
                    ));
                }
            }
        };
        for op in &data.ops {
            for a in &op.args {
                check(a, &known, op.op.to_string().as_str(), &mut errors);
            }
            if let Some(n) = op.op.arity() {
                if op.args.len() != n {
                    errors.push(format!(
                        "{b}: {} takes {n} arguments, has {}",
                        op.op,
                        op.args.len()
                    ));
                }
            }
            known.push(op.result);
        }
        if let ExitSwitch::Value(v) = &data.exitswitch {
            check(v, &known, "exit switch", &mut errors);
        }
        for l in &data.exits {
            if l.target.0 as usize >= g.blocks.len() {
                errors.push(format!("{b}: link to missing block"));
                continue;
            }
            let n = g.blocks[l.target].inputargs.len();
            if l.args.len() != n {
                errors.push(format!(
                    "{b}: link to {} passes {} values for {n}",
                    l.target,
                    l.args.len()
                ));
            }
            let exc = matches!(l.case, ExitCase::Exception(_));
            for a in &l.args {
                match a {
                    LinkArg::Value(v) => check(v, &known, "link", &mut errors),
                    _ if !exc => errors.push(format!("{b}: exception value on a normal link")),
                    _ => {}
                }
            }
        }
        let final_block = g.is_final(b);
        match &data.exitswitch {
            ExitSwitch::None => {
                let ok = if final_block {
                    data.exits.is_empty()
                } else {
                    data.exits.len() == 1 && matches!(data.exits[0].case, ExitCase::Always)
                };
                if !ok {
                    errors.push(format!("{b}: wrong exits for a block without switch"));
                }
            }
            ExitSwitch::Value(_) => {
                let ok = data.exits.len() >= 2
                    && data.exits.iter().all(|l| {
                        matches!(
                            l.case,
                            ExitCase::Bool(_) | ExitCase::Int(_) | ExitCase::Default
                        )
                    });
                if !ok {
                    errors.push(format!("{b}: wrong exits for a value switch"));
                }
            }
            ExitSwitch::LastException => {
                let ok = !data.ops.is_empty()
                    && data.exits.len() >= 2
                    && matches!(data.exits[0].case, ExitCase::Always)
                    && data.exits[1..]
                        .iter()
                        .all(|l| matches!(l.case, ExitCase::Exception(_)));
                if !ok {
                    errors.push(format!("{b}: wrong exits for a last-exception switch"));
                }
            }
        }
    }
    if g.blocks[g.returnblock].inputargs.len() != 1 {
        errors.push("the return block must have one input variable".into());
    }
    if g.blocks[g.exceptblock].inputargs.len() != 2 {
        errors.push("the except block must have two input variables".into());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
