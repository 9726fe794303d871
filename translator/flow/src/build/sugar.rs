//! Expressions the flow builder turns into other constructs: comprehensions (a loop appending
//! to a fresh list or storing into a fresh dict), set displays (dicts whose values are `None`),
//! and string formatting with a constant format (`"..." % args` and f-strings), which becomes
//! one conversion call per field (`str`, `repr`, or the prelude's `#fmt` for fields with flags,
//! widths or precisions) and a `"".join` of the pieces.
//!
//! Relies on the builder's statement and expression machinery (`build.rs`) and on
//! `format.rs` for the parsing of formats.

use super::*;
use crate::format::{parse_percent, parse_spec, Piece, Spec};

/// A piece of a formatted string being built.
enum Part {
    Lit(String),
    /// A converted field, held in the environment under this name.
    Held(String),
}

impl Builder<'_, '_> {
    /// `[elt for ...]`, `{k: v for ...}`, `{elt for ...}`.
    pub(super) fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        val: Option<&Expr>,
        gens: &[CompFor],
        span: Span,
    ) -> Value<Const> {
        let tmp = self.fresh("comp");
        let init = match kind {
            CompKind::List => self.emit(FlowOp::NewList, vec![], span),
            _ => self.emit(FlowOp::NewDict, vec![], span),
        };
        self.env.insert(tmp.clone(), init);
        let mut map = HashMap::new();
        let mut loops = Vec::new();
        for g in gens {
            let iter = g.iter.renamed(&map);
            let mut bound = Vec::new();
            g.target.names(&mut bound);
            for n in bound {
                let fresh = self.fresh(&format!("c_{n}_"));
                map.insert(n, fresh);
            }
            let target = g.target.renamed(&map);
            let ifs: Vec<Expr> = g.ifs.iter().map(|e| e.renamed(&map)).collect();
            loops.push((target, iter, ifs));
        }
        let name = |n: &str| Expr {
            kind: ExprKind::Name(n.to_string()),
            span,
        };
        let elt = elt.renamed(&map);
        let stmt = |kind| Stmt { kind, span };
        let store = match kind {
            CompKind::List => StmtKind::Expr(Expr {
                kind: ExprKind::Call(
                    Box::new(Expr {
                        kind: ExprKind::Attribute(Box::new(name(&tmp)), "append".into()),
                        span,
                    }),
                    vec![elt],
                    vec![],
                ),
                span,
            }),
            CompKind::Dict => {
                let v = val.map(|v| v.renamed(&map)).unwrap_or(Expr::none(span));
                StmtKind::Assign(vec![Target::Subscript(name(&tmp), elt, span)], v)
            }
            CompKind::Set => StmtKind::Assign(
                vec![Target::Subscript(name(&tmp), elt, span)],
                Expr::none(span),
            ),
        };
        let mut body = vec![stmt(store)];
        for (target, iter, ifs) in loops.into_iter().rev() {
            for c in ifs.into_iter().rev() {
                body = vec![stmt(StmtKind::If(c, body, vec![]))];
            }
            body = vec![stmt(StmtKind::For(target, iter, body, vec![]))];
        }
        self.stmts(&body);
        self.load(&tmp, span)
    }

    /// `{a, b}`: a dict from each item to `None`.
    pub(super) fn set_display(&mut self, items: &[Expr], span: Span) -> Value<Const> {
        let vals = self.eval_all(items);
        let mut args = Vec::new();
        for v in vals {
            args.push(v);
            args.push(Value::Const(Const::None));
        }
        self.emit(FlowOp::NewDict, args, span)
    }

    /// `"fmt" % rhs` with a constant format.
    pub(super) fn percent_format(&mut self, fmt: &str, rhs: &Expr, span: Span) -> Value<Const> {
        let pieces = match parse_percent(fmt) {
            Ok(p) => p,
            Err(msg) => {
                self.error(
                    Diagnostic::new("E0115", format!("bad format string: {msg}"))
                        .at(span, "in this formatting"),
                );
                return Value::Const(Const::Str("".into()));
            }
        };
        let nconv = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Conv(_)))
            .count();
        let args: Vec<Value<Const>> = match &rhs.kind {
            ExprKind::Tuple(items) => {
                if items.len() != nconv {
                    let msg = if items.len() < nconv {
                        "not enough arguments for format string"
                    } else {
                        "not all arguments converted during string formatting"
                    };
                    self.error(
                        Diagnostic::new("E0115", msg)
                            .at(span, format!("{nconv} conversions, {} values", items.len())),
                    );
                    return Value::Const(Const::Str("".into()));
                }
                self.eval_all(items)
            }
            _ if nconv == 1 => vec![self.expr(rhs)],
            _ => {
                let t = self.expr(rhs);
                let held = self.hold(t);
                let mut out = Vec::new();
                for i in 0..nconv {
                    let t = self.load(&held, span);
                    let v = self.emit(
                        FlowOp::GetItem,
                        vec![t, Value::Const(Const::Int(i as i64))],
                        span,
                    );
                    out.push(self.hold(v));
                }
                out.iter().map(|n| self.load(n, span)).collect()
            }
        };
        // The conversions are calls in the current block: no value needs holding.
        let mut parts = Vec::new();
        let mut args = args.into_iter();
        for p in &pieces {
            match p {
                Piece::Lit(s) => parts.push(Part::Lit(s.clone())),
                Piece::Conv(spec) => {
                    let v = args.next().expect("one value per conversion");
                    let c = self.convert_field(v, spec, span);
                    parts.push(Part::Held(self.hold(c)));
                }
            }
        }
        self.concat_pieces(parts, span)
    }

    /// An f-string.
    pub(super) fn fstring(&mut self, parts: &[FPart], span: Span) -> Value<Const> {
        let mut out = Vec::new();
        for p in parts {
            match p {
                FPart::Lit(s) => out.push(Part::Lit(s.clone())),
                FPart::Unsupported(sp) => {
                    self.error(not_rpython(
                        *sp,
                        "f-string fields with a computed format spec",
                    ));
                }
                FPart::Value(e, conv, spec_text) => {
                    let mut spec = match parse_spec(spec_text) {
                        Ok(s) => s,
                        Err(msg) => {
                            self.error(
                                Diagnostic::new("E0115", format!("bad format spec: {msg}"))
                                    .at(e.span, "in this f-string field"),
                            );
                            continue;
                        }
                    };
                    let mut v = self.expr(e);
                    if *conv == 'r' {
                        v = self.builtin_call("repr", vec![v], e.span);
                        if spec.conv == '\0' {
                            spec.conv = 's';
                        }
                    }
                    let c = self.convert_field(v, &spec, e.span);
                    out.push(Part::Held(self.hold(c)));
                }
            }
        }
        self.concat_pieces(out, span)
    }

    /// `"...".format(args)` with a constant format: `{}`, `{0}`, `{name}`, each with `!r`/`!s`
    /// and a format spec, and `{{`/`}}`; the same conversions as f-strings.
    pub(super) fn str_format(
        &mut self,
        fmt: &str,
        args: &[Expr],
        kwargs: &[(String, Expr)],
        span: Span,
    ) -> Value<Const> {
        let bad = |me: &mut Self, msg: String| {
            me.error(
                Diagnostic::new("E0115", format!("bad format string: {msg}"))
                    .at(span, "in this `format()`"),
            );
            Value::Const(Const::Str("".into()))
        };
        // The arguments are evaluated once, in order, as Python does; fields refer to them.
        let held = |me: &mut Self, e: &Expr| {
            let v = me.expr(e);
            Expr {
                kind: ExprKind::Name(me.hold(v)),
                span: e.span,
            }
        };
        let args: Vec<Expr> = args.iter().map(|a| held(self, a)).collect();
        let kwargs: Vec<(String, Expr)> = kwargs
            .iter()
            .map(|(n, a)| (n.clone(), held(self, a)))
            .collect();
        // Parse into literal text and fields (argument, conversion, spec).
        let mut parts: Vec<FPart> = Vec::new();
        let mut lit = String::new();
        let mut auto = 0usize;
        let cs: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            if c == '{' && cs.get(i + 1) == Some(&'{') {
                lit.push('{');
                i += 2;
                continue;
            }
            if c == '}' && cs.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            if c == '}' {
                return bad(self, "single `}`".into());
            }
            if c != '{' {
                lit.push(c);
                i += 1;
                continue;
            }
            let Some(end) = cs[i + 1..].iter().position(|x| *x == '}') else {
                return bad(self, "unmatched `{`".into());
            };
            let inner: String = cs[i + 1..i + 1 + end].iter().collect();
            i += end + 2;
            let (head, spec) = match inner.split_once(':') {
                Some((h, s)) => (h.to_string(), s.to_string()),
                None => (inner.clone(), String::new()),
            };
            let (name, conv) = match head.split_once('!') {
                Some((n, c)) => (n.to_string(), c.chars().next().unwrap_or('\0')),
                None => (head.clone(), '\0'),
            };
            let arg = if name.is_empty() {
                auto += 1;
                args.get(auto - 1).cloned()
            } else if let Ok(k) = name.parse::<usize>() {
                args.get(k).cloned()
            } else {
                kwargs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, e)| e.clone())
            };
            let Some(arg) = arg else {
                return bad(self, format!("no argument for the field `{{{inner}}}`"));
            };
            if !lit.is_empty() {
                parts.push(FPart::Lit(std::mem::take(&mut lit)));
            }
            let conv = if conv == 'a' { 'r' } else { conv };
            parts.push(FPart::Value(arg, conv, spec));
        }
        if !lit.is_empty() {
            parts.push(FPart::Lit(lit));
        }
        self.fstring(&parts, span)
    }

    /// Joins the pieces of a formatting: literal text and converted fields (held in the
    /// environment while later fields are evaluated).
    fn concat_pieces(&mut self, parts: Vec<Part>, span: Span) -> Value<Const> {
        let vals: Vec<Value<Const>> = parts
            .into_iter()
            .filter(|p| !matches!(p, Part::Lit(s) if s.is_empty()))
            .map(|p| match p {
                Part::Lit(s) => Value::Const(Const::Str(s.as_str().into())),
                Part::Held(h) => self.load(&h, span),
            })
            .collect();
        match vals.len() {
            0 => Value::Const(Const::Str("".into())),
            1 if matches!(vals[0], Value::Const(Const::Str(_))) => vals[0].clone(),
            _ => {
                let list = self.emit(FlowOp::NewList, vals, span);
                self.emit(
                    FlowOp::CallMethod,
                    vec![
                        Value::Const(Const::Str("".into())),
                        Value::Const(Const::Str("join".into())),
                        names_const(&[]),
                        list,
                    ],
                    span,
                )
            }
        }
    }

    /// One formatted field: `str(v)`, `repr(v)`, or `#fmt(v, conv, fill, align, sign, alt,
    /// zero, width, prec)`.
    fn convert_field(&mut self, v: Value<Const>, spec: &Spec, span: Span) -> Value<Const> {
        if spec.is_plain_str() {
            return self.builtin_call("str", vec![v], span);
        }
        if spec.conv == 'r'
            && (Spec {
                conv: 's',
                ..spec.clone()
            })
            .is_plain_str()
        {
            return self.builtin_call("repr", vec![v], span);
        }
        let s = |c: char| {
            Value::Const(Const::Str(if c == '\0' {
                "".into()
            } else {
                c.to_string().into()
            }))
        };
        let args = vec![
            v,
            s(spec.conv),
            s(spec.fill),
            s(spec.align),
            s(spec.sign),
            Value::Const(Const::Bool(spec.alt)),
            Value::Const(Const::Bool(spec.zero)),
            Value::Const(Const::Int(spec.width)),
            Value::Const(Const::Int(spec.prec)),
        ];
        self.builtin_call("#fmt", args, span)
    }

    fn builtin_call(&mut self, name: &str, args: Vec<Value<Const>>, span: Span) -> Value<Const> {
        let mut all = vec![Value::Const(Const::Builtin(name.into())), names_const(&[])];
        all.extend(args);
        self.emit(FlowOp::Call, all, span)
    }
}
