//! The flow-graph model shared by the flow graphs and the low-level graphs, as RPython has it:
//! blocks with input variables, a list of operations, an exit switch and links that carry values
//! to the input variables of the next block. A variable is local to the block that defines it
//! (as an input variable or an operation result); values cross blocks only along links. Every graph
//! has one start block, one return block (one input variable) and one except block (two input
//! variables: the exception class and the exception value).
//!
//! The graph is generic over its operation set `O` and its constants `C`, so the flow IR and the
//! low-level IR share structure, printing, cleanup and verification.

use crate::entity::PrimaryMap;
use crate::span::Span;
use std::fmt::{Display, Write};

crate::entity!(Block, "block");
crate::entity!(Var, "v");

/// An operand: a variable of the current block or a constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<C> {
    Var(Var),
    Const(C),
}

impl<C> Value<C> {
    pub fn as_var(&self) -> Option<Var> {
        match self {
            Value::Var(v) => Some(*v),
            Value::Const(_) => None,
        }
    }
    pub fn as_const(&self) -> Option<&C> {
        match self {
            Value::Var(_) => None,
            Value::Const(c) => Some(c),
        }
    }
}

/// Data of one variable: a name hint for dumps and generated code.
#[derive(Clone, Debug)]
pub struct VarData {
    pub hint: String,
}

/// One operation: `result = op(args)`.
#[derive(Clone, Debug)]
pub struct Operation<O, C> {
    pub op: O,
    pub args: Vec<Value<C>>,
    pub result: Var,
    pub span: Span,
}

/// How a block chooses its exit.
#[derive(Clone, Debug, PartialEq)]
pub enum ExitSwitch<C> {
    /// Exactly one exit (or none for the return and except blocks).
    None,
    /// Branch on a value: the exits carry `ExitCase::Bool` or `ExitCase::Int` cases, and possibly
    /// one `ExitCase::Default`.
    Value(Value<C>),
    /// The block's last operation may raise: exit 0 is the normal path, the other exits carry
    /// `ExitCase::Exception` and are taken when the raised exception matches.
    LastException,
}

/// The case of a link.
#[derive(Clone, Debug, PartialEq)]
pub enum ExitCase<C> {
    Always,
    Bool(bool),
    Int(i64),
    Default,
    /// An exception class (as a constant of the IR); the link's arguments may use
    /// `LinkArg::LastException` and `LinkArg::LastExcValue`.
    Exception(C),
}

/// A link argument: an operand, or on an exception link the caught exception's class or value.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkArg<C> {
    Value(Value<C>),
    LastException,
    LastExcValue,
}

/// An edge to `target`, passing `args` to its input variables.
#[derive(Clone, Debug)]
pub struct Link<C> {
    pub case: ExitCase<C>,
    pub args: Vec<LinkArg<C>>,
    pub target: Block,
    pub span: Option<Span>,
}

/// One basic block.
#[derive(Clone, Debug)]
pub struct BlockData<O, C> {
    pub inputargs: Vec<Var>,
    pub ops: Vec<Operation<O, C>>,
    pub exitswitch: ExitSwitch<C>,
    pub exits: Vec<Link<C>>,
}

impl<O, C> BlockData<O, C> {
    pub fn new(inputargs: Vec<Var>) -> Self {
        BlockData {
            inputargs,
            ops: Vec::new(),
            exitswitch: ExitSwitch::None,
            exits: Vec::new(),
        }
    }
}

/// A function's graph.
#[derive(Clone, Debug)]
pub struct Graph<O, C> {
    /// Unique name of the graph in the program (qualified, with a specialisation suffix).
    pub name: String,
    /// The span of the function definition.
    pub span: Span,
    pub blocks: PrimaryMap<Block, BlockData<O, C>>,
    pub vars: PrimaryMap<Var, VarData>,
    pub startblock: Block,
    pub returnblock: Block,
    pub exceptblock: Block,
}

impl<O, C> Graph<O, C> {
    /// A graph with a start block taking `params`, and empty return and except blocks.
    pub fn new(name: &str, span: Span, params: &[&str]) -> Self {
        let mut g = Graph {
            name: name.to_string(),
            span,
            blocks: PrimaryMap::new(),
            vars: PrimaryMap::new(),
            startblock: Block(0),
            returnblock: Block(0),
            exceptblock: Block(0),
        };
        let args = params.iter().map(|p| g.new_var(p)).collect();
        g.startblock = g.blocks.push(BlockData::new(args));
        let r = g.new_var("result");
        g.returnblock = g.blocks.push(BlockData::new(vec![r]));
        let et = g.new_var("etype");
        let ev = g.new_var("evalue");
        g.exceptblock = g.blocks.push(BlockData::new(vec![et, ev]));
        g
    }
    pub fn new_var(&mut self, hint: &str) -> Var {
        self.vars.push(VarData {
            hint: hint.to_string(),
        })
    }
    pub fn new_block(&mut self, inputargs: Vec<Var>) -> Block {
        self.blocks.push(BlockData::new(inputargs))
    }
    pub fn params(&self) -> &[Var] {
        &self.blocks[self.startblock].inputargs
    }
    pub fn is_final(&self, b: Block) -> bool {
        b == self.returnblock || b == self.exceptblock
    }

