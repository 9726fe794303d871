//! The low-level IR: the operation table of low-level graphs, their constants, and the
//! `LlProgram` that holds every function, type and prebuilt object of a translated program.
//!
//! Relies on `graph`, `optable` and `lltype`. The rtyper produces this IR; lower rewrites it
//! (exception transform, stack checks, GC roots); genc prints it as C.

use crate::graph::{Graph, IrDisplay, Var};
use crate::lltype::{LlType, TypeId, TypeTable};
use crate::span::Span;
use std::rc::Rc;

crate::optable! {
    /// Low-level operations. Their C spelling is in genc; their effects are here.
    pub enum LlOp {
        IntAdd = "int_add", 2, pure;
        IntSub = "int_sub", 2, pure;
        IntMul = "int_mul", 2, pure;
        IntFloorDiv = "int_floordiv", 2, raise;
        IntMod = "int_mod", 2, raise;
        IntTrueDiv = "int_truediv", 2, raise;
        IntPow = "int_pow", 2, raise;
        IntLShift = "int_lshift", 2, raise;
        IntRShift = "int_rshift", 2, raise;
        IntAnd = "int_and", 2, pure;
        IntOr = "int_or", 2, pure;
        IntXor = "int_xor", 2, pure;
        IntNeg = "int_neg", 1, pure;
        IntAddOvf = "int_add_ovf", 2, raise;
        IntSubOvf = "int_sub_ovf", 2, raise;
        IntMulOvf = "int_mul_ovf", 2, raise;
        IntLShiftOvf = "int_lshift_ovf", 2, raise;
        IntNegOvf = "int_neg_ovf", 1, raise;
        /// The identity hash and the unique id of a GC object (stable while it moves).
        GcIdentityHash = "gc_identityhash", 1, pure;
        GcId = "gc_id", 1, pure;
        /// `weakref_create(p)`: a new weak reference (`WEAKREF`) to the instance `p`.
        WeakrefCreate = "weakref_create", 1, raise, collect;
        /// `weakref_deref(w)`: the instance a weak reference points to, or null once it died (or
        /// if `w` is null). Not pure: a collection may clear it.
        WeakrefDeref = "weakref_deref", 1;
        /// Weak dictionaries (`rpy_dict.h`; types `WEAKVALDICT<K>` and `WEAKKEYDICT<V>`):
        /// `weakdict_get(d, key)` is the live instance stored for `key` (the value of a weak-value
        /// dict, held weakly, or the value of a weak key that is `key`), or null. Not pure: a
        /// collection may clear it.
        WeakDictGet = "weakdict_get", 2;
        /// `weakdict_set(d, key, value)`: stores `value` for `key`, or removes `key` if `value`
        /// is null.
        WeakDictSet = "weakdict_set", 3, raise, collect;
        /// `weakdict_length(d)`: the number of entries of a weak-key dict whose key is alive.
        WeakDictLength = "weakdict_length", 1;
        /// `gc_obj_size(p)`: the size in bytes of the GC object `p`, header included
        /// (`rgc.get_rpy_memory_usage`).
        GcObjSize = "gc_obj_size", 1, pure;
        /// `gc_type_index(p)`: the type id of the GC object `p` (`rgc.get_rpy_type_index`).
        GcTypeIndex = "gc_type_index", 1, pure;
        /// `rgc.can_move(p)`: whether the GC object may still move.
        GcCanMove = "gc_can_move", 1;
        /// `gc_fq_register(queue, p)`: registers the instance with finalizer queue `queue`.
        GcFqRegister = "gc_fq_register", 2;
        /// `gc_fq_next_dead(queue)`: the oldest dead instance of the queue, or null.
        GcFqNextDead = "gc_fq_next_dead", 1;
        IntInvert = "int_invert", 1, pure;
        IntAbs = "int_abs", 1, pure;
        IntLt = "int_lt", 2, pure;
        IntLe = "int_le", 2, pure;
        IntEq = "int_eq", 2, pure;
        IntNe = "int_ne", 2, pure;
        IntGt = "int_gt", 2, pure;
        IntGe = "int_ge", 2, pure;
        IntIsTrue = "int_is_true", 1, pure;
        /// Unsigned words (`r_uint`), where their meaning differs from signed ones.
        UintLt = "uint_lt", 2, pure;
        UintLe = "uint_le", 2, pure;
        UintGt = "uint_gt", 2, pure;
        UintGe = "uint_ge", 2, pure;
        UintFloorDiv = "uint_floordiv", 2, raise;
        UintMod = "uint_mod", 2, raise;
        UintRShift = "uint_rshift", 2, raise;
        CastUintToFloat = "cast_uint_to_float", 1, pure;
        /// A word narrowed to a fixed width: its low bits, sign- or zero-extended to a word
        /// (the representation of `LlType::Fixed`).
        CastToInt8 = "cast_to_int8", 1, pure;
        CastToUint8 = "cast_to_uint8", 1, pure;
        CastToInt16 = "cast_to_int16", 1, pure;
        CastToUint16 = "cast_to_uint16", 1, pure;
        CastToInt32 = "cast_to_int32", 1, pure;
        CastToUint32 = "cast_to_uint32", 1, pure;
        FloatAdd = "float_add", 2, pure;
        FloatSub = "float_sub", 2, pure;
        FloatMul = "float_mul", 2, pure;
        FloatTrueDiv = "float_truediv", 2, raise;
        FloatFloorDiv = "float_floordiv", 2, raise;
        FloatMod = "float_mod", 2, raise;
        FloatPow = "float_pow", 2, raise;
        FloatNeg = "float_neg", 1, pure;
        FloatAbs = "float_abs", 1, pure;
        FloatLt = "float_lt", 2, pure;
        FloatLe = "float_le", 2, pure;
        FloatEq = "float_eq", 2, pure;
        FloatNe = "float_ne", 2, pure;
        FloatGt = "float_gt", 2, pure;
        FloatGe = "float_ge", 2, pure;
        FloatIsTrue = "float_is_true", 1, pure;
        CastIntToFloat = "cast_int_to_float", 1, pure;
        /// Python's int(float): raises OverflowError for inf and ValueError for nan.
        CastFloatToInt = "cast_float_to_int", 1, raise;
        CastBoolToInt = "cast_bool_to_int", 1, pure;
        CastCharToInt = "cast_char_to_int", 1, pure;
        /// chr(): raises ValueError outside 0..=0x10FFFF.
        CastIntToChar = "cast_int_to_char", 1, raise;
        BoolNot = "bool_not", 1, pure;
        CharEq = "char_eq", 2, pure;
        CharNe = "char_ne", 2, pure;
        CharLt = "char_lt", 2, pure;
        CharLe = "char_le", 2, pure;
        CharGt = "char_gt", 2, pure;
        CharGe = "char_ge", 2, pure;
        PtrEq = "ptr_eq", 2, pure;
        /// The same pointer, seen as another struct type (an instance's class or a base class).
        CastPointer = "cast_pointer", 1, pure;
        /// `isinstance(p, lo, hi)`: `p` is not null and its class id is in `lo..=hi`.
        Isinstance = "isinstance", 3, pure;
        PtrNe = "ptr_ne", 2, pure;
        PtrIsZero = "ptr_iszero", 1, pure;
        PtrNonZero = "ptr_nonzero", 1, pure;
        SameAs = "same_as", 1, pure;
        /// `select(cond, a, b)`: `a` if `cond` else `b`.
        Select = "select", 3, pure;
        /// `list_grow(l, n)`: makes room for at least `n` items in a resizable list.
        ListGrow = "list_grow", 2, raise, collect;
        /// `list_mul(l, n)`: a new list of `l`'s items repeated `n` times.
        ListMul = "list_mul", 2, raise, collect;
        /// `list_concat(a, b)`: a new list of `a`'s items then `b`'s.
        ListConcat = "list_concat", 2, raise, collect;
        /// `list_iter_next(it)`: the next item of a list iterator; raises StopIteration at the end.
        ListIterNext = "list_iter_next", 1, raise;
        /// `str_iter_next(it)`: the next character of a str iterator; raises StopIteration.
        StrIterNext = "str_iter_next", 1, raise;
        /// Dicts (`rpy_dict.h`): a new empty dict of `<type>`, lookups and stores.
        DictNew = "dict_new", 1, raise, collect;
        DictGetItem = "dict_getitem", 2, raise;
        DictSetItem = "dict_setitem", 3, raise, collect;
        DictContains = "dict_contains", 2, pure;
        /// Tuples (functions genc writes per tuple type): equality, three-way comparison, hash.
        TupleEq = "tuple_eq", 2, pure;
        TupleCmp = "tuple_cmp", 2, pure;
        TupleHash = "tuple_hash", 1, pure;
        /// `del d[key]`; raises KeyError if absent.
        DictDelItem = "dict_delitem", 2, raise;
        /// `dict_get(d, key, default)`.
        DictGet = "dict_get", 3, pure;
        /// The next key of a dict iterator; raises StopIteration at the end.
        DictIterNext = "dict_iter_next", 1, raise;
        /// `malloc(<type>)`: a zeroed fixed-size GC object.
        Malloc = "malloc", 1, raise, collect;
        /// `malloc_varsize(<type>, n)`: a zeroed GC object with `n` items.
        MallocVarsize = "malloc_varsize", 2, raise, collect;
        GetField = "getfield", 2;
        SetField = "setfield", 3;
        /// Item access without a bounds check (the rtyper checks where Python would raise).
        GetArrayItem = "getarrayitem", 2;
        SetArrayItem = "setarrayitem", 3;
        GetArraySize = "getarraysize", 1;
        /// `direct_call(<function>, args...)`: a call of a graph or of a support function; its
        /// effects are those of the callee.
        DirectCall = "direct_call", var, raise, collect;
        /// Raises RecursionError when the C stack is nearly exhausted.
        StackCheck = "stack_check", 0, raise;
        /// Sets the exception state: `raise_exc(<class>, value)`.
        RaiseExc = "raise_exc", 2, raise;
        /// Lower-only: records a traceback entry while an exception propagates.
        TracebackRecord = "traceback_record", 1;
        /// Lower-only: is an exception pending?
        ExcOccurred = "exc_occurred", 0;
        /// Lower-only: does the pending exception match `<class>`?
        ExcMatches = "exc_matches", 1;
        /// Lower-only: the pending exception's class and value, and clearing it.
        ExcFetchType = "exc_fetch_type", 0;
        ExcFetchValue = "exc_fetch_value", 0, collect;
        ExcClear = "exc_clear", 0;
        /// Lower-only: saves GC pointers on the shadow stack before a call that can collect.
        GcPushRoots = "gc_push_roots", var;
        /// Lower-only: restores them (the arguments are reloaded in place) after the call.
        GcPopRoots = "gc_pop_roots", var;
    }
}

