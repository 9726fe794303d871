//! Builds the flow graph of one function by abstract interpretation of its syntax tree.
//!
//! The builder walks statements with a current block and an environment mapping each local name
//! to a value of that block (a variable or a constant). Control flow creates new blocks whose input
//! variables are the names live at that point; a name unassigned on some incoming path of a join
//! (or before a loop) is unassigned after it, as in RPython, and using it is an error.
//! Globals, closure cells and attributes of modules are constants taken from the snapshot, and
//! operations whose operands are all constants are folded (an `if` on a constant keeps one branch;
//! `we_are_translated()` is true). A constant or another variable assigned to a local name is
//! copied (`same_as`) so that the annotator can say where the name got its value; temporaries of
//! the builder are named `#<what><n>`, which messages translate.
//!
//! `for` over `range(...)` becomes a counting loop; any other `for` uses `iter`/`next`, where `next`
//! ends its block and a `StopIteration` exception link leaves the loop. Two pseudo-builtins carry
//! checks the annotator types: `#range(start, stop, step)` (integer bounds, and a variable step
//! checked at run time) and `#unpack(value, n)` (does a value unpacked into `n` targets have `n`
//! items; a branch raises `ValueError` when not, as CPython does).
//!
//! Errors are collected, not fatal: after a construct outside the subset the builder goes on, and
//! the names that construct would bind (`FuncDef::poisoned`) are not reported again.
//!
//! Relies on `ast.rs` (the syntax tree), the snapshot and the flow IR of `rpy-model`.

use crate::ast::*;
use crate::parse::parse_module;
use indexmap::IndexMap;
use rpy_model::flowop::{Const, FlowGraph, FlowOp};
use rpy_model::graph::{ExitCase, ExitSwitch, Link, LinkArg, Operation, Value};
use rpy_model::simplify::simplify;
use rpy_model::snapshot::{FunctionObj, ObjId, PyObject, PyValue, Snapshot};
use rpy_model::{Block, Diagnostic, Diagnostics, FileId, SourceMap, Span, Var};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

mod sugar;

/// The key of a function to build: its object in the snapshot.
pub type FuncKey = ObjId;

/// Names that resolve to builtins when no global of that name exists.
const BUILTIN_NAMES: &[&str] = &[
    "len",
    "print",
    "range",
    "int",
    "float",
    "str",
    "bool",
    "abs",
    "min",
    "max",
    "ord",
    "chr",
    "isinstance",
    "list",
    "tuple",
    "repr",
    "hash",
    "sum",
    "any",
    "all",
    "sorted",
    "reversed",
    "iter",
    "next",
    "enumerate",
    "zip",
    "object",
    "type",
    "id",
    "bytes",
    "bytearray",
    "dict",
    "set",
    "divmod",
    "round",
    "pow",
    "hex",
    "oct",
    "bin",
    "getattr",
    "setattr",
    "Exception",
    "BaseException",
    "ValueError",
    "IndexError",
    "KeyError",
    "ZeroDivisionError",
    "OverflowError",
    "AssertionError",
    "RuntimeError",
    "RecursionError",
    "NotImplementedError",
    "MemoryError",
    "StopIteration",
    "TypeError",
    "OSError",
    "AttributeError",
    "LookupError",
    "ArithmeticError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
];

/// State shared by the building of all graphs: the snapshot, the source files and parsed
/// modules, and the diagnostics.
pub struct FlowContext<'s> {
    pub snapshot: &'s Snapshot,
    pub sources: SourceMap,
    pub diags: Diagnostics,
    modules: HashMap<String, Option<(FileId, Rc<Module>)>>,
    /// Functions whose graph could not be built: their errors are reported once.
    failed: HashSet<ObjId>,
}

impl<'s> FlowContext<'s> {
    pub fn new(snapshot: &'s Snapshot) -> Self {
        FlowContext {
            snapshot,
            sources: SourceMap::default(),
            diags: Diagnostics::default(),
            modules: HashMap::new(),
            failed: HashSet::new(),
        }
    }

    /// The flow constant for a snapshot value.
    pub fn const_of(&self, v: &PyValue) -> Result<Const, String> {
        const_of(self.snapshot, v)
    }

    fn module(&mut self, path: &str) -> Option<(FileId, Rc<Module>)> {
        if let Some(m) = self.modules.get(path) {
            return m.clone();
        }
        let res = match read_source(path) {
            Ok(text) => {
                let id = self.sources.add(path, &text);
                match parse_module(self.sources.file(id), id) {
                    Ok(m) => Some((id, Rc::new(m))),
                    Err(d) => {
                        self.diags.push(d);
                        None
                    }
                }
            }
            Err(e) => {
                self.diags
                    .push(Diagnostic::new("E0002", format!("cannot read {path}: {e}")));
                None
            }
        };
        self.modules.insert(path.to_string(), res.clone());
        res
    }

    /// A span for a function object: its `def` header, found by parsing its file.
    pub fn function_span(&mut self, func: ObjId) -> Option<Span> {
        let PyObject::Function(f) = self.snapshot.obj(func) else {
            return None;
        };
        let (_, module) = self.module(&f.file)?;
        find_def(&module, f).map(|d| d.span)
    }

    /// The parameter names of a function, from its source.
    pub fn function_params(&mut self, func: ObjId) -> Option<Vec<String>> {
        let PyObject::Function(f) = self.snapshot.obj(func) else {
            return None;
        };
        let (_, module) = self.module(&f.file)?;
        find_def(&module, f).map(|d| d.params.iter().map(|p| p.name.clone()).collect())
    }

    /// Builds the flow graph of a function; `None` after recording diagnostics.
    pub fn build_graph(&mut self, func: ObjId) -> Option<FlowGraph> {
        if self.failed.contains(&func) {
            return None;
        }
        let g = self.build_graph_once(func);
        if g.is_none() {
            self.failed.insert(func);
        }
        g
    }

    fn build_graph_once(&mut self, func: ObjId) -> Option<FlowGraph> {
        let PyObject::Function(f) = self.snapshot.obj(func) else {
            self.diags
                .push(Diagnostic::new("E0003", "internal: not a function"));
            return None;
        };
        let f = f.clone();
        let (_, module) = self.module(&f.file)?;
        let Some(def) = find_def(&module, &f) else {
            self.diags.push(Diagnostic::new(
                "E0004",
                format!(
                    "cannot find the source of function `{}` in {} (line {})",
                    f.qualname, f.file, f.line
                ),
            ));
            return None;
        };
        let def = def.clone();
        let errors_before = self.diags.errors.len();
        if let Some((span, what)) = def.unsupported_params {
            self.diags.push(not_rpython(span, what));
            return None;
        }
        let params: Vec<&str> = def.params.iter().map(|p| p.name.as_str()).collect();
        let g = FlowGraph::new(&f.qualname, def.span, &params);
        let mut env = IndexMap::new();
        for (p, v) in def
            .params
            .iter()
            .zip(g.blocks[g.startblock].inputargs.clone())
        {
            env.insert(p.name.clone(), Value::Var(v));
        }
        let mut locals: HashSet<String> = def.params.iter().map(|p| p.name.clone()).collect();
        let mut globals = HashSet::new();
        scan_locals(&def.body, &mut locals, &mut globals);
        for gname in &globals {
            locals.remove(gname);
        }
        let start = g.startblock;
        let mut b = Builder {
            cx: self,
            func: &f,
            g,
            cur: Some(start),
            env,
            locals,
            globals,
            poisoned: def.poisoned.iter().cloned().collect(),
            suppressed: vec![],
            loops: vec![],
            tmp: 0,
            first_param: def.params.first().map(|p| p.name.clone()),
            try_stack: vec![],
            raise_points: vec![],
            handling: vec![],
        };
        b.stmts(&def.body);
        if let Some(cur) = b.cur {
            let span = def.span;
            b.link_to_return(cur, Value::Const(Const::None), span);
        }
        b.link_raise_points();
        let suppressed = std::mem::take(&mut b.suppressed);
        let mut g = b.g;
        if self.diags.errors.len() == errors_before {
            // The construct that explains them was not reached: these errors stand alone.
            self.diags.errors.extend(suppressed);
        }
        if self.diags.errors.len() > errors_before {
            return None;
        }
        simplify(&mut g);
        Some(g)
    }
}

/// The text of a source file: UTF-8, or Latin-1 when a coding declaration (PEP 263) in its
/// first two lines says so.
fn read_source(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.into_bytes();
            let head: Vec<&[u8]> = bytes.split(|b| *b == b'\n').take(2).collect();
            let latin1 = head.iter().any(|line| {
                let line = String::from_utf8_lossy(line).to_ascii_lowercase();
                line.trim_start().starts_with('#')
                    && line.contains("coding")
                    && [
                        "latin-1",
                        "latin_1",
                        "latin1",
                        "iso-8859-1",
                        "iso8859-1",
                        "iso_8859_1",
                    ]
                    .iter()
                    .any(|n| line.contains(n))
            });
            if latin1 {
                Ok(bytes.iter().map(|b| *b as char).collect())
            } else {
                Err("the file is not UTF-8 (the translator reads UTF-8 and Latin-1 sources)".into())
            }
        }
    }
}

/// The definition of a function object in its parsed module.
fn find_def<'m>(module: &'m Module, f: &FunctionObj) -> Option<&'m FuncDef> {
    module
        .find(&f.name, f.line, Some(f.col))
        .or_else(|| module.find(&f.name, f.def_line, Some(f.col)))
}

fn not_rpython(span: Span, what: &str) -> Diagnostic {
    Diagnostic::new("E0100", format!("not RPython (yet): {what}"))
        .at(span, "not supported by the translator")
}

/// The flow constant for a snapshot value.
pub fn const_of(snapshot: &Snapshot, v: &PyValue) -> Result<Const, String> {
    Ok(match v {
        PyValue::None => Const::None,
        PyValue::Bool(b) => Const::Bool(*b),
        PyValue::Int(i) => Const::Int(*i),
        PyValue::BigInt(s) => {
            return Err(format!(
                "integer constant {s} does not fit in a machine word"
            ))
        }
        PyValue::Float(x) => Const::Float(*x),
        PyValue::Str(s) => Const::Str(s.clone()),
        PyValue::Bytes(b) => Const::Bytes(b.clone()),
        PyValue::Ref(id) => match snapshot.obj(*id) {
            PyObject::Builtin { name } => Const::Builtin(normalize_builtin(name).into()),
            PyObject::Module { name, .. } => Const::Obj(*id, format!("module {name}").into()),
            PyObject::Function(f) => Const::Obj(*id, format!("function {}", f.qualname).into()),
            PyObject::List(_) => Const::Obj(*id, format!("list#{}", id.0).into()),
            PyObject::Tuple(_) => Const::Obj(*id, format!("tuple#{}", id.0).into()),
            PyObject::Class { qualname, .. } => Const::Obj(*id, format!("class {qualname}").into()),
            PyObject::Instance { .. } => Const::Obj(*id, format!("instance#{}", id.0).into()),
            PyObject::Dict(_) => Const::Obj(*id, format!("dict#{}", id.0).into()),
            PyObject::Set(_) => Const::Obj(*id, format!("set#{}", id.0).into()),
            PyObject::WeakRef(_) => Const::Obj(*id, format!("weakref#{}", id.0).into()),
            PyObject::StaticMethod(_) | PyObject::ClassMethod(_) => {
                Const::Obj(*id, "method".into())
            }
            PyObject::Opaque { type_name, .. } => {
                Const::Obj(*id, format!("{type_name} object").into())
            }
        },
    })
}

