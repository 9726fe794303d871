//! The flow IR: the operation table of flow graphs (Python-level operations, not yet typed) and
//! their constants (Python values from the snapshot plus builtins).
//!
//! Relies on `graph` for the structure and `optable` for the table.

use crate::graph::{Graph, IrDisplay};
use crate::snapshot::ObjId;
use std::rc::Rc;

crate::optable! {
    /// Python-level operations.
    pub enum FlowOp {
        Add = "add", 2, raise;
        Sub = "sub", 2, raise;
        Mul = "mul", 2, raise;
        TrueDiv = "truediv", 2, raise;
        FloorDiv = "floordiv", 2, raise;
        Mod = "mod", 2, raise;
        Pow = "pow", 2, raise;
        LShift = "lshift", 2, raise;
        RShift = "rshift", 2, raise;
        And = "and_", 2, pure;
        Or = "or_", 2, pure;
        Xor = "xor", 2, pure;
        Neg = "neg", 1, pure;
        /// Integer operations whose overflow raises OverflowError: `ovfcheck(a + b)`.
        AddOvf = "add_ovf", 2, raise;
        SubOvf = "sub_ovf", 2, raise;
        MulOvf = "mul_ovf", 2, raise;
        LShiftOvf = "lshift_ovf", 2, raise;
        NegOvf = "neg_ovf", 1, raise;
        Pos = "pos", 1, pure;
        Invert = "invert", 1, pure;
        Bool = "bool", 1, pure;
        Not = "not_", 1, pure;
        Lt = "lt", 2, pure;
        Le = "le", 2, pure;
        Eq = "eq", 2, pure;
        Ne = "ne", 2, pure;
        Gt = "gt", 2, pure;
        Ge = "ge", 2, pure;
        Is = "is_", 2, pure;
        IsNot = "is_not", 2, pure;
        Contains = "contains", 2, pure;
        GetItem = "getitem", 2, raise;
        SetItem = "setitem", 3, raise;
        GetSlice = "getslice", 3, pure;
        /// `obj[lo:hi:step]`.
        GetSliceStep = "getslice_step", 4, raise;
        /// `obj[lo:hi] = value`.
        SetSlice = "setslice", 4, raise;
        DelItem = "delitem", 2, raise;
        DelSlice = "delslice", 3, raise;
        GetAttr = "getattr", 2, raise;
        /// `setattr(obj, name, value)`: an attribute assignment.
        SetAttr = "setattr", 3, raise;
        /// `call(f, names, args...)`: `names` is a `Const::Names` listing the keyword arguments,
        /// which are the last arguments.
        Call = "call", var, raise, collect;
        /// `callmethod(obj, name, names, args...)`, a method call on a non-constant object.
        CallMethod = "callmethod", var, raise, collect;
        NewList = "newlist", var, collect;
        NewTuple = "newtuple", var, collect;
        /// `newdict(k1, v1, k2, v2, ...)`.
        NewDict = "newdict", var, collect;
        Iter = "iter", 1, collect;
        /// Raises StopIteration at the end; always the last operation of its block.
        Next = "next", 1, raise;
        /// `x` itself; used where a new variable must hold an existing value.
        SameAs = "same_as", 1, pure;
        /// A `range(start, stop, step)` check: raises ValueError when the step is 0.
        CheckRangeStep = "check_range_step", 1, raise;
    }
}

/// A constant of the flow IR.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// An object of the snapshot (function, module, prebuilt list or tuple, class, ...) with a
    /// readable name for the text form.
    Obj(ObjId, Rc<str>),
    /// A builtin by name: `len`, `print`, `os.write`, `AssertionError`.
    Builtin(Rc<str>),
    /// The keyword names of a call.
    Names(Rc<[Rc<str>]>),
    /// The value of a local variable on a path where it is not assigned.
    Undefined,
}

impl IrDisplay for Const {
    fn fmt_ir(&self, f: &mut String) {
        match self {
            Const::None => f.push_str("None"),
            Const::Bool(b) => f.push_str(if *b { "True" } else { "False" }),
            Const::Int(i) => f.push_str(&i.to_string()),
            Const::Float(x) => f.push_str(&crate::graph::fmt_float(*x)),
            Const::Str(s) => f.push_str(&format!("{s:?}")),
            Const::Bytes(b) => f.push_str(&format!("b{:?}", String::from_utf8_lossy(b))),
            Const::Obj(_, name) => f.push_str(&format!("<{name}>")),
            Const::Builtin(n) => f.push_str(&format!("<builtin {n}>")),
            Const::Names(n) => f.push_str(&format!("<kw {}>", n.join(","))),
            Const::Undefined => f.push_str("<undefined>"),
        }
    }
}

/// A flow graph.
pub type FlowGraph = Graph<FlowOp, Const>;
