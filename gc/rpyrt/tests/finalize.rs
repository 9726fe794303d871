//! Tests of weak references, light destructors and finalizer queues against the fake heap of
//! `common/`, under both collectors: a weak reference follows its object through minor, major
//! and semispace collections and is cleared when the object dies, and a static one (a prebuilt
//! weakref to a static object) is left alone; a destructor runs exactly once,
//! when its object dies; a registered object found dead is kept alive with what it reaches,
//! queued in order, and its queue's trigger becomes pending.
//!
//! Relies on the collectors' instance API (`AnyGc`) and on thread-local records for the
//! destructor's calls, since tests run in parallel threads.

mod common;

use common::*;
use rpyrt::{AnyGc, GcConfig, GcKind};
use std::cell::RefCell;
use std::ptr::null_mut;

thread_local! {
    static DESTROYED: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
}

/// A light destructor: records the value of the dying cons cell.
unsafe extern "C" fn record(obj: *mut u8) {
    DESTROYED.with(|d| d.borrow_mut().push(value(obj)));
}

fn destroyed() -> Vec<i64> {
    DESTROYED.with(|d| std::mem::take(&mut *d.borrow_mut()))
}

fn heaps() -> Vec<Heap> {
    vec![
        Heap::generational(64 << 10),
        Heap::semispace(64 << 10),
        Heap::new(GcConfig {
            stress: true,
            ..gen_config(64 << 10)
        }),
        Heap::new(GcConfig {
            stress: true,
            ..config(GcKind::Semispace)
        }),
    ]
}

#[test]
fn a_weakref_follows_its_object_and_is_cleared_when_it_dies() {
    for mut heap in heaps() {
        // roots: [weakref to a live cell, the live cell, weakref to a dead cell]
        let live = heap.cons(null_mut(), null_mut(), 7);
        heap.push(live);
        let w = heap.weakref(live);
        heap.roots.insert(0, w);
        let dead = heap.cons(null_mut(), null_mut(), 8);
        let w2 = heap.weakref(dead);
        heap.push(w2);
        if !heap.gc.config().stress {
            assert_eq!(value(deref(heap.root(2))), 8, "nothing collected it yet");
        }
        heap.collect_minor();
        assert_eq!(deref(heap.root(0)), heap.root(1));
        assert_eq!(value(deref(heap.root(0))), 7);
        if !heap.gc.config().stress {
            assert!(
                deref(heap.root(2)).is_null(),
                "the unreachable cell died young"
            );
        }
        heap.collect();
        assert!(deref(heap.root(2)).is_null(), "the unreachable cell died");
        assert_eq!(value(deref(heap.root(0))), 7);
        // The object dies later, while both are old.
        heap.roots[1] = null_mut();
        heap.collect();
        assert!(deref(heap.root(0)).is_null());
        // A weak reference made to an old object, then the object dies in a major collection.
        let cell = heap.cons(null_mut(), null_mut(), 9);
        heap.push(cell);
        heap.collect();
        let w3 = heap.weakref(heap.top());
        heap.push(w3);
        heap.collect_minor();
        assert_eq!(value(deref(heap.top())), 9);
        let n = heap.roots.len();
        heap.roots[n - 2] = null_mut();
        heap.collect();
        assert!(deref(heap.top()).is_null());
    }
}

#[test]
fn weakrefs_in_a_list_survive_many_collections() {
    for mut heap in heaps() {
        let array = heap.array(200);
        heap.push(array);
        let keep = heap.array(100);
        heap.push(keep);
        for i in 0..200 {
            let cell = heap.cons(null_mut(), null_mut(), i as i64);
            if i % 2 == 0 {
                let keep = heap.root(1);
                heap.set_item(keep, i / 2, cell);
            }
            let cell = if i % 2 == 0 {
                item(heap.root(1), i / 2)
            } else {
                cell
            };
            let w = heap.weakref(cell);
            let array = heap.root(0);
            heap.set_item(array, i, w);
            for _ in 0..20 {
                heap.string(b"garbage garbage garbage");
            }
        }
        heap.collect();
        heap.collect_minor();
        for i in 0..200 {
            let target = deref(item(heap.root(0), i));
            if i % 2 == 0 {
                assert_eq!(value(target), i as i64);
                assert_eq!(target, item(heap.root(1), i / 2));
            } else {
                assert!(target.is_null(), "cell {i} is unreachable");
            }
        }
    }
}

#[test]
fn a_weakref_to_a_static_object_is_kept() {
    let mut statik = [super_header(), 0u64, 0, 5];
    let s = statik.as_mut_ptr() as Obj;
    for kind in [GcKind::Generational, GcKind::Semispace] {
        let mut heap = Heap::new(config(kind));
        let w = heap.weakref(s);
        heap.push(w);
        heap.collect();
        heap.collect_minor();
        assert_eq!(deref(heap.top()), s);
    }
}