/// Builtin names as the translator knows them: `len` for `builtins.len`, `os.write` for
/// `posix.write`.
pub fn normalize_builtin(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("builtins.") {
        rest.to_string()
    } else if let Some(rest) = name.strip_prefix("posix.") {
        format!("os.{rest}")
    } else if name == "os.environ.get" {
        "os.getenv".to_string()
    } else if name == "os.remove" {
        "os.unlink".to_string()
    } else {
        name.to_string()
    }
}

fn scan_locals(body: &[Stmt], locals: &mut HashSet<String>, globals: &mut HashSet<String>) {
    fn target(t: &Target, locals: &mut HashSet<String>) {
        match t {
            Target::Name(n, _) => {
                locals.insert(n.clone());
            }
            Target::Tuple(ts, _) => ts.iter().for_each(|t| target(t, locals)),
            _ => {}
        }
    }
    for s in body {
        match &s.kind {
            StmtKind::Assign(ts, _) => ts.iter().for_each(|t| target(t, locals)),
            StmtKind::AugAssign(t, _, _) => target(t, locals),
            StmtKind::For(t, _, b, e) => {
                target(t, locals);
                scan_locals(b, locals, globals);
                scan_locals(e, locals, globals);
            }
            StmtKind::If(_, b, e) | StmtKind::While(_, b, e) => {
                scan_locals(b, locals, globals);
                scan_locals(e, locals, globals);
            }
            StmtKind::Global(names) => globals.extend(names.iter().cloned()),
            StmtKind::Import(bindings) => {
                for b in bindings {
                    locals.insert(b.name.clone());
                }
            }
            StmtKind::Try(b, hs, e, f) => {
                scan_locals(b, locals, globals);
                for h in hs {
                    if let Some(n) = &h.name {
                        locals.insert(n.clone());
                    }
                    scan_locals(&h.body, locals, globals);
                }
                scan_locals(e, locals, globals);
                scan_locals(f, locals, globals);
            }
            StmtKind::With(_, t, b) => {
                if let Some(t) = t {
                    target(t, locals);
                }
                scan_locals(b, locals, globals);
            }
            _ => {}
        }
    }
}

/// A `try` being built: the operations in its body that can raise, the explicit raises, and
/// its `finally` body if it is a `try`/`finally`.
struct TryCtx {
    points: Vec<usize>,
    raises: Vec<Pending>,
    loop_depth: usize,
    finally: Option<Vec<Stmt>>,
}

/// An operation that can raise inside a `try`: after the graph is built its block is split
/// after it, with an exception link to the handler block.
struct RaisePoint {
    block: Block,
    op_index: usize,
    env: Env,
    handler: Option<(Block, Vec<String>)>,
}

/// Constants of the `os` module (Linux values), folded like globals.
const OS_CONSTANTS: &[(&str, i64)] = &[
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_CREAT", 0o100),
    ("O_EXCL", 0o200),
    ("O_TRUNC", 0o1000),
    ("O_APPEND", 0o2000),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
];

/// The functions of `rpython.rlib` that the translator gives their translated meaning.
const RLIB_BUILTINS: &[&str] = &[
    "ovfcheck",
    "intmask",
    "widen",
    "compute_hash",
    "compute_identity_hash",
    "compute_unique_id",
    "instantiate",
    "promote",
    "promote_string",
    "hint",
    "we_are_jitted",
    "isconstant",
    "isvirtual",
    "ll_assert",
    "make_sure_not_resized",
    "jit_debug",
    "assert_green",
    "formatd",
    "set_param",
    "set_user_param",
    "record_known_result",
    "record_exact_class",
    "keepalive_until_here",
    "debug_print",
    "debug_start",
    "debug_stop",
    "have_debug_prints",
    "have_debug_prints_for",
    "debug_flush",
    "debug_offset",
    "debug_print_traceback",
    "fatalerror",
    "fatalerror_notb",
    "_debug_write",
    "r_int",
    "r_longlong",
    "longlongmask",
    "newlist_hint",
    "current_object_addr_as_int",
    "can_move",
    "ll_arraycopy",
    "has_weakref_support",
    "float2longlong",
    "longlong2float",
    "cast_instance_to_gcref",
    "cast_gcref_to_instance",
    "get_rpy_memory_usage",
    "get_rpy_type_index",
    "add_memory_pressure",
    "try_cast_gcref_to_instance",
];

/// The operations whose exceptions a `try` in the same function catches.
fn catchable(op: FlowOp) -> bool {
    matches!(
        op,
        FlowOp::Call
            | FlowOp::CallMethod
            | FlowOp::GetItem
            | FlowOp::SetItem
            | FlowOp::DelItem
            | FlowOp::Iter
            | FlowOp::FloorDiv
            | FlowOp::Mod
            | FlowOp::TrueDiv
            | FlowOp::Pow
            | FlowOp::LShift
            | FlowOp::RShift
            | FlowOp::CheckRangeStep
    )
}

type Env = IndexMap<String, Value<Const>>;

/// An exit of a block whose target is not decided yet, with the environment at that point.
struct Pending {
    block: Block,
    case: ExitCase<Const>,
    env: Env,
    /// An extra value produced by the block's last operation (the item of `next`).
    extra: Option<(String, Value<Const>)>,
    /// The source of the value this exit carries (an operand of `and`/`or`, a branch of a
    /// conditional expression), so that a type conflict at the join can point at it.
    span: Option<Span>,
}

struct LoopCtx {
    head: Block,
    names: Vec<String>,
    breaks: Vec<Pending>,
    /// An unrolled loop (over an `unrolling_iterable`): `continue` goes to the next copy of
    /// the body, through `continues`, instead of to a head block.
    unrolled: bool,
    continues: Vec<Pending>,
}

struct Builder<'c, 's> {
    cx: &'c mut FlowContext<'s>,
    func: &'c FunctionObj,
    g: FlowGraph,
    cur: Option<Block>,
    env: Env,
    locals: HashSet<String>,
    globals: HashSet<String>,
    /// Names bound by constructs outside the subset (see `FuncDef::poisoned`).
    poisoned: HashSet<String>,
    /// Errors about poisoned names, reported only if no other error explains them.
    suppressed: Vec<Diagnostic>,
    loops: Vec<LoopCtx>,
    tmp: u32,
    /// The first parameter (`self` of a method), for `super()`.
    first_param: Option<String>,
    try_stack: Vec<TryCtx>,
    raise_points: Vec<RaisePoint>,
    /// The environment names of the exceptions being handled (innermost last), for `raise`.
    handling: Vec<String>,
}

impl Builder<'_, '_> {
    fn error(&mut self, d: Diagnostic) {
        self.cx.diags.push(d);
    }

    fn fresh(&mut self, what: &str) -> String {
        self.tmp += 1;
        format!("#{what}{}", self.tmp)
    }

    /// Keeps a value in the environment while further evaluation may change blocks; `take` gets
    /// it back, as a value of whatever block is current then.
    fn hold(&mut self, v: Value<Const>) -> String {
        let name = self.fresh("t");
        self.env.insert(name.clone(), v);
        name
    }

    fn take(&mut self, name: &str) -> Value<Const> {
        self.env
            .shift_remove(name)
            .unwrap_or(Value::Const(Const::None))
    }

    /// Evaluates expressions left to right; the values are those of the block current at the end.
    fn eval_all<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> Vec<Value<Const>> {
        let names: Vec<String> = exprs
            .into_iter()
            .map(|e| {
                let v = self.expr(e);
                self.hold(v)
            })
            .collect();
        names.iter().map(|n| self.take(n)).collect()
    }

    /// `prefix` values already computed, then `exprs`: all as values of the final block.
    fn with_held(&mut self, prefix: Vec<Value<Const>>, exprs: &[&Expr]) -> Vec<Value<Const>> {
        let held: Vec<String> = prefix.into_iter().map(|v| self.hold(v)).collect();
        let rest = self.eval_all(exprs.iter().copied());
        let mut out: Vec<Value<Const>> = held.iter().map(|n| self.take(n)).collect();
        out.extend(rest);
        out
    }

    // ---- blocks and links ----

    fn emit(&mut self, op: FlowOp, args: Vec<Value<Const>>, span: Span) -> Value<Const> {
        self.emit_catching(op, args, span, catchable(op))
    }

    /// `emit`, with the operation's exceptions caught by an enclosing `try` if `catch` (a
    /// `next(it)` call is; the `next` of a `for` loop has its own exit for StopIteration).
    fn emit_catching(
        &mut self,
        op: FlowOp,
        args: Vec<Value<Const>>,
        span: Span,
        catch: bool,
    ) -> Value<Const> {
        if let Some(c) = fold(self.cx.snapshot, op, &args) {
            return Value::Const(c);
        }
        let Some(cur) = self.cur else {
            return Value::Const(Const::None);
        };
        let hint = match op {
            FlowOp::Call | FlowOp::CallMethod => "call",
            _ => op.name().trim_end_matches('_'),
        };
        let result = self.g.new_var(hint);
        if catch && !self.try_stack.is_empty() {
            let point = RaisePoint {
                block: cur,
                op_index: self.g.blocks[cur].ops.len(),
                env: self.env.clone(),
                handler: None,
            };
            self.raise_points.push(point);
            let i = self.raise_points.len() - 1;
            self.try_stack.last_mut().expect("try").points.push(i);
        }
        self.g.blocks[cur].ops.push(Operation {
            op,
            args,
            result,
            span,
        });
        Value::Var(result)
    }

    /// Whether a constant assigned to a local name is copied into a variable (see `Assign`).
    fn is_copied_const(&self, v: &Value<Const>) -> bool {
        match v {
            Value::Const(
                Const::None
                | Const::Bool(_)
                | Const::Int(_)
                | Const::Float(_)
                | Const::Str(_)
                | Const::Bytes(_),
            ) => true,
            Value::Const(Const::Obj(id, _)) => {
                matches!(self.cx.snapshot.obj(*id), PyObject::Function(_))
            }
            _ => false,
        }
    }

    /// A `same_as` of a value: a new variable with its own span.
    fn emit_copy(&mut self, v: Value<Const>, span: Span) -> Value<Const> {
        let Some(cur) = self.cur else { return v };
        let result = self.g.new_var("const");
        self.g.blocks[cur].ops.push(Operation {
            op: FlowOp::SameAs,
            args: vec![v],
            result,
            span,
        });
        Value::Var(result)
    }

    /// Ends the current block with one unconditional exit, decided later.
    fn pending_here(&mut self) -> Option<Pending> {
        self.pending_at(None)
    }

    /// Like `pending_here`, with the span of what produced the values the exit carries.
    fn pending_at(&mut self, span: Option<Span>) -> Option<Pending> {
        let cur = self.cur.take()?;
        Some(Pending {
            block: cur,
            case: ExitCase::Always,
            env: self.env.clone(),
            extra: None,
            span,
        })
    }

    /// Ends the current block with a switch on `cond`; returns the pending (true, false) exits.
    /// A constant condition gives only one of them.
    fn branch(&mut self, cond: Value<Const>) -> (Option<Pending>, Option<Pending>) {
        let Some(cur) = self.cur else {
            return (None, None);
        };
        match cond {
            Value::Const(c) => {
                let p = self.pending_here();
                if truth(&c).unwrap_or(true) {
                    (p, None)
                } else {
                    (None, p)
                }
            }
            v => {
                self.cur = None;
                self.g.blocks[cur].exitswitch = ExitSwitch::Value(v);
                let env = self.env.clone();
                (
                    Some(Pending {
                        block: cur,
                        case: ExitCase::Bool(true),
                        env: env.clone(),
                        extra: None,
                        span: None,
                    }),
                    Some(Pending {
                        block: cur,
                        case: ExitCase::Bool(false),
                        env,
                        extra: None,
                        span: None,
                    }),
                )
            }
        }
    }

