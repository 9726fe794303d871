//! Low-level types: machine integers, float, char, bool, void, and pointers to GC-managed structs
//! (a fixed part of typed fields, optionally followed by a variable number of items).
//!
//! Types are interned in a `TypeTable` by structure, so equal types have equal ids. genc gives
//! each a C struct and a row in the GC type table.

use indexmap::IndexSet;

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

/// All GC struct types of a program.
#[derive(Default, Debug, Clone)]
pub struct TypeTable {
    types: IndexSet<GcStruct>,
}

impl TypeTable {
    pub fn intern(&mut self, s: GcStruct) -> TypeId {
        TypeId(self.types.insert_full(s).0 as u32)
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
            out.push('\n');
        }
        out
    }
}
