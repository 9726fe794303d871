//! Destructors and finalizer queues (`rpython.rlib.rgc`): the `__del__` method of every class
//! instantiated is annotated with the instance as `self` (the collector calls it), and method
//! calls on a prebuilt instance of an `rgc.FinalizerQueue` subclass (`register_finalizer`,
//! `next_dead`) are given their translated meaning: the queue is numbered, its `Class` checked
//! (a class, or None for a queue of `GCREF`s), and its `finalizer_trigger` annotated (the
//! runtime calls it after a collection).
//!
//! Relies on the annotator's call machinery (`call_graph`) and class model; the rtyper reads
//! `destructors` and `finalizer_queues`.

use crate::ann::Ann;
use crate::annotate::{Annotator, GraphId, GraphSource};
use crate::classdef::ClassId;
use rpy_model::flowop::{Const, FlowOp};
use rpy_model::graph::{Operation, Value};
use rpy_model::snapshot::{ObjId, PyObject, PyValue};
use rpy_model::Span;

/// A finalizer queue: a prebuilt instance of a subclass of `rgc.FinalizerQueue`.
#[derive(Clone, Debug)]
pub struct FinalizerQueue {
    /// Its number for the runtime (in order of discovery).
    pub index: i64,
    /// The subclass.
    pub class: ClassId,
    /// `Class`: the class of the objects registered, or `None` for a queue of `GCREF`s
    /// (`Class = None`), whose objects may be of any type.
    pub item_class: Option<ClassId>,
    /// The graph of its `finalizer_trigger`, called with the queue as `self`.
    pub trigger: GraphId,
    /// Where the queue was first used.
    pub span: Span,
}

impl Annotator<'_> {
    /// Annotates the `__del__` of class `c` (inherited or its own), once per class.
    pub(crate) fn note_destructor(&mut self, src: &mut dyn GraphSource, c: ClassId, span: Span) {
        if self.destructors.contains_key(&c) {
            return;
        }
        let Some((_, v)) = self.class_attr(c, "__del__") else {
            return;
        };
        let Some((f, _)) = self.method_function(&v) else {
            return;
        };
        if let Some((_, g)) = self.call_graph(src, f, &[(Ann::Inst(c, false), Some(span))], span) {
            self.destructors.insert(c, g);
        }
    }

    /// The class `rpython.rlib.rgc.FinalizerQueue` among the bases of `c` (itself included).
    fn finalizer_queue_base(&self, c: ClassId) -> Option<ClassId> {
        self.mro(c).into_iter().find(|k| {
            matches!(
                self.snapshot.obj(self.class(*k).obj),
                PyObject::Class { name, module, .. }
                    if name == "FinalizerQueue" && module == "rpython.rlib.rgc"
            )
        })
    }

    /// `queue.register_finalizer(obj)` and `queue.next_dead()` on an instance of class `c`, if
    /// `c` is a finalizer queue; `None` for every other method call.
    pub(crate) fn finalizer_queue_method(
        &mut self,
        src: &mut dyn GraphSource,
        c: ClassId,
        name: &str,
        op: &Operation<FlowOp, Const>,
        anns: &[Ann],
    ) -> Option<Ann> {
        if !matches!(name, "register_finalizer" | "next_dead") {
            return None;
        }
        let base = self.finalizer_queue_base(c)?;
        let fq = match self.finalizer_queue(src, c, base, op) {
            Ok(fq) => fq,
            Err(a) => return Some(a),
        };
        let args = &anns[3..];
        Some(match (name, args, fq.item_class) {
            ("next_dead", [], Some(item)) => Ann::Inst(item, true),
            ("next_dead", [], None) => Ann::GcRef(true),
            ("register_finalizer", [Ann::Inst(k, false)], Some(item))
                if self.is_subclass(*k, item) =>
            {
                Ann::None
            }
            ("register_finalizer", [Ann::GcRef(false)], None) => Ann::None,
            ("register_finalizer", [Ann::Bottom], _) => Ann::Bottom,
            ("register_finalizer", [a], item) => {
                let shown = self.show(a);
                let wanted = match item {
                    Some(item) => format!(
                        "a `{}` instance that is not None (the queue's `Class`)",
                        self.class(item).name
                    ),
                    None => "a GCREF that is not null (the queue's `Class` is None)".to_string(),
                };
                self.bad(
                    op.span,
                    format!("`register_finalizer()` takes {wanted}, not `{shown}`"),
                    "in this call",
                )
            }
            _ => self.bad(
                op.span,
                format!(
                    "`{name}()` takes {} arguments",
                    if name == "next_dead" {
                        "no"
                    } else {
                        "one argument, not other"
                    }
                ),
                "in this call",
            ),
        })
    }

    /// The queue that `op` calls a method of, numbered on first use; `Err` with the result
    /// annotation after reporting an error.
    fn finalizer_queue(
        &mut self,
        src: &mut dyn GraphSource,
        c: ClassId,
        base: ClassId,
        op: &Operation<FlowOp, Const>,
    ) -> Result<FinalizerQueue, Ann> {
        let Value::Const(Const::Obj(qid, _)) = &op.args[0] else {
            return Err(self.bad(
                op.span,
                "a finalizer queue must be a prebuilt instance (a global)".into(),
                "the queue of this call is not a constant",
            ));
        };
        let qid: ObjId = *qid;
        if let Some(fq) = self.finalizer_queues.get(&qid) {
            return Ok(fq.clone());
        }
        let cname = self.class(c).name.clone();
        let item_class = match self.class_attr(c, "Class") {
            Some((_, PyValue::Ref(id))) => self.class_of(id).map(Some),
            Some((_, PyValue::None)) => Some(None),
            _ => None,
        };
        let Some(item_class) = item_class else {
            return Err(self.bad(
                op.span,
                format!(
                    "the finalizer queue class `{cname}` has no `Class` attribute naming a class (or None, for a queue of GCREFs)"
                ),
                "this queue is used here",
            ));
        };
        let trigger = self.class_attr(c, "finalizer_trigger");
        let f = match trigger {
            Some((k, v)) if k != base => self.method_function(&v).map(|(f, _)| f),
            _ => None,
        };
        let Some(f) = f else {
            return Err(self.bad(
                op.span,
                format!(
                    "the finalizer queue class `{cname}` does not define `finalizer_trigger(self)`"
                ),
                "this queue is used here",
            ));
        };
        let Some((_, trigger)) =
            self.call_graph(src, f, &[(Ann::Inst(c, false), Some(op.span))], op.span)
        else {
            return Err(Ann::Bottom);
        };
        let fq = FinalizerQueue {
            index: self.finalizer_queues.len() as i64,
            class: c,
            item_class,
            trigger,
            span: op.span,
        };
        self.finalizer_queues.insert(qid, fq.clone());
        Ok(fq)
    }
}
