//! Identity hashes and `id()` under both collectors: stable across minor collections and
//! semispace copies, distinct for distinct live objects (even when a nursery address is reused),
//! a hash field appended only to objects whose hash was taken while they could move, and static
//! objects hashed by address.
//!
//! Relies on the fake heap of `common/`.

mod common;

use common::*;
use rpyrt::hash::mix;
use rpyrt::typeinfo::{GCFLAG_HASHFIELD, GCFLAG_HASHTAKEN, GCFLAG_STATIC};
use rpyrt::{GcConfig, GcKind};
use std::collections::{HashMap, HashSet};
use std::ptr::null_mut;

fn both() -> [Heap; 2] {
    [Heap::semispace(16 << 10), Heap::generational(16 << 10)]
}

#[test]
fn hashes_are_stable_across_collections() {
    for mut heap in both() {
        heap.push_list(2000);
        // Take the hash of every 3rd cell while young (or in from-space).
        let mut expected = HashMap::new();
        let mut cell = heap.top();
        while !cell.is_null() {
            if value(cell) % 3 == 0 {
                let young = heap.is_young(cell);
                let (h, i) = (heap.hash(cell), heap.id(cell));
                assert_eq!(h, mix(i as u64));
                expected.insert(value(cell), (h, i, young));
            }
            cell = cdr(cell);
        }
        for round in 0..4 {
            if round % 2 == 0 {
                heap.collect_minor();
            } else {
                heap.collect();
            }
            for _ in 0..3000 {
                heap.cons(null_mut(), null_mut(), -1); // garbage reusing the addresses
            }
            let mut cell = heap.top();
            while !cell.is_null() {
                if let Some(&(h, i, young)) = expected.get(&value(cell)) {
                    assert_eq!(heap.hash(cell), h, "{:?} round {round}", heap.gc.kind());
                    assert_eq!(heap.id(cell), i);
                    // Only objects hashed while they could move need the field.
                    assert_eq!(header(cell) & GCFLAG_HASHFIELD != 0, young);
                } else {
                    assert_eq!(header(cell) & (GCFLAG_HASHFIELD | GCFLAG_HASHTAKEN), 0);
                }
                cell = cdr(cell);
            }
        }
        check_list(heap.top(), 2000);
        heap.collect();
        let fields = expected.values().filter(|e| e.2).count();
        assert!(fields > 0);
        assert_eq!(heap.gc.heap_used(), 2000 * CONS_SIZE + 8 * fields);
    }
}

#[test]
fn distinct_live_objects_have_distinct_ids() {
    for mut heap in both() {
        let kind = heap.gc.kind();
        let arr = heap.array(3000);
        heap.push(arr);
        let mut seen = HashSet::new();
        for round in 0..6 {
            // Fresh objects get their ids while young, at nursery addresses that earlier objects
            // (still alive, now old, with the same address baked into nothing) also had.
            for k in 0..500 {
                let cell = heap.cons(null_mut(), null_mut(), (round * 500 + k) as i64);
                let i = round * 500 + k;
                let arr = heap.top();
                heap.set_item(arr, i, cell);
                let id = heap.id(cell);
                assert!(seen.insert(id), "{kind:?}: id {id} handed out twice");
            }
            heap.collect_minor();
        }
        // Objects that never had their id taken while young get addresses (generational) or
        // fresh values (semispace), still distinct from all others.
        heap.collect();
        let arr = heap.top();
        let mut live = HashSet::new();
        for i in 0..3000 {
            let cell = item(arr, i);
            assert_eq!(value(cell), i as i64);
            assert!(live.insert(heap.id(cell)));
        }
        assert_eq!(live, seen);
        let a = heap.cons(null_mut(), null_mut(), 0);
        heap.push(a);
        heap.collect_minor();
        let a = heap.top();
        let ida = heap.id(a);
        assert!(!live.contains(&ida));
        assert_eq!(heap.id(null_mut()), 0);
        assert_eq!(heap.hash(null_mut()), 0);
    }
}

#[test]
fn old_objects_hash_by_address_in_the_generational_collector() {
    let mut heap = Heap::generational(16 << 10);
    let a = heap.cons(null_mut(), null_mut(), 1);
    heap.push(a);
    heap.collect_minor();
    let a = heap.top();
    assert_eq!(heap.id(a), a as i64);
    assert_eq!(heap.hash(a), mix(a as u64));
    assert_eq!(header(a) & (GCFLAG_HASHFIELD | GCFLAG_HASHTAKEN), 0);
    heap.collect();
    assert_eq!(heap.top(), a);
    assert_eq!(heap.gc.heap_used(), CONS_SIZE);
}

#[test]
fn static_objects_hash_by_address() {
    for kind in [GcKind::Semispace, GcKind::Generational] {
        let mut statics = Box::new([[0u64; 4]; 1]);
        statics[0][0] = CONS as u64 | GCFLAG_STATIC;
        let s = statics[0].as_mut_ptr() as Obj;
        let mut heap = Heap::with_statics(config(kind), &[s]);
        assert_eq!(heap.id(s), s as i64);
        assert_eq!(heap.hash(s), mix(s as u64));
        heap.collect();
        assert_eq!(heap.hash(s), mix(s as u64));
        assert_eq!(header(s) & (GCFLAG_HASHFIELD | GCFLAG_HASHTAKEN), 0);
    }
}

#[test]
fn semispace_makes_room_for_the_hash_fields() {
    // Fill a space with live objects and take every hash: the copies need more room than the
    // space has, so the collection must grow the spaces.
    let mut heap = Heap::semispace(4 << 10);
    heap.push_list(120); // 3840 of 4096 bytes
    let mut cell = heap.top();
    let mut hashes = Vec::new();
    while !cell.is_null() {
        hashes.push(heap.hash(cell));
        cell = cdr(cell);
    }
    heap.collect();
    assert_eq!(heap.gc.heap_used(), 120 * (CONS_SIZE + 8));
    let mut cell = heap.top();
    for h in hashes {
        assert_eq!(heap.hash(cell), h);
        cell = cdr(cell);
    }
    check_list(heap.top(), 120);
}

#[test]
fn semispace_hash_fields_and_the_heap_limit() {
    let mut heap = Heap::new(GcConfig {
        initial_space: 4 << 10,
        max_heap: Some(8 << 10),
        ..config(GcKind::Semispace)
    });
    heap.push_list(120);
    let mut cell = heap.top();
    while !cell.is_null() {
        heap.hash(cell);
        cell = cdr(cell);
    }
    // 120 * 40 bytes do not fit in the 4K a space may have: the collection fails cleanly.
    assert!(!unsafe { heap.gc.collect(&mut heap.roots) });
    assert!(heap.try_alloc(STR, 300).is_null());
    check_list(heap.top(), 120);
}

#[test]
fn stress_mode_keeps_hashes() {
    for kind in [GcKind::Semispace, GcKind::Generational] {
        let mut heap = Heap::new(GcConfig {
            stress: true,
            nursery_size: 4 << 10,
            initial_space: 4 << 10,
            ..config(kind)
        });
        heap.push(null_mut());
        let mut hashes = Vec::new();
        for i in 0..300 {
            let head = heap.pop();
            let cell = heap.cons(null_mut(), head, i);
            heap.push(cell);
            hashes.push(heap.hash(cell));
        }
        let mut cell = heap.top();
        for i in (0..300).rev() {
            assert_eq!(heap.hash(cell), hashes[i], "{kind:?}");
            cell = cdr(cell);
        }
    }
}