    fn add_link(
        &mut self,
        p: &Pending,
        target: Block,
        args: Vec<LinkArg<Const>>,
        span: Option<Span>,
    ) {
        self.g.blocks[p.block].exits.push(Link {
            case: p.case.clone(),
            args,
            target,
            span: span.or(p.span),
        });
    }

    /// Continues in a new block reached by a pending exit.
    fn resume(&mut self, p: Pending) {
        self.join(vec![p]);
    }

    /// Continues in a new block reached by all the pending exits; the names defined on every path
    /// stay defined.
    fn join(&mut self, ps: Vec<Pending>) {
        let mut ps = ps;
        for p in &mut ps {
            if let Some((n, v)) = p.extra.take() {
                p.env.insert(n, v);
            }
        }
        if ps.is_empty() {
            self.cur = None;
            return;
        }
        // Names assigned on some paths only stay, as undefined on the others.
        let mut names: Vec<String> = Vec::new();
        for p in &ps {
            for n in p.env.keys() {
                if !names.contains(n) {
                    names.push(n.clone());
                }
            }
        }
        for p in &mut ps {
            for n in &names {
                p.env
                    .entry(n.clone())
                    .or_insert(Value::Const(Const::Undefined));
            }
        }
        let mut inputs = Vec::new();
        let mut env = Env::new();
        let mut passed = Vec::new();
        for n in &names {
            let first = &ps[0].env[n];
            let same_const =
                matches!(first, Value::Const(_)) && ps.iter().all(|p| &p.env[n] == first);
            // A name unassigned on some path is unassigned after the join, as in RPython: a
            // later use is an error.
            let undefined = ps
                .iter()
                .any(|p| p.env[n] == Value::Const(Const::Undefined));
            if same_const {
                env.insert(n.clone(), first.clone());
            } else if undefined {
                env.insert(n.clone(), Value::Const(Const::Undefined));
            } else {
                // Temporaries keep their `#` so that messages can tell them from user names.
                let v = self.g.new_var(n);
                inputs.push(v);
                env.insert(n.clone(), Value::Var(v));
                passed.push(n.clone());
            }
        }
        let block = self.g.new_block(inputs);
        for p in &ps {
            let args = passed
                .iter()
                .map(|n| LinkArg::Value(p.env[n].clone()))
                .collect();
            self.add_link(p, block, args, None);
        }
        self.cur = Some(block);
        self.env = env;
    }

    fn link_to_return(&mut self, from: Block, v: Value<Const>, span: Span) {
        let ret = self.g.returnblock;
        self.g.blocks[from].exits.push(Link {
            case: ExitCase::Always,
            args: vec![LinkArg::Value(v)],
            target: ret,
            span: Some(span),
        });
    }

