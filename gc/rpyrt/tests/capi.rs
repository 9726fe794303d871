//! Drives the exported C interface the way generated code does: `rpy_gc_init` with a type table
//! and a static object, the inline fast path on `rpy_nursery_free`/`rpy_nursery_top`, roots on
//! the global shadow stack at `rpy_shadowstack_top`, then the environment variables for the
//! initial heap, stress mode and the heap limit, and the parsing entry point.
//!
//! Relies on being the only test in its process: the collector behind the C interface is global,
//! so everything happens in one `#[test]`, re-initialising the collector between phases.

use rpyrt::capi::*;
use rpyrt::shadowstack::rpy_shadowstack_top;
use rpyrt::typeinfo::{round_size, GCFLAG_STATIC, TI_GCPTR_ITEMS, TI_VARSIZE};
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

fn init(statics: &[Obj], env: &[(&str, &str)]) {
    for var in [
        "RPY_GC_STRESS",
        "RPY_GC_MAX_HEAP",
        "RPY_GC_INITIAL_HEAP",
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
            0,
        )
    };
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
