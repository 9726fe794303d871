//! The fixpoint engine: graphs, the worklist of blocks, unions with provenance, calls, list
//! definitions, and the annotated text form. The rules for each operation are in `rules.rs`.

use crate::ann::{Ann, ListKey, NoValue};
use ena::unify::InPlaceUnificationTable;
use indexmap::IndexMap;
use rpy_flow::build::const_of;
use rpy_model::flowop::{Const, FlowGraph};
use rpy_model::graph::{LinkArg, Value};
use rpy_model::snapshot::{ObjId, PyObject, PyValue, Snapshot};
use rpy_model::{Block, Diagnostic, Diagnostics, Span, Var};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// Index of an annotated graph.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct GraphId(pub u32);

/// Where graphs come from: the flow stage, on demand.
pub trait GraphSource {
    fn build(&mut self, func: ObjId) -> Option<FlowGraph>;
    fn span_of(&mut self, func: ObjId) -> Option<Span>;
    /// The parameter names of a function.
    fn params(&mut self, func: ObjId) -> Option<Vec<String>>;
}

/// An annotated graph.
pub struct AnnGraph {
    pub func: ObjId,
    pub graph: FlowGraph,
    pub anns: Vec<Ann>,
    pub origins: Vec<Option<Span>>,
    pub reached: Vec<bool>,
    callers: BTreeSet<(GraphId, Block)>,
}

/// A list definition: the item annotation, where it came from, who reads it.
#[derive(Clone, Debug)]
pub struct ListDef {
    pub item: Ann,
    pub origin: Option<Span>,
    readers: BTreeSet<(GraphId, Block)>,
}

/// The annotator's state, and after `run` its results.
pub struct Annotator<'s> {
    pub snapshot: &'s Snapshot,
    pub graphs: Vec<AnnGraph>,
    /// The graph of each function and specialisation key (see `spec_key`).
    pub graph_of: IndexMap<(ObjId, Rc<str>), GraphId>,
    /// The graph each call operation (graph, result variable) calls.
    pub call_targets: HashMap<(GraphId, Var), GraphId>,
    pub diags: Diagnostics,
    lists: InPlaceUnificationTable<ListKey>,
    listdefs: HashMap<ListKey, ListDef>,
    /// The list created by each creation site (graph, result variable) or prebuilt list.
    site_lists: HashMap<(GraphId, Var), ListKey>,
    prebuilt_lists: HashMap<ObjId, ListKey>,
    pending: BTreeSet<(GraphId, Block)>,
    /// Errors already reported, by primary span and message, so a re-flowed block reports once.
    reported: BTreeSet<(Span, String)>,
    /// The block being annotated (or rtyped), the reader of list items looked up now.
    pub current: (GraphId, Block),
}

impl<'s> Annotator<'s> {
    pub fn new(snapshot: &'s Snapshot) -> Self {
        Annotator {
            snapshot,
            graphs: vec![],
            graph_of: IndexMap::new(),
            call_targets: HashMap::new(),
            diags: Diagnostics::default(),
            lists: InPlaceUnificationTable::new(),
            listdefs: HashMap::new(),
            site_lists: HashMap::new(),
            prebuilt_lists: HashMap::new(),
            pending: BTreeSet::new(),
            reported: BTreeSet::new(),
            current: (GraphId(0), Block(0)),
        }
    }

    /// Annotates everything reachable from `entry(argv: list[str])`.
    pub fn run(&mut self, src: &mut dyn GraphSource, entry: ObjId) -> Option<GraphId> {
        let gid = self.graph_for(src, entry, "".into())?;
        let argv = self.new_list(Ann::Str, None);
        let params = self.graphs[gid.0 as usize].graph.params().to_vec();
        if params.len() != 1 {
            let span = self.graphs[gid.0 as usize].graph.span;
            self.error(
                Diagnostic::new(
                    "E0201",
                    "the entry point must take exactly one argument (argv)",
                )
                .at(span, "here"),
            );
            return None;
        }
        self.union_into(gid, params[0], Ann::List(argv), None);
        self.pending
            .insert((gid, self.graphs[gid.0 as usize].graph.startblock));
        while let Some(item) = self.pending.pop_first() {
            self.flow_block(src, item.0, item.1);
        }
        Some(gid)
    }

