//! The parser adapter: parses a source file with `rustpython-parser` and converts its tree into
//! the translator's own (`ast.rs`). This is the only file that sees the parser's types, so the
//! parser can be swapped by rewriting this file alone.
//!
//! Every `def` and every `lambda` of the module, at any depth, becomes a `FuncDef` (a lambda is a
//! function whose body returns its expression). Constructs outside the subset become
//! `Unsupported` nodes whose span is their header (`try:`, `class A:`), and the names they would
//! bind are listed on the function, so the builder does not report their later uses as unknown.

use crate::ast::*;
use rpy_model::span::SourceFile;
use rpy_model::{Diagnostic, FileId, Span};
use rustpython_parser::ast as py;
use rustpython_parser::ast::fold::{self, Fold};
use rustpython_parser::ast::Ranged;
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::Parse;
use std::cell::RefCell;
use std::convert::Infallible;

/// Parses a whole file and collects every function definition in it.
// A diagnostic is large, but a parse fails at most once per file.
#[allow(clippy::result_large_err)]
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
    let conv = Conv {
        file,
        id,
        bound: RefCell::new(Vec::new()),
    };
    let mut module = Module::default();
    conv.collect(&suite, &mut module);
    let mut lambdas = LambdaFinder(Vec::new());
    for s in suite {
        let _ = lambdas.fold_stmt(s);
    }
    for l in &lambdas.0 {
        module.functions.push(conv.lambda(l));
    }
    Ok(module)
}

struct Conv<'a> {
    file: &'a SourceFile,
    id: FileId,
    /// Names bound by unsupported constructs of the function being converted.
    bound: RefCell<Vec<String>>,
}

/// Collects every `lambda` expression of a module.
struct LambdaFinder(Vec<py::ExprLambda>);

impl Fold<TextRange> for LambdaFinder {
    type TargetU = TextRange;
    type Error = Infallible;
    type UserContext = ();
    fn will_map_user(&mut self, _: &TextRange) {}
    fn map_user(&mut self, user: TextRange, _: ()) -> Result<TextRange, Infallible> {
        Ok(user)
    }
    fn fold_expr(&mut self, node: py::Expr) -> Result<py::Expr, Infallible> {
        if let py::Expr::Lambda(l) = &node {
            self.0.push(l.clone());
        }
        fold::fold_expr(self, node)
    }
}

/// Collects the names a statement or expression binds in the enclosing function's scope
/// (assignment targets, `except ... as e`, imports, nested `def` and `class` names).
struct BindingFinder(Vec<String>);

