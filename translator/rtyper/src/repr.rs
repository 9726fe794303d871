//! Representations: the low-level type of each annotation, the GC struct types (strings, lists,
//! their item arrays, tuples, iterators), and prebuilt objects for constants.
//!
//! Layouts: `STR`/`BYTES` are `{hash} + [Char]` (for `STR` the items are code points, which genc
//! stores one byte each when they all fit in Latin-1 and four bytes each otherwise; for `BYTES`
//! they are bytes); a list is `{length, items}` with `items` a
//! `ARRAY` of `{} + [T]` holding at least `length` items; a tuple is `{item0, item1, ...}`; a list
//! iterator is `{list, index}`.

use rpy_annotator::{Ann, Annotator, ClassId};
use rpy_model::flowop::Const;
use rpy_model::llop::{LlConst, Prebuilt, PrebuiltId};
use rpy_model::lltype::{GcStruct, LlType, TypeId, TypeTable};
use rpy_model::snapshot::{ObjId, PyObject};
use std::collections::HashMap;

/// Exception classes known to the translator, in a fixed order (their class ids).
pub const EXCEPTION_CLASSES: &[&str] = &[
    "Exception",
    "AssertionError",
    "IndexError",
    "KeyError",
    "ZeroDivisionError",
    "OverflowError",
    "ValueError",
    "RuntimeError",
    "RecursionError",
    "NotImplementedError",
    "MemoryError",
    "StopIteration",
    "TypeError",
    "OSError",
];

/// The types and prebuilt objects of the program being built.
pub struct Reprs {
    pub types: TypeTable,
    pub prebuilt: Vec<Prebuilt>,
    pub str_t: TypeId,
    pub bytes_t: TypeId,
    str_consts: HashMap<String, PrebuiltId>,
    bytes_consts: HashMap<Vec<u8>, PrebuiltId>,
    objects: HashMap<ObjId, PrebuiltId>,
    /// The instance struct of each class, reserved up front by `reserve_classes`.
    instances: HashMap<ClassId, TypeId>,
    /// The classes whose instance struct has its fields.
    defined: std::collections::HashSet<ClassId>,
    /// The type id of instances of the class with id 1, minus one: the type id of `INST<C>` is
    /// always `class_tid_base` plus the class id of `C`.
    pub class_tid_base: u32,
    /// The `r_dict` types made so far, with the annotator's dict root.
    pub rdicts: Vec<(TypeId, u32)>,
    /// Prebuilt dicts: the static object, its type and its entries.
    pub prebuilt_dicts: Vec<rpy_model::llop::PrebuiltDict>,
}