    pub fn error(&mut self, d: Diagnostic) {
        let key = (
            d.primary.as_ref().map_or(
                Span {
                    file: rpy_model::FileId(0),
                    lo: 0,
                    hi: 0,
                },
                |p| p.0,
            ),
            d.message.clone(),
        );
        if self.reported.insert(key) {
            self.diags.push(d);
        }
    }

    /// The graph of a function, built and registered on first use.
    pub fn graph_for(
        &mut self,
        src: &mut dyn GraphSource,
        func: ObjId,
        spec: Rc<str>,
    ) -> Option<GraphId> {
        if let Some(g) = self.graph_of.get(&(func, spec.clone())) {
            return Some(*g);
        }
        let mut graph = src.build(func)?;
        if !spec.is_empty() {
            // The key names objects by id; the graph's name shows only their names.
            let mut shown = String::new();
            let mut skip = false;
            for c in spec.chars() {
                match c {
                    '#' => skip = true,
                    ',' => {
                        skip = false;
                        shown.push(c);
                    }
                    _ if !skip => shown.push(c),
                    _ => {}
                }
            }
            graph.name = format!("{}[{shown}]", graph.name);
        }
        let gid = GraphId(self.graphs.len() as u32);
        let n = graph.vars.len();
        let nb = graph.blocks.len();
        self.graphs.push(AnnGraph {
            func,
            graph,
            anns: vec![Ann::Bottom; n],
            origins: vec![None; n],
            reached: vec![false; nb],
            callers: BTreeSet::new(),
        });
        self.graph_of.insert((func, spec), gid);
        Some(gid)
    }

    pub fn ann(&mut self, gid: GraphId, v: &Value<Const>) -> Ann {
        match v {
            Value::Var(x) => self.graphs[gid.0 as usize].anns[x.0 as usize].clone(),
            Value::Const(c) => self.const_ann(c),
        }
    }

    fn origin(&self, gid: GraphId, v: &Value<Const>) -> Option<Span> {
        match v {
            Value::Var(x) => self.graphs[gid.0 as usize].origins[x.0 as usize],
            Value::Const(_) => None,
        }
    }

    /// The annotation of a constant.
    pub fn const_ann(&mut self, c: &Const) -> Ann {
        match c {
            Const::None => Ann::None,
            Const::Bool(_) => Ann::Bool,
            Const::Int(_) => Ann::Int,
            Const::Float(_) => Ann::Float,
            Const::Str(s) if s.chars().count() == 1 => Ann::Char,
            Const::Str(_) => Ann::Str,
            Const::Bytes(_) => Ann::Bytes,
            Const::Obj(id, _) => match self.snapshot.obj(*id) {
                PyObject::List(_) => Ann::List(self.prebuilt_list(*id)),
                PyObject::Tuple(items) => {
                    let anns: Vec<Ann> =
                        items.clone().iter().map(|v| self.pyvalue_ann(v)).collect();
                    Ann::Tuple(anns.into())
                }
                _ => Ann::Pbc(c.clone()),
            },
            Const::Builtin(_) | Const::Names(_) => Ann::Pbc(c.clone()),
            Const::Undefined => Ann::Bottom,
        }
    }

    fn pyvalue_ann(&mut self, v: &PyValue) -> Ann {
        match const_of(self.snapshot, v) {
            Ok(c) => self.const_ann(&c),
            Err(_) => Ann::Bottom,
        }
    }

    /// Registers prebuilt lists met as constants (their items are annotated from their contents).
    pub(crate) fn prebuilt_list(&mut self, id: ObjId) -> ListKey {
        if let Some(k) = self.prebuilt_lists.get(&id) {
            return *k;
        }
        let k = self.new_list(Ann::Bottom, None);
        self.prebuilt_lists.insert(id, k);
        if let PyObject::List(items) = self.snapshot.obj(id) {
            for it in items.clone() {
                let a = self.pyvalue_ann(&it);
                self.list_add_item(k, a, None);
            }
        }
        k
    }