impl Fold<TextRange> for BindingFinder {
    type TargetU = TextRange;
    type Error = Infallible;
    type UserContext = ();
    fn will_map_user(&mut self, _: &TextRange) {}
    fn map_user(&mut self, user: TextRange, _: ()) -> Result<TextRange, Infallible> {
        Ok(user)
    }
    fn fold_expr(&mut self, node: py::Expr) -> Result<py::Expr, Infallible> {
        if let py::Expr::Name(n) = &node {
            if !matches!(n.ctx, py::ExprContext::Load) {
                self.0.push(n.id.to_string());
            }
        }
        // Lambdas and comprehensions have scopes of their own; only `:=` inside them leaks.
        fold::fold_expr(self, node)
    }
    fn fold_stmt(&mut self, node: py::Stmt) -> Result<py::Stmt, Infallible> {
        match &node {
            py::Stmt::FunctionDef(f) => {
                self.0.push(f.name.to_string());
                return Ok(node);
            }
            py::Stmt::AsyncFunctionDef(f) => {
                self.0.push(f.name.to_string());
                return Ok(node);
            }
            py::Stmt::ClassDef(c) => {
                self.0.push(c.name.to_string());
                return Ok(node);
            }
            py::Stmt::Import(i) => {
                for a in &i.names {
                    let full = a.name.to_string();
                    let first = full.split('.').next().unwrap_or_default().to_string();
                    self.0
                        .push(a.asname.as_ref().map_or(first, |n| n.to_string()));
                }
            }
            py::Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.0
                        .push(a.asname.as_ref().unwrap_or(&a.name).to_string());
                }
            }
            _ => {}
        }
        fold::fold_stmt(self, node)
    }
    fn fold_excepthandler(
        &mut self,
        node: py::ExceptHandler,
    ) -> Result<py::ExceptHandler, Infallible> {
        let py::ExceptHandler::ExceptHandler(h) = &node;
        if let Some(n) = &h.name {
            self.0.push(n.to_string());
        }
        fold::fold_excepthandler(self, node)
    }
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
                py::Stmt::AsyncFunctionDef(f) => {
                    // Found so that calling it is reported as unsupported, not as unknown.
                    let plain = py::StmtFunctionDef {
                        range: f.range,
                        name: f.name.clone(),
                        args: f.args.clone(),
                        body: f.body.clone(),
                        decorator_list: f.decorator_list.clone(),
                        returns: f.returns.clone(),
                        type_comment: f.type_comment.clone(),
                        type_params: f.type_params.clone(),
                    };
                    let mut def = self.funcdef(&plain);
                    def.unsupported_params = Some((def.span, "`async` functions"));
                    out.functions.push(def);
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

    /// The parameters of a `def` or `lambda`, and the first unsupported kind of parameter.
    fn params(&self, a: &py::Arguments) -> (Vec<Param>, Option<(Span, &'static str)>) {
        let mut params = Vec::new();
        for p in a.posonlyargs.iter().chain(a.args.iter()) {
            params.push(Param {
                name: p.def.arg.to_string(),
                span: self.span(p.def.range),
            });
        }
        let unsupported = if let Some(v) = &a.vararg {
            Some((self.span(v.range), "`*args` parameters"))
        } else if let Some(k) = &a.kwarg {
            Some((self.span(k.range), "`**kwargs` parameters"))
        } else {
            a.kwonlyargs
                .first()
                .map(|k| (self.span(k.def.range), "keyword-only parameters"))
        };
        (params, unsupported)
    }

    /// The span of a compound statement's header: from its start to its body, without trailing
    /// blanks and comments (`def f(x):`, `try:`, `class A:`).
    fn header(&self, start: TextSize, body_start: Option<TextSize>, end: TextSize) -> Span {
        let lo = usize::from(start);
        let hi = usize::from(body_start.unwrap_or(end)).max(lo);
        let text = &self.file.text[lo..hi];
        // Stop at the colon that ends the header when the body is on the same line.
        let mut len = text.trim_end().len();
        if let Some(nl) = text.find('\n') {
            if text[..nl].trim_end().ends_with(':') {
                len = text[..nl].trim_end().len();
            } else if let Some(c) = text.rfind(':') {
                len = c + 1;
            }
        } else if let Some(c) = text.rfind(':') {
            len = c + 1;
        }
        Span {
            file: self.id,
            lo: lo as u32,
            hi: (lo + len) as u32,
        }
    }

    /// The byte column of an offset in its line, as CPython counts `col_offset`.
    fn col(&self, off: TextSize) -> u32 {
        let line = self.file.line_col(off.into()).0;
        let start = self.file.line_start(line).unwrap_or(0);
        u32::from(off) - start
    }

    fn funcdef(&self, f: &py::StmtFunctionDef) -> FuncDef {
        let (params, unsupported_params) = self.params(&f.args);
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
        let outer = self.bound.replace(Vec::new());
        let body = self.stmts(&f.body);
        let poisoned = self.bound.replace(outer);
        FuncDef {
            name: f.name.to_string(),
            params,
            unsupported_params,
            body,
            span: Span {
                file: self.id,
                lo,
                hi: lo + header_len,
            },
            first_line: first_line.min(def_line),
            def_line,
            col: self.col(f.range.start()),
            poisoned,
        }
    }

    /// A `lambda` as a function whose body returns its expression.
    fn lambda(&self, l: &py::ExprLambda) -> FuncDef {
        let (params, unsupported_params) = self.params(&l.args);
        let line = self.line(l.range);
        let outer = self.bound.replace(Vec::new());
        let value = self.expr(&l.body);
        let poisoned = self.bound.replace(outer);
        let span = self.header(l.range.start(), Some(l.body.range().start()), l.range.end());
        FuncDef {
            name: "<lambda>".into(),
            params,
            unsupported_params,
            body: vec![Stmt {
                span: value.span,
                kind: StmtKind::Return(Some(value)),
            }],
            span,
            first_line: line,
            def_line: line,
            col: self.col(l.range.start()),
            poisoned,
        }
    }

    /// An unsupported statement: its description, and the names it binds are recorded.
    fn unsupported(&self, s: &py::Stmt, what: &'static str) -> StmtKind {
        let mut finder = BindingFinder(Vec::new());
        let _ = finder.fold_stmt(s.clone());
        self.bound.borrow_mut().extend(finder.0);
        StmtKind::Unsupported(what)
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
                self.unsupported(s, "nested function definitions")
            }
            py::Stmt::ClassDef(_) => self.unsupported(s, "class definitions"),
            py::Stmt::Delete(d) => K::Delete(d.targets.iter().map(|t| self.target(t)).collect()),
            py::Stmt::TypeAlias(_) => self.unsupported(s, "type alias statements"),
            py::Stmt::AsyncFor(_) | py::Stmt::AsyncWith(_) => {
                self.unsupported(s, "async statements")
            }
            py::Stmt::With(w) => {
                // `with a as x, b as y:` is `with a as x: with b as y:`.
                let mut body = self.stmts(&w.body);
                let mut kind = None;
                for (i, item) in w.items.iter().enumerate().rev() {
                    let target = item.optional_vars.as_ref().map(|t| self.target(t));
                    let k = K::With(self.expr(&item.context_expr), target, body);
                    if i == 0 {
                        kind = Some(k);
                        break;
                    }
                    body = vec![Stmt {
                        kind: k,
                        span: self.span(s.range()),
                    }];
                }
                kind.unwrap_or(K::Pass)
            }
            py::Stmt::Match(_) => self.unsupported(s, "`match` statements"),
            py::Stmt::Raise(r) => match &r.cause {
                Some(_) => self.unsupported(s, "`raise ... from ...`"),
                None => K::Raise(r.exc.as_ref().map(|e| self.expr(e))),
            },
            py::Stmt::Try(t) => K::Try(
                self.stmts(&t.body),
                t.handlers
                    .iter()
                    .map(|h| {
                        let py::ExceptHandler::ExceptHandler(h) = h;
                        Handler {
                            types: h.type_.as_ref().map(|e| self.expr(e)),
                            name: h.name.as_ref().map(|n| n.to_string()),
                            body: self.stmts(&h.body),
                            span: self.span(h.range),
                        }
                    })
                    .collect(),
                self.stmts(&t.orelse),
                self.stmts(&t.finalbody),
            ),
            py::Stmt::TryStar(_) => self.unsupported(s, "`try` with `except*`"),
            py::Stmt::Import(i) => StmtKind::Import(
                i.names
                    .iter()
                    .map(|a| {
                        let full = a.name.to_string();
                        match &a.asname {
                            Some(n) => ImportBinding {
                                name: n.to_string(),
                                level: 0,
                                module: full,
                                attr: None,
                            },
                            None => {
                                let first = full.split('.').next().unwrap_or_default().to_string();
                                ImportBinding {
                                    name: first.clone(),
                                    level: 0,
                                    module: first,
                                    attr: None,
                                }
                            }
                        }
                    })
                    .collect(),
            ),
            py::Stmt::ImportFrom(i) => {
                let level = i.level.map_or(0, |l| l.to_u32());
                let module = i.module.as_ref().map_or(String::new(), |m| m.to_string());
                if i.names.iter().any(|a| a.name.as_str() == "*") {
                    self.unsupported(s, "`from ... import *` inside a function")
                } else {
                    StmtKind::Import(
                        i.names
                            .iter()
                            .map(|a| ImportBinding {
                                name: a.asname.as_ref().unwrap_or(&a.name).to_string(),
                                level,
                                module: module.clone(),
                                attr: Some(a.name.to_string()),
                            })
                            .collect(),
                    )
                }
            }
            py::Stmt::Nonlocal(_) => self.unsupported(s, "`nonlocal` statements"),
        };
        Stmt {
            kind,
            span: self.stmt_span(s),
        }
    }

    /// The span a statement is reported at: compound statements outside the subset are reported
    /// at their header only.
    fn stmt_span(&self, s: &py::Stmt) -> Span {
        let r = s.range();
        let body = match s {
            py::Stmt::FunctionDef(f) => &f.body,
            py::Stmt::AsyncFunctionDef(f) => &f.body,
            py::Stmt::ClassDef(c) => &c.body,
            py::Stmt::With(w) => &w.body,
            py::Stmt::AsyncWith(w) => &w.body,
            py::Stmt::AsyncFor(f) => &f.body,
            py::Stmt::Try(t) => &t.body,
            py::Stmt::TryStar(t) => &t.body,
            py::Stmt::Match(m) => {
                let start = m.cases.first().map(|c| c.pattern.range().start());
                return self.header(r.start(), start, r.end());
            }
            _ => return self.span(r),
        };
        let start = body.first().map(|b| b.range().start());
        self.header(r.start(), start, r.end())
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

    fn comp_for(&self, gens: &[py::Comprehension]) -> Vec<CompFor> {
        gens.iter()
            .map(|g| CompFor {
                target: self.target(&g.target),
                iter: self.expr(&g.iter),
                ifs: g.ifs.iter().map(|e| self.expr(e)).collect(),
            })
            .collect()
    }

    fn fstring(&self, values: &[py::Expr]) -> Vec<FPart> {
        let mut out = Vec::new();
        for v in values {
            match v {
                py::Expr::Constant(c) => {
                    if let py::Constant::Str(s) = &c.value {
                        out.push(FPart::Lit(s.clone()));
                    }
                }
                py::Expr::FormattedValue(f) => {
                    let conv = match f.conversion {
                        py::ConversionFlag::Str => 's',
                        py::ConversionFlag::Repr | py::ConversionFlag::Ascii => 'r',
                        _ => '\0',
                    };
                    let mut spec = String::new();
                    if let Some(s) = &f.format_spec {
                        let py::Expr::JoinedStr(j) = &**s else {
                            out.push(FPart::Unsupported(self.span(s.range())));
                            continue;
                        };
                        for p in &j.values {
                            match p {
                                py::Expr::Constant(c) => {
                                    if let py::Constant::Str(t) = &c.value {
                                        spec.push_str(t);
                                    }
                                }
                                other => {
                                    out.push(FPart::Unsupported(self.span(other.range())));
                                }
                            }
                        }
                    }
                    out.push(FPart::Value(self.expr(&f.value), conv, spec));
                }
                py::Expr::JoinedStr(j) => out.extend(self.fstring(&j.values)),
                other => out.push(FPart::Unsupported(self.span(other.range()))),
            }
        }
        out
    }

    fn boxed(&self, e: &py::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn expr(&self, e: &py::Expr) -> Expr {
        use ExprKind as K;
        let kind = match e {
            py::Expr::Name(n) => K::Name(n.id.to_string()),
            py::Expr::Constant(c) => match &c.value {
                // The parser replaces a lone surrogate escape by U+FFFD, which would silently
                // differ from CPython: refuse the literal instead.
                py::Constant::Str(s)
                    if s.contains('\u{fffd}')
                        && has_surrogate_escape(
                            &self.file.text[c.range.start().into()..c.range.end().into()],
                        ) =>
                {
                    K::Literal(Literal::Unsupported(
                        "lone surrogates (`\\ud800` to `\\udfff`) in string literals",
                    ))
                }
                v => K::Literal(literal(v)),
            },
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
            py::Expr::NamedExpr(n) => {
                let mut finder = BindingFinder(Vec::new());
                let _ = finder.fold_expr((*n.target).clone());
                self.bound.borrow_mut().extend(finder.0);
                K::Unsupported("assignment expressions (`:=`)")
            }
            py::Expr::Lambda(_) => K::Unsupported("`lambda` expressions"),
            py::Expr::Dict(d) if d.keys.iter().all(Option::is_some) => K::Dict(
                d.keys
                    .iter()
                    .zip(&d.values)
                    .map(|(k, v)| (self.expr(k.as_ref().expect("key")), self.expr(v)))
                    .collect(),
            ),
            py::Expr::Dict(_) => K::Unsupported("`**` in dict displays"),
            py::Expr::Set(s) => K::Set(s.elts.iter().map(|e| self.expr(e)).collect()),
            py::Expr::ListComp(c) => K::Comp(
                CompKind::List,
                self.boxed(&c.elt),
                None,
                self.comp_for(&c.generators),
            ),
            py::Expr::SetComp(c) => K::Comp(
                CompKind::Set,
                self.boxed(&c.elt),
                None,
                self.comp_for(&c.generators),
            ),
            py::Expr::DictComp(c) => K::Comp(
                CompKind::Dict,
                self.boxed(&c.key),
                Some(self.boxed(&c.value)),
                self.comp_for(&c.generators),
            ),
            py::Expr::GeneratorExp(c) => K::Comp(
                CompKind::List,
                self.boxed(&c.elt),
                None,
                self.comp_for(&c.generators),
            ),
            py::Expr::Await(_) => K::Unsupported("`await`"),
            py::Expr::Yield(_) | py::Expr::YieldFrom(_) => K::Unsupported("generators (`yield`)"),
            py::Expr::JoinedStr(j) => K::FString(self.fstring(&j.values)),
            py::Expr::FormattedValue(_) => K::FString(self.fstring(std::slice::from_ref(e))),
            py::Expr::Starred(_) => K::Unsupported("starred expressions"),
        };
        Expr {
            kind,
            span: self.span(e.range()),
        }
    }
}

/// Whether the source of a string literal has an escape of a surrogate code point (`\udc80`,
/// `\U0000d800`).
fn has_surrogate_escape(src: &str) -> bool {
    let b = src.as_bytes();
    (0..b.len()).any(|i| {
        let hex = |from: usize, n: usize| {
            b.get(from..from + n)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u32::from_str_radix(h, 16).ok())
        };
        let cp = match (b[i], b.get(i + 1)) {
            (b'\\', Some(b'u')) => hex(i + 2, 4),
            (b'\\', Some(b'U')) => hex(i + 2, 8),
            _ => None,
        };
        // After an escaped backslash (`\\ud800`) the `u` is text, not an escape.
        let escaped = b[..i].iter().rev().take_while(|c| **c == b'\\').count() % 2 == 1;
        !escaped && cp.is_some_and(|c| (0xD800..=0xDFFF).contains(&c))
    })
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
