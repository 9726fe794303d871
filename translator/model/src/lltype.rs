//! Low-level types: machine integers, float, char, bool, void, and pointers to GC-managed structs
//! (a fixed part of typed fields, optionally followed by a variable number of items).
//!
//! Types are interned in a `TypeTable` by structure, so equal types have equal ids. genc gives
//! each a C struct and a row in the GC type table.

use std::collections::HashMap;

/// Index of a GC struct type in the `TypeTable`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct TypeId(pub u32);

/// A low-level type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum LlType {
    Void,
    Bool,
    Signed,
    Float,
    Char,
    Ptr(TypeId),
    /// A fixed-width integer narrower than a word (`r_int32`, `r_uint8`, ...). It is held in a
    /// machine word (`int64_t` in C) kept normalised: sign-extended for signed kinds,
    /// zero-extended for unsigned ones, so that word comparisons and shifts on it are right.
    Fixed(IntKind),
}

/// The kind of a fixed-width integer narrower than a word: its signedness and width (8, 16 or
/// 32 bits).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct IntKind {
    pub signed: bool,
    pub bits: u8,
}

impl IntKind {
    /// Every kind, in a fixed order.
    pub const ALL: [IntKind; 6] = [
        IntKind {
            signed: true,
            bits: 8,
        },
        IntKind {
            signed: false,
            bits: 8,
        },
        IntKind {
            signed: true,
            bits: 16,
        },
        IntKind {
            signed: false,
            bits: 16,
        },
        IntKind {
            signed: true,
            bits: 32,
        },
        IntKind {
            signed: false,
            bits: 32,
        },
    ];

    /// The kind of the fixed-width class of `rpython.rlib.rarithmetic` with this name.
    pub fn from_class_name(name: &str) -> Option<IntKind> {
        IntKind::ALL.into_iter().find(|k| k.class_name() == name)
    }

    /// The kind named `r_int32`, `r_uint8`, ... (as `name` spells it).
    pub fn from_name(name: &str) -> Option<IntKind> {
        IntKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The name `build_int` gives the class of this kind in `rpython.rlib.rarithmetic`.
    pub fn class_name(self) -> &'static str {
        match (self.signed, self.bits) {
            (true, 8) => "r_signedchar",
            (false, 8) => "r_uchar",
            (true, 16) => "r_short",
            (false, 16) => "r_ushort",
            (true, 32) => "r_int32",
            _ => "r_uint32",
        }
    }

    /// The name of this kind in messages and IR text: `r_int32`, `r_uint8`.
    pub fn name(self) -> String {
        format!("r_{}int{}", if self.signed { "" } else { "u" }, self.bits)
    }

    /// The C type of this width (used only for the narrowing casts).
    pub fn ctype(self) -> String {
        format!("{}int{}_t", if self.signed { "" } else { "u" }, self.bits)
    }

    /// `v` wrapped to this kind: its low bits, sign- or zero-extended to a word.
    pub fn wrap(self, v: i64) -> i64 {
        let shift = 64 - u32::from(self.bits);
        if self.signed {
            (v << shift) >> shift
        } else {
            ((v as u64) << shift >> shift) as i64
        }
    }

    /// The low-level operation that narrows a word to this kind.
    pub fn narrow_op(self) -> crate::llop::LlOp {
        use crate::llop::LlOp;
        match (self.signed, self.bits) {
            (true, 8) => LlOp::CastToInt8,
            (false, 8) => LlOp::CastToUint8,
            (true, 16) => LlOp::CastToInt16,
            (false, 16) => LlOp::CastToUint16,
            (true, 32) => LlOp::CastToInt32,
            _ => LlOp::CastToUint32,
        }
    }

    /// The kind a narrowing operation narrows to.
    pub fn of_narrow_op(op: crate::llop::LlOp) -> Option<IntKind> {
        IntKind::ALL.into_iter().find(|k| k.narrow_op() == op)
    }
}

impl LlType {
    pub fn is_gc(self) -> bool {
        matches!(self, LlType::Ptr(_))
    }
}

