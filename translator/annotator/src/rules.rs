//! The annotation rules: the result annotation of each flow operation from the annotations of its
//! operands, including calls (argument binding with keywords and defaults), builtins and methods.
//! A rule that meets operands it does not accept reports an error at the operation, naming the
//! operation as Python spells it and labelling each operand's origin; constructs that are valid
//! RPython but not handled yet say "not RPython (yet)". The pseudo-builtins `#range` and
//! `#unpack` of the flow builder are typed here too.

use crate::ann::{Ann, IntKind};
use crate::annotate::{Annotator, GraphId, GraphSource};
use rpy_model::flowop::{Const, FlowOp};
use rpy_model::graph::{Operation, Value};
use rpy_model::snapshot::{ObjId, PyObject, PyValue};
use rpy_model::{Diagnostic, Span};
use std::rc::Rc;

impl Annotator<'_> {
    /// `OSError` instances have `errno` (int) and `strerror` (str), and a message.
    pub(crate) fn declare_oserror_attrs(&mut self) {
        let c = self.builtin_class("OSError").expect("OSError");
        let root = self.builtin_class("Exception").expect("Exception");
        self.write_attr(root, "__msg__", Ann::Str, None);
        self.write_attr(c, "errno", Ann::Int, None);
        self.write_attr(c, "strerror", Ann::Str, None);
    }

    fn dict_error(&mut self, op: &Operation<FlowOp, Const>, what: &str) -> Ann {
        let msg = format!("a dict cannot hold {what}s of different types");
        self.error(
            Diagnostic::new("E0204", msg)
                .at(op.span, format!("this {what} does not fit the dict"))
                .note("RPython dicts have one key type and one value type"),
        );
        Ann::Bottom
    }

    /// Whether a class derives from a builtin exception class.
    pub fn derives_from_builtin(&self, c: crate::classdef::ClassId) -> bool {
        self.mro(c).iter().any(|k| self.is_builtin_class(*k))
    }
}

fn values_missing(an: &Annotator, c: crate::classdef::ClassId, attr: &str) -> bool {
    an.subtree(c)
        .iter()
        .any(|x| an.class_attr(*x, attr).is_none())
}

/// A call of a bound method value (`f(args)` where `f` is `BoundMethod(c, name)`) as the method
/// call `f.name(args)` on the instance that represents it: the operation and its annotations.
pub fn bound_method_call(
    op: &Operation<FlowOp, Const>,
    anns: &[Ann],
    c: crate::classdef::ClassId,
    name: &str,
) -> (Operation<FlowOp, Const>, Vec<Ann>) {
    let mut args = vec![
        op.args[0].clone(),
        Value::Const(Const::Str(name.into())),
        op.args[1].clone(),
    ];
    args.extend(op.args[2..].iter().cloned());
    let mut a = vec![Ann::Inst(c, false), Ann::Bottom, Ann::Bottom];
    a.extend(anns[2..].iter().cloned());
    (
        Operation {
            op: FlowOp::CallMethod,
            args,
            result: op.result,
            span: op.span,
        },
        a,
    )
}

/// The keyword names of a call or method call (`names_at`: the index of its `Const::Names`
/// argument) and the number of its positional arguments, which follow that index.
pub fn call_shape(op: &Operation<FlowOp, Const>, names_at: usize) -> (Rc<[Rc<str>]>, usize) {
    let names: Rc<[Rc<str>]> = match &op.args[names_at] {
        Value::Const(Const::Names(n)) => n.clone(),
        _ => Rc::from(vec![]),
    };
    let nargs = op.args.len() - (names_at + 1) - names.len();
    (names, nargs)
}

/// Where a parameter's value comes from at a call site.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgSource {
    /// The i-th positional argument of the call.
    Positional(usize),
    /// The i-th keyword argument of the call.
    Keyword(usize),
    /// The function's default.
    Default(PyValue),
}

/// Binds call arguments to the parameters of a function: `nargs` positional arguments and the
/// keyword `names`. Errors are messages for the call site.
pub fn bind_args(
    params: &[String],
    defaults: &[PyValue],
    fname: &str,
    nargs: usize,
    names: &[Rc<str>],
) -> Result<Vec<ArgSource>, String> {
    if nargs > params.len() {
        return Err(format!(
            "`{fname}()` takes {} argument{} but {nargs} were given",
            params.len(),
            if params.len() == 1 { "" } else { "s" }
        ));
    }
    let first_default = params.len() - defaults.len();
    let mut out = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let kw = names.iter().position(|n| &**n == p.as_str());
        if i < nargs {
            if kw.is_some() {
                return Err(format!(
                    "`{fname}()` got multiple values for argument `{p}`"
                ));
            }
            out.push(ArgSource::Positional(i));
        } else if let Some(k) = kw {
            out.push(ArgSource::Keyword(k));
        } else if i >= first_default {
            out.push(ArgSource::Default(defaults[i - first_default].clone()));
        } else {
            return Err(format!("`{fname}()` is missing the argument `{p}`"));
        }
    }
    for n in names {
        if !params.iter().any(|p| p.as_str() == &**n) {
            return Err(format!(
                "`{fname}()` got an unexpected keyword argument `{n}`"
            ));
        }
    }
    Ok(out)
}

/// The result of an operation that was reported as an error: comparisons still give a bool, so
/// that the code after them is annotated (and its errors reported); other results are impossible
/// (nothing that uses them is reported again).
fn error_result(op: FlowOp) -> Ann {
    match op {
        FlowOp::Lt
        | FlowOp::Le
        | FlowOp::Eq
        | FlowOp::Ne
        | FlowOp::Gt
        | FlowOp::Ge
        | FlowOp::Contains
        | FlowOp::Is
        | FlowOp::IsNot => Ann::Bool,
        _ => Ann::Bottom,
    }
}

/// The class tests of `str` implemented by the C support (`rpy_str_is`, `rpy_char_is`): the kind
/// they are given, a set of the runtime's character flags (every character has one of them) or
/// one of the negative kinds of `rpy_support.h`.
pub fn str_class_kind(name: &str) -> Option<i64> {
    Some(match name {
        "isalpha" => 1,
        "isdecimal" => 2,
        "isdigit" => 4,
        "isnumeric" => 8,
        "isspace" => 16,
        "isalnum" => 1 | 2 | 4 | 8,
        "islower" => -1,
        "isupper" => -2,
        "istitle" => -3,
        "isprintable" => -4,
        "isascii" => -5,
        _ => return None,
    })
}

/// The case mappings of `str` implemented by the C support (`rpy_str_case`), with their kind.
pub fn str_case_kind(name: &str) -> Option<i64> {
    Some(match name {
        "lower" => 0,
        "upper" => 1,
        "title" => 2,
        "casefold" => 3,
        "swapcase" => 4,
        "capitalize" => 5,
        _ => return None,
    })
}

/// Methods of `str` and `list` in Python, to tell "not supported yet" from "no such method".
const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "find",
    "format",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];
const TUPLE_METHODS: &[&str] = &["count", "index"];
const BYTES_METHODS: &[&str] = &[
    "count",
    "decode",
    "endswith",
    "find",
    "hex",
    "index",
    "join",
    "lower",
    "replace",
    "split",
    "startswith",
    "strip",
    "upper",
];
const LIST_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

