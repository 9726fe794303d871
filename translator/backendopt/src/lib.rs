//! Backend optimisations of the low-level graphs, between the rtyper and `lower`, as an ordered
//! pipeline of passes, each in its own file and each with a name that turns it off:
//!
//! 1. `asserts` (only at `--opt=3`): the branches that raise `AssertionError` are removed;
//! 2. `inline`: calls of small functions are replaced by a copy of their graph, callees first;
//! 3. `listiter`: `list_iter_next` becomes loads, a bounds test and a store, so that the iterator
//!    of a `for` loop is an ordinary struct;
//! 4. `mallocs`: structs that never escape their function become one variable per field;
//! 5. `constfold`: operations on constants are folded, constant switches keep one exit, input
//!    variables that always receive the same constant become it, unused results go away;
//! 6. `storesink`: a field loaded again (or just stored) in the same block, and a pure operation
//!    repeated on the same operands, reuse the earlier value;
//! 7. `switches`: chains of equality tests of one variable against constants become one switch.
//!
//! The graphs are in the rtyper's dialect: a block whose exit switch is `last_exception` catches
//! the exceptions of its last operation. Every pass keeps that, keeps variables local to their
//! block, and keeps the function's `types` in step with its variables.
//!
//! Relies only on `rpy-model` (and `petgraph` for the call graph's strongly connected components).

pub mod asserts;
pub mod constfold;
pub mod inline;
pub mod listiter;
pub mod mallocs;
pub mod storesink;
pub mod switches;

use rpy_model::llop::{LlConst, LlFunction, LlGraph, LlProgram};
use rpy_model::lltype::LlType;
use rpy_model::{Block, Var};
use std::collections::HashMap;

/// The names of the passes, in pipeline order.
pub const PASSES: &[&str] = &[
    "asserts",
    "inline",
    "listiter",
    "mallocs",
    "constfold",
    "storesink",
    "switches",
];

/// Which passes run, and the inlining budget.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub enabled: Vec<&'static str>,
    /// A callee whose cost (see `inline::cost`) is at most this is inlined.
    pub inline_threshold: u32,
}

impl Config {
    /// The passes of an optimisation level, as RPython defines the levels: none at 0, every
    /// pass with a small inlining budget at 1, the full budget at 2, and assert removal at 3.
    pub fn for_level(level: u32) -> Config {
        let mut enabled: Vec<&'static str> = match level {
            0 => vec![],
            _ => PASSES.iter().copied().filter(|p| *p != "asserts").collect(),
        };
        if level >= 3 {
            enabled.insert(0, "asserts");
        }
        Config {
            enabled,
            inline_threshold: match level {
                0 | 1 => 12,
                _ => 24,
            },
        }
    }
    /// Only the named passes (for pass tests).
    pub fn only(names: &[&str]) -> Result<Config, String> {
        let mut c = Config::for_level(2);
        c.enabled.clear();
        for n in names {
            c.enabled.push(pass_name(n)?);
        }
        Ok(c)
    }
    /// Turns a pass off by name.
    pub fn disable(&mut self, name: &str) -> Result<(), String> {
        let n = pass_name(name)?;
        self.enabled.retain(|p| *p != n);
        Ok(())
    }
    pub fn on(&self, name: &str) -> bool {
        self.enabled.contains(&name)
    }
}

fn pass_name(name: &str) -> Result<&'static str, String> {
    PASSES.iter().copied().find(|p| *p == name).ok_or_else(|| {
        format!(
            "unknown pass '{name}' (the passes are {})",
            PASSES.join(", ")
        )
    })
}

/// Runs the enabled passes over every function of the program.
pub fn optimize(p: &mut LlProgram, cfg: &Config) {
    if cfg.on("asserts") {
        let types = p.types.clone();
        for_each_graph(p, |f| asserts::remove(f, &types));
    }
    if cfg.on("inline") {
        inline::inline_program(p, cfg.inline_threshold);
    }
    if cfg.on("listiter") {
        let types = p.types.clone();
        let stop = p
            .class_names
            .iter()
            .find(|(_, n)| n == "builtins.StopIteration")
            .map(|(id, _)| *id);
        if let Some(stop) = stop {
            for_each_graph(p, |f| listiter::expand(f, &types, stop));
        }
    }
    // Folding after a removal can make more structs removable (a dispatch on the class of a
    // removed instance becomes constant), so the two run twice.
    for _ in 0..2 {
        if cfg.on("mallocs") {
            let types = p.types.clone();
            let kept: Vec<_> = p.destructors.iter().map(|d| d.0).collect();
            for_each_graph(p, |f| mallocs::remove(f, &types, &kept));
        }
        if cfg.on("constfold") {
            for_each_graph(p, constfold::fold);
        }
    }
    if cfg.on("storesink") {
        for_each_graph(p, storesink::sink);
        if cfg.on("constfold") {
            for_each_graph(p, constfold::fold);
        }
    }
    if cfg.on("switches") {
        for_each_graph(p, switches::merge);
    }
    for_each_graph(p, |f| rpy_model::simplify::simplify(f.graph));
}

/// A graph and the low-level type of each of its variables, as the passes see a function.
pub struct Func<'a> {
    pub graph: &'a mut LlGraph,
    pub types: &'a mut Vec<LlType>,
}

impl Func<'_> {
    /// A new variable of a type.
    pub fn new_var(&mut self, hint: &str, t: LlType) -> Var {
        let v = self.graph.new_var(hint);
        self.types.push(t);
        debug_assert_eq!(self.types.len(), self.graph.vars.len());
        v
    }
    pub fn ty(&self, v: Var) -> LlType {
        self.types[v.0 as usize]
    }
    /// Gives the variables the graph created by itself (block splitting) the types of the
    /// variables they copy.
    pub fn sync_types(&mut self, copies: &[(Var, Var)]) {
        for (new, old) in copies {
            let t = self.ty(*old);
            if self.types.len() <= new.0 as usize {
                self.types.resize(new.0 as usize + 1, LlType::Void);
            }
            self.types[new.0 as usize] = t;
        }
    }
}

fn for_each_graph(p: &mut LlProgram, mut f: impl FnMut(&mut Func)) {
    for func in &mut p.functions {
        if let LlFunction::Graph { graph, types, .. } = func {
            f(&mut Func { graph, types });
        }
    }
}

/// The links into each block of `blocks`: the source block and the index of the link among its
/// exits.
pub fn incoming_links(g: &LlGraph, blocks: &[Block]) -> HashMap<Block, Vec<(Block, usize)>> {
    let mut incoming: HashMap<Block, Vec<(Block, usize)>> = HashMap::new();
    for &b in blocks {
        for (i, l) in g.blocks[b].exits.iter().enumerate() {
            incoming.entry(l.target).or_default().push((b, i));
        }
    }
    incoming
}

/// The zero value of a type, which a fresh `malloc` gives every field.
pub fn zero(t: LlType) -> LlConst {
    match t {
        LlType::Void => LlConst::Void,
        LlType::Bool => LlConst::Bool(false),
        LlType::Signed | LlType::Fixed(_) => LlConst::Signed(0),
        LlType::Float => LlConst::Float(0.0),
        LlType::Char => LlConst::Char(0),
        LlType::Ptr(id) => LlConst::Null(id),
    }
}
