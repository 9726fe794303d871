//! What the collectors keep about objects whose death the program wants to hear of: weak
//! references (objects of a type flagged `TI_WEAKREF`, whose referent word is not traced),
//! light destructors (RPython's `__del__`, a C function called by the collector on an object it
//! is about to free) and finalizer queues (`rgc.FinalizerQueue`: registered objects found dead
//! are kept alive, queued, and the queue's `finalizer_trigger` is asked for).
//!
//! Each collector decides which objects are alive; this module holds the lists and the steps
//! common to both, in the order every collection applies them once the roots are traced:
//! 1. registered objects found dead are resurrected (traced as roots, with everything they
//!    reach) and appended to their queue, whose trigger becomes pending;
//! 2. the referent of every surviving weak reference is updated if it moved or cleared if it
//!    died (objects resurrected by step 1 count as alive);
//! 3. the destructor of every object still dead is called, while its memory is intact.
//!
//! Relies on destructors being light (checked by the translator): they read and write only
//! non-pointer fields, never allocate, never raise and never call into the runtime.

use std::collections::VecDeque;

/// A light destructor: called with the dying object, once.
pub type Destructor = unsafe extern "C" fn(*mut u8);

/// The fate of an object at the end of a collection's tracing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Alive, now at this address.
    Alive(*mut u8),
    /// Not reached: its memory is freed at the end of the collection.
    Dead,
}

/// The per-collector lists. The generational collector keeps objects allocated since the last
/// minor collection in the `young_*` lists and moves survivors to the `old_*` ones; the
/// semispace collector keeps everything in the `young_*` lists.
#[derive(Default)]
pub struct Finalizers {
    /// Weak references copied by the collection under way, processed at its end.
    pub copied_weakrefs: Vec<*mut u8>,
    /// Weak references in the old generation (generational collector only).
    pub old_weakrefs: Vec<*mut u8>,
    pub young_destructors: Vec<(*mut u8, Destructor)>,
    pub old_destructors: Vec<(*mut u8, Destructor)>,
    /// Objects registered with a finalizer queue, with the queue's index.
    pub young_registered: Vec<(*mut u8, u32)>,
    pub old_registered: Vec<(*mut u8, u32)>,
    /// Per queue, the dead objects not yet taken by `next_dead`, oldest first. They are roots.
    pub queues: Vec<VecDeque<*mut u8>>,
    /// Per queue, whether its trigger must be called.
    pub triggers: Vec<bool>,
}

impl Finalizers {
    /// No objects of interest.
    pub fn new() -> Finalizers {
        Finalizers::default()
    }

    /// Appends `obj` to queue `q` and makes its trigger pending.
    pub fn enqueue(&mut self, q: u32, obj: *mut u8) {
        let q = q as usize;
        if self.queues.len() <= q {
            self.queues.resize_with(q + 1, VecDeque::new);
            self.triggers.resize(q + 1, false);
        }
        self.queues[q].push_back(obj);
        self.triggers[q] = true;
    }

    /// The oldest dead object of queue `q` not yet taken, or NULL.
    pub fn next_dead(&mut self, q: u32) -> *mut u8 {
        self.queues
            .get_mut(q as usize)
            .and_then(|queue| queue.pop_front())
            .unwrap_or(core::ptr::null_mut())
    }

    /// A queue whose trigger is pending (the lowest index), which is no longer pending.
    pub fn take_trigger(&mut self) -> Option<u32> {
        let q = self.triggers.iter().position(|&t| t)?;
        self.triggers[q] = false;
        Some(q as u32)
    }

    /// Calls `f` with every slot of the queues, as roots.
    pub fn queue_roots(&mut self, mut f: impl FnMut(*mut *mut u8)) {
        for queue in &mut self.queues {
            for slot in queue.iter_mut() {
                f(slot as *mut *mut u8);
            }
        }
    }

    /// Step 2 for one weak reference that survived: its referent moves or is cleared by `fate`.
    ///
    /// # Safety
    /// `weakref` must be a live weak reference.
    pub unsafe fn update_weakref(weakref: *mut u8, mut fate: impl FnMut(*mut u8) -> Fate) {
        let slot = weakref.add(crate::typeinfo::WEAKREF_OFFSET) as *mut *mut u8;
        let referent = slot.read();
        if referent.is_null() {
            return;
        }
        match fate(referent) {
            Fate::Alive(new) => slot.write(new),
            Fate::Dead => slot.write(core::ptr::null_mut()),
        }
    }

    /// Step 3 for the objects of `list`: survivors are appended to `keep` (or kept in `list`)
    /// at their new address, dead ones have their destructor called.
    ///
    /// # Safety
    /// Dead objects must still be intact.
    pub unsafe fn destroy(
        list: &mut Vec<(*mut u8, Destructor)>,
        keep: Option<&mut Vec<(*mut u8, Destructor)>>,
        mut fate: impl FnMut(*mut u8) -> Fate,
    ) {
        let mut kept = Vec::new();
        for (obj, f) in list.drain(..) {
            match fate(obj) {
                Fate::Alive(new) => kept.push((new, f)),
                Fate::Dead => f(obj),
            }
        }
        match keep {
            Some(keep) => keep.extend(kept),
            None => *list = kept,
        }
    }
}
