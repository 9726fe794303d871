//! The class model of the annotator: one `ClassDef` per class of the program, built from the
//! snapshot before annotation starts (so every subclass is known when a method call is
//! dispatched), numbered in preorder so that `isinstance` is a range check on a class id. Instance
//! attributes are inferred per class and live on the most general class that uses them: an
//! attribute met on a base class after being defined on subclasses moves up to the base, its
//! annotations merged. Prebuilt instances feed their attribute values into their class.

use crate::ann::Ann;
use crate::annotate::{Annotator, GraphId};
use indexmap::IndexMap;
use rpy_model::snapshot::{ObjId, PyObject, PyValue, Snapshot};
use rpy_model::{Block, Span};
use std::collections::BTreeSet;

/// Index of a class in `Annotator::classes`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ClassId(pub u32);

/// What the annotator knows of one instance attribute.
#[derive(Clone, Debug)]
pub struct AttrDef {
    pub ann: Ann,
    pub origin: Option<Span>,
    readers: BTreeSet<(GraphId, Block)>,
}

/// A block of a graph (where an attribute is read).
pub type BlockRef = (GraphId, Block);

/// One class of the program.
#[derive(Clone, Debug)]
pub struct ClassDef {
    pub obj: ObjId,
    pub name: String,
    pub base: Option<ClassId>,
    pub subclasses: Vec<ClassId>,
    /// Instance attributes owned by this class.
    pub attrs: IndexMap<String, AttrDef>,
    /// The class ids of this class's subtree: its own id is `id_min`.
    pub id_min: i64,
    pub id_max: i64,
}

