//! The parser adapter: parses a source file with `rustpython-parser` and converts its tree into
//! the translator's own (`ast.rs`). This is the only file that sees the parser's types, so the
//! parser can be swapped by rewriting this file alone.

use crate::ast::*;
use rpy_model::span::SourceFile;
use rpy_model::{Diagnostic, FileId, Span};
use rustpython_parser::ast as py;
use rustpython_parser::ast::Ranged;
use rustpython_parser::text_size::TextRange;
use rustpython_parser::Parse;

/// Parses a whole file and collects every function definition in it.
pub fn parse_module(file: &SourceFile, id: FileId) -> Result<Module, Diagnostic> {
    let suite = py::Suite::parse(&file.text, &file.path).map_err(|e| {
        let off = u32::from(e.offset);
        Diagnostic::new("E0001", format!("syntax error: {}", e.error)).at(
            Span {
                file: id,
                lo: off,
                hi: off + 1,
            },
            "here",
        )
    })?;
    let conv = Conv { file, id };
    let mut module = Module::default();
    conv.collect(&suite, &mut module);
    Ok(module)
}

struct Conv<'a> {
    file: &'a SourceFile,
    id: FileId,
}

impl Conv<'_> {
    fn span(&self, r: TextRange) -> Span {
        Span {
            file: self.id,
            lo: r.start().into(),
            hi: r.end().into(),
        }
    }

    fn line(&self, r: TextRange) -> u32 {
        self.file.line_col(r.start().into()).0
    }

    /// Finds function definitions anywhere (module level, in classes, nested).
    fn collect(&self, body: &[py::Stmt], out: &mut Module) {
        for s in body {
            match s {
                py::Stmt::FunctionDef(f) => {
                    out.functions.push(self.funcdef(f));
                    self.collect(&f.body, out);
                }
                py::Stmt::ClassDef(c) => self.collect(&c.body, out),
                py::Stmt::If(i) => {
                    self.collect(&i.body, out);
                    self.collect(&i.orelse, out);
                }
                py::Stmt::Try(t) => {
                    self.collect(&t.body, out);
                    self.collect(&t.orelse, out);
                    self.collect(&t.finalbody, out);
                }
                _ => {}
            }
        }
    }

    fn funcdef(&self, f: &py::StmtFunctionDef) -> FuncDef {
        let a = &f.args;
        let mut params = Vec::new();
        for p in a.posonlyargs.iter().chain(a.args.iter()) {
            params.push(Param {
                name: p.def.arg.to_string(),
                span: self.span(p.def.range),
            });
        }
        let unsupported_params = if let Some(v) = &a.vararg {
            Some((self.span(v.range), "`*args` parameters"))
        } else if let Some(k) = &a.kwarg {
            Some((self.span(k.range), "`**kwargs` parameters"))
        } else {
            a.kwonlyargs
                .first()
                .map(|k| (self.span(k.def.range), "keyword-only parameters"))
        };
        let def_line = self.line(f.range);
        let first_line = f
            .decorator_list
            .iter()
            .map(|d| self.line(d.range()))
            .min()
            .unwrap_or(def_line);
        // The span of the header: from `def` to the start of the body.
        let hi = f.body.first().map_or(f.range.end(), |s| s.range().start());
        let header = self.file.text[usize::from(f.range.start())..usize::from(hi)].trim_end();
        let header_len = header.len() as u32;
        let lo: u32 = f.range.start().into();
        FuncDef {
            name: f.name.to_string(),
            params,
            unsupported_params,
            body: self.stmts(&f.body),
            span: Span {
                file: self.id,
                lo,
                hi: lo + header_len,
            },
            first_line: first_line.min(def_line),
            def_line,
        }
    }

    fn stmts(&self, body: &[py::Stmt]) -> Vec<Stmt> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&self, s: &py::Stmt) -> Stmt {
        use StmtKind as K;
        let kind = match s {
            py::Stmt::Expr(e) => K::Expr(self.expr(&e.value)),
            py::Stmt::Assign(a) => K::Assign(
                a.targets.iter().map(|t| self.target(t)).collect(),
                self.expr(&a.value),
            ),
            py::Stmt::AnnAssign(a) => match &a.value {
                Some(v) => K::Assign(vec![self.target(&a.target)], self.expr(v)),
                None => K::Pass,
            },
            py::Stmt::AugAssign(a) => {
                K::AugAssign(self.target(&a.target), binop(a.op), self.expr(&a.value))
            }
            py::Stmt::If(i) => K::If(
                self.expr(&i.test),
                self.stmts(&i.body),
                self.stmts(&i.orelse),
            ),
            py::Stmt::While(w) => K::While(
                self.expr(&w.test),
                self.stmts(&w.body),
                self.stmts(&w.orelse),
            ),
            py::Stmt::For(f) => K::For(
                self.target(&f.target),
                self.expr(&f.iter),
                self.stmts(&f.body),
                self.stmts(&f.orelse),
            ),
            py::Stmt::Break(_) => K::Break,
            py::Stmt::Continue(_) => K::Continue,
            py::Stmt::Return(r) => K::Return(r.value.as_ref().map(|v| self.expr(v))),
            py::Stmt::Pass(_) => K::Pass,
            py::Stmt::Assert(a) => {
                K::Assert(self.expr(&a.test), a.msg.as_ref().map(|m| self.expr(m)))
            }
            py::Stmt::Global(g) => K::Global(g.names.iter().map(|n| n.to_string()).collect()),
            py::Stmt::FunctionDef(_) | py::Stmt::AsyncFunctionDef(_) => {
                K::Unsupported("nested function definitions")
            }
            py::Stmt::ClassDef(_) => K::Unsupported("class definitions"),
            py::Stmt::Delete(_) => K::Unsupported("`del` statements"),
            py::Stmt::TypeAlias(_) => K::Unsupported("type alias statements"),
            py::Stmt::AsyncFor(_) | py::Stmt::AsyncWith(_) => K::Unsupported("async statements"),
            py::Stmt::With(_) => K::Unsupported("`with` statements"),
            py::Stmt::Match(_) => K::Unsupported("`match` statements"),
            py::Stmt::Raise(_) => K::Unsupported("`raise` statements"),
            py::Stmt::Try(_) | py::Stmt::TryStar(_) => K::Unsupported("`try` statements"),
            py::Stmt::Import(_) | py::Stmt::ImportFrom(_) => {
                K::Unsupported("imports inside functions")
            }
            py::Stmt::Nonlocal(_) => K::Unsupported("`nonlocal` statements"),
        };
        Stmt {
            kind,
            span: self.span(s.range()),
        }
    }

    fn target(&self, t: &py::Expr) -> Target {
        let span = self.span(t.range());
        match t {
            py::Expr::Name(n) => Target::Name(n.id.to_string(), span),
            py::Expr::Tuple(tu) => {
                Target::Tuple(tu.elts.iter().map(|e| self.target(e)).collect(), span)
            }
            py::Expr::List(l) => {
                Target::Tuple(l.elts.iter().map(|e| self.target(e)).collect(), span)
            }
            py::Expr::Subscript(s) => {
                Target::Subscript(self.expr(&s.value), self.expr(&s.slice), span)
            }
            py::Expr::Attribute(a) => {
                Target::Attribute(self.expr(&a.value), a.attr.to_string(), span)
            }
            py::Expr::Starred(_) => Target::Unsupported("starred assignment targets", span),
            _ => Target::Unsupported("this assignment target", span),
        }
    }

    fn boxed(&self, e: &py::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn expr(&self, e: &py::Expr) -> Expr {
        use ExprKind as K;
        let kind = match e {
            py::Expr::Name(n) => K::Name(n.id.to_string()),
            py::Expr::Constant(c) => K::Literal(literal(&c.value)),
            py::Expr::BinOp(b) => K::BinOp(binop(b.op), self.boxed(&b.left), self.boxed(&b.right)),
            py::Expr::UnaryOp(u) => {
                let op = match u.op {
                    py::UnaryOp::USub => UnOp::Neg,
                    py::UnaryOp::UAdd => UnOp::Pos,
                    py::UnaryOp::Invert => UnOp::Invert,
                    py::UnaryOp::Not => UnOp::Not,
                };
                K::UnaryOp(op, self.boxed(&u.operand))
            }
            py::Expr::BoolOp(b) => K::BoolOp(
                matches!(b.op, py::BoolOp::And),
                b.values.iter().map(|v| self.expr(v)).collect(),
            ),
            py::Expr::Compare(c) => K::Compare(
                self.boxed(&c.left),
                c.ops
                    .iter()
                    .zip(c.comparators.iter())
                    .map(|(o, e)| (cmpop(*o), self.expr(e)))
                    .collect(),
            ),
            py::Expr::IfExp(i) => K::IfExp(
                self.boxed(&i.test),
                self.boxed(&i.body),
                self.boxed(&i.orelse),
            ),
            py::Expr::Call(c) => {
                if c.args.iter().any(|a| matches!(a, py::Expr::Starred(_)))
                    || c.keywords.iter().any(|k| k.arg.is_none())
                {
                    K::Unsupported("calls with `*args` or `**kwargs`")
                } else {
                    K::Call(
                        self.boxed(&c.func),
                        c.args.iter().map(|a| self.expr(a)).collect(),
                        c.keywords
                            .iter()
                            .map(|k| {
                                (
                                    k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default(),
                                    self.expr(&k.value),
                                )
                            })
                            .collect(),
                    )
                }
            }
            py::Expr::Attribute(a) => K::Attribute(self.boxed(&a.value), a.attr.to_string()),
            py::Expr::Subscript(s) => K::Subscript(self.boxed(&s.value), self.boxed(&s.slice)),
            py::Expr::Slice(s) => K::Slice(
                s.lower.as_ref().map(|x| self.boxed(x)),
                s.upper.as_ref().map(|x| self.boxed(x)),
                s.step.as_ref().map(|x| self.boxed(x)),
            ),
            py::Expr::List(l) => K::List(l.elts.iter().map(|x| self.expr(x)).collect()),
            py::Expr::Tuple(t) => K::Tuple(t.elts.iter().map(|x| self.expr(x)).collect()),
            py::Expr::NamedExpr(_) => K::Unsupported("assignment expressions (`:=`)"),
            py::Expr::Lambda(_) => K::Unsupported("`lambda` expressions"),
            py::Expr::Dict(_) => K::Unsupported("dict displays"),
            py::Expr::Set(_) => K::Unsupported("set displays"),
            py::Expr::ListComp(_) => K::Unsupported("list comprehensions"),
            py::Expr::SetComp(_) => K::Unsupported("set comprehensions"),
            py::Expr::DictComp(_) => K::Unsupported("dict comprehensions"),
            py::Expr::GeneratorExp(_) => K::Unsupported("generator expressions"),
            py::Expr::Await(_) => K::Unsupported("`await`"),
            py::Expr::Yield(_) | py::Expr::YieldFrom(_) => K::Unsupported("generators (`yield`)"),
            py::Expr::FormattedValue(_) | py::Expr::JoinedStr(_) => K::Unsupported("f-strings"),
            py::Expr::Starred(_) => K::Unsupported("starred expressions"),
        };
        Expr {
            kind,
            span: self.span(e.range()),
        }
    }
}