/// Index of a function (graph or support function) in an `LlProgram`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct FuncId(pub u32);

/// Index of a prebuilt object in an `LlProgram`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct PrebuiltId(pub u32);

/// A constant of the low-level IR.
#[derive(Clone, Debug, PartialEq)]
pub enum LlConst {
    Void,
    Bool(bool),
    Signed(i64),
    Float(f64),
    /// A character: a Unicode code point (0 to 0x10FFFF).
    Char(u32),
    /// A null pointer of a type.
    Null(TypeId),
    /// A prebuilt object in static data.
    Prebuilt(PrebuiltId),
    /// A function (the first argument of `direct_call`).
    Func(FuncId),
    /// A type (the first argument of `malloc`).
    Type(TypeId),
    /// A field name (the second argument of `getfield` / `setfield`).
    Field(Rc<str>),
    /// An exception class.
    ExcClass(Rc<str>),
    /// The class ids of a class and its subclasses (what `except C:` catches).
    ClassRange(i64, i64),
    /// A source location (traceback entries): function name and span.
    Location(Rc<str>, Span),
}

impl IrDisplay for LlConst {
    fn fmt_ir(&self, f: &mut String) {
        match self {
            LlConst::Void => f.push_str("void"),
            LlConst::Bool(b) => f.push_str(if *b { "true" } else { "false" }),
            LlConst::Signed(i) => f.push_str(&i.to_string()),
            LlConst::Float(x) => f.push_str(&crate::graph::fmt_float(*x)),
            LlConst::Char(c) => match char::from_u32(*c) {
                Some(ch) => f.push_str(&format!("'{}'", ch.escape_default())),
                None => f.push_str(&format!("'\\u{{{c:x}}}'")),
            },
            LlConst::Null(t) => f.push_str(&format!("null#T{}", t.0)),
            LlConst::Prebuilt(p) => f.push_str(&format!("prebuilt#{}", p.0)),
            LlConst::Func(id) => f.push_str(&format!("fn#{}", id.0)),
            LlConst::Type(t) => f.push_str(&format!("T{}", t.0)),
            LlConst::Field(n) => f.push_str(&format!(".{n}")),
            LlConst::ExcClass(n) => f.push_str(n),
            LlConst::ClassRange(lo, hi) => f.push_str(&format!("classes[{lo}..={hi}]")),
            LlConst::Location(n, _) => f.push_str(&format!("@{n}")),
        }
    }
}