#[test]
fn static_weakrefs_to_static_objects_are_left_alone() {
    // Prebuilt weak references (static, not registered: they hold no traced pointer): one to a
    // static cell, one dead. Heap cells point to them; collections must neither move nor
    // change them.
    let mut statik = [super_header(), 0u64, 0, 5];
    let s = statik.as_mut_ptr() as Obj;
    let weak_header = WEAKREF as u64 | rpyrt::typeinfo::GCFLAG_STATIC;
    let mut live = [weak_header, s as u64];
    let mut dead = [weak_header, 0u64];
    let (w, d) = (live.as_mut_ptr() as Obj, dead.as_mut_ptr() as Obj);
    for kind in [GcKind::Generational, GcKind::Semispace] {
        let mut heap = Heap::new(config(kind));
        let cell = heap.cons(w, d, 1);
        heap.push(cell);
        for _ in 0..3 {
            heap.collect_minor();
            for i in 0..100 {
                heap.cons(null_mut(), null_mut(), i);
            }
            heap.collect();
        }
        let cell = heap.top();
        assert_eq!((car(cell), cdr(cell)), (w, d));
        assert_eq!((deref(w), deref(d)), (s, null_mut()));
        assert_eq!(header(w), weak_header);
    }
}

fn super_header() -> u64 {
    CONS as u64 | rpyrt::typeinfo::GCFLAG_STATIC
}

#[test]
fn destructors_run_once_when_their_object_dies() {
    for mut heap in heaps() {
        destroyed();
        let a = heap.cons(null_mut(), null_mut(), 1);
        heap.gc.register_destructor(a, record);
        heap.push(a);
        let b = heap.cons(null_mut(), null_mut(), 2);
        heap.gc.register_destructor(b, record);
        heap.collect_minor();
        assert_eq!(destroyed(), [2]);
        heap.collect();
        assert_eq!(destroyed(), Vec::<i64>::new(), "the first one is alive");
        heap.pop();
        heap.collect_minor();
        heap.collect();
        assert_eq!(destroyed(), [1]);
        heap.collect();
        assert_eq!(destroyed(), Vec::<i64>::new(), "called once");
    }
}

#[test]
fn dead_registered_objects_are_resurrected_and_queued() {
    for mut heap in heaps() {
        // Three registered cells; the second holds a weak-free strong list of two more cells.
        for i in 0..3 {
            let tail = if i == 1 {
                heap.push_list(2);
                heap.pop()
            } else {
                null_mut()
            };
            let cell = heap.cons(null_mut(), tail, 10 + i);
            heap.gc.fq_register(1, cell);
            if i == 2 {
                heap.push(cell);
            }
        }
        if !heap.gc.config().stress {
            assert_eq!(heap.gc.fq_take_trigger(), None);
        }
        heap.collect();
        assert_eq!(heap.gc.fq_take_trigger(), Some(1));
        assert_eq!(heap.gc.fq_take_trigger(), None);
        // Collections in between keep the queued objects (and what they reach) alive.
        for _ in 0..1000 {
            heap.string(b"more garbage");
        }
        heap.collect();
        let first = heap.gc.fq_next_dead(1);
        heap.push(first);
        let second = heap.gc.fq_next_dead(1);
        heap.push(second);
        assert!(heap.gc.fq_next_dead(1).is_null());
        assert!(heap.gc.fq_next_dead(0).is_null());
        heap.collect();
        let n = heap.roots.len();
        let (first, second) = (heap.root(n - 2), heap.root(n - 1));
        let mut got = [value(first), value(second)];
        got.sort();
        assert_eq!(got, [10, 11]);
        let with_list = if value(first) == 11 { first } else { second };
        check_list(cdr(with_list), 2);
        // Once taken, the objects die like any other; they are not queued again.
        heap.roots.truncate(n - 2);
        heap.collect();
        assert_eq!(heap.gc.fq_take_trigger(), None);
        // The one kept alive by a root is queued when it dies.
        heap.pop();
        heap.collect();
        assert_eq!(heap.gc.fq_take_trigger(), Some(1));
        assert_eq!(value(heap.gc.fq_next_dead(1)), 12);
    }
}

#[test]
fn disable_stops_major_collections_started_by_growth() {
    let mut heap = Heap::generational(64 << 10);
    heap.gc.set_enabled(false);
    assert!(!heap.gc.is_enabled());
    heap.push_list(50_000);
    heap.pop();
    heap.push_list(50_000);
    assert_eq!(heap.gc.major_collections(), 0);
    assert!(heap.gc.minor_collections() > 10);
    heap.collect();
    assert_eq!(
        heap.gc.major_collections(),
        1,
        "explicit collections still happen"
    );
    heap.gc.set_enabled(true);
    heap.pop();
    heap.push_list(200_000);
    assert!(heap.gc.major_collections() > 1);
}

#[test]
fn can_move_is_true_for_young_objects_only() {
    let mut heap = Heap::generational(64 << 10);
    let cell = heap.cons(null_mut(), null_mut(), 1);
    assert!(heap.gc.can_move(cell));
    heap.push(cell);
    heap.collect_minor();
    assert!(!heap.gc.can_move(heap.top()));
    let mut heap = Heap::semispace(64 << 10);
    let cell = heap.cons(null_mut(), null_mut(), 1);
    heap.push(cell);
    heap.collect();
    assert!(heap.gc.can_move(heap.top()));
    let mut statik = [super_header(), 0u64, 0, 5];
    assert!(!heap.gc.can_move(statik.as_mut_ptr() as Obj));
    assert!(matches!(heap.gc, AnyGc::Semispace(_)));
}
