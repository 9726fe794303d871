//! The annotation rules: the result annotation of each flow operation from the annotations of its
//! operands, including calls (argument binding with keywords and defaults), builtins and methods.
//! A rule that meets operands it does not accept reports an error at the operation.

use crate::ann::Ann;
use crate::annotate::{Annotator, GraphId, GraphSource};
use rpy_model::flowop::{Const, FlowOp};
use rpy_model::graph::{Operation, Value};
use rpy_model::snapshot::{ObjId, PyObject, PyValue};
use rpy_model::{Diagnostic, Span};
use std::rc::Rc;

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

    fn bad(&mut self, span: Span, msg: String, label: &str) -> Ann {
        self.error(Diagnostic::new("E0210", msg).at(span, label));
        Ann::Bottom
    }

    fn bad_operands(&mut self, op: &Operation<FlowOp, Const>, anns: &[Ann]) -> Ann {
        let shown: Vec<String> = anns
            .iter()
            .map(|a| format!("`{}`", self.display(a)))
            .collect();
        let what = match op.op {
            FlowOp::Add => "+".to_string(),
            FlowOp::Sub => "-".to_string(),
            FlowOp::Mul => "*".to_string(),
            FlowOp::TrueDiv => "/".to_string(),
            FlowOp::FloorDiv => "//".to_string(),
            FlowOp::Mod => "%".to_string(),
            other => other.name().trim_end_matches('_').to_string(),
        };
        let msg = format!(
            "unsupported operand types for `{what}`: {}",
            shown.join(" and ")
        );
        self.bad(op.span, msg, "in this operation")
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
        use Ann::*;
        match (op.op, anns.as_slice()) {
            (FlowOp::Add | FlowOp::Sub | FlowOp::Mul, [a, b])
                if a.is_intlike() && b.is_intlike() =>
            {
                Int
            }
            (FlowOp::Add | FlowOp::Sub | FlowOp::Mul | FlowOp::TrueDiv, [a, b])
                if a.is_numeric() && b.is_numeric() =>
            {
                Float
            }
            (FlowOp::FloorDiv | FlowOp::Mod, [a, b]) if a.is_intlike() && b.is_intlike() => Int,
            (FlowOp::FloorDiv | FlowOp::Mod | FlowOp::Pow, [a, b])
                if a.is_numeric() && b.is_numeric() && (*a == Float || *b == Float) =>
            {
                Float
            }
            (FlowOp::Pow, [a, b]) if a.is_intlike() && b.is_intlike() => Int,
            (FlowOp::LShift | FlowOp::RShift, [a, b]) if a.is_intlike() && b.is_intlike() => Int,
            (FlowOp::And | FlowOp::Or | FlowOp::Xor, [Bool, Bool]) => Bool,
            (FlowOp::And | FlowOp::Or | FlowOp::Xor, [a, b])
                if a.is_intlike() && b.is_intlike() =>
            {
                Int
            }
            (FlowOp::Add, [a, b]) if a.is_strlike() && b.is_strlike() => Str,
            (FlowOp::Add, [Bytes, Bytes]) => Bytes,
            (FlowOp::Mul, [a, b]) if a.is_strlike() && b.is_intlike() => Str,
            // The result shares the item cell of the operands (the rtyper copies items between
            // lists of one representation).
            (FlowOp::Add, [List(x), List(y)]) => self.shared_list(gid, op, &[*x, *y]),
            (FlowOp::Mul, [List(x), n]) if n.is_intlike() => self.shared_list(gid, op, &[*x]),
            (FlowOp::Add, [Tuple(x), Tuple(y)]) => {
                Tuple(x.iter().chain(y.iter()).cloned().collect::<Vec<_>>().into())
            }
            (FlowOp::Neg | FlowOp::Pos | FlowOp::Invert, [a]) if a.is_intlike() => Int,
            (FlowOp::Neg | FlowOp::Pos, [Float]) => Float,
            (FlowOp::Bool | FlowOp::Not, [_]) => Bool,
            (
                FlowOp::Lt | FlowOp::Le | FlowOp::Gt | FlowOp::Ge | FlowOp::Eq | FlowOp::Ne,
                [a, b],
            ) => {
                let ok = (a.is_numeric() && b.is_numeric())
                    || (a.is_strlike() && b.is_strlike())
                    || (*a == Bytes && *b == Bytes)
                    || (matches!(op.op, FlowOp::Eq | FlowOp::Ne) && (*a == None || *b == None));
                if ok {
                    Bool
                } else {
                    self.bad_operands(op, &anns)
                }
            }
            (FlowOp::Is | FlowOp::IsNot, [_, _]) => Bool,
            (FlowOp::Contains, [container, item]) => match container {
                Str | Char if item.is_strlike() => Bool,
                List(k) => {
                    let it = self.list_item(*k);
                    if self.union(&it, item).is_err() {
                        return self.bad_operands(op, &anns);
                    }
                    Bool
                }
                Tuple(_) => Bool,
                _ => self.bad_operands(op, &anns),
            },
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
                            format!("tuple index {i} out of range for a tuple of {n} items"),
                            "here",
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
                    List(x) => self.shared_list(gid, op, &[*x]),
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
            (FlowOp::Next, [Iter(c)]) => match &**c {
                List(k) => self.list_item(*k),
                Str => Char,
                _ => Int,
            },
            (FlowOp::SameAs, [a]) => a.clone(),
            (FlowOp::CheckRangeStep, [a]) if a.is_intlike() => None,
            (FlowOp::CallMethod, _) => self.method(op, &anns),
            (FlowOp::GetAttr, [a, _]) => {
                let shown = self.display(a);
                let attr = match &op.args[1] {
                    Value::Const(Const::Str(s)) => s.to_string(),
                    _ => "?".into(),
                };
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

    fn method(&mut self, op: &Operation<FlowOp, Const>, anns: &[Ann]) -> Ann {
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
        match (recv, name.as_str(), args) {
            (Ann::List(k), "append", [x]) if nkw == 0 => {
                let x = x.clone();
                self.list_add_item(*k, x, Some(op.span));
                Ann::None
            }
            (Ann::List(k), "pop", []) => self.list_item(*k),
            (Ann::List(k), "pop", [i]) if i.is_intlike() => self.list_item(*k),
            (Ann::Str | Ann::Char, "encode", []) => Ann::Bytes,
            (Ann::Str | Ann::Char, "encode", [Ann::Str]) => Ann::Bytes,
            _ => {
                let shown = self.display(recv);
                self.bad(
                    op.span,
                    format!("`{shown}` has no method `{name}` with these arguments"),
                    "unsupported method call",
                )
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
        let names: Rc<[Rc<str>]> = match &op.args[1] {
            Value::Const(Const::Names(n)) => n.clone(),
            _ => Rc::from(vec![]),
        };
        let nargs = op.args.len() - 2 - names.len();
        match &anns[0] {
            Ann::Pbc(Const::Obj(id, _)) => match self.snapshot.obj(*id) {
                PyObject::Function(f) => {
                    if f.attrs.contains_key("_not_rpython_") {
                        return self.bad(op.span, format!("`{}` is marked not_rpython and cannot be called from translated code", f.qualname), "called here");
                    }
                    self.call_function(src, gid, *id, op, anns, &names, nargs)
                }
                PyObject::Class { qualname, .. } => self.bad(
                    op.span,
                    format!("not RPython (yet): instantiating class `{qualname}`"),
                    "classes are not supported yet",
                ),
                _ => self.bad(op.span, "this object is not callable".into(), "called here"),
            },
            Ann::Pbc(Const::Builtin(name)) => {
                let name = name.clone();
                if anns[2..].iter().any(Ann::is_bottom) {
                    return Ann::Bottom;
                }
                self.builtin(&name, op, &anns[2..], &names)
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
        let (defaults, fname) = match self.snapshot.obj(func) {
            PyObject::Function(f) => (f.defaults.clone(), f.qualname.clone()),
            _ => return Ann::Bottom,
        };
        let Some(params) = src.params(func) else {
            return Ann::Bottom;
        };
        let binding = match bind_args(&params, &defaults, &fname, nargs, names) {
            Ok(b) => b,
            Err(msg) => {
                let mut d = Diagnostic::new("E0211", msg).at(op.span, "in this call");
                if let Some(s) = src.span_of(func) {
                    d = d.also(s, "defined here");
                }
                self.error(d);
                return Ann::Bottom;
            }
        };
        let mut args = Vec::new();
        for b in &binding {
            let (a, v) = match b {
                ArgSource::Positional(i) => (anns[2 + i].clone(), Some(&op.args[2 + i])),
                ArgSource::Keyword(k) => {
                    (anns[2 + nargs + k].clone(), Some(&op.args[2 + nargs + k]))
                }
                ArgSource::Default(d) => {
                    let c = rpy_flow::build::const_of(self.snapshot, d).unwrap_or(Const::None);
                    (self.const_ann(&c), Option::None)
                }
            };
            let origin = match v {
                Some(Value::Var(x)) => self.graphs[gid.0 as usize].origins[x.0 as usize],
                _ => Option::None,
            };
            args.push((a, origin.or(Some(op.span))));
        }
        match self.call_graph(src, func, &args, op.span) {
            Some((ret, callee)) => {
                self.call_targets.insert((gid, op.result), callee);
                ret
            }
            None => Ann::Bottom,
        }
    }

    fn builtin(
        &mut self,
        name: &str,
        op: &Operation<FlowOp, Const>,
        args: &[Ann],
        names: &[Rc<str>],
    ) -> Ann {
        use Ann::*;
        let nkw = names.len();
        let pos = &args[..args.len() - nkw];
        let arity_error = |s: &mut Self| {
            s.bad(
                op.span,
                format!("wrong arguments for `{name}()`"),
                "in this call",
            )
        };
        match name {
            "print" => {
                for (n, a) in names.iter().zip(&args[pos.len()..]) {
                    if !matches!(&**n, "sep" | "end") {
                        return self.bad(
                            op.span,
                            format!("`print()` keyword `{n}` is not supported"),
                            "here",
                        );
                    }
                    if !a.is_strlike() {
                        return self.bad(
                            op.span,
                            format!("`print()` keyword `{n}` must be a str"),
                            "here",
                        );
                    }
                }
                for a in pos {
                    if !matches!(a, Int | Bool | Float | Char | Str | None) {
                        let shown = self.display(a);
                        return self.bad(
                            op.span,
                            format!("cannot print a value of type `{shown}` (yet)"),
                            "here",
                        );
                    }
                }
                None
            }
            _ if nkw > 0 => self.bad(
                op.span,
                format!("`{name}()` takes no keyword arguments"),
                "here",
            ),
            "len" => match pos {
                [List(_) | Str | Char | Bytes | Tuple(_)] => Int,
                _ => arity_error(self),
            },
            "int" => match pos {
                [a] if a.is_numeric() || a.is_strlike() => Int,
                _ => arity_error(self),
            },
            "float" => match pos {
                [a] if a.is_numeric() => Float,
                _ => arity_error(self),
            },
            "bool" => match pos {
                [_] => Bool,
                _ => arity_error(self),
            },
            "str" => match pos {
                [Int | Bool | Float | Char | Str | None] => Str,
                _ => arity_error(self),
            },
            "abs" => match pos {
                [a] if a.is_intlike() => Int,
                [Float] => Float,
                _ => arity_error(self),
            },
            "min" | "max" => {
                if pos.len() < 2 {
                    return self.bad(op.span, format!("`{name}()` over an iterable is not supported yet; give two or more arguments"), "here");
                }
                let mut acc = Bottom;
                for a in pos {
                    if !a.is_numeric() && !a.is_strlike() {
                        return arity_error(self);
                    }
                    acc = match self.union(&acc, a) {
                        Ok(x) => x,
                        Err(()) => return arity_error(self),
                    };
                }
                if acc == Bool {
                    Int
                } else {
                    acc
                }
            }
            "ord" => match pos {
                [Char] => Int,
                [Str] => self.bad(
                    op.span,
                    "`ord()` needs a one-character string (a char)".into(),
                    "this is a str",
                ),
                _ => arity_error(self),
            },
            "chr" => match pos {
                [a] if a.is_intlike() => Char,
                _ => arity_error(self),
            },
            "os.write" => match pos {
                [fd, Bytes] if fd.is_intlike() => Int,
                _ => arity_error(self),
            },
            "range" => self.bad(
                op.span,
                "`range()` is only supported directly in a `for` loop".into(),
                "here",
            ),
            "AssertionError"
            | "ValueError"
            | "IndexError"
            | "KeyError"
            | "ZeroDivisionError"
            | "OverflowError"
            | "RuntimeError"
            | "NotImplementedError"
            | "Exception"
            | "TypeError" => match pos {
                [] | [Str | Char] => Exc(name.into()),
                _ => arity_error(self),
            },
            _ => self.bad(
                op.span,
                format!("not RPython (yet): the builtin `{name}`"),
                "not supported by the translator",
            ),
        }
    }
}
