//! Drives the exported C interface the way generated code does: `rpy_gc_init` with a type table
//! and a static object, the inline fast path on `rpy_nursery_free`/`rpy_nursery_top`, roots on
//! the global shadow stack at `rpy_shadowstack_top`, the write barrier's inline test and slow
//! paths, identity hashes, then the environment variables for the collector kind, the nursery,
//! the initial heap, stress mode and the heap limit, under both collectors; and the parsing entry
//! point.
//!
//! Relies on being the only test in its process: the collector behind the C interface is global,
//! so everything happens in one `#[test]`, re-initialising the collector between phases.

use rpyrt::capi::*;
use rpyrt::shadowstack::rpy_shadowstack_top;
use rpyrt::typeinfo::{
    round_size, GCFLAG_HAS_CARDS, GCFLAG_STATIC, GCFLAG_TRACK_YOUNG_PTRS, TI_GCPTR_ITEMS,
    TI_VARSIZE,
};
use rpyrt::TypeInfo;
use std::ffi::c_void;
use std::ptr::null_mut;

type Obj = *mut u8;

static CONS_PTRS: [u32; 2] = [8, 16];

fn types() -> [TypeInfo; 2] {
    [
        TypeInfo {
            flags: 0,
            fixedsize: 32,
            itemsize: 0,
            length_offset: 0,
            n_ptrs: 2,
            ptr_offsets: CONS_PTRS.as_ptr(),
        },
        TypeInfo {
            flags: TI_VARSIZE | TI_GCPTR_ITEMS,
            fixedsize: 16,
            itemsize: 8,
            length_offset: 8,
            n_ptrs: 0,
            ptr_offsets: std::ptr::null(),
        },
    ]
}

unsafe fn alloc(tid: u32, size: usize) -> Obj {
    let size = round_size(size).unwrap();
    let p = rpy_nursery_free;
    if !p.is_null() && p.wrapping_add(size) <= rpy_nursery_top {
        rpy_nursery_free = p.add(size);
        // The nursery is not zeroed: the fast path initialises the whole object.
        core::ptr::write_bytes(p, 0, size);
        *(p as *mut u64) = tid as u64;
        p as Obj
    } else {
        rpy_gc_malloc_slowpath(tid, size) as Obj
    }
}

unsafe fn push(obj: Obj) {
    *rpy_shadowstack_top = obj as *mut c_void;
    rpy_shadowstack_top = rpy_shadowstack_top.add(1);
}

unsafe fn pop() -> Obj {
    rpy_shadowstack_top = rpy_shadowstack_top.sub(1);
    *rpy_shadowstack_top as Obj
}

/// Whether the fast path is closed, as stress mode keeps it.
unsafe fn stress_limit() -> bool {
    let (free, top) = (rpy_nursery_free, rpy_nursery_top);
    !free.is_null() && free == top
}

unsafe fn shadowstack_top() -> *mut *mut c_void {
    rpy_shadowstack_top
}

unsafe fn field(obj: Obj, offset: usize) -> *mut u64 {
    obj.add(offset) as *mut u64
}

/// Prepends a cell holding `value` to the list on top of the shadow stack; false on NULL.
unsafe fn prepend(value: i64) -> bool {
    let cell = alloc(0, 32);
    if cell.is_null() {
        return false;
    }
    *field(cell, 16) = pop() as u64;
    *field(cell, 24) = value as u64;
    push(cell);
    true
}

unsafe fn check_list(mut cell: Obj, n: i64) {
    for i in (0..n).rev() {
        assert_eq!(*field(cell, 24) as i64, i);
        cell = *field(cell, 16) as Obj;
    }
    assert!(cell.is_null());
}

unsafe fn barrier(obj: Obj) {
    if *(obj as *const u64) & GCFLAG_TRACK_YOUNG_PTRS != 0 {
        rpy_gc_write_barrier(obj as *mut c_void);
    }
}

unsafe fn barrier_array(obj: Obj, i: usize) {
    if *(obj as *const u64) & GCFLAG_TRACK_YOUNG_PTRS != 0 {
        rpy_gc_write_barrier_array(obj as *mut c_void, i as i64);
    }
}

fn init(statics: &[Obj], env: &[(&str, &str)]) {
    init_flags(statics, env, 0)
}

