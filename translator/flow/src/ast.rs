//! The translator's own syntax tree: the part of Python 3 the flow builder understands, with
//! everything else kept as `Unsupported` nodes that carry a span, so the error is reported only if
//! the code is reached. Only `parse.rs` knows the parser's tree; the rest of the translator sees
//! this one.

use rpy_model::Span;

#[derive(Clone, Debug)]
pub struct FuncDef {
    pub name: String,
    pub params: Vec<Param>,
    /// Why the function cannot be translated before its body is even looked at: parameters
    /// that `*args`, `**kwargs` or keyword-only syntax introduce, or `async def`.
    pub unsupported_params: Option<(Span, &'static str)>,
    pub body: Vec<Stmt>,
    /// The `def` line up to the colon.
    pub span: Span,
    /// 1-based line of the first decorator or of `def`, and of `def` itself.
    pub first_line: u32,
    pub def_line: u32,
    /// Byte column of `def` or `lambda` in its line (CPython's `col_offset`).
    pub col: u32,
    /// Names that constructs outside the subset would bind (an `except ... as e`, a name
    /// assigned in a `try` body, a `:=` target): an error was reported for the construct, so
    /// their uses are not reported again.
    pub poisoned: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Target>, Expr),
    AugAssign(Target, BinOp, Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Target, Expr, Vec<Stmt>, Vec<Stmt>),
    Break,
    Continue,
    Return(Option<Expr>),
    Pass,
    Assert(Expr, Option<Expr>),
    Global(Vec<String>),
    /// `try` with its handlers, `else` and `finally` bodies.
    Try(Vec<Stmt>, Vec<Handler>, Vec<Stmt>, Vec<Stmt>),
    /// `raise` (None: re-raise the exception being handled).
    Raise(Option<Expr>),
    /// `with expr as target: body` (one item; several items nest).
    With(Expr, Option<Target>, Vec<Stmt>),
    /// A statement outside the supported subset, with a description ("class definitions").
    Unsupported(&'static str),
}

/// One `except` clause: the classes it catches (None: all), the name bound, the body.
#[derive(Clone, Debug)]
pub struct Handler {
    pub types: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Target {
    Name(String, Span),
    Tuple(Vec<Target>, Span),
    Subscript(Expr, Expr, Span),
    Attribute(Expr, String, Span),
    Unsupported(&'static str, Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    MatMul,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    None,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Unsupported(&'static str),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Name(String),
    Literal(Literal),
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    UnaryOp(UnOp, Box<Expr>),
    /// `and` (true) or `or` (false) over two or more operands.
    BoolOp(bool, Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>, Vec<(String, Expr)>),
    Attribute(Box<Expr>, String),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    List(Vec<Expr>),
    /// `{k: v, ...}`.
    Dict(Vec<(Expr, Expr)>),
    Tuple(Vec<Expr>),
    Unsupported(&'static str),
}

/// Every function definition of a module, found at any depth (nested ones included, so the
/// loader's line numbers can find them).
#[derive(Clone, Debug, Default)]
pub struct Module {
    pub functions: Vec<FuncDef>,
}

impl Module {
    /// The function named `name` whose definition starts at `line` (either the line of its first
    /// decorator or of its `def`); among several on that line (lambdas), the one at byte column
    /// `col` if given.
    pub fn find(&self, name: &str, line: u32, col: Option<u32>) -> Option<&FuncDef> {
        let mut found = self
            .functions
            .iter()
            .filter(|f| f.name == name && (f.first_line == line || f.def_line == line));
        let first = found.next()?;
        match col {
            Some(c) if first.col != c => found.find(|f| f.col == c).or(Some(first)),
            _ => Some(first),
        }
    }
}