    /// Blocks reachable from the start block, in depth-first preorder (exits in order), then
    /// the return and except blocks. This is the order of every text form.
    pub fn reachable_blocks(&self) -> Vec<Block> {
        let mut seen = vec![false; self.blocks.len()];
        let mut order = Vec::new();
        let mut stack = vec![self.startblock];
        seen[self.returnblock.0 as usize] = true;
        seen[self.exceptblock.0 as usize] = true;
        seen[self.startblock.0 as usize] = true;
        while let Some(b) = stack.pop() {
            order.push(b);
            for l in self.blocks[b].exits.iter().rev() {
                if !seen[l.target.0 as usize] {
                    seen[l.target.0 as usize] = true;
                    stack.push(l.target);
                }
            }
        }
        order.push(self.returnblock);
        order.push(self.exceptblock);
        order
    }
}

/// How an IR's operations and constants print in the text form.
pub trait IrDisplay {
    fn fmt_ir(&self, f: &mut String);
}

impl<O: Display, C: IrDisplay> Graph<O, C> {
    /// The deterministic text form. Variables and blocks are renumbered in print order, so the text
    /// depends only on the graph's shape. `var_note` adds an annotation after each variable
    /// definition (`v3: int`).
    pub fn to_text(&self, var_note: &dyn Fn(Var) -> Option<String>) -> String {
        let order = self.reachable_blocks();
        let mut bnum = vec![usize::MAX; self.blocks.len()];
        for (i, b) in order.iter().enumerate() {
            bnum[b.0 as usize] = i;
        }
        let mut vnum = vec![usize::MAX; self.vars.len()];
        let mut next = 0;
        let mut name = |v: Var, vnum: &mut Vec<usize>| -> String {
            let i = v.0 as usize;
            if vnum[i] == usize::MAX {
                vnum[i] = next;
                next += 1;
            }
            format!("v{}", vnum[i])
        };
        let mut out = String::new();
        let _ = writeln!(out, "graph {} {{", self.name);
        for &b in &order {
            let data = &self.blocks[b];
            let label = if b == self.returnblock {
                "return".to_string()
            } else if b == self.exceptblock {
                "except".to_string()
            } else {
                format!("block{}", bnum[b.0 as usize])
            };
            let args: Vec<String> = data
                .inputargs
                .iter()
                .map(|&v| {
                    let n = name(v, &mut vnum);
                    match var_note(v) {
                        Some(t) => format!("{n}: {t}"),
                        None => n,
                    }
                })
                .collect();
            let _ = writeln!(out, "  {label}({}):", args.join(", "));
            for op in &data.ops {
                let mut line = String::new();
                let r = name(op.result, &mut vnum);
                let _ = write!(line, "    {r}");
                if let Some(t) = var_note(op.result) {
                    let _ = write!(line, ": {t}");
                }
                let _ = write!(line, " = {}(", op.op);
                for (i, a) in op.args.iter().enumerate() {
                    if i > 0 {
                        line.push_str(", ");
                    }
                    fmt_value(a, &mut line, &mut |v| name(v, &mut vnum));
                }
                line.push(')');
                let _ = writeln!(out, "{line}");
            }
            match &data.exitswitch {
                ExitSwitch::None => {}
                ExitSwitch::Value(v) => {
                    let mut s = String::new();
                    fmt_value(v, &mut s, &mut |v| name(v, &mut vnum));
                    let _ = writeln!(out, "    switch {s}");
                }
                ExitSwitch::LastException => {
                    let _ = writeln!(out, "    switch last_exception");
                }
            }
            for l in &data.exits {
                let mut s = String::from("    ");
                match &l.case {
                    ExitCase::Always => {}
                    ExitCase::Bool(b) => {
                        let _ = write!(s, "case {}: ", if *b { "True" } else { "False" });
                    }
                    ExitCase::Int(i) => {
                        let _ = write!(s, "case {i}: ");
                    }
                    ExitCase::Default => s.push_str("default: "),
                    ExitCase::Exception(c) => {
                        s.push_str("catch ");
                        c.fmt_ir(&mut s);
                        s.push_str(": ");
                    }
                }
                let target = if l.target == self.returnblock {
                    "return".to_string()
                } else if l.target == self.exceptblock {
                    "except".to_string()
                } else {
                    format!("block{}", bnum[l.target.0 as usize])
                };
                let _ = write!(s, "goto {target}(");
                for (i, a) in l.args.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    match a {
                        LinkArg::Value(v) => fmt_value(v, &mut s, &mut |v| name(v, &mut vnum)),
                        LinkArg::LastException => s.push_str("last_exception"),
                        LinkArg::LastExcValue => s.push_str("last_exc_value"),
                    }
                }
                s.push(')');
                let _ = writeln!(out, "{s}");
            }
        }
        out.push_str("}\n");
        out
    }
}

fn fmt_value<C: IrDisplay>(v: &Value<C>, out: &mut String, name: &mut dyn FnMut(Var) -> String) {
    match v {
        Value::Var(v) => out.push_str(&name(*v)),
        Value::Const(c) => c.fmt_ir(out),
    }
}

/// Formats a float as Python's repr would for the common cases (text forms only).
pub fn fmt_float(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if x == x.trunc() && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x:?}")
    }
}
