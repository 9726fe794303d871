//! The fixpoint engine: graphs, the worklist of blocks, unions with provenance, calls, list
//! definitions, and the annotated text form. The rules for each operation are in `rules.rs`.
//!
//! Every variable keeps the span where its annotation came from, so a failed union names both
//! types and points at both origins. After an error the variable is poisoned (it reads as
//! impossible), so that its uses report nothing more; a block whose switch is impossible does not
//! follow its exits. Messages show annotations as the program's author knows them (`show`: a
//! one-character string is a `str`), while dumps keep the lattice's names (`display`).

use crate::ann::{Ann, ListKey, NoValue};
use ena::unify::InPlaceUnificationTable;
use indexmap::IndexMap;
use rpy_flow::build::const_of;
use rpy_model::flowop::{Const, FlowGraph, FlowOp};
use rpy_model::graph::{LinkArg, Value};
use rpy_model::snapshot::{ObjId, PyObject, PyValue, Snapshot};
use rpy_model::{Block, Diagnostic, Diagnostics, Span, Var};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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

/// A class of a class set with the graph of its `__init__`, if it has one.
pub type ClassInit = (crate::classdef::ClassId, Option<GraphId>);

/// The annotator's state, and after `run` its results.
pub struct Annotator<'s> {
    pub snapshot: &'s Snapshot,
    pub graphs: Vec<AnnGraph>,
    /// The graph of each function and specialisation key (see `spec_key`).
    pub graph_of: IndexMap<(ObjId, Rc<str>), GraphId>,
    /// The graph each call operation (graph, result variable) calls.
    pub call_targets: HashMap<(GraphId, Var), GraphId>,
    /// The constant arguments of the call being connected (their text), for
    /// `specialize.arg`; set by `call_function_ex` around `call_graph`.
    pub(crate) call_consts: Vec<Option<String>>,
    /// The constant arguments of the call being connected (integers and booleans, including
    /// defaults and variables known constant), for [`Annotator::const_of_var`]; set by
    /// `call_function_ex` around `call_graph`.
    pub(crate) call_values: Vec<Option<Const>>,
    /// Block input variables (parameters included) that every path into them gives the same
    /// integer or boolean constant (`Some`), or not (`None`): a parameter that every call passes
    /// the same constant, a variable a loop carries unchanged. A switch on it follows one exit,
    /// as RPython's annotator does with a constant `SomeInteger`/`SomeBool`, so code under
    /// `if debug:` is not annotated when every caller passes `debug=False`.
    var_consts: HashMap<(GraphId, Var), Option<Const>>,
    /// Blocks whose boolean switch the annotations decide, with the value: only that exit is
    /// followed (and kept by the rtyper).
    pub known_switches: HashMap<(GraphId, Block), bool>,
    /// Operations implemented by a function of the prelude (see `prelude.rs`): the graph called.
    pub prelude_targets: HashMap<(GraphId, Var), GraphId>,
    /// For each graph of a prelude function, the operation of the program it implements (the
    /// first one that called it): errors inside the prelude are reported there.
    pub prelude_sites: HashMap<GraphId, Span>,
    /// Conversions to `str` the rtyper inserts: for `print` (key: the operation's result and the
    /// argument's index) and for `str()`/`repr()` of a tuple (index 0).
    pub str_convs: HashMap<(GraphId, Var, usize), crate::prelude::StrConv>,
    pub diags: Diagnostics,
    lists: InPlaceUnificationTable<ListKey>,
    listdefs: HashMap<ListKey, ListDef>,
    /// The list created by each creation site (graph, result variable) or prebuilt list.
    site_lists: HashMap<(GraphId, Var), ListKey>,
    prebuilt_lists: HashMap<ObjId, ListKey>,
    prebuilt_dicts: HashMap<ObjId, crate::ann::DictKey>,
    pub(crate) pending: BTreeSet<(GraphId, Block)>,
    /// Blocks that read a class-level constant through an instance (`self.name` with only
    /// `name = None` in the class so far), by attribute name: re-flowed when an instance
    /// attribute of that name appears.
    pub(crate) class_const_readers: BTreeMap<String, BTreeSet<(GraphId, Block)>>,
    /// Errors already reported, by primary span and message, so a re-flowed block reports once.
    reported: BTreeSet<(Span, String)>,
    /// The block being annotated (or rtyped), the reader of list items looked up now.
    pub current: (GraphId, Block),
    /// The span of the operation or link being annotated: where prebuilt constants are met and
    /// where two lists meet.
    pub(crate) cur_span: Option<Span>,
    /// Set while the items of a prebuilt list are added (for messages).
    filling_prebuilt: bool,
    /// Variables whose union failed: an error was reported, and they now read as impossible so
    /// that their uses report nothing more.
    poisoned: HashSet<(GraphId, Var)>,
    /// Every class of the program, in preorder.
    pub classes: Vec<crate::classdef::ClassDef>,
    pub(crate) class_index: HashMap<ObjId, crate::classdef::ClassId>,
    pub(crate) seen_instances: HashSet<ObjId>,
    /// The functions a call through a function set may call: each function and its graph.
    pub funcset_targets: HashMap<(GraphId, Var), Vec<(ObjId, GraphId)>>,
    /// Instantiations of a class set: each class with the graph of its `__init__`, if any.
    pub classset_targets: HashMap<(GraphId, Var), Vec<ClassInit>>,
    /// Method calls `obj.attr(...)` where the attribute holds a bound method: its class and
    /// method name.
    pub bound_attr_calls: HashMap<(GraphId, Var), (crate::classdef::ClassId, Rc<str>)>,
    /// Calls of a classmethod on a class: the class is passed as the first argument.
    pub classmethod_calls: HashSet<(GraphId, Var)>,
    /// `r_dict`s whose key type changed: their functions are annotated again.
    rdict_pending: Vec<crate::ann::DictKey>,
    /// The graphs of each `r_dict`'s key equality and hash functions, by the dict's root.
    pub rdict_graphs: HashMap<u32, (GraphId, GraphId)>,
    /// The implementations each method call (graph, result variable) may call: the defining
    /// class and the graph of each.
    pub method_targets: HashMap<(GraphId, Var), Vec<(crate::classdef::ClassId, GraphId)>>,
    /// Method calls `obj.attr()` where the attribute holds a weak reference.
    pub weakref_attr_calls: HashSet<(GraphId, Var)>,
    /// The graph of the `__del__` of each class instantiated that has one.
    pub destructors: IndexMap<crate::classdef::ClassId, GraphId>,
    /// The finalizer queues used, by their prebuilt instance.
    pub finalizer_queues: IndexMap<ObjId, crate::finalizer::FinalizerQueue>,
    /// Dict definitions, merged by a union-find over `dict_parent`.
    pub(crate) dicts: Vec<DictDef>,
    dict_parent: Vec<u32>,
    site_dicts: HashMap<(GraphId, Var), crate::ann::DictKey>,
}

/// The key and value annotations shared by some dicts, and the blocks that read them.
#[derive(Clone, Debug)]
pub struct DictDef {
    pub key: Ann,
    pub value: Ann,
    readers: BTreeSet<(GraphId, Block)>,
    /// For an `r_dict`: its key equality and hash functions, and where it was made.
    pub custom: Option<(ObjId, ObjId, Span)>,
}