impl Annotator<'_> {
    /// The parameter names and defaults of a function of the snapshot.
    pub fn signature(&self, gid: GraphId) -> (Vec<String>, Vec<PyValue>, String) {
        let g = &self.graphs[gid.0 as usize];
        let params = g
            .graph
            .params()
            .iter()
            .map(|v| g.graph.vars[*v].hint.clone())
            .collect();
        match self.snapshot.obj(g.func) {
            PyObject::Function(f) => (params, f.defaults.clone(), f.qualname.clone()),
            _ => (params, vec![], g.graph.name.clone()),
        }
    }

    pub(crate) fn bad(&mut self, span: Span, msg: String, label: &str) -> Ann {
        self.error(Diagnostic::new("E0210", msg).at(span, label));
        Ann::Bottom
    }

    /// An operation whose operands it does not accept: the message names the operation as
    /// Python spells it and the operands' types; each operand computed elsewhere gets a label
    /// where its type came from.
    fn bad_operands(&mut self, op: &Operation<FlowOp, Const>, anns: &[Ann]) -> Ann {
        let shown: Vec<String> = anns.iter().map(|a| self.show(a)).collect();
        let arg = |i: usize| shown.get(i).cloned().unwrap_or_default();
        let symbol = match op.op {
            FlowOp::Add => "+",
            FlowOp::Sub => "-",
            FlowOp::Mul => "*",
            FlowOp::TrueDiv => "/",
            FlowOp::FloorDiv => "//",
            FlowOp::Mod => "%",
            FlowOp::Pow => "**",
            FlowOp::LShift => "<<",
            FlowOp::RShift => ">>",
            FlowOp::And => "&",
            FlowOp::Or => "|",
            FlowOp::Xor => "^",
            FlowOp::Lt => "<",
            FlowOp::Le => "<=",
            FlowOp::Eq => "==",
            FlowOp::Ne => "!=",
            FlowOp::Gt => ">",
            FlowOp::Ge => ">=",
            FlowOp::Neg => "-",
            FlowOp::Pos => "+",
            FlowOp::Invert => "~",
            _ => "",
        };
        let (msg, label) = match op.op {
            FlowOp::Neg | FlowOp::Pos | FlowOp::Invert => (
                format!("bad operand type for unary `{symbol}`: `{}`", arg(0)),
                "in this operation",
            ),
            _ if !symbol.is_empty() => (
                format!(
                    "unsupported operand types for `{symbol}`: `{}` and `{}`",
                    arg(0),
                    arg(1)
                ),
                "in this operation",
            ),
            FlowOp::Iter | FlowOp::Next => (
                format!("cannot iterate over a value of type `{}`", arg(0)),
                "in this loop",
            ),
            FlowOp::GetItem => match &anns[0] {
                Ann::List(_) | Ann::Str | Ann::Char | Ann::Bytes => (
                    format!("`{}` indices must be integers, not `{}`", arg(0), arg(1)),
                    "in this subscript",
                ),
                _ => (
                    format!("cannot index a value of type `{}`", arg(0)),
                    "in this subscript",
                ),
            },
            FlowOp::SetItem => match &anns[0] {
                Ann::Str | Ann::Char | Ann::Bytes | Ann::Tuple(_) => (
                    format!("`{}` does not support item assignment", arg(0)),
                    "immutable",
                ),
                Ann::List(_) => (
                    format!("`{}` indices must be integers, not `{}`", arg(0), arg(1)),
                    "in this assignment",
                ),
                _ => (
                    format!("cannot assign to an item of a value of type `{}`", arg(0)),
                    "in this assignment",
                ),
            },
            FlowOp::GetSlice => match &anns[0] {
                Ann::List(_) | Ann::Str | Ann::Char | Ann::Bytes => (
                    format!(
                        "slice indices must be integers or `None`, not `{}` and `{}`",
                        arg(1),
                        arg(2)
                    ),
                    "in this slice",
                ),
                _ => (
                    format!("cannot slice a value of type `{}`", arg(0)),
                    "in this slice",
                ),
            },
            FlowOp::Contains => (
                format!(
                    "unsupported operand types for `in`: `{}` and `{}`",
                    arg(1),
                    arg(0)
                ),
                "in this operation",
            ),
            other => (
                format!(
                    "unsupported operand types for `{}`: {}",
                    other.name().trim_end_matches('_'),
                    shown
                        .iter()
                        .map(|s| format!("`{s}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
                "in this operation",
            ),
        };
        let mut d = Diagnostic::new("E0210", msg).at(op.span, label);
        if let [a, b] = anns {
            if a.is_intlike() && b.is_intlike() && Ann::int_result(a, b).is_none() {
                d = d.note(
                    "integers of different signedness do not mix; convert one explicitly \
                     (`intmask(x)`, `r_uint(x)`, `r_int32(x)`, ...)",
                );
            }
        }
        let gid = self.current.0;
        let mut seen = Vec::new();
        for (v, shown) in op.args.iter().zip(&shown) {
            // The result of a call: where the callee's result came from.
            if let Value::Var(x) = v {
                if let Some(&callee) = self.call_targets.get(&(gid, *x)) {
                    let g = &self.graphs[callee.0 as usize];
                    let rv = g.graph.blocks[g.graph.returnblock].inputargs[0];
                    let name = g.graph.name.split('[').next().unwrap_or("").to_string();
                    if let Some(o) = g.origins[rv.0 as usize] {
                        if !seen.contains(&o) {
                            seen.push(o);
                            d = d.also(o, format!("`{name}()` returns `{shown}` here"));
                        }
                        continue;
                    }
                }
            }
            if let Some(o) = self.origin(gid, v) {
                let inside = o.file == op.span.file && o.lo >= op.span.lo && o.hi <= op.span.hi;
                if !inside && !seen.contains(&o) {
                    seen.push(o);
                    d = d.also(o, format!("this is `{shown}`"));
                }
            }
        }
        self.error(d);
        error_result(op.op)
    }

    /// A construct the annotator accepts in principle but the translator cannot handle yet.
    fn not_yet(&mut self, span: Span, what: String) -> Ann {
        self.error(
            Diagnostic::new("E0210", format!("not RPython (yet): {what}"))
                .at(span, "not supported by the translator"),
        );
        Ann::Bottom
    }

    pub(crate) fn op_result(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
    ) -> Ann {
        let anns: Vec<Ann> = op.args.iter().map(|a| self.ann(gid, a)).collect();
        // Calls connect graphs even before every argument is known.
        if op.op == FlowOp::Call {
            return self.call(src, gid, op, &anns);
        }
        if op.op != FlowOp::NewList && op.op != FlowOp::NewTuple && anns.iter().any(Ann::is_bottom)
        {
            return Ann::Bottom;
        }
        if let Some(kind) = anns.first().and_then(Annotator::prelude_kind) {
            let fname = format!("op_{}_{kind}", op.op.name().trim_end_matches('_'));
            if let Some(r) = self.prelude_op(src, gid, op, &anns, &fname) {
                return r;
            }
        }
        // The special methods RPython honours on instances (`__getitem__`, `__setitem__`,
        // `__iter__`, `__next__`, ...): prelude functions that call them.
        if let Some(Ann::Inst(..)) = anns.first() {
            let fname = format!("op_{}_inst", op.op.name().trim_end_matches('_'));
            if let Some(r) = self.prelude_op(src, gid, op, &anns, &fname) {
                return r;
            }
        }
        use Ann::*;
        match (op.op, anns.as_slice()) {
            // Two integer types of different signedness (`r_uint32` and `r_int32`, `r_uint`
            // and `r_int16`) do not mix, except as the count of a shift.
            (o, [a, b])
                if !matches!(o, FlowOp::LShift | FlowOp::RShift | FlowOp::LShiftOvf)
                    && a.is_intlike()
                    && b.is_intlike()
                    && Ann::int_result(a, b).is_none() =>
            {
                self.bad_operands(op, &anns)
            }
            (FlowOp::Add | FlowOp::Sub | FlowOp::Mul, [a, b])
                if a.is_intlike() && b.is_intlike() =>
            {
                Ann::int_result(a, b).unwrap_or(Int)
            }
            (FlowOp::Add | FlowOp::Sub | FlowOp::Mul | FlowOp::TrueDiv, [a, b])
                if a.is_numeric() && b.is_numeric() =>
            {
                Float
            }
            (FlowOp::FloorDiv | FlowOp::Mod, [a, b]) if a.is_intlike() && b.is_intlike() => {
                Ann::int_result(a, b).unwrap_or(Int)
            }
            (FlowOp::FloorDiv | FlowOp::Mod | FlowOp::Pow, [a, b])
                if a.is_numeric() && b.is_numeric() && (*a == Float || *b == Float) =>
            {
                Float
            }
            (FlowOp::Pow, [a, b]) if a.is_intlike() && b.is_intlike() => {
                Ann::int_result(a, b).unwrap_or(Int)
            }
            (FlowOp::LShift | FlowOp::RShift, [a, b]) if a.is_intlike() && b.is_intlike() => {
                Ann::int_result(a, &Int).unwrap_or(Int)
            }
            (FlowOp::And | FlowOp::Or | FlowOp::Xor, [Bool, Bool]) => Bool,
            (FlowOp::And | FlowOp::Or | FlowOp::Xor, [a, b])
                if a.is_intlike() && b.is_intlike() =>
            {
                Ann::int_result(a, b).unwrap_or(Int)
            }
            (FlowOp::Add, [a, b]) if a.is_strlike() && b.is_strlike() => Str,
            (FlowOp::Add, [Bytes, Bytes]) => Bytes,
            (FlowOp::Mul, [a, b]) if a.is_strlike() && b.is_intlike() => Str,
            (FlowOp::Mul, [a, b]) if a.is_intlike() && b.is_strlike() => Str,
            // The result shares the item cell of the operands (the rtyper copies items between
            // lists of one representation).
            (FlowOp::Add, [List(x), List(y)]) => self.shared_list(gid, op, &[*x, *y]),
            (FlowOp::Mul, [List(x), n]) | (FlowOp::Mul, [n, List(x)]) if n.is_intlike() => {
                self.shared_list(gid, op, &[*x])
            }
            (FlowOp::Add, [Tuple(x), Tuple(y)]) => {
                Tuple(x.iter().chain(y.iter()).cloned().collect::<Vec<_>>().into())
            }
            (FlowOp::AddOvf | FlowOp::SubOvf | FlowOp::MulOvf | FlowOp::LShiftOvf, [a, b])
                if a.is_intlike() && b.is_intlike() =>
            {
                Int
            }
            (FlowOp::NegOvf, [a]) if a.is_intlike() => Int,
            (FlowOp::Neg | FlowOp::Pos | FlowOp::Invert, [a]) if a.is_intlike() => {
                Ann::int_result(a, &Int).unwrap_or(Int)
            }
            (FlowOp::Neg | FlowOp::Pos, [Float]) => Float,
            (FlowOp::Bool | FlowOp::Not, [_]) => Bool,
            (
                FlowOp::Lt | FlowOp::Le | FlowOp::Gt | FlowOp::Ge | FlowOp::Eq | FlowOp::Ne,
                [a, b],
            ) => {
                let ok = (a.is_numeric() && b.is_numeric())
                    || (matches!((a, b), (Tuple(x), Tuple(y)) if x.len() == y.len()))
                    || (a.is_strlike() && b.is_strlike())
                    || (*a == Bytes && *b == Bytes)
                    || (matches!(op.op, FlowOp::Eq | FlowOp::Ne) && (*a == None || *b == None))
                    || (matches!(op.op, FlowOp::Eq | FlowOp::Ne)
                        && matches!(a, Inst(..))
                        && matches!(b, Inst(..)))
                    || (matches!(op.op, FlowOp::Eq | FlowOp::Ne)
                        && matches!(a, ClassSet(_))
                        && matches!(b, ClassSet(_)));
                if ok {
                    Bool
                } else {
                    self.bad_operands(op, &anns)
                }
            }
            (FlowOp::Is | FlowOp::IsNot, [_, _]) => Bool,
            (FlowOp::Contains, [Dict(d), k]) => {
                let (d, k) = (*d, k.clone());
                if let Err(what) = self.dict_add(d, &k, &Bottom) {
                    return self.dict_error(op, what);
                }
                Bool
            }
            (FlowOp::Contains, [container, item]) => match container {
                Str | Char if item.is_strlike() => Bool,
                List(_) | Tuple(_) => {
                    let shown = self.show(container);
                    self.not_yet(op.span, format!("`in` on a `{shown}`"));
                    Bool
                }
                _ => self.bad_operands(op, &anns),
            },
            (FlowOp::GetItem, [Dict(d), k]) => {
                let (d, k) = (*d, k.clone());
                if let Err(what) = self.dict_add(d, &k, &Bottom) {
                    return self.dict_error(op, what);
                }
                self.dict_items(d).1
            }
            (FlowOp::DelItem, [Dict(d), k]) => {
                let (d, k) = (*d, k.clone());
                if let Err(what) = self.dict_add(d, &k, &Bottom) {
                    return self.dict_error(op, what);
                }
                None
            }
            (FlowOp::SetItem, [Dict(d), k, v]) => {
                let (d, k, v) = (*d, k.clone(), v.clone());
                if let Err(what) = self.dict_add(d, &k, &v) {
                    return self.dict_error(op, what);
                }
                None
            }
            (FlowOp::NewDict, items) => {
                let d = self.site_dict(gid, op.result);
                for pair in items.chunks(2) {
                    if let [k, v] = pair {
                        if let Err(what) = self.dict_add(d, k, v) {
                            return self.dict_error(op, what);
                        }
                    }
                }
                Dict(d)
            }
            (FlowOp::Iter, [Dict(d)]) => Iter(Rc::new(Dict(*d))),
            (FlowOp::GetItem, [List(k), i]) if i.is_intlike() => self.list_item(*k),
            (FlowOp::GetItem, [Str | Char, i]) if i.is_intlike() => Char,
            (FlowOp::GetItem, [Bytes, i]) if i.is_intlike() => Int,
            (FlowOp::GetItem, [Tuple(items), _]) => match &op.args[1] {
                Value::Const(Const::Int(i)) => {
                    let n = items.len() as i64;
                    let idx = if *i < 0 { i + n } else { *i };
                    match usize::try_from(idx).ok().and_then(|i| items.get(i)) {
                        Some(a) => a.clone(),
                        Option::None => self.bad(
                            op.span,
                            format!("tuple index {i} is out of range for a tuple of {n} items"),
                            "index out of range",
                        ),
                    }
                }
                _ => self.bad(
                    op.span,
                    "tuples can only be indexed by constants".into(),
                    "index is not a constant",
                ),
            },
            (FlowOp::SetItem, [List(k), i, v]) if i.is_intlike() => {
                let v = v.clone();
                self.list_add_item(*k, v, Some(op.span));
                None
            }
            (FlowOp::GetSlice, [s, lo, hi])
                if (lo.is_intlike() || *lo == None) && (hi.is_intlike() || *hi == None) =>
            {
                match s {
                    Str | Char => Str,
                    Bytes => Bytes,
                    List(_) => self.not_yet(op.span, "slicing a list".into()),
                    _ => self.bad_operands(op, &anns),
                }
            }
            (FlowOp::NewList, items) => {
                let k = self.site_list(gid, op.result, Some(op.span));
                for (a, v) in items.iter().zip(&op.args) {
                    let origin = match v {
                        Value::Var(x) => self.graphs[gid.0 as usize].origins[x.0 as usize],
                        _ => Option::None,
                    };
                    self.list_add_item(k, a.clone(), origin.or(Some(op.span)));
                }
                List(k)
            }
            (FlowOp::NewTuple, items) => {
                if items.iter().any(Ann::is_bottom) {
                    return Bottom;
                }
                Tuple(items.to_vec().into())
            }
            (FlowOp::Iter, [List(k)]) => Iter(Rc::new(List(*k))),
            (FlowOp::Iter, [Str | Char]) => Iter(Rc::new(Str)),
            (FlowOp::Iter, [Bytes]) => Iter(Rc::new(Bytes)),
            // A tuple whose items have one type iterates as a list of them.
            (FlowOp::Iter, [Tuple(items)]) => {
                let mut acc = Bottom;
                for it in items.iter() {
                    match self.union(&acc, it) {
                        Ok(u) => acc = u,
                        Err(()) => {
                            let shown = self.show(&anns[0]);
                            return self.bad(
                                op.span,
                                format!(
                                    "cannot iterate over `{shown}`: its items have different types"
                                ),
                                "in this loop",
                            );
                        }
                    }
                }
                let k = self.site_list(gid, op.result, Some(op.span));
                self.list_add_item(k, acc, Some(op.span));
                Iter(Rc::new(List(k)))
            }
            (FlowOp::Next, [Iter(c)]) => match &**c {
                List(k) => self.list_item(*k),
                Dict(d) => self.dict_items(*d).0,
                Str => Char,
                _ => Int,
            },
            (FlowOp::SameAs, [a]) => a.clone(),
            (FlowOp::CheckRangeStep, [a]) if a.is_intlike() => None,
            // An attribute or method of a value that is only None so far: it may still become
            // an instance (attributes start as None in `__init__`); nothing to say yet.
            (FlowOp::GetAttr | FlowOp::SetAttr | FlowOp::CallMethod, [None, ..]) => Bottom,
            (FlowOp::CallMethod, _) => self.method(src, gid, op, &anns),
            (FlowOp::GetAttr, [Inst(c, _), _]) => {
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return Bottom;
                };
                self.instance_getattr(*c, attr, op)
            }
            (FlowOp::GetAttr, [ClassSet(ids), _]) => {
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return Bottom;
                };
                if &**attr == "__name__" {
                    return Str;
                }
                let ids = ids.clone();
                let mut acc = Bottom;
                for id in ids.iter() {
                    let c = self.class_of(*id).expect("class");
                    let Some((_, v)) = self.class_attr(c, attr) else {
                        let cname = self.class(c).name.clone();
                        return self.bad(
                            op.span,
                            format!("class `{cname}` has no attribute `{attr}`"),
                            "unknown attribute",
                        );
                    };
                    if self.method_function(&v).is_some() {
                        return self.not_yet(
                            op.span,
                            format!("the method `{attr}` of one of several classes"),
                        );
                    }
                    let a = self.pyvalue_ann_pub(&v);
                    match self.union(&acc, &a) {
                        Ok(u) => acc = u,
                        Err(()) => {
                            return self.bad(
                                op.span,
                                format!("the classes give `{attr}` values of different types"),
                                "in this attribute read",
                            )
                        }
                    }
                }
                acc
            }
            (FlowOp::GetAttr, [Pbc(Const::Obj(id, _)), _]) if self.class_of(*id).is_some() => {
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return Bottom;
                };
                let c = self.class_of(*id).expect("class");
                match self.class_attr(c, attr) {
                    Some((_, v)) => {
                        let v = match self.method_function(&v) {
                            Some((f, _)) => PyValue::Ref(f),
                            Option::None => v,
                        };
                        self.pyvalue_ann_pub(&v)
                    }
                    Option::None => {
                        let cname = self.class(c).name.clone();
                        self.bad(
                            op.span,
                            format!("class `{cname}` has no attribute `{attr}`"),
                            "unknown attribute",
                        )
                    }
                }
            }
            (FlowOp::SetAttr, [Inst(c, _), _, v]) => {
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return Bottom;
                };
                let origin = match &op.args[2] {
                    Value::Var(x) => self.graphs[gid.0 as usize].origins[x.0 as usize],
                    _ => Option::None,
                };
                let (c, attr, v) = (*c, attr.clone(), v.clone());
                self.check_attr_allowed(c, &attr, op.span);
                self.write_attr(c, &attr, v, origin.or(Some(op.span)));
                None
            }
            (FlowOp::GetAttr, [a, _]) => {
                let shown = self.show(a);
                let attr = match &op.args[1] {
                    Value::Const(Const::Str(s)) => s.to_string(),
                    _ => "?".into(),
                };
                if let Pbc(Const::Obj(id, _)) = a {
                    if matches!(
                        self.snapshot.obj(*id),
                        PyObject::Class { .. } | PyObject::Instance { .. }
                    ) {
                        return self.not_yet(
                            op.span,
                            format!("classes and instances (attribute `{attr}` of `{shown}`)"),
                        );
                    }
                }
                self.bad(
                    op.span,
                    format!("`{shown}` has no attribute `{attr}`"),
                    "unknown attribute",
                )
            }
            _ => self.bad_operands(op, &anns),
        }
    }

    /// The list made by an operation on lists, sharing their item cell.
    fn shared_list(
        &mut self,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        sources: &[crate::ann::ListKey],
    ) -> Ann {
        let k = self.site_list(gid, op.result, Some(op.span));
        let mut acc = Ann::List(k);
        for x in sources {
            self.list_item(*x);
            match self.union(&acc, &Ann::List(*x)) {
                Ok(a) => acc = a,
                Err(()) => return self.bad_operands(op, &[Ann::List(k), Ann::List(*x)]),
            }
        }
        acc
    }

    fn method(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
    ) -> Ann {
        let name = match &op.args[1] {
            Value::Const(Const::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        let nkw = match &op.args[2] {
            Value::Const(Const::Names(n)) => n.len(),
            _ => 0,
        };
        let recv = &anns[0];
        let args = &anns[3..];
        if let Ann::Inst(c, _) = recv {
            if let Some(r) = self.finalizer_queue_method(src, *c, &name, op, anns) {
                return r;
            }
            return self.instance_method(src, gid, *c, &name, op, anns);
        }
        if let Ann::Pbc(Const::Obj(id, _)) = recv {
            if let Some(c) = self.class_of(*id) {
                return self.class_method(src, gid, c, &name, op, anns);
            }
            if self.is_rlib_instance(*id) {
                // JitDriver hints do nothing until there is a JIT.
                if matches!(
                    name.as_str(),
                    "jit_merge_point" | "can_enter_jit" | "loop_header"
                ) {
                    return Ann::None;
                }
            }
            if matches!(self.snapshot.obj(*id), PyObject::Instance { .. }) {
                let shown = self.show(recv);
                return self.not_yet(
                    op.span,
                    format!("classes and instances (method `{name}` of `{shown}`)"),
                );
            }
        }
        if let Ann::WeakDict(def, _) = recv {
            let def = def.clone();
            return self.weakdict_method(&def, &name, args, nkw, op.span);
        }
        match (recv, name.as_str(), args) {
            (Ann::Dict(d), "get", [k]) | (Ann::Dict(d), "get", [k, _]) if nkw == 0 => {
                let (d, k) = (*d, k.clone());
                if let Err(what) = self.dict_add(d, &k, &Ann::Bottom) {
                    return self.dict_error(op, what);
                }
                let v = self.dict_items(d).1;
                let default = args.get(1).cloned().unwrap_or(Ann::None);
                match self.union(&v, &default) {
                    Ok(r) => r,
                    Err(()) => self.dict_error(op, "value"),
                }
            }
            (Ann::Str | Ann::Char, "join", [Ann::List(k)]) => {
                let it = self.list_item(*k);
                if !it.is_strlike() && !it.is_bottom() {
                    return self.bad(
                        op.span,
                        "`str.join()` needs a list of strings".into(),
                        "here",
                    );
                }
                // The items are strings (a list of one-character strings becomes one).
                self.list_add_item(*k, Ann::Str, Some(op.span));
                Ann::Str
            }
            (Ann::Bytes, "decode", []) | (Ann::Bytes, "decode", [Ann::Str]) => Ann::Str,
            (Ann::Str | Ann::Char, m, []) if nkw == 0 && str_class_kind(m).is_some() => Ann::Bool,
            (Ann::Str | Ann::Char, m, []) if nkw == 0 && str_case_kind(m).is_some() => Ann::Str,
            (Ann::List(k), "append", [x]) if nkw == 0 => {
                let x = x.clone();
                self.list_add_item(*k, x, Some(op.span));
                Ann::None
            }
            (Ann::List(k), "pop", []) => self.list_item(*k),
            (Ann::Str | Ann::Char, "encode", []) => Ann::Bytes,
            (Ann::Str | Ann::Char, "encode", [Ann::Str | Ann::Char]) if nkw == 0 => Ann::Bytes,
            _ => {
                if let Some(r) = self.prelude_method(src, gid, op, anns, &name) {
                    return r;
                }
                let shown = self.show(recv);
                let known = matches!(
                    (recv, name.as_str()),
                    (Ann::List(_), "append" | "pop") | (Ann::Str | Ann::Char, "encode")
                );
                if known && nkw > 0 {
                    let base = if matches!(recv, Ann::List(_)) {
                        "list"
                    } else {
                        "str"
                    };
                    self.bad(
                        op.span,
                        format!("`{base}.{name}()` takes no keyword arguments"),
                        "in this call",
                    )
                } else if known {
                    let given: Vec<String> =
                        args.iter().map(|a| format!("`{}`", self.show(a))).collect();
                    let given = if given.is_empty() {
                        "no arguments".to_string()
                    } else {
                        given.join(", ")
                    };
                    let base = if matches!(recv, Ann::List(_)) {
                        "list"
                    } else {
                        "str"
                    };
                    self.bad(
                        op.span,
                        format!("wrong arguments for `{base}.{name}()`: {given}"),
                        "in this call",
                    )
                } else {
                    let (base, python) = match recv {
                        Ann::List(_) => ("list", LIST_METHODS.contains(&name.as_str())),
                        Ann::Str | Ann::Char => ("str", STR_METHODS.contains(&name.as_str())),
                        Ann::Tuple(_) => ("tuple", TUPLE_METHODS.contains(&name.as_str())),
                        Ann::Bytes => ("bytes", BYTES_METHODS.contains(&name.as_str())),
                        _ => ("", false),
                    };
                    if python {
                        self.not_yet(op.span, format!("the method `{base}.{name}()`"))
                    } else {
                        self.bad(
                            op.span,
                            format!("`{shown}` has no method `{name}`"),
                            "unknown method",
                        )
                    }
                }
            }
        }
    }

    fn call(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
    ) -> Ann {
        let (names, nargs) = call_shape(op, 1);
        match &anns[0] {
            Ann::Pbc(Const::Obj(id, _)) => match self.snapshot.obj(*id) {
                PyObject::Function(f) => {
                    if let Some(d) = self.unsupported_function(src, *id, f, op.span) {
                        self.error(d);
                        return Ann::Bottom;
                    }
                    self.call_function(src, gid, *id, op, anns, &names, nargs)
                }
                PyObject::Class { qualname, .. } => match self.class_of(*id) {
                    Some(c) => self.instantiate(src, gid, c, op, anns, &names, nargs),
                    Option::None => self.bad(
                        op.span,
                        format!("not RPython (yet): instantiating class `{qualname}`"),
                        "classes deriving from builtin classes are not supported yet",
                    ),
                },
                PyObject::Module { name, .. } => self.bad(
                    op.span,
                    format!("cannot call the module `{name}`"),
                    "called here",
                ),
                _ => {
                    let shown = self.show(&anns[0]);
                    self.bad(
                        op.span,
                        format!("cannot call a value of type `{shown}`"),
                        "called here",
                    )
                }
            },
            Ann::FuncSet(ids) => {
                let ids = ids.clone();
                let mut result = Ann::Bottom;
                let mut targets = Vec::new();
                for f in ids.iter() {
                    if let Some((ret, g)) = self.call_function_ex(
                        src,
                        gid,
                        *f,
                        op,
                        anns,
                        2,
                        Option::None,
                        &names,
                        nargs,
                    ) {
                        targets.push((*f, g));
                        result = match self.union(&result, &ret) {
                            Ok(r) => r,
                            Err(()) => {
                                return self.bad(
                                    op.span,
                                    "the functions called here return different types".into(),
                                    "in this call",
                                )
                            }
                        };
                    }
                }
                self.funcset_targets.insert((gid, op.result), targets);
                result
            }
            Ann::BoundMethod(c, name) => {
                let (c, name) = (*c, name.clone());
                let (syn, syn_anns) = bound_method_call(op, anns, c, &name);
                self.instance_method(src, gid, c, &name, &syn, &syn_anns)
            }
            Ann::WeakRef(c, _) => {
                if anns.len() > 2 {
                    return self.bad(
                        op.span,
                        "a weakref is called without arguments".into(),
                        "in this call",
                    );
                }
                c.map_or(Ann::None, |c| Ann::Inst(c, true))
            }
            Ann::ClassSet(ids) => {
                let ids = ids.clone();
                let mut result = Ann::Bottom;
                let mut targets = Vec::new();
                for id in ids.iter() {
                    let c = self.class_of(*id).expect("class");
                    self.call_targets.remove(&(gid, op.result));
                    let r = self.instantiate(src, gid, c, op, anns, &names, nargs);
                    if r.is_bottom() {
                        return Ann::Bottom;
                    }
                    let init = self.call_targets.remove(&(gid, op.result));
                    targets.push((c, init));
                    result = match self.union(&result, &r) {
                        Ok(u) => u,
                        Err(()) => return Ann::Bottom,
                    };
                }
                self.classset_targets.insert((gid, op.result), targets);
                result
            }
            Ann::Pbc(Const::Builtin(name)) => {
                let name = name.clone();
                if let Some(r) = self.prelude_builtin(src, gid, op, anns, &name) {
                    return r;
                }
                if anns[2..].iter().any(Ann::is_bottom) {
                    return Ann::Bottom;
                }
                self.builtin(src, gid, &name, op, &anns[2..], &names)
            }
            Ann::Bottom => Ann::Bottom,
            other => {
                let shown = self.display(other);
                self.bad(
                    op.span,
                    format!("cannot call a value of type `{shown}`"),
                    "called here",
                )
            }
        }
    }

    /// Why a function cannot be called from translated code, if it cannot: it is marked
    /// `@not_rpython`, asks for a specialisation the annotator does not do yet, or is a helper
    /// of the `rpython` library marked `cpython_only` (`rpython/rlib/_cpython_only.py`) that
    /// the translator does not give its translated meaning yet.
    fn unsupported_function(
        &mut self,
        src: &mut dyn GraphSource,
        id: ObjId,
        f: &rpy_model::snapshot::FunctionObj,
        span: Span,
    ) -> Option<Diagnostic> {
        let d = if f.attrs.contains_key("_not_rpython_") {
            Diagnostic::new(
                "E0210",
                format!(
                    "`{}` is marked `@not_rpython` and cannot be called from translated code",
                    f.qualname
                ),
            )
            .at(span, "called here")
            .note("`@not_rpython` functions run only on CPython, at import time")
        } else if let Some(PyValue::Str(spec)) = f.attrs.get("_annspecialcase_").filter(|v| {
            !matches!(v, PyValue::Str(s) if s.starts_with("specialize:argtype")
                || s.starts_with("specialize:call_location")
                || s.starts_with("specialize:memo")
                || s.starts_with("specialize:arg")
                || s.starts_with("specialize:ll"))
        }) {
            Diagnostic::new(
                "E0213",
                format!("not RPython (yet): `{}` asks for `{spec}`", f.qualname),
            )
            .at(span, "called here")
            .note("the translator does not specialise functions yet")
        } else if f.attrs.contains_key("_cpython_only_") {
            Diagnostic::new(
                "E0213",
                format!(
                    "not RPython (yet): `{}.{}` is not supported by the translator",
                    f.module, f.qualname
                ),
            )
            .at(span, "called here")
        } else {
            return None;
        };
        Some(match src.span_of(id) {
            Some(s) if !f.module.starts_with("rpython") => d.also(s, "defined here"),
            _ => d,
        })
    }

    #[allow(clippy::too_many_arguments)]
    #[allow(clippy::too_many_arguments)]
    fn call_function(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        func: ObjId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        names: &[Rc<str>],
        nargs: usize,
    ) -> Ann {
        match self.call_function_ex(src, gid, func, op, anns, 2, None, names, nargs) {
            Some((ret, callee)) => {
                self.call_targets.insert((gid, op.result), callee);
                ret
            }
            None => Ann::Bottom,
        }
    }

    /// Calls `func` with the arguments of `op` from index `first` on (`nargs` positional, then
    /// the keyword ones), preceded by `receiver` (a method's `self`) when given. Returns the
    /// result annotation and the graph called.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn call_function_ex(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        func: ObjId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        first: usize,
        receiver: Option<Ann>,
        names: &[Rc<str>],
        nargs: usize,
    ) -> Option<(Ann, GraphId)> {
        let (defaults, fname) = match self.snapshot.obj(func) {
            PyObject::Function(f) => (f.defaults.clone(), f.qualname.clone()),
            _ => return None,
        };
        let Some(params) = src.params(func) else {
            self.error(
                Diagnostic::new(
                    "E0211",
                    format!("cannot find the source of `{fname}`, which is called here"),
                )
                .at(op.span, "called here")
                .note("only functions defined with `def` or `lambda` in the program's files can be translated"),
            );
            return None;
        };
        let skip = usize::from(receiver.is_some());
        if params.len() < skip {
            let msg = format!("`{fname}()` takes no `self` argument");
            self.error(Diagnostic::new("E0211", msg).at(op.span, "in this call"));
            return None;
        }
        let binding = match bind_args(&params[skip..], &defaults, &fname, nargs, names) {
            Ok(b) => b,
            // A function whose graph cannot be built (its flow errors are reported) may have
            // more parameters than its source lists (`*args`): say nothing about the call.
            Err(_) if src.build(func).is_none() => return None,
            Err(msg) => {
                let mut d = Diagnostic::new("E0211", msg).at(op.span, "in this call");
                if let Some(s) = src.span_of(func) {
                    d = d.also(s, "defined here");
                }
                self.error(d);
                return None;
            }
        };
        let mut args = Vec::new();
        let mut consts = Vec::new();
        let mut values = Vec::new();
        if let Some(r) = receiver {
            args.push((r, Some(op.span)));
            consts.push(Option::None);
            values.push(Option::None);
        }
        // Per argument: its annotation and origin, its text when a constant (`specialize.arg`),
        // and its value when an integer or boolean constant (`call_values`).
        for b in &binding {
            let i = match b {
                ArgSource::Positional(i) => first + i,
                ArgSource::Keyword(k) => first + nargs + k,
                ArgSource::Default(d) => {
                    let c = rpy_flow::build::const_of(self.snapshot, d).ok();
                    let a = self.const_ann(c.as_ref().unwrap_or(&Const::None));
                    consts.push(Some(format!("{d:?}")));
                    values.push(c);
                    args.push((a, Some(op.span)));
                    continue;
                }
            };
            let v = &op.args[i];
            let (text, origin) = match v {
                Value::Const(c) => {
                    let mut s = String::new();
                    rpy_model::graph::IrDisplay::fmt_ir(c, &mut s);
                    (Some(s), Option::None)
                }
                Value::Var(x) => (
                    Option::None,
                    self.graphs[gid.0 as usize].origins[x.0 as usize],
                ),
            };
            consts.push(text);
            values.push(self.const_of_var(gid, v));
            args.push((anns[i].clone(), origin.or(Some(op.span))));
        }
        self.call_consts = consts;
        self.call_values = values;
        let r = self.call_graph(src, func, &args, op.span);
        self.call_consts.clear();
        self.call_values.clear();
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn instantiate(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        c: crate::classdef::ClassId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        names: &[Rc<str>],
        nargs: usize,
    ) -> Ann {
        let extra = self.extra_bases(c);
        if !extra.is_empty() {
            let cname = self.class(c).name.clone();
            let names: Vec<String> = extra.iter().map(|e| format!("`{}`", e.0)).collect();
            let mut d = Diagnostic::new(
                "E0223",
                format!(
                    "class `{cname}` has several bases: multiple inheritance is not RPython (also {})",
                    names.join(", ")
                ),
            )
            .at(op.span, "instantiated here")
            .note("RPython classes have one base; copy a mixin's methods into a class with `rpython.rlib.objectmodel.import_from_mixin`");
            if extra.iter().any(|e| e.1) {
                d = d.note("`_mixin_ = True` bases are not supported by the translator yet");
            }
            self.error(d);
            return Ann::Bottom;
        }
        let inst = Ann::Inst(c, false);
        self.note_destructor(src, c, op.span);
        match self
            .class_attr(c, "__init__")
            .and_then(|(_, v)| self.method_function(&v))
        {
            Some((init, _)) => {
                if let Some((_, g)) = self.call_function_ex(
                    src,
                    gid,
                    init,
                    op,
                    anns,
                    2,
                    Some(inst.clone()),
                    names,
                    nargs,
                ) {
                    self.call_targets.insert((gid, op.result), g);
                }
            }
            Option::None if nargs == 1 && names.is_empty() && self.derives_from_builtin(c) => {
                let root = self.builtin_class("Exception").expect("Exception");
                let a = anns[2].clone();
                if !a.is_strlike() {
                    let cname = self.class(c).name.clone();
                    return self.bad(
                        op.span,
                        format!("`{cname}()` takes a message (a str) here"),
                        "in this call",
                    );
                }
                self.write_attr(root, "__msg__", Ann::Str, Some(op.span));
            }
            Option::None if nargs + names.len() > 0 => {
                let cname = self.class(c).name.clone();
                return self.bad(
                    op.span,
                    format!("`{cname}()` takes no arguments (no `__init__`)"),
                    "in this call",
                );
            }
            Option::None => {}
        }
        inst
    }

    /// Reads `attr` of an instance of `c`: an instance attribute, or a class constant.
    fn instance_getattr(
        &mut self,
        c: crate::classdef::ClassId,
        attr: &str,
        op: &Operation<FlowOp, Const>,
    ) -> Ann {
        let has_instance_attr = self
            .subtree(c)
            .iter()
            .any(|x| self.class(*x).attrs.contains_key(attr))
            || self
                .mro(c)
                .iter()
                .any(|x| self.class(*x).attrs.contains_key(attr));
        if !has_instance_attr {
            // Class-level values: the same constant in the whole subtree. If an instance
            // attribute of this name appears later, this block is read again.
            let cur = self.current;
            self.class_const_readers
                .entry(attr.to_string())
                .or_default()
                .insert(cur);
            let values: Vec<Option<PyValue>> = self
                .subtree(c)
                .iter()
                .map(|x| self.class_attr(*x, attr).map(|v| v.1))
                .collect();
            if let Some(Some(first)) = values.first() {
                if let Some((_, takes_self)) = self.method_function(first) {
                    if !takes_self {
                        return self.not_yet(
                            op.span,
                            format!("static methods as values (`.{attr}` without a call)"),
                        );
                    }
                    return Ann::BoundMethod(c, attr.into());
                }
                if values.iter().all(|v| v.as_ref() == Some(first)) {
                    return self.pyvalue_ann_pub(&first.clone());
                }
                // Different values in subclasses: read from a table indexed by class id.
                let mut acc = Ann::Bottom;
                for v in values.into_iter().flatten() {
                    let a = self.pyvalue_ann_pub(&v);
                    acc = match self.union(&acc, &a) {
                        Ok(x) => x,
                        Err(()) => return self.bad(op.span, format!("the class attribute `{attr}` has values of different types in subclasses"), "read here"),
                    };
                }
                if values_missing(self, c, attr) {
                    return self.bad(
                        op.span,
                        format!("some subclasses have no class attribute `{attr}`"),
                        "read here",
                    );
                }
                return acc;
            }
        }
        self.read_attr(c, attr)
    }

    /// `_attrs_` / `__slots__` hints restrict the attributes a class may have.
    fn check_attr_allowed(&mut self, c: crate::classdef::ClassId, attr: &str, span: Span) {
        for k in self.mro(c) {
            if self.is_builtin_class(k) {
                continue;
            }
            let PyObject::Class { dict, qualname, .. } = self.snapshot.obj(self.class(k).obj)
            else {
                continue;
            };
            for hint in ["_attrs_", "__slots__"] {
                let Some(PyValue::Ref(l)) = dict.get(hint) else {
                    continue;
                };
                let names: Vec<String> = match self.snapshot.obj(*l) {
                    PyObject::List(items) | PyObject::Tuple(items) => items
                        .iter()
                        .filter_map(|v| match v {
                            PyValue::Str(s) => Some(s.to_string()),
                            _ => Option::None,
                        })
                        .collect(),
                    _ => continue,
                };
                if names.iter().any(|n| n == attr) {
                    return;
                }
                let msg = format!("`{attr}` is not in `{qualname}.{hint}`");
                self.error(Diagnostic::new("E0221", msg).at(span, "attribute written here"));
                return;
            }
        }
    }

    /// `obj.name(args)` on an instance of `c`: every implementation in `c`'s subtree is called
    /// (virtual dispatch); the result is the union of theirs.
    fn instance_method(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        c: crate::classdef::ClassId,
        name: &str,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
    ) -> Ann {
        let (names, nargs) = call_shape(op, 2);
        let impls = self.method_impls(c, name);
        if impls.is_empty() && self.attr_ann(c, name).is_some() {
            // An attribute holding a function, called.
            let f = self.read_attr(c, name);
            let ids: Vec<ObjId> = match &f {
                Ann::FuncSet(ids) => ids.to_vec(),
                Ann::Pbc(Const::Obj(id, _)) => vec![*id],
                Ann::Bottom => return Ann::Bottom,
                Ann::WeakRef(k, _) if anns.len() == 3 => {
                    // An attribute holding a weak reference, called: its referent.
                    self.weakref_attr_calls.insert((gid, op.result));
                    return k.map_or(Ann::None, |k| Ann::Inst(k, true));
                }
                Ann::BoundMethod(bc, bname) => {
                    // An attribute holding a bound method: its method, called on its instance.
                    let (bc, bname) = (*bc, bname.clone());
                    self.bound_attr_calls
                        .insert((gid, op.result), (bc, bname.clone()));
                    let mut syn = op.clone();
                    syn.args[1] = Value::Const(Const::Str(bname.clone()));
                    let mut a = anns.to_vec();
                    a[0] = Ann::Inst(bc, false);
                    return self.instance_method(src, gid, bc, &bname, &syn, &a);
                }
                other => {
                    let shown = self.show(other);
                    return self.bad(
                        op.span,
                        format!("the attribute `{name}` holds `{shown}`, which cannot be called"),
                        "called here",
                    );
                }
            };
            let mut result = Ann::Bottom;
            let mut targets = Vec::new();
            for fid in ids {
                if let Some((ret, g)) =
                    self.call_function_ex(src, gid, fid, op, anns, 3, Option::None, &names, nargs)
                {
                    targets.push((fid, g));
                    result = self.union(&result, &ret).unwrap_or(result);
                }
            }
            self.funcset_targets.insert((gid, op.result), targets);
            return result;
        }
        if impls.is_empty() {
            let cname = self.class(c).name.clone();
            return self.bad(
                op.span,
                format!("`{cname}` instances have no method `{name}`"),
                "called here",
            );
        }
        let mut result = Ann::Bottom;
        let mut targets = Vec::new();
        for (def, func, takes_self) in impls {
            let receiver = if takes_self {
                Some(Ann::Inst(def, false))
            } else {
                Option::None
            };
            if let Some((ret, g)) =
                self.call_function_ex(src, gid, func, op, anns, 3, receiver, &names, nargs)
            {
                targets.push((def, g));
                result = match self.union(&result, &ret) {
                    Ok(r) => r,
                    Err(()) => {
                        let (a, b) = (self.show(&result), self.show(&ret));
                        return self.bad(
                            op.span,
                            format!("the implementations of `{name}` return both `{a}` and `{b}`"),
                            "in this call",
                        );
                    }
                };
            }
        }
        self.method_targets.insert((gid, op.result), targets);
        result
    }

    /// `C.name(args)`: the function found on the class, called with the arguments as given.
    fn class_method(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        c: crate::classdef::ClassId,
        name: &str,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
    ) -> Ann {
        let (names, nargs) = call_shape(op, 2);
        // A classmethod: the class is its first argument (a constant, so the function is
        // specialised per class).
        if let Some((_, PyValue::Ref(m))) = self.class_attr(c, name) {
            if let PyObject::ClassMethod(PyValue::Ref(f)) = self.snapshot.obj(m) {
                let f = *f;
                let obj = self.class(c).obj;
                let cname = self.class(c).name.clone();
                let recv = Ann::Pbc(Const::Obj(obj, format!("class {cname}").into()));
                return match self.call_function_ex(
                    src,
                    gid,
                    f,
                    op,
                    anns,
                    3,
                    Some(recv),
                    &names,
                    nargs,
                ) {
                    Some((ret, g)) => {
                        self.call_targets.insert((gid, op.result), g);
                        self.classmethod_calls.insert((gid, op.result));
                        ret
                    }
                    Option::None => Ann::Bottom,
                };
            }
        }
        let Some((f, _)) = self
            .class_attr(c, name)
            .and_then(|(_, v)| self.method_function(&v))
        else {
            let cname = self.class(c).name.clone();
            return self.bad(
                op.span,
                format!("class `{cname}` has no method `{name}`"),
                "called here",
            );
        };
        match self.call_function_ex(src, gid, f, op, anns, 3, Option::None, &names, nargs) {
            Some((ret, g)) => {
                self.call_targets.insert((gid, op.result), g);
                ret
            }
            Option::None => Ann::Bottom,
        }
    }

    fn builtin(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        name: &str,
        op: &Operation<FlowOp, Const>,
        args: &[Ann],
        names: &[Rc<str>],
    ) -> Ann {
        use Ann::*;
        let nkw = names.len();
        let pos = &args[..args.len() - nkw];
        let shown: Vec<String> = pos.iter().map(|a| format!("`{}`", self.show(a))).collect();
        let given = shown.join(", ");
        // The functions of `rpython.rlib` go by their own names (`rgc.can_move` is `can_move`).
        let fname = name.strip_prefix("rlib.").unwrap_or(name);
        // Wrong number of positional arguments.
        let count_error = |s: &mut Self, expected: &str| {
            let n = pos.len();
            s.bad(
                op.span,
                format!(
                    "`{fname}()` takes {expected} but {n} {} given",
                    if n == 1 { "was" } else { "were" }
                ),
                "in this call",
            )
        };
        // Arguments of types the builtin does not take (yet).
        let type_error = |s: &mut Self| {
            s.bad(
                op.span,
                format!("`{fname}()` does not accept an argument of type {given}"),
                "in this call",
            )
        };
        let not_yet =
            |s: &mut Self| s.not_yet(op.span, format!("`{fname}()` of a value of type {given}"));
        // The OSErrors the runtime raises carry `errno` and `strerror`.
        if name.starts_with("os.") {
            self.declare_oserror_attrs();
        }
        match name {
            "print" => {
                for (n, a) in names.iter().zip(&args[pos.len()..]) {
                    if !matches!(&**n, "sep" | "end") {
                        return self.not_yet(op.span, format!("the `print()` keyword `{n}`"));
                    }
                    if !a.is_strlike() {
                        let shown = self.show(a);
                        return self.bad(
                            op.span,
                            format!("the `print()` keyword `{n}` must be a `str`, not `{shown}`"),
                            "in this call",
                        );
                    }
                }
                for (i, a) in pos.iter().enumerate() {
                    if !matches!(a, Int | UInt | Fixed(_) | Bool | Float | Char | Str | None)
                        && !self.prepare_str_conv(src, gid, op, i, a, false)
                    {
                        let shown = self.show(a);
                        return self
                            .not_yet(op.span, format!("printing a value of type `{shown}`"));
                    }
                }
                None
            }
            "rlib.hint"
            | "rlib.promote"
            | "rlib.promote_string"
            | "rlib.intmask"
            | "rlib.r_int"
            | "rlib.r_longlong"
            | "rlib.longlongmask"
            | "rlib.widen"
            | "rlib.make_sure_not_resized" => match pos {
                [a] => {
                    if name != "rlib.hint" && name.contains("mask") && !a.is_intlike() {
                        return type_error(self);
                    }
                    let to_signed = matches!(
                        name,
                        "rlib.intmask" | "rlib.r_int" | "rlib.r_longlong" | "rlib.longlongmask"
                    );
                    // `widen()` makes a narrow integer a plain int; the masks make every
                    // integer one.
                    let widened = to_signed || name == "rlib.widen";
                    if *a == Bool || (to_signed && *a == UInt) || (widened && matches!(a, Fixed(_)))
                    {
                        Int
                    } else {
                        a.clone()
                    }
                }
                _ => count_error(self, "one argument"),
            },
            "rlib.we_are_jitted" | "rlib.isconstant" | "rlib.isvirtual" => Bool,
            "gc.collect" => match pos {
                [] => None,
                [a] if a.is_intlike() => None,
                [_] => type_error(self),
                _ => count_error(self, "at most one argument"),
            },
            "gc.enable" | "gc.disable" => match pos {
                [] => None,
                _ => count_error(self, "no arguments"),
            },
            "rlib.add_memory_pressure" => match pos {
                [a] | [a, Inst(..) | GcRef(_) | None] if a.is_intlike() => None,
                [_] | [_, _] => type_error(self),
                _ => count_error(self, "one or two arguments"),
            },
            "gc.isenabled" | "rlib.has_weakref_support" => match pos {
                [] => Bool,
                _ => count_error(self, "no arguments"),
            },
            "rlib.can_move" => match pos {
                [Inst(_, false) | Str | Bytes | List(_) | Dict(_) | Tuple(_)] => Bool,
                [Inst(_, true)] => self.bad(
                    op.span,
                    "`can_move()` of a value that may be None".into(),
                    "assert that it is not None before this call",
                ),
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.cast_instance_to_gcref" => match pos {
                [Inst(_, n)] => GcRef(*n),
                [None] => GcRef(true),
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.try_cast_gcref_to_instance" => match pos {
                [Pbc(Const::Obj(id, _)), GcRef(_) | None] if self.class_of(*id).is_some() => {
                    Inst(self.class_of(*id).expect("class"), true)
                }
                [_, _] => type_error(self),
                _ => count_error(self, "two arguments"),
            },
            "rlib.cast_gcref_to_instance" => match pos {
                [Pbc(Const::Obj(id, _)), GcRef(_) | None] if self.class_of(*id).is_some() => {
                    Inst(self.class_of(*id).expect("class"), true)
                }
                [_, _] => type_error(self),
                _ => count_error(self, "two arguments"),
            },
            "rlib.get_rpy_memory_usage" | "rlib.get_rpy_type_index" => match pos {
                [GcRef(false)] => Int,
                [GcRef(true)] => self.bad(
                    op.span,
                    format!("`{}()` of a GCREF that may be None", &name[5..]),
                    "assert that it is not None before this call",
                ),
                [Inst(..)] => self.bad(
                    op.span,
                    format!("`{}()` takes a GCREF, not an instance", &name[5..]),
                    "make one with `rgc.cast_instance_to_gcref()`",
                ),
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "weakref.ref" | "weakref.ReferenceType" => match pos {
                [Inst(c, false)] => WeakRef(Some(*c), false),
                [Inst(_, true) | None] => self.bad(
                    op.span,
                    "`weakref.ref()` of a value that may be None".into(),
                    "assert that it is not None before taking a weakref to it",
                ),
                [_] => self.bad(
                    op.span,
                    format!("`weakref.ref()` takes an instance of a class, not {given}"),
                    "in this call",
                ),
                _ => count_error(self, "one argument"),
            },
            "rlib.jit_debug" | "rlib.assert_green" => None,
            _ if nkw > 0 => self.bad(
                op.span,
                format!("`{fname}()` takes no keyword arguments"),
                "in this call",
            ),
            // `type(x)` of an instance: its class id, to compare with a class (`type(x) is C`).
            "type" => match pos {
                // The classes the instance may belong to, when all are the program's (builtin
                // exception classes are not in the snapshot): `type(x)()`, `type(x).attr` and
                // `type(x).__name__` work as on any set of classes.
                [Inst(c, false)] => {
                    let sub = self.subtree(*c);
                    let mut ids: Vec<_> = sub
                        .iter()
                        .filter(|k| !self.is_builtin_class(**k))
                        .map(|k| self.class(*k).obj)
                        .collect();
                    if ids.len() == sub.len() {
                        ids.sort();
                        ClassSet(ids.into())
                    } else {
                        Int
                    }
                }
                [_] => self.not_yet(
                    op.span,
                    "`type()` except of an instance, in `type(x) is C`".into(),
                ),
                _ => count_error(self, "one argument"),
            },
            "rlib.r_uint" => match pos {
                [] => UInt,
                [a] if a.is_numeric() => UInt,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            n if n
                .strip_prefix("rlib.")
                .and_then(IntKind::from_name)
                .is_some() =>
            {
                let kind = n.strip_prefix("rlib.").and_then(IntKind::from_name);
                match (pos, kind) {
                    ([] | [Bool | Int | UInt | Fixed(_) | Float], Some(k)) => Fixed(k),
                    ([_], _) => type_error(self),
                    _ => count_error(self, "one argument"),
                }
            }
            "rlib.RWeakValueDictionary" | "rlib.RWeakKeyDictionary" if nkw == 0 => {
                self.weakdict_new(name == "rlib.RWeakKeyDictionary", pos, op.span)
            }
            "rlib.r_dict" => match pos {
                [Pbc(Const::Obj(eq, _)), Pbc(Const::Obj(hash, _)), ..]
                    if matches!(self.snapshot.obj(*eq), PyObject::Function(_))
                        && matches!(self.snapshot.obj(*hash), PyObject::Function(_)) =>
                {
                    let (eq, hash) = (*eq, *hash);
                    let d = self.site_dict(self.current.0, op.result);
                    self.make_rdict(d, eq, hash, op.span);
                    Dict(d)
                }
                [_, _, ..] => self.bad(
                    op.span,
                    "`r_dict()` takes two functions: the key equality and the key hash".into(),
                    "in this call",
                ),
                _ => count_error(self, "two arguments"),
            },
            "rlib.set_param"
            | "rlib.set_user_param"
            | "rlib.record_known_result"
            | "rlib.record_exact_class"
            | "rlib.keepalive_until_here"
            | "rlib.debug_print_traceback"
            | "rlib.debug_flush" => None,
            "rlib.debug_start"
            | "rlib.debug_stop"
            | "rlib.fatalerror"
            | "rlib.fatalerror_notb"
            | "rlib._debug_write" => match pos {
                [Str | Char] => None,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.have_debug_prints" => Bool,
            "rlib.have_debug_prints_for" => match pos {
                [Str | Char] => Bool,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.debug_offset" => Int,
            "rlib.float2longlong" => match pos {
                [x] if x.is_numeric() => Int,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.longlong2float" => match pos {
                [x] if x.is_intlike() => Float,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.formatd" => match pos {
                [x, Char | Str, p] | [x, Char | Str, p, _]
                    if x.is_numeric()
                        && p.is_intlike()
                        && pos.get(3).is_none_or(|f| f.is_intlike()) =>
                {
                    Str
                }
                [_, _, _] | [_, _, _, _] => type_error(self),
                _ => count_error(self, "three or four arguments"),
            },
            "rlib.compute_hash" => match pos {
                [Str | Char | Int | Bool | Inst(..) | Tuple(_)] => Int,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "rlib.compute_identity_hash"
            | "rlib.compute_unique_id"
            | "rlib.current_object_addr_as_int" => match pos {
                [Inst(..)] => Int,
                [_] => self.not_yet(
                    op.span,
                    format!("`{}()` of a value that is not an instance", &name[5..]),
                ),
                _ => count_error(self, "one argument"),
            },
            "rlib.instantiate" => match pos {
                [Pbc(Const::Obj(id, _))] => match self.class_of(*id) {
                    Some(c) => {
                        self.note_destructor(src, c, op.span);
                        Inst(c, false)
                    }
                    Option::None => type_error(self),
                },
                [ClassSet(ids)] => {
                    let ids = ids.clone();
                    let mut acc = Bottom;
                    for id in ids.iter() {
                        let c = self.class_of(*id).expect("class");
                        self.note_destructor(src, c, op.span);
                        acc = self.union(&acc, &Inst(c, false)).unwrap_or(Bottom);
                    }
                    acc
                }
                _ => type_error(self),
            },
            "rlib.ll_assert" => match pos {
                [_, a] if a.is_strlike() => None,
                _ => type_error(self),
            },
            "isinstance" => match pos {
                [a, t] if Annotator::static_isinstance(a, t).is_some() => Bool,
                [Inst(..) | None, Pbc(Const::Obj(..) | Const::Builtin(_))]
                | [Inst(..) | None, Tuple(_)] => Bool,
                [_, _] => type_error(self),
                _ => count_error(self, "two arguments"),
            },
            "len" => match pos {
                [List(_) | Str | Char | Bytes | Tuple(_) | Dict(_)] => Int,
                [_] => self.bad(op.span, format!("{given} has no `len()`"), "in this call"),
                _ => count_error(self, "exactly one argument"),
            },
            "int" => match pos {
                [a] if a.is_numeric() || a.is_strlike() => Int,
                [_] => type_error(self),
                [_, _] => self.not_yet(op.span, "`int()` with a base".into()),
                _ => count_error(self, "one argument"),
            },
            "float" => match pos {
                [a] if a.is_numeric() || a.is_strlike() => Float,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "bool" => match pos {
                [_] => Bool,
                _ => count_error(self, "one argument"),
            },
            "str" => match pos {
                [Int | UInt | Fixed(_) | Bool | Float | Char | Str | None] => Str,
                [_] => not_yet(self),
                _ => count_error(self, "one argument"),
            },
            "abs" => match pos {
                [Fixed(k)] => Fixed(*k),
                [a] if a.is_intlike() => Int,
                [Float] => Float,
                [_] => type_error(self),
                _ => count_error(self, "exactly one argument"),
            },
            "min" | "max" => {
                if pos.len() < 2 {
                    return self.not_yet(
                        op.span,
                        format!("`{name}()` of an iterable (give two or more arguments)"),
                    );
                }
                let mut acc = Bottom;
                for a in pos {
                    let ok = (a.is_numeric() && (acc == Bottom || acc.is_numeric()))
                        || (a.is_strlike() && (acc == Bottom || acc.is_strlike()));
                    if !ok {
                        return self.bad(
                            op.span,
                            format!("`{name}()` cannot compare {given}"),
                            "in this call",
                        );
                    }
                    acc = self.union(&acc, a).unwrap_or(Bottom);
                }
                if acc == Bool {
                    Int
                } else {
                    acc
                }
            }
            "ord" => match pos {
                [Char] => Int,
                // A `str` that is not a constant (`c.lower()` of a character, which a full case
                // mapping may lengthen): its length is checked when the program runs, with
                // CPython's TypeError.
                [Str] if !matches!(op.args.get(2), Some(Value::Const(Const::Str(_)))) => Int,
                [Str] => self.bad(
                    op.span,
                    "`ord()` needs a one-character string".into(),
                    "this `str` is not known to have exactly one character",
                ),
                [_] => type_error(self),
                _ => count_error(self, "exactly one argument"),
            },
            "chr" => match pos {
                [a] if a.is_intlike() => Char,
                [_] => type_error(self),
                _ => count_error(self, "exactly one argument"),
            },
            "os.lseek" => match pos {
                [a, b, c] if a.is_intlike() && b.is_intlike() && c.is_intlike() => Int,
                [_, _, _] => type_error(self),
                _ => count_error(self, "3 arguments"),
            },
            "os.ftruncate" => match pos {
                [a, b] if a.is_intlike() && b.is_intlike() => None,
                [_, _] => type_error(self),
                _ => count_error(self, "2 arguments"),
            },
            "os.unlink" | "os.rmdir" => match pos {
                [p] if p.is_strlike() => None,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "os.path.exists" | "os.path.isfile" | "os.path.isdir" => match pos {
                [p] if p.is_strlike() => Bool,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "os.isatty" => match pos {
                [a] if a.is_intlike() => Bool,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "os.getpid" => match pos {
                [] => Int,
                _ => count_error(self, "no arguments"),
            },
            "os.getenv" => match pos {
                [n] if n.is_strlike() => Str,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "time.time" | "time.perf_counter" | "time.monotonic" | "time.process_time"
            | "time.clock" => match pos {
                [] => Float,
                _ => count_error(self, "no arguments"),
            },
            "time.sleep" => match pos {
                [x] if x.is_numeric() => None,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "sys.stdout.write" | "sys.stderr.write" => match pos {
                [x] if x.is_strlike() => Int,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "sys.stdout.flush" | "sys.stderr.flush" => None,
            "sys.stdin.readline" | "sys.stdin.read" => match pos {
                [] => Str,
                _ => count_error(self, "no arguments"),
            },
            "sys.exit" => match pos {
                [] => None,
                [x] if x.is_intlike() => None,
                [_] => type_error(self),
                _ => count_error(self, "at most one argument"),
            },
            "os.open" => match pos {
                [p, f] | [p, f, _] if p.is_strlike() && f.is_intlike() => Int,
                _ => type_error(self),
            },
            "os.read" => match pos {
                [fd, n] if fd.is_intlike() && n.is_intlike() => Bytes,
                _ => type_error(self),
            },
            "os.close" => match pos {
                [fd] if fd.is_intlike() => None,
                _ => type_error(self),
            },
            "bytes" => match pos {
                [List(k)] => {
                    let it = self.list_item(*k);
                    if !it.is_intlike() && !it.is_bottom() {
                        return type_error(self);
                    }
                    Bytes
                }
                [Bytes] => Bytes,
                _ => type_error(self),
            },
            "os.write" => match pos {
                [fd, Bytes] if fd.is_intlike() => Int,
                [_, _] => self.bad(
                    op.span,
                    format!("`os.write()` takes an `int` and a `bytes`, not {given}"),
                    "in this call",
                ),
                _ => count_error(self, "2 arguments"),
            },
            "range" => self.not_yet(
                op.span,
                "`range()` outside the header of a `for` loop".into(),
            ),
            // The bounds of a `range()` loop (see the flow builder).
            "#range" => {
                if let Some(bad) = pos.iter().find(|a| !a.is_intlike()) {
                    let shown = self.show(bad);
                    let mut d = Diagnostic::new(
                        "E0214",
                        format!("`range()` arguments must be integers, not `{shown}`"),
                    )
                    .at(op.span, "in this loop");
                    let gid = self.current.0;
                    for (v, a) in op.args[2..].iter().zip(pos) {
                        if !a.is_intlike() {
                            if let Some(o) = self.origin(gid, v) {
                                d = d.also(o, format!("this is `{shown}`"));
                                break;
                            }
                        }
                    }
                    self.error(d);
                    // The loop's comparisons would report the same mistake.
                    let gid = self.current.0;
                    for v in &op.args[2..] {
                        self.poison(gid, v);
                    }
                    return Bottom;
                }
                None
            }
            // Whether a value unpacked into `n` targets has `n` items (see the flow builder).
            "#unpack" => {
                let n = match op.args.get(3) {
                    Some(Value::Const(Const::Int(n))) => *n as usize,
                    _ => 0,
                };
                match &pos[0] {
                    Tuple(items) if items.len() != n => {
                        let (len, shown) = (items.len(), self.show(&pos[0]));
                        let mut d = Diagnostic::new(
                            "E0212",
                            format!(
                                "cannot unpack a tuple of {len} item{} into {n} target{}",
                                if len == 1 { "" } else { "s" },
                                if n == 1 { "" } else { "s" }
                            ),
                        )
                        .at(
                            op.span,
                            format!("{n} target{}", if n == 1 { "" } else { "s" }),
                        );
                        if let Some(o) = self.origin(self.current.0, &op.args[2]) {
                            d = d.also(o, format!("this is `{shown}`"));
                        }
                        self.error(d);
                        self.poison(self.current.0, &op.args[2]);
                        Bottom
                    }
                    Tuple(_) | List(_) | Str | Char | Bytes => Bool,
                    other => {
                        let shown = self.show(other);
                        let mut d = Diagnostic::new(
                            "E0212",
                            format!("cannot unpack a value of type `{shown}`"),
                        )
                        .at(op.span, "in this assignment");
                        if let Some(o) = self.origin(self.current.0, &op.args[2]) {
                            if o != op.span {
                                d = d.also(o, format!("this is `{shown}`"));
                            }
                        }
                        self.error(d);
                        self.poison(self.current.0, &op.args[2]);
                        Bottom
                    }
                }
            }
            "OSError" if pos.len() == 2 => match pos {
                [e, Str | Char] if e.is_intlike() => {
                    let c = self.builtin_class(name).expect("builtin exception");
                    self.declare_oserror_attrs();
                    Inst(c, false)
                }
                _ => type_error(self),
            },
            n if self.builtin_class(n).is_some() => match pos {
                [] => Inst(self.builtin_class(name).expect("builtin exception"), false),
                [Str | Char] => {
                    let c = self.builtin_class(name).expect("builtin exception");
                    let root = self.builtin_class("Exception").expect("Exception");
                    self.write_attr(root, "__msg__", Str, Some(op.span));
                    Inst(c, false)
                }
                [_] => type_error(self),
                _ => count_error(self, "at most one argument"),
            },
            "math.sqrt" | "math.exp" | "math.log" | "math.log10" | "math.log2" | "math.sin"
            | "math.cos" | "math.tan" | "math.asin" | "math.acos" | "math.atan" | "math.sinh"
            | "math.cosh" | "math.tanh" | "math.asinh" | "math.acosh" | "math.atanh"
            | "math.fabs" | "math.expm1" | "math.log1p" | "math.erf" | "math.erfc"
            | "math.gamma" | "math.lgamma" => match pos {
                [x] if x.is_numeric() => Float,
                [x, b] if name == "math.log" && x.is_numeric() && b.is_numeric() => Float,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "math.atan2" | "math.pow" | "math.fmod" | "math.hypot" | "math.copysign" => match pos {
                [x, y] if x.is_numeric() && y.is_numeric() => Float,
                [_, _] => type_error(self),
                _ => count_error(self, "two arguments"),
            },
            "math.ldexp" => match pos {
                [x, e] if x.is_numeric() && e.is_intlike() => Float,
                [_, _] => type_error(self),
                _ => count_error(self, "two arguments"),
            },
            "math.floor" | "math.ceil" | "math.trunc" => match pos {
                [x] if x.is_intlike() => Int,
                [Float] => Int,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            "math.isnan" | "math.isinf" | "math.isfinite" => match pos {
                [x] if x.is_numeric() => Bool,
                [_] => type_error(self),
                _ => count_error(self, "one argument"),
            },
            _ if name.contains('.') => self.not_yet(
                op.span,
                format!("`{name}`, from a module outside the program"),
            ),
            _ => self.not_yet(op.span, format!("the builtin `{name}`")),
        }
    }
}