fn literal(c: &py::Constant) -> Literal {
    match c {
        py::Constant::None => Literal::None,
        py::Constant::Bool(b) => Literal::Bool(*b),
        py::Constant::Str(s) => Literal::Str(s.clone()),
        py::Constant::Bytes(b) => Literal::Bytes(b.clone()),
        py::Constant::Int(i) => match i64::try_from(i) {
            Ok(v) => Literal::Int(v),
            Err(_) => Literal::BigInt(i.to_string()),
        },
        py::Constant::Float(f) => Literal::Float(*f),
        py::Constant::Tuple(_) => Literal::Unsupported("constant tuples"),
        py::Constant::Complex { .. } => Literal::Unsupported("complex numbers"),
        py::Constant::Ellipsis => Literal::Unsupported("`...`"),
    }
}

fn binop(op: py::Operator) -> BinOp {
    match op {
        py::Operator::Add => BinOp::Add,
        py::Operator::Sub => BinOp::Sub,
        py::Operator::Mult => BinOp::Mul,
        py::Operator::MatMult => BinOp::MatMul,
        py::Operator::Div => BinOp::TrueDiv,
        py::Operator::Mod => BinOp::Mod,
        py::Operator::Pow => BinOp::Pow,
        py::Operator::LShift => BinOp::LShift,
        py::Operator::RShift => BinOp::RShift,
        py::Operator::BitOr => BinOp::BitOr,
        py::Operator::BitXor => BinOp::BitXor,
        py::Operator::BitAnd => BinOp::BitAnd,
        py::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: py::CmpOp) -> CmpOp {
    match op {
        py::CmpOp::Eq => CmpOp::Eq,
        py::CmpOp::NotEq => CmpOp::Ne,
        py::CmpOp::Lt => CmpOp::Lt,
        py::CmpOp::LtE => CmpOp::Le,
        py::CmpOp::Gt => CmpOp::Gt,
        py::CmpOp::GtE => CmpOp::Ge,
        py::CmpOp::Is => CmpOp::Is,
        py::CmpOp::IsNot => CmpOp::IsNot,
        py::CmpOp::In => CmpOp::In,
        py::CmpOp::NotIn => CmpOp::NotIn,
    }
}