fn init_flags(statics: &[Obj], env: &[(&str, &str)], flags: i32) {
    for var in [
        "RPY_GC",
        "RPY_GC_STRESS",
        "RPY_GC_MAX_HEAP",
        "RPY_GC_INITIAL_HEAP",
        "RPY_GC_NURSERY",
        "PYPY_GC_NURSERY",
        "PYPY_GC_MIN",
        "PYPY_GC_MAJOR_COLLECT",
        "PYPYLOG",
    ] {
        std::env::remove_var(var);
    }
    for (var, value) in env {
        std::env::set_var(var, value);
    }
    let types = types();
    unsafe {
        rpy_gc_init(
            types.as_ptr(),
            types.len() as u32,
            statics.as_ptr() as *const *mut c_void,
            statics.len(),
            flags,
        )
    };
}

/// The generational phases: the kind from the flags and from `RPY_GC`, the nursery size, the
/// barrier on a static object and on a large array, minor and major collections, identity
/// hashes, stress mode and the heap limit.
unsafe fn generational_phases(s: Obj) {
    let gen = RPY_GC_GENERATIONAL << RPY_GC_KIND_SHIFT;
    let base = shadowstack_top();
    // The static object must not point into an abandoned heap.
    *field(s, 8) = 0;
    *field(s, 16) = 0;
    init_flags(&[s], &[("PYPY_GC_NURSERY", "64K")], gen);
    assert_ne!(*field(s, 0) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    // The nursery is populated a chunk at a time, so the first allocation takes the slow path;
    // then the fast path is open.
    push(null_mut());
    assert!(prepend(0));
    assert!(
        !stress_limit(),
        "the fast path is open after the first allocation"
    );
    for i in 1..20_000 {
        assert!(prepend(i));
    }
    let minors = rpy_gc_minor_collections();
    assert!(minors >= 9, "{minors}");
    assert_eq!(rpy_gc_collections(), minors + rpy_gc_major_collections());
    // The list goes into the static object through the barrier.
    let list = pop();
    barrier(s);
    *field(s, 8) = list as u64;
    assert_eq!(*field(s, 0) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    let h = rpy_gc_identityhash(list as *mut c_void);
    let id = rpy_gc_id(list as *mut c_void);
    rpy_gc_collect_minor();
    assert_eq!(rpy_gc_minor_collections(), minors + 1);
    assert_ne!(*field(s, 0) & GCFLAG_TRACK_YOUNG_PTRS, 0);
    let list = *field(s, 8) as Obj;
    check_list(list, 20_000);
    assert_eq!(rpy_gc_identityhash(list as *mut c_void), h);
    assert_eq!(rpy_gc_id(list as *mut c_void), id);
    let majors = rpy_gc_major_collections();
    rpy_gc_collect();
    assert_eq!(rpy_gc_major_collections(), majors + 1);
    assert_eq!(rpy_gc_heap_used(), 20_000 * 32 + 8);
    assert_eq!(rpy_gc_identityhash(list as *mut c_void), h);

    // A large array of pointers, allocated outside the nursery, mutated through card marking.
    let n = 20_000;
    let array = alloc(1, 16 + 8 * n);
    *field(array, 8) = n as u64;
    push(array);
    rpy_gc_collect_minor();
    let array = pop();
    assert_ne!(*field(array, 0) & GCFLAG_HAS_CARDS, 0);
    push(array);
    for i in (0..n).step_by(7) {
        push(null_mut());
        assert!(prepend(i as i64));
        let cell = pop();
        let array = *rpy_shadowstack_top.sub(1) as Obj;
        barrier_array(array, i);
        *field(array, 16 + 8 * i) = cell as u64;
    }
    rpy_gc_collect();
    let array = pop();
    for i in (0..n).step_by(7) {
        let cell = *field(array, 16 + 8 * i) as Obj;
        assert_eq!(*field(cell, 24), i as u64);
    }
    assert_eq!(shadowstack_top(), base);

    // RPY_GC overrides the kind compiled in, both ways; RPY_GC_NURSERY is a synonym.
    init_flags(
        &[s],
        &[("RPY_GC", "generational"), ("RPY_GC_NURSERY", "32K")],
        0,
    );
    push(null_mut());
    for i in 0..5000 {
        assert!(prepend(i));
    }
    assert!(rpy_gc_minor_collections() >= 4);
    check_list(pop(), 5000);
    init_flags(&[s], &[("RPY_GC", "semispace")], gen);
    push(null_mut());
    for i in 0..5000 {
        assert!(prepend(i));
    }
    assert_eq!(rpy_gc_minor_collections(), 0);
    check_list(pop(), 5000);

    // Stress mode: a minor collection at every allocation.
    init_flags(&[s], &[], gen | 1);
    assert!(stress_limit());
    push(null_mut());
    for i in 0..500 {
        let before = rpy_gc_minor_collections();
        assert!(prepend(i));
        assert_eq!(rpy_gc_minor_collections(), before + 1);
        assert!(stress_limit());
    }
    check_list(pop(), 500);

    // The heap limit: NULL instead of an abort, and the data survives.
    init_flags(&[], &[("RPY_GC_MAX_HEAP", "256K")], gen);
    push(null_mut());
    let mut n = 0;
    while prepend(n) {
        n += 1;
    }
    assert!(n * 32 > 192 << 10, "{n}");
    assert!(n * 32 <= 256 << 10, "{n}");
    check_list(pop(), n);
    assert!(rpy_gc_malloc_slowpath(0, usize::MAX).is_null());
    assert_eq!(shadowstack_top(), base);
}

#[test]
fn the_c_interface() {
    unsafe {
        // Before rpy_gc_init: harmless queries, and the shadow stack is already usable.
        assert_eq!(rpy_gc_collections(), 0);
        assert_eq!(rpy_gc_heap_used(), 0);
        rpy_gc_collect();
        let base = shadowstack_top();
        assert!(!base.is_null());
        push(null_mut());
        assert_eq!(pop(), null_mut());

        // A static cons cell whose car is mutated to point into the heap.
        let mut static_cell = Box::new([GCFLAG_STATIC, 0, 0, 0]);
        let s = static_cell.as_mut_ptr() as Obj;
        init(&[s], &[("RPY_GC_INITIAL_HEAP", "64K")]);
        push(null_mut());
        for i in 0..20_000 {
            assert!(prepend(i));
        }
        assert!(rpy_gc_collections() >= 3);
        check_list(pop(), 20_000);
        assert_eq!(shadowstack_top(), base);
        push(null_mut());
        for i in 0..100 {
            assert!(prepend(i));
        }
        *field(s, 8) = pop() as u64;
        let array = alloc(1, 16 + 8 * 10);
        *field(array, 8) = 10;
        push(array);
        rpy_gc_collect();
        check_list(*field(s, 8) as Obj, 100);
        assert_eq!(rpy_gc_heap_used(), 100 * 32 + 96);
        assert_eq!(*(rpy_shadowstack_top.sub(1) as *const u64), pop() as u64);

        // Identity through the C interface: an object from the inline fast path keeps its id
        // and hash when the semispace collector moves it.
        push(null_mut());
        assert!(prepend(7));
        let cell = pop();
        let (id, h) = (rpy_gc_id(cell.cast()), rpy_gc_identityhash(cell.cast()));
        assert_ne!(id, cell as i64);
        push(cell);
        rpy_gc_collect();
        let cell = pop();
        assert_eq!(rpy_gc_id(cell.cast()), id);
        assert_eq!(rpy_gc_identityhash(cell.cast()), h);
        assert_eq!(rpy_gc_id(null_mut()), 0);

        // Stress mode from the environment: every allocation collects.
        init(&[s], &[("RPY_GC_STRESS", "1")]);
        assert!(stress_limit());
        push(null_mut());
        for i in 0..500 {
            let before = rpy_gc_collections();
            assert!(prepend(i));
            assert_eq!(rpy_gc_collections(), before + 1);
            assert!(stress_limit());
        }
        check_list(pop(), 500);

        // The heap limit: NULL instead of an abort, and the data survives.
        init(
            &[],
            &[("RPY_GC_MAX_HEAP", "256K"), ("RPY_GC_INITIAL_HEAP", "16K")],
        );
        push(null_mut());
        let mut n = 0;
        while prepend(n) {
            n += 1;
        }
        assert_eq!(n, 128 * 1024 / 32);
        check_list(pop(), n);
        assert!(rpy_gc_malloc_slowpath(0, usize::MAX).is_null());
        assert_eq!(shadowstack_top(), base);

        generational_phases(s);

        // The parsing entry point.
        let mut out = 0i64;
        let text = b" -1_234 ";
        assert_eq!(rpy_parse_int(text.as_ptr().cast(), text.len(), &mut out), 0);
        assert_eq!(out, -1234);
        assert_eq!(rpy_parse_int(std::ptr::null(), 0, &mut out), 1);
        let big = b"9223372036854775808";
        assert_eq!(rpy_parse_int(big.as_ptr().cast(), big.len(), &mut out), 2);
        drop(static_cell);
    }
}