/// The field hints of the instances of `c`: its classes' `_immutable_fields_` entries (`name`,
/// `name?`, `name[*]`), and every field of a class with `_immutable_ = True`.
fn field_hints(
    an: &Annotator,
    c: ClassId,
    fields: &[(String, LlType)],
) -> Vec<(String, rpy_model::lltype::FieldHint)> {
    use rpy_model::lltype::FieldHint;
    use rpy_model::snapshot::{PyObject, PyValue};
    let mut out: Vec<(String, FieldHint)> = Vec::new();
    for k in an.mro(c) {
        if an.is_builtin_class(k) {
            continue;
        }
        let PyObject::Class { dict, .. } = an.snapshot.obj(an.class(k).obj) else {
            continue;
        };
        if let Some(PyValue::Bool(true)) = dict.get("_immutable_") {
            for (n, _) in fields {
                if n != "typeid" && an.class(k).attrs.contains_key(n) {
                    out.push((
                        n.clone(),
                        FieldHint {
                            quasi: false,
                            items: false,
                        },
                    ));
                }
            }
        }
        let Some(PyValue::Ref(l)) = dict.get("_immutable_fields_") else {
            continue;
        };
        let (PyObject::List(items) | PyObject::Tuple(items)) = an.snapshot.obj(*l) else {
            continue;
        };
        for v in items {
            let PyValue::Str(spec) = v else { continue };
            let mut name = spec.trim();
            let items = name.ends_with("[*]");
            if items {
                name = &name[..name.len() - 3];
            }
            let quasi = name.ends_with('?');
            if quasi {
                name = &name[..name.len() - 1];
            }
            if fields.iter().any(|f| f.0 == name) && !out.iter().any(|o| o.0 == name) {
                out.push((name.to_string(), FieldHint { quasi, items }));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

impl Default for Reprs {
    fn default() -> Self {
        Self::new()
    }
}

impl Reprs {
    pub fn new() -> Self {
        let mut types = TypeTable::default();
        let str_t = types.intern(GcStruct {
            name: "STR".into(),
            fields: vec![("hash".into(), LlType::Signed)],
            items: Some(LlType::Char),
        });
        let bytes_t = types.intern(GcStruct {
            name: "BYTES".into(),
            fields: vec![("hash".into(), LlType::Signed)],
            items: Some(LlType::Char),
        });
        Reprs {
            types,
            prebuilt: vec![],
            str_t,
            bytes_t,
            str_consts: HashMap::new(),
            bytes_consts: HashMap::new(),
            objects: HashMap::new(),
            instances: HashMap::new(),
            defined: std::collections::HashSet::new(),
            class_tid_base: 0,
            rdicts: vec![],
            prebuilt_dicts: vec![],
        }
    }

    pub fn str_type(&self) -> LlType {
        LlType::Ptr(self.str_t)
    }
    pub fn bytes_type(&self) -> LlType {
        LlType::Ptr(self.bytes_t)
    }

    fn type_name(&self, t: LlType) -> String {
        match t {
            LlType::Ptr(id) => self.types.get(id).name.clone(),
            other => self.types.display(other),
        }
    }

    pub fn array_of(&mut self, item: LlType) -> TypeId {
        let name = format!("ARRAY<{}>", self.type_name(item));
        self.types.intern(GcStruct {
            name,
            fields: vec![],
            items: Some(item),
        })
    }

    pub fn list_of(&mut self, item: LlType) -> TypeId {
        let arr = self.array_of(item);
        let name = format!("LIST<{}>", self.type_name(item));
        self.types.intern(GcStruct {
            name,
            fields: vec![
                ("length".into(), LlType::Signed),
                ("items".into(), LlType::Ptr(arr)),
            ],
            items: None,
        })
    }

    /// `DICT<K, V>`: the layout of `rpy_dict.h` (entry arrays in insertion order and an index).
    pub fn dict_of(&mut self, k: LlType, v: LlType) -> TypeId {
        let name = format!("DICT<{},{}>", self.type_name(k), self.type_name(v));
        self.dict_layout(name, k, v)
    }

    /// The type of a weak dictionary: the layout of a dict, under a name of its own so that
    /// genc gives it a descriptor that drops dead entries. `WEAKVALDICT<K>` has keys `K` and
    /// `WEAKREF` values; `WEAKKEYDICT<V>` has `WEAKREF` keys and values `V`.
    pub fn weakdict_of(&mut self, weak_keys: bool, other: LlType) -> TypeId {
        let w = LlType::Ptr(self.weakref_type());
        let name = format!(
            "{}<{}>",
            if weak_keys {
                "WEAKKEYDICT"
            } else {
                "WEAKVALDICT"
            },
            self.type_name(other)
        );
        if weak_keys {
            self.dict_layout(name, w, other)
        } else {
            self.dict_layout(name, other, w)
        }
    }

    fn dict_layout(&mut self, name: String, k: LlType, v: LlType) -> TypeId {
        let idx = self.array_of(LlType::Signed);
        let keys = self.array_of(k);
        let vals = self.array_of(v);
        self.types.intern(GcStruct {
            name,
            fields: vec![
                ("num_items".into(), LlType::Signed),
                ("num_used".into(), LlType::Signed),
                ("indexes".into(), LlType::Ptr(idx)),
                ("keys".into(), LlType::Ptr(keys)),
                ("values".into(), LlType::Ptr(vals)),
                ("hashes".into(), LlType::Ptr(idx)),
            ],
            items: None,
        })
    }

    pub fn tuple_of(&mut self, items: &[LlType]) -> TypeId {
        let names: Vec<String> = items.iter().map(|t| self.type_name(*t)).collect();
        let name = format!("TUPLE<{}>", names.join(","));
        let fields = items
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("item{i}"), *t))
            .collect();
        self.types.intern(GcStruct {
            name,
            fields,
            items: None,
        })
    }

    pub fn iter_of(&mut self, seq: LlType) -> TypeId {
        let name = format!("ITER<{}>", self.type_name(seq));
        self.types.intern(GcStruct {
            name,
            fields: vec![("seq".into(), seq), ("index".into(), LlType::Signed)],
            items: None,
        })
    }

    /// The one type of weak references: the referent's address in a word that the collector
    /// does not trace as a pointer (genc flags the type `RPY_TI_WEAKREF`).
    pub fn weakref_type(&mut self) -> TypeId {
        self.types.intern(GcStruct {
            name: "WEAKREF".into(),
            fields: vec![("referent".into(), LlType::Signed)],
            items: None,
        })
    }

    /// The type `rgc.GCREF` points to: any GC object, of which only the header is known.
    pub fn gcref_type(&mut self) -> TypeId {
        self.types.intern(GcStruct {
            name: "GCREF".into(),
            fields: vec![],
            items: None,
        })
    }

    /// The low-level type of an annotation.
    pub fn lltype(&mut self, an: &mut Annotator, a: &Ann) -> LlType {
        match a {
            Ann::Bottom | Ann::None => LlType::Void,
            Ann::Bool => LlType::Bool,
            Ann::Int | Ann::UInt => LlType::Signed,
            Ann::Fixed(k) => LlType::Fixed(*k),
            Ann::Float => LlType::Float,
            Ann::Char => LlType::Char,
            Ann::Str => self.str_type(),
            Ann::Bytes => self.bytes_type(),
            Ann::List(k) => {
                let item = an.list_item_final(*k);
                let mut it = self.lltype(an, &item);
                if it == LlType::Void {
                    // A list that never received an item: any item type does.
                    it = LlType::Signed;
                }
                LlType::Ptr(self.list_of(it))
            }
            Ann::Tuple(items) => {
                let ts: Vec<LlType> = items.iter().map(|i| self.lltype(an, i)).collect();
                LlType::Ptr(self.tuple_of(&ts))
            }
            Ann::Pbc(Const::Builtin(n)) if EXCEPTION_CLASSES.contains(&&**n) => LlType::Signed,
            Ann::Pbc(_) => LlType::Void,
            Ann::Iter(seq) => {
                let s = self.lltype(an, seq);
                LlType::Ptr(self.iter_of(s))
            }
            Ann::Exc(_) => self.str_type(),
            Ann::Inst(c, _) => LlType::Ptr(self.inst_type(an, *c)),
            // Which function of the set: its snapshot id.
            Ann::FuncSet(_) | Ann::ClassSet(_) => LlType::Signed,
            Ann::BoundMethod(c, _) => LlType::Ptr(self.inst_type(an, *c)),
            Ann::WeakRef(..) => LlType::Ptr(self.weakref_type()),
            Ann::GcRef(_) => LlType::Ptr(self.gcref_type()),
            Ann::WeakDict(d, _) => {
                let other = if d.weak_keys {
                    LlType::Ptr(self.inst_type(an, d.value))
                } else {
                    self.lltype(an, &d.key)
                };
                LlType::Ptr(self.weakdict_of(d.weak_keys, other))
            }
            Ann::Dict(d) => {
                let (k, v) = an.dict_items_final(*d);
                let mut kt = self.lltype(an, &k);
                let mut vt = self.lltype(an, &v);
                if kt == LlType::Void {
                    kt = LlType::Signed;
                }
                if vt == LlType::Void {
                    vt = LlType::Signed;
                }
                let root = an.dict_root(*d);
                if an.dict_custom(root).is_some() {
                    // An `r_dict`: a type of its own, whose descriptor calls its functions.
                    let t = self.dict_of(kt, vt);
                    let mut s = self.types.get(t).clone();
                    s.name = format!("{}#r{}", s.name, root.0);
                    let id = self.types.intern(s);
                    if !self.rdicts.iter().any(|x| x.0 == id) {
                        self.rdicts.push((id, root.0));
                    }
                    return LlType::Ptr(id);
                }
                LlType::Ptr(self.dict_of(kt, vt))
            }
        }
    }

    /// Reserves the instance struct of every class, in class-id order, so that the type id of
    /// `INST<C>` is `class_tid_base` plus the class id of `C`: an instance's class id is then
    /// its GC header's type id (genc stores no `typeid` field). Called once, before any
    /// instance type is asked for.
    pub fn reserve_classes(&mut self, an: &Annotator) {
        let mut by_id: Vec<(i64, ClassId)> = (0..an.classes.len())
            .map(|i| (an.classes[i].id_min, ClassId(i as u32)))
            .collect();
        by_id.sort();
        for (k, (id, c)) in by_id.into_iter().enumerate() {
            debug_assert_eq!(id, k as i64 + 1, "class ids are 1..=N");
            let t = self.types.reserve(&format!("INST<{}>", an.class(c).name));
            if k == 0 {
                self.class_tid_base = t.0 - 1;
            }
            self.instances.insert(c, t);
        }
    }

    /// The struct of instances of class `c`: the class id (a field of the low-level type whose
    /// storage is the GC header's type id), then the attributes of each class from the root
    /// down to `c` (so a pointer to a subclass instance is also a valid pointer to any of its
    /// bases' structs).
    pub fn inst_type(&mut self, an: &mut Annotator, c: ClassId) -> TypeId {
        let id = *self
            .instances
            .get(&c)
            .expect("instance types are reserved by reserve_classes");
        if !self.defined.insert(c) {
            return id;
        }
        let mut fields = match an.class(c).base {
            Some(b) => {
                let bt = self.inst_type(an, b);
                self.types.get(bt).fields.clone()
            }
            None => vec![("typeid".to_string(), LlType::Signed)],
        };
        let attrs: Vec<(String, Ann)> = an
            .class(c)
            .attrs
            .iter()
            .map(|(n, a)| (n.clone(), a.ann.clone()))
            .collect();
        for (n, a) in attrs {
            let t = self.lltype(an, &a);
            fields.push((n, t));
        }
        let hints = field_hints(an, c, &fields);
        self.types.define(id, fields);
        self.types.set_hints(id, hints);
        id
    }

    /// A prebuilt string: its items are the code points (genc stores them at the string's
    /// canonical width).
    pub fn prebuilt_str(&mut self, s: &str) -> PrebuiltId {
        if let Some(p) = self.str_consts.get(s) {
            return *p;
        }
        let id = self.push_prebuilt(
            self.str_t,
            vec![LlConst::Signed(0)],
            s.chars().map(|c| LlConst::Char(c as u32)).collect(),
        );
        self.str_consts.insert(s.to_string(), id);
        id
    }

    pub fn prebuilt_bytes(&mut self, b: &[u8]) -> PrebuiltId {
        if let Some(p) = self.bytes_consts.get(b) {
            return *p;
        }
        let id = self.push_prebuilt(
            self.bytes_t,
            vec![LlConst::Signed(0)],
            b.iter().map(|b| LlConst::Char(u32::from(*b))).collect(),
        );
        self.bytes_consts.insert(b.to_vec(), id);
        id
    }

    pub fn push_prebuilt(
        &mut self,
        ty: TypeId,
        fields: Vec<LlConst>,
        items: Vec<LlConst>,
    ) -> PrebuiltId {
        self.prebuilt.push(Prebuilt { ty, fields, items });
        PrebuiltId(self.prebuilt.len() as u32 - 1)
    }

    pub fn prebuilt_object(&self, id: ObjId) -> Option<PrebuiltId> {
        self.objects.get(&id).copied()
    }

    pub fn set_prebuilt_object(&mut self, id: ObjId, p: PrebuiltId) {
        self.objects.insert(id, p);
    }

    /// Whether a snapshot object is a list or tuple (a prebuilt object at run time).
    pub fn is_container(an: &Annotator, id: ObjId) -> bool {
        matches!(an.snapshot.obj(id), PyObject::List(_) | PyObject::Tuple(_))
    }
}
