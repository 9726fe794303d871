//! Direct tests of the generational collector against the fake heap of `common/`: survival of
//! lists, trees, sharing and cycles through minor and major collections; old objects pointing to
//! young ones through the write barrier (and the invariant check catching a store without it);
//! card marking on large pointer arrays mutated in place; large objects allocated outside the
//! nursery; static objects pointing into the nursery; the heap limit; stress mode; reclaiming
//! old garbage by major collections; and a randomized mutator checked against a model.
//!
//! Relies on `GenGc::verify` (run after every collection by the helpers) for the barrier
//! invariant, and on small nurseries to make collections frequent.

mod common;

use common::*;
use rpyrt::generational::{HUGE_NURSERY_MIN, LARGE_OBJECT, POPULATE_CHUNK, STRESS_MAJOR_EVERY};
use rpyrt::large::CARD_ITEMS;
use rpyrt::typeinfo::{
    GCFLAG_CARDS_SET, GCFLAG_HASHFIELD, GCFLAG_HAS_CARDS, GCFLAG_STATIC, GCFLAG_TRACK_YOUNG_PTRS,
};
use rpyrt::{GcConfig, GcKind};
use std::ptr::null_mut;

#[test]
fn a_list_survives_minor_and_major_collections() {
    let mut heap = Heap::generational(64 << 10);
    heap.push_list(100_000);
    let gc = heap.gen();
    assert!(gc.minor_collections() >= 40, "{}", gc.minor_collections());
    assert!(gc.major_collections() >= 1, "{}", gc.major_collections());
    check_list(heap.top(), 100_000);
    assert!(heap.is_young(heap.top()), "the head was just allocated");
    heap.collect_minor();
    assert!(!heap.is_young(heap.top()));
    check_list(heap.top(), 100_000);
    heap.collect();
    heap.collect();
    check_list(heap.top(), 100_000);
    assert_eq!(heap.gc.heap_used(), 100_000 * CONS_SIZE);
}

#[test]
fn a_large_nursery_is_populated_ahead_then_turned_into_huge_pages() {
    let mut heap = Heap::generational(HUGE_NURSERY_MIN);
    heap.push_list(1);
    // The fast path stops at the populated frontier, at most one chunk ahead of the first object.
    let gc = heap.gen();
    assert!(gc.nursery_populated() <= POPULATE_CHUNK + CONS_SIZE);
    assert!(gc.nursery_top as usize - gc.nursery_free as usize <= POPULATE_CHUNK);
    assert!(!gc.nursery_is_huge());
    // Past half of the nursery (at the next chunk), the rest is left to huge pages: the fast path
    // goes to its end.
    heap.pop();
    let half = (HUGE_NURSERY_MIN / 2 / CONS_SIZE) as i64;
    heap.push_list(half - 2);
    assert!(heap.gen().nursery_populated() < HUGE_NURSERY_MIN);
    heap.pop();
    let past = (POPULATE_CHUNK / CONS_SIZE) as i64 + 10;
    heap.push_list(past);
    let gc = heap.gen();
    assert_eq!(gc.minor_collections(), 0);
    assert_eq!(gc.nursery_populated(), gc.nursery_size());
    let used = (1 + half - 2 + past) as usize * CONS_SIZE;
    assert_eq!(
        gc.nursery_top as usize - gc.nursery_free as usize,
        gc.nursery_size() - used
    );
    assert!(!gc.nursery_is_huge());
    // The first minor collection copies the survivors out and then gives the first half's pages
    // back (they come back as huge pages).
    let n = (HUGE_NURSERY_MIN / CONS_SIZE + 1000) as i64;
    heap.pop();
    heap.push_list(n);
    let gc = heap.gen();
    assert!(gc.minor_collections() >= 1, "{}", gc.minor_collections());
    assert!(gc.nursery_is_huge());
    check_list(heap.top(), n);
    heap.collect_minor();
    check_list(heap.top(), n);
}

