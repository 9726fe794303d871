//! The annotation lattice: what the annotator knows about a value. It follows RPython's
//! (integers, bools, floats, chars and strs, bytes, lists with shared item cells, tuples, single
//! prebuilt constants such as functions and builtins, iterators), with `Bottom` for "no value
//! seen yet" at the bottom. Lists are `ListKey`s into a union-find table (`ena`) so that every list
//! that flows into one variable shares one item annotation.

use ena::unify::{UnifyKey, UnifyValue};
use rpy_model::flowop::Const;
pub use rpy_model::lltype::IntKind;
use std::rc::Rc;

/// A list definition: the shared item cell of the lists created at some sites.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ListKey(pub u32);

/// A dict definition: the shared key and value cells of the dicts created at some sites.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct DictKey(pub u32);

/// No data in the union-find table itself: items live in the annotator's side table, keyed by
/// the root key, because merging them needs the annotator (nested lists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoValue;

impl UnifyValue for NoValue {
    type Error = ena::unify::NoError;
    fn unify_values(_: &Self, _: &Self) -> Result<Self, Self::Error> {
        Ok(NoValue)
    }
}

impl UnifyKey for ListKey {
    type Value = NoValue;
    fn index(&self) -> u32 {
        self.0
    }
    fn from_index(u: u32) -> Self {
        ListKey(u)
    }
    fn tag() -> &'static str {
        "ListKey"
    }
}

/// An annotation.
#[derive(Clone, Debug, PartialEq)]
pub enum Ann {
    /// No value has reached this variable yet.
    Bottom,
    None,
    Bool,
    Int,
    /// An unsigned machine word (`r_uint`): wrapping arithmetic, unsigned comparisons,
    /// division and shifts. Represented as a signed word with the same bits.
    UInt,
    /// A fixed-width integer narrower than a word (`r_int32`, `r_uint8`, ...): arithmetic wraps
    /// to its width.
    Fixed(IntKind),
    Float,
    /// A one-character `str`.
    Char,
    Str,
    Bytes,
    List(ListKey),
    Tuple(Rc<[Ann]>),
    /// One prebuilt constant: a function, a builtin or a module.
    Pbc(Const),
    /// An iterator over a list, str or bytes.
    Iter(Rc<Ann>),
    /// An instance of a builtin exception class.
    Exc(Rc<str>),
    /// One of several functions (sorted snapshot ids), called through a dispatch on which.
    FuncSet(Rc<[rpy_model::snapshot::ObjId]>),
    /// One of several program classes (sorted snapshot ids), represented by the class id:
    /// instantiated through a dispatch, class attributes read from a table.
    ClassSet(Rc<[rpy_model::snapshot::ObjId]>),
    /// A dict; dicts that flow into one variable share their key and value annotations.
    Dict(DictKey),
    /// An instance of a program class or of one of its subclasses; `true` if it may be None.
    Inst(crate::classdef::ClassId, bool),
    /// A method taken from an instance of the class (or a subclass) without calling it:
    /// represented by the instance, called as `instance.name(...)`.
    BoundMethod(crate::classdef::ClassId, Rc<str>),
    /// A weak reference (`weakref.ref(x)`) to an instance of the class or of a subclass;
    /// `true` if it may be None itself. Calling it gives the instance, or None once the
    /// instance died. No class: a weak reference that is dead already (`rweakref.dead_ref`,
    /// prebuilt), which calling gives None.
    WeakRef(Option<crate::classdef::ClassId>, bool),
    /// An opaque pointer to a GC object of any type (`rgc.GCREF`, from
    /// `rgc.cast_instance_to_gcref`); `true` if it may be null.
    GcRef(bool),
    /// An `RWeakValueDictionary` or `RWeakKeyDictionary` of `rpython.rlib.rweakref`; `true` if
    /// it may be None. Its types are fixed by the call that made it.
    WeakDict(Rc<WeakDictDef>, bool),
}

/// The types of a weak dictionary.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakDictDef {
    /// `RWeakKeyDictionary` (keys held weakly) rather than `RWeakValueDictionary` (values held
    /// weakly).
    pub weak_keys: bool,
    /// The keys: `Str`, `Int` or `Inst(class, false)`.
    pub key: Ann,
    /// The class of the values.
    pub value: crate::classdef::ClassId,
}

impl Ann {
    pub fn is_bottom(&self) -> bool {
        matches!(self, Ann::Bottom)
    }
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Ann::Bool | Ann::Int | Ann::UInt | Ann::Fixed(_) | Ann::Float
        )
    }
    pub fn is_intlike(&self) -> bool {
        matches!(self, Ann::Bool | Ann::Int | Ann::UInt | Ann::Fixed(_))
    }
    /// The integer type of an operation on two integers, as RPython's rule: a plain int (or
    /// bool) takes the type of the other operand; of two fixed-width types of the same
    /// signedness the wider one wins (`r_uint` being the 64-bit unsigned one); `None` for two
    /// integer types of different signedness, which RPython refuses to mix.
    pub fn int_result(a: &Ann, b: &Ann) -> Option<Ann> {
        use Ann::*;
        // (signed, bits) of a fixed-width type; plain ints and bools are `None`.
        let width = |x: &Ann| match x {
            UInt => Some((false, 64)),
            Fixed(k) => Some((k.signed, k.bits)),
            _ => Option::None,
        };
        Some(match (width(a), width(b)) {
            (Option::None, Option::None) => Int,
            (Some(_), Option::None) => a.clone(),
            (Option::None, Some(_)) => b.clone(),
            (Some((sa, wa)), Some((sb, wb))) if sa == sb => {
                if wa >= wb {
                    a.clone()
                } else {
                    b.clone()
                }
            }
            _ => return Option::None,
        })
    }
    pub fn is_strlike(&self) -> bool {
        matches!(self, Ann::Char | Ann::Str)
    }
}