    // ---- lists ----

    pub fn new_list(&mut self, item: Ann, origin: Option<Span>) -> ListKey {
        let k = self.lists.new_key(NoValue);
        self.listdefs.insert(
            k,
            ListDef {
                item,
                origin,
                readers: BTreeSet::new(),
            },
        );
        k
    }

    pub fn list_root(&mut self, k: ListKey) -> ListKey {
        self.lists.find(k)
    }

    /// The item annotation of a list (and registers the current block as a reader).
    pub fn list_item(&mut self, k: ListKey) -> Ann {
        let r = self.lists.find(k);
        let cur = self.current;
        let def = self.listdefs.get_mut(&r).expect("listdef");
        def.readers.insert(cur);
        def.item.clone()
    }

    /// The item annotation of a list, after annotation (no reader registered).
    pub fn list_item_final(&mut self, k: ListKey) -> Ann {
        let r = self.lists.find(k);
        self.listdefs[&r].item.clone()
    }

    /// Generalises the item of a list; readers are re-flowed when it changes.
    pub fn list_add_item(&mut self, k: ListKey, a: Ann, origin: Option<Span>) -> bool {
        let r = self.lists.find(k);
        let old = self.listdefs[&r].item.clone();
        match self.union(&old, &a) {
            Ok(new) => {
                if new != old {
                    let def = self.listdefs.get_mut(&self.lists.find(k)).expect("listdef");
                    def.item = new;
                    if def.origin.is_none() {
                        def.origin = origin;
                    }
                    let readers: Vec<_> = def.readers.iter().copied().collect();
                    self.pending.extend(readers);
                    return true;
                }
                false
            }
            Err(()) => {
                let prev = self.listdefs[&r].origin;
                let mut d = Diagnostic::new(
                    "E0202",
                    format!(
                        "a list cannot hold both `{}` and `{}`",
                        self.display(&old),
                        self.display(&a)
                    ),
                );
                if let Some(o) = origin {
                    d = d.at(o, format!("this puts a `{}` in the list", self.display(&a)));
                }
                if let Some(p) = prev {
                    d = d.also(
                        p,
                        format!("the items are `{}` because of this", self.display(&old)),
                    );
                }
                d = d.note("RPython lists are homogeneous: all items have one type");
                self.error(d);
                false
            }
        }
    }

    fn merge_lists(&mut self, a: ListKey, b: ListKey) -> Result<ListKey, ()> {
        let (ra, rb) = (self.lists.find(a), self.lists.find(b));
        if ra == rb {
            return Ok(ra);
        }
        let da = self.listdefs.remove(&ra).expect("listdef");
        let db = self.listdefs.remove(&rb).expect("listdef");
        let item = self.union(&da.item, &db.item);
        self.lists.union(ra, rb);
        let root = self.lists.find(ra);
        let changed_a = item.as_ref().map_or(false, |i| *i != da.item);
        let changed_b = item.as_ref().map_or(false, |i| *i != db.item);
        let mut readers = da.readers;
        readers.extend(db.readers);
        if changed_a || changed_b {
            self.pending.extend(readers.iter().copied());
        }
        let ok = item.is_ok();
        self.listdefs.insert(
            root,
            ListDef {
                item: item.unwrap_or(da.item),
                origin: da.origin.or(db.origin),
                readers,
            },
        );
        if ok {
            Ok(root)
        } else {
            Err(())
        }
    }

    // ---- unions ----

