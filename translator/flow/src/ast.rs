//! The translator's own syntax tree: the part of Python 3 the flow builder understands, with
//! everything else kept as `Unsupported` nodes that carry a span, so the error is reported only if
//! the code is reached. Only `parse.rs` knows the parser's tree; the rest of the translator sees
//! this one.

use rpy_model::Span;
use std::collections::HashMap;

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

/// One name an `import` statement binds: `import a.b` binds `a` to module `a`; `import a.b as x`
/// binds `x` to `a.b`; `from m import y as z` binds `z` to `m`'s `y` (or the submodule `m.y`).
#[derive(Clone, Debug)]
pub struct ImportBinding {
    pub name: String,
    /// The number of leading dots of a relative import.
    pub level: u32,
    pub module: String,
    pub attr: Option<String>,
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
    /// `import` and `from ... import` inside a function: each binding of a local name.
    Import(Vec<ImportBinding>),
    /// `try` with its handlers, `else` and `finally` bodies.
    Try(Vec<Stmt>, Vec<Handler>, Vec<Stmt>, Vec<Stmt>),
    /// `raise` (None: re-raise the exception being handled).
    Raise(Option<Expr>),
    /// `with expr as target: body` (one item; several items nest).
    With(Expr, Option<Target>, Vec<Stmt>),
    /// `del t1, t2, ...`.
    Delete(Vec<Target>),
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
    /// An f-string: literal text and formatted values.
    FString(Vec<FPart>),
    /// `[elt for ...]` (also generator expressions, built as lists), `{k: v for ...}` and
    /// `{elt for ...}` (a set: a dict whose values are `None`).
    Comp(CompKind, Box<Expr>, Option<Box<Expr>>, Vec<CompFor>),
    /// `{a, b}`: a set display (a dict whose values are `None`).
    Set(Vec<Expr>),
    Unsupported(&'static str),
}

/// A piece of an f-string.
#[derive(Clone, Debug)]
pub enum FPart {
    Lit(String),
    /// `{expr!conv:spec}`: the conversion (`s`, `r`, `a` or `\0`) and the constant spec.
    Value(Expr, char, String),
    /// A replacement field whose spec is not constant.
    Unsupported(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Dict,
    Set,
}

/// `for target in iter if cond...` of a comprehension.
#[derive(Clone, Debug)]
pub struct CompFor {
    pub target: Target,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
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

impl Expr {
    /// The literal `None` at `span` (for omitted slice bounds and the like).
    pub fn none(span: Span) -> Expr {
        Expr {
            kind: ExprKind::Literal(Literal::None),
            span,
        }
    }

    /// The expression with the names of `map` renamed (the targets of a comprehension get
    /// names of their own, so that they do not leak into the function's variables). Names bound
    /// by an inner comprehension keep their meaning inside it.
    pub fn renamed(&self, map: &HashMap<String, String>) -> Expr {
        use ExprKind as K;
        let r = |e: &Expr| e.renamed(map);
        let b = |e: &Expr| Box::new(e.renamed(map));
        let kind = match &self.kind {
            K::Name(n) => K::Name(map.get(n).cloned().unwrap_or_else(|| n.clone())),
            K::Literal(l) => K::Literal(l.clone()),
            K::BinOp(o, x, y) => K::BinOp(*o, b(x), b(y)),
            K::UnaryOp(o, x) => K::UnaryOp(*o, b(x)),
            K::BoolOp(a, xs) => K::BoolOp(*a, xs.iter().map(r).collect()),
            K::Compare(x, cs) => K::Compare(b(x), cs.iter().map(|(o, e)| (*o, r(e))).collect()),
            K::IfExp(c, x, y) => K::IfExp(b(c), b(x), b(y)),
            K::Call(f, a, kw) => K::Call(
                b(f),
                a.iter().map(r).collect(),
                kw.iter().map(|(n, e)| (n.clone(), r(e))).collect(),
            ),
            K::Attribute(x, n) => K::Attribute(b(x), n.clone()),
            K::Subscript(x, i) => K::Subscript(b(x), b(i)),
            K::Slice(lo, hi, st) => K::Slice(
                lo.as_deref().map(b),
                hi.as_deref().map(b),
                st.as_deref().map(b),
            ),
            K::List(xs) => K::List(xs.iter().map(r).collect()),
            K::Dict(kv) => K::Dict(kv.iter().map(|(k, v)| (r(k), r(v))).collect()),
            K::Tuple(xs) => K::Tuple(xs.iter().map(r).collect()),
            K::Set(xs) => K::Set(xs.iter().map(r).collect()),
            K::FString(ps) => K::FString(
                ps.iter()
                    .map(|p| match p {
                        FPart::Value(e, c, s) => FPart::Value(r(e), *c, s.clone()),
                        other => other.clone(),
                    })
                    .collect(),
            ),
            K::Comp(kind, elt, val, gens) => {
                let mut inner = map.clone();
                let mut new_gens = Vec::new();
                for g in gens {
                    let iter = g.iter.renamed(&inner);
                    let mut bound = Vec::new();
                    g.target.names(&mut bound);
                    for n in bound {
                        inner.remove(&n);
                    }
                    new_gens.push(CompFor {
                        target: g.target.clone(),
                        iter,
                        ifs: g.ifs.iter().map(|e| e.renamed(&inner)).collect(),
                    });
                }
                K::Comp(
                    *kind,
                    Box::new(elt.renamed(&inner)),
                    val.as_deref().map(|v| Box::new(v.renamed(&inner))),
                    new_gens,
                )
            }
            K::Unsupported(w) => K::Unsupported(w),
        };
        Expr {
            kind,
            span: self.span,
        }
    }
}

impl Target {
    /// The names this target binds.
    pub fn names(&self, out: &mut Vec<String>) {
        match self {
            Target::Name(n, _) => out.push(n.clone()),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| t.names(out)),
            _ => {}
        }
    }

    /// The target with the names of `map` renamed (and its expressions too).
    pub fn renamed(&self, map: &HashMap<String, String>) -> Target {
        match self {
            Target::Name(n, s) => {
                Target::Name(map.get(n).cloned().unwrap_or_else(|| n.clone()), *s)
            }
            Target::Tuple(ts, s) => Target::Tuple(ts.iter().map(|t| t.renamed(map)).collect(), *s),
            Target::Subscript(o, i, s) => Target::Subscript(o.renamed(map), i.renamed(map), *s),
            Target::Attribute(o, n, s) => Target::Attribute(o.renamed(map), n.clone(), *s),
            Target::Unsupported(w, s) => Target::Unsupported(w, *s),
        }
    }
}
