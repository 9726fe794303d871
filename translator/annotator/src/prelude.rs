//! Built-in methods, functions and operations implemented in RPython: the module
//! `rpython._prelude` of `rpython-lib` (always part of the snapshot) defines functions named
//! `list_index`, `str_split`, `dict_pop`, `builtin_sorted`, `op_delitem_list`, ... which the
//! annotator calls in place of the built-in, exactly as it calls a function of the program. The
//! call is recorded in `prelude_targets` under the operation's result, and the rtyper turns the
//! operation into a direct call of that graph (receiver first, then the operation's arguments).
//!
//! Relies on the snapshot's `prelude` module and on the ordinary call machinery (argument
//! binding, specialisation by `specialize.argtype`, which every prelude function asks for).

use crate::ann::Ann;
use crate::annotate::{Annotator, GraphId, GraphSource};
use rpy_model::flowop::{Const, FlowOp};
use rpy_model::graph::Operation;
use rpy_model::snapshot::{ObjId, PyObject, PyValue};
use rpy_model::Diagnostic;

/// How the rtyper turns a value into a `str` where the annotator prepared it: by calling a
/// prelude graph (lists, dicts, bytes), or item by item for a tuple (a graph per item, giving
/// the item's `repr`).
#[derive(Clone, Debug)]
pub enum StrConv {
    Graph(GraphId),
    Tuple(Vec<GraphId>),
}