#[test]
fn memory_pressure_brings_the_next_major_collection_closer() {
    let mut heap = Heap::generational(64 << 10);
    heap.push_list(10_000);
    heap.collect();
    let majors = heap.gen().major_collections();
    // The old generation is far below its threshold: minor collections alone.
    heap.push_list(5_000);
    heap.pop();
    assert_eq!(heap.gen().major_collections(), majors);
    // A gigabyte of raw memory said to be held: the next minor collection starts a major one,
    // which sets the threshold afresh.
    heap.gc.add_memory_pressure(1 << 30);
    heap.push_list(5_000);
    heap.pop();
    assert_eq!(heap.gen().major_collections(), majors + 1);
    heap.push_list(5_000);
    heap.pop();
    assert_eq!(heap.gen().major_collections(), majors + 1);
    check_list(heap.top(), 10_000);
}

#[test]
fn a_tree_keeps_its_shape() {
    let mut heap = Heap::generational(32 << 10);
    let mut label = 0;
    let tree = build_tree(&mut heap, 15, &mut label);
    heap.push(tree);
    let n = (1usize << 15) - 1;
    assert_eq!(tree_sum(heap.top()), ((n * (n + 1) / 2) as i64, n));
    heap.collect();
    assert_eq!(tree_sum(heap.top()), ((n * (n + 1) / 2) as i64, n));
    assert_eq!(heap.gc.heap_used(), n * CONS_SIZE);
}

#[test]
fn sharing_and_cycles_are_preserved() {
    let mut heap = Heap::generational(4 << 10);
    let a = heap.cons(null_mut(), null_mut(), 1);
    heap.push(a);
    let b = heap.cons(heap.top(), null_mut(), 2);
    let a = heap.top();
    heap.set_cdr(a, b); // a <-> b
    heap.push(b);
    heap.push(heap.root(0)); // the same object twice on the stack
    let arr = heap.array(3);
    for i in 0..3 {
        raw_set_item(arr, i, heap.root(1));
    }
    heap.push(arr);
    for round in 0..4 {
        if round % 2 == 0 {
            heap.collect_minor();
        } else {
            heap.collect();
        }
        let (a, b, a2, arr) = (heap.root(0), heap.root(1), heap.root(2), heap.root(3));
        assert_eq!(a, a2);
        assert_eq!(cdr(a), b);
        assert_eq!(car(b), a);
        assert_eq!((value(a), value(b)), (1, 2));
        for i in 0..3 {
            assert_eq!(item(arr, i), b);
        }
    }
    // A cycle that is garbage is reclaimed by a major collection.
    let used = heap.gc.heap_used();
    heap.roots.clear();
    heap.collect();
    assert!(used > 0);
    assert_eq!(heap.gc.heap_used(), 0);
}

#[test]
fn old_objects_point_to_young_ones_through_the_barrier() {
    let mut heap = Heap::generational(64 << 10);
    let old = heap.cons(null_mut(), null_mut(), 10);
    heap.push(old);
    heap.collect_minor();
    let old = heap.top();
    assert!(!heap.is_young(old));
    assert_ne!(
        header(old) & GCFLAG_TRACK_YOUNG_PTRS,
        0,
        "old objects carry the flag"
    );

    // A young object reachable only from the old one, stored through the barrier.
    let young = heap.cons(null_mut(), null_mut(), 20);
    assert!(heap.is_young(young));
    heap.set_car(old, young);
    assert_eq!(
        header(old) & GCFLAG_TRACK_YOUNG_PTRS,
        0,
        "the barrier clears the flag"
    );
    heap.verify();
    // Later stores into the same object no longer reach the slow path.
    let young2 = heap.cons(null_mut(), null_mut(), 30);
    let old = heap.top();
    heap.set_cdr(old, young2);
    // Lots of garbage in between, so the nursery is reused and overwritten.
    for i in 0..20_000 {
        heap.cons(null_mut(), null_mut(), i);
    }
    let old = heap.top();
    assert!(!heap.is_young(car(old)));
    assert_eq!(value(car(old)), 20);
    assert_eq!(value(cdr(old)), 30);
    assert_ne!(header(old) & GCFLAG_TRACK_YOUNG_PTRS, 0, "the flag is back");
    heap.collect();
    assert_eq!(value(car(heap.top())), 20);
}

