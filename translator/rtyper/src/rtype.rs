//! Translation of annotated graphs into low-level graphs, operation by operation.
//!
//! Each low-level graph has the flow graph's blocks and variables (same indices) plus the
//! variables of the operations it adds; a variable's type is the representation of its
//! annotation. Blocks the annotator never reached are dropped; operations whose operands include
//! an impossible value are dead and dropped (a `next` on a list that never gets an item just
//! leaves its loop). Where a link passes a value whose type differs from
//! its target's (a char into a str variable, an int into a float one), a block with the
//! conversions is inserted on the link.

use crate::repr::{Reprs, EXCEPTION_CLASSES};
use crate::support::SUPPORT;
use rpy_annotator::rules::{bind_args, ArgSource};
use rpy_annotator::{Ann, Annotator, ClassId, GraphId};
use rpy_model::flowop::{Const, FlowOp};
use rpy_model::graph::{BlockData, ExitCase, ExitSwitch, Graph, Link, LinkArg, Operation, Value};
use rpy_model::llop::{Effects, FuncId, Light, LlConst, LlFunction, LlGraph, LlOp, LlProgram};
use rpy_model::lltype::LlType;
use rpy_model::snapshot::{ObjId, PyObject, PyValue};
use rpy_model::{Block, Diagnostic, Diagnostics, Span, Var};
use std::collections::HashMap;
use std::rc::Rc;

type V = Value<LlConst>;

/// What a dispatcher does in one case: call a graph (with the key as its receiver when asked),
/// or instantiate a class (calling its `__init__` graph, if any, with the arguments).
#[derive(Clone, Copy)]
enum DispatchCase {
    Call(GraphId, bool),
    New(rpy_annotator::ClassId, Option<GraphId>),
}

/// How a dispatcher tests its key for one case.
enum DispatchTest {
    /// The key is an instance whose class id is at most this (class ranges in preorder).
    ClassIdAtMost(i64),
    /// The key is this value (a function's id).
    Equals(i64),
}

/// Builds the low-level program from the annotator's results.
pub fn rtype_program(an: &mut Annotator, entry: GraphId) -> Result<LlProgram, Diagnostics> {
    let n = an.graphs.len();
    let mut rt = Rtyper {
        an,
        reprs: Reprs::new(),
        extra: vec![],
        support_ids: HashMap::new(),
        n_graphs: n,
        diags: Diagnostics::default(),
        in_bound_attr_call: false,
    };
    rt.reprs.reserve_classes(rt.an);
    let mut functions = Vec::new();
    for i in 0..n {
        functions.push(rt.graph(GraphId(i as u32)));
    }
    if !rt.diags.is_empty() {
        return Err(rt.diags);
    }
    let mut class_names: Vec<(i64, String)> = Vec::new();
    for (i, c) in rt.an.classes.iter().enumerate() {
        let builtin = rt.an.is_builtin_class(rpy_annotator::ClassId(i as u32));
        let name = if builtin {
            format!("builtins.{}", c.name)
        } else {
            c.name.clone()
        };
        class_names.push((c.id_min, name));
    }
    // Every class gets its instance struct, instantiated or not: the C runtime allocates the
    // builtin exceptions it raises by class id.
    for c in 0..rt.an.classes.len() {
        rt.reprs.inst_type(rt.an, rpy_annotator::ClassId(c as u32));
    }
    let rdict_funcs = rt
        .reprs
        .rdicts
        .iter()
        .filter_map(|(t, root)| {
            rt.an
                .rdict_graphs
                .get(root)
                .map(|(e, h)| (*t, FuncId(e.0), FuncId(h.0)))
        })
        .collect();
    let mut inline_hints = std::collections::BTreeMap::new();
    for i in 0..n {
        if let PyObject::Function(f) = rt.an.snapshot.obj(rt.an.graphs[i].func) {
            let set = |name: &str| matches!(f.attrs.get(name), Some(PyValue::Bool(true)));
            if set("_dont_inline_") {
                inline_hints.insert(FuncId(i as u32), false);
            } else if set("_always_inline_") {
                inline_hints.insert(FuncId(i as u32), true);
            }
        }
    }
    let mut destructors = Vec::new();
    let mut light = Vec::new();
    for (c, g) in rt.an.destructors.clone() {
        destructors.push((rt.reprs.inst_type(rt.an, c), FuncId(g.0)));
        let span = rt.an.graphs[g.0 as usize].graph.span;
        if !light
            .iter()
            .any(|l: &(FuncId, Span, Light)| l.0 == FuncId(g.0))
        {
            light.push((FuncId(g.0), span, Light::Destructor));
        }
    }
    let mut fq_triggers = Vec::new();
    for (qid, fq) in rt.an.finalizer_queues.clone() {
        let t = rt.reprs.inst_type(rt.an, fq.class);
        if let LlConst::Prebuilt(p) = rt.prebuilt_container(qid, t, fq.span) {
            fq_triggers.push((fq.index, FuncId(fq.trigger.0), p));
        }
        let span = rt.an.graphs[fq.trigger.0 as usize].graph.span;
        light.push((FuncId(fq.trigger.0), span, Light::Trigger));
    }
    // Functions decorated with `rgc.no_collect`.
    for (i, g) in rt.an.graphs.iter().enumerate() {
        if let PyObject::Function(f) = rt.an.snapshot.obj(g.func) {
            if f.attrs.contains_key("_gc_no_collect_") {
                light.push((FuncId(i as u32), g.graph.span, Light::NoCollect));
            }
        }
    }
    if !rt.diags.is_empty() {
        return Err(rt.diags);
    }
    functions.extend(rt.extra);
    Ok(LlProgram {
        inline_hints,
        destructors,
        fq_triggers,
        light,
        class_names,
        class_tid_base: rt.reprs.class_tid_base,
        types: rt.reprs.types,
        functions,
        prebuilt: rt.reprs.prebuilt,
        entry: Some(FuncId(entry.0)),
        rdict_funcs,
        prebuilt_dicts: rt.reprs.prebuilt_dicts,
    })
}

struct Rtyper<'a, 's> {
    an: &'a mut Annotator<'s>,
    reprs: Reprs,
    extra: Vec<LlFunction>,
    support_ids: HashMap<&'static str, FuncId>,
    n_graphs: usize,
    diags: Diagnostics,
    /// Set while a call through an attribute holding a bound method is being lowered.
    in_bound_attr_call: bool,
}

/// The state while one graph is translated.
struct G {
    gid: GraphId,

    g: LlGraph,
    types: Vec<LlType>,
    ops: Vec<Operation<LlOp, LlConst>>,
    span: Span,
}

impl G {
    fn new_var(&mut self, hint: &str, t: LlType) -> Var {
        let v = self.g.new_var(hint);
        self.types.push(t);
        debug_assert_eq!(self.types.len(), self.g.vars.len());
        v
    }
}

impl Rtyper<'_, '_> {
    fn error(&mut self, span: Span, msg: String, label: &str) {
        self.diags
            .push(Diagnostic::new("E0300", msg).at(span, label));
    }

    fn support(&mut self, cname: &str) -> FuncId {
        let row = SUPPORT
            .iter()
            .find(|s| s.cname == cname)
            .unwrap_or_else(|| panic!("unknown support function {cname}"));
        if let Some(id) = self.support_ids.get(row.cname) {
            return *id;
        }
        let (s, b) = (self.reprs.str_type(), self.reprs.bytes_type());
        let lists = self.support_lists();
        let f = LlFunction::Support {
            cname: row.cname,
            args: row.args.iter().map(|t| t.resolve(s, b, lists)).collect(),
            ret: row.ret.resolve(s, b, lists),
            effects: Effects {
                canraise: row.canraise,
                cancollect: row.cancollect,
            },
        };
        let id = FuncId((self.n_graphs + self.extra.len()) as u32);
        self.extra.push(f);
        self.support_ids.insert(row.cname, id);
        id
    }

    fn support_ret(&mut self, cname: &str) -> LlType {
        let row = SUPPORT
            .iter()
            .find(|s| s.cname == cname)
            .expect("support function");
        let lists = self.support_lists();
        row.ret
            .resolve(self.reprs.str_type(), self.reprs.bytes_type(), lists)
    }

    /// The list types of the support table: lists of str and lists of int.
    fn support_lists(&mut self) -> (LlType, LlType) {
        let s = self.reprs.str_type();
        (
            LlType::Ptr(self.reprs.list_of(s)),
            LlType::Ptr(self.reprs.list_of(LlType::Signed)),
        )
    }

    fn ann_of(&mut self, gid: GraphId, v: &Value<Const>) -> Ann {
        self.an.ann(gid, v)
    }

    fn var_lltype(&mut self, gid: GraphId, v: Var) -> LlType {
        let a = self.an.graphs[gid.0 as usize].anns[v.0 as usize].clone();
        self.reprs.lltype(self.an, &a)
    }

    // ---- whole graphs ----

    fn graph(&mut self, gid: GraphId) -> LlFunction {
        let ag = &self.an.graphs[gid.0 as usize];
        let fg = ag.graph.clone();
        let reached = ag.reached.clone();
        let mut types = Vec::with_capacity(fg.vars.len());
        for v in fg.vars.keys() {
            let t = self.var_lltype(gid, v);
            types.push(t);
        }
        let ev = &fg.blocks[fg.exceptblock].inputargs;
        types[ev[0].0 as usize] = LlType::Signed;
        let exc_root = self.an.builtin_class("Exception").expect("Exception");
        types[ev[1].0 as usize] = LlType::Ptr(self.reprs.inst_type(self.an, exc_root));
        let rv = fg.blocks[fg.returnblock].inputargs[0];
        let ret = types[rv.0 as usize];
        let mut g: LlGraph = Graph {
            name: fg.name.clone(),
            span: fg.span,
            blocks: Default::default(),
            vars: fg.vars.clone(),
            startblock: fg.startblock,
            returnblock: fg.returnblock,
            exceptblock: fg.exceptblock,
        };
        for (_, b) in fg.blocks.iter() {
            g.blocks.push(BlockData::new(b.inputargs.clone()));
        }
        let mut st = G {
            gid,
            g,
            types,
            ops: vec![],
            span: fg.span,
        };
        for (b, data) in fg.blocks.iter() {
            if !reached[b.0 as usize] || fg.is_final(b) {
                continue;
            }
            self.an.current = (gid, b);
            let mut dead = false;
            let mut always_empty = false;
            for op in &data.ops {
                st.span = op.span;
                let anns: Vec<Ann> = op.args.iter().map(|a| self.ann_of(gid, a)).collect();
                let res_ann = self.an.graphs[gid.0 as usize].anns[op.result.0 as usize].clone();
                if op.op == FlowOp::Next
                    && res_ann.is_bottom()
                    && !anns[0].is_bottom()
                    && data.exitswitch == ExitSwitch::LastException
                    && stop_link(data).is_some()
                {
                    // An iterator over a list that never gets an item: the loop ends at once.
                    always_empty = true;
                    break;
                }
                // A builtin never returns with an impossible argument (the annotator gives
                // no result); a call of a graph may (its argument is then a dummy).
                let builtin_call =
                    op.op == FlowOp::Call && matches!(anns[0], Ann::Pbc(Const::Builtin(_)));
                if (anns.iter().any(Ann::is_bottom)
                    && (builtin_call || !matches!(op.op, FlowOp::Call | FlowOp::NewList)))
                    || (res_ann.is_bottom()
                        && op.op != FlowOp::Call
                        && op.op != FlowOp::CallMethod
                        && op.op != FlowOp::SetItem)
                {
                    dead = true;
                    break;
                }
                self.op(&mut st, op, &anns);
            }
            let ops = std::mem::take(&mut st.ops);
            st.g.blocks[b].ops = ops;
            if dead {
                // The rest of the block cannot run (a value is impossible): it ends here by
                // re-raising, which never happens at run time.
                st.g.blocks[b].exitswitch = ExitSwitch::None;
                let eb = st.g.exceptblock;
                let ev_t = st.types[st.g.blocks[eb].inputargs[1].0 as usize];
                st.g.blocks[b].exits = vec![Link {
                    case: ExitCase::Always,
                    args: vec![
                        LinkArg::Value(Value::Const(LlConst::Signed(0))),
                        LinkArg::Value(Value::Const(self.zero(ev_t))),
                    ],
                    target: eb,
                    span: None,
                }];
                continue;
            }
            if always_empty {
                st.g.blocks[b].exitswitch = ExitSwitch::None;
                let l = Link {
                    case: ExitCase::Always,
                    ..stop_link(data).expect("checked above").clone()
                };
                let l = self.link(&mut st, &l);
                st.g.blocks[b].exits = vec![l];
                continue;
            }
            if let Some(&k) = self.an.known_switches.get(&(gid, b)) {
                // The annotator followed only one exit.
                st.g.blocks[b].exitswitch = ExitSwitch::None;
                let taken = data
                    .exits
                    .iter()
                    .find(|l| l.case == ExitCase::Bool(k))
                    .expect("a known switch has its exit");
                let l = Link {
                    case: ExitCase::Always,
                    ..taken.clone()
                };
                let l = self.link(&mut st, &l);
                st.g.blocks[b].exits = vec![l];
                continue;
            }
            let raising_split = data.exitswitch == ExitSwitch::LastException;
            st.g.blocks[b].exitswitch = match &data.exitswitch {
                ExitSwitch::None => ExitSwitch::None,
                ExitSwitch::LastException => ExitSwitch::LastException,
                ExitSwitch::Value(v) => ExitSwitch::Value(self.value(&mut st, v, LlType::Bool)),
            };
            let mut exits = Vec::new();
            for l in &data.exits {
                exits.push(self.link(&mut st, l));
            }
            st.g.blocks[b].exits = exits;
            if raising_split {
                self.raising_op_last(&mut st, b);
            }
        }
        propagate_copies(&mut st.g);
        let effects = Effects {
            canraise: true,
            cancollect: true,
        };
        LlFunction::Graph {
            graph: st.g,
            types: st.types,
            ret,
            effects,
        }
    }

    /// A block catching the exceptions of its last flow operation must end with the low-level
    /// operation that raises them: the operations the rtyper put after it move to a block on
    /// the normal exit.
    fn raising_op_last(&mut self, st: &mut G, b: Block) {
        let raises = |me: &Self, op: &Operation<LlOp, LlConst>| match (op.op, op.args.first()) {
            (LlOp::DirectCall, Some(Value::Const(LlConst::Func(f)))) => {
                (f.0 as usize) < me.n_graphs
                    || me.extra[f.0 as usize - me.n_graphs].effects().canraise
            }
            (o, _) => o.props().canraise,
        };
        let ops = &st.g.blocks[b].ops;
        let Some(k) = ops.iter().rposition(|op| raises(self, op)) else {
            return;
        };
        if k + 1 == ops.len() {
            return;
        }
        let orig_exits = st.g.blocks[b].exits.clone();
        let (tail, passed) = rpy_model::split::split_after(&mut st.g, b, k);
        for (old, new) in passed.iter().zip(st.g.blocks[tail].inputargs.clone()) {
            while st.types.len() <= new.0 as usize {
                st.types.push(LlType::Void);
            }
            st.types[new.0 as usize] = st.types[old.0 as usize];
        }
        while st.types.len() < st.g.vars.len() {
            st.types.push(LlType::Void);
        }
        let t = &mut st.g.blocks[tail];
        t.exitswitch = ExitSwitch::None;
        t.exits.truncate(1);
        let mut exits = vec![Link {
            case: ExitCase::Always,
            args: passed
                .iter()
                .map(|v| LinkArg::Value(Value::Var(*v)))
                .collect(),
            target: tail,
            span: None,
        }];
        exits.extend(orig_exits.into_iter().skip(1));
        let h = &mut st.g.blocks[b];
        h.exitswitch = ExitSwitch::LastException;
        h.exits = exits;
    }