    // ---- statements ----

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            if self.cur.is_none() {
                break;
            }
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e);
            }
            StmtKind::Pass | StmtKind::Global(_) => {}
            StmtKind::Import(bindings) => {
                for b in bindings {
                    // A failed import is reported once; the name is then bound to None so that
                    // its uses report nothing more.
                    let v = self
                        .import_binding(b, s.span)
                        .unwrap_or(Value::Const(Const::None));
                    self.assign(&Target::Name(b.name.clone(), s.span), v);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t);
                }
            }
            StmtKind::Assign(targets, value) => {
                let mut v = self.expr(value);
                // A constant assigned to a local becomes a variable defined here, so that the
                // annotator can say where its value came from. The rtyper removes the copy.
                // Modules, classes and builtins stay constants: the flow builder resolves their
                // attributes and recognises `range`.
                // So does a variable assigned to another name (`a = b`): the copy says where `a`
                // got its value.
                let plain_name = matches!(value.kind, ExprKind::Name(_));
                if (self.is_copied_const(&v) || (plain_name && matches!(v, Value::Var(_))))
                    && targets.iter().all(|t| matches!(t, Target::Name(..)))
                {
                    v = self.emit_copy(v, value.span);
                }
                for t in targets {
                    self.assign(t, v.clone());
                }
            }
            StmtKind::AugAssign(t, op, value) => {
                if let Target::Name(n, sp) = t {
                    if self.globals.contains(n) {
                        self.global_assign_error(n, *sp);
                        return;
                    }
                }
                let cur = match t {
                    Target::Name(n, sp) => self.load(n, *sp),
                    Target::Subscript(obj, idx, sp) => {
                        let oi = self.eval_all([obj, idx]);
                        let cur = self.emit(FlowOp::GetItem, oi.clone(), *sp);
                        let v = self.with_held([oi, vec![cur]].concat(), &[value]);
                        let new = self.binop(*op, v[2].clone(), v[3].clone(), s.span);
                        self.emit(FlowOp::SetItem, vec![v[0].clone(), v[1].clone(), new], *sp);
                        return;
                    }
                    Target::Attribute(obj, name, sp) => {
                        let o = self.expr(obj);
                        let attr = Value::Const(Const::Str(name.as_str().into()));
                        let cur = self.emit(FlowOp::GetAttr, vec![o.clone(), attr.clone()], *sp);
                        let v = self.with_held(vec![o, cur], &[value]);
                        let new = self.binop(*op, v[1].clone(), v[2].clone(), s.span);
                        self.emit(FlowOp::SetAttr, vec![v[0].clone(), attr, new], *sp);
                        return;
                    }
                    Target::Tuple(_, sp) | Target::Unsupported(_, sp) => {
                        self.error(not_rpython(*sp, "this augmented assignment target"));
                        return;
                    }
                };
                let v = self.with_held(vec![cur], &[value]);
                let new = self.binop(*op, v[0].clone(), v[1].clone(), s.span);
                self.assign(t, new);
            }
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.expr(e),
                    None => Value::Const(Const::None),
                };
                let v = self.run_finallies(0, v);
                if let Some(cur) = self.cur.take() {
                    self.link_to_return(cur, v, s.span);
                }
            }
            StmtKind::If(test, body, orelse) => {
                let (t, f) = self.cond_branch(test);
                let mut ends = Vec::new();
                if !t.is_empty() {
                    self.join(t);
                    self.stmts(body);
                    ends.extend(self.pending_here());
                }
                if !f.is_empty() {
                    self.join(f);
                    self.stmts(orelse);
                    ends.extend(self.pending_here());
                }
                self.join(ends);
            }
            StmtKind::While(test, body, orelse) => self.while_loop(test, body, orelse),
            StmtKind::For(target, iter, body, orelse) => {
                self.for_loop(target, iter, body, orelse, s.span)
            }
            StmtKind::Break => {
                let depth = self.loops.len();
                self.run_finallies(depth, Value::Const(Const::None));
                let p = self.pending_here();
                match (p, self.loops.last_mut()) {
                    (Some(p), Some(l)) => l.breaks.push(p),
                    _ => self.error(
                        Diagnostic::new("E0101", "`break` outside a loop").at(s.span, "here"),
                    ),
                }
            }
            StmtKind::Continue => {
                if self.loops.is_empty() {
                    self.error(
                        Diagnostic::new("E0101", "`continue` outside a loop").at(s.span, "here"),
                    );
                    return;
                }
                let depth = self.loops.len();
                self.run_finallies(depth, Value::Const(Const::None));
                if self.loops.last().is_some_and(|l| l.unrolled) {
                    if let Some(p) = self.pending_here() {
                        self.loops.last_mut().expect("in a loop").continues.push(p);
                    }
                } else {
                    self.goto_head(s.span);
                }
            }
            StmtKind::Assert(test, msg) => {
                let c = self.cond(test);
                let (t, f) = self.branch(c);
                if let Some(f) = f {
                    self.resume(f);
                    let mut args = vec![
                        Value::Const(Const::Builtin("AssertionError".into())),
                        names_const(&[]),
                    ];
                    if let Some(m) = msg {
                        args.push(self.expr(m));
                    }
                    let e = self.emit(FlowOp::Call, args, s.span);
                    self.raise_value(e, s.span);
                }
                match t {
                    Some(t) => self.resume(t),
                    None => self.cur = None,
                }
            }
            StmtKind::Try(body, handlers, orelse, finalbody) => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse);
                } else {
                    self.try_finally(finalbody, |b| {
                        if handlers.is_empty() {
                            b.stmts(body);
                            b.stmts(orelse);
                        } else {
                            b.try_except(body, handlers, orelse);
                        }
                    });
                }
            }
            StmtKind::Raise(e) => {
                let v = match e {
                    Some(e) => {
                        let v = self.expr(e);
                        // `raise C` raises `C()`.
                        let is_class = match &v {
                            Value::Const(Const::Builtin(n)) => {
                                n.starts_with(|c: char| c.is_uppercase())
                            }
                            Value::Const(Const::Obj(id, _)) => {
                                matches!(self.cx.snapshot.obj(*id), PyObject::Class { .. })
                            }
                            _ => false,
                        };
                        if is_class {
                            self.emit(FlowOp::Call, vec![v, names_const(&[])], s.span)
                        } else {
                            v
                        }
                    }
                    None => match self.handling.last().cloned() {
                        Some(name) => self
                            .env
                            .get(&name)
                            .cloned()
                            .unwrap_or(Value::Const(Const::None)),
                        None => {
                            self.error(
                                Diagnostic::new(
                                    "E0113",
                                    "`raise` without an exception outside an `except` clause",
                                )
                                .at(s.span, "nothing to re-raise here"),
                            );
                            return;
                        }
                    },
                };
                self.raise_value(v, s.span);
            }
            StmtKind::With(ctx, target, body) => {
                let mgr = self.expr(ctx);
                let mgr_name = self.fresh("mgr");
                self.env.insert(mgr_name.clone(), mgr.clone());
                let enter = vec![
                    mgr,
                    Value::Const(Const::Str("__enter__".into())),
                    names_const(&[]),
                ];
                let v = self.emit(FlowOp::CallMethod, enter, ctx.span);
                if let Some(t) = target {
                    self.assign(t, v);
                }
                let none = || Expr::none(ctx.span);
                let exit_call = Expr {
                    kind: ExprKind::Call(
                        Box::new(Expr {
                            kind: ExprKind::Attribute(
                                Box::new(Expr {
                                    kind: ExprKind::Name(mgr_name.clone()),
                                    span: ctx.span,
                                }),
                                "__exit__".into(),
                            ),
                            span: ctx.span,
                        }),
                        vec![none(), none(), none()],
                        vec![],
                    ),
                    span: ctx.span,
                };
                let fin = vec![Stmt {
                    kind: StmtKind::Expr(exit_call),
                    span: ctx.span,
                }];
                self.try_finally(&fin, |b| b.stmts(body));
                self.env.shift_remove(&mgr_name);
            }
            StmtKind::Unsupported(what) => self.error(not_rpython(s.span, what)),
        }
    }

    /// Raises `value`: into the handlers of the innermost `try`, or out of the function.
    fn raise_value(&mut self, value: Value<Const>, span: Span) {
        if self.try_stack.is_empty() {
            self.raise(Const::Int(0), value, span);
            return;
        }
        self.env.insert("#raise".into(), value);
        if let Some(mut p) = self.pending_here() {
            p.span = Some(span);
            self.try_stack.last_mut().expect("try").raises.push(p);
        }
        self.env.shift_remove("#raise");
    }

    /// Runs the `finally` bodies of the `try` statements being left (those entered inside the
    /// loop of depth `loop_depth` or deeper), innermost first, keeping `v` (a return value).
    fn run_finallies(&mut self, loop_depth: usize, v: Value<Const>) -> Value<Const> {
        let held = self.hold(v);
        let mut i = self.try_stack.len();
        while i > 0 {
            i -= 1;
            if self.try_stack[i].loop_depth < loop_depth {
                break;
            }
            if let Some(fin) = self.try_stack[i].finally.clone() {
                // The finally body runs outside the try it belongs to.
                let saved = self.try_stack.split_off(i);
                self.stmts(&fin);
                self.try_stack.extend(saved);
            }
        }
        self.take(&held)
    }

    /// The block where exceptions of a `try` body arrive (`None` if nothing in it can raise):
    /// it takes every live name and the exception, whose name in the environment is returned.
    fn handler_entry(&mut self, ctx: TryCtx) -> Option<String> {
        if ctx.points.is_empty() && ctx.raises.is_empty() {
            return None;
        }
        let mut names: Vec<String> = Vec::new();
        let envs: Vec<&Env> = ctx
            .points
            .iter()
            .map(|i| &self.raise_points[*i].env)
            .chain(ctx.raises.iter().map(|p| &p.env))
            .collect();
        for e in &envs {
            for n in e.keys() {
                if n != "#raise" && !names.contains(n) {
                    names.push(n.clone());
                }
            }
        }
        let ev_name = self.fresh("exc");
        let inputs: Vec<Var> = names
            .iter()
            .map(|n| self.g.new_var(n.trim_start_matches('#')))
            .collect();
        let ev = self.g.new_var("exc");
        let mut all_inputs = inputs.clone();
        all_inputs.push(ev);
        let h = self.g.new_block(all_inputs);
        for p in &ctx.raises {
            let mut args: Vec<LinkArg<Const>> = names
                .iter()
                .map(|n| {
                    LinkArg::Value(
                        p.env
                            .get(n)
                            .cloned()
                            .unwrap_or(Value::Const(Const::Undefined)),
                    )
                })
                .collect();
            args.push(LinkArg::Value(
                p.env
                    .get("#raise")
                    .cloned()
                    .unwrap_or(Value::Const(Const::None)),
            ));
            self.g.blocks[p.block].exits.push(Link {
                case: ExitCase::Always,
                args,
                target: h,
                span: p.span,
            });
        }
        for i in &ctx.points {
            self.raise_points[*i].handler = Some((h, names.clone()));
        }
        self.cur = Some(h);
        self.env = names
            .iter()
            .cloned()
            .zip(inputs.into_iter().map(Value::Var))
            .collect();
        self.env.insert(ev_name.clone(), Value::Var(ev));
        Some(ev_name)
    }

    fn try_except(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) {
        self.try_stack.push(TryCtx {
            points: vec![],
            raises: vec![],
            loop_depth: self.loops.len(),
            finally: None,
        });
        self.stmts(body);
        let ctx = self.try_stack.pop().expect("try");
        let mut ends = Vec::new();
        if self.cur.is_some() {
            self.stmts(orelse);
            ends.extend(self.pending_here());
        }
        if let Some(ev_name) = self.handler_entry(ctx) {
            for h in handlers {
                if self.cur.is_none() {
                    break;
                }
                let matched = match &h.types {
                    None => None,
                    Some(t) => {
                        let tv = self.expr(t);
                        let ev = self.env[&ev_name].clone();
                        let args = vec![
                            Value::Const(Const::Builtin("isinstance".into())),
                            names_const(&[]),
                            ev,
                            tv,
                        ];
                        let c = self.emit(FlowOp::Call, args, h.span);
                        Some(self.branch(c))
                    }
                };
                let (go, rest) = match matched {
                    None => (self.pending_here(), None),
                    Some((t, f)) => (t, f),
                };
                if let Some(p) = go {
                    self.resume(p);
                    if let Some(n) = &h.name {
                        let ev = self.env[&ev_name].clone();
                        self.env.insert(n.clone(), ev);
                    }
                    self.handling.push(ev_name.clone());
                    self.stmts(&h.body);
                    self.handling.pop();
                    ends.extend(self.pending_here());
                }
                match rest {
                    Some(p) => self.resume(p),
                    None => self.cur = None,
                }
            }
            if self.cur.is_some() {
                // No handler matched: the exception goes on.
                let ev = self.env[&ev_name].clone();
                self.raise_value(
                    ev,
                    handlers.last().map_or(
                        Span {
                            file: self.g.span.file,
                            lo: 0,
                            hi: 0,
                        },
                        |h| h.span,
                    ),
                );
            }
        }
        self.join(ends);
    }

    fn try_finally(&mut self, fin: &[Stmt], inner: impl FnOnce(&mut Self)) {
        self.try_stack.push(TryCtx {
            points: vec![],
            raises: vec![],
            loop_depth: self.loops.len(),
            finally: Some(fin.to_vec()),
        });
        inner(self);
        let ctx = self.try_stack.pop().expect("try");
        if self.cur.is_some() {
            self.stmts(fin);
        }
        let normal = self.pending_here();
        if let Some(ev_name) = self.handler_entry(ctx) {
            self.handling.push(ev_name.clone());
            self.stmts(fin);
            self.handling.pop();
            if self.cur.is_some() {
                let ev = self.env[&ev_name].clone();
                let span = fin.first().map_or(self.g.span, |s| s.span);
                self.raise_value(ev, span);
            }
        }
        self.join(normal.into_iter().collect());
    }

    /// Splits the blocks of the operations that can raise inside `try` bodies, and links each to
    /// its handler block.
    fn link_raise_points(&mut self) {
        let mut points: Vec<usize> = (0..self.raise_points.len())
            .filter(|i| self.raise_points[*i].handler.is_some())
            .collect();
        points.sort_by_key(|i| {
            (
                self.raise_points[*i].block,
                std::cmp::Reverse(self.raise_points[*i].op_index),
            )
        });
        for i in points {
            let (block, op_index) = (self.raise_points[i].block, self.raise_points[i].op_index);
            let (handler, names) = self.raise_points[i].handler.clone().expect("handler");
            let (tail, passed) = rpy_model::split::split_after(&mut self.g, block, op_index);
            let env = &self.raise_points[i].env;
            let mut args: Vec<LinkArg<Const>> = names
                .iter()
                .map(|n| {
                    LinkArg::Value(
                        env.get(n)
                            .cloned()
                            .unwrap_or(Value::Const(Const::Undefined)),
                    )
                })
                .collect();
            args.push(LinkArg::LastExcValue);
            let b = &mut self.g.blocks[block];
            b.exitswitch = ExitSwitch::LastException;
            b.exits = vec![
                Link {
                    case: ExitCase::Always,
                    args: passed
                        .into_iter()
                        .map(|v| LinkArg::Value(Value::Var(v)))
                        .collect(),
                    target: tail,
                    span: None,
                },
                Link {
                    case: ExitCase::Exception(Const::Builtin("Exception".into())),
                    args,
                    target: handler,
                    span: None,
                },
            ];
        }
    }

    fn raise(&mut self, class: Const, value: Value<Const>, span: Span) {
        if let Some(cur) = self.cur.take() {
            let exc = self.g.exceptblock;
            self.g.blocks[cur].exits.push(Link {
                case: ExitCase::Always,
                args: vec![LinkArg::Value(Value::Const(class)), LinkArg::Value(value)],
                target: exc,
                span: Some(span),
            });
        }
    }

    /// `del t`: a name becomes unbound; `del obj[i]` and `del obj[lo:hi]` are operations.
    fn delete(&mut self, t: &Target) {
        match t {
            Target::Name(n, sp) => {
                if self.globals.contains(n) {
                    self.global_assign_error(n, *sp);
                    return;
                }
                if self.env.get(n).is_none() {
                    self.error(
                        Diagnostic::new("E0114", format!("`{n}` is deleted before it is assigned"))
                            .at(*sp, "deleted here"),
                    );
                    return;
                }
                self.env.insert(n.clone(), Value::Const(Const::Undefined));
            }
            Target::Tuple(ts, _) => {
                for t in ts {
                    self.delete(t);
                }
            }
            Target::Subscript(obj, idx, sp) => {
                if let ExprKind::Slice(lo, hi, step) = &idx.kind {
                    if let Some(st) = step {
                        self.error(not_rpython(st.span, "deleting a slice with a step"));
                    }
                    let none = Expr::none(idx.span);
                    let lo = lo.as_deref().unwrap_or(&none);
                    let hi = hi.as_deref().unwrap_or(&none);
                    let args = self.eval_all([obj, lo, hi]);
                    self.emit(FlowOp::DelSlice, args, *sp);
                    return;
                }
                let args = self.eval_all([obj, idx]);
                self.emit(FlowOp::DelItem, args, *sp);
            }
            Target::Attribute(_, _, sp) => self.error(not_rpython(*sp, "deleting an attribute")),
            Target::Unsupported(what, sp) => self.error(not_rpython(*sp, what)),
        }
    }

    fn assign(&mut self, t: &Target, v: Value<Const>) {
        match t {
            Target::Name(n, sp) => {
                if self.globals.contains(n) {
                    self.global_assign_error(n, *sp);
                    return;
                }
                self.env.insert(n.clone(), v);
            }
            Target::Tuple(ts, sp) => {
                let Some(v) = self.unpack_check(v, ts.len(), *sp) else {
                    // After an error, the targets are bound to something so that their uses
                    // report nothing more.
                    for t in ts {
                        self.bind_dummy(t);
                    }
                    return;
                };
                for (i, t) in ts.iter().enumerate() {
                    let item = self.emit(
                        FlowOp::GetItem,
                        vec![v.clone(), Value::Const(Const::Int(i as i64))],
                        *sp,
                    );
                    self.assign(t, item);
                }
            }
            Target::Subscript(obj, idx, sp) => {
                if let ExprKind::Slice(lo, hi, step) = &idx.kind {
                    if let Some(st) = step {
                        self.error(not_rpython(st.span, "assignment to a slice with a step"));
                    }
                    let none = Expr::none(idx.span);
                    let lo = lo.as_deref().unwrap_or(&none);
                    let hi = hi.as_deref().unwrap_or(&none);
                    let mut args = self.with_held(vec![v], &[obj, lo, hi]);
                    let v = args.remove(0);
                    args.push(v);
                    self.emit(FlowOp::SetSlice, args, *sp);
                    return;
                }
                let mut args = self.with_held(vec![v], &[obj, idx]);
                let v = args.remove(0);
                args.push(v);
                self.emit(FlowOp::SetItem, args, *sp);
            }
            Target::Attribute(obj, name, sp) => {
                let mut args = self.with_held(vec![v], &[obj]);
                let v = args.remove(0);
                args.push(Value::Const(Const::Str(name.as_str().into())));
                args.push(v);
                self.emit(FlowOp::SetAttr, args, *sp);
            }
            Target::Unsupported(what, sp) => self.error(not_rpython(*sp, what)),
        }
    }

    /// Checks that a value unpacked into `n` targets has `n` items. A length known here (a tuple
    /// built just before, a constant) is checked now; otherwise a call of the pseudo-builtin
    /// `#unpack` (typed by the annotator, which knows tuple lengths) decides a branch that raises
    /// `ValueError`, as CPython does. Returns the value, valid in the block current after the
    /// check, or `None` after an error.
    fn unpack_check(&mut self, v: Value<Const>, n: usize, span: Span) -> Option<Value<Const>> {
        let mut value_span = None;
        let known = match &v {
            Value::Var(x) => self.cur.and_then(|cur| {
                self.g.blocks[cur]
                    .ops
                    .iter()
                    .find(|o| o.result == *x && o.op == FlowOp::NewTuple)
                    .map(|o| {
                        value_span = Some(o.span);
                        Some(o.args.len())
                    })
            }),
            Value::Const(Const::Str(s)) => Some(Some(s.chars().count())),
            Value::Const(Const::Bytes(b)) => Some(Some(b.len())),
            Value::Const(Const::Obj(id, _)) => match self.cx.snapshot.obj(*id) {
                PyObject::Tuple(items) => Some(Some(items.len())),
                PyObject::List(_) => None,
                _ => Some(None),
            },
            Value::Const(_) => Some(None),
        };
        match known {
            Some(Some(len)) if len == n => return Some(v),
            Some(Some(len)) => {
                let msg = format!(
                    "cannot unpack {len} value{} into {n} target{}",
                    if len == 1 { "" } else { "s" },
                    if n == 1 { "" } else { "s" }
                );
                let mut d = Diagnostic::new("E0109", msg)
                    .at(span, format!("{n} target{}", if n == 1 { "" } else { "s" }));
                if let Some(vs) = value_span {
                    d = d.also(
                        vs,
                        format!("{len} value{}", if len == 1 { "" } else { "s" }),
                    );
                }
                self.error(d);
                return None;
            }
            // Constants that are not sequences: the annotator reports them.
            Some(None) | None => {}
        }
        let ok = self.emit(
            FlowOp::Call,
            vec![
                Value::Const(Const::Builtin("#unpack".into())),
                names_const(&[]),
                v.clone(),
                Value::Const(Const::Int(n as i64)),
            ],
            span,
        );
        let held = self.hold(v);
        let (t, f) = self.branch(ok);
        if let Some(f) = f {
            self.resume(f);
            let args = vec![
                Value::Const(Const::Builtin("ValueError".into())),
                names_const(&[]),
                Value::Const(Const::Str(
                    format!("wrong number of values to unpack (expected {n})").into(),
                )),
            ];
            let e = self.emit(FlowOp::Call, args, span);
            self.raise_value(e, span);
        }
        match t {
            Some(t) => {
                self.resume(t);
                Some(self.take(&held))
            }
            None => {
                self.cur = None;
                None
            }
        }
    }

    /// Binds the names of a target to a dummy value (after an error about the assignment).
    fn bind_dummy(&mut self, t: &Target) {
        match t {
            Target::Name(n, _) => {
                self.env.insert(n.clone(), Value::Const(Const::None));
            }
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.bind_dummy(t)),
            _ => {}
        }
    }

    fn global_assign_error(&mut self, name: &str, span: Span) {
        self.error(
            Diagnostic::new("E0102", format!("assignment to the global variable `{name}`"))
                .at(span, "module globals are constants after import")
                .note("RPython programs may read globals but not rebind them; keep mutable state in an object or a list"),
        );
    }

    /// Starts a loop: links the current block to a new head block that takes every name.
    fn loop_head(&mut self) -> Option<Block> {
        let p = self.pending_here()?;
        // Names unassigned before the loop stay unassigned at its head (and after it), even if
        // the body assigns them.
        let names: Vec<String> = p
            .env
            .iter()
            .filter(|(_, v)| **v != Value::Const(Const::Undefined))
            .map(|(n, _)| n.clone())
            .collect();
        let inputs: Vec<_> = names.iter().map(|n| self.g.new_var(n)).collect();
        let head = self.g.new_block(inputs.clone());
        let args = names
            .iter()
            .map(|n| LinkArg::Value(p.env[n].clone()))
            .collect();
        self.add_link(&p, head, args, None);
        let mut env: Env = p
            .env
            .keys()
            .map(|n| (n.clone(), Value::Const(Const::Undefined)))
            .collect();
        for (n, v) in names.iter().zip(inputs) {
            env.insert(n.clone(), Value::Var(v));
        }
        self.env = env;
        self.cur = Some(head);
        self.loops.push(LoopCtx {
            head,
            names,
            breaks: vec![],
            unrolled: false,
            continues: vec![],
        });
        Some(head)
    }

    fn goto_head(&mut self, span: Span) {
        let Some(p) = self.pending_here() else { return };
        let l = self.loops.last().expect("in a loop");
        let (head, names) = (l.head, l.names.clone());
        let mut args = Vec::new();
        for n in &names {
            match p.env.get(n) {
                Some(v) if *v != Value::Const(Const::Undefined) => {
                    args.push(LinkArg::Value(v.clone()))
                }
                _ => {
                    self.error(
                        Diagnostic::new(
                            "E0103",
                            format!("`{n}` is not defined on every path through the loop"),
                        )
                        .at(span, "here"),
                    );
                    args.push(LinkArg::Value(Value::Const(Const::None)));
                }
            }
        }
        self.add_link(&p, head, args, Some(span));
    }

    fn while_loop(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        if self.loop_head().is_none() {
            return;
        }
        let (t, f) = self.cond_branch(test);
        if !t.is_empty() {
            self.join(t);
            self.stmts(body);
            self.goto_head(test.span);
        }
        // Several ways out of the test (`while a and b:`) meet in one block first.
        let f = match f.len() {
            0 => None,
            1 => f.into_iter().next(),
            _ => {
                self.join(f);
                self.pending_here()
            }
        };
        self.end_loop(f, orelse);
    }

    fn end_loop(&mut self, exit: Option<Pending>, orelse: &[Stmt]) {
        let l = self.loops.pop().expect("in a loop");
        let mut ends = l.breaks;
        if let Some(f) = exit {
            self.resume(f);
            self.stmts(orelse);
            ends.extend(self.pending_here());
        }
        self.join(ends);
    }

    fn for_loop(
        &mut self,
        target: &Target,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        span: Span,
    ) {
        // `for x in range(...)` with the builtin range becomes a counting loop.
        if let ExprKind::Call(f, args, kw) = &iter.kind {
            if let Value::Const(Const::Builtin(name)) = self.expr_peek(f) {
                if &*name == "range" {
                    if let Some((kname, kexpr)) = kw.first() {
                        let msg = "`range()` takes no keyword arguments";
                        self.error(
                            Diagnostic::new("E0110", msg)
                                .at(kexpr.span, format!("keyword argument `{kname}`")),
                        );
                        return;
                    }
                    if !(1..=3).contains(&args.len()) {
                        let msg = format!(
                            "`range()` takes 1 to 3 arguments but {} were given",
                            args.len()
                        );
                        self.error(Diagnostic::new("E0110", msg).at(iter.span, "in this call"));
                        return;
                    }
                    return self.range_loop(target, args, body, orelse, iter.span);
                }
            }
        }
        let seq = self.expr(iter);
        if let Some(items) = self.unrolling_items(&seq) {
            return self.unrolled_loop(target, items, body, orelse);
        }
        let it = self.emit(FlowOp::Iter, vec![seq], iter.span);
        let it_name = self.fresh("iter");
        self.env.insert(it_name.clone(), it);
        if self.loop_head().is_none() {
            return;
        }
        let itv = self.env[&it_name].clone();
        // The item's type is reported at the loop target (`for x in ...`).
        let item = self.emit(FlowOp::Next, vec![itv], target_span(target));
        let Some(cur) = self.cur.take() else { return };
        self.g.blocks[cur].exitswitch = ExitSwitch::LastException;
        let item_name = self.fresh("item");
        let normal = Pending {
            block: cur,
            case: ExitCase::Always,
            env: self.env.clone(),
            extra: Some((item_name.clone(), item)),
            span: None,
        };
        let stop = Pending {
            block: cur,
            case: ExitCase::Exception(Const::Builtin("StopIteration".into())),
            env: self.env.clone(),
            extra: None,
            span: None,
        };
        self.resume(normal);
        let v = self.env.shift_remove(&item_name).expect("item");
        self.assign(target, v);
        self.stmts(body);
        self.goto_head(span);
        self.end_loop(Some(stop), orelse);
    }

    /// The value an `import` inside the function binds: a module the loader imported, or an
    /// attribute (or submodule) of one, as a constant.
    fn import_binding(&mut self, b: &ImportBinding, span: Span) -> Option<Value<Const>> {
        let key = |m: &str| format!("{}:{m}", b.level);
        let module_const = |me: &mut Self, m: &str| -> Option<Value<Const>> {
            let v = me.func.imports.get(&key(m))?.clone();
            const_of(me.cx.snapshot, &v).ok().map(Value::Const)
        };
        let found = match &b.attr {
            None => module_const(self, &b.module),
            Some(a) => {
                let sub = if b.module.is_empty() {
                    a.clone()
                } else {
                    format!("{}.{a}", b.module)
                };
                match module_const(self, &sub) {
                    Some(v) => Some(v),
                    None => module_const(self, &b.module).map(|m| self.getattr(m, a, span)),
                }
            }
        };
        if found.is_none() {
            let dots = ".".repeat(b.level as usize);
            let what = match &b.attr {
                Some(a) => format!("`{a}` from `{dots}{}`", b.module),
                None => format!("`{dots}{}`", b.module),
            };
            self.error(
                Diagnostic::new("E0100", format!("cannot import {what} here")).at(
                    span,
                    "the module could not be imported when the program was loaded",
                ),
            );
        }
        found
    }

    /// The items of a prebuilt `rpython.rlib.unroll.unrolling_iterable`, as constants.
    fn unrolling_items(&mut self, seq: &Value<Const>) -> Option<Vec<Const>> {
        let Value::Const(Const::Obj(id, _)) = seq else {
            return None;
        };
        let snapshot = self.cx.snapshot;
        let PyObject::Instance { class, attrs } = snapshot.obj(*id) else {
            return None;
        };
        let PyValue::Ref(cid) = class else {
            return None;
        };
        let PyObject::Class { name, module, .. } = snapshot.obj(*cid) else {
            return None;
        };
        if name != "unrolling_iterable" || module != "rpython.rlib.unroll" {
            return None;
        }
        let Some(PyValue::Ref(lid)) = attrs.get("_items") else {
            return None;
        };
        let (PyObject::List(items) | PyObject::Tuple(items)) = snapshot.obj(*lid) else {
            return None;
        };
        items.iter().map(|v| const_of(snapshot, v).ok()).collect()
    }

    /// `for x in <unrolling_iterable>`: one copy of the body per item, with `x` the item as a
    /// constant (so `getattr(self, 'op_' + x)` and the like fold), as RPython unrolls it.
    fn unrolled_loop(
        &mut self,
        target: &Target,
        items: Vec<Const>,
        body: &[Stmt],
        orelse: &[Stmt],
    ) {
        let Some(head) = self.cur else { return };
        self.loops.push(LoopCtx {
            head,
            names: vec![],
            breaks: vec![],
            unrolled: true,
            continues: vec![],
        });
        for item in items {
            if self.cur.is_none() {
                break;
            }
            self.assign(target, Value::Const(item));
            self.stmts(body);
            let l = self.loops.last_mut().expect("in a loop");
            let mut ends = std::mem::take(&mut l.continues);
            ends.extend(self.pending_here());
            self.join(ends);
        }
        let l = self.loops.pop().expect("in a loop");
        let mut ends = l.breaks;
        if self.cur.is_some() {
            self.stmts(orelse);
            ends.extend(self.pending_here());
        }
        self.join(ends);
    }

    fn range_loop(
        &mut self,
        target: &Target,
        args: &[Expr],
        body: &[Stmt],
        orelse: &[Stmt],
        span: Span,
    ) {
        let vals = self.eval_all(args);
        // Constant arguments are checked here; the others by the annotator, through a call of
        // the pseudo-builtin `#range`, which also checks a variable step at run time.
        let mut ok = true;
        for (v, a) in vals.iter().zip(args) {
            if let Value::Const(c) = v {
                if !matches!(c, Const::Int(_) | Const::Bool(_)) {
                    let what = match c {
                        Const::Float(_) => "a `float`".to_string(),
                        Const::Str(_) => "a `str`".to_string(),
                        Const::Bytes(_) => "a `bytes`".to_string(),
                        Const::None => "`None`".to_string(),
                        _ => "not an integer".to_string(),
                    };
                    self.error(
                        Diagnostic::new("E0110", "`range()` arguments must be integers")
                            .at(a.span, format!("this is {what}")),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            return;
        }
        let (start, stop, step) = match vals.len() {
            1 => (
                Value::Const(Const::Int(0)),
                vals[0].clone(),
                Value::Const(Const::Int(1)),
            ),
            2 => (
                vals[0].clone(),
                vals[1].clone(),
                Value::Const(Const::Int(1)),
            ),
            _ => (vals[0].clone(), vals[1].clone(), vals[2].clone()),
        };
        if let Value::Const(Const::Int(0)) = &step {
            self.error(
                Diagnostic::new("E0104", "`range()` step must not be zero")
                    .at(args[2].span, "this is zero"),
            );
            return;
        }
        if ![&start, &stop, &step]
            .iter()
            .all(|v| matches!(v, Value::Const(Const::Int(_))))
        {
            let args = vec![
                Value::Const(Const::Builtin("#range".into())),
                names_const(&[]),
                start.clone(),
                stop.clone(),
                step.clone(),
            ];
            self.emit(FlowOp::Call, args, span);
        }
        let (i_name, stop_name, step_name) =
            (self.fresh("i"), self.fresh("stop"), self.fresh("step"));
        self.env.insert(i_name.clone(), start);
        self.env.insert(stop_name.clone(), stop);
        self.env.insert(step_name.clone(), step.clone());
        if self.loop_head().is_none() {
            return;
        }
        let (i, stop, stepv) = (
            self.env[&i_name].clone(),
            self.env[&stop_name].clone(),
            self.env[&step_name].clone(),
        );
        let cond = match step {
            Value::Const(Const::Int(s)) if s > 0 => {
                self.emit(FlowOp::Lt, vec![i.clone(), stop], span)
            }
            Value::Const(Const::Int(_)) => self.emit(FlowOp::Gt, vec![i.clone(), stop], span),
            _ => {
                let pos = self.emit(
                    FlowOp::Gt,
                    vec![stepv.clone(), Value::Const(Const::Int(0))],
                    span,
                );
                let c_name = self.fresh("c");
                let (t, f) = self.branch(pos);
                let mut ends = vec![];
                for (p, op) in [(t, FlowOp::Lt), (f, FlowOp::Gt)] {
                    if let Some(p) = p {
                        self.resume(p);
                        let (i, stop) = (self.env[&i_name].clone(), self.env[&stop_name].clone());
                        let c = self.emit(op, vec![i, stop], span);
                        self.env.insert(c_name.clone(), c);
                        ends.extend(self.pending_here());
                    }
                }
                self.join(ends);
                self.env.shift_remove(&c_name).expect("range condition")
            }
        };
        let (t, f) = self.branch(cond);
        if let Some(t) = t {
            self.resume(t);
            let i = self.env[&i_name].clone();
            let stepv = self.env[&step_name].clone();
            let next = self.emit(FlowOp::Add, vec![i.clone(), stepv], span);
            self.env.insert(i_name.clone(), next);
            self.assign(target, i);
            self.stmts(body);
            self.goto_head(span);
        }
        self.end_loop(f, orelse);
    }

    // ---- expressions ----

    /// Evaluates the condition of an `if` or `while` as jumps: the pending exits where it is true and
    /// where it is false. `and`, `or` and `not` become branches instead of a joined value, as
    /// in Python's bytecode, so a test such as `isinstance(x, C)` in `if isinstance(x, C) and
    /// ...:` leads straight into the body and the annotator can narrow `x` there.
    fn cond_branch(&mut self, e: &Expr) -> (Vec<Pending>, Vec<Pending>) {
        match &e.kind {
            ExprKind::UnaryOp(UnOp::Not, a) => {
                let (t, f) = self.cond_branch(a);
                (f, t)
            }
            ExprKind::BoolOp(is_and, values) if !values.is_empty() => {
                let mut done = Vec::new();
                for (i, ve) in values.iter().enumerate() {
                    let (t, f) = self.cond_branch(ve);
                    let (go_on, stop) = if *is_and { (t, f) } else { (f, t) };
                    done.extend(stop);
                    if i + 1 == values.len() {
                        return if *is_and {
                            (go_on, done)
                        } else {
                            (done, go_on)
                        };
                    }
                    if go_on.is_empty() {
                        break;
                    }
                    self.join(go_on);
                }
                self.cur = None;
                if *is_and {
                    (Vec::new(), done)
                } else {
                    (done, Vec::new())
                }
            }
            _ => {
                let c = self.cond(e);
                let (t, f) = self.branch(c);
                (t.into_iter().collect(), f.into_iter().collect())
            }
        }
    }

    /// Evaluates an expression used as a condition: its truth value.
    fn cond(&mut self, e: &Expr) -> Value<Const> {
        let v = self.expr(e);
        match &v {
            Value::Const(c) => match truth(c) {
                Some(b) => Value::Const(Const::Bool(b)),
                None => self.emit(FlowOp::Bool, vec![v], e.span),
            },
            _ => self.emit(FlowOp::Bool, vec![v], e.span),
        }
    }

    /// The constant value of a name or attribute chain, without emitting anything.
    fn expr_peek(&mut self, e: &Expr) -> Value<Const> {
        match &e.kind {
            ExprKind::Name(n) if !self.locals.contains(n) => self.load(n, e.span),
            _ => Value::Const(Const::None),
        }
    }

    fn load(&mut self, name: &str, span: Span) -> Value<Const> {
        if name.starts_with('#') {
            return self
                .env
                .get(name)
                .cloned()
                .unwrap_or(Value::Const(Const::None));
        }
        if self.locals.contains(name) {
            match self.env.get(name) {
                Some(Value::Const(Const::Undefined)) | None => {}
                Some(v) => return v.clone(),
            }
            let d = Diagnostic::new(
                "E0105",
                format!("local variable `{name}` may be used before it is assigned"),
            )
            .at(span, "not assigned on every path to here")
            .note("a local variable must be assigned on every path to its use, including the path where a loop runs zero times");
            self.name_error(name, d);
            return Value::Const(Const::None);
        }
        if let Some(i) = self.func.freevars.iter().position(|n| n == name) {
            if let Some(v) = self.func.closure.get(i) {
                return self.constant(v, span);
            }
        }
        if let Some(m) = self.func.globals {
            if let PyObject::Module { globals, .. } = self.cx.snapshot.obj(m) {
                if let Some(v) = globals.get(name) {
                    let v = v.clone();
                    return self.constant(&v, span);
                }
            }
        }
        if BUILTIN_NAMES.contains(&name) && !self.poisoned.contains(name) {
            return Value::Const(Const::Builtin(name.into()));
        }
        let d = Diagnostic::new("E0106", format!("unknown name `{name}`"))
            .at(span, "not a local, a global of the module, or a builtin");
        self.name_error(name, d);
        Value::Const(Const::None)
    }

    /// Reports an error about a name, unless a construct outside the subset binds it (then the
    /// error about that construct says it all).
    fn name_error(&mut self, name: &str, d: Diagnostic) {
        if self.poisoned.contains(name) {
            self.suppressed.push(d);
        } else {
            self.error(d);
        }
    }

    fn constant(&mut self, v: &PyValue, span: Span) -> Value<Const> {
        match const_of(self.cx.snapshot, v) {
            Ok(c) => Value::Const(c),
            Err(msg) => {
                self.error(Diagnostic::new("E0107", msg).at(span, "this constant"));
                Value::Const(Const::None)
            }
        }
    }

    fn getattr(&mut self, obj: Value<Const>, attr: &str, span: Span) -> Value<Const> {
        // `x.__class__` of a variable is `type(x)`.
        if attr == "__class__" && matches!(obj, Value::Var(_)) {
            let f = Value::Const(Const::Builtin("type".into()));
            return self.emit(FlowOp::Call, vec![f, names_const(&[]), obj], span);
        }
        if let Value::Const(Const::Obj(id, _)) = &obj {
            if let PyObject::Module {
                name,
                external,
                globals,
                ..
            } = self.cx.snapshot.obj(*id)
            {
                if *external {
                    if name == "os" {
                        if let Some((_, v)) = OS_CONSTANTS.iter().find(|c| c.0 == attr) {
                            return Value::Const(Const::Int(*v));
                        }
                    }
                    if name == "sys" {
                        match attr {
                            "maxsize" | "maxint" => return Value::Const(Const::Int(i64::MAX)),
                            "byteorder" => return Value::Const(Const::Str("little".into())),
                            "platform" => return Value::Const(Const::Str("linux".into())),
                            _ => {}
                        }
                    }
                    if name == "math" {
                        let c = match attr {
                            "pi" => Some(std::f64::consts::PI),
                            "e" => Some(std::f64::consts::E),
                            "tau" => Some(std::f64::consts::TAU),
                            "inf" => Some(f64::INFINITY),
                            "nan" => Some(f64::NAN),
                            _ => None,
                        };
                        if let Some(x) = c {
                            return Value::Const(Const::Float(x));
                        }
                    }
                    return Value::Const(Const::Builtin(
                        normalize_builtin(&format!("{name}.{attr}")).into(),
                    ));
                }
                match globals.get(attr) {
                    Some(v) => {
                        let v = v.clone();
                        return self.constant(&v, span);
                    }
                    None => {
                        let msg = format!("module `{name}` has no attribute `{attr}`");
                        self.error(Diagnostic::new("E0108", msg).at(span, "unknown attribute"));
                        return Value::Const(Const::None);
                    }
                }
            }
        }
        // An attribute of an object of a module outside the program (`os.path.join`).
        if let Value::Const(Const::Builtin(name)) = &obj {
            if name.contains('.') {
                return Value::Const(Const::Builtin(
                    normalize_builtin(&format!("{name}.{attr}")).into(),
                ));
            }
        }
        self.emit(
            FlowOp::GetAttr,
            vec![obj, Value::Const(Const::Str(attr.into()))],
            span,
        )
    }

    fn binop(&mut self, op: BinOp, a: Value<Const>, b: Value<Const>, span: Span) -> Value<Const> {
        let fop = match op {
            BinOp::Add => FlowOp::Add,
            BinOp::Sub => FlowOp::Sub,
            BinOp::Mul => FlowOp::Mul,
            BinOp::TrueDiv => FlowOp::TrueDiv,
            BinOp::FloorDiv => FlowOp::FloorDiv,
            BinOp::Mod => FlowOp::Mod,
            BinOp::Pow => FlowOp::Pow,
            BinOp::LShift => FlowOp::LShift,
            BinOp::RShift => FlowOp::RShift,
            BinOp::BitAnd => FlowOp::And,
            BinOp::BitOr => FlowOp::Or,
            BinOp::BitXor => FlowOp::Xor,
            BinOp::MatMul => {
                self.error(not_rpython(span, "the `@` operator"));
                return Value::Const(Const::None);
            }
        };
        self.emit(fop, vec![a, b], span)
    }

    fn expr(&mut self, e: &Expr) -> Value<Const> {
        match &e.kind {
            ExprKind::Name(n) => self.load(n, e.span),
            ExprKind::Literal(l) => match l {
                Literal::None => Value::Const(Const::None),
                Literal::Bool(b) => Value::Const(Const::Bool(*b)),
                Literal::Int(i) => Value::Const(Const::Int(*i)),
                Literal::BigInt(s) => {
                    self.error(
                        Diagnostic::new(
                            "E0107",
                            format!("integer constant {s} does not fit in a machine word"),
                        )
                        .at(e.span, "too large"),
                    );
                    Value::Const(Const::Int(0))
                }
                Literal::Float(x) => Value::Const(Const::Float(*x)),
                Literal::Str(s) => Value::Const(Const::Str(s.as_str().into())),
                Literal::Bytes(b) => Value::Const(Const::Bytes(b.as_slice().into())),
                Literal::Unsupported(what) => {
                    self.error(not_rpython(e.span, what));
                    Value::Const(Const::None)
                }
            },
            ExprKind::BinOp(BinOp::Mod, a, b)
                if matches!(&a.kind, ExprKind::Literal(Literal::Str(_))) =>
            {
                let ExprKind::Literal(Literal::Str(fmt)) = &a.kind else {
                    unreachable!("checked by the guard")
                };
                self.percent_format(fmt, b, e.span)
            }
            ExprKind::FString(parts) => self.fstring(parts, e.span),
            ExprKind::Comp(kind, elt, val, gens) => {
                self.comprehension(*kind, elt, val.as_deref(), gens, e.span)
            }
            ExprKind::Set(items) => self.set_display(items, e.span),
            ExprKind::BinOp(op, a, b) => {
                let v = self.eval_all([&**a, &**b]);
                self.binop(*op, v[0].clone(), v[1].clone(), e.span)
            }
            ExprKind::UnaryOp(op, a) => {
                if *op == UnOp::Not {
                    let c = self.cond(a);
                    return self.emit(FlowOp::Not, vec![c], e.span);
                }
                let a = self.expr(a);
                let fop = match op {
                    UnOp::Neg => FlowOp::Neg,
                    UnOp::Pos => FlowOp::Pos,
                    _ => FlowOp::Invert,
                };
                self.emit(fop, vec![a], e.span)
            }
            ExprKind::BoolOp(is_and, values) => {
                let tmp = self.fresh("bool");
                let mut ends = Vec::new();
                for (i, ve) in values.iter().enumerate() {
                    let v = self.expr(ve);
                    self.env.insert(tmp.clone(), v.clone());
                    if i + 1 == values.len() {
                        ends.extend(self.pending_at(Some(ve.span)));
                        break;
                    }
                    let c = match &v {
                        Value::Const(c) if truth(c).is_some() => {
                            Value::Const(Const::Bool(truth(c).unwrap()))
                        }
                        _ => self.emit(FlowOp::Bool, vec![v], ve.span),
                    };
                    let (t, f) = self.branch(c);
                    let (go_on, done) = if *is_and { (t, f) } else { (f, t) };
                    ends.extend(done.map(|p| Pending {
                        span: Some(ve.span),
                        ..p
                    }));
                    match go_on {
                        Some(p) => self.resume(p),
                        None => break,
                    }
                }
                self.join(ends);
                self.env
                    .shift_remove(&tmp)
                    .unwrap_or(Value::Const(Const::None))
            }
            ExprKind::Compare(first, rest) => {
                let tmp = self.fresh("cmp");
                let mut ends = Vec::new();
                let mut left = self.expr(first);
                for (i, (op, re)) in rest.iter().enumerate() {
                    let v = self.with_held(vec![left], &[re]);
                    let (left_v, right) = (v[0].clone(), v[1].clone());
                    let r = self.compare(*op, left_v, right.clone(), e.span);
                    self.env.insert(tmp.clone(), r.clone());
                    if i + 1 == rest.len() {
                        ends.extend(self.pending_here());
                        break;
                    }
                    let held = self.hold(right);
                    let (t, f) = self.branch(r);
                    ends.extend(f);
                    match t {
                        Some(p) => self.resume(p),
                        None => break,
                    }
                    left = self.take(&held);
                }
                self.join(ends);
                self.env
                    .shift_remove(&tmp)
                    .unwrap_or(Value::Const(Const::None))
            }
            ExprKind::IfExp(test, a, b) => {
                let tmp = self.fresh("ifexp");
                let c = self.cond(test);
                let (t, f) = self.branch(c);
                let mut ends = Vec::new();
                for (p, x) in [(t, a), (f, b)] {
                    if let Some(p) = p {
                        self.resume(p);
                        let v = self.expr(x);
                        self.env.insert(tmp.clone(), v);
                        ends.extend(self.pending_at(Some(x.span)));
                    }
                }
                self.join(ends);
                self.env
                    .shift_remove(&tmp)
                    .unwrap_or(Value::Const(Const::None))
            }
            ExprKind::Call(f, args, kwargs)
                if matches!(&f.kind, ExprKind::Attribute(o, m)
                    if m == "format" && matches!(o.kind, ExprKind::Literal(Literal::Str(_)))) =>
            {
                let ExprKind::Attribute(o, _) = &f.kind else {
                    unreachable!("checked by the guard")
                };
                let ExprKind::Literal(Literal::Str(fmt)) = &o.kind else {
                    unreachable!("checked by the guard")
                };
                self.str_format(fmt, args, kwargs, e.span)
            }
            ExprKind::Call(f, args, kwargs) => {
                let names: Vec<&str> = kwargs.iter().map(|(n, _)| n.as_str()).collect();
                if let ExprKind::Attribute(obj, attr) = &f.kind {
                    if let Some(v) = self.super_call(obj, attr, args, kwargs, e.span) {
                        return v;
                    }
                    let o = self.expr(obj);
                    let is_module = match &o {
                        Value::Const(Const::Obj(id, _)) => {
                            matches!(self.cx.snapshot.obj(*id), PyObject::Module { .. })
                        }
                        Value::Const(Const::Builtin(name)) => name.contains('.'),
                        _ => false,
                    };
                    // `x.__class__(...)` calls the class, not a method.
                    if !is_module && attr.as_str() != "__class__" {
                        let exprs: Vec<&Expr> =
                            args.iter().chain(kwargs.iter().map(|(_, a)| a)).collect();
                        let mut vals = self.with_held(vec![o], &exprs);
                        let o = vals.remove(0);
                        let mut all = vec![
                            o,
                            Value::Const(Const::Str(attr.as_str().into())),
                            names_const(&names),
                        ];
                        all.extend(vals);
                        return self.emit(FlowOp::CallMethod, all, e.span);
                    }
                    let fv = self.getattr(o, attr, f.span);
                    return self.call(fv, &names, args, kwargs, e.span);
                }
                let fv = self.expr(f);
                self.call(fv, &names, args, kwargs, e.span)
            }
            ExprKind::Attribute(obj, attr) => {
                let o = self.expr(obj);
                self.getattr(o, attr, e.span)
            }
            ExprKind::Subscript(obj, idx) => {
                if let ExprKind::Slice(lo, hi, step) = &idx.kind {
                    let o = self.expr(obj);
                    let none = Expr::none(idx.span);
                    let lo = lo.as_deref().unwrap_or(&none);
                    let hi = hi.as_deref().unwrap_or(&none);
                    if let Some(step) = step {
                        let v = self.with_held(vec![o], &[lo, hi, step]);
                        return self.emit(FlowOp::GetSliceStep, v, e.span);
                    }
                    let v = self.with_held(vec![o], &[lo, hi]);
                    return self.emit(FlowOp::GetSlice, v, e.span);
                }
                let v = self.eval_all([&**obj, &**idx]);
                self.emit(FlowOp::GetItem, v, e.span)
            }
            ExprKind::Slice(..) => {
                self.error(not_rpython(e.span, "slice objects outside subscripts"));
                Value::Const(Const::None)
            }
            ExprKind::List(items) => {
                let vals = self.eval_all(items);
                self.emit(FlowOp::NewList, vals, e.span)
            }
            ExprKind::Dict(items) => {
                let exprs: Vec<&Expr> = items.iter().flat_map(|(k, v)| [k, v]).collect();
                let vals = self.eval_all(exprs);
                self.emit(FlowOp::NewDict, vals, e.span)
            }
            ExprKind::Tuple(items) => {
                let vals = self.eval_all(items);
                self.emit(FlowOp::NewTuple, vals, e.span)
            }
            ExprKind::Unsupported(what) => {
                self.error(not_rpython(e.span, what));
                Value::Const(Const::None)
            }
        }
    }

    /// `super().attr(args)` in a method: the attribute is looked up, at translation time, in
    /// the bases of the class that defines the method (the `__class__` cell Python gives such
    /// methods), and called with the method's first argument as `self`.
    fn super_call(
        &mut self,
        obj: &Expr,
        attr: &str,
        args: &[Expr],
        kwargs: &[(String, Expr)],
        span: Span,
    ) -> Option<Value<Const>> {
        let ExprKind::Call(f, sargs, skw) = &obj.kind else {
            return None;
        };
        if !matches!(&f.kind, ExprKind::Name(n) if n == "super")
            || !sargs.is_empty()
            || !skw.is_empty()
        {
            return None;
        }
        let snapshot = self.cx.snapshot;
        let cls = self
            .func
            .freevars
            .iter()
            .position(|n| n == "__class__")
            .and_then(|i| self.func.closure.get(i))
            .and_then(|v| match v {
                PyValue::Ref(id) => Some(*id),
                _ => None,
            });
        let Some(cls) = cls else {
            self.error(
                Diagnostic::new("E0111", "`super()` outside a method")
                    .at(obj.span, "no class here"),
            );
            return Some(Value::Const(Const::None));
        };
        // The first base of each class, up the chain, holding the attribute.
        let mut found = None;
        let mut cur = cls;
        while let PyObject::Class { bases, .. } = snapshot.obj(cur) {
            let Some(PyValue::Ref(base)) = bases.first() else {
                break;
            };
            cur = *base;
            if let PyObject::Class { dict, .. } = snapshot.obj(cur) {
                if let Some(v) = dict.get(attr) {
                    found = Some(v.clone());
                    break;
                }
            }
        }
        let Some(fval) = found else {
            let msg = format!("no base class defines `{attr}` for `super()`");
            self.error(Diagnostic::new("E0112", msg).at(span, "here"));
            return Some(Value::Const(Const::None));
        };
        let fconst = self.constant(&fval, span);
        let Some(first) = self.first_param.clone() else {
            return Some(Value::Const(Const::None));
        };
        let this = self.load(&first, obj.span);
        let names: Vec<&str> = kwargs.iter().map(|(n, _)| n.as_str()).collect();
        let exprs: Vec<&Expr> = args.iter().chain(kwargs.iter().map(|(_, a)| a)).collect();
        let mut vals = self.with_held(vec![fconst, this], &exprs);
        let fv = vals.remove(0);
        let mut all = vec![fv, names_const(&names)];
        all.extend(vals);
        Some(self.emit(FlowOp::Call, all, span))
    }

    fn call(
        &mut self,
        f: Value<Const>,
        names: &[&str],
        args: &[Expr],
        kwargs: &[(String, Expr)],
        span: Span,
    ) -> Value<Const> {
        // `we_are_translated()` is true in translated code: the branches it guards for CPython
        // fold away.
        if let Value::Const(Const::Obj(id, _)) = &f {
            if let PyObject::Function(func) = self.cx.snapshot.obj(*id) {
                if func.module == "rpython.rlib.objectmodel"
                    && func.name == "we_are_translated"
                    && args.is_empty()
                    && kwargs.is_empty()
                {
                    return Value::Const(Const::Bool(true));
                }
                // `conditional_call(cond, f, *args)` is `f(*args) if cond else None`, and
                // `conditional_call_elidable(value, f, *args)` is `value or f(*args)`.
                if func.module == "rpython.rlib.jit"
                    && matches!(
                        func.name.as_str(),
                        "conditional_call" | "conditional_call_elidable"
                    )
                    && args.len() >= 2
                    && kwargs.is_empty()
                {
                    let call = Expr {
                        kind: ExprKind::Call(Box::new(args[1].clone()), args[2..].to_vec(), vec![]),
                        span,
                    };
                    let kind = if func.name == "conditional_call" {
                        let none = Expr::none(span);
                        ExprKind::IfExp(Box::new(args[0].clone()), Box::new(call), Box::new(none))
                    } else {
                        ExprKind::BoolOp(false, vec![args[0].clone(), call])
                    };
                    return self.expr(&Expr { kind, span });
                }
            }
        }
        // `getattr(obj, "name")` and `setattr(obj, "name", value)` with a constant name are
        // attribute operations; `iter` and `next` are operations too.
        if let Value::Const(Const::Builtin(b)) = &f {
            let lit = |e: &Expr| match &e.kind {
                ExprKind::Literal(Literal::Str(s)) => Some(s.clone()),
                _ => None,
            };
            // `iter(x)` and `next(it)` are the operations a `for` loop uses.
            if matches!(&**b, "iter" | "next") && args.len() == 1 && kwargs.is_empty() {
                let o = self.expr(&args[0]);
                let op = if &**b == "iter" {
                    FlowOp::Iter
                } else {
                    FlowOp::Next
                };
                return self.emit_catching(op, vec![o], span, true);
            }
            if &**b == "getattr" && args.len() == 2 && kwargs.is_empty() {
                // The name may be computed from constants (`'op_' + name` in an unrolled loop).
                let o = self.expr(&args[0]);
                let n = self.expr(&args[1]);
                if let Value::Const(Const::Str(name)) = &n {
                    return self.getattr(o, name, span);
                }
                return self.emit(FlowOp::Call, vec![f.clone(), names_const(&[]), o, n], span);
            }
            if &**b == "setattr" && args.len() == 3 && kwargs.is_empty() {
                // A name computed from names and literals only (no side effect to repeat).
                fn pure(e: &Expr) -> bool {
                    match &e.kind {
                        ExprKind::Name(_) | ExprKind::Literal(_) => true,
                        ExprKind::BinOp(_, a, b) => pure(a) && pure(b),
                        _ => false,
                    }
                }
                let name = match lit(&args[1]) {
                    Some(name) => Some(name),
                    None if pure(&args[1]) => match self.expr(&args[1]) {
                        Value::Const(Const::Str(name)) => Some(name.to_string()),
                        _ => None,
                    },
                    None => None,
                };
                if let Some(name) = name {
                    let t = Target::Attribute(args[0].clone(), name, span);
                    let v = self.expr(&args[2]);
                    self.assign(&t, v);
                    return Value::Const(Const::None);
                }
            }
        }
        // Helpers of `rpython.rlib` with a translated meaning become builtins.
        let mut f = f;
        if let Value::Const(Const::Obj(id, _)) = &f {
            if let PyObject::Class { name, module, .. } = self.cx.snapshot.obj(*id) {
                if module == "rpython.rlib.rarithmetic"
                    && matches!(name.as_str(), "r_uint" | "r_ulonglong")
                {
                    f = Value::Const(Const::Builtin("rlib.r_uint".into()));
                }
                // The narrow classes made by `build_int` (`r_int32`, `r_uchar`, ...).
                if module == "rpython.rlib.rarithmetic" {
                    if let Some(k) = rpy_model::lltype::IntKind::from_class_name(name) {
                        f = Value::Const(Const::Builtin(format!("rlib.{}", k.name()).into()));
                    }
                }
                if module == "rpython.rlib.objectmodel" && name == "r_dict" {
                    f = Value::Const(Const::Builtin("rlib.r_dict".into()));
                }
                if module == "rpython.rlib.rweakref"
                    && matches!(name.as_str(), "RWeakValueDictionary" | "RWeakKeyDictionary")
                {
                    f = Value::Const(Const::Builtin(format!("rlib.{name}").into()));
                }
            }
        }
        if let Value::Const(Const::Obj(id, _)) = &f {
            if let PyObject::Function(func) = self.cx.snapshot.obj(*id) {
                if func.module.starts_with("rpython.rlib.")
                    && RLIB_BUILTINS.contains(&func.name.as_str())
                {
                    if func.name == "ovfcheck" && args.len() == 1 && kwargs.is_empty() {
                        return self.ovfcheck(&args[0]);
                    }
                    f = Value::Const(Const::Builtin(format!("rlib.{}", func.name).into()));
                }
            }
        }
        let exprs: Vec<&Expr> = args.iter().chain(kwargs.iter().map(|(_, a)| a)).collect();
        let mut vals = self.with_held(vec![f], &exprs);
        let f = vals.remove(0);
        let mut all = vec![f, names_const(names)];
        all.extend(vals);
        self.emit(FlowOp::Call, all, span)
    }

    /// `ovfcheck(expr)`: the integer operation computing `expr`, if it is the last one, raises
    /// OverflowError instead of wrapping.
    fn ovfcheck(&mut self, arg: &Expr) -> Value<Const> {
        let v = self.expr(arg);
        if let (Value::Var(x), Some(cur)) = (&v, self.cur) {
            if let Some(last) = self.g.blocks[cur].ops.last_mut() {
                if last.result == *x {
                    last.op = match last.op {
                        FlowOp::Add => FlowOp::AddOvf,
                        FlowOp::Sub => FlowOp::SubOvf,
                        FlowOp::Mul => FlowOp::MulOvf,
                        FlowOp::LShift => FlowOp::LShiftOvf,
                        FlowOp::Neg => FlowOp::NegOvf,
                        other => other,
                    };
                    if matches!(
                        last.op,
                        FlowOp::AddOvf
                            | FlowOp::SubOvf
                            | FlowOp::MulOvf
                            | FlowOp::LShiftOvf
                            | FlowOp::NegOvf
                    ) && !self.try_stack.is_empty()
                    {
                        let point = RaisePoint {
                            block: cur,
                            op_index: self.g.blocks[cur].ops.len() - 1,
                            env: self.env.clone(),
                            handler: None,
                        };
                        self.raise_points.push(point);
                        let i = self.raise_points.len() - 1;
                        self.try_stack.last_mut().expect("try").points.push(i);
                    }
                }
            }
        }
        v
    }

    fn compare(&mut self, op: CmpOp, a: Value<Const>, b: Value<Const>, span: Span) -> Value<Const> {
        let fop = match op {
            CmpOp::Lt => FlowOp::Lt,
            CmpOp::Le => FlowOp::Le,
            CmpOp::Eq => FlowOp::Eq,
            CmpOp::Ne => FlowOp::Ne,
            CmpOp::Gt => FlowOp::Gt,
            CmpOp::Ge => FlowOp::Ge,
            CmpOp::Is => FlowOp::Is,
            CmpOp::IsNot => FlowOp::IsNot,
            CmpOp::In => return self.emit(FlowOp::Contains, vec![b, a], span),
            CmpOp::NotIn => {
                let c = self.emit(FlowOp::Contains, vec![b, a], span);
                return self.emit(FlowOp::Not, vec![c], span);
            }
        };
        self.emit(fop, vec![a, b], span)
    }
}

/// The span of an assignment target.
fn target_span(t: &Target) -> Span {
    match t {
        Target::Name(_, s)
        | Target::Tuple(_, s)
        | Target::Subscript(_, _, s)
        | Target::Attribute(_, _, s)
        | Target::Unsupported(_, s) => *s,
    }
}

fn names_const(names: &[&str]) -> Value<Const> {
    Value::Const(Const::Names(names.iter().map(|n| Rc::from(*n)).collect()))
}

/// Python truth of a constant, when known.
fn truth(c: &Const) -> Option<bool> {
    match c {
        Const::None => Some(false),
        Const::Bool(b) => Some(*b),
        Const::Int(i) => Some(*i != 0),
        Const::Float(x) => Some(*x != 0.0),
        Const::Str(s) => Some(!s.is_empty()),
        Const::Bytes(b) => Some(!b.is_empty()),
        Const::Builtin(_) => Some(true),
        Const::Obj(..) | Const::Names(_) | Const::Undefined => None,
    }
}

/// Folds an operation over constants, with the translated program's semantics (wrapping machine
/// integers). Returns `None` when the operation must stay (non-constant operands, or a result
/// that depends on run time, such as a division by zero).
fn fold(snapshot: &Snapshot, op: FlowOp, args: &[Value<Const>]) -> Option<Const> {
    let consts: Vec<&Const> = args.iter().map(|a| a.as_const()).collect::<Option<_>>()?;
    use Const as C;
    Some(match (op, consts.as_slice()) {
        (FlowOp::Add, [C::Int(a), C::Int(b)]) => C::Int(a.wrapping_add(*b)),
        (FlowOp::Sub, [C::Int(a), C::Int(b)]) => C::Int(a.wrapping_sub(*b)),
        (FlowOp::Mul, [C::Int(a), C::Int(b)]) => C::Int(a.wrapping_mul(*b)),
        (FlowOp::And, [C::Int(a), C::Int(b)]) => C::Int(a & b),
        (FlowOp::Or, [C::Int(a), C::Int(b)]) => C::Int(a | b),
        (FlowOp::Xor, [C::Int(a), C::Int(b)]) => C::Int(a ^ b),
        (FlowOp::FloorDiv, [C::Int(a), C::Int(b)]) if *b != 0 && !(*a == i64::MIN && *b == -1) => {
            let q = a / b;
            C::Int(if a % b != 0 && ((*a < 0) != (*b < 0)) {
                q - 1
            } else {
                q
            })
        }
        (FlowOp::Mod, [C::Int(a), C::Int(b)]) if *b != 0 && *b != -1 => {
            let r = a % b;
            C::Int(if r != 0 && ((r < 0) != (*b < 0)) {
                r + b
            } else {
                r
            })
        }
        (FlowOp::LShift, [C::Int(a), C::Int(b)]) if (0..64).contains(b) => {
            C::Int(a.wrapping_shl(*b as u32))
        }
        (FlowOp::RShift, [C::Int(a), C::Int(b)]) if (0..64).contains(b) => C::Int(a >> b),
        (FlowOp::Neg, [C::Int(a)]) => C::Int(a.wrapping_neg()),
        (FlowOp::Invert, [C::Int(a)]) => C::Int(!a),
        (FlowOp::Add, [C::Str(a), C::Str(b)]) => C::Str(format!("{a}{b}").into()),
        (FlowOp::Lt, [C::Int(a), C::Int(b)]) => C::Bool(a < b),
        (FlowOp::Le, [C::Int(a), C::Int(b)]) => C::Bool(a <= b),
        (FlowOp::Gt, [C::Int(a), C::Int(b)]) => C::Bool(a > b),
        (FlowOp::Ge, [C::Int(a), C::Int(b)]) => C::Bool(a >= b),
        (FlowOp::Eq, [C::Int(a), C::Int(b)]) => C::Bool(a == b),
        (FlowOp::Ne, [C::Int(a), C::Int(b)]) => C::Bool(a != b),
        (FlowOp::Eq, [C::Str(a), C::Str(b)]) => C::Bool(a == b),
        (FlowOp::Ne, [C::Str(a), C::Str(b)]) => C::Bool(a != b),
        (FlowOp::Is, [a, b]) => match (a, b) {
            (C::None, C::None) => C::Bool(true),
            (C::Obj(x, _), C::Obj(y, _)) => C::Bool(x == y),
            (C::None, C::Obj(..)) | (C::Obj(..), C::None) => C::Bool(false),
            _ => return None,
        },
        (FlowOp::Bool, [c]) => C::Bool(truth(c)?),
        (FlowOp::Not, [c]) => C::Bool(!truth(c)?),
        (FlowOp::GetItem, [C::Obj(id, _), C::Int(i)]) => match snapshot.obj(*id) {
            rpy_model::snapshot::PyObject::Tuple(items) => {
                let n = items.len() as i64;
                let idx = if *i < 0 { i + n } else { *i };
                let v = items.get(usize::try_from(idx).ok()?)?;
                const_of(snapshot, v).ok()?
            }
            _ => return None,
        },
        (FlowOp::GetItem, [C::Str(s), C::Int(i)]) if s.is_ascii() => {
            let n = s.len() as i64;
            let idx = if *i < 0 { i + n } else { *i };
            let c = s.as_bytes().get(usize::try_from(idx).ok()?)?;
            C::Str((*c as char).to_string().into())
        }
        _ => return None,
    })
}