#[test]
fn a_missing_barrier_is_caught_by_the_invariant_check() {
    // Without the barrier, the next minor collection would not know that the old object points
    // into the nursery: the young object would be overwritten and the old object left with a
    // dangling pointer. `verify` sees this before any collection happens.
    let mut heap = Heap::generational(64 << 10);
    let old = heap.cons(null_mut(), null_mut(), 10);
    heap.push(old);
    heap.collect_minor();
    let young = heap.cons(null_mut(), null_mut(), 20);
    let old = heap.top();
    raw_set_car(old, young);
    let err = unsafe { heap.gen().verify(&heap.roots) }.unwrap_err();
    assert!(err.contains("without the write barrier"), "{err}");
    // The late barrier repairs it (generated code calls it before the store; after is enough
    // here because nothing collected in between).
    heap.barrier(old);
    heap.verify();
    heap.collect_minor();
    assert_eq!(value(car(heap.top())), 20);
}

#[test]
fn card_marking_on_a_large_array_mutated_in_place() {
    let mut heap = Heap::generational(64 << 10);
    let n = 10_000;
    let arr = heap.array(n);
    assert!(
        !heap.is_young(arr),
        "a large array is allocated outside the nursery"
    );
    assert_ne!(header(arr) & GCFLAG_HAS_CARDS, 0);
    heap.push(arr);
    heap.collect_minor();
    let arr = heap.top();
    assert_ne!(header(arr) & GCFLAG_TRACK_YOUNG_PTRS, 0);

    // Mutate a few items in place: each store marks one card and keeps the flag.
    for (k, i) in [5usize, 130, 131, 9_999, 4_000].into_iter().enumerate() {
        let cell = heap.cons(null_mut(), null_mut(), k as i64);
        let arr = heap.top();
        heap.set_item(arr, i, cell);
    }
    let arr = heap.top();
    assert_ne!(
        header(arr) & GCFLAG_TRACK_YOUNG_PTRS,
        0,
        "cards keep the flag set"
    );
    assert_ne!(header(arr) & GCFLAG_CARDS_SET, 0);
    heap.verify();
    // A store into an unmarked card without the barrier is caught.
    let stray = heap.cons(null_mut(), null_mut(), 99);
    let arr = heap.top();
    raw_set_item(arr, 7_000, stray);
    assert!(unsafe { heap.gen().verify(&heap.roots) }.is_err());
    heap.barrier_array(arr, 7_000);
    heap.verify();

    heap.collect_minor();
    let arr = heap.top();
    assert_eq!(header(arr) & GCFLAG_CARDS_SET, 0);
    for (k, i) in [5usize, 130, 131, 9_999, 4_000].into_iter().enumerate() {
        assert!(!heap.is_young(item(arr, i)));
        assert_eq!(value(item(arr, i)), k as i64);
    }
    assert_eq!(value(item(arr, 7_000)), 99);

    // Fill every item over many minor collections, then check after a major one.
    for i in 0..n {
        let cell = heap.cons(null_mut(), null_mut(), i as i64);
        let arr = heap.top();
        heap.set_item(arr, i, cell);
        if i % 1000 == 0 {
            heap.verify();
        }
    }
    heap.collect();
    let arr = heap.top();
    for i in 0..n {
        assert_eq!(value(item(arr, i)), i as i64);
    }
}

