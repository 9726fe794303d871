//! The weak dictionaries of `rpython.rlib.rweakref`: `RWeakValueDictionary(keyclass,
//! valueclass)` and `RWeakKeyDictionary(keyclass, valueclass)` are annotated as
//! `Ann::WeakDict`, whose key and value types come from the constant class arguments of the call
//! that made it (so each weak dictionary has its own types, as RPython's), and their methods
//! `get`, `set` and `length` are checked against those types here.
//!
//! A library class of plain RPython code could not do this: the annotations of its attributes
//! would be shared by all its instances. The rtyper makes them dicts of `rpy_dict.h` holding weak
//! references.

use crate::ann::{Ann, WeakDictDef};
use crate::annotate::Annotator;
use rpy_model::flowop::Const;
use rpy_model::Span;
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
}