impl<'s> Annotator<'s> {
    pub fn new(snapshot: &'s Snapshot) -> Self {
        let classes = crate::classdef::build_classes(snapshot);
        let class_index = classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.obj, crate::classdef::ClassId(i as u32)))
            .collect();
        Annotator {
            classes,
            class_index,
            seen_instances: HashSet::new(),
            method_targets: HashMap::new(),
            funcset_targets: HashMap::new(),
            classset_targets: HashMap::new(),
            bound_attr_calls: HashMap::new(),
            classmethod_calls: HashSet::new(),
            rdict_pending: Vec::new(),
            rdict_graphs: HashMap::new(),
            dicts: Vec::new(),
            dict_parent: Vec::new(),
            site_dicts: HashMap::new(),
            snapshot,
            graphs: vec![],
            graph_of: IndexMap::new(),
            call_targets: HashMap::new(),
            call_consts: Vec::new(),
            call_values: Vec::new(),
            var_consts: HashMap::new(),
            known_switches: HashMap::new(),
            prelude_targets: HashMap::new(),
            prelude_sites: HashMap::new(),
            str_convs: HashMap::new(),
            diags: Diagnostics::default(),
            lists: InPlaceUnificationTable::new(),
            listdefs: HashMap::new(),
            site_lists: HashMap::new(),
            prebuilt_lists: HashMap::new(),
            prebuilt_dicts: HashMap::new(),
            destructors: IndexMap::new(),
            weakref_attr_calls: HashSet::new(),
            finalizer_queues: IndexMap::new(),
            pending: BTreeSet::new(),
            class_const_readers: BTreeMap::new(),
            reported: BTreeSet::new(),
            current: (GraphId(0), Block(0)),
            cur_span: None,
            filling_prebuilt: false,
            poisoned: HashSet::new(),
        }
    }

    /// Annotates everything reachable from `entry(argv: list[str])`.
    pub fn run(&mut self, src: &mut dyn GraphSource, entry: ObjId) -> Option<GraphId> {
        if let PyObject::Function(f) = self.snapshot.obj(entry) {
            if f.attrs.contains_key("_not_rpython_") {
                let d = Diagnostic::new(
                    "E0210",
                    format!("the entry point `{}` is marked `@not_rpython`", f.qualname),
                );
                let d = match src.span_of(entry) {
                    Some(s) => d.at(s, "the entry point"),
                    None => d,
                };
                self.error(d);
                return None;
            }
        }
        let gid = self.graph_for(src, entry, "".into())?;
        let argv = self.new_list(Ann::Str, None);
        let params = self.graphs[gid.0 as usize].graph.params().to_vec();
        if params.len() != 1 {
            let span = self.graphs[gid.0 as usize].graph.span;
            let n = params.len();
            self.error(
                Diagnostic::new(
                    "E0201",
                    "the entry point must take exactly one argument (argv)",
                )
                .at(
                    span,
                    format!(
                        "this function takes {n} argument{}",
                        if n == 1 { "" } else { "s" }
                    ),
                )
                .note("the entry point is called with the list of the command-line arguments"),
            );
            return None;
        }
        self.union_into(gid, params[0], Ann::List(argv), None);
        self.meet_const(gid, params[0], None);
        self.pending
            .insert((gid, self.graphs[gid.0 as usize].graph.startblock));
        loop {
            while let Some(item) = self.pending.pop_first() {
                self.flow_block(src, item.0, item.1);
            }
            if self.rdict_pending.is_empty() {
                break;
            }
            self.annotate_rdict_functions(src);
        }
        self.check_rdict_results();
        self.check_attrs_written();
        self.check_entry_result(gid);
        Some(gid)
    }

    /// The entry point's result is the exit status: an `int` (or a bool, or `None` for 0).
    fn check_entry_result(&mut self, gid: GraphId) {
        let g = &self.graphs[gid.0 as usize];
        let rv = g.graph.blocks[g.graph.returnblock].inputargs[0];
        let (ann, origin) = (g.anns[rv.0 as usize].clone(), g.origins[rv.0 as usize]);
        let fspan = g.graph.span;
        if matches!(ann, Ann::Int | Ann::Bool | Ann::None | Ann::Bottom)
            || self.poisoned.contains(&(gid, rv))
        {
            return;
        }
        let shown = self.show(&ann);
        let mut d = Diagnostic::new(
            "E0203",
            format!("the entry point must return an `int`, not `{shown}`"),
        );
        d = match origin {
            Some(o) => d.at(o, format!("this is `{shown}`")),
            None => d.at(fspan, "this function"),
        };
        self.error(d.note("the entry point's result is the exit status of the program"));
    }

    pub fn error(&mut self, d: Diagnostic) {
        let d = self.relocate_prelude_error(d);
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
            Value::Var(x) if !self.poisoned.is_empty() && self.poisoned.contains(&(gid, *x)) => {
                Ann::Bottom
            }
            Value::Var(x) => self.graphs[gid.0 as usize].anns[x.0 as usize].clone(),
            Value::Const(c) => self.const_ann(c),
        }
    }

    pub(crate) fn origin(&self, gid: GraphId, v: &Value<Const>) -> Option<Span> {
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
                PyObject::Dict(_) | PyObject::Set(_) => Ann::Dict(self.prebuilt_dict(*id)),
                PyObject::Tuple(items) => {
                    let anns: Vec<Ann> =
                        items.clone().iter().map(|v| self.pyvalue_ann(v)).collect();
                    Ann::Tuple(anns.into())
                }
                // Objects of the `rpython` library (a JitDriver, ...) are constants.
                PyObject::Instance { .. } if self.is_rlib_instance(*id) => Ann::Pbc(c.clone()),
                PyObject::WeakRef(referent) => self.prebuilt_weakref(referent.clone()),
                PyObject::Instance { .. } if self.prebuilt_weakdict_kind(*id).is_some() => {
                    self.prebuilt_weakdict(*id)
                }
                PyObject::Instance { .. } => match self.prebuilt_instance(*id) {
                    Some(cls) => Ann::Inst(cls, false),
                    None => Ann::Pbc(c.clone()),
                },
                _ => Ann::Pbc(c.clone()),
            },
            Const::Builtin(_) | Const::Names(_) => Ann::Pbc(c.clone()),
            Const::Undefined => Ann::Bottom,
        }
    }

    /// A weak reference made at import time: to a prebuilt instance (which never dies), or
    /// dead already.
    fn prebuilt_weakref(&mut self, referent: Option<PyValue>) -> Ann {
        let Some(v) = referent else {
            return Ann::WeakRef(None, false);
        };
        match self.pyvalue_ann(&v) {
            Ann::Inst(c, _) => Ann::WeakRef(Some(c), false),
            other => {
                let shown = self.show(&other);
                if let Some(span) = self.cur_span {
                    self.error(
                        Diagnostic::new(
                            "E0107",
                            format!(
                                "a weakref made at import time refers to `{shown}`, not to an instance of a class"
                            ),
                        )
                        .at(span, "the prebuilt weakref used here"),
                    );
                }
                Ann::Bottom
            }
        }
    }

    /// Whether a prebuilt instance is one the translator gives a meaning of its own and keeps as
    /// a constant: a `JitDriver` (or an instance of a subclass of it), an `unrolling_iterable`,
    /// a `JitHookInterface`. Other library classes (`rrandom.Random`, ...) are translated code,
    /// and their prebuilt instances ordinary instances.
    pub fn is_rlib_instance(&self, id: ObjId) -> bool {
        let PyObject::Instance {
            class: PyValue::Ref(c),
            ..
        } = self.snapshot.obj(id)
        else {
            return false;
        };
        let mut todo = vec![*c];
        let mut seen = 0;
        while let Some(k) = todo.pop() {
            seen += 1;
            if seen > 64 {
                break;
            }
            if let PyObject::Class { module, bases, .. } = self.snapshot.obj(k) {
                if module == "rpython.rlib.jit" || module == "rpython.rlib.unroll" {
                    return true;
                }
                todo.extend(bases.iter().filter_map(|b| match b {
                    PyValue::Ref(r) => Some(*r),
                    _ => None,
                }));
            }
        }
        false
    }

    pub(crate) fn pyvalue_ann_pub(&mut self, v: &PyValue) -> Ann {
        self.pyvalue_ann(v)
    }

    fn pyvalue_ann(&mut self, v: &PyValue) -> Ann {
        match const_of(self.snapshot, v) {
            Ok(c) => self.const_ann(&c),
            Err(msg) => {
                if let Some(span) = self.cur_span {
                    self.error(
                        Diagnostic::new("E0107", msg).at(span, "in the prebuilt object used here"),
                    );
                }
                Ann::Bottom
            }
        }
    }

    /// A new dict definition with nothing known of its keys and values.
    fn new_dict(&mut self) -> crate::ann::DictKey {
        let k = crate::ann::DictKey(self.dicts.len() as u32);
        self.dicts.push(DictDef {
            key: Ann::Bottom,
            value: Ann::Bottom,
            readers: BTreeSet::new(),
            custom: None,
        });
        self.dict_parent.push(k.0);
        k
    }

    /// A dict (or set: a dict whose values are None) built at import time: its items give its
    /// key and value annotations.
    pub(crate) fn prebuilt_dict(&mut self, id: ObjId) -> crate::ann::DictKey {
        if let Some(k) = self.prebuilt_dicts.get(&id) {
            return *k;
        }
        let k = self.new_dict();
        self.prebuilt_dicts.insert(id, k);
        let pairs: Vec<(PyValue, PyValue)> = match self.snapshot.obj(id) {
            PyObject::Dict(items) => items.clone(),
            PyObject::Set(items) => items.iter().map(|x| (x.clone(), PyValue::None)).collect(),
            _ => vec![],
        };
        self.filling_prebuilt = true;
        for (key, value) in pairs {
            let (ka, va) = (self.pyvalue_ann(&key), self.pyvalue_ann(&value));
            if self.dict_add(k, &ka, &va).is_err() {
                if let Some(span) = self.cur_span {
                    self.error(
                        Diagnostic::new(
                            "E0204",
                            "a prebuilt dict holds keys or values of different types",
                        )
                        .at(span, "the prebuilt dict used here")
                        .note("RPython dicts have one key type and one value type"),
                    );
                }
                break;
            }
        }
        self.filling_prebuilt = false;
        k
    }

    pub(crate) fn prebuilt_list(&mut self, id: ObjId) -> ListKey {
        if let Some(k) = self.prebuilt_lists.get(&id) {
            return *k;
        }
        // The prebuilt list is first met here: its items are said to come from here.
        let origin = self.cur_span;
        let k = self.new_list(Ann::Bottom, origin);
        self.prebuilt_lists.insert(id, k);
        if let PyObject::List(items) = self.snapshot.obj(id) {
            self.filling_prebuilt = true;
            for it in items.clone() {
                let a = self.pyvalue_ann(&it);
                if matches!(a, Ann::Bottom) {
                    continue;
                }
                self.list_add_item(k, a, origin);
            }
            self.filling_prebuilt = false;
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

    /// The classes of a class constant or class set, if it is one (program classes only).
    pub fn class_set_ids(&self, a: &Ann) -> Option<Vec<ObjId>> {
        match a {
            Ann::ClassSet(ids) => Some(ids.to_vec()),
            Ann::Pbc(Const::Obj(id, _)) if self.class_of(*id).is_some() => Some(vec![*id]),
            _ => None,
        }
    }

    /// Generalises the item of a list; readers are re-flowed when it changes.
    pub fn list_add_item(&mut self, k: ListKey, a: Ann, origin: Option<Span>) -> bool {
        let a = match a {
            Ann::Pbc(Const::Obj(id, _))
                if matches!(self.snapshot.obj(id), PyObject::Function(_)) =>
            {
                Ann::FuncSet(Rc::from(vec![id]))
            }
            Ann::Pbc(Const::Obj(id, _)) if self.class_of(id).is_some() => {
                Ann::ClassSet(Rc::from(vec![id]))
            }
            other => other,
        };
        if matches!(a, Ann::Pbc(_) | Ann::Iter(_)) {
            let shown = self.show(&a);
            if let Some(o) = origin.or(self.cur_span) {
                self.error(
                    Diagnostic::new(
                        "E0210",
                        format!("not RPython (yet): a list of `{shown}` items"),
                    )
                    .at(o, format!("this puts a `{shown}` in a list")),
                );
            }
            return false;
        }
        let r = self.lists.find(k);
        if self.mentions_list(&a, r, 0) {
            if let Some(o) = origin.or(self.cur_span) {
                let label = if self.filling_prebuilt {
                    "this prebuilt list contains itself"
                } else {
                    "this puts a list into itself"
                };
                self.error(
                    Diagnostic::new("E0210", "not RPython (yet): a list that contains itself")
                        .at(o, label),
                );
            }
            return false;
        }
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
                let (shown_old, shown_new) = (self.show(&old), self.show(&a));
                let mut d = Diagnostic::new(
                    "E0202",
                    format!("a list cannot hold both `{shown_old}` and `{shown_new}`"),
                );
                match (origin, prev) {
                    (Some(o), Some(p)) if o != p => {
                        d = d
                            .at(o, format!("this puts a `{shown_new}` in the list"))
                            .also(p, format!("the items are `{shown_old}` because of this"));
                    }
                    (Some(o), _) | (None, Some(o)) => {
                        let label = if self.filling_prebuilt {
                            format!("this prebuilt list has `{shown_old}` and `{shown_new}` items")
                        } else {
                            format!("this puts a `{shown_new}` in a list of `{shown_old}`")
                        };
                        d = d.at(o, label);
                    }
                    (None, None) => {}
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
        let mut item = self.union(&da.item, &db.item);
        let cyclic = match &item {
            Ok(i) => self.mentions_list(i, ra, 0) || self.mentions_list(i, rb, 0),
            Err(()) => false,
        };
        if cyclic {
            if let Some(s) = self.cur_span {
                self.error(
                    Diagnostic::new("E0210", "not RPython (yet): a list that contains itself")
                        .at(s, "this makes a list contain itself"),
                );
            }
            item = Ok(da.item.clone());
        } else if item.is_err() {
            // Two lists whose items differ meet (in a variable, or as items of one list): the
            // error is about their items. The lists are merged anyway, keeping the first
            // item type, so that no other error follows from this one.
            let (sa, sb) = (self.show(&da.item), self.show(&db.item));
            let mut d = Diagnostic::new(
                "E0202",
                format!("a list cannot hold both `{sa}` and `{sb}`"),
            );
            if let Some(s) = self.cur_span {
                d = d.at(s, "two lists with different items are used as one here");
            }
            for (o, shown) in [(db.origin, &sb), (da.origin, &sa)] {
                if let Some(o) = o {
                    if Some(o) != self.cur_span {
                        d = d.also(o, format!("this list has `{shown}` items"));
                    }
                }
            }
            d = d.note("RPython lists are homogeneous: lists that meet share one item type");
            self.error(d);
            item = Ok(da.item.clone());
        }
        self.lists.union(ra, rb);
        let root = self.lists.find(ra);
        let changed_a = item.as_ref().is_ok_and(|i| *i != da.item);
        let changed_b = item.as_ref().is_ok_and(|i| *i != db.item);
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

    /// The least annotation above both, or `Err` when they cannot meet (the caller reports it,
    /// knowing where the values came from).
    #[allow(clippy::result_unit_err)]
    pub fn union(&mut self, a: &Ann, b: &Ann) -> Result<Ann, ()> {
        use Ann::*;
        Ok(match (a, b) {
            (Bottom, x) | (x, Bottom) => x.clone(),
            (x, y) if x == y => x.clone(),
            (Bool, Int) | (Int, Bool) => Int,
            (Bool | Int | UInt, Bool | Int | UInt) => UInt,
            (Bool | Int | UInt | Fixed(_), Bool | Int | UInt | Fixed(_)) => {
                Ann::int_result(a, b).ok_or(())?
            }
            (Bool | Int | UInt | Fixed(_) | Float, Bool | Int | UInt | Fixed(_) | Float) => Float,
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
            (Inst(x, n), Inst(y, m)) => Inst(self.common_base(*x, *y).ok_or(())?, *n || *m),
            (BoundMethod(x, n), BoundMethod(y, m)) if n == m => {
                BoundMethod(self.common_base(*x, *y).ok_or(())?, n.clone())
            }
            (Inst(x, _), None) | (None, Inst(x, _)) => Inst(*x, true),
            (WeakRef(Some(x), n), WeakRef(Some(y), m)) => {
                WeakRef(Some(self.common_base(*x, *y).ok_or(())?), *n || *m)
            }
            (WeakRef(x, n), WeakRef(y, m)) => WeakRef(x.or(*y), *n || *m),
            (WeakRef(x, _), None) | (None, WeakRef(x, _)) => WeakRef(*x, true),
            (GcRef(n), GcRef(m)) => GcRef(*n || *m),
            (GcRef(_), None) | (None, GcRef(_)) => GcRef(true),
            (WeakDict(x, n), WeakDict(y, m)) if x == y => WeakDict(x.clone(), *n || *m),
            (WeakDict(x, _), None) | (None, WeakDict(x, _)) => WeakDict(x.clone(), true),
            (Dict(x), Dict(y)) => Dict(self.merge_dicts(*x, *y)?),
            // None is a null function.
            (FuncSet(s), None) | (None, FuncSet(s)) => FuncSet(s.clone()),
            (Pbc(Const::Obj(id, _)), None) | (None, Pbc(Const::Obj(id, _)))
                if matches!(self.snapshot.obj(*id), PyObject::Function(_)) =>
            {
                FuncSet(Rc::from(vec![*id]))
            }
            (Pbc(Const::Obj(..)) | ClassSet(_), Pbc(Const::Obj(..)) | ClassSet(_))
                if [a, b].iter().all(|x| self.class_set_ids(x).is_some()) =>
            {
                let mut ids: Vec<ObjId> = Vec::new();
                for x in [a, b] {
                    ids.extend(self.class_set_ids(x).unwrap_or_default());
                }
                ids.sort();
                ids.dedup();
                ClassSet(ids.into())
            }
            (Pbc(Const::Obj(..)) | FuncSet(_), Pbc(Const::Obj(..)) | FuncSet(_)) => {
                let mut ids = Vec::new();
                for x in [a, b] {
                    match x {
                        Pbc(Const::Obj(id, _))
                            if matches!(self.snapshot.obj(*id), PyObject::Function(_)) =>
                        {
                            ids.push(*id)
                        }
                        FuncSet(s) => ids.extend(s.iter().copied()),
                        _ => return Err(()),
                    }
                }
                ids.sort();
                ids.dedup();
                FuncSet(ids.into())
            }
            (Dict(k), None) | (None, Dict(k)) => Dict(*k),
            // Strings and lists are pointers: None is their null value.
            (Str | Char, None) | (None, Str | Char) => Str,
            (List(k), None) | (None, List(k)) => List(*k),
            _ => return Err(()),
        })
    }

    /// Generalises the annotation of a variable; returns whether it changed.
    pub fn union_into(&mut self, gid: GraphId, v: Var, a: Ann, origin: Option<Span>) -> bool {
        let old = self.graphs[gid.0 as usize].anns[v.0 as usize].clone();
        match self.union(&old, &a) {
            Ok(new) => {
                let g = &mut self.graphs[gid.0 as usize];
                // The origin is where the current annotation came from: the value that last
                // generalised it.
                if !new.is_bottom()
                    && (g.origins[v.0 as usize].is_none() || (new != old && origin.is_some()))
                {
                    g.origins[v.0 as usize] = origin;
                }
                if new != old {
                    g.anns[v.0 as usize] = new;
                    return true;
                }
                false
            }
            Err(()) => {
                let prev = self.graphs[gid.0 as usize].origins[v.0 as usize];
                let what = self.describe_var(gid, v);
                let (shown_old, shown_new) = (self.show(&old), self.show(&a));
                let mut d = Diagnostic::new(
                    "E0200",
                    format!("{what} cannot be both `{shown_old}` and `{shown_new}`"),
                );
                match (origin, prev) {
                    (Some(o), Some(p)) if o != p => {
                        d = d
                            .at(o, format!("this is `{shown_new}`"))
                            .also(p, format!("this is `{shown_old}`"));
                    }
                    (Some(o), _) => d = d.at(o, format!("this is `{shown_new}`")),
                    (None, Some(p)) => d = d.at(p, format!("this is `{shown_old}`")),
                    (None, None) => {}
                }
                d = match (&old, &a) {
                    (Ann::Inst(x, _), Ann::Inst(y, _)) => {
                        let (nx, ny) = (self.class(*x).name.clone(), self.class(*y).name.clone());
                        d.note(format!("`{nx}` and `{ny}` have no common base class: give them one (a class both derive from) so that one variable can hold either"))
                    }
                    _ => d.note(union_note(&old, &a)),
                };
                self.error(d);
                // Its uses would only repeat the error.
                self.poisoned.insert((gid, v));
                false
            }
        }
    }

    /// Makes a variable read as impossible from now on: an error about it was reported and its
    /// uses would only repeat it.
    pub(crate) fn poison(&mut self, gid: GraphId, v: &Value<Const>) {
        if let Value::Var(x) = v {
            self.poisoned.insert((gid, *x));
        }
    }

    /// How a variable is named in messages: `x`, the return value of `f()`, the argument `n` of
    /// `f()`, or what a temporary of the flow builder holds.
    fn describe_var(&self, gid: GraphId, v: Var) -> String {
        let g = &self.graphs[gid.0 as usize].graph;
        let fname = g.name.split('[').next().unwrap_or(&g.name).to_string();
        if g.blocks[g.returnblock].inputargs.first() == Some(&v) {
            return format!("the return value of `{fname}()`");
        }
        let hint = g.vars[v].hint.as_str();
        if g.blocks[g.startblock].inputargs.contains(&v) {
            return format!("the argument `{hint}` of `{fname}()`");
        }
        // Temporaries of the flow builder are named `#<what><n>`.
        if let Some(tmp) = hint.strip_prefix('#') {
            let kind = tmp.trim_end_matches(|c: char| c.is_ascii_digit());
            return match kind {
                "ifexp" => "the value of this conditional expression",
                "bool" => "the value of this `and`/`or` expression",
                "cmp" => "this comparison",
                "i" | "stop" | "step" => "the counter of this `range()` loop",
                _ => "a value",
            }
            .to_string();
        }
        if hint.is_empty() || !hint.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            return "a value".to_string();
        }
        format!("`{hint}`")
    }

    /// A readable form of an annotation: `int`, `list[str]`, `tuple[int, float]`.
    pub fn display(&mut self, a: &Ann) -> String {
        self.format_ann(a, false, 0)
    }

    /// An annotation as messages show it: as `display`, but a one-character string is a `str`,
    /// as the program's author sees it, and prebuilt objects are named by their kind.
    pub fn show(&mut self, a: &Ann) -> String {
        self.format_ann(a, true, 0)
    }

    fn format_ann(&mut self, a: &Ann, user: bool, depth: u32) -> String {
        if depth > 8 {
            return "...".into();
        }
        match a {
            Ann::Bottom => "impossible".into(),
            Ann::None => "None".into(),
            Ann::Bool => "bool".into(),
            Ann::Int => "int".into(),
            Ann::UInt => "r_uint".into(),
            Ann::Fixed(k) => k.name(),
            Ann::Float => "float".into(),
            Ann::Char if user => "str".into(),
            Ann::Char => "char".into(),
            Ann::Str => "str".into(),
            Ann::Bytes => "bytes".into(),
            Ann::List(k) => {
                let item = self.list_item_final(*k);
                format!("list[{}]", self.format_ann(&item, user, depth + 1))
            }
            Ann::Tuple(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| self.format_ann(i, user, depth + 1))
                    .collect();
                format!("tuple[{}]", parts.join(", "))
            }
            Ann::Pbc(Const::Obj(id, name)) if user => match self.snapshot.obj(*id) {
                PyObject::Dict(_) => "dict".into(),
                PyObject::Set(_) => "set".into(),
                PyObject::Instance { class, .. } => match class {
                    PyValue::Ref(c) => match self.snapshot.obj(*c) {
                        PyObject::Class { qualname, .. } => format!("{qualname} instance"),
                        _ => "instance".into(),
                    },
                    _ => "instance".into(),
                },
                PyObject::Opaque { type_name, .. } if !type_name.is_empty() => {
                    format!("{type_name} object")
                }
                PyObject::Opaque { .. } => "prebuilt object".into(),
                _ => name.to_string(),
            },
            Ann::Pbc(c) => match c {
                Const::Obj(_, name) => name.to_string(),
                Const::Builtin(n) => format!("builtin {n}"),
                _ => "constant".into(),
            },
            Ann::Iter(i) => format!("iterator[{}]", self.format_ann(i, user, depth + 1)),
            Ann::Exc(n) => format!("{n} instance"),
            Ann::BoundMethod(c, name) => {
                format!("method `{name}` of a `{}` instance", self.class(*c).name)
            }
            Ann::WeakRef(Some(c), _) => {
                format!("weakref to a `{}` instance", self.class(*c).name)
            }
            Ann::WeakRef(None, _) => "dead weakref".into(),
            Ann::GcRef(true) if user => "GCREF or None".into(),
            Ann::GcRef(_) => "GCREF".into(),
            Ann::WeakDict(d, _) => {
                let key = self.format_ann(&d.key, user, depth + 1);
                let value = self.class(d.value).name.clone();
                if d.weak_keys {
                    format!("RWeakKeyDictionary[{key}, {value}]")
                } else {
                    format!("RWeakValueDictionary[{key}, {value}]")
                }
            }
            Ann::ClassSet(ids) => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|id| match self.snapshot.obj(*id) {
                        PyObject::Class { qualname, .. } => qualname.clone(),
                        _ => "?".into(),
                    })
                    .collect();
                format!("one of the classes {}", names.join(", "))
            }
            Ann::FuncSet(ids) => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|id| match self.snapshot.obj(*id) {
                        PyObject::Function(f) => f.qualname.clone(),
                        _ => "?".into(),
                    })
                    .collect();
                format!("one of the functions {}", names.join(", "))
            }
            Ann::Dict(k) => {
                let (key, value) = self.dict_items_final(*k);
                format!(
                    "dict[{}, {}]",
                    self.format_ann(&key, user, depth + 1),
                    self.format_ann(&value, user, depth + 1)
                )
            }
            Ann::Inst(c, nullable) => {
                let name = self.class(*c).name.clone();
                if *nullable {
                    format!("{name} instance or None")
                } else {
                    format!("{name} instance")
                }
            }
        }
    }

    /// Whether an annotation mentions the list whose root is `root` (a list that would contain
    /// itself).
    fn mentions_list(&mut self, a: &Ann, root: ListKey, depth: u32) -> bool {
        if depth > 16 {
            return true;
        }
        match a {
            Ann::List(k) => {
                let r = self.lists.find(*k);
                if r == root {
                    return true;
                }
                let item = self.listdefs.get(&r).map(|d| d.item.clone());
                item.is_some_and(|i| self.mentions_list(&i, root, depth + 1))
            }
            Ann::Tuple(items) => items.iter().any(|i| self.mentions_list(i, root, depth + 1)),
            Ann::Iter(i) => self.mentions_list(i, root, depth + 1),
            _ => false,
        }
    }

    // ---- the fixpoint ----

    fn flow_block(&mut self, src: &mut dyn GraphSource, gid: GraphId, b: Block) {
        self.current = (gid, b);
        self.graphs[gid.0 as usize].reached[b.0 as usize] = true;
        let block = self.graphs[gid.0 as usize].graph.blocks[b].clone();
        for op in &block.ops {
            self.cur_span = Some(op.span);
            let res = self.op_result(src, gid, op);
            self.union_into(gid, op.result, res, Some(op.span));
            if op.op == FlowOp::SameAs {
                // `x = 0` is a `same_as` of the constant.
                let c = self.const_of_var(gid, &op.args[0]);
                self.meet_const(gid, op.result, c);
            }
        }
        // A switch on an impossible value (an operation that never returns, or failed) does
        // not switch yet. A switch whose value the annotations decide (`x is None` where `x` is
        // never None, or always is) follows only its possible exit, as RPython's annotator does:
        // specialised code such as `if key is None:` is then typed only on the taken branch.
        let mut known = None;
        if let rpy_model::ExitSwitch::Value(v) = &block.exitswitch {
            if self.ann(gid, v).is_bottom() {
                return;
            }
            known = self.known_bool(gid, &block, v);
            match known {
                Some(k) => {
                    self.known_switches.insert((gid, b), k);
                }
                None => {
                    self.known_switches.remove(&(gid, b));
                }
            }
        }
        // Along the True exit of a switch on `isinstance(x, C)`, `x` is a non-None instance of
        // `C` (RPython's knowntypedata): `assert isinstance(x, C)` narrows `x` for what follows.
        // Along the exit where `x is None` (or `bool(x)`) says that `x` is not None, so it is.
        let (narrow, not_none) = match &block.exitswitch {
            rpy_model::ExitSwitch::Value(v) => (
                self.isinstance_switch(gid, &block, v),
                self.none_switch(gid, &block, v, true),
            ),
            _ => (None, None),
        };
        for link in &block.exits {
            if let (Some(k), rpy_model::ExitCase::Bool(c)) = (known, &link.case) {
                if *c != k {
                    continue;
                }
            }
            let narrow_here = match (narrow, &link.case) {
                (Some(n), rpy_model::ExitCase::Bool(true)) => Some(n),
                _ => None,
            };
            let target_inputs = self.graphs[gid.0 as usize].graph.blocks[link.target]
                .inputargs
                .clone();
            let mut changed = false;
            for (ti, a) in target_inputs.iter().zip(&link.args) {
                let (ann, origin) = match a {
                    LinkArg::Value(v) => {
                        let mut ann = self.ann(gid, v);
                        if let (Some((x, c)), Value::Var(y)) = (narrow_here, v) {
                            if x == *y {
                                ann = self.narrowed_to_class(&ann, c);
                            }
                        }
                        if let (Some((x, exit)), Value::Var(y), rpy_model::ExitCase::Bool(c)) =
                            (not_none, v, &link.case)
                        {
                            if x == *y && *c == exit {
                                ann = match ann {
                                    Ann::Inst(k, true) => Ann::Inst(k, false),
                                    Ann::GcRef(true) => Ann::GcRef(false),
                                    other => other,
                                };
                            }
                        }
                        (ann, self.origin(gid, v).or(link.span))
                    }
                    LinkArg::LastException => match &link.case {
                        rpy_model::ExitCase::Exception(c) => (Ann::Pbc(c.clone()), link.span),
                        _ => (Ann::Bottom, None),
                    },
                    LinkArg::LastExcValue => match &link.case {
                        rpy_model::ExitCase::Exception(Const::Builtin(n)) => {
                            match self.builtin_class(n) {
                                Some(c) => (Ann::Inst(c, false), link.span),
                                None => (Ann::Bottom, None),
                            }
                        }
                        _ => (Ann::Bottom, None),
                    },
                };
                let origin = origin.or(block.ops.last().map(|o| o.span));
                self.cur_span = link.span.or(origin);
                changed |= self.union_into(gid, *ti, ann, origin);
                let c = match a {
                    LinkArg::Value(v) => self.const_of_var(gid, v),
                    _ => None,
                };
                changed |= self.meet_const(gid, *ti, c);
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

    /// The variable and the class tested when a block switches on `isinstance(x, C)` (perhaps
    /// through `bool`), `C` a class of the program or a builtin exception class.
    fn isinstance_switch(
        &mut self,
        gid: GraphId,
        block: &rpy_model::BlockData<FlowOp, Const>,
        v: &Value<Const>,
    ) -> Option<(Var, crate::classdef::ClassId)> {
        let Value::Var(x) = v else {
            return None;
        };
        let op = block.ops.iter().rev().find(|o| o.result == *x)?;
        if op.op == FlowOp::Bool {
            let inner = op.args[0].clone();
            return self.isinstance_switch(gid, block, &inner);
        }
        if op.op != FlowOp::Call
            || op.args.len() != 4
            || !matches!(&op.args[0], Value::Const(Const::Builtin(n)) if &**n == "isinstance")
        {
            return None;
        }
        let Value::Var(obj) = &op.args[2] else {
            return None;
        };
        let cls = match self.ann(gid, &op.args[3]) {
            Ann::Pbc(Const::Obj(id, _)) => self.class_of(id)?,
            Ann::Pbc(Const::Builtin(n)) => self.builtin_class(&n)?,
            _ => return None,
        };
        Some((*obj, cls))
    }

    /// The variable a block's switch tells to be None or not, and the exit along which it is not
    /// None: a switch on `x is None`, `x is not None` (perhaps through `bool`), or on `bool(x)`
    /// itself for an instance or a GCREF, whose truth is being non-None (RPython's
    /// knowntypedata for `is_` and `bool`). `sense` is the exit meaning true so far.
    fn none_switch(
        &mut self,
        gid: GraphId,
        block: &rpy_model::BlockData<FlowOp, Const>,
        v: &Value<Const>,
        sense: bool,
    ) -> Option<(Var, bool)> {
        let Value::Var(x) = v else {
            return None;
        };
        let Some(op) = block.ops.iter().rev().find(|o| o.result == *x) else {
            // A variable switched on directly: an instance or a GCREF is true when not None.
            return match self.ann(gid, v) {
                Ann::Inst(..) | Ann::GcRef(_) => Some((*x, sense)),
                _ => None,
            };
        };
        let is_none = |me: &mut Self, a: &Value<Const>| {
            matches!(a, Value::Const(Const::None)) || matches!(me.ann(gid, a), Ann::None)
        };
        match op.op {
            FlowOp::Bool => {
                let inner = op.args[0].clone();
                self.none_switch(gid, block, &inner, sense)
            }
            FlowOp::Is | FlowOp::IsNot => {
                let (a, b) = (op.args[0].clone(), op.args[1].clone());
                let other = if is_none(self, &b) {
                    a
                } else if is_none(self, &a) {
                    b
                } else {
                    return None;
                };
                let Value::Var(y) = other else {
                    return None;
                };
                // `y is None` is false where `y` is not None.
                let exit = if op.op == FlowOp::Is { !sense } else { sense };
                Some((y, exit))
            }
            _ => None,
        }
    }

    /// An annotation known to be an instance of class `c`: the narrower of the two classes,
    /// never None; unchanged if it is not an instance of a class related to `c`.
    fn narrowed_to_class(&self, ann: &Ann, c: crate::classdef::ClassId) -> Ann {
        match ann {
            Ann::Inst(a, _) if self.is_subclass(c, *a) => Ann::Inst(c, false),
            Ann::Inst(a, _) if self.is_subclass(*a, c) => Ann::Inst(*a, false),
            _ => ann.clone(),
        }
    }

    /// The value of a block's boolean switch when the annotations decide it: the result of an
    /// `is_`/`is_not` of the block between `None` and a value that can never be `None` (a
    /// prebuilt function or class, a number), or between two `None`s.
    fn known_bool(
        &mut self,
        gid: GraphId,
        block: &rpy_model::BlockData<FlowOp, Const>,
        v: &Value<Const>,
    ) -> Option<bool> {
        if let Some(c) = self.const_of_var(gid, v) {
            return Some(const_truth(&c));
        }
        let Value::Var(x) = v else {
            return None;
        };
        let op = block.ops.iter().rev().find(|o| o.result == *x)?;
        if let Some(k) = self.const_compare(gid, op) {
            return Some(k);
        }
        if op.op == FlowOp::Call
            && op.args.len() == 4
            && matches!(&op.args[0], Value::Const(Const::Builtin(n)) if &**n == "isinstance")
        {
            let (x, t) = (self.ann(gid, &op.args[2]), self.ann(gid, &op.args[3]));
            return Annotator::static_isinstance(&x, &t);
        }
        let (is, a, b) = match op.op {
            FlowOp::Is => (true, &op.args[0], &op.args[1]),
            FlowOp::IsNot => (false, &op.args[0], &op.args[1]),
            FlowOp::Bool => {
                // `bool(x is None)` as the flow builder may leave it.
                let inner = op.args[0].clone();
                return self.known_bool(gid, block, &inner);
            }
            _ => return None,
        };
        let (a, b) = (self.ann(gid, a), self.ann(gid, b));
        let never_none = |x: &Ann| {
            matches!(
                x,
                Ann::Pbc(_)
                    | Ann::Int
                    | Ann::Bool
                    | Ann::Float
                    | Ann::Char
                    | Ann::FuncSet(_)
                    | Ann::ClassSet(_)
                    | Ann::BoundMethod(..)
            ) || matches!(x, Ann::Inst(_, false))
        };
        let same = match (&a, &b) {
            (Ann::None, Ann::None) => true,
            (Ann::None, o) | (o, Ann::None) if never_none(o) => false,
            _ => return None,
        };
        Some(same == is)
    }

    /// The integer or boolean constant `v` is: a constant, a block input variable that every
    /// path into its block gives that constant, or a `same_as` of one.
    pub(crate) fn const_of_var(&self, gid: GraphId, v: &Value<Const>) -> Option<Const> {
        match v {
            Value::Const(c @ (Const::Int(_) | Const::Bool(_))) => Some(c.clone()),
            Value::Const(_) => None,
            Value::Var(x) => self.var_consts.get(&(gid, *x)).cloned().flatten(),
        }
    }

    /// Meets what one more path gives block input variable `v` (`c`: a constant, or `None`
    /// for anything else) with what it had; true if that changed.
    fn meet_const(&mut self, gid: GraphId, v: Var, c: Option<Const>) -> bool {
        let c = c.filter(|c| matches!(c, Const::Int(_) | Const::Bool(_)));
        match self.var_consts.get(&(gid, v)) {
            None => {
                self.var_consts.insert((gid, v), c);
                true
            }
            Some(None) => false,
            Some(Some(old)) if Some(old) == c.as_ref() => false,
            Some(Some(_)) => {
                self.var_consts.insert((gid, v), None);
                true
            }
        }
    }

    /// The value of `bool(x)` or of a comparison between integer or boolean constants (or
    /// variables known to be constants), if `op` is one.
    fn const_compare(
        &self,
        gid: GraphId,
        op: &rpy_model::graph::Operation<FlowOp, Const>,
    ) -> Option<bool> {
        let int = |c: Const| match c {
            Const::Int(i) => Some(i),
            Const::Bool(b) => Some(b as i64),
            _ => None,
        };
        match op.op {
            FlowOp::Bool => Some(const_truth(&self.const_of_var(gid, &op.args[0])?)),
            FlowOp::Not => Some(!const_truth(&self.const_of_var(gid, &op.args[0])?)),
            FlowOp::Lt | FlowOp::Le | FlowOp::Eq | FlowOp::Ne | FlowOp::Gt | FlowOp::Ge => {
                let a = int(self.const_of_var(gid, &op.args[0])?)?;
                let b = int(self.const_of_var(gid, &op.args[1])?)?;
                Some(match op.op {
                    FlowOp::Lt => a < b,
                    FlowOp::Le => a <= b,
                    FlowOp::Eq => a == b,
                    FlowOp::Ne => a != b,
                    FlowOp::Gt => a > b,
                    _ => a >= b,
                })
            }
            _ => None,
        }
    }

    /// An argument's part of a `specialize.argtype` key: its type; for a list or dict whose
    /// items are not known yet, also its identity, so that two such containers never meet in
    /// one graph (they could turn out to hold different types).
    fn spec_display(&mut self, a: &Ann) -> String {
        let shown = self.display(a);
        if !shown.contains("impossible") {
            return shown;
        }
        match a {
            Ann::List(k) => format!("{shown}@{}", self.list_root(*k).0),
            Ann::Dict(k) => format!("{shown}@{}", self.dict_root(*k).0),
            _ => shown,
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
        let values = std::mem::take(&mut self.call_values);
        let anns: Vec<Ann> = args.iter().map(|a| a.0.clone()).collect();
        let mut key = spec_key(&anns).to_string();
        // `specialize.argtype(i, ...)`: one graph per type of those arguments;
        // `specialize.call_location()`: one graph per call site.
        if let PyObject::Function(f) = self.snapshot.obj(func) {
            if let Some(PyValue::Str(spec)) = f.attrs.get("_annspecialcase_") {
                let spec: &str = if &**spec == "specialize:ll" {
                    "specialize:argtype(0,1,2,3,4,5,6,7,8,9)"
                } else {
                    spec
                };
                // `specialize.arg(i, ...)`: one graph per constant value of those arguments
                // (their type when they are not constants).
                let by_value = [
                    "specialize:arg(",
                    "specialize:arg_or_var(",
                    "specialize:ll_and_arg(",
                ]
                .iter()
                .find_map(|p| spec.strip_prefix(p))
                .and_then(|r| r.strip_suffix(')'));
                if let Some(list) = by_value {
                    for i in list
                        .split(',')
                        .filter_map(|x| x.trim().parse::<usize>().ok())
                    {
                        let shown = match self.call_consts.get(i).cloned().flatten() {
                            Some(c) => c,
                            None => match anns.get(i) {
                                Some(a) => self.spec_display(a),
                                None => continue,
                            },
                        };
                        key.push_str(&format!(
                            "{}{i}={shown}",
                            if key.is_empty() { "" } else { "," }
                        ));
                    }
                } else if let Some(list) = spec
                    .strip_prefix("specialize:argtype(")
                    .or_else(|| spec.strip_prefix("specialize:argtype_or_var("))
                    .and_then(|r| r.strip_suffix(')'))
                {
                    for i in list
                        .split(',')
                        .filter_map(|x| x.trim().parse::<usize>().ok())
                    {
                        if let Some(a) = anns.get(i) {
                            let shown = self.spec_display(a);
                            key.push_str(&format!(
                                "{}{i}:{shown}",
                                if key.is_empty() { "" } else { "," }
                            ));
                        }
                    }
                } else if spec.starts_with("specialize:call_location") {
                    let (g, b) = self.current;
                    key.push_str(&format!(
                        "{}at{}.{}",
                        if key.is_empty() { "" } else { "," },
                        g.0,
                        b.0
                    ));
                }
            }
        }
        let key: Rc<str> = key.into();
        let callee = self.graph_for(src, func, key)?;
        // A prelude function called by another keeps the program's operation as its site.
        if let Some(&site) = self.prelude_sites.get(&self.current.0) {
            if self.is_prelude_fn(func) {
                self.prelude_sites.entry(callee).or_insert(site);
            }
        }
        let cur = self.current;
        self.graphs[callee.0 as usize].callers.insert(cur);
        let params = self.graphs[callee.0 as usize].graph.params().to_vec();
        let start = self.graphs[callee.0 as usize].graph.startblock;
        let mut changed = !self.graphs[callee.0 as usize].reached[start.0 as usize];
        for (i, (p, (a, o))) in params.iter().zip(args).enumerate() {
            changed |= self.union_into(callee, *p, a.clone(), o.or(Some(call_span)));
            changed |= self.meet_const(callee, *p, values.get(i).cloned().flatten());
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

    pub fn dict_root(&self, k: crate::ann::DictKey) -> crate::ann::DictKey {
        let mut i = k.0;
        while self.dict_parent[i as usize] != i {
            i = self.dict_parent[i as usize];
        }
        crate::ann::DictKey(i)
    }

    /// Annotates the key functions of the `r_dict`s whose key type changed: `eq(key, key)` and
    /// `hash(key)`.
    fn annotate_rdict_functions(&mut self, src: &mut dyn GraphSource) {
        let pending = std::mem::take(&mut self.rdict_pending);
        for d in pending {
            let r = self.dict_root(d);
            let Some((eq, hash, span)) = self.dicts[r.0 as usize].custom else {
                continue;
            };
            let key = self.dicts[r.0 as usize].key.clone();
            if key.is_bottom() {
                continue;
            }
            // The functions' shapes: `eq(a, b) -> bool`, `hash(a) -> int`.
            let mut shapes_ok = true;
            for (f, n, what) in [(eq, 2, "equality"), (hash, 1, "hash")] {
                let got = src.params(f).map_or(0, |p| p.len());
                if got != n {
                    let name = match self.snapshot.obj(f) {
                        PyObject::Function(func) => func.qualname.clone(),
                        _ => "?".into(),
                    };
                    let mut d = Diagnostic::new(
                        "E0211",
                        format!(
                            "the key {what} function `{name}` of this r_dict takes {got} argument{}, not {n}",
                            if got == 1 { "" } else { "s" }
                        ),
                    )
                    .at(span, "the r_dict is made here");
                    if let Some(s) = src.span_of(f) {
                        d = d.also(s, "defined here");
                    }
                    self.error(d);
                    shapes_ok = false;
                }
            }
            if !shapes_ok {
                continue;
            }
            let ge = self.call_graph(src, eq, &[(key.clone(), None), (key.clone(), None)], span);
            let gh = self.call_graph(src, hash, &[(key, None)], span);
            if let (Some((_, ge)), Some((_, gh))) = (ge, gh) {
                self.rdict_graphs.insert(r.0, (ge, gh));
            }
        }
    }

    /// The key functions of a dict, if it is an `r_dict`.
    pub fn dict_custom(&self, d: crate::ann::DictKey) -> Option<(ObjId, ObjId)> {
        self.dicts[self.dict_root(d).0 as usize]
            .custom
            .map(|c| (c.0, c.1))
    }

    /// Once the annotations are final: an instance attribute that is read must be written
    /// somewhere (in `__init__` or elsewhere).
    fn check_attrs_written(&mut self) {
        for (c, name, readers) in self.attrs_never_written() {
            let cname = self.class(c).name.clone();
            let mut span = None;
            'find: for (g, b) in &readers {
                for op in &self.graphs[g.0 as usize].graph.blocks[*b].ops {
                    if matches!(op.op, FlowOp::GetAttr | FlowOp::CallMethod)
                        && matches!(op.args.get(1), Some(Value::Const(Const::Str(s))) if **s == *name)
                    {
                        span = Some(op.span);
                        break 'find;
                    }
                }
            }
            let Some(span) = span else { continue };
            self.error(
                Diagnostic::new(
                    "E0222",
                    format!("the attribute `{name}` of `{cname}` instances is read but never written"),
                )
                .at(span, "read here")
                .note("an instance attribute must be assigned (usually in `__init__`) before it is read"),
            );
        }
    }

    /// Once the annotations are final: the key functions of every `r_dict` return a bool and
    /// an int.
    fn check_rdict_results(&mut self) {
        let mut graphs: Vec<(u32, (GraphId, GraphId))> =
            self.rdict_graphs.iter().map(|(k, v)| (*k, *v)).collect();
        graphs.sort();
        for (root, (ge, gh)) in graphs {
            let Some((_, _, span)) = self.dicts[root as usize].custom else {
                continue;
            };
            for (g, what, want) in [(ge, "equality", "a bool"), (gh, "hash", "an int")] {
                let gr = &self.graphs[g.0 as usize];
                let rv = gr.graph.blocks[gr.graph.returnblock].inputargs[0];
                let r = gr.anns[rv.0 as usize].clone();
                if !r.is_intlike() && !r.is_bottom() {
                    let shown = self.show(&r);
                    self.error(
                        Diagnostic::new(
                            "E0211",
                            format!(
                                "the key {what} function of this r_dict returns `{shown}`, not {want}"
                            ),
                        )
                        .at(span, "the r_dict is made here"),
                    );
                }
            }
        }
    }

    /// Makes the dict `d` an `r_dict` with these key functions.
    pub(crate) fn make_rdict(
        &mut self,
        d: crate::ann::DictKey,
        eq: ObjId,
        hash: ObjId,
        span: Span,
    ) {
        let r = self.dict_root(d);
        if self.dicts[r.0 as usize].custom.is_none() {
            self.dicts[r.0 as usize].custom = Some((eq, hash, span));
            self.rdict_pending.push(r);
        }
    }

    pub(crate) fn site_dict(&mut self, gid: GraphId, v: Var) -> crate::ann::DictKey {
        if let Some(k) = self.site_dicts.get(&(gid, v)) {
            return *k;
        }
        let k = self.new_dict();
        self.site_dicts.insert((gid, v), k);
        k
    }

    /// The (key, value) annotations of a dict, the current block registered as a reader.
    pub fn dict_items(&mut self, k: crate::ann::DictKey) -> (Ann, Ann) {
        let r = self.dict_root(k);
        let cur = self.current;
        let d = &mut self.dicts[r.0 as usize];
        d.readers.insert(cur);
        (d.key.clone(), d.value.clone())
    }

    /// The final (key, value) annotations of a dict.
    pub fn dict_items_final(&self, k: crate::ann::DictKey) -> (Ann, Ann) {
        let d = &self.dicts[self.dict_root(k).0 as usize];
        (d.key.clone(), d.value.clone())
    }

    /// Generalises a dict's key and value; `Err` names what could not be merged.
    pub fn dict_add(
        &mut self,
        k: crate::ann::DictKey,
        key: &Ann,
        value: &Ann,
    ) -> Result<(), &'static str> {
        let r = self.dict_root(k);
        let (ok, ov) = (
            self.dicts[r.0 as usize].key.clone(),
            self.dicts[r.0 as usize].value.clone(),
        );
        let nk = self.union(&ok, key).map_err(|_| "key")?;
        let nv = self.union(&ov, value).map_err(|_| "value")?;
        let r = self.dict_root(k);
        if nk != ok || nv != ov {
            if nk != ok && self.dicts[r.0 as usize].custom.is_some() {
                self.rdict_pending.push(r);
            }
            let d = &mut self.dicts[r.0 as usize];
            d.key = nk;
            d.value = nv;
            let readers: Vec<_> = d.readers.iter().copied().collect();
            self.pending.extend(readers);
        }
        Ok(())
    }

    fn merge_dicts(
        &mut self,
        a: crate::ann::DictKey,
        b: crate::ann::DictKey,
    ) -> Result<crate::ann::DictKey, ()> {
        let (ra, rb) = (self.dict_root(a), self.dict_root(b));
        if ra == rb {
            return Ok(ra);
        }
        let db = self.dicts[rb.0 as usize].clone();
        match (self.dicts[ra.0 as usize].custom, db.custom) {
            (Some(x), Some(y)) if (x.0, x.1) != (y.0, y.1) => return Err(()),
            (None, Some(y)) => self.dicts[ra.0 as usize].custom = Some(y),
            _ => {}
        }
        self.dict_parent[rb.0 as usize] = ra.0;
        self.dicts[ra.0 as usize].readers.extend(db.readers);
        self.dict_add(ra, &db.key, &db.value).map_err(|_| ())?;
        Ok(ra)
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

/// The note of a union error: what RPython allows, and what to do.
fn union_note(a: &Ann, b: &Ann) -> &'static str {
    let nullable = |x: &Ann| matches!(x, Ann::Str | Ann::Char | Ann::Bytes | Ann::List(_));
    match (a, b) {
        (Ann::None, x) | (x, Ann::None) if nullable(x) => {
            "`None` mixed with bytes is valid RPython, but the translator does not support it yet"
        }
        (Ann::None, _) | (_, Ann::None) => {
            "RPython allows `None` only together with strings, lists and instances"
        }
        (Ann::Pbc(Const::Obj(..)), Ann::Pbc(Const::Obj(..))) => {
            "a variable that holds one of several functions or objects is not supported yet; call each one directly"
        }
        _ => "RPython gives every variable a single type; convert explicitly or use separate variables",
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

/// The truth of an integer or boolean constant.
fn const_truth(c: &Const) -> bool {
    match c {
        Const::Int(i) => *i != 0,
        Const::Bool(b) => *b,
        _ => true,
    }
}
