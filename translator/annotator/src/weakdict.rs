//! The weak dictionaries of `rpython.rlib.rweakref`: `RWeakValueDictionary(keyclass,
//! valueclass)` and `RWeakKeyDictionary(keyclass, valueclass)` are annotated as
//! `Ann::WeakDict`, whose key and value types come from the constant class arguments of the call
//! that made it (so each weak dictionary has its own types, as RPython's), and their methods
//! `get`, `set` and `length` are checked against those types here.
//!
//! A weak dictionary made at import time is a prebuilt instance of one of the two classes, with
//! its class arguments and its live items (`_dict`, written by the loader) as attributes.
//!
//! A library class of plain RPython code could not do this: the annotations of its attributes
//! would be shared by all its instances. The rtyper makes them dicts of `rpy_dict.h` holding weak
//! references.

use crate::ann::{Ann, WeakDictDef};
use crate::annotate::Annotator;
use rpy_model::flowop::Const;
use rpy_model::snapshot::{ObjId, PyObject, PyValue};
use rpy_model::{Diagnostic, Span};
use std::rc::Rc;

impl Annotator<'_> {
    /// The annotation of `RWeakValueDictionary(k, v)` (`weak_keys` false) or
    /// `RWeakKeyDictionary(k, v)`, given the annotations of the positional arguments.
    pub(crate) fn weakdict_new(&mut self, weak_keys: bool, pos: &[Ann], span: Span) -> Ann {
        let name = if weak_keys {
            "RWeakKeyDictionary"
        } else {
            "RWeakValueDictionary"
        };
        let [k, v] = pos else {
            let n = pos.len();
            return self.bad(
                span,
                format!(
                    "`{name}()` takes two arguments (the key class and the value class) but {n} {} given",
                    if n == 1 { "was" } else { "were" }
                ),
                "in this call",
            );
        };
        let class = |an: &Self, a: &Ann| match a {
            Ann::Pbc(Const::Obj(id, _)) => an.class_of(*id).filter(|c| !an.is_builtin_class(*c)),
            _ => None,
        };
        let key = match k {
            Ann::Pbc(Const::Builtin(b)) if !weak_keys && matches!(&**b, "str" | "int") => {
                if &**b == "str" {
                    Ann::Str
                } else {
                    Ann::Int
                }
            }
            _ => match class(self, k) {
                Some(c) => Ann::Inst(c, false),
                None => {
                    let shown = self.show_class_arg(k);
                    let want = if weak_keys {
                        "an RPython class"
                    } else {
                        "`str`, `int` or an RPython class"
                    };
                    return self.bad(
                        span,
                        format!("the key class of `{name}()` must be {want}, not `{shown}`"),
                        "in this call",
                    );
                }
            },
        };
        let Some(value) = class(self, v) else {
            let shown = self.show_class_arg(v);
            return self.bad(
                span,
                format!("the value class of `{name}()` must be an RPython class, not `{shown}`"),
                "in this call",
            );
        };
        Ann::WeakDict(
            Rc::new(WeakDictDef {
                weak_keys,
                key,
                value,
            }),
            false,
        )
    }

    /// The result of `d.name(args)` on a weak dictionary `d`.
    pub(crate) fn weakdict_method(
        &mut self,
        def: &WeakDictDef,
        name: &str,
        args: &[Ann],
        nkw: usize,
        span: Span,
    ) -> Ann {
        let what = if def.weak_keys {
            "RWeakKeyDictionary"
        } else {
            "RWeakValueDictionary"
        };
        let nargs = match name {
            "get" => 1,
            "set" => 2,
            "length" if def.weak_keys => 0,
            _ => {
                return self.bad(
                    span,
                    format!("an `{what}` has no method `{name}`"),
                    "in this call",
                )
            }
        };
        if args.len() != nargs || nkw != 0 {
            return self.bad(
                span,
                format!(
                    "`{what}.{name}()` takes {nargs} positional argument{}",
                    if nargs == 1 { "" } else { "s" }
                ),
                "in this call",
            );
        }
        if name == "length" {
            return Ann::Int;
        }
        if !self.weakdict_fits(&args[0], &def.key) {
            let (given, want) = (self.show(&args[0]), self.show(&def.key));
            return self.bad(
                span,
                format!("the key of this `{what}` is `{want}`, not `{given}`"),
                "this key does not fit",
            );
        }
        if name == "get" {
            return Ann::Inst(def.value, true);
        }
        if !self.weakdict_fits(&args[1], &Ann::Inst(def.value, true)) {
            let (given, want) = (self.show(&args[1]), self.class(def.value).name.clone());
            return self.bad(
                span,
                format!(
                    "the values of this `{what}` are `{want}` instances (or None), not `{given}`"
                ),
                "this value does not fit",
            );
        }
        Ann::None
    }

    /// Whether a value of annotation `a` can be stored where `want` is expected (a key or a
    /// value of a weak dictionary).
    fn weakdict_fits(&mut self, a: &Ann, want: &Ann) -> bool {
        match (a, want) {
            (Ann::Bottom, _) => true,
            (Ann::Char | Ann::Str, Ann::Str) => true,
            (Ann::Bool | Ann::Int, Ann::Int) => true,
            (Ann::None, Ann::Inst(_, true)) => true,
            (Ann::Inst(c, n), Ann::Inst(w, m)) => self.is_subclass(*c, *w) && (!*n || *m),
            _ => false,
        }
    }

    /// A class argument as messages show it: a builtin type by its name.
    fn show_class_arg(&mut self, a: &Ann) -> String {
        match a {
            Ann::Pbc(Const::Builtin(b)) => b.rsplit('.').next().unwrap_or(b).to_string(),
            _ => self.show(a),
        }
    }

    /// Whether the prebuilt object `id` is a weak dictionary: `Some(weak_keys)` if it is.
    pub fn prebuilt_weakdict_kind(&self, id: ObjId) -> Option<bool> {
        let PyObject::Instance {
            class: PyValue::Ref(c),
            ..
        } = self.snapshot.obj(id)
        else {
            return None;
        };
        match self.snapshot.obj(*c) {
            PyObject::Class { name, module, .. } if module == "rpython.rlib.rweakref" => {
                match name.as_str() {
                    "RWeakValueDictionary" => Some(false),
                    "RWeakKeyDictionary" => Some(true),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The items of a prebuilt weak dictionary (its live items at the end of the import).
    pub fn prebuilt_weakdict_items(&self, id: ObjId) -> Vec<(PyValue, PyValue)> {
        let PyObject::Instance { attrs, .. } = self.snapshot.obj(id) else {
            return vec![];
        };
        match attrs.get("_dict") {
            Some(PyValue::Ref(d)) => match self.snapshot.obj(*d) {
                PyObject::Dict(items) => items.clone(),
                _ => vec![],
            },
            _ => vec![],
        }
    }

    /// The annotation of a weak dictionary made at import time: the types its class arguments
    /// give, which its items must fit.
    pub(crate) fn prebuilt_weakdict(&mut self, id: ObjId) -> Ann {
        let weak_keys = self.prebuilt_weakdict_kind(id) == Some(true);
        // Constants are annotated where an operation uses them, which gives the span.
        let span = self.cur_span.unwrap_or(Span {
            file: rpy_model::span::FileId(0),
            lo: 0,
            hi: 0,
        });
        let PyObject::Instance { attrs, .. } = self.snapshot.obj(id) else {
            return Ann::Bottom;
        };
        let classes = [attrs.get("_keyclass"), attrs.get("_valueclass")];
        let mut pos = Vec::new();
        for v in classes {
            let v = v.cloned().unwrap_or(PyValue::None);
            pos.push(self.pyvalue_ann_pub(&v));
        }
        let a = self.weakdict_new(weak_keys, &pos, span);
        let Ann::WeakDict(def, _) = &a else {
            return a;
        };
        let def = def.clone();
        for (k, v) in self.prebuilt_weakdict_items(id) {
            let (ka, va) = (self.pyvalue_ann_pub(&k), self.pyvalue_ann_pub(&v));
            if !self.weakdict_fits(&ka, &def.key)
                || !self.weakdict_fits(&va, &Ann::Inst(def.value, false))
            {
                let shown = self.show(&a);
                let (ks, vs) = (self.show(&ka), self.show(&va));
                self.error(
                    Diagnostic::new(
                        "E0204",
                        format!("a prebuilt `{shown}` holds an item of types `{ks}`, `{vs}`"),
                    )
                    .at(span, "the prebuilt weak dict used here"),
                );
                return Ann::Bottom;
            }
        }
        a
    }
}