    fn link(&mut self, st: &mut G, l: &Link<Const>) -> Link<LlConst> {
        let case = match &l.case {
            ExitCase::Exception(c) => {
                let cls = match c {
                    Const::Builtin(n) => self.an.builtin_class(n),
                    Const::Obj(id, _) => self.an.class_of(*id),
                    _ => None,
                }
                .or(self.an.builtin_class("Exception"))
                .expect("Exception");
                let d = self.an.class(cls);
                ExitCase::Exception(LlConst::ClassRange(d.id_min, d.id_max))
            }
            ExitCase::Always => ExitCase::Always,
            ExitCase::Bool(b) => ExitCase::Bool(*b),
            ExitCase::Int(i) => ExitCase::Int(*i),
            ExitCase::Default => ExitCase::Default,
        };
        let targets = st.g.blocks[l.target].inputargs.clone();
        let mut needs_block = false;
        let mut args = Vec::new();
        for (a, t) in l.args.iter().zip(&targets) {
            let want = st.types[t.0 as usize];
            match a {
                LinkArg::Value(Value::Var(v)) => {
                    // A variable holding one known constant passes that constant.
                    if st.types[v.0 as usize] == LlType::Void && want != LlType::Void {
                        if let Ann::Pbc(c) = self.ann_of(st.gid, &Value::Var(*v)) {
                            let c = self.llconst(&c, want, st.span);
                            args.push(LinkArg::Value(Value::Const(c)));
                            continue;
                        }
                    }
                    if st.types[v.0 as usize] != want {
                        needs_block = true;
                    }
                    args.push(LinkArg::Value(Value::Var(*v)));
                }
                LinkArg::Value(Value::Const(c)) => {
                    let c = self.llconst(c, want, st.span);
                    args.push(LinkArg::Value(Value::Const(c)));
                }
                LinkArg::LastException => args.push(LinkArg::LastException),
                LinkArg::LastExcValue => args.push(LinkArg::LastExcValue),
            }
        }
        if !needs_block {
            return Link {
                case,
                args,
                target: l.target,
                span: l.span,
            };
        }
        // A block on the link converts the values.
        let mut inputs = Vec::new();
        let mut passed = Vec::new();
        let saved = std::mem::take(&mut st.ops);
        let mut new_args = Vec::new();
        for (a, t) in args.iter().zip(&targets) {
            let want = st.types[t.0 as usize];
            match a {
                LinkArg::Value(Value::Var(v)) => {
                    let from = st.types[v.0 as usize];
                    let hint = st.g.vars[*v].hint.clone();
                    let nv = st.new_var(&hint, from);
                    inputs.push(nv);
                    passed.push(a.clone());
                    let c = self.convert(st, Value::Var(nv), from, want);
                    new_args.push(LinkArg::Value(c));
                }
                other => new_args.push(other.clone()),
            }
        }
        let ops = std::mem::replace(&mut st.ops, saved);
        let nb = st.g.new_block(inputs);
        st.g.blocks[nb].ops = ops;
        st.g.blocks[nb].exits = vec![Link {
            case: ExitCase::Always,
            args: new_args,
            target: l.target,
            span: l.span,
        }];
        Link {
            case,
            args: passed,
            target: nb,
            span: l.span,
        }
    }

    // ---- values ----

    fn emit(&mut self, st: &mut G, op: LlOp, args: Vec<V>, t: LlType) -> V {
        let hint = op.name().split('_').next().unwrap_or("v").to_string();
        let r = st.new_var(&hint, t);
        st.ops.push(Operation {
            op,
            args,
            result: r,
            span: st.span,
        });
        Value::Var(r)
    }

    fn call_support(&mut self, st: &mut G, cname: &str, mut args: Vec<V>) -> V {
        let id = self.support(cname);
        let ret = self.support_ret(cname);
        args.insert(0, Value::Const(LlConst::Func(id)));
        self.emit(st, LlOp::DirectCall, args, ret)
    }

    fn ty(&mut self, st: &G, v: &Value<Const>, a: &Ann) -> LlType {
        match v {
            Value::Var(x) => st.types[x.0 as usize],
            Value::Const(_) => self.reprs.lltype(self.an, a),
        }
    }

    /// A flow value as a low-level value of type `want` (converted if needed).
    fn value(&mut self, st: &mut G, v: &Value<Const>, want: LlType) -> V {
        match v {
            Value::Var(x) => {
                let from = st.types[x.0 as usize];
                // A variable holding one known prebuilt constant has no data: where a value is
                // wanted (a function in a function set), it is that constant.
                if from == LlType::Void && want != LlType::Void {
                    if let Ann::Pbc(c) = self.ann_of(st.gid, v) {
                        return Value::Const(self.llconst(&c, want, st.span));
                    }
                }
                self.convert(st, Value::Var(*x), from, want)
            }
            Value::Const(c) => Value::Const(self.llconst(c, want, st.span)),
        }
    }

    /// Whether `x` (a pointer to a GC object, or null) is an instance of `cls` or of one of its
    /// subclasses: its class id in the class's range.
    fn class_test(&mut self, st: &mut G, x: V, cls: ClassId) -> V {
        let (lo, hi) = (self.an.class(cls).id_min, self.an.class(cls).id_max);
        let range = vec![
            x,
            Value::Const(LlConst::Signed(lo)),
            Value::Const(LlConst::Signed(hi)),
        ];
        self.emit(st, LlOp::Isinstance, range, LlType::Bool)
    }

    fn zero(&self, t: LlType) -> LlConst {
        match t {
            LlType::Void => LlConst::Void,
            LlType::Bool => LlConst::Bool(false),
            LlType::Signed | LlType::Fixed(_) => LlConst::Signed(0),
            LlType::Float => LlConst::Float(0.0),
            LlType::Char => LlConst::Char(0),
            LlType::Ptr(id) => LlConst::Null(id),
        }
    }

    fn convert(&mut self, st: &mut G, v: V, from: LlType, to: LlType) -> V {
        if from == to || to == LlType::Void {
            return if to == LlType::Void {
                Value::Const(LlConst::Void)
            } else {
                v
            };
        }
        if let (LlType::Ptr(a), LlType::Ptr(b)) = (from, to) {
            let inst =
                |t: rpy_model::lltype::TypeId| self.reprs.types.get(t).name.starts_with("INST<");
            if inst(a) && inst(b) {
                return self.emit(st, LlOp::CastPointer, vec![v], to);
            }
        }
        match (from, to) {
            (LlType::Void, t) => Value::Const(self.zero(t)),
            // A narrow integer is a normalised word: it is its own plain int, and it already
            // fits a wider kind of its signedness (or a wider signed one if it is unsigned).
            (LlType::Fixed(_), LlType::Signed) => v,
            (LlType::Fixed(a), LlType::Fixed(b))
                if a.bits < b.bits && (a.signed == b.signed || !a.signed) =>
            {
                v
            }
            (LlType::Fixed(_), LlType::Float) => {
                self.emit(st, LlOp::CastIntToFloat, vec![v], LlType::Float)
            }
            (LlType::Bool, LlType::Fixed(_)) => self.emit(st, LlOp::CastBoolToInt, vec![v], to),
            (LlType::Signed | LlType::Fixed(_), LlType::Fixed(k)) => {
                self.emit(st, k.narrow_op(), vec![v], to)
            }
            (LlType::Bool, LlType::Signed) => {
                self.emit(st, LlOp::CastBoolToInt, vec![v], LlType::Signed)
            }
            (LlType::Bool, LlType::Float) => {
                let i = self.emit(st, LlOp::CastBoolToInt, vec![v], LlType::Signed);
                self.emit(st, LlOp::CastIntToFloat, vec![i], LlType::Float)
            }
            (LlType::Signed, LlType::Float) => {
                self.emit(st, LlOp::CastIntToFloat, vec![v], LlType::Float)
            }
            (LlType::Char, t) if t == self.reprs.str_type() => {
                self.call_support(st, "rpy_str_from_char", vec![v])
            }
            (LlType::Ptr(a), LlType::Ptr(b)) => {
                let (fa, fb) = (
                    self.reprs.types.get(a).clone(),
                    self.reprs.types.get(b).clone(),
                );
                if fa.name.starts_with("TUPLE")
                    && fb.name.starts_with("TUPLE")
                    && fa.fields.len() == fb.fields.len()
                {
                    let mut items = Vec::new();
                    for ((fname, ft), (_, tt)) in fa.fields.iter().zip(&fb.fields) {
                        let x = self.emit(
                            st,
                            LlOp::GetField,
                            vec![
                                v.clone(),
                                Value::Const(LlConst::Field(fname.as_str().into())),
                            ],
                            *ft,
                        );
                        items.push(self.convert(st, x, *ft, *tt));
                    }
                    return self.new_struct(
                        st,
                        b,
                        &fb.fields.iter().map(|f| f.0.clone()).collect::<Vec<_>>(),
                        items,
                    );
                }
                let msg = format!("internal: cannot convert {} to {}", fa.name, fb.name);
                self.error(st.span, msg, "in this operation");
                Value::Const(self.zero(to))
            }
            _ => {
                let msg = format!(
                    "cannot convert `{}` to `{}`",
                    self.reprs.types.display(from),
                    self.reprs.types.display(to)
                );
                self.error(st.span, msg, "in this operation");
                Value::Const(self.zero(to))
            }
        }
    }

    fn new_struct(
        &mut self,
        st: &mut G,
        t: rpy_model::lltype::TypeId,
        fields: &[String],
        vals: Vec<V>,
    ) -> V {
        let p = self.emit(
            st,
            LlOp::Malloc,
            vec![Value::Const(LlConst::Type(t))],
            LlType::Ptr(t),
        );
        for (f, v) in fields.iter().zip(vals) {
            self.emit(
                st,
                LlOp::SetField,
                vec![
                    p.clone(),
                    Value::Const(LlConst::Field(f.as_str().into())),
                    v,
                ],
                LlType::Void,
            );
        }
        p
    }

    /// The low-level constant for a flow constant, in the representation `t`.
    fn llconst(&mut self, c: &Const, t: LlType, span: Span) -> LlConst {
        match (c, t) {
            (_, LlType::Void) => LlConst::Void,
            (Const::Bool(b), LlType::Bool) => LlConst::Bool(*b),
            (Const::Bool(b), LlType::Signed) => LlConst::Signed(*b as i64),
            (Const::Bool(b), LlType::Float) => LlConst::Float(*b as i64 as f64),
            (Const::Int(i), LlType::Signed) => LlConst::Signed(*i),
            (Const::Int(i), LlType::Fixed(k)) => LlConst::Signed(k.wrap(*i)),
            (Const::Bool(b), LlType::Fixed(_)) => LlConst::Signed(*b as i64),
            (Const::Int(i), LlType::Float) => LlConst::Float(*i as f64),
            (Const::Int(i), LlType::Bool) => LlConst::Bool(*i != 0),
            (Const::Float(x), LlType::Float) => LlConst::Float(*x),
            (Const::Str(s), LlType::Char) => {
                LlConst::Char(s.chars().next().map_or(0, |c| c as u32))
            }
            (Const::Str(s), t) if t == self.reprs.str_type() => {
                LlConst::Prebuilt(self.reprs.prebuilt_str(s))
            }
            (Const::Bytes(b), t) if t == self.reprs.bytes_type() => {
                LlConst::Prebuilt(self.reprs.prebuilt_bytes(b))
            }
            (Const::None, LlType::Ptr(id)) => LlConst::Null(id),
            // A function set's None.
            (Const::None, LlType::Signed) => LlConst::Signed(-1),
            (Const::Obj(id, _), LlType::Signed)
                if matches!(self.an.snapshot.obj(*id), PyObject::Function(_)) =>
            {
                LlConst::Signed(id.0 as i64)
            }
            // A class in a class set: its class id.
            (Const::Obj(id, _), LlType::Signed) if self.an.class_of(*id).is_some() => {
                let c = self.an.class_of(*id).expect("class");
                LlConst::Signed(self.an.class(c).id_min)
            }
            (Const::Undefined, t) => self.zero(t),
            (Const::Builtin(n), LlType::Signed) if EXCEPTION_CLASSES.contains(&&**n) => {
                LlConst::ExcClass(n.clone())
            }
            (Const::Obj(id, _), LlType::Ptr(tid)) => self.prebuilt_container(*id, tid, span),
            _ => {
                let mut s = String::new();
                rpy_model::graph::IrDisplay::fmt_ir(c, &mut s);
                self.error(
                    span,
                    format!(
                        "cannot represent the constant {s} as `{}`",
                        self.reprs.types.display(t)
                    ),
                    "this constant",
                );
                self.zero(t)
            }
        }
    }

    fn prebuilt_container(
        &mut self,
        id: ObjId,
        tid: rpy_model::lltype::TypeId,
        span: Span,
    ) -> LlConst {
        if let Some(p) = self.reprs.prebuilt_object(id) {
            return LlConst::Prebuilt(p);
        }
        let st = self.reprs.types.get(tid).clone();
        let snapshot = self.an.snapshot;
        match snapshot.obj(id).clone() {
            PyObject::List(items) => {
                let arr_t = match st.fields.get(1) {
                    Some((_, LlType::Ptr(a))) => *a,
                    _ => return self.zero(LlType::Ptr(tid)),
                };
                let item_t = self.reprs.types.get(arr_t).items.unwrap_or(LlType::Signed);
                let arr = self.reprs.push_prebuilt(arr_t, vec![], vec![]);
                let list = self.reprs.push_prebuilt(
                    tid,
                    vec![LlConst::Signed(items.len() as i64), LlConst::Prebuilt(arr)],
                    vec![],
                );
                self.reprs.set_prebuilt_object(id, list);
                let mut vals = Vec::new();
                for it in &items {
                    let c = rpy_flow::build::const_of(snapshot, it).unwrap_or(Const::None);
                    vals.push(self.llconst(&c, item_t, span));
                }
                self.reprs.prebuilt[arr.0 as usize].items = vals;
                LlConst::Prebuilt(list)
            }
            PyObject::Tuple(items) => {
                let p = self.reprs.push_prebuilt(tid, vec![], vec![]);
                self.reprs.set_prebuilt_object(id, p);
                let mut vals = Vec::new();
                for (it, (_, ft)) in items.iter().zip(&st.fields) {
                    let c = rpy_flow::build::const_of(snapshot, it).unwrap_or(Const::None);
                    vals.push(self.llconst(&c, *ft, span));
                }
                self.reprs.prebuilt[p.0 as usize].fields = vals;
                LlConst::Prebuilt(p)
            }
            PyObject::Dict(_) | PyObject::Set(_) => {
                // A static dict with no entries yet; the program fills it when it starts.
                let p = self
                    .reprs
                    .push_prebuilt(tid, empty_fields(&st.fields), vec![]);
                self.reprs.set_prebuilt_object(id, p);
                let pairs: Vec<_> = match snapshot.obj(id) {
                    PyObject::Dict(items) => items.clone(),
                    PyObject::Set(items) => items
                        .iter()
                        .map(|x| (x.clone(), rpy_model::snapshot::PyValue::None))
                        .collect(),
                    _ => vec![],
                };
                let (kt, vt) = (
                    self.dict_key_type(LlType::Ptr(tid)),
                    self.dict_value_type(LlType::Ptr(tid)),
                );
                let mut items = Vec::new();
                for (k, v) in &pairs {
                    let kc = rpy_flow::build::const_of(snapshot, k).unwrap_or(Const::None);
                    let vc = rpy_flow::build::const_of(snapshot, v).unwrap_or(Const::None);
                    let kl = self.llconst(&kc, kt, span);
                    let vl = if vt == LlType::Void {
                        LlConst::Signed(0)
                    } else {
                        self.llconst(&vc, vt, span)
                    };
                    items.push((kl, vl));
                }
                self.reprs.prebuilt_dicts.push((p, tid, items));
                LlConst::Prebuilt(p)
            }
            PyObject::Instance { .. } if self.an.prebuilt_weakdict_kind(id).is_some() => {
                // A static weak dict with no entries yet; the program stores its items (keys
                // and values that are prebuilt objects) when it starts.
                let p = self
                    .reprs
                    .push_prebuilt(tid, empty_fields(&st.fields), vec![]);
                self.reprs.set_prebuilt_object(id, p);
                // The keys of a weak-value dict have the dict's key type (a one-character key
                // is a `str`); weak keys and values are instances, each of its own type.
                let weak_keys = self.an.prebuilt_weakdict_kind(id) == Some(true);
                let key_t = (!weak_keys).then(|| self.dict_key_type(LlType::Ptr(tid)));
                let mut items = Vec::new();
                for (k, v) in self.an.prebuilt_weakdict_items(id) {
                    let mut pair = Vec::new();
                    for (i, x) in [k, v].into_iter().enumerate() {
                        let c = rpy_flow::build::const_of(snapshot, &x).unwrap_or(Const::None);
                        let t = match key_t {
                            Some(t) if i == 0 => t,
                            _ => {
                                let a = self.an.const_ann(&c);
                                self.reprs.lltype(self.an, &a)
                            }
                        };
                        pair.push(self.llconst(&c, t, span));
                    }
                    let v = pair.pop().expect("value");
                    items.push((pair.pop().expect("key"), v));
                }
                self.reprs.prebuilt_dicts.push((p, tid, items));
                LlConst::Prebuilt(p)
            }
            PyObject::WeakRef(referent) => {
                // A static weak reference: its referent is a prebuilt instance, which never
                // moves nor dies, so its word is the static object's address (or 0 if dead).
                let word = match referent {
                    Some(v) => {
                        let c = rpy_flow::build::const_of(snapshot, &v).unwrap_or(Const::None);
                        let a = self.an.const_ann(&c);
                        let t = self.reprs.lltype(self.an, &a);
                        self.llconst(&c, t, span)
                    }
                    None => LlConst::Signed(0),
                };
                let p = self.reprs.push_prebuilt(tid, vec![word], vec![]);
                self.reprs.set_prebuilt_object(id, p);
                LlConst::Prebuilt(p)
            }
            PyObject::Instance {
                class: rpy_model::snapshot::PyValue::Ref(cls),
                attrs,
            } => {
                let Some(c) = self.an.class_of(cls) else {
                    return self.zero(LlType::Ptr(tid));
                };
                let own = self.reprs.inst_type(self.an, c);
                let p = self.reprs.push_prebuilt(own, vec![], vec![]);
                self.reprs.set_prebuilt_object(id, p);
                let fields = self.reprs.types.get(own).fields.clone();
                let mut vals = Vec::new();
                for (fname, ft) in &fields {
                    if fname == "typeid" {
                        vals.push(LlConst::Signed(self.an.class(c).id_min));
                        continue;
                    }
                    match attrs.get(fname) {
                        Some(v) => {
                            let cst = rpy_flow::build::const_of(snapshot, v).unwrap_or(Const::None);
                            vals.push(self.llconst(&cst, *ft, span));
                        }
                        None => vals.push(self.zero(*ft)),
                    }
                }
                self.reprs.prebuilt[p.0 as usize].fields = vals;
                LlConst::Prebuilt(p)
            }
            _ => {
                self.error(
                    span,
                    "not RPython (yet): this prebuilt object cannot be represented".into(),
                    "this prebuilt object",
                );
                self.zero(LlType::Ptr(tid))
            }
        }
    }