/// A GC-managed struct: fields, and optionally a variable-sized array of items at the end (with
/// the item count in a `length` field that comes right before the items).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct GcStruct {
    pub name: String,
    pub fields: Vec<(String, LlType)>,
    pub items: Option<LlType>,
}

/// What the program promises about a field (`_immutable_fields_`, `_immutable_ = True`), for
/// the JIT: never written after construction, or rarely (quasi-immutable, `name?`), and for a
/// list field whether its items are immutable too (`name[*]`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FieldHint {
    pub quasi: bool,
    pub items: bool,
}

impl FieldHint {
    pub fn text(self) -> &'static str {
        match (self.quasi, self.items) {
            (false, false) => "immutable",
            (true, false) => "quasi-immutable",
            (false, true) => "immutable[*]",
            (true, true) => "quasi-immutable[*]",
        }
    }
}

/// All GC struct types of a program. Structural types (strings, lists, tuples) are interned by
/// structure; instance types are reserved by name first and defined afterwards, since they may
/// refer to themselves.
#[derive(Default, Debug, Clone)]
pub struct TypeTable {
    types: Vec<GcStruct>,
    index: HashMap<GcStruct, TypeId>,
    /// The field hints of instance types, by type.
    hints: std::collections::BTreeMap<TypeId, Vec<(String, FieldHint)>>,
}

impl TypeTable {
    pub fn intern(&mut self, s: GcStruct) -> TypeId {
        if let Some(id) = self.index.get(&s) {
            return *id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(s.clone());
        self.index.insert(s, id);
        id
    }
    /// A new named type whose fields are given later with `define`.
    pub fn reserve(&mut self, name: &str) -> TypeId {
        self.types.push(GcStruct {
            name: name.to_string(),
            fields: vec![],
            items: None,
        });
        TypeId(self.types.len() as u32 - 1)
    }
    pub fn define(&mut self, id: TypeId, fields: Vec<(String, LlType)>) {
        self.types[id.0 as usize].fields = fields;
    }
    /// Records the field hints of a type.
    pub fn set_hints(&mut self, id: TypeId, hints: Vec<(String, FieldHint)>) {
        if !hints.is_empty() {
            self.hints.insert(id, hints);
        }
    }
    /// The field hints of a type (empty for most).
    pub fn hints(&self, id: TypeId) -> &[(String, FieldHint)] {
        self.hints.get(&id).map_or(&[], |h| h.as_slice())
    }
    pub fn get(&self, id: TypeId) -> &GcStruct {
        &self.types[id.0 as usize]
    }
    pub fn len(&self) -> usize {
        self.types.len()
    }
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
    pub fn ids(&self) -> impl Iterator<Item = TypeId> {
        (0..self.types.len() as u32).map(TypeId)
    }
    pub fn field_type(&self, id: TypeId, field: &str) -> Option<LlType> {
        self.get(id)
            .fields
            .iter()
            .find(|f| f.0 == field)
            .map(|f| f.1)
    }
    /// The text name of a type: `Signed`, `Ptr(STR)`.
    pub fn display(&self, t: LlType) -> String {
        match t {
            LlType::Void => "Void".into(),
            LlType::Bool => "Bool".into(),
            LlType::Signed => "Signed".into(),
            LlType::Float => "Float".into(),
            LlType::Char => "Char".into(),
            LlType::Fixed(k) => k.name(),
            LlType::Ptr(id) => format!("Ptr({})", self.get(id).name),
        }
    }
    /// The text form of every type, in id order.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for id in self.ids() {
            let s = self.get(id);
            let fields: Vec<String> = s
                .fields
                .iter()
                .map(|(n, t)| format!("{n}: {}", self.display(*t)))
                .collect();
            out.push_str(&format!(
                "type {} = GcStruct {{ {} }}",
                s.name,
                fields.join(", ")
            ));
            if let Some(it) = s.items {
                out.push_str(&format!(" + [{}]", self.display(it)));
            }
            let hints = self.hints(id);
            if !hints.is_empty() {
                let h: Vec<String> = hints
                    .iter()
                    .map(|(n, h)| format!("{n}: {}", h.text()))
                    .collect();
                out.push_str(&format!(" hints {{ {} }}", h.join(", ")));
            }
            out.push('\n');
        }
        out
    }
}