    /// The least annotation above both, or `Err` when they cannot meet.
    pub fn union(&mut self, a: &Ann, b: &Ann) -> Result<Ann, ()> {
        use Ann::*;
        Ok(match (a, b) {
            (Bottom, x) | (x, Bottom) => x.clone(),
            (x, y) if x == y => x.clone(),
            (Bool, Int) | (Int, Bool) => Int,
            (Bool | Int | Float, Bool | Int | Float) => Float,
            (Char, Str) | (Str, Char) => Str,
            (List(x), List(y)) => List(self.merge_lists(*x, *y)?),
            (Tuple(x), Tuple(y)) if x.len() == y.len() => {
                let items = x
                    .iter()
                    .zip(y.iter())
                    .map(|(p, q)| self.union(p, q))
                    .collect::<Result<Vec<_>, _>>()?;
                Tuple(items.into())
            }
            (Iter(x), Iter(y)) => Iter(Rc::new(self.union(x, y)?)),
            _ => return Err(()),
        })
    }

    /// Generalises the annotation of a variable; returns whether it changed.
    pub fn union_into(&mut self, gid: GraphId, v: Var, a: Ann, origin: Option<Span>) -> bool {
        let old = self.graphs[gid.0 as usize].anns[v.0 as usize].clone();
        match self.union(&old, &a) {
            Ok(new) => {
                let g = &mut self.graphs[gid.0 as usize];
                if g.origins[v.0 as usize].is_none() && !new.is_bottom() {
                    g.origins[v.0 as usize] = origin;
                }
                if new != old {
                    g.anns[v.0 as usize] = new;
                    return true;
                }
                false
            }
            Err(()) => {
                let g = &self.graphs[gid.0 as usize];
                let prev = g.origins[v.0 as usize];
                let name = g.graph.vars[v].hint.clone();
                let what = if name.is_empty()
                    || name.starts_with(|c: char| !c.is_alphabetic())
                    || name == "result"
                {
                    if name == "result" {
                        "the return value".to_string()
                    } else {
                        "a value".to_string()
                    }
                } else {
                    format!("`{name}`")
                };
                let mut d = Diagnostic::new(
                    "E0200",
                    format!(
                        "{what} cannot be both `{}` and `{}`",
                        self.display(&old),
                        self.display(&a)
                    ),
                );
                match (origin, prev) {
                    (Some(o), Some(p)) if o != p => {
                        d = d
                            .at(o, format!("this is `{}`", self.display(&a)))
                            .also(p, format!("this is `{}`", self.display(&old)));
                    }
                    (Some(o), None) | (None, Some(o)) => d = d.at(o, "here"),
                    _ => {}
                }
                d = d.note("RPython gives every variable a single type; convert explicitly or use separate variables");
                self.error(d);
                false
            }
        }
    }