    // ---- operations ----

    fn finish(&mut self, st: &mut G, result: Var, v: V) {
        st.ops.push(Operation {
            op: LlOp::SameAs,
            args: vec![v],
            result,
            span: st.span,
        });
    }

    fn op(&mut self, st: &mut G, op: &Operation<FlowOp, Const>, anns: &[Ann]) {
        let rt = st.types[op.result.0 as usize];
        let tys: Vec<LlType> = op
            .args
            .iter()
            .zip(anns)
            .map(|(v, a)| self.ty(st, v, a))
            .collect();
        if let Some(&callee) = self.an.prelude_targets.get(&(st.gid, op.result)) {
            return self.prelude_call(st, op, callee);
        }
        let s = self.reprs.str_type();
        let b = self.reprs.bytes_type();
        use LlType as T;
        let arg = |me: &mut Self, st: &mut G, i: usize, t: LlType| me.value(st, &op.args[i], t);
        let res: V = match op.op {
            FlowOp::Add
            | FlowOp::Sub
            | FlowOp::Mul
            | FlowOp::TrueDiv
            | FlowOp::FloorDiv
            | FlowOp::Mod
            | FlowOp::Pow
            | FlowOp::LShift
            | FlowOp::RShift
            | FlowOp::And
            | FlowOp::Or
            | FlowOp::Xor => {
                return self.binop(st, op, anns, &tys, rt);
            }
            FlowOp::AddOvf | FlowOp::SubOvf | FlowOp::MulOvf | FlowOp::LShiftOvf => {
                let x = arg(self, st, 0, T::Signed);
                let y = arg(self, st, 1, T::Signed);
                let o = match op.op {
                    FlowOp::AddOvf => LlOp::IntAddOvf,
                    FlowOp::SubOvf => LlOp::IntSubOvf,
                    FlowOp::MulOvf => LlOp::IntMulOvf,
                    _ => LlOp::IntLShiftOvf,
                };
                self.emit(st, o, vec![x, y], T::Signed)
            }
            FlowOp::NegOvf => {
                let x = arg(self, st, 0, T::Signed);
                self.emit(st, LlOp::IntNegOvf, vec![x], T::Signed)
            }
            FlowOp::Neg | FlowOp::Pos | FlowOp::Invert => {
                let x = arg(self, st, 0, rt);
                match (op.op, rt) {
                    (FlowOp::Pos, _) => x,
                    (FlowOp::Neg, T::Float) => self.emit(st, LlOp::FloatNeg, vec![x], rt),
                    (FlowOp::Neg, _) => {
                        let r = self.emit(st, LlOp::IntNeg, vec![x], rt);
                        self.narrow(st, r, rt)
                    }
                    _ => {
                        let r = self.emit(st, LlOp::IntInvert, vec![x], rt);
                        self.narrow(st, r, rt)
                    }
                }
            }
            FlowOp::Bool => self.truth(st, &op.args[0], tys[0], &anns[0]),
            FlowOp::Not => {
                let t = self.truth(st, &op.args[0], tys[0], &anns[0]);
                self.emit(st, LlOp::BoolNot, vec![t], T::Bool)
            }
            FlowOp::Lt | FlowOp::Le | FlowOp::Eq | FlowOp::Ne | FlowOp::Gt | FlowOp::Ge => {
                self.compare(st, op, anns, &tys)
            }
            FlowOp::Is | FlowOp::IsNot => {
                // `type(x) is C`: the class id of `x` (an int) against `C`'s.
                let class_id = |me: &Self, a: &Ann| match a {
                    Ann::Pbc(Const::Obj(id, _)) => {
                        me.an.class_of(*id).map(|c| me.an.class(c).id_min)
                    }
                    Ann::Pbc(Const::Builtin(n)) => {
                        me.an.builtin_class(n).map(|c| me.an.class(c).id_min)
                    }
                    _ => None,
                };
                let typeof_cmp = match (tys[0], tys[1]) {
                    (T::Signed, T::Void) => class_id(self, &anns[1]).map(|id| (0, id)),
                    (T::Void, T::Signed) => class_id(self, &anns[0]).map(|id| (1, id)),
                    _ => None,
                };
                let funcset_none = match (&anns[0], &anns[1]) {
                    (Ann::FuncSet(_), Ann::None) => Some((0, -1)),
                    (Ann::None, Ann::FuncSet(_)) => Some((1, -1)),
                    (Ann::FuncSet(_), Ann::Pbc(Const::Obj(id, _))) => Some((0, id.0 as i64)),
                    (Ann::Pbc(Const::Obj(id, _)), Ann::FuncSet(_)) => Some((1, id.0 as i64)),
                    (Ann::ClassSet(_), Ann::Pbc(Const::Obj(id, _))) => {
                        self.an.class_of(*id).map(|c| (0, self.an.class(c).id_min))
                    }
                    (Ann::Pbc(Const::Obj(id, _)), Ann::ClassSet(_)) => {
                        self.an.class_of(*id).map(|c| (1, self.an.class(c).id_min))
                    }
                    _ => None,
                };
                let eq = match (tys[0], tys[1]) {
                    _ if funcset_none.is_some() => {
                        let (side, id) = funcset_none.expect("side");
                        let x = arg(self, st, side, T::Signed);
                        self.emit(
                            st,
                            LlOp::IntEq,
                            vec![x, Value::Const(LlConst::Signed(id))],
                            T::Bool,
                        )
                    }
                    _ if typeof_cmp.is_some() => {
                        let (i, id) = typeof_cmp.expect("type comparison");
                        let x = arg(self, st, i, T::Signed);
                        self.emit(
                            st,
                            LlOp::IntEq,
                            vec![x, Value::Const(LlConst::Signed(id))],
                            T::Bool,
                        )
                    }
                    (T::Void, T::Void) => Value::Const(LlConst::Bool(true)),
                    (T::Void, T::Ptr(_)) | (T::Ptr(_), T::Void) => {
                        let p = if tys[0] == T::Void { 1 } else { 0 };
                        let x = arg(self, st, p, tys[p]);
                        self.emit(st, LlOp::PtrIsZero, vec![x], T::Bool)
                    }
                    (T::Ptr(_), T::Ptr(_)) => {
                        let (x, y) = (arg(self, st, 0, tys[0]), arg(self, st, 1, tys[0]));
                        self.emit(st, LlOp::PtrEq, vec![x, y], T::Bool)
                    }
                    (T::Void, _) | (_, T::Void) => Value::Const(LlConst::Bool(false)),
                    (a, _) => {
                        let (x, y) = (arg(self, st, 0, a), arg(self, st, 1, a));
                        let o = match a {
                            T::Float => LlOp::FloatEq,
                            T::Char => LlOp::CharEq,
                            _ => LlOp::IntEq,
                        };
                        let (x, y) = if a == T::Bool {
                            (
                                self.convert(st, x, T::Bool, T::Signed),
                                self.convert(st, y, T::Bool, T::Signed),
                            )
                        } else {
                            (x, y)
                        };
                        self.emit(st, o, vec![x, y], T::Bool)
                    }
                };
                if op.op == FlowOp::IsNot {
                    self.emit(st, LlOp::BoolNot, vec![eq], T::Bool)
                } else {
                    eq
                }
            }
            FlowOp::Contains if matches!(anns[0], Ann::Dict(_)) => {
                let d = arg(self, st, 0, tys[0]);
                let k = arg(self, st, 1, self.dict_key_type(tys[0]));
                self.emit(st, LlOp::DictContains, vec![d, k], T::Bool)
            }
            FlowOp::Contains => match (&anns[0], &anns[1]) {
                (Ann::Str | Ann::Char, Ann::Char) => {
                    let (h, n) = (arg(self, st, 0, s), arg(self, st, 1, T::Char));
                    self.call_support(st, "rpy_str_contains_char", vec![h, n])
                }
                (Ann::Str | Ann::Char, _) => {
                    let (h, n) = (arg(self, st, 0, s), arg(self, st, 1, s));
                    self.call_support(st, "rpy_str_contains", vec![h, n])
                }
                _ => return self.unsupported(st, "`in` on this type"),
            },
            FlowOp::DelItem if matches!(anns[0], Ann::Dict(_)) => {
                let d = arg(self, st, 0, tys[0]);
                let k = arg(self, st, 1, self.dict_key_type(tys[0]));
                self.emit(st, LlOp::DictDelItem, vec![d, k], T::Void);
                Value::Const(LlConst::Void)
            }
            FlowOp::GetSliceStep | FlowOp::SetSlice | FlowOp::DelItem | FlowOp::DelSlice => {
                return self.unsupported(st, "this operation on this type")
            }
            FlowOp::GetItem if matches!(anns[0], Ann::Dict(_)) => {
                let d = arg(self, st, 0, tys[0]);
                let kt = self.dict_key_type(tys[0]);
                let vt = self.dict_value_type(tys[0]);
                let k = arg(self, st, 1, kt);
                let v = self.emit(st, LlOp::DictGetItem, vec![d, k], vt);
                self.convert(st, v, vt, rt)
            }
            FlowOp::SetItem if matches!(anns[0], Ann::Dict(_)) => {
                let d = arg(self, st, 0, tys[0]);
                let k = arg(self, st, 1, self.dict_key_type(tys[0]));
                let v = arg(self, st, 2, self.dict_value_type(tys[0]));
                self.emit(st, LlOp::DictSetItem, vec![d, k, v], T::Void);
                Value::Const(LlConst::Void)
            }
            FlowOp::GetItem => match &anns[0] {
                Ann::List(_) => {
                    let l = arg(self, st, 0, tys[0]);
                    let i = arg(self, st, 1, T::Signed);
                    let n = self.emit(
                        st,
                        LlOp::GetField,
                        vec![l.clone(), field("length")],
                        T::Signed,
                    );
                    let i = self.call_support(st, "rpy_check_index", vec![i, n]);
                    let arr_t = self.field_type(tys[0], "items");
                    let items = self.emit(st, LlOp::GetField, vec![l, field("items")], arr_t);
                    let item_t = self.item_type(arr_t);
                    let v = self.emit(st, LlOp::GetArrayItem, vec![items, i], item_t);
                    self.convert(st, v, item_t, rt)
                }
                Ann::Str | Ann::Char | Ann::Bytes => {
                    let st_t = if anns[0] == Ann::Bytes { b } else { s };
                    let x = arg(self, st, 0, st_t);
                    let i = arg(self, st, 1, T::Signed);
                    let n = self.emit(st, LlOp::GetArraySize, vec![x.clone()], T::Signed);
                    let i = self.call_support(st, "rpy_check_index", vec![i, n]);
                    let c = self.emit(st, LlOp::GetArrayItem, vec![x, i], T::Char);
                    if anns[0] == Ann::Bytes {
                        self.emit(st, LlOp::CastCharToInt, vec![c], T::Signed)
                    } else {
                        c
                    }
                }
                Ann::Tuple(items) => {
                    let Value::Const(Const::Int(i)) = &op.args[1] else {
                        return self.unsupported(st, "a non-constant tuple index");
                    };
                    let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                    let t = arg(self, st, 0, tys[0]);
                    let ft = self.field_type(tys[0], &format!("item{idx}"));
                    let v = self.emit(
                        st,
                        LlOp::GetField,
                        vec![t, field(&format!("item{idx}"))],
                        ft,
                    );
                    self.convert(st, v, ft, rt)
                }
                _ => return self.unsupported(st, "indexing this type"),
            },
            FlowOp::SetItem => match &anns[0] {
                Ann::List(_) => {
                    let l = arg(self, st, 0, tys[0]);
                    let i = arg(self, st, 1, T::Signed);
                    let arr_t = self.field_type(tys[0], "items");
                    let item_t = self.item_type(arr_t);
                    let v = self.item_value(st, &op.args[2], tys[2], item_t);
                    let n = self.emit(
                        st,
                        LlOp::GetField,
                        vec![l.clone(), field("length")],
                        T::Signed,
                    );
                    let i = self.call_support(st, "rpy_check_index", vec![i, n]);
                    let items = self.emit(st, LlOp::GetField, vec![l, field("items")], arr_t);
                    self.emit(st, LlOp::SetArrayItem, vec![items, i, v], T::Void);
                    Value::Const(LlConst::Void)
                }
                _ => return self.unsupported(st, "item assignment on this type"),
            },
            FlowOp::GetSlice => match &anns[0] {
                Ann::Str | Ann::Char | Ann::Bytes => {
                    let (t, f) = if anns[0] == Ann::Bytes {
                        (b, "rpy_bytes_slice")
                    } else {
                        (s, "rpy_str_slice")
                    };
                    let x = arg(self, st, 0, t);
                    let lo = if anns[1] == Ann::None {
                        Value::Const(LlConst::Signed(0))
                    } else {
                        arg(self, st, 1, T::Signed)
                    };
                    let hi = if anns[2] == Ann::None {
                        Value::Const(LlConst::Signed(i64::MAX))
                    } else {
                        arg(self, st, 2, T::Signed)
                    };
                    self.call_support(st, f, vec![x, lo, hi])
                }
                _ => return self.unsupported(st, "slicing this type"),
            },
            FlowOp::NewList => {
                if !matches!(rt, T::Ptr(_)) {
                    return self.unsupported(st, "this list");
                }
                let arr_t = self.field_type(rt, "items");
                let item_t = self.item_type(arr_t);
                let vals: Vec<V> = (0..op.args.len())
                    .map(|i| self.item_value(st, &op.args[i], tys[i], item_t))
                    .collect();
                self.build_list(st, rt, vals)
            }
            FlowOp::NewDict => {
                let T::Ptr(dt) = rt else {
                    return self.unsupported(st, "this dict");
                };
                let (kt, vt) = (self.dict_key_type(rt), self.dict_value_type(rt));
                let vals: Vec<V> = (0..op.args.len())
                    .map(|i| arg(self, st, i, if i % 2 == 0 { kt } else { vt }))
                    .collect();
                let d = self.emit(st, LlOp::DictNew, vec![Value::Const(LlConst::Type(dt))], rt);
                for pair in vals.chunks(2) {
                    self.emit(
                        st,
                        LlOp::DictSetItem,
                        vec![d.clone(), pair[0].clone(), pair[1].clone()],
                        T::Void,
                    );
                }
                d
            }
            FlowOp::NewTuple => {
                let T::Ptr(tt) = rt else {
                    return self.unsupported(st, "this tuple");
                };
                let fields = self.reprs.types.get(tt).fields.clone();
                let vals: Vec<V> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| arg(self, st, i, f.1))
                    .collect();
                let names: Vec<String> = fields.iter().map(|f| f.0.clone()).collect();
                self.new_struct(st, tt, &names, vals)
            }
            FlowOp::Iter => {
                let T::Ptr(it) = rt else {
                    return self.unsupported(st, "this iterator");
                };
                let seq_t = self.field_type(rt, "seq");
                let x = if self.is_tuple_type(tys[0]) && !self.is_tuple_type(seq_t) {
                    // A tuple of one item type iterates over a list of its items.
                    let t = arg(self, st, 0, tys[0]);
                    let arr_t = self.field_type(seq_t, "items");
                    let item_t = self.item_type(arr_t);
                    let T::Ptr(tt) = tys[0] else { return };
                    let fields: Vec<(String, LlType)> = self.reprs.types.get(tt).fields.clone();
                    let mut vals = Vec::new();
                    for (name, ft) in fields {
                        let v = self.emit(st, LlOp::GetField, vec![t.clone(), field(&name)], ft);
                        vals.push(self.convert(st, v, ft, item_t));
                    }
                    self.build_list(st, seq_t, vals)
                } else {
                    arg(self, st, 0, seq_t)
                };
                self.new_struct(
                    st,
                    it,
                    &["seq".into(), "index".into()],
                    vec![x, Value::Const(LlConst::Signed(0))],
                )
            }
            FlowOp::Next => {
                let it = arg(self, st, 0, tys[0]);
                let seq_t = self.field_type(tys[0], "seq");
                if seq_t == b {
                    let c = self.emit(st, LlOp::StrIterNext, vec![it], T::Char);
                    self.emit(st, LlOp::CastCharToInt, vec![c], T::Signed)
                } else if seq_t == s {
                    self.emit(st, LlOp::StrIterNext, vec![it], T::Char)
                } else if self.is_dict_type(seq_t) {
                    let kt = self.dict_key_type(seq_t);
                    if kt != rt {
                        return self.unsupported(st, "iterating over a dict with a conversion");
                    }
                    st.ops.push(Operation {
                        op: LlOp::DictIterNext,
                        args: vec![it],
                        result: op.result,
                        span: st.span,
                    });
                    return;
                } else {
                    let arr_t = self.field_type(seq_t, "items");
                    let item_t = self.item_type(arr_t);
                    // The item is the loop variable, of the same type; but items that carry
                    // no data (`None`) are read into a variable of their own and dropped.
                    let r = if item_t == rt {
                        op.result
                    } else if rt == T::Void {
                        st.new_var("item", item_t)
                    } else {
                        return self.unsupported(st, "iterating with a conversion");
                    };
                    st.ops.push(Operation {
                        op: LlOp::ListIterNext,
                        args: vec![it],
                        result: r,
                        span: st.span,
                    });
                    if r != op.result {
                        // The loop variable itself is the Void constant.
                        self.finish(st, op.result, Value::Const(LlConst::Void));
                    }
                    return;
                }
            }
            FlowOp::SameAs => arg(self, st, 0, rt),
            FlowOp::CheckRangeStep => {
                let x = arg(self, st, 0, T::Signed);
                self.call_support(st, "rpy_check_range_step", vec![x]);
                Value::Const(LlConst::Void)
            }
            FlowOp::Call => return self.call(st, op, anns, &tys),
            FlowOp::CallMethod => return self.method(st, op, anns, &tys),
            FlowOp::GetAttr => return self.getattr(st, op, anns, &tys),
            FlowOp::SetAttr => {
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return;
                };
                let ft = self.field_type(tys[0], attr);
                let p = arg(self, st, 0, tys[0]);
                let v = arg(self, st, 2, ft);
                self.emit(st, LlOp::SetField, vec![p, field(attr), v], T::Void);
                Value::Const(LlConst::Void)
            }
        };
        self.finish(st, op.result, res);
    }

    fn unsupported(&mut self, st: &mut G, what: &str) {
        self.diags.push(
            Diagnostic::new("E0300", format!("not RPython (yet): {what}"))
                .at(st.span, "not supported by the translator"),
        );
    }

    /// A value stored into a list: a list whose items carry no data (only `None`) stores zeros.
    fn item_value(&mut self, st: &mut G, v: &Value<Const>, t: LlType, item_t: LlType) -> V {
        if t == LlType::Void {
            Value::Const(self.zero(item_t))
        } else {
            self.value(st, v, item_t)
        }
    }

    /// The `str` of a value the annotator prepared a conversion for (see `StrConv`).
    fn str_conv(
        &mut self,
        st: &mut G,
        conv: &rpy_annotator::prelude::StrConv,
        v: V,
        t: LlType,
    ) -> V {
        use rpy_annotator::prelude::StrConv;
        let s = self.reprs.str_type();
        match conv {
            StrConv::Graph(g) => {
                let (r, rt) = self.call_graph(st, *g, None, &[(v, t)], 1, &[]);
                self.convert(st, r, rt, s)
            }
            StrConv::Tuple(graphs) => {
                let LlType::Ptr(tt) = t else {
                    return Value::Const(LlConst::Void);
                };
                let fields: Vec<(String, LlType)> = self.reprs.types.get(tt).fields.clone();
                let lit = |me: &mut Self, st: &G, text: &str| {
                    Value::Const(me.llconst(&Const::Str(text.into()), s, st.span))
                };
                let mut parts = vec![lit(self, st, "(")];
                for (i, ((name, ft), g)) in fields.iter().zip(graphs).enumerate() {
                    if i > 0 {
                        parts.push(lit(self, st, ", "));
                    }
                    let item = self.emit(st, LlOp::GetField, vec![v.clone(), field(name)], *ft);
                    let (r, rt) = self.call_graph(st, *g, None, &[(item, *ft)], 1, &[]);
                    parts.push(self.convert(st, r, rt, s));
                }
                parts.push(lit(self, st, if fields.len() == 1 { ",)" } else { ")" }));
                let list_t = LlType::Ptr(self.reprs.list_of(s));
                let list = self.build_list(st, list_t, parts);
                let empty = lit(self, st, "");
                self.call_support(st, "rpy_str_join", vec![empty, list])
            }
        }
    }

    /// A new list of type `list_t` holding `vals` (already of its item type).
    fn build_list(&mut self, st: &mut G, list_t: LlType, vals: Vec<V>) -> V {
        use LlType as T;
        let T::Ptr(lt) = list_t else {
            return Value::Const(LlConst::Void);
        };
        let arr_t = self.field_type(list_t, "items");
        let T::Ptr(at) = arr_t else {
            return Value::Const(LlConst::Void);
        };
        let n = vals.len() as i64;
        let items = self.emit(
            st,
            LlOp::MallocVarsize,
            vec![
                Value::Const(LlConst::Type(at)),
                Value::Const(LlConst::Signed(n)),
            ],
            arr_t,
        );
        for (i, v) in vals.into_iter().enumerate() {
            self.emit(
                st,
                LlOp::SetArrayItem,
                vec![items.clone(), Value::Const(LlConst::Signed(i as i64)), v],
                T::Void,
            );
        }
        self.new_struct(
            st,
            lt,
            &["length".into(), "items".into()],
            vec![Value::Const(LlConst::Signed(n)), items],
        )
    }

    fn is_tuple_type(&self, t: LlType) -> bool {
        matches!(t, LlType::Ptr(id) if self.reprs.types.get(id).name.starts_with("TUPLE<"))
    }

    fn is_dict_type(&self, t: LlType) -> bool {
        matches!(t, LlType::Ptr(id) if self.reprs.types.get(id).name.starts_with("DICT<"))
    }

    fn dict_key_type(&self, t: LlType) -> LlType {
        self.item_type(self.field_type(t, "keys"))
    }

    fn dict_value_type(&self, t: LlType) -> LlType {
        self.item_type(self.field_type(t, "values"))
    }

    fn field_type(&self, t: LlType, f: &str) -> LlType {
        match t {
            LlType::Ptr(id) => self.reprs.types.field_type(id, f).unwrap_or(LlType::Void),
            _ => LlType::Void,
        }
    }

    fn item_type(&self, t: LlType) -> LlType {
        match t {
            LlType::Ptr(id) => self.reprs.types.get(id).items.unwrap_or(LlType::Void),
            _ => LlType::Void,
        }
    }

    fn truth(&mut self, st: &mut G, v: &Value<Const>, t: LlType, a: &Ann) -> V {
        let x = self.value(st, v, t);
        match a {
            Ann::Bool => x,
            Ann::Int | Ann::UInt | Ann::Fixed(_) => {
                self.emit(st, LlOp::IntIsTrue, vec![x], LlType::Bool)
            }
            Ann::Float => self.emit(st, LlOp::FloatIsTrue, vec![x], LlType::Bool),
            Ann::None => Value::Const(LlConst::Bool(false)),
            Ann::Char | Ann::Pbc(_) | Ann::Tuple(_) | Ann::Iter(_) | Ann::Exc(_) => {
                Value::Const(LlConst::Bool(true))
            }
            Ann::Str | Ann::Bytes => {
                let n = self.emit(st, LlOp::GetArraySize, vec![x], LlType::Signed);
                self.emit(st, LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            Ann::List(_) => {
                let n = self.emit(st, LlOp::GetField, vec![x, field("length")], LlType::Signed);
                self.emit(st, LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            Ann::Bottom => Value::Const(LlConst::Bool(false)),
            Ann::Inst(_, false) | Ann::FuncSet(_) | Ann::ClassSet(_) | Ann::BoundMethod(..) => {
                Value::Const(LlConst::Bool(true))
            }
            Ann::Dict(_) => {
                let n = self.emit(
                    st,
                    LlOp::GetField,
                    vec![x, field("num_items")],
                    LlType::Signed,
                );
                self.emit(st, LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            Ann::Inst(_, true)
            | Ann::WeakRef(_, true)
            | Ann::WeakDict(_, true)
            | Ann::GcRef(true) => self.emit(st, LlOp::PtrNonZero, vec![x], LlType::Bool),
            Ann::WeakRef(_, false) | Ann::WeakDict(_, false) | Ann::GcRef(false) => {
                Value::Const(LlConst::Bool(true))
            }
        }
    }

    /// `v` (a word of type `t`) narrowed to `t` if `t` is a fixed-width integer: the result of
    /// an operation that may leave its width.
    fn narrow(&mut self, st: &mut G, v: V, t: LlType) -> V {
        match t {
            LlType::Fixed(k) => self.emit(st, k.narrow_op(), vec![v], t),
            _ => v,
        }
    }

    fn binop(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        tys: &[LlType],
        rt: LlType,
    ) {
        use LlType as T;
        let s = self.reprs.str_type();
        // `n * seq` is `seq * n`.
        let swapped = op.op == FlowOp::Mul
            && anns[0].is_intlike()
            && matches!(anns[1], Ann::Str | Ann::Char | Ann::List(_));
        let (args, anns, tys) = if swapped {
            (
                vec![op.args[1].clone(), op.args[0].clone()],
                vec![anns[1].clone(), anns[0].clone()],
                vec![tys[1], tys[0]],
            )
        } else {
            (op.args.clone(), anns.to_vec(), tys.to_vec())
        };
        let op = &Operation {
            op: op.op,
            args,
            result: op.result,
            span: op.span,
        };
        let res = match (rt, &anns[0]) {
            // A fixed-width integer: the operation on words, whose operands are first wrapped
            // to the result's width (except a shift count), and whose result is wrapped again
            // where it may leave that width. Normalised operands make signed division, modulo
            // and right shift right for the unsigned narrow kinds too.
            (T::Fixed(_), _) if anns[0].is_intlike() && anns[1].is_intlike() => {
                let shift = matches!(op.op, FlowOp::LShift | FlowOp::RShift);
                let x = self.value(st, &op.args[0], rt);
                let y = self.value(st, &op.args[1], if shift { T::Signed } else { rt });
                let (o, wraps) = match op.op {
                    FlowOp::Add => (LlOp::IntAdd, true),
                    FlowOp::Sub => (LlOp::IntSub, true),
                    FlowOp::Mul => (LlOp::IntMul, true),
                    FlowOp::FloorDiv => (LlOp::IntFloorDiv, true),
                    FlowOp::Mod => (LlOp::IntMod, false),
                    FlowOp::Pow => (LlOp::IntPow, true),
                    FlowOp::LShift => (LlOp::IntLShift, true),
                    FlowOp::RShift => (LlOp::IntRShift, false),
                    FlowOp::And => (LlOp::IntAnd, false),
                    FlowOp::Or => (LlOp::IntOr, false),
                    _ => (LlOp::IntXor, false),
                };
                let r = self.emit(st, o, vec![x, y], rt);
                if wraps {
                    self.narrow(st, r, rt)
                } else {
                    r
                }
            }
            (T::Signed | T::Bool, _) if anns[0].is_intlike() && anns[1].is_intlike() => {
                let w = if rt == T::Bool { T::Bool } else { T::Signed };
                let x = self.value(st, &op.args[0], w);
                let y = self.value(st, &op.args[1], w);
                let unsigned = anns[0] == Ann::UInt || anns[1] == Ann::UInt;
                let o = match op.op {
                    FlowOp::Add => LlOp::IntAdd,
                    FlowOp::Sub => LlOp::IntSub,
                    FlowOp::Mul => LlOp::IntMul,
                    FlowOp::FloorDiv if unsigned => LlOp::UintFloorDiv,
                    FlowOp::Mod if unsigned => LlOp::UintMod,
                    FlowOp::RShift if anns[0] == Ann::UInt => LlOp::UintRShift,
                    FlowOp::FloorDiv => LlOp::IntFloorDiv,
                    FlowOp::Mod => LlOp::IntMod,
                    FlowOp::Pow => LlOp::IntPow,
                    FlowOp::LShift => LlOp::IntLShift,
                    FlowOp::RShift => LlOp::IntRShift,
                    FlowOp::And => LlOp::IntAnd,
                    FlowOp::Or => LlOp::IntOr,
                    _ => LlOp::IntXor,
                };
                self.emit(st, o, vec![x, y], rt)
            }
            (T::Float, _)
                if op.op == FlowOp::TrueDiv && anns[0].is_intlike() && anns[1].is_intlike() =>
            {
                let x = self.value(st, &op.args[0], T::Signed);
                let y = self.value(st, &op.args[1], T::Signed);
                self.emit(st, LlOp::IntTrueDiv, vec![x, y], T::Float)
            }
            (T::Float, _) => {
                let x = self.value(st, &op.args[0], T::Float);
                let y = self.value(st, &op.args[1], T::Float);
                let o = match op.op {
                    FlowOp::Add => LlOp::FloatAdd,
                    FlowOp::Sub => LlOp::FloatSub,
                    FlowOp::Mul => LlOp::FloatMul,
                    FlowOp::TrueDiv => LlOp::FloatTrueDiv,
                    FlowOp::FloorDiv => LlOp::FloatFloorDiv,
                    FlowOp::Mod => LlOp::FloatMod,
                    FlowOp::Pow => LlOp::FloatPow,
                    _ => return self.unsupported(st, "this float operation"),
                };
                self.emit(st, o, vec![x, y], T::Float)
            }
            (t, Ann::Str | Ann::Char) if t == s => match op.op {
                FlowOp::Add => {
                    let x = self.value(st, &op.args[0], s);
                    let y = self.value(st, &op.args[1], s);
                    self.call_support(st, "rpy_str_concat", vec![x, y])
                }
                _ => {
                    let x = self.value(st, &op.args[0], s);
                    let n = self.value(st, &op.args[1], T::Signed);
                    self.call_support(st, "rpy_str_mul", vec![x, n])
                }
            },
            (_, Ann::Bytes) => {
                let b = self.reprs.bytes_type();
                let x = self.value(st, &op.args[0], b);
                let y = self.value(st, &op.args[1], b);
                self.call_support(st, "rpy_bytes_concat", vec![x, y])
            }
            (T::Ptr(res_t), Ann::Tuple(_)) if op.op == FlowOp::Add => {
                let fields = self.reprs.types.get(res_t).fields.clone();
                let mut vals = Vec::new();
                for i in 0..2 {
                    let Ann::Tuple(items) = &anns[i] else {
                        return self.unsupported(st, "this operation on these types");
                    };
                    let x = self.value(st, &op.args[i], tys[i]);
                    for j in 0..items.len() {
                        let name = format!("item{j}");
                        let ft = self.field_type(tys[i], &name);
                        let v = self.emit(st, LlOp::GetField, vec![x.clone(), field(&name)], ft);
                        let want = fields.get(vals.len()).map_or(ft, |f| f.1);
                        vals.push(self.convert(st, v, ft, want));
                    }
                }
                let names: Vec<String> = fields.iter().map(|f| f.0.clone()).collect();
                self.new_struct(st, res_t, &names, vals)
            }
            (T::Ptr(_), Ann::List(_)) if op.op == FlowOp::Add => {
                let x = self.value(st, &op.args[0], rt);
                let y = self.value(st, &op.args[1], rt);
                self.emit(st, LlOp::ListConcat, vec![x, y], rt)
            }
            (T::Ptr(_), Ann::List(_)) if op.op == FlowOp::Mul => {
                let x = self.value(st, &op.args[0], tys[0]);
                let n = self.value(st, &op.args[1], T::Signed);
                self.emit(st, LlOp::ListMul, vec![x, n], rt)
            }
            _ => return self.unsupported(st, "this operation on these types"),
        };
        self.finish(st, op.result, res);
    }

    fn compare(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
        tys: &[LlType],
    ) -> V {
        use LlType as T;
        let s = self.reprs.str_type();
        let b = self.reprs.bytes_type();
        let num = |t: LlType| matches!(t, T::Bool | T::Signed | T::Fixed(_) | T::Float);
        let (t0, t1) = (tys[0], tys[1]);
        if (t0 == T::Void || t1 == T::Void) && matches!(op.op, FlowOp::Eq | FlowOp::Ne) {
            // Comparing with None: equal only if both are None or the other is a null pointer.
            let eq = match (t0, t1) {
                (T::Void, T::Void) => Value::Const(LlConst::Bool(true)),
                (T::Ptr(_), _) | (_, T::Ptr(_)) => {
                    let (i, t) = if t0 == T::Void { (1, t1) } else { (0, t0) };
                    let x = self.value(st, &op.args[i], t);
                    self.emit(st, LlOp::PtrIsZero, vec![x], T::Bool)
                }
                _ => Value::Const(LlConst::Bool(false)),
            };
            return if op.op == FlowOp::Ne {
                self.emit(st, LlOp::BoolNot, vec![eq], T::Bool)
            } else {
                eq
            };
        }
        if self.is_tuple_type(t0) && t0 == t1 {
            let x = self.value(st, &op.args[0], t0);
            let y = self.value(st, &op.args[1], t1);
            return match op.op {
                FlowOp::Eq => self.emit(st, LlOp::TupleEq, vec![x, y], T::Bool),
                FlowOp::Ne => {
                    let e = self.emit(st, LlOp::TupleEq, vec![x, y], T::Bool);
                    self.emit(st, LlOp::BoolNot, vec![e], T::Bool)
                }
                o => {
                    let c = self.emit(st, LlOp::TupleCmp, vec![x, y], T::Signed);
                    let cmp = match o {
                        FlowOp::Lt => LlOp::IntLt,
                        FlowOp::Le => LlOp::IntLe,
                        FlowOp::Gt => LlOp::IntGt,
                        _ => LlOp::IntGe,
                    };
                    self.emit(st, cmp, vec![c, Value::Const(LlConst::Signed(0))], T::Bool)
                }
            };
        }
        if let (T::Ptr(a), T::Ptr(b)) = (t0, t1) {
            let inst =
                |t: rpy_model::lltype::TypeId| self.reprs.types.get(t).name.starts_with("INST<");
            if inst(a) && inst(b) && matches!(op.op, FlowOp::Eq | FlowOp::Ne) {
                let x = self.value(st, &op.args[0], t0);
                let y = self.value(st, &op.args[1], t1);
                let o = if op.op == FlowOp::Eq {
                    LlOp::PtrEq
                } else {
                    LlOp::PtrNe
                };
                return self.emit(st, o, vec![x, y], T::Bool);
            }
        }
        let idx = match op.op {
            FlowOp::Lt => 0,
            FlowOp::Le => 1,
            FlowOp::Eq => 2,
            FlowOp::Ne => 3,
            FlowOp::Gt => 4,
            _ => 5,
        };
        if num(t0) && num(t1) {
            // A plain int compared with a narrow one is first wrapped to its width.
            let w = match (t0, t1) {
                (T::Float, _) | (_, T::Float) => T::Float,
                (T::Fixed(_), _) | (_, T::Fixed(_)) => match Ann::int_result(&anns[0], &anns[1]) {
                    Some(Ann::Fixed(k)) => T::Fixed(k),
                    _ => T::Signed,
                },
                _ => T::Signed,
            };
            let x = self.value(st, &op.args[0], w);
            let y = self.value(st, &op.args[1], w);
            let unsigned = w == T::Signed && (anns[0] == Ann::UInt || anns[1] == Ann::UInt);
            let ops = if unsigned {
                [
                    LlOp::UintLt,
                    LlOp::UintLe,
                    LlOp::IntEq,
                    LlOp::IntNe,
                    LlOp::UintGt,
                    LlOp::UintGe,
                ]
            } else if w == T::Float {
                [
                    LlOp::FloatLt,
                    LlOp::FloatLe,
                    LlOp::FloatEq,
                    LlOp::FloatNe,
                    LlOp::FloatGt,
                    LlOp::FloatGe,
                ]
            } else {
                [
                    LlOp::IntLt,
                    LlOp::IntLe,
                    LlOp::IntEq,
                    LlOp::IntNe,
                    LlOp::IntGt,
                    LlOp::IntGe,
                ]
            };
            return self.emit(st, ops[idx], vec![x, y], T::Bool);
        }
        if t0 == T::Char && t1 == T::Char {
            let x = self.value(st, &op.args[0], T::Char);
            let y = self.value(st, &op.args[1], T::Char);
            let ops = [
                LlOp::CharLt,
                LlOp::CharLe,
                LlOp::CharEq,
                LlOp::CharNe,
                LlOp::CharGt,
                LlOp::CharGe,
            ];
            return self.emit(st, ops[idx], vec![x, y], T::Bool);
        }
        let (w, eqf, cmpf) = if t0 == b {
            (b, "rpy_bytes_eq", "rpy_bytes_cmp")
        } else {
            (s, "rpy_str_eq", "rpy_str_cmp")
        };
        let x = self.value(st, &op.args[0], w);
        let y = self.value(st, &op.args[1], w);
        match op.op {
            FlowOp::Eq => self.call_support(st, eqf, vec![x, y]),
            FlowOp::Ne => {
                let e = self.call_support(st, eqf, vec![x, y]);
                self.emit(st, LlOp::BoolNot, vec![e], T::Bool)
            }
            _ => {
                let c = self.call_support(st, cmpf, vec![x, y]);
                let o = [
                    LlOp::IntLt,
                    LlOp::IntLe,
                    LlOp::IntEq,
                    LlOp::IntNe,
                    LlOp::IntGt,
                    LlOp::IntGe,
                ][idx];
                self.emit(st, o, vec![c, Value::Const(LlConst::Signed(0))], T::Bool)
            }
        }
    }

    /// An operation the annotator implemented by a prelude function: a direct call of it with
    /// the receiver (for methods) and the operation's arguments.
    fn prelude_call(&mut self, st: &mut G, op: &Operation<FlowOp, Const>, callee: GraphId) {
        let rt = st.types[op.result.0 as usize];
        let (receiver, args, nargs, names) = match op.op {
            FlowOp::CallMethod => {
                let (names, nargs) = rpy_annotator::rules::call_shape(op, 2);
                let recv = self.arg_values(st, op, 0).swap_remove(0);
                (Some(recv), self.arg_values(st, op, 3), nargs, names)
            }
            FlowOp::Call => {
                let (names, nargs) = rpy_annotator::rules::call_shape(op, 1);
                (None, self.arg_values(st, op, 2), nargs, names)
            }
            _ => {
                let args = self.arg_values(st, op, 0);
                let n = args.len();
                (None, args, n, Rc::from(vec![]))
            }
        };
        let (r, t) = self.call_graph(st, callee, receiver, &args, nargs, &names);
        let r = self.convert(st, r, t, rt);
        self.finish(st, op.result, r);
    }

    fn method(&mut self, st: &mut G, op: &Operation<FlowOp, Const>, anns: &[Ann], tys: &[LlType]) {
        use LlType as T;
        let name = match &op.args[1] {
            Value::Const(Const::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        let rt = st.types[op.result.0 as usize];
        if let (Ann::Inst(..), Value::Const(Const::Obj(qid, _))) = (&anns[0], &op.args[0]) {
            if let Some(fq) = self.an.finalizer_queues.get(qid) {
                let q = Value::Const(LlConst::Signed(fq.index));
                match name.as_str() {
                    "register_finalizer" => {
                        let x = self.value(st, &op.args[3], tys[3]);
                        self.emit(st, LlOp::GcFqRegister, vec![q, x], T::Void);
                        return self.finish(st, op.result, Value::Const(LlConst::Void));
                    }
                    "next_dead" => {
                        let r = self.emit(st, LlOp::GcFqNextDead, vec![q], rt);
                        return self.finish(st, op.result, r);
                    }
                    _ => {}
                }
            }
        }
        if let Ann::Inst(c, _) = &anns[0] {
            return self.instance_method(st, op, *c, tys);
        }
        if let Ann::Pbc(Const::Obj(id, _)) = &anns[0] {
            if self.an.is_rlib_instance(*id)
                && matches!(
                    name.as_str(),
                    "jit_merge_point" | "can_enter_jit" | "loop_header"
                )
            {
                return self.finish(st, op.result, Value::Const(LlConst::Void));
            }
            if self.an.class_of(*id).is_some() {
                let (names, nargs) = rpy_annotator::rules::call_shape(op, 2);
                let Some(&callee) = self.an.call_targets.get(&(st.gid, op.result)) else {
                    return self.unsupported(st, "this call");
                };
                let args = self.arg_values(st, op, 3);
                let recv = self
                    .an
                    .classmethod_calls
                    .contains(&(st.gid, op.result))
                    .then_some((Value::Const(LlConst::Void), LlType::Void));
                let (r, t) = self.call_graph(st, callee, recv, &args, nargs, &names);
                let r = self.convert(st, r, t, rt);
                return self.finish(st, op.result, r);
            }
        }
        let res = match (&anns[0], name.as_str()) {
            (Ann::WeakDict(def, _), _) => {
                // `get(key)`, `set(key, value)` (null removes), `length()`: the key and the
                // value as the weak dict's types (its instance types, its key type).
                let inst = |me: &mut Self, c| me.reprs.lltype(me.an, &Ann::Inst(c, true));
                let vt = inst(self, def.value);
                let kt = if def.weak_keys {
                    let Ann::Inst(c, _) = def.key else {
                        return self.unsupported(st, "this weak dict");
                    };
                    inst(self, c)
                } else {
                    self.reprs.lltype(self.an, &def.key)
                };
                let d = self.value(st, &op.args[0], tys[0]);
                match name.as_str() {
                    "length" => self.emit(st, LlOp::WeakDictLength, vec![d], T::Signed),
                    "get" => {
                        let k = self.value(st, &op.args[3], kt);
                        let r = self.emit(st, LlOp::WeakDictGet, vec![d, k], vt);
                        self.convert(st, r, vt, rt)
                    }
                    _ => {
                        let k = self.value(st, &op.args[3], kt);
                        let v = self.value(st, &op.args[4], vt);
                        self.emit(st, LlOp::WeakDictSet, vec![d, k, v], T::Void);
                        Value::Const(LlConst::Void)
                    }
                }
            }
            (Ann::Str | Ann::Char, "join") => {
                let s = self.reprs.str_type();
                let sl = LlType::Ptr(self.reprs.list_of(s));
                let sep = self.value(st, &op.args[0], s);
                let l = self.value(st, &op.args[3], sl);
                self.call_support(st, "rpy_str_join", vec![sep, l])
            }
            (Ann::Str | Ann::Char, m) if rpy_annotator::rules::str_class_kind(m).is_some() => {
                let kind = rpy_annotator::rules::str_class_kind(m).unwrap_or(0);
                let kind = Value::Const(LlConst::Signed(kind));
                if anns[0] == Ann::Char {
                    let c = self.value(st, &op.args[0], LlType::Char);
                    self.call_support(st, "rpy_char_is", vec![c, kind])
                } else {
                    let x = self.value(st, &op.args[0], self.reprs.str_type());
                    self.call_support(st, "rpy_str_is", vec![x, kind])
                }
            }
            (Ann::Str | Ann::Char, m) if rpy_annotator::rules::str_case_kind(m).is_some() => {
                let kind = rpy_annotator::rules::str_case_kind(m).unwrap_or(0);
                let x = self.value(st, &op.args[0], self.reprs.str_type());
                self.call_support(
                    st,
                    "rpy_str_case",
                    vec![x, Value::Const(LlConst::Signed(kind))],
                )
            }
            (Ann::Bytes, "decode") => {
                let s = self.reprs.str_type();
                let b = self.value(st, &op.args[0], self.reprs.bytes_type());
                let enc = if op.args.len() > 3 {
                    self.value(st, &op.args[3], s)
                } else {
                    Value::Const(self.llconst(&Const::Str("utf-8".into()), s, st.span))
                };
                self.call_support(st, "rpy_bytes_decode", vec![b, enc])
            }
            (Ann::Dict(_), "get") => {
                let d = self.value(st, &op.args[0], tys[0]);
                let kt = self.dict_key_type(tys[0]);
                let vt = self.dict_value_type(tys[0]);
                let k = self.value(st, &op.args[3], kt);
                let default = if op.args.len() > 4 {
                    self.value(st, &op.args[4], vt)
                } else {
                    Value::Const(self.zero(vt))
                };
                let v = self.emit(st, LlOp::DictGet, vec![d, k, default], vt);
                self.convert(st, v, vt, rt)
            }
            (Ann::List(_), "append") => {
                let l = self.value(st, &op.args[0], tys[0]);
                let arr_t = self.field_type(tys[0], "items");
                let item_t = self.item_type(arr_t);
                let x = self.item_value(st, &op.args[3], tys[3], item_t);
                let n = self.emit(
                    st,
                    LlOp::GetField,
                    vec![l.clone(), field("length")],
                    T::Signed,
                );
                let n1 = self.emit(
                    st,
                    LlOp::IntAdd,
                    vec![n.clone(), Value::Const(LlConst::Signed(1))],
                    T::Signed,
                );
                self.emit(st, LlOp::ListGrow, vec![l.clone(), n1.clone()], T::Void);
                let items = self.emit(st, LlOp::GetField, vec![l.clone(), field("items")], arr_t);
                self.emit(st, LlOp::SetArrayItem, vec![items, n, x], T::Void);
                self.emit(st, LlOp::SetField, vec![l, field("length"), n1], T::Void);
                Value::Const(LlConst::Void)
            }
            (Ann::List(_), "pop") if op.args.len() == 3 => {
                let l = self.value(st, &op.args[0], tys[0]);
                let arr_t = self.field_type(tys[0], "items");
                let item_t = self.item_type(arr_t);
                let n = self.emit(
                    st,
                    LlOp::GetField,
                    vec![l.clone(), field("length")],
                    T::Signed,
                );
                let i = self.call_support(
                    st,
                    "rpy_check_index",
                    vec![Value::Const(LlConst::Signed(-1)), n],
                );
                let items = self.emit(st, LlOp::GetField, vec![l.clone(), field("items")], arr_t);
                let v = self.emit(
                    st,
                    LlOp::GetArrayItem,
                    vec![items.clone(), i.clone()],
                    item_t,
                );
                if item_t.is_gc() {
                    let z = Value::Const(self.zero(item_t));
                    self.emit(st, LlOp::SetArrayItem, vec![items, i.clone(), z], T::Void);
                }
                self.emit(st, LlOp::SetField, vec![l, field("length"), i], T::Void);
                self.convert(st, v, item_t, rt)
            }
            (Ann::Str | Ann::Char, "encode") => {
                let s = self.reprs.str_type();
                let x = self.value(st, &op.args[0], s);
                if op.args.len() > 3 {
                    let enc = self.value(st, &op.args[3], s);
                    self.call_support(st, "rpy_str_encode_as", vec![x, enc])
                } else {
                    self.call_support(st, "rpy_str_encode", vec![x])
                }
            }
            _ => return self.unsupported(st, &format!("the method `{name}` here")),
        };
        self.finish(st, op.result, res);
    }

    fn call(&mut self, st: &mut G, op: &Operation<FlowOp, Const>, anns: &[Ann], tys: &[LlType]) {
        let (names, nargs) = rpy_annotator::rules::call_shape(op, 1);
        let rt = st.types[op.result.0 as usize];
        match &anns[0] {
            Ann::Pbc(Const::Obj(id, _)) => {
                if let Some(c) = self.an.class_of(*id) {
                    return self.instantiate(st, op, c, nargs, &names);
                }
                let Some(&callee) = self.an.call_targets.get(&(st.gid, op.result)) else {
                    return self.unsupported(st, "this call");
                };
                let args = self.arg_values(st, op, 2);
                let (r, t) = self.call_graph(st, callee, None, &args, nargs, &names);
                let r = self.convert(st, r, t, rt);
                self.finish(st, op.result, r);
            }
            Ann::WeakRef(None, _) => {
                // A weak reference that is dead already.
                self.finish(st, op.result, Value::Const(LlConst::Void));
            }
            Ann::WeakRef(..) => {
                let w = self.value(st, &op.args[0], tys[0]);
                let r = self.emit(st, LlOp::WeakrefDeref, vec![w], rt);
                self.finish(st, op.result, r);
            }
            Ann::BoundMethod(c, name) => {
                let (c, name) = (*c, name.clone());
                let (syn, _) = rpy_annotator::rules::bound_method_call(op, anns, c, &name);
                let mut syn_tys = vec![tys[0], LlType::Void, LlType::Void];
                syn_tys.extend(tys[2..].iter().copied());
                self.instance_method(st, &syn, c, &syn_tys);
            }
            Ann::ClassSet(_) => {
                let Some(targets) = self.an.classset_targets.get(&(st.gid, op.result)).cloned()
                else {
                    return self.unsupported(st, "this call");
                };
                self.instantiate_one_of(st, op, &targets, (0, 2), nargs, &names);
            }
            Ann::FuncSet(_) => {
                let Some(targets) = self.an.funcset_targets.get(&(st.gid, op.result)).cloned()
                else {
                    return self.unsupported(st, "this call");
                };
                let f = self.value(st, &op.args[0], LlType::Signed);
                let args = self.arg_values(st, op, 2);
                let d = self.funcset_dispatcher(st, &targets, &args, nargs, &names, rt);
                let mut call = vec![Value::Const(LlConst::Func(d)), f];
                call.extend(args.into_iter().map(|a| a.0));
                let r = self.emit(st, LlOp::DirectCall, call, rt);
                self.finish(st, op.result, r);
            }
            Ann::Pbc(Const::Builtin(name)) => {
                let name = name.clone();
                self.builtin(st, op, &name, &anns[2..], &tys[2..], &names, rt)
            }
            _ => self.unsupported(st, "this call"),
        }
    }

    /// The values of `op`'s arguments from index `first` on, each in its own representation.
    fn arg_values(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        first: usize,
    ) -> Vec<(V, LlType)> {
        let mut out = Vec::new();
        for a in &op.args[first..] {
            let ann = self.ann_of(st.gid, a);
            let t = self.ty(st, a, &ann);
            let v = self.value(st, a, t);
            out.push((v, t));
        }
        out
    }

    /// A direct call of an annotated graph with `args` (positional, then keyword), preceded by
    /// `receiver` if given. Returns the result and its type.
    #[allow(clippy::too_many_arguments)]
    fn call_graph(
        &mut self,
        st: &mut G,
        callee: GraphId,
        receiver: Option<(V, LlType)>,
        args: &[(V, LlType)],
        nargs: usize,
        names: &[Rc<str>],
    ) -> (V, LlType) {
        let (params, defaults, fname) = self.an.signature(callee);
        let skip = usize::from(receiver.is_some()).min(params.len());
        let rv = {
            let g = &self.an.graphs[callee.0 as usize].graph;
            g.blocks[g.returnblock].inputargs[0]
        };
        let ret = self.var_lltype(callee, rv);
        let Ok(binding) = bind_args(&params[skip..], &defaults, &fname, nargs, names) else {
            return (Value::Const(self.zero(ret)), ret);
        };
        let cg = self.an.graphs[callee.0 as usize].graph.params().to_vec();
        let mut call = vec![Value::Const(LlConst::Func(FuncId(callee.0)))];
        if let (Some((r, rt0)), Some(p)) = (receiver, cg.first()) {
            let pt = self.var_lltype(callee, *p);
            call.push(self.convert(st, r, rt0, pt));
        }
        for (b, p) in binding.iter().zip(&cg[skip..]) {
            let pt = self.var_lltype(callee, *p);
            let v = match b {
                ArgSource::Positional(i) => self.convert(st, args[*i].0.clone(), args[*i].1, pt),
                ArgSource::Keyword(k) => {
                    let (v, t) = args[nargs + k].clone();
                    self.convert(st, v, t, pt)
                }
                ArgSource::Default(d) => {
                    let c = rpy_flow::build::const_of(self.an.snapshot, d).unwrap_or(Const::None);
                    Value::Const(self.llconst(&c, pt, st.span))
                }
            };
            call.push(v);
        }
        (self.emit(st, LlOp::DirectCall, call, ret), ret)
    }

    /// `C(args)`: a new instance with its class id set, then `__init__` if the class has one.
    /// A new instance of class `c` (allocated, its class id set, nothing else).
    fn new_instance(&mut self, st: &mut G, c: rpy_annotator::ClassId) -> V {
        let tid = self.reprs.inst_type(self.an, c);
        let t = LlType::Ptr(tid);
        let p = self.emit(st, LlOp::Malloc, vec![Value::Const(LlConst::Type(tid))], t);
        let id = self.an.class(c).id_min;
        self.emit(
            st,
            LlOp::SetField,
            vec![
                p.clone(),
                field("typeid"),
                Value::Const(LlConst::Signed(id)),
            ],
            LlType::Void,
        );
        // Class-level constants are the defaults of the instance attributes of the same name.
        let fields = self.reprs.types.get(tid).fields.clone();
        for (name, ft) in fields {
            if name == "typeid" || ft == LlType::Void {
                continue;
            }
            let Some((_, v)) = self.an.class_attr(c, &name) else {
                continue;
            };
            if self.an.method_function(&v).is_some() {
                continue;
            }
            let Ok(cst) = rpy_flow::build::const_of(self.an.snapshot, &v) else {
                continue;
            };
            let value = self.llconst(&cst, ft, st.span);
            if value == self.zero(ft) {
                continue;
            }
            self.emit(
                st,
                LlOp::SetField,
                vec![p.clone(), field(&name), Value::Const(value)],
                LlType::Void,
            );
        }
        p
    }

    /// A call of one of several classes (a class set): a dispatcher on the class id that
    /// instantiates the right one.
    fn instantiate_one_of(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        targets: &[(rpy_annotator::ClassId, Option<GraphId>)],
        (key_arg, first_arg): (usize, usize),
        nargs: usize,
        names: &[Rc<str>],
    ) {
        let rt = st.types[op.result.0 as usize];
        let key = self.value(st, &op.args[key_arg], LlType::Signed);
        let args = self.arg_values(st, op, first_arg);
        let cases: Vec<(DispatchTest, DispatchCase)> = targets
            .iter()
            .map(|(c, init)| {
                (
                    DispatchTest::Equals(self.an.class(*c).id_min),
                    DispatchCase::New(*c, *init),
                )
            })
            .collect();
        let d = self.dispatcher(
            st,
            "instantiate_one_of",
            &cases,
            LlType::Signed,
            &args,
            nargs,
            names,
            rt,
        );
        let mut call = vec![Value::Const(LlConst::Func(d)), key];
        call.extend(args.into_iter().map(|a| a.0));
        let r = self.emit(st, LlOp::DirectCall, call, rt);
        self.finish(st, op.result, r);
    }

    fn instantiate(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        c: rpy_annotator::ClassId,
        nargs: usize,
        names: &[Rc<str>],
    ) {
        let tid = self.reprs.inst_type(self.an, c);
        let t = LlType::Ptr(tid);
        let args = self.arg_values(st, op, 2);
        let p = self.new_instance(st, c);
        if let Some(&init) = self.an.call_targets.get(&(st.gid, op.result)) {
            self.call_graph(st, init, Some((p.clone(), t)), &args, nargs, names);
        } else if args.len() == 1 && self.an.derives_from_builtin(c) {
            let s = self.reprs.str_type();
            let m = self.convert(st, args[0].0.clone(), args[0].1, s);
            self.emit(
                st,
                LlOp::SetField,
                vec![p.clone(), field("__msg__"), m],
                LlType::Void,
            );
        }
        let rt = st.types[op.result.0 as usize];
        let r = self.convert(st, p, t, rt);
        self.finish(st, op.result, r);
    }

    /// Attribute reads: instance attributes are fields; class-level constants are constants.
    fn getattr(&mut self, st: &mut G, op: &Operation<FlowOp, Const>, anns: &[Ann], tys: &[LlType]) {
        let Value::Const(Const::Str(attr)) = &op.args[1] else {
            return;
        };
        let rt = st.types[op.result.0 as usize];
        let res_ann = self.an.graphs[st.gid.0 as usize].anns[op.result.0 as usize].clone();
        if let (Ann::Inst(..), Ann::BoundMethod(..)) = (&anns[0], &res_ann) {
            // A bound method is represented by its instance.
            let p = self.value(st, &op.args[0], tys[0]);
            let r = self.convert(st, p, tys[0], rt);
            return self.finish(st, op.result, r);
        }
        let res = match &anns[0] {
            Ann::Inst(c, _) if self.an.attr_ann(*c, attr).is_some() => {
                let ft = self.field_type(tys[0], attr);
                let p = self.value(st, &op.args[0], tys[0]);
                let v = self.emit(st, LlOp::GetField, vec![p, field(attr)], ft);
                self.convert(st, v, ft, rt)
            }
            Ann::Inst(c, _) => {
                let c = *c;
                let mut sub = self.an.subtree(c);
                sub.sort_by_key(|x| self.an.class(*x).id_min);
                let values: Vec<Option<rpy_model::snapshot::PyValue>> = sub
                    .iter()
                    .map(|x| self.an.class_attr(*x, attr).map(|v| v.1))
                    .collect();
                let Some(Some(first)) = values.first().cloned() else {
                    return self.unsupported(st, &format!("the attribute `{attr}`"));
                };
                if values.iter().all(|v| v.as_ref() == Some(&first)) {
                    let cst =
                        rpy_flow::build::const_of(self.an.snapshot, &first).unwrap_or(Const::None);
                    Value::Const(self.llconst(&cst, rt, st.span))
                } else {
                    // A table of the values, indexed by class id from `c`'s own id.
                    let mut items = Vec::new();
                    for v in values.iter().flatten() {
                        let cst =
                            rpy_flow::build::const_of(self.an.snapshot, v).unwrap_or(Const::None);
                        items.push(self.llconst(&cst, rt, st.span));
                    }
                    let arr = self.reprs.array_of(rt);
                    let table = self.reprs.push_prebuilt(arr, vec![], items);
                    let p = self.value(st, &op.args[0], tys[0]);
                    let tid =
                        self.emit(st, LlOp::GetField, vec![p, field("typeid")], LlType::Signed);
                    let base = Value::Const(LlConst::Signed(self.an.class(c).id_min));
                    let idx = self.emit(st, LlOp::IntSub, vec![tid, base], LlType::Signed);
                    self.emit(
                        st,
                        LlOp::GetArrayItem,
                        vec![Value::Const(LlConst::Prebuilt(table)), idx],
                        rt,
                    )
                }
            }
            Ann::ClassSet(ids) => {
                // A table of the attribute over the classes under their common base, indexed
                // by class id from the base's.
                let classes: Vec<_> = ids.iter().filter_map(|id| self.an.class_of(*id)).collect();
                let Some(mut base) = classes.first().copied() else {
                    return self.unsupported(st, "this class attribute");
                };
                for c in &classes[1..] {
                    base = self.an.common_base(base, *c).unwrap_or(base);
                }
                let mut sub = self.an.subtree(base);
                sub.sort_by_key(|x| self.an.class(*x).id_min);
                let mut items = Vec::new();
                for x in &sub {
                    if &**attr == "__name__" {
                        let name = self.an.class(*x).name.clone();
                        let short = name.rsplit('.').next().unwrap_or(&name).to_string();
                        items.push(self.llconst(&Const::Str(short.into()), rt, st.span));
                        continue;
                    }
                    let v = match self.an.class_attr(*x, attr) {
                        Some((_, v)) => {
                            let cst = rpy_flow::build::const_of(self.an.snapshot, &v)
                                .unwrap_or(Const::None);
                            self.llconst(&cst, rt, st.span)
                        }
                        None => self.zero(rt),
                    };
                    items.push(v);
                }
                let arr = self.reprs.array_of(rt);
                let table = self.reprs.push_prebuilt(arr, vec![], items);
                let k = self.value(st, &op.args[0], LlType::Signed);
                let b = Value::Const(LlConst::Signed(self.an.class(base).id_min));
                let idx = self.emit(st, LlOp::IntSub, vec![k, b], LlType::Signed);
                self.emit(
                    st,
                    LlOp::GetArrayItem,
                    vec![Value::Const(LlConst::Prebuilt(table)), idx],
                    rt,
                )
            }
            Ann::Pbc(Const::Obj(id, _)) if self.an.class_of(*id).is_some() => {
                let c = self.an.class_of(*id).expect("class");
                match self.an.class_attr(c, attr) {
                    Some((_, v)) => {
                        let cst =
                            rpy_flow::build::const_of(self.an.snapshot, &v).unwrap_or(Const::None);
                        Value::Const(self.llconst(&cst, rt, st.span))
                    }
                    None => return self.unsupported(st, &format!("the attribute `{attr}`")),
                }
            }
            _ => return self.unsupported(st, "attribute access on this value"),
        };
        self.finish(st, op.result, res);
    }

    /// Whether the function of graph `g`, reached as method `name` of a class under `c`, takes
    /// the instance (a staticmethod does not).
    fn method_takes_self(&self, c: rpy_annotator::ClassId, name: &str, g: GraphId) -> bool {
        let f = self.an.graphs[g.0 as usize].func;
        for x in self.an.subtree(c) {
            if let Some((_, v)) = self.an.class_attr(x, name) {
                if let Some((func, takes)) = self.an.method_function(&v) {
                    if func == f {
                        return takes;
                    }
                }
            }
        }
        true
    }

    /// `obj.name(args)` on an instance: a direct call when one implementation can be reached,
    /// else a call of a dispatcher that tests the class id.
    fn instance_method(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        c: rpy_annotator::ClassId,
        tys: &[LlType],
    ) {
        self.instance_method_on(st, op, c, tys, None)
    }

    /// `instance_method` with the receiver's low-level value given (else it is `op.args[0]`).
    fn instance_method_on(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        c: rpy_annotator::ClassId,
        tys: &[LlType],
        recv: Option<V>,
    ) {
        let (names, nargs) = rpy_annotator::rules::call_shape(op, 2);
        if self.an.weakref_attr_calls.contains(&(st.gid, op.result)) {
            // `obj.attr()` where the attribute holds a weak reference: its referent.
            let Value::Const(Const::Str(attr)) = &op.args[1] else {
                return;
            };
            let ft = self.field_type(tys[0], attr);
            let p = match recv {
                Some(p) => p,
                None => self.value(st, &op.args[0], tys[0]),
            };
            let rt = st.types[op.result.0 as usize];
            if rt == LlType::Void {
                // The attribute only ever held weak references that are dead already.
                return self.finish(st, op.result, Value::Const(LlConst::Void));
            }
            let w = self.emit(st, LlOp::GetField, vec![p, field(attr)], ft);
            let r = self.emit(st, LlOp::WeakrefDeref, vec![w], rt);
            return self.finish(st, op.result, r);
        }
        if !self.in_bound_attr_call {
            if let Some((bc, bname)) = self.an.bound_attr_calls.get(&(st.gid, op.result)).cloned() {
                // `obj.attr(...)` where the attribute holds a bound method: read it, then call
                // its method on the instance it is.
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return;
                };
                let ft = self.field_type(tys[0], attr);
                let p = self.value(st, &op.args[0], tys[0]);
                let bm = self.emit(st, LlOp::GetField, vec![p, field(attr)], ft);
                let mut syn = op.clone();
                syn.args[1] = Value::Const(Const::Str(bname.clone()));
                let mut syn_tys = tys.to_vec();
                syn_tys[0] = ft;
                self.in_bound_attr_call = true;
                self.instance_method_on(st, &syn, bc, &syn_tys, Some(bm));
                self.in_bound_attr_call = false;
                return;
            }
        }
        let Some(targets) = self.an.method_targets.get(&(st.gid, op.result)).cloned() else {
            // An attribute holding a function (or one of several), called.
            if let Some(ftargets) = self.an.funcset_targets.get(&(st.gid, op.result)).cloned() {
                let Value::Const(Const::Str(attr)) = &op.args[1] else {
                    return;
                };
                let rt = st.types[op.result.0 as usize];
                let ft = self.field_type(tys[0], attr);
                let p = self.value(st, &op.args[0], tys[0]);
                let f = self.emit(st, LlOp::GetField, vec![p, field(attr)], ft);
                let f = self.convert(st, f, ft, LlType::Signed);
                let args = self.arg_values(st, op, 3);
                let d = self.funcset_dispatcher(st, &ftargets, &args, nargs, &names, rt);
                let mut call = vec![Value::Const(LlConst::Func(d)), f];
                call.extend(args.into_iter().map(|a| a.0));
                let r = self.emit(st, LlOp::DirectCall, call, rt);
                return self.finish(st, op.result, r);
            }
            return self.unsupported(st, "this method call");
        };
        let name = match &op.args[1] {
            Value::Const(Const::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        let rt = st.types[op.result.0 as usize];
        let this = match recv {
            Some(v) => v,
            None => self.value(st, &op.args[0], tys[0]),
        };
        let args = self.arg_values(st, op, 3);
        if targets.len() == 1 {
            let g = targets[0].1;
            let recv = if self.method_takes_self(c, &name, g) {
                Some((this, tys[0]))
            } else {
                None
            };
            let (r, t) = self.call_graph(st, g, recv, &args, nargs, &names);
            let r = self.convert(st, r, t, rt);
            return self.finish(st, op.result, r);
        }
        // Several implementations: the class ids using each form ranges, in preorder.
        let mut ranges: Vec<(i64, i64, GraphId)> = Vec::new();
        let mut sub = self.an.subtree(c);
        sub.sort_by_key(|x| self.an.class(*x).id_min);
        for x in sub {
            let Some((def, _)) = self.an.class_attr(x, &name) else {
                continue;
            };
            let Some(&(_, g)) = targets.iter().find(|t| t.0 == def) else {
                continue;
            };
            let id = self.an.class(x).id_min;
            match ranges.last_mut() {
                Some(last) if last.2 == g && last.1 + 1 == id => last.1 = id,
                _ => ranges.push((id, id, g)),
            }
        }
        let cases: Vec<(DispatchTest, DispatchCase)> = ranges
            .iter()
            .map(|(_, hi, g)| {
                (
                    DispatchTest::ClassIdAtMost(*hi),
                    DispatchCase::Call(*g, self.method_takes_self(c, &name, *g)),
                )
            })
            .collect();
        let dname = format!("{}.{name}.dispatch", self.an.class(c).name);
        let d = self.dispatcher(st, &dname, &cases, tys[0], &args, nargs, &names, rt);
        let mut call = vec![Value::Const(LlConst::Func(d)), this];
        call.extend(args.into_iter().map(|a| a.0));
        let r = self.emit(st, LlOp::DirectCall, call, rt);
        self.finish(st, op.result, r);
    }

    /// A dispatcher for a call through a function set: `(which, args...)`.
    fn funcset_dispatcher(
        &mut self,
        st: &G,
        targets: &[(ObjId, GraphId)],
        args: &[(V, LlType)],
        nargs: usize,
        names: &[Rc<str>],
        rt: LlType,
    ) -> FuncId {
        let cases: Vec<(DispatchTest, DispatchCase)> = targets
            .iter()
            .map(|(f, g)| {
                (
                    DispatchTest::Equals(f.0 as i64),
                    DispatchCase::Call(*g, false),
                )
            })
            .collect();
        self.dispatcher(
            st,
            "call_one_of",
            &cases,
            LlType::Signed,
            args,
            nargs,
            names,
            rt,
        )
    }

    /// Builds a dispatcher function `(key, args...)`: a chain of tests on `key`, each case calling
    /// its graph (with `key` as the receiver when asked), the last case unconditionally. Method
    /// calls test the receiver's class id; calls through a function set test which function.
    #[allow(clippy::too_many_arguments)]
    fn dispatcher(
        &mut self,
        st: &G,
        name: &str,
        cases: &[(DispatchTest, DispatchCase)],
        key_t: LlType,
        args: &[(V, LlType)],
        nargs: usize,
        names: &[Rc<str>],
        rt: LlType,
    ) -> FuncId {
        let mut hints = vec!["key".to_string()];
        hints.extend((0..args.len()).map(|i| format!("a{i}")));
        let hint_refs: Vec<&str> = hints.iter().map(String::as_str).collect();
        let g: LlGraph = Graph::new(name, st.span, &hint_refs);
        let mut types: Vec<LlType> = vec![key_t];
        types.extend(args.iter().map(|a| a.1));
        types.push(rt);
        types.push(LlType::Signed);
        let exc_root = self.an.builtin_class("Exception").expect("Exception");
        types.push(LlType::Ptr(self.reprs.inst_type(self.an, exc_root)));
        let mut d = G {
            gid: st.gid,
            g,
            types,
            ops: vec![],
            span: st.span,
        };
        let arg_types: Vec<LlType> = std::iter::once(key_t)
            .chain(args.iter().map(|a| a.1))
            .collect();
        let start = d.g.startblock;
        let mut cur = start;
        let mut cur_vars: Vec<Var> = d.g.blocks[start].inputargs.clone();
        let ret_block = d.g.returnblock;
        for (i, (test, case)) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            // The call block.
            let call_vars: Vec<Var> = arg_types.iter().map(|t| d.new_var("a", *t)).collect();
            let call_block = d.g.new_block(call_vars.clone());
            let a: Vec<(V, LlType)> = call_vars[1..]
                .iter()
                .zip(args)
                .map(|(v, x)| (Value::Var(*v), x.1))
                .collect();
            let (r, t) = match *case {
                DispatchCase::Call(callee, receiver) => {
                    let recv = receiver.then(|| (Value::Var(call_vars[0]), key_t));
                    self.call_graph(&mut d, callee, recv, &a, nargs, names)
                }
                DispatchCase::New(c, init) => {
                    let p = self.new_instance(&mut d, c);
                    let t = st_type_of_inst(self, c);
                    if let Some(init) = init {
                        self.call_graph(&mut d, init, Some((p.clone(), t)), &a, nargs, names);
                    }
                    (p, t)
                }
            };
            let r = self.convert(&mut d, r, t, rt);
            d.g.blocks[call_block].ops = std::mem::take(&mut d.ops);
            d.g.blocks[call_block].exits = vec![Link {
                case: ExitCase::Always,
                args: vec![LinkArg::Value(r)],
                target: ret_block,
                span: None,
            }];
            let pass = |vs: &[Var]| {
                vs.iter()
                    .map(|v| LinkArg::Value(Value::Var(*v)))
                    .collect::<Vec<_>>()
            };
            if last {
                d.g.blocks[cur].exits = vec![Link {
                    case: ExitCase::Always,
                    args: pass(&cur_vars),
                    target: call_block,
                    span: None,
                }];
                break;
            }
            let ok = d.new_var("ok", LlType::Bool);
            let key = Value::Var(cur_vars[0]);
            let (cmp, key, bound) = match test {
                DispatchTest::ClassIdAtMost(hi) => {
                    let tid = d.new_var("typeid", LlType::Signed);
                    d.g.blocks[cur].ops.push(Operation {
                        op: LlOp::GetField,
                        args: vec![key, field("typeid")],
                        result: tid,
                        span: st.span,
                    });
                    (LlOp::IntLe, Value::Var(tid), *hi)
                }
                DispatchTest::Equals(id) => (LlOp::IntEq, key, *id),
            };
            d.g.blocks[cur].ops.push(Operation {
                op: cmp,
                args: vec![key, Value::Const(LlConst::Signed(bound))],
                result: ok,
                span: st.span,
            });
            let next_vars: Vec<Var> = arg_types.iter().map(|t| d.new_var("a", *t)).collect();
            let next_block = d.g.new_block(next_vars.clone());
            d.g.blocks[cur].exitswitch = ExitSwitch::Value(Value::Var(ok));
            d.g.blocks[cur].exits = vec![
                Link {
                    case: ExitCase::Bool(true),
                    args: pass(&cur_vars),
                    target: call_block,
                    span: None,
                },
                Link {
                    case: ExitCase::Bool(false),
                    args: pass(&cur_vars),
                    target: next_block,
                    span: None,
                },
            ];
            cur = next_block;
            cur_vars = next_vars;
        }
        let f = LlFunction::Graph {
            graph: d.g,
            types: d.types,
            ret: rt,
            effects: Effects {
                canraise: true,
                cancollect: true,
            },
        };
        let id = FuncId((self.n_graphs + self.extra.len()) as u32);
        self.extra.push(f);
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn builtin(
        &mut self,
        st: &mut G,
        op: &Operation<FlowOp, Const>,
        name: &str,
        anns: &[Ann],
        tys: &[LlType],
        names: &[Rc<str>],
        rt: LlType,
    ) {
        use LlType as T;
        let s = self.reprs.str_type();
        let npos = anns.len() - names.len();
        let arg = |me: &mut Self, st: &mut G, i: usize, t: LlType| me.value(st, &op.args[2 + i], t);
        if matches!(name, "str" | "repr") {
            if let Some(conv) = self.an.str_convs.get(&(st.gid, op.result, 0)).cloned() {
                let v = arg(self, st, 0, tys[0]);
                let r = self.str_conv(st, &conv, v, tys[0]);
                return self.finish(st, op.result, r);
            }
        }
        let res: V = match name {
            "print" => {
                let mut sep = None;
                let mut end = None;
                for (k, n) in names.iter().enumerate() {
                    let i = npos + k;
                    let t = if anns[i] == Ann::Char { T::Char } else { s };
                    let v = arg(self, st, i, t);
                    if &**n == "sep" {
                        sep = Some((v, t))
                    } else {
                        end = Some((v, t))
                    }
                }
                #[allow(clippy::needless_range_loop)]
                for i in 0..npos {
                    if i > 0 {
                        self.print_piece(st, sep.clone(), b' ');
                    }
                    let v = arg(self, st, i, tys[i]);
                    if anns[i] == Ann::UInt {
                        let text = self.call_support(st, "rpy_str_of_uint", vec![v]);
                        self.call_support(st, "rpy_print_str", vec![text]);
                        continue;
                    }
                    if let Some(conv) = self.an.str_convs.get(&(st.gid, op.result, i)).cloned() {
                        let text = self.str_conv(st, &conv, v, tys[i]);
                        self.call_support(st, "rpy_print_str", vec![text]);
                        continue;
                    }
                    let f = match tys[i] {
                        T::Bool => "rpy_print_bool",
                        T::Signed | T::Fixed(_) => "rpy_print_int",
                        T::Float => "rpy_print_float",
                        T::Char => "rpy_print_char",
                        T::Void => "rpy_print_none",
                        _ => "rpy_print_str",
                    };
                    let args = if tys[i] == T::Void { vec![] } else { vec![v] };
                    self.call_support(st, f, args);
                }
                self.print_piece(st, end, b'\n');
                Value::Const(LlConst::Void)
            }
            "isinstance" if Annotator::static_isinstance(&anns[0], &anns[1]).is_some() => {
                let k = Annotator::static_isinstance(&anns[0], &anns[1]).unwrap_or(false);
                Value::Const(LlConst::Bool(k))
            }
            "isinstance" => {
                let x = arg(self, st, 0, tys[0]);
                let classes: Vec<Const> = match &anns[1] {
                    Ann::Pbc(c) => vec![c.clone()],
                    Ann::Tuple(items) => items
                        .iter()
                        .filter_map(|a| match a {
                            Ann::Pbc(c) => Some(c.clone()),
                            _ => None,
                        })
                        .collect(),
                    _ => vec![],
                };
                let mut acc: Option<V> = None;
                for c in classes {
                    let cls = match &c {
                        Const::Obj(id, _) => self.an.class_of(*id),
                        Const::Builtin(n) => self.an.builtin_class(n),
                        _ => None,
                    };
                    let Some(cls) = cls else {
                        continue;
                    };
                    let t = self.class_test(st, x.clone(), cls);
                    acc = Some(match acc {
                        None => t,
                        Some(a) => {
                            let (ai, ti) = (
                                self.emit(st, LlOp::CastBoolToInt, vec![a], T::Signed),
                                self.emit(st, LlOp::CastBoolToInt, vec![t], T::Signed),
                            );
                            let o = self.emit(st, LlOp::IntOr, vec![ai, ti], T::Signed);
                            self.emit(st, LlOp::IntIsTrue, vec![o], T::Bool)
                        }
                    });
                }
                acc.unwrap_or(Value::Const(LlConst::Bool(false)))
            }
            "len" => {
                let x = arg(self, st, 0, tys[0]);
                match &anns[0] {
                    Ann::List(_) => {
                        self.emit(st, LlOp::GetField, vec![x, field("length")], T::Signed)
                    }
                    Ann::Dict(_) => {
                        self.emit(st, LlOp::GetField, vec![x, field("num_items")], T::Signed)
                    }
                    Ann::Char => Value::Const(LlConst::Signed(1)),
                    Ann::Tuple(items) => Value::Const(LlConst::Signed(items.len() as i64)),
                    _ => self.emit(st, LlOp::GetArraySize, vec![x], T::Signed),
                }
            }
            "int" => match &anns[0] {
                Ann::Float => {
                    let x = arg(self, st, 0, T::Float);
                    self.emit(st, LlOp::CastFloatToInt, vec![x], T::Signed)
                }
                Ann::Str | Ann::Char => {
                    let x = arg(self, st, 0, s);
                    self.call_support(st, "rpy_int_of_str", vec![x])
                }
                _ => arg(self, st, 0, T::Signed),
            },
            "float" if matches!(anns[0], Ann::Str | Ann::Char) => {
                let x = arg(self, st, 0, s);
                self.call_support(st, "rpy_float_of_str", vec![x])
            }
            "float" if anns[0] == Ann::UInt => {
                let x = arg(self, st, 0, T::Signed);
                self.emit(st, LlOp::CastUintToFloat, vec![x], T::Float)
            }
            "float" => arg(self, st, 0, T::Float),
            "bool" => self.truth(st, &op.args[2], tys[0], &anns[0]),
            "str" if anns[0] == Ann::UInt => {
                let x = arg(self, st, 0, T::Signed);
                self.call_support(st, "rpy_str_of_uint", vec![x])
            }
            "rlib.r_dict" | "rlib.RWeakValueDictionary" | "rlib.RWeakKeyDictionary" => {
                let T::Ptr(dt) = rt else {
                    return self.unsupported(st, "this dict");
                };
                self.emit(st, LlOp::DictNew, vec![Value::Const(LlConst::Type(dt))], rt)
            }
            n if n
                .strip_prefix("rlib.")
                .and_then(rpy_annotator::IntKind::from_name)
                .is_some() =>
            {
                if npos == 0 {
                    Value::Const(LlConst::Signed(0))
                } else if tys[0] == T::Float {
                    let x = arg(self, st, 0, T::Float);
                    let i = self.emit(st, LlOp::CastFloatToInt, vec![x], T::Signed);
                    self.convert(st, i, T::Signed, rt)
                } else {
                    arg(self, st, 0, rt)
                }
            }
            "rlib.r_uint" => {
                if npos == 0 {
                    Value::Const(LlConst::Signed(0))
                } else if tys[0] == T::Float {
                    let x = arg(self, st, 0, T::Float);
                    self.emit(st, LlOp::CastFloatToInt, vec![x], T::Signed)
                } else {
                    arg(self, st, 0, T::Signed)
                }
            }
            "str" => match tys[0] {
                T::Signed | T::Fixed(_) => {
                    let x = arg(self, st, 0, T::Signed);
                    self.call_support(st, "rpy_str_of_int", vec![x])
                }
                T::Float => {
                    let x = arg(self, st, 0, T::Float);
                    self.call_support(st, "rpy_str_of_float", vec![x])
                }
                T::Bool => {
                    let x = arg(self, st, 0, T::Bool);
                    self.call_support(st, "rpy_str_of_bool", vec![x])
                }
                T::Void => Value::Const(self.llconst(&Const::Str("None".into()), s, st.span)),
                _ => arg(self, st, 0, s),
            },
            "math.log" if npos == 2 => {
                let x = arg(self, st, 0, T::Float);
                let b = arg(self, st, 1, T::Float);
                let lx = self.call_support(st, "rpy_math_log", vec![x]);
                let lb = self.call_support(st, "rpy_math_log", vec![b]);
                self.emit(st, LlOp::FloatTrueDiv, vec![lx, lb], T::Float)
            }
            "math.floor" | "math.ceil" | "math.trunc" if tys[0] != T::Float => {
                arg(self, st, 0, T::Signed)
            }
            "math.ldexp" => {
                let x = arg(self, st, 0, T::Float);
                let e = arg(self, st, 1, T::Signed);
                self.call_support(st, "rpy_math_ldexp", vec![x, e])
            }
            m if m.starts_with("math.") => {
                let cname = format!("rpy_math_{}", &m[5..]);
                let args: Vec<V> = (0..npos).map(|i| arg(self, st, i, T::Float)).collect();
                self.call_support(st, &cname, args)
            }
            "abs" => {
                if rt == T::Float {
                    let x = arg(self, st, 0, T::Float);
                    self.emit(st, LlOp::FloatAbs, vec![x], T::Float)
                } else {
                    let x = arg(self, st, 0, rt);
                    let r = self.emit(st, LlOp::IntAbs, vec![x], rt);
                    self.narrow(st, r, rt)
                }
            }
            "min" | "max" => {
                let mut acc = arg(self, st, 0, rt);
                for i in 1..npos {
                    let x = arg(self, st, i, rt);
                    let better = match (rt, name) {
                        (T::Float, "min") => {
                            self.emit(st, LlOp::FloatLt, vec![x.clone(), acc.clone()], T::Bool)
                        }
                        (T::Float, _) => {
                            self.emit(st, LlOp::FloatGt, vec![x.clone(), acc.clone()], T::Bool)
                        }
                        (T::Char, "min") => {
                            self.emit(st, LlOp::CharLt, vec![x.clone(), acc.clone()], T::Bool)
                        }
                        (T::Char, _) => {
                            self.emit(st, LlOp::CharGt, vec![x.clone(), acc.clone()], T::Bool)
                        }
                        (T::Signed, "min") => {
                            self.emit(st, LlOp::IntLt, vec![x.clone(), acc.clone()], T::Bool)
                        }
                        (T::Signed, _) => {
                            self.emit(st, LlOp::IntGt, vec![x.clone(), acc.clone()], T::Bool)
                        }
                        (_, m) => {
                            let c =
                                self.call_support(st, "rpy_str_cmp", vec![x.clone(), acc.clone()]);
                            let o = if m == "min" { LlOp::IntLt } else { LlOp::IntGt };
                            self.emit(st, o, vec![c, Value::Const(LlConst::Signed(0))], T::Bool)
                        }
                    };
                    acc = self.emit(st, LlOp::Select, vec![better, x, acc], rt);
                }
                acc
            }
            "ord" if tys[0] == s => {
                let x = arg(self, st, 0, s);
                self.call_support(st, "rpy_str_ord", vec![x])
            }
            "ord" => {
                let x = arg(self, st, 0, T::Char);
                self.emit(st, LlOp::CastCharToInt, vec![x], T::Signed)
            }
            "chr" => {
                let x = arg(self, st, 0, T::Signed);
                self.emit(st, LlOp::CastIntToChar, vec![x], T::Char)
            }
            "os.lseek" => {
                let args: Vec<V> = (0..3).map(|i| arg(self, st, i, T::Signed)).collect();
                self.call_support(st, "rpy_os_lseek", args)
            }
            "os.ftruncate" => {
                let args: Vec<V> = (0..2).map(|i| arg(self, st, i, T::Signed)).collect();
                self.call_support(st, "rpy_os_ftruncate", args);
                Value::Const(LlConst::Void)
            }
            "os.unlink" | "os.rmdir" => {
                let p = arg(self, st, 0, s);
                let f = if name == "os.unlink" {
                    "rpy_os_unlink"
                } else {
                    "rpy_os_rmdir"
                };
                self.call_support(st, f, vec![p]);
                Value::Const(LlConst::Void)
            }
            "os.path.exists" | "os.path.isfile" | "os.path.isdir" => {
                let p = arg(self, st, 0, s);
                let kind = match name {
                    "os.path.exists" => 0,
                    "os.path.isfile" => 1,
                    _ => 2,
                };
                self.call_support(
                    st,
                    "rpy_os_path_kind",
                    vec![p, Value::Const(LlConst::Signed(kind))],
                )
            }
            "os.isatty" => {
                let fd = arg(self, st, 0, T::Signed);
                self.call_support(st, "rpy_os_isatty", vec![fd])
            }
            "os.getpid" => self.call_support(st, "rpy_os_getpid", vec![]),
            "os.getenv" => {
                let n = arg(self, st, 0, s);
                self.call_support(st, "rpy_os_getenv", vec![n])
            }
            "time.time" | "time.perf_counter" | "time.monotonic" | "time.process_time"
            | "time.clock" => {
                let kind = match name {
                    "time.time" => 0,
                    "time.process_time" | "time.clock" => 2,
                    _ => 1,
                };
                self.call_support(
                    st,
                    "rpy_time_now",
                    vec![Value::Const(LlConst::Signed(kind))],
                )
            }
            "time.sleep" => {
                let x = arg(self, st, 0, T::Float);
                self.call_support(st, "rpy_time_sleep", vec![x]);
                Value::Const(LlConst::Void)
            }
            "sys.stdout.write" | "sys.stderr.write" => {
                let x = arg(self, st, 0, s);
                let fd = if name == "sys.stdout.write" { 1 } else { 2 };
                self.call_support(
                    st,
                    "rpy_sys_write",
                    vec![Value::Const(LlConst::Signed(fd)), x],
                )
            }
            "sys.stdout.flush" | "sys.stderr.flush" => {
                self.call_support(st, "rpy_flush_stdout", vec![]);
                Value::Const(LlConst::Void)
            }
            "sys.stdin.readline" => {
                self.call_support(st, "rpy_stdin_read", vec![Value::Const(LlConst::Signed(1))])
            }
            "sys.stdin.read" => {
                self.call_support(st, "rpy_stdin_read", vec![Value::Const(LlConst::Signed(0))])
            }
            "sys.exit" => {
                let code = if npos > 0 {
                    arg(self, st, 0, T::Signed)
                } else {
                    Value::Const(LlConst::Signed(0))
                };
                self.call_support(st, "rpy_sys_exit", vec![code]);
                Value::Const(LlConst::Void)
            }
            "os.open" => {
                let path = arg(self, st, 0, s);
                let flags = arg(self, st, 1, T::Signed);
                let mode = if npos > 2 {
                    arg(self, st, 2, T::Signed)
                } else {
                    Value::Const(LlConst::Signed(0o777))
                };
                self.call_support(st, "rpy_os_open", vec![path, flags, mode])
            }
            "os.read" => {
                let fd = arg(self, st, 0, T::Signed);
                let n = arg(self, st, 1, T::Signed);
                self.call_support(st, "rpy_os_read", vec![fd, n])
            }
            "os.close" => {
                let fd = arg(self, st, 0, T::Signed);
                self.call_support(st, "rpy_os_close", vec![fd]);
                Value::Const(LlConst::Void)
            }
            "bytes" => match &anns[0] {
                Ann::List(_) => {
                    let il = LlType::Ptr(self.reprs.list_of(T::Signed));
                    let l = arg(self, st, 0, il);
                    self.call_support(st, "rpy_bytes_from_ints", vec![l])
                }
                _ => arg(self, st, 0, self.reprs.bytes_type()),
            },
            "os.write" => {
                let fd = arg(self, st, 0, T::Signed);
                let data = arg(self, st, 1, self.reprs.bytes_type());
                self.call_support(st, "rpy_os_write", vec![fd, data])
            }
            // The bounds of a `range()` loop: typed by the annotator; a variable step is checked.
            "#range" => {
                if !matches!(op.args.get(4), Some(Value::Const(Const::Int(_)))) {
                    let step = arg(self, st, 2, T::Signed);
                    self.call_support(st, "rpy_check_range_step", vec![step]);
                }
                Value::Const(LlConst::Void)
            }
            // Whether a sequence has as many items as the targets it is unpacked into.
            "#unpack" => {
                let n = match op.args.get(3) {
                    Some(Value::Const(Const::Int(n))) => *n,
                    _ => 0,
                };
                let len = match &anns[0] {
                    Ann::Tuple(items) => Value::Const(LlConst::Signed(items.len() as i64)),
                    Ann::Char => Value::Const(LlConst::Signed(1)),
                    Ann::List(_) => {
                        let x = arg(self, st, 0, tys[0]);
                        self.emit(st, LlOp::GetField, vec![x, field("length")], T::Signed)
                    }
                    Ann::Str | Ann::Bytes => {
                        let x = arg(self, st, 0, tys[0]);
                        self.emit(st, LlOp::GetArraySize, vec![x], T::Signed)
                    }
                    _ => return self.unsupported(st, "unpacking this value"),
                };
                match len {
                    Value::Const(LlConst::Signed(k)) => Value::Const(LlConst::Bool(k == n)),
                    len => self.emit(
                        st,
                        LlOp::IntEq,
                        vec![len, Value::Const(LlConst::Signed(n))],
                        T::Bool,
                    ),
                }
            }
            "rlib.hint"
            | "rlib.promote"
            | "rlib.promote_string"
            | "rlib.intmask"
            | "rlib.r_int"
            | "rlib.r_longlong"
            | "rlib.longlongmask"
            | "rlib.widen"
            | "rlib.make_sure_not_resized" => arg(self, st, 0, rt),
            "rlib.we_are_jitted" | "rlib.isconstant" | "rlib.isvirtual" => {
                Value::Const(LlConst::Bool(false))
            }
            "rlib.has_weakref_support" => Value::Const(LlConst::Bool(true)),
            "gc.collect" => {
                let g = if npos > 0 {
                    arg(self, st, 0, T::Signed)
                } else {
                    Value::Const(LlConst::Signed(-1))
                };
                self.call_support(st, "rpy_rgc_collect", vec![g]);
                Value::Const(LlConst::Void)
            }
            "gc.enable" | "gc.disable" => {
                let on = Value::Const(LlConst::Bool(name == "gc.enable"));
                self.call_support(st, "rpy_rgc_set_enabled", vec![on]);
                Value::Const(LlConst::Void)
            }
            "gc.isenabled" => self.call_support(st, "rpy_rgc_isenabled", vec![]),
            "rlib.add_memory_pressure" => {
                let n = arg(self, st, 0, T::Signed);
                self.call_support(st, "rpy_rgc_add_memory_pressure", vec![n]);
                Value::Const(LlConst::Void)
            }
            "rlib.cast_instance_to_gcref" => {
                let x = arg(self, st, 0, tys[0]);
                self.emit(st, LlOp::CastPointer, vec![x], rt)
            }
            "rlib.try_cast_gcref_to_instance" => {
                // The instance types are numbered like the classes, so the class test of an
                // instance is also right for any other GC object: its type id is outside every
                // class's range.
                let x = arg(self, st, 1, tys[1]);
                let cls = match &anns[0] {
                    Ann::Pbc(Const::Obj(id, _)) => self.an.class_of(*id),
                    _ => None,
                }
                .expect("the annotator checked the class");
                let is = self.class_test(st, x.clone(), cls);
                let p = self.emit(st, LlOp::CastPointer, vec![x], rt);
                let null = Value::Const(self.zero(rt));
                self.emit(st, LlOp::Select, vec![is, p, null], rt)
            }
            "rlib.cast_gcref_to_instance" => {
                let x = arg(self, st, 1, tys[1]);
                self.emit(st, LlOp::CastPointer, vec![x], rt)
            }
            "rlib.get_rpy_memory_usage" => {
                let x = arg(self, st, 0, tys[0]);
                self.emit(st, LlOp::GcObjSize, vec![x], T::Signed)
            }
            "rlib.get_rpy_type_index" => {
                let x = arg(self, st, 0, tys[0]);
                self.emit(st, LlOp::GcTypeIndex, vec![x], T::Signed)
            }
            "rlib.can_move" => {
                let x = arg(self, st, 0, tys[0]);
                self.emit(st, LlOp::GcCanMove, vec![x], T::Bool)
            }
            "weakref.ref" | "weakref.ReferenceType" => {
                let x = arg(self, st, 0, tys[0]);
                let w = LlType::Ptr(self.reprs.weakref_type());
                let r = self.emit(st, LlOp::WeakrefCreate, vec![x], w);
                self.convert(st, r, w, rt)
            }
            "rlib.jit_debug"
            | "rlib.assert_green"
            | "rlib.set_param"
            | "rlib.set_user_param"
            | "rlib.record_known_result"
            | "rlib.record_exact_class"
            | "rlib.keepalive_until_here"
            | "rlib.debug_print_traceback" => Value::Const(LlConst::Void),
            "rlib.debug_flush" => {
                self.call_support(st, "rpy_debug_flush", vec![]);
                Value::Const(LlConst::Void)
            }
            "rlib.debug_start"
            | "rlib.debug_stop"
            | "rlib.fatalerror"
            | "rlib.fatalerror_notb"
            | "rlib._debug_write" => {
                let x = arg(self, st, 0, s);
                let cname = match name {
                    "rlib.debug_start" => "rpy_debug_start",
                    "rlib.debug_stop" => "rpy_debug_stop",
                    "rlib._debug_write" => "rpy_debug_write",
                    "rlib.fatalerror" => "rpy_fatalerror",
                    _ => "rpy_fatalerror_notb",
                };
                self.call_support(st, cname, vec![x]);
                Value::Const(LlConst::Void)
            }
            "rlib.have_debug_prints" => self.call_support(st, "rpy_have_debug_prints", vec![]),
            "rlib.have_debug_prints_for" => {
                let x = arg(self, st, 0, s);
                self.call_support(st, "rpy_have_debug_prints_for", vec![x])
            }
            "rlib.debug_offset" => self.call_support(st, "rpy_debug_offset", vec![]),
            "type" => {
                let x = arg(self, st, 0, tys[0]);
                self.emit(st, LlOp::GetField, vec![x, field("typeid")], T::Signed)
            }
            "rlib.float2longlong" => {
                let x = arg(self, st, 0, T::Float);
                self.call_support(st, "rpy_float2longlong", vec![x])
            }
            "rlib.longlong2float" => {
                let x = arg(self, st, 0, T::Signed);
                self.call_support(st, "rpy_longlong2float", vec![x])
            }
            "rlib.formatd" => {
                let x = arg(self, st, 0, T::Float);
                let code = arg(self, st, 1, s);
                let prec = arg(self, st, 2, T::Signed);
                let flags = if anns.len() > 3 {
                    arg(self, st, 3, T::Signed)
                } else {
                    Value::Const(LlConst::Signed(0))
                };
                self.call_support(st, "rpy_formatd", vec![x, code, prec, flags])
            }
            "rlib.compute_hash" => match tys[0] {
                T::Signed | T::Bool => arg(self, st, 0, T::Signed),
                T::Char => {
                    let c = arg(self, st, 0, T::Char);
                    self.emit(st, LlOp::CastCharToInt, vec![c], T::Signed)
                }
                t if t == s => {
                    let x = arg(self, st, 0, s);
                    self.call_support(st, "rpy_str_hash", vec![x])
                }
                t if self.is_tuple_type(t) => {
                    let x = arg(self, st, 0, t);
                    self.emit(st, LlOp::TupleHash, vec![x], T::Signed)
                }
                _ => {
                    let x = arg(self, st, 0, tys[0]);
                    self.emit(st, LlOp::GcIdentityHash, vec![x], T::Signed)
                }
            },
            "rlib.compute_identity_hash"
            | "rlib.compute_unique_id"
            | "rlib.current_object_addr_as_int" => {
                let x = arg(self, st, 0, tys[0]);
                let o = if name == "rlib.compute_identity_hash" {
                    LlOp::GcIdentityHash
                } else {
                    LlOp::GcId
                };
                self.emit(st, o, vec![x], T::Signed)
            }
            "rlib.instantiate" => {
                if let Ann::ClassSet(ids) = &anns[0] {
                    let targets: Vec<_> = ids
                        .iter()
                        .filter_map(|id| self.an.class_of(*id))
                        .map(|c| (c, None))
                        .collect();
                    return self.instantiate_one_of(st, op, &targets, (2, 3), 0, &[]);
                }
                let Ann::Pbc(Const::Obj(id, _)) = &anns[0] else {
                    return self.unsupported(st, "instantiate() of this value");
                };
                let Some(c) = self.an.class_of(*id) else {
                    return self.unsupported(st, "instantiate() of this value");
                };
                let t = LlType::Ptr(self.reprs.inst_type(self.an, c));
                let p = self.new_instance(st, c);
                self.convert(st, p, t, rt)
            }
            "rlib.ll_assert" => {
                let c = self.truth(st, &op.args[2], tys[0], &anns[0]);
                let m = arg(self, st, 1, s);
                self.call_support(st, "rpy_ll_assert", vec![c, m]);
                Value::Const(LlConst::Void)
            }
            n if self.an.builtin_class(n).is_some() => {
                let c = self.an.builtin_class(n).expect("builtin class");
                let tid = self.reprs.inst_type(self.an, c);
                let t = LlType::Ptr(tid);
                if anns.len() == 2 {
                    // OSError(errno, strerror).
                    let e = arg(self, st, 0, T::Signed);
                    let m = arg(self, st, 1, s);
                    let p = self.new_instance(st, c);
                    for (f, v) in [("errno", e), ("strerror", m.clone()), ("__msg__", m)] {
                        self.emit(st, LlOp::SetField, vec![p.clone(), field(f), v], T::Void);
                    }
                    let r = self.convert(st, p, t, rt);
                    return self.finish(st, op.result, r);
                }
                let msg = if anns.is_empty() {
                    None
                } else {
                    Some(arg(self, st, 0, s))
                };
                let p = self.new_instance(st, c);
                if let Some(m) = msg {
                    self.emit(
                        st,
                        LlOp::SetField,
                        vec![p.clone(), field("__msg__"), m],
                        T::Void,
                    );
                }
                self.convert(st, p, t, rt)
            }
            _ => return self.unsupported(st, &format!("the builtin `{name}`")),
        };
        self.finish(st, op.result, res);
    }

    fn print_piece(&mut self, st: &mut G, piece: Option<(V, LlType)>, default: u8) {
        match piece {
            Some((v, LlType::Char)) => {
                self.call_support(st, "rpy_print_char", vec![v]);
            }
            Some((v, _)) => {
                self.call_support(st, "rpy_print_str", vec![v]);
            }
            None => {
                self.call_support(
                    st,
                    "rpy_print_char",
                    vec![Value::Const(LlConst::Char(u32::from(default)))],
                );
            }
        }
    }
}

/// The `StopIteration` exit of a block ending with `next`, if it carries only plain values.
fn stop_link(data: &BlockData<FlowOp, Const>) -> Option<&Link<Const>> {
    data.exits.iter().find(|l| {
        matches!(&l.case, ExitCase::Exception(Const::Builtin(n)) if &**n == "StopIteration")
            && l.args.iter().all(|a| matches!(a, LinkArg::Value(_)))
    })
}

fn field(name: &str) -> V {
    Value::Const(LlConst::Field(name.into()))
}

/// Replaces the results of `same_as` by their argument within each block (variables are local to
/// their block) and removes those operations.
fn propagate_copies(g: &mut LlGraph) {
    for b in g.blocks.keys().collect::<Vec<Block>>() {
        let mut map: HashMap<Var, V> = HashMap::new();
        let data = &mut g.blocks[b];
        let subst = |v: &V, map: &HashMap<Var, V>| match v {
            Value::Var(x) => map.get(x).cloned().unwrap_or(Value::Var(*x)),
            c => c.clone(),
        };
        let mut ops = Vec::new();
        for mut op in std::mem::take(&mut data.ops) {
            op.args = op.args.iter().map(|a| subst(a, &map)).collect();
            if op.op == LlOp::SameAs {
                map.insert(op.result, op.args[0].clone());
            } else {
                ops.push(op);
            }
        }
        // A `same_as` that would have been the last operation of a raising block keeps nothing to
        // raise; the raising operation before it stays last.
        data.ops = ops;
        if let ExitSwitch::Value(v) = &data.exitswitch {
            data.exitswitch = ExitSwitch::Value(subst(v, &map));
        }
        for l in &mut data.exits {
            for a in &mut l.args {
                if let LinkArg::Value(v) = a {
                    *v = subst(v, &map);
                }
            }
        }
    }
}

/// The low-level type of an instance of class `c`.
fn st_type_of_inst(r: &mut Rtyper<'_, '_>, c: rpy_annotator::ClassId) -> LlType {
    LlType::Ptr(r.reprs.inst_type(r.an, c))
}

/// The fields of a static dict object with no entries yet (the program fills it when it starts).
fn empty_fields(fields: &[(String, LlType)]) -> Vec<LlConst> {
    fields
        .iter()
        .map(|(_, t)| match t {
            LlType::Ptr(a) => LlConst::Null(*a),
            _ => LlConst::Signed(0),
        })
        .collect()
}
