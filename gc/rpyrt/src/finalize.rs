//! What the collectors keep about objects whose death the program wants to hear of: weak
//! references (objects of a type flagged `TI_WEAKREF`, whose referent word is not traced),
//! light destructors (RPython's `__del__`, a C function called by the collector on an object it
//! is about to free) and finalizer queues (`rgc.FinalizerQueue`: registered objects found dead
//! are kept alive, queued, and the queue's `finalizer_trigger` is asked for).
//!
//! Each collector decides which objects are alive; this module holds the lists and the steps
//! common to both, in the order every collection applies them once the roots are traced:
//! 1. registered objects found dead are put in order ([`order_dead`]): those another dead
//!    registered object refers to (directly or not) stay registered for a later collection,
//!    the others are resurrected (traced as roots, with everything they reach, which keeps the
//!    first ones alive too) and appended to their queue, whose trigger becomes pending. So an
//!    object is finalized before the objects it refers to, as in RPython (PyPy's
//!    `finalizer-order.txt`): in a cycle of such objects, the first registered goes first;
//! 2. the referent of every surviving weak reference is updated if it moved or cleared if it
//!    died (objects resurrected by step 1 count as alive);
//! 3. the destructor of every object still dead is called, while its memory is intact.
//!
//! Relies on destructors being light (checked by the translator): they read and write only
//! non-pointer fields, never allocate, never raise and never call into the runtime.

use crate::hash::{AddrMap, AddrSet};
use crate::prelude::*;
use alloc::collections::VecDeque;

/// Objects registered with a finalizer queue, each with the queue's index.
pub type Registered = Vec<(*mut u8, u32)>;

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
    pub young_registered: Registered,
    pub old_registered: Registered,
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

/// Step 1's order for `registered` (objects with their queue, in registration order): returns
/// the dead ones to queue now and those that stay registered, both in registration order.
/// `alive` tells whether the tracing so far reached an object; `trace` calls its argument with
/// every object an object refers to (read only: nothing is moved or marked here).
///
/// A dead object is queued unless an object queued earlier in the order reaches it, or an
/// object queued later reaches it (it is then taken back): each of those stays registered and
/// is kept alive by the queued object that reaches it, which is finalized first. The walks
/// only go through dead objects (everything an alive object refers to is alive).
///
/// # Safety
/// Every dead registered object and every dead object it reaches must be intact.
pub unsafe fn order_dead(
    registered: Registered,
    alive: impl Fn(*mut u8) -> bool,
    mut trace: impl FnMut(*mut u8, &mut dyn FnMut(*mut u8)),
) -> (Registered, Registered) {
    // Per entry: queue it now?
    let mut queue_now = vec![false; registered.len()];
    let mut candidate_at: AddrMap<usize> = AddrMap::default();
    let mut reached = AddrSet::default();
    let mut stack: Vec<*mut u8> = Vec::new();
    for (i, &(x, _)) in registered.iter().enumerate() {
        if alive(x) || reached.contains(&(x as usize)) {
            continue;
        }
        trace(x, &mut |child| stack.push(child));
        while let Some(y) = stack.pop() {
            if y.is_null() || alive(y) {
                continue;
            }
            if !reached.insert(y as usize) {
                // Reached before: if an earlier candidate, it is not queued after all.
                if let Some(&j) = candidate_at.get(&(y as usize)) {
                    queue_now[j] = false;
                }
                continue;
            }
            trace(y, &mut |child| stack.push(child));
        }
        reached.insert(x as usize);
        candidate_at.insert(x as usize, i);
        queue_now[i] = true;
    }
    let mut queued = Vec::new();
    let mut kept = Vec::new();
    for (entry, now) in registered.into_iter().zip(queue_now) {
        if now {
            queued.push(entry);
        } else {
            kept.push(entry);
        }
    }
    (queued, kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// `order_dead` over a fake heap: objects are the addresses of a vector's slots, `edges` says
    /// what each refers to, `live` which ones the tracing reached.
    fn order(
        registered: &[usize],
        edges: &[(usize, usize)],
        live: &[usize],
    ) -> (Vec<usize>, Vec<usize>) {
        let mut cells = vec![0u64; 16];
        let base = cells.as_mut_ptr() as *mut u8;
        let addr = |i: usize| unsafe { base.add(8 * i) };
        let index = |p: *mut u8| (p as usize - base as usize) / 8;
        let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(a, b) in edges {
            out.entry(a).or_default().push(b);
        }
        let reg = registered.iter().map(|&i| (addr(i), i as u32)).collect();
        let (queued, kept) = unsafe {
            order_dead(
                reg,
                |p| live.contains(&index(p)),
                |p, f| {
                    for &b in out.get(&index(p)).map(|v| v.as_slice()).unwrap_or(&[]) {
                        f(addr(b));
                    }
                },
            )
        };
        let ids = |v: Registered| v.into_iter().map(|e| e.1 as usize).collect();
        (ids(queued), ids(kept))
    }

    #[test]
    fn referrers_go_first() {
        // A chain 1 -> 2 -> 3 registered innermost first: only its head is queued.
        assert_eq!(
            order(&[3, 2, 1], &[(1, 2), (2, 3)], &[]),
            (vec![1], vec![3, 2])
        );
        // Through an unregistered object (5), and an unrelated one (4) queued too.
        assert_eq!(
            order(&[6, 4, 1], &[(1, 5), (5, 6)], &[]),
            (vec![4, 1], vec![6])
        );
        // Alive ones are kept and stop nothing; what they refer to is not walked.
        assert_eq!(order(&[2, 1], &[(1, 2)], &[1, 2]), (vec![], vec![2, 1]));
        assert_eq!(order(&[2, 7], &[(7, 2)], &[7]), (vec![2], vec![7]));
    }

    #[test]
    fn a_cycle_goes_one_at_a_time() {
        // The first registered member of a cycle is queued; the others wait.
        assert_eq!(order(&[2, 1], &[(1, 2), (2, 1)], &[]), (vec![2], vec![1]));
        assert_eq!(
            order(&[1, 2, 3], &[(1, 2), (2, 3), (3, 1)], &[]),
            (vec![1], vec![2, 3])
        );
        // An object on itself is still queued.
        assert_eq!(order(&[1], &[(1, 1)], &[]), (vec![1], vec![]));
    }
}