    /// A readable form of an annotation: `int`, `list[str]`, `tuple[int, float]`.
    pub fn display(&mut self, a: &Ann) -> String {
        match a {
            Ann::Bottom => "impossible".into(),
            Ann::None => "None".into(),
            Ann::Bool => "bool".into(),
            Ann::Int => "int".into(),
            Ann::Float => "float".into(),
            Ann::Char => "char".into(),
            Ann::Str => "str".into(),
            Ann::Bytes => "bytes".into(),
            Ann::List(k) => {
                let item = self.list_item_final(*k);
                format!("list[{}]", self.display(&item))
            }
            Ann::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|i| self.display(i)).collect();
                format!("tuple[{}]", parts.join(", "))
            }
            Ann::Pbc(c) => match c {
                Const::Obj(_, name) => name.to_string(),
                Const::Builtin(n) => format!("builtin {n}"),
                _ => "constant".into(),
            },
            Ann::Iter(i) => format!("iterator[{}]", self.display(i)),
            Ann::Exc(n) => format!("{n} instance"),
        }
    }

    // ---- the fixpoint ----

    fn flow_block(&mut self, src: &mut dyn GraphSource, gid: GraphId, b: Block) {
        self.current = (gid, b);
        self.graphs[gid.0 as usize].reached[b.0 as usize] = true;
        let block = self.graphs[gid.0 as usize].graph.blocks[b].clone();
        for op in &block.ops {
            let res = self.op_result(src, gid, op);
            self.union_into(gid, op.result, res, Some(op.span));
        }
        // Every exit is followed, even where the switch's value is known.
        for link in &block.exits {
            let target_inputs = self.graphs[gid.0 as usize].graph.blocks[link.target]
                .inputargs
                .clone();
            let mut changed = false;
            for (ti, a) in target_inputs.iter().zip(&link.args) {
                let (ann, origin) = match a {
                    LinkArg::Value(v) => (self.ann(gid, v), self.origin(gid, v).or(link.span)),
                    LinkArg::LastException => match &link.case {
                        rpy_model::ExitCase::Exception(c) => (Ann::Pbc(c.clone()), link.span),
                        _ => (Ann::Bottom, None),
                    },
                    LinkArg::LastExcValue => match &link.case {
                        rpy_model::ExitCase::Exception(Const::Builtin(n)) => {
                            (Ann::Exc(n.clone()), link.span)
                        }
                        _ => (Ann::Bottom, None),
                    },
                };
                let origin = origin.or(block.ops.last().map(|o| o.span));
                changed |= self.union_into(gid, *ti, ann, origin);
            }
            let g = &self.graphs[gid.0 as usize];
            if link.target == g.graph.returnblock {
                if changed {
                    let callers: Vec<_> = g.callers.iter().copied().collect();
                    self.pending.extend(callers);
                }
            } else if changed || !g.reached[link.target.0 as usize] {
                self.pending.insert((gid, link.target));
            }
        }
    }

    /// Connects a call site to a callee graph: arguments into its parameters, its return
    /// annotation out.
    pub(crate) fn call_graph(
        &mut self,
        src: &mut dyn GraphSource,
        func: ObjId,
        args: &[(Ann, Option<Span>)],
        call_span: Span,
    ) -> Option<(Ann, GraphId)> {
        let anns: Vec<Ann> = args.iter().map(|a| a.0.clone()).collect();
        let key = spec_key(&anns);
        let callee = self.graph_for(src, func, key)?;
        let cur = self.current;
        self.graphs[callee.0 as usize].callers.insert(cur);
        let params = self.graphs[callee.0 as usize].graph.params().to_vec();
        let start = self.graphs[callee.0 as usize].graph.startblock;
        let mut changed = !self.graphs[callee.0 as usize].reached[start.0 as usize];
        for (p, (a, o)) in params.iter().zip(args) {
            changed |= self.union_into(callee, *p, a.clone(), o.or(Some(call_span)));
        }
        if changed {
            self.pending.insert((callee, start));
        }
        let ret = self.graphs[callee.0 as usize].graph.returnblock;
        let rv = self.graphs[callee.0 as usize].graph.blocks[ret].inputargs[0];
        Some((
            self.graphs[callee.0 as usize].anns[rv.0 as usize].clone(),
            callee,
        ))
    }

    pub(crate) fn site_list(&mut self, gid: GraphId, v: Var, origin: Option<Span>) -> ListKey {
        if let Some(k) = self.site_lists.get(&(gid, v)) {
            return *k;
        }
        let k = self.new_list(Ann::Bottom, origin);
        self.site_lists.insert((gid, v), k);
        k
    }

    /// The annotated text form of a graph.
    pub fn graph_text(&mut self, gid: GraphId) -> String {
        let anns = self.graphs[gid.0 as usize].anns.clone();
        let shown: Vec<String> = anns.iter().map(|a| self.display(a)).collect();
        self.graphs[gid.0 as usize]
            .graph
            .to_text(&|v| Some(shown[v.0 as usize].clone()))
    }
}

/// The specialisation key of a call: functions are specialised on the prebuilt constants
/// (functions, builtins) passed to them, so that a function given different functions as
/// arguments calls each directly. The key names the constant of each such parameter.
pub fn spec_key(param_anns: &[Ann]) -> Rc<str> {
    let mut parts = Vec::new();
    for (i, a) in param_anns.iter().enumerate() {
        match a {
            Ann::Pbc(Const::Obj(id, name)) => parts.push(format!(
                "{i}={}#{}",
                name.trim_start_matches("function "),
                id.0
            )),
            Ann::Pbc(Const::Builtin(n)) => parts.push(format!("{i}={n}")),
            _ => {}
        }
    }
    parts.join(",").into()
}