#[test]
fn small_pointer_arrays_are_remembered_whole() {
    let mut heap = Heap::generational(64 << 10);
    let arr = heap.array(CARD_ITEMS);
    heap.push(arr);
    heap.collect_minor();
    let arr = heap.top();
    assert_eq!(header(arr) & GCFLAG_HAS_CARDS, 0);
    let cell = heap.cons(null_mut(), null_mut(), 7);
    let arr = heap.top();
    heap.set_item(arr, 3, cell);
    assert_eq!(header(arr) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    heap.collect_minor();
    assert_eq!(value(item(heap.top(), 3)), 7);
}

#[test]
fn a_surviving_medium_array_gets_cards() {
    // Bump-allocated in the nursery (below the large-object threshold), then copied out into
    // the large-object space by a minor collection, with a card table.
    let mut heap = Heap::generational(256 << 10);
    let n = 2000;
    assert!(VAR_HEADER + 8 * n <= heap.gen().large_threshold());
    let arr = heap.array(n);
    assert!(heap.is_young(arr));
    heap.push(arr);
    heap.collect_minor();
    let arr = heap.top();
    assert!(!heap.is_young(arr));
    assert_ne!(header(arr) & GCFLAG_HAS_CARDS, 0);
    let cell = heap.cons(null_mut(), null_mut(), 5);
    let arr = heap.top();
    heap.set_item(arr, 1500, cell);
    assert_ne!(header(arr) & GCFLAG_CARDS_SET, 0);
    heap.collect_minor();
    assert_eq!(value(item(heap.top(), 1500)), 5);
}

#[test]
fn slow_path_objects_are_zeroed_over_a_reused_nursery() {
    // The nursery is not cleared after a minor collection: the slow path clears what it hands
    // out (the inline fast path initialises its objects itself).
    let mut heap = Heap::generational(64 << 10);
    for round in 0..3 {
        for i in 0..5_000 {
            let c = heap.cons(null_mut(), null_mut(), -1 - i);
            unsafe { *word(c, 16) = u64::MAX };
        }
        assert!(heap.gen().minor_collections() > round);
        let cell = unsafe { heap.gc.malloc_slowpath(CONS, CONS_SIZE, &mut heap.roots) };
        assert!(!cell.is_null() && heap.is_young(cell));
        assert_eq!(header(cell), CONS as u64);
        for off in [8, 16, 24] {
            assert_eq!(
                unsafe { *word(cell, off) },
                0,
                "round {round}, offset {off}"
            );
        }
    }
}

#[test]
fn large_objects_are_allocated_outside_the_nursery() {
    let mut heap = Heap::generational(1 << 20);
    let threshold = heap.gen().large_threshold();
    assert_eq!(threshold, LARGE_OBJECT.min((1 << 20) / 4));
    let big = vec![b'x'; threshold + 1];
    let s = heap.string(&big);
    assert!(!heap.is_young(s));
    assert_eq!(heap.gen().large_objects(), 1);
    heap.push(s);
    heap.collect_minor();
    assert_eq!(heap.top(), s, "large objects never move");
    assert_eq!(str_bytes(heap.top()), &big[..]);
    // A large object that dies young is freed by the next minor collection.
    let before = heap.gc.heap_used();
    heap.string(&big);
    assert_eq!(heap.gen().large_objects(), 2);
    heap.collect_minor();
    assert_eq!(heap.gen().large_objects(), 1);
    assert_eq!(heap.gc.heap_used(), before);
    // One that became old is freed by a major collection.
    heap.pop();
    heap.collect_minor();
    assert_eq!(heap.gen().large_objects(), 1);
    heap.collect();
    assert_eq!(heap.gen().large_objects(), 0);
    assert_eq!(heap.gc.heap_used(), 0);
}

#[test]
fn young_large_objects_hold_young_pointers_without_barriers() {
    // Initialising stores into a large object allocated since the last collection need no
    // barrier: it is young until the next minor collection traces it whole.
    let mut heap = Heap::generational(64 << 10);
    let n = 4000;
    let arr = heap.array(n);
    heap.push(arr);
    assert_eq!(header(arr) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    for i in (0..n).step_by(3) {
        let cell = heap.cons(null_mut(), null_mut(), i as i64);
        raw_set_item(heap.top(), i, cell);
    }
    // Cons cells are 32 bytes: 1334 of them fit in the 64K nursery, so none was collected.
    assert_eq!(heap.gen().minor_collections(), 0);
    heap.verify();
    heap.collect_minor();
    let arr = heap.top();
    assert_ne!(header(arr) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    for i in (0..n).step_by(3) {
        assert_eq!(value(item(arr, i)), i as i64);
    }
}

#[test]
fn static_objects_point_into_the_nursery_through_the_barrier() {
    let mut statics = Box::new([[0u64; 4]; 2]);
    statics[0][0] = CONS as u64 | GCFLAG_STATIC;
    statics[0][3] = 100;
    statics[1][0] = CONS as u64 | GCFLAG_STATIC;
    let s0 = statics[0].as_mut_ptr() as Obj;
    let s1 = statics[1].as_mut_ptr() as Obj;
    let mut heap = Heap::with_statics(gen_config(16 << 10), &[s0, null_mut()]);
    assert_ne!(
        header(s0) & GCFLAG_TRACK_YOUNG_PTRS,
        0,
        "registered statics get the flag"
    );
    assert_eq!(header(s1) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    heap.push_list(50);
    let list = heap.pop();
    heap.set_car(s0, list);
    assert_eq!(header(s0) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    heap.verify();
    for i in 0..10_000 {
        heap.cons(null_mut(), null_mut(), i);
    }
    assert!(heap.gen().minor_collections() > 5);
    assert_ne!(header(s0) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    assert!(!heap.is_young(car(s0)));
    check_list(car(s0), 50);
    // Static objects are roots of major collections too.
    heap.collect();
    check_list(car(s0), 50);
    assert_eq!(heap.gc.heap_used(), 50 * CONS_SIZE);
    // Replacing the pointer makes the old list garbage.
    let fresh = heap.cons(null_mut(), null_mut(), 1);
    heap.set_car(s0, fresh);
    heap.collect();
    assert_eq!(heap.gc.heap_used(), CONS_SIZE);
    assert_eq!(value(car(s0)), 1);
    assert_eq!(value(s0), 100);
    assert_eq!(
        header(s0) & !GCFLAG_TRACK_YOUNG_PTRS,
        CONS as u64 | GCFLAG_STATIC
    );
}

#[test]
fn the_heap_limit_gives_null() {
    let mut heap = Heap::new(GcConfig {
        max_heap: Some(1 << 20),
        ..gen_config(64 << 10)
    });
    heap.push(null_mut());
    let mut n = 0;
    loop {
        let cell = heap.try_alloc(CONS, CONS_SIZE);
        if cell.is_null() {
            break;
        }
        raw_set_cdr(cell, heap.pop());
        set_value(cell, n);
        heap.push(cell);
        n += 1;
        assert!(n < 1 << 20, "the limit was not enforced");
    }
    // The whole megabyte minus at most one nursery's worth is usable.
    assert!(n * CONS_SIZE as i64 > (1 << 20) - (64 << 10), "{n}");
    assert!(n * CONS_SIZE as i64 <= 1 << 20, "{n}");
    assert!(heap.gc.heap_used() <= 1 << 20);
    check_list(heap.top(), n);
    // Large objects get NULL as well.
    assert!(heap.try_alloc(STR, 200 << 10).is_null());
    // Dropping the list makes room again.
    heap.pop();
    heap.push_list(1000);
    check_list(heap.top(), 1000);
    assert!(!heap.try_alloc(STR, 200 << 10).is_null());
}

#[test]
fn absurd_sizes_give_null() {
    let mut heap = Heap::generational(16 << 10);
    heap.push_list(10);
    for size in [usize::MAX, usize::MAX - 7, 1 << 62, isize::MAX as usize] {
        let p = unsafe { heap.gc.malloc_slowpath(ARRAY, size, &mut heap.roots) };
        assert!(p.is_null(), "{size}");
    }
    check_list(heap.top(), 10);
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let mut heap = Heap::new(GcConfig {
        stress: true,
        ..gen_config(16 << 10)
    });
    assert_eq!(heap.gc.nursery_free(), heap.gc.nursery_top());
    heap.push(null_mut());
    for i in 0..3000 {
        let (minor, major) = (heap.gc.minor_collections(), heap.gc.major_collections());
        let s = heap.string(format!("item {i}").as_bytes());
        assert_eq!(heap.gc.minor_collections(), minor + 1);
        assert!(heap.gc.major_collections() <= major + 1);
        assert_eq!(heap.gc.nursery_free(), heap.gc.nursery_top());
        let head = heap.pop();
        let cell = heap.cons(s, head, i);
        heap.push(cell);
        if i % 100 == 0 {
            heap.verify();
        }
    }
    assert!(heap.gc.major_collections() >= 6000 / STRESS_MAJOR_EVERY);
    let mut cell = heap.top();
    for i in (0..3000).rev() {
        assert_eq!(value(cell), i);
        assert_eq!(str_bytes(car(cell)), format!("item {i}").as_bytes());
        cell = cdr(cell);
    }
}

#[test]
fn stress_mode_tree_with_mutation() {
    let mut heap = Heap::new(GcConfig {
        stress: true,
        ..gen_config(4 << 10)
    });
    let mut label = 0;
    let tree = build_tree(&mut heap, 9, &mut label);
    heap.push(tree);
    // Mutate old nodes to point to fresh ones, through the barrier.
    for i in 0..200 {
        let fresh = heap.cons(null_mut(), null_mut(), 1_000_000 + i);
        let root = heap.top();
        let mut node = root;
        for step in 0..(i % 8) {
            let next = if step % 2 == 0 { car(node) } else { cdr(node) };
            if next.is_null() || car(next).is_null() {
                break;
            }
            node = next;
        }
        let old_left = car(node);
        heap.push(old_left);
        heap.push(fresh);
        let c = heap.cons(null_mut(), null_mut(), 0);
        let fresh = heap.pop();
        let old_left = heap.pop();
        raw_set_car(c, old_left);
        raw_set_cdr(c, fresh);
        // `node` may have moved if it was young: find it again from the root.
        let mut node = heap.top();
        for step in 0..(i % 8) {
            let next = if step % 2 == 0 { car(node) } else { cdr(node) };
            if next.is_null() || car(next).is_null() {
                break;
            }
            node = next;
        }
        assert_eq!(car(node), old_left);
        heap.set_car(node, c);
    }
    heap.collect();
    heap.verify();
}

#[test]
fn major_collections_reclaim_old_garbage() {
    let mut heap = Heap::generational(64 << 10);
    heap.push_list(50_000);
    heap.collect_minor();
    let used = heap.gc.heap_used();
    assert_eq!(used, 50_000 * CONS_SIZE);
    heap.pop();
    heap.push_list(10);
    heap.collect_minor();
    assert_eq!(
        heap.gc.heap_used(),
        used + 10 * CONS_SIZE,
        "minor collections free no old data"
    );
    heap.collect();
    assert_eq!(heap.gc.heap_used(), 10 * CONS_SIZE);
    check_list(heap.top(), 10);
}

#[test]
fn major_collections_start_on_their_own_when_the_old_generation_grows() {
    let mut heap = Heap::new(GcConfig {
        min_major: Some(256 << 10),
        ..gen_config(32 << 10)
    });
    // Build and drop lists: old garbage accumulates until a major collection reclaims it.
    for round in 0..40 {
        heap.push_list(2000);
        check_list(heap.top(), 2000);
        heap.pop();
        let _ = round;
    }
    let gc = heap.gen();
    assert!(gc.major_collections() >= 3, "{}", gc.major_collections());
    assert!(
        gc.old_used() <= gc.next_major(),
        "{} {}",
        gc.old_used(),
        gc.next_major()
    );
    assert!(heap.gc.heap_used() < 1 << 20);
}

#[test]
fn hash_fields_are_appended_only_when_taken() {
    let mut heap = Heap::generational(64 << 10);
    let a = heap.cons(null_mut(), null_mut(), 1);
    heap.push(a);
    let b = heap.cons(null_mut(), null_mut(), 2);
    heap.push(b);
    let ha = heap.hash(heap.root(0));
    let ida = heap.id(heap.root(0));
    assert_eq!(heap.hash(heap.root(0)), ha);
    heap.collect_minor();
    let (a, b) = (heap.root(0), heap.root(1));
    assert_ne!(header(a) & GCFLAG_HASHFIELD, 0);
    assert_eq!(header(b) & GCFLAG_HASHFIELD, 0);
    assert_eq!(heap.gc.heap_used(), 2 * CONS_SIZE + 8);
    assert_eq!(heap.hash(a), ha);
    assert_eq!(heap.id(a), ida);
    // An old object without a field hashes by address and needs no field ever.
    let hb = heap.hash(b);
    assert_eq!(heap.id(b), b as i64);
    heap.collect();
    assert_eq!(heap.hash(heap.root(1)), hb);
    assert_eq!(header(heap.root(1)) & GCFLAG_HASHFIELD, 0);
    assert_eq!(heap.hash(heap.root(0)), ha);
    assert_eq!(heap.gc.heap_used(), 2 * CONS_SIZE + 8);
    // A 512-byte object with a hash field moves to the large-object space.
    let s = heap.string(&[7u8; 512 - VAR_HEADER]);
    heap.push(s);
    let hs = heap.hash(s);
    heap.collect_minor();
    assert_eq!(heap.hash(heap.top()), hs);
    assert_eq!(str_bytes(heap.top()), &[7u8; 512 - VAR_HEADER][..]);
}

/// A mutator making random changes to a graph of cons cells held by a large root array, with
/// collections of both kinds in between, checked against a model after every step.
#[test]
fn randomized_mutation_matches_a_model() {
    for (seed, nursery, stress) in [
        (1, 8 << 10, false),
        (2, 64 << 10, false),
        (3, 4 << 10, true),
    ] {
        let mut heap = Heap::new(GcConfig {
            stress,
            min_major: Some(128 << 10),
            ..gen_config(nursery)
        });
        let mut rng = Rng::new(seed);
        let slots = 600; // more than CARD_ITEMS, so the root array gets cards when old
        let arr = heap.array(slots);
        heap.push(arr);
        // The model: for each slot, the node id it holds, and for each node id its car/cdr ids.
        let mut model_slots: Vec<Option<i64>> = vec![None; slots];
        let mut model_links: std::collections::HashMap<i64, (Option<i64>, Option<i64>)> =
            Default::default();
        let mut next_id = 1i64;
        let steps = if stress { 3000 } else { 30_000 };
        for step in 0..steps {
            match rng.below(10) {
                0..=3 => {
                    let slot = rng.below(slots);
                    let cell = heap.cons(null_mut(), null_mut(), next_id);
                    let arr = heap.root(0);
                    heap.set_item(arr, slot, cell);
                    model_slots[slot] = Some(next_id);
                    model_links.insert(next_id, (None, None));
                    next_id += 1;
                }
                4..=6 => {
                    let (from, to) = (rng.below(slots), rng.below(slots));
                    let arr = heap.root(0);
                    let (a, b) = (item(arr, from), item(arr, to));
                    if let Some(a_id) = model_slots[from] {
                        let left = rng.below(2) == 0;
                        if left {
                            heap.set_car(a, b);
                            model_links.get_mut(&a_id).unwrap().0 = model_slots[to];
                        } else {
                            heap.set_cdr(a, b);
                            model_links.get_mut(&a_id).unwrap().1 = model_slots[to];
                        }
                    }
                }
                7 => {
                    let slot = rng.below(slots);
                    let arr = heap.root(0);
                    heap.set_item(arr, slot, null_mut());
                    model_slots[slot] = None;
                }
                8 => {
                    // Garbage, to fill the nursery.
                    for _ in 0..rng.below(50) {
                        heap.cons(null_mut(), null_mut(), -1);
                    }
                }
                _ => match rng.below(20) {
                    0 => heap.collect(),
                    1 => heap.collect_minor(),
                    _ => {}
                },
            }
            if step % 500 == 0 || step == steps - 1 {
                heap.verify();
                let arr = heap.root(0);
                let id_of = |p: Obj| if p.is_null() { None } else { Some(value(p)) };
                for (slot, expected) in model_slots.iter().enumerate() {
                    let node = item(arr, slot);
                    assert_eq!(
                        id_of(node),
                        *expected,
                        "seed {seed} step {step} slot {slot}"
                    );
                    if let Some(id) = expected {
                        let (l, r) = model_links[id];
                        assert_eq!(id_of(car(node)), l, "seed {seed} step {step}");
                        assert_eq!(id_of(cdr(node)), r, "seed {seed} step {step}");
                    }
                }
            }
        }
        assert!(heap.gc.minor_collections() > 10);
        assert!(heap.gc.major_collections() > 0);
    }
}

#[test]
fn the_kind_is_reported() {
    let heap = Heap::generational(16 << 10);
    assert_eq!(heap.gc.kind(), GcKind::Generational);
    assert_eq!(heap.gen().nursery_size(), 16 << 10);
    let heap = Heap::semispace(4 << 10);
    assert_eq!(heap.gc.kind(), GcKind::Semispace);
}

#[test]
fn statistics_and_the_summary() {
    let mut heap = Heap::new(GcConfig {
        summary: true,
        ..gen_config(16 << 10)
    });
    heap.push_list(5000);
    heap.collect();
    let text = heap.gc.summary().unwrap();
    assert!(
        text.contains("collector generational, nursery 16384 bytes"),
        "{text}"
    );
    let minor = heap.gc.minor_collections();
    assert!(minor > 5);
    assert!(
        text.contains(&format!("minor collections: {minor},")),
        "{text}"
    );
    let major = heap.gc.major_collections();
    assert!(major >= 1);
    assert!(
        text.contains(&format!("major collections: {major},")),
        "{text}"
    );
    let stats = heap.gen().stats();
    assert!(stats.peak_heap >= 5000 * CONS_SIZE);
    assert!(stats.copied >= 5000 * CONS_SIZE as u64);
    assert!(Heap::generational(16 << 10).gc.summary().is_none());
}