/// The builtin exception classes the translator knows, each with its base (Python's hierarchy).
pub const BUILTIN_EXCEPTIONS: &[(&str, Option<&str>)] = &[
    ("Exception", None),
    ("ArithmeticError", Some("Exception")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("LookupError", Some("Exception")),
    ("IndexError", Some("LookupError")),
    ("KeyError", Some("LookupError")),
    ("ValueError", Some("Exception")),
    ("UnicodeError", Some("ValueError")),
    ("UnicodeDecodeError", Some("UnicodeError")),
    ("UnicodeEncodeError", Some("UnicodeError")),
    ("RuntimeError", Some("Exception")),
    ("RecursionError", Some("RuntimeError")),
    ("NotImplementedError", Some("RuntimeError")),
    ("AssertionError", Some("Exception")),
    ("StopIteration", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("AttributeError", Some("Exception")),
    ("OSError", Some("Exception")),
    ("MemoryError", Some("Exception")),
];

/// The object id standing for builtin exception class number `i` (outside the snapshot).
fn builtin_obj(i: usize) -> ObjId {
    ObjId(u32::MAX - i as u32)
}

/// Builds the class hierarchy of every class in the snapshot whose bases are program classes,
/// `object` or builtin exceptions, with the builtin exception classes first. Returns the classes
/// with ids assigned in preorder.
pub fn build_classes(snapshot: &Snapshot) -> Vec<ClassDef> {
    let mut defs: Vec<ClassDef> = Vec::new();
    let mut index: IndexMap<ObjId, usize> = IndexMap::new();
    for (i, (name, base)) in BUILTIN_EXCEPTIONS.iter().enumerate() {
        let mut attrs = IndexMap::new();
        if base.is_none() {
            // Every exception carries its message (for `AssertionError("...")` and fatal errors).
            attrs.insert(
                "__msg__".to_string(),
                AttrDef {
                    ann: Ann::Str,
                    origin: None,
                    readers: BTreeSet::new(),
                },
            );
        }
        index.insert(builtin_obj(i), defs.len());
        defs.push(ClassDef {
            obj: builtin_obj(i),
            name: name.to_string(),
            base: base
                .and_then(|b| BUILTIN_EXCEPTIONS.iter().position(|e| e.0 == b))
                .map(|b| ClassId(b as u32)),
            subclasses: vec![],
            attrs,
            id_min: 0,
            id_max: 0,
        });
    }
    for d in 0..defs.len() {
        if let Some(b) = defs[d].base {
            defs[b.0 as usize].subclasses.push(ClassId(d as u32));
        }
    }
    for (i, o) in snapshot.objects.iter().enumerate() {
        if let PyObject::Class { qualname, .. } = o {
            index.insert(ObjId(i as u32), defs.len());
            defs.push(ClassDef {
                obj: ObjId(i as u32),
                name: qualname.clone(),
                base: None,
                subclasses: vec![],
                attrs: IndexMap::new(),
                id_min: 0,
                id_max: 0,
            });
        }
    }
    for d in BUILTIN_EXCEPTIONS.len()..defs.len() {
        if let PyObject::Class { bases, .. } = snapshot.obj(defs[d].obj) {
            let base = match bases.first() {
                Some(PyValue::Ref(b)) => match index.get(b) {
                    Some(&bi) => Some(bi),
                    None => match snapshot.obj(*b) {
                        PyObject::Builtin { name } => {
                            let short = name.strip_prefix("builtins.").unwrap_or(name);
                            let short = if short == "BaseException" {
                                "Exception"
                            } else {
                                short
                            };
                            BUILTIN_EXCEPTIONS.iter().position(|e| e.0 == short)
                        }
                        _ => None,
                    },
                },
                _ => None,
            };
            if let Some(bi) = base {
                defs[d].base = Some(ClassId(bi as u32));
                defs[bi].subclasses.push(ClassId(d as u32));
            }
        }
    }
    // Preorder numbering from the roots, in snapshot order.
    let mut next = 1i64;
    fn number(defs: &mut Vec<ClassDef>, c: usize, next: &mut i64) {
        defs[c].id_min = *next;
        *next += 1;
        for s in defs[c].subclasses.clone() {
            number(defs, s.0 as usize, next);
        }
        defs[c].id_max = *next - 1;
    }
    for c in 0..defs.len() {
        if defs[c].base.is_none() {
            number(&mut defs, c, &mut next);
        }
    }
    defs
}

impl Annotator<'_> {
    pub fn class_of(&self, obj: ObjId) -> Option<ClassId> {
        self.class_index.get(&obj).copied()
    }

    /// The class of a builtin exception, by name.
    pub fn builtin_class(&self, name: &str) -> Option<ClassId> {
        BUILTIN_EXCEPTIONS
            .iter()
            .position(|e| e.0 == name)
            .map(|i| ClassId(i as u32))
    }

    /// Whether a class is a builtin exception class (not in the snapshot).
    pub fn is_builtin_class(&self, c: ClassId) -> bool {
        (c.0 as usize) < BUILTIN_EXCEPTIONS.len()
    }

    pub fn class(&self, c: ClassId) -> &ClassDef {
        &self.classes[c.0 as usize]
    }

    /// The class and its ancestors, nearest first.
    pub fn mro(&self, c: ClassId) -> Vec<ClassId> {
        let mut out = vec![c];
        let mut cur = c;
        while let Some(b) = self.class(cur).base {
            out.push(b);
            cur = b;
        }
        out
    }

    /// The class and every class below it.
    pub fn subtree(&self, c: ClassId) -> Vec<ClassId> {
        let mut out = vec![c];
        let mut i = 0;
        while i < out.len() {
            out.extend(self.class(out[i]).subclasses.iter().copied());
            i += 1;
        }
        out
    }

    pub fn is_subclass(&self, c: ClassId, of: ClassId) -> bool {
        let (a, b) = (self.class(c), self.class(of));
        b.id_min <= a.id_min && a.id_min <= b.id_max
    }

    pub fn common_base(&self, a: ClassId, b: ClassId) -> Option<ClassId> {
        let ma = self.mro(a);
        self.mro(b).into_iter().find(|c| ma.contains(c))
    }

    /// The value of a class-level attribute (method, constant) found along the MRO, with the
    /// class that defines it.
    pub fn class_attr(&self, c: ClassId, name: &str) -> Option<(ClassId, PyValue)> {
        for k in self.mro(c) {
            if self.is_builtin_class(k) {
                continue;
            }
            if let PyObject::Class { dict, .. } = self.snapshot.obj(self.class(k).obj) {
                if let Some(v) = dict.get(name) {
                    return Some((k, v.clone()));
                }
            }
        }
        None
    }

    /// The function a class-level value stands for when called on an instance (a plain function
    /// or the function of a staticmethod), and whether it takes `self`.
    pub fn method_function(&self, v: &PyValue) -> Option<(ObjId, bool)> {
        let PyValue::Ref(id) = v else { return None };
        match self.snapshot.obj(*id) {
            PyObject::Function(_) => Some((*id, true)),
            PyObject::StaticMethod(PyValue::Ref(f)) => match self.snapshot.obj(*f) {
                PyObject::Function(_) => Some((*f, false)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The implementations of method `name` for instances of `c` and its subclasses: for each,
    /// the classes of the subtree using it, the defining class and the function.
    pub fn method_impls(&self, c: ClassId, name: &str) -> Vec<(ClassId, ObjId, bool)> {
        let mut out: Vec<(ClassId, ObjId, bool)> = Vec::new();
        for x in self.subtree(c) {
            if let Some((def, v)) = self.class_attr(x, name) {
                if let Some((f, takes_self)) = self.method_function(&v) {
                    if !out.iter().any(|o| o.1 == f) {
                        out.push((def, f, takes_self));
                    }
                }
            }
        }
        out
    }

    /// The class owning attribute `name` for an instance of `c`: an ancestor (or `c`) that has
    /// it, else `c` itself, moving the attribute up from subclasses that had it.
    pub fn attr_owner(&mut self, c: ClassId, name: &str) -> ClassId {
        for k in self.mro(c) {
            if self.class(k).attrs.contains_key(name) {
                return k;
            }
        }
        // A class-level constant of the same name is the attribute's default value: reads see
        // it until a write, so it is part of the attribute's annotation (as in RPython).
        let default = self
            .class_attr(c, name)
            .filter(|(_, v)| self.method_function(v).is_none())
            .map(|(_, v)| v);
        let mut merged = AttrDef {
            ann: Ann::Bottom,
            origin: None,
            readers: self
                .class_const_readers
                .get(name)
                .cloned()
                .unwrap_or_default(),
        };
        if let Some(v) = default {
            merged.ann = self.pyvalue_ann_pub(&v);
        }
        for x in self.subtree(c).into_iter().skip(1) {
            if let Some(a) = self.classes[x.0 as usize].attrs.shift_remove(name) {
                merged.ann = self
                    .union(&merged.ann, &a.ann)
                    .unwrap_or(merged.ann.clone());
                merged.origin = merged.origin.or(a.origin);
                merged.readers.extend(a.readers);
            }
        }
        self.pending.extend(merged.readers.iter().copied());
        self.classes[c.0 as usize]
            .attrs
            .insert(name.to_string(), merged);
        c
    }

    /// Reads an instance attribute (registering the current block as a reader).
    pub fn read_attr(&mut self, c: ClassId, name: &str) -> Ann {
        let owner = self.attr_owner(c, name);
        let cur = self.current;
        let a = self.classes[owner.0 as usize]
            .attrs
            .get_mut(name)
            .expect("attr");
        a.readers.insert(cur);
        a.ann.clone()
    }

    /// The bases of class `c` after the first (other than `object`): multiple inheritance,
    /// which RPython allows only through `import_from_mixin`. Each with whether it is marked
    /// `_mixin_ = True`.
    pub fn extra_bases(&self, c: ClassId) -> Vec<(String, bool)> {
        if self.is_builtin_class(c) {
            return vec![];
        }
        let PyObject::Class { bases, .. } = self.snapshot.obj(self.class(c).obj) else {
            return vec![];
        };
        let mut out = Vec::new();
        for b in bases.iter().skip(1) {
            let PyValue::Ref(id) = b else { continue };
            match self.snapshot.obj(*id) {
                PyObject::Class { qualname, dict, .. } => {
                    let mixin = matches!(dict.get("_mixin_"), Some(PyValue::Bool(true)));
                    out.push((qualname.clone(), mixin));
                }
                PyObject::Builtin { name } if name != "builtins.object" => {
                    out.push((name.trim_start_matches("builtins.").to_string(), false));
                }
                _ => {}
            }
        }
        out
    }

    /// Attributes read somewhere but never written by the program: for each, the class, the
    /// name and the blocks that read it (in a deterministic order).
    pub fn attrs_never_written(&self) -> Vec<(ClassId, String, Vec<BlockRef>)> {
        let mut out = Vec::new();
        for (i, c) in self.classes.iter().enumerate() {
            if self.is_builtin_class(ClassId(i as u32)) {
                continue;
            }
            for (name, a) in &c.attrs {
                if a.ann.is_bottom() && !a.readers.is_empty() {
                    out.push((
                        ClassId(i as u32),
                        name.clone(),
                        a.readers.iter().copied().collect(),
                    ));
                }
            }
        }
        out
    }

    /// The final annotation of an attribute (after annotation).
    pub fn attr_ann(&self, c: ClassId, name: &str) -> Option<(ClassId, Ann)> {
        for k in self.mro(c) {
            if let Some(a) = self.class(k).attrs.get(name) {
                return Some((k, a.ann.clone()));
            }
        }
        None
    }

    /// Writes an instance attribute: generalises its annotation.
    pub fn write_attr(&mut self, c: ClassId, name: &str, value: Ann, origin: Option<Span>) {
        let owner = self.attr_owner(c, name);
        let old = self.classes[owner.0 as usize].attrs[name].ann.clone();
        match self.union(&old, &value) {
            Ok(new) => {
                if new != old {
                    let a = self.classes[owner.0 as usize]
                        .attrs
                        .get_mut(name)
                        .expect("attr");
                    a.ann = new;
                    if a.origin.is_none() {
                        a.origin = origin;
                    }
                    let readers: Vec<_> = a.readers.iter().copied().collect();
                    self.pending.extend(readers);
                }
            }
            Err(()) => {
                let cname = self.class(owner).name.clone();
                let prev = self.classes[owner.0 as usize].attrs[name].origin;
                let (o, n) = (self.display(&old), self.display(&value));
                let mut d = rpy_model::Diagnostic::new(
                    "E0220",
                    format!("the attribute `{cname}.{name}` cannot be both `{o}` and `{n}`"),
                );
                if let Some(sp) = origin {
                    d = d.at(sp, format!("this is `{n}`"));
                }
                if let Some(p) = prev {
                    d = d.also(p, format!("this is `{o}`"));
                }
                self.error(d.note(
                    "an attribute has one type in all instances of a class and its subclasses",
                ));
            }
        }
    }

    /// Feeds the attributes of a prebuilt instance into its class (once per instance).
    pub fn prebuilt_instance(&mut self, id: ObjId) -> Option<ClassId> {
        let PyObject::Instance {
            class: PyValue::Ref(cls),
            attrs,
        } = self.snapshot.obj(id)
        else {
            return None;
        };
        let c = self.class_of(*cls)?;
        if self.seen_instances.insert(id) {
            for (name, v) in attrs.clone() {
                let a = self.pyvalue_ann_pub(&v);
                self.write_attr(c, &name, a, None);
            }
        }
        Some(c)
    }
}