/// A low-level graph.
pub type LlGraph = Graph<LlOp, LlConst>;

/// Effects of a function, read by the exception and GC transforms (and later the JIT).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effects {
    pub canraise: bool,
    pub cancollect: bool,
}

/// A function of the translated program.
#[derive(Clone, Debug)]
pub enum LlFunction {
    /// A function with a graph, with the low-level type of every variable.
    Graph {
        graph: LlGraph,
        types: Vec<LlType>,
        ret: LlType,
        effects: Effects,
    },
    /// A support function of the C runtime (`rpy_support.h`), by C name.
    Support {
        cname: &'static str,
        args: Vec<LlType>,
        ret: LlType,
        effects: Effects,
    },
}

impl LlFunction {
    pub fn ret(&self) -> LlType {
        match self {
            LlFunction::Graph { ret, .. } | LlFunction::Support { ret, .. } => *ret,
        }
    }
    pub fn effects(&self) -> Effects {
        match self {
            LlFunction::Graph { effects, .. } | LlFunction::Support { effects, .. } => *effects,
        }
    }
    pub fn name(&self) -> &str {
        match self {
            LlFunction::Graph { graph, .. } => &graph.name,
            LlFunction::Support { cname, .. } => cname,
        }
    }
}

/// A prebuilt GC object in static data: its type, field values and items.
#[derive(Clone, Debug, PartialEq)]
pub struct Prebuilt {
    pub ty: TypeId,
    pub fields: Vec<LlConst>,
    pub items: Vec<LlConst>,
}

