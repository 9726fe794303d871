//! The C interface of `include/rpyrt.h`: the exported allocation statics, the one global collector
//! instance behind them, and the `extern "C"` entry points.
//!
//! Relies on the program being single-threaded (the generated C never calls in concurrently) and
//! on the inline fast path keeping `rpy_nursery_free` within the current space. The collector
//! itself keeps its own copy of the bump pointers; each entry point loads `rpy_nursery_free` into
//! it and stores both pointers back afterwards.

use crate::config::GcConfig;
use crate::semispace::Gc;
use crate::shadowstack::global_roots;
use crate::typeinfo::{TypeInfo, TypeTable};
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

/// Next free byte of the allocation area.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut rpy_nursery_free: *mut c_char = null_mut();

/// Limit of the inline fast path.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut rpy_nursery_top: *mut c_char = null_mut();

struct GlobalGc(UnsafeCell<Option<Gc>>);

// SAFETY: the runtime is single-threaded by contract.
unsafe impl Sync for GlobalGc {}

static GC: GlobalGc = GlobalGc(UnsafeCell::new(None));

/// Runs `f` on the global collector with its bump pointer synchronised with the C side; `None`
/// before `rpy_gc_init`.
unsafe fn with_gc<R>(f: impl FnOnce(&mut Gc) -> R) -> Option<R> {
    let gc = (*GC.0.get()).as_mut()?;
    gc.nursery_free = rpy_nursery_free as *mut u8;
    let result = f(gc);
    rpy_nursery_free = gc.nursery_free as *mut c_char;
    rpy_nursery_top = gc.nursery_top as *mut c_char;
    Some(result)
}

/// Sets up the global collector; see `rpyrt.h`. Calling it again replaces the collector and
/// abandons every object allocated so far.
///
/// # Safety
/// `types` must point to `n_types` valid entries and `static_objs` to `n_static` pointers to
/// static objects that live as long as the program.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_init(
    types: *const TypeInfo,
    n_types: u32,
    static_objs: *const *mut c_void,
    n_static: usize,
    stress: c_int,
) {
    let table = match TypeTable::from_raw(types, n_types as usize) {
        Ok(table) => table,
        Err(msg) => crate::fatal(&format!("rpy_gc_init: bad type table: {msg}")),
    };
    let statics: &[*mut u8] = if n_static == 0 || static_objs.is_null() {
        &[]
    } else {
        core::slice::from_raw_parts(static_objs as *const *mut u8, n_static)
    };
    let gc = match Gc::new(table, statics, GcConfig::from_env(stress != 0)) {
        Ok(gc) => gc,
        Err(msg) => crate::fatal(&format!("rpy_gc_init: {msg}")),
    };
    rpy_nursery_free = gc.nursery_free as *mut c_char;
    rpy_nursery_top = gc.nursery_top as *mut c_char;
    *GC.0.get() = Some(gc);
}

/// Slow path of allocation; see `rpyrt.h`.
///
/// # Safety
/// `rpy_gc_init` must have been called, and the shadow stack and static objects must hold valid
/// GC pointers.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_malloc_slowpath(tid: u32, size: usize) -> *mut c_void {
    match with_gc(|gc| gc.malloc_slowpath(tid, size, global_roots())) {
        Some(obj) => obj as *mut c_void,
        None => crate::fatal("rpy_gc_malloc_slowpath called before rpy_gc_init"),
    }
}

/// A full collection now (nothing before `rpy_gc_init`).
///
/// # Safety
/// As for [`rpy_gc_malloc_slowpath`].
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect() {
    with_gc(|gc| gc.collect(global_roots()));
}

/// Number of collections so far.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collections() -> u64 {
    with_gc(|gc| gc.collections()).unwrap_or(0)
}

/// Bytes currently in use: live data at the last collection plus everything allocated since.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_heap_used() -> u64 {
    with_gc(|gc| gc.heap_used() as u64).unwrap_or(0)
}

/// Writes `repr(x)` into `buf` (room for 32 bytes) and returns its length.
///
/// # Safety
/// `buf` must be writable for 32 bytes.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_repr(x: f64, buf: *mut c_char) -> usize {
    let mut out = [0u8; crate::floatrepr::MAX_REPR_LEN];
    let len = crate::floatrepr::float_repr(x, &mut out);
    core::ptr::copy_nonoverlapping(out.as_ptr(), buf as *mut u8, len);
    len
}

/// Parses `len` bytes as Python's `int(str)`; 0 on success, 1 for ValueError, 2 for overflow.
///
/// # Safety
/// `s` must be readable for `len` bytes (it may be NULL when `len` is 0) and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn rpy_parse_int(s: *const c_char, len: usize, out: *mut i64) -> c_int {
    let text: &[u8] = if len == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(s as *const u8, len)
    };
    match crate::parseint::parse_int(text) {
        Ok(value) => {
            *out = value;
            0
        }
        Err(crate::parseint::ParseIntError::Invalid) => 1,
        Err(crate::parseint::ParseIntError::Overflow) => 2,
    }
}