impl Annotator<'_> {
    /// Prepares the conversion of a value of annotation `a` to its `str` (or `repr`) text, for
    /// the argument `index` of `op`: nothing for the types the rtyper prints itself.
    pub(crate) fn prepare_str_conv(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        index: usize,
        a: &Ann,
        repr: bool,
    ) -> bool {
        let conv = match a {
            Ann::Tuple(items) => {
                let Some(f) = self.prelude_fn("builtin_repr") else {
                    return false;
                };
                let mut graphs = Vec::new();
                for it in items.iter() {
                    match self.call_graph(src, f, &[(it.clone(), Some(op.span))], op.span) {
                        Some((_, g)) => {
                            self.prelude_sites.entry(g).or_insert(op.span);
                            graphs.push(g)
                        }
                        None => return false,
                    }
                }
                StrConv::Tuple(graphs)
            }
            Ann::List(_) | Ann::Dict(_) | Ann::Bytes => {
                let name = if repr {
                    "builtin_repr"
                } else {
                    "builtin_str_any"
                };
                let Some(f) = self.prelude_fn(name) else {
                    return false;
                };
                match self.call_graph(src, f, &[(a.clone(), Some(op.span))], op.span) {
                    Some((_, g)) => {
                        self.prelude_sites.entry(g).or_insert(op.span);
                        StrConv::Graph(g)
                    }
                    None => return false,
                }
            }
            _ => return false,
        };
        self.str_convs.insert((gid, op.result, index), conv);
        true
    }

    /// The prelude function called `name`, if the prelude defines it.
    pub fn prelude_fn(&self, name: &str) -> Option<ObjId> {
        let PyValue::Ref(m) = self.snapshot.prelude else {
            return None;
        };
        let PyObject::Module { globals, .. } = self.snapshot.obj(m) else {
            return None;
        };
        match globals.get(name) {
            Some(PyValue::Ref(f)) if matches!(self.snapshot.obj(*f), PyObject::Function(_)) => {
                Some(*f)
            }
            _ => None,
        }
    }

    /// `isinstance(x, t)` decided by the annotations alone: `x` a number, string, list, dict or
    /// tuple and `t` a builtin type (or a tuple of them). Prelude functions specialised on
    /// their argument types branch on it, and only the taken branch is typed.
    pub fn static_isinstance(x: &Ann, t: &Ann) -> Option<bool> {
        let one = |c: &Ann| -> Option<bool> {
            let Ann::Pbc(Const::Builtin(name)) = c else {
                return None;
            };
            let name = name.rsplit('.').next().unwrap_or(name);
            let kind = match x {
                Ann::Int | Ann::UInt | Ann::Fixed(_) => "int",
                Ann::Bool => "bool",
                Ann::Float => "float",
                Ann::Str | Ann::Char => "str",
                Ann::Bytes => "bytes",
                Ann::List(_) => "list",
                Ann::Dict(_) => "dict",
                Ann::Tuple(_) => "tuple",
                Ann::None => "NoneType",
                _ => return None,
            };
            if !matches!(
                name,
                "int" | "bool" | "float" | "str" | "bytes" | "list" | "dict" | "tuple" | "object"
            ) {
                return None;
            }
            Some(name == kind || name == "object" || (kind == "bool" && name == "int"))
        };
        match t {
            Ann::Tuple(items) => {
                let mut any = false;
                for c in items.iter() {
                    any |= one(c)?;
                }
                Some(any)
            }
            c => one(c),
        }
    }

    /// The prelude's name for values of this annotation (`list`, `str`, ...), the prefix of the
    /// functions implementing their methods.
    pub fn prelude_kind(a: &Ann) -> Option<&'static str> {
        Some(match a {
            Ann::List(_) => "list",
            Ann::Str | Ann::Char => "str",
            Ann::Bytes => "bytes",
            Ann::Dict(_) => "dict",
            Ann::Tuple(_) => "tuple",
            Ann::Int | Ann::Bool => "int",
            Ann::Float => "float",
            _ => return None,
        })
    }

    /// A method call `recv.name(...)` (a `callmethod` operation: receiver, name, keyword
    /// names, arguments) implemented by the prelude function `<kind>_<name>_<positional
    /// count>` or `<kind>_<name>` (a one-character string tries the kind `char` first).
    pub(crate) fn prelude_method(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        name: &str,
    ) -> Option<Ann> {
        let kind = Self::prelude_kind(&anns[0])?;
        let (names, nargs) = crate::rules::call_shape(op, 2);
        let mut kinds = vec![kind];
        if anns[0] == Ann::Char {
            kinds.insert(0, "char");
        }
        let f = kinds.iter().find_map(|k| {
            self.prelude_fn(&format!("{k}_{name}_{nargs}"))
                .or_else(|| self.prelude_fn(&format!("{k}_{name}")))
        })?;
        if anns[3..].iter().any(Ann::is_bottom) {
            return Some(Ann::Bottom);
        }
        let r = self.call_function_ex(
            src,
            gid,
            f,
            op,
            anns,
            3,
            Some(anns[0].clone()),
            &names,
            nargs,
        );
        Some(self.record_prelude(gid, op, r))
    }

    /// A call of the builtin `name` (`builtins.sorted`, `sorted`...) implemented by the prelude
    /// function `builtin_<name>_<kind of the first argument>` (`inst` for an instance), `builtin_<name>_<positional
    /// count>` or `builtin_<name>`.
    pub(crate) fn prelude_builtin(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        name: &str,
    ) -> Option<Ann> {
        // The flow builder's own pseudo-builtins are typed by the rules.
        if matches!(name, "#range" | "#unpack") {
            return None;
        }
        let (names, nargs) = crate::rules::call_shape(op, 1);
        let short = name.replace('.', "_").replace('#', "");
        if matches!(short.as_str(), "str" | "repr") && anns.len() == 3 {
            if let Ann::Tuple(_) = &anns[2] {
                let a = anns[2].clone();
                return Some(if self.prepare_str_conv(src, gid, op, 0, &a, true) {
                    Ann::Str
                } else {
                    Ann::Bottom
                });
            }
        }
        let kind = anns.get(2).and_then(|a| match a {
            Ann::Inst(..) => Some("inst"),
            a => Self::prelude_kind(a),
        });
        let f = kind
            .and_then(|k| self.prelude_fn(&format!("builtin_{short}_{k}")))
            .or_else(|| self.prelude_fn(&format!("builtin_{short}_{nargs}")))
            .or_else(|| self.prelude_fn(&format!("builtin_{short}")))?;
        if anns[2..].iter().any(Ann::is_bottom) {
            return Some(Ann::Bottom);
        }
        let r = self.call_function_ex(src, gid, f, op, anns, 2, None, &names, nargs);
        Some(self.record_prelude(gid, op, r))
    }

    /// An operation (`delitem`, `getslice`, `contains`...) implemented by the prelude function
    /// `fname`, called with the operation's arguments in order.
    pub(crate) fn prelude_op(
        &mut self,
        src: &mut dyn GraphSource,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        fname: &str,
    ) -> Option<Ann> {
        let f = self.prelude_fn(fname)?;
        if anns.iter().any(Ann::is_bottom) {
            return Some(Ann::Bottom);
        }
        let args: Vec<_> = anns
            .iter()
            .zip(&op.args)
            .map(|(a, v)| (a.clone(), self.origin(gid, v).or(Some(op.span))))
            .collect();
        let r = self.call_graph(src, f, &args, op.span);
        Some(self.record_prelude(gid, op, r))
    }

    /// Whether `f` is a function of the prelude module.
    pub fn is_prelude_fn(&self, f: ObjId) -> bool {
        matches!(self.snapshot.obj(f), PyObject::Function(func) if func.module == "rpython._prelude")
    }

    /// An error found while annotating a prelude function is an error of the program's
    /// operation it implements: the spans inside the prelude give way to that operation.
    pub(crate) fn relocate_prelude_error(&self, mut d: Diagnostic) -> Diagnostic {
        let gid = self.current.0;
        let Some(&site) = self.prelude_sites.get(&gid) else {
            return d;
        };
        let Some((p, _)) = d.primary else {
            return d;
        };
        if p.file == site.file {
            return d;
        }
        let inside = p.file;
        let name = self.graphs[gid.0 as usize]
            .graph
            .name
            .split('[')
            .next()
            .unwrap_or("")
            .to_string();
        d.primary = Some((site, "in this operation".into()));
        d.secondary.retain(|(s, _)| s.file != inside);
        d.notes.push(format!(
            "found in `{name}`, the translator's RPython implementation of this operation"
        ));
        d
    }

    fn record_prelude(
        &mut self,
        gid: GraphId,
        op: &Operation<FlowOp, Const>,
        r: Option<(Ann, GraphId)>,
    ) -> Ann {
        match r {
            Some((ret, callee)) => {
                let site = self.prelude_sites.get(&gid).copied().unwrap_or(op.span);
                self.prelude_sites.entry(callee).or_insert(site);
                self.prelude_targets.insert((gid, op.result), callee);
                ret
            }
            None => Ann::Bottom,
        }
    }
}