/// A dict built at import time: its static object, its type, and its entries (key, value).
pub type PrebuiltDict = (PrebuiltId, TypeId, Vec<(LlConst, LlConst)>);

/// A whole translated program at the low level.
#[derive(Clone, Debug, Default)]
pub struct LlProgram {
    pub types: TypeTable,
    /// Every class by class id: its name (for fatal errors).
    pub class_names: Vec<(i64, String)>,
    /// The type id of `INST<C>` is this plus the class id of `C` (for every class): the class
    /// id of an instance is read from its GC header, and the `typeid` field of instance types
    /// has no storage of its own.
    pub class_tid_base: u32,
    pub functions: Vec<LlFunction>,
    pub prebuilt: Vec<Prebuilt>,
    pub entry: Option<FuncId>,
    /// `r_dict` types with the functions comparing and hashing their keys.
    pub rdict_funcs: Vec<(TypeId, FuncId, FuncId)>,
    /// Dicts built at import time: static objects filled when the program starts.
    pub prebuilt_dicts: Vec<PrebuiltDict>,
    /// Functions the program asks to inline always (`true`, `always_inline`) or never
    /// (`false`, `dont_inline`).
    pub inline_hints: std::collections::BTreeMap<FuncId, bool>,
    /// Instance types with a `__del__`: each allocation registers the function with the
    /// collector.
    pub destructors: Vec<(TypeId, FuncId)>,
    /// Finalizer queues: the runtime's number, the `finalizer_trigger` function and the queue
    /// instance it is called with.
    pub fq_triggers: Vec<(i64, FuncId, PrebuiltId)>,
    /// Functions restricted in what they may do, with the span of their definition.
    pub light: Vec<(FuncId, Span, Light)>,
}

/// What a restricted function may not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Light {
    /// A `__del__`: no allocation, no exception, no access to fields holding objects.
    Destructor,
    /// A finalizer queue's `finalizer_trigger`: no allocation, no exception.
    Trigger,
    /// A function decorated with `rgc.no_collect`: no allocation.
    NoCollect,
}

impl LlProgram {
    pub fn func(&self, id: FuncId) -> &LlFunction {
        &self.functions[id.0 as usize]
    }
    pub fn var_type(&self, f: FuncId, v: Var) -> LlType {
        match self.func(f) {
            LlFunction::Graph { types, .. } => types[v.0 as usize],
            LlFunction::Support { .. } => LlType::Void,
        }
    }
    /// The text form of a function: its graph with every variable's type, and calls named.
    pub fn function_text(&self, id: FuncId) -> String {
        match self.func(id) {
            LlFunction::Graph {
                graph, types, ret, ..
            } => {
                let mut out = format!("# returns {}\n", self.types.display(*ret));
                let text = graph.to_text(&|v| Some(self.types.display(types[v.0 as usize])));
                out.push_str(&self.name_refs(&text));
                out
            }
            LlFunction::Support { cname, .. } => format!("support {cname}\n"),
        }
    }
    /// Replaces `fn#N` and `T#N` references in a text form by names, for readable dumps.
    fn name_refs(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find("fn#") {
            out.push_str(&rest[..i]);
            let digits: String = rest[i + 3..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let n: u32 = digits.parse().unwrap_or(0);
            out.push_str(self.functions.get(n as usize).map_or("?", |f| f.name()));
            rest = &rest[i + 3 + digits.len()..];
        }
        out.push_str(rest);
        out
    }
}
