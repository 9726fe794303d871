//! The C interface of `include/rpyrt.h`: the exported allocation statics, the one global collector
//! instance behind them (semispace or generational, chosen by `rpy_gc_init`), and the `extern "C"`
//! entry points, including the write barrier's slow paths and the summary printed at exit, and the
//! settings read by programs built with Boehm's collector instead.
//!
//! Relies on the program being single-threaded (the generated C never calls in concurrently) and
//! on the inline fast path keeping `rpy_nursery_free` at or below `rpy_nursery_top`. The collector
//! itself keeps its own copy of the bump pointers; each entry point that can allocate or collect
//! loads `rpy_nursery_free` into it and stores both pointers back afterwards.

use crate::collector::AnyGc;
use crate::config::{GcConfig, GcKind};
use crate::shadowstack::global_roots;
use crate::typeinfo::{TypeInfo, TypeTable};
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

/// Bit 0 of `rpy_gc_init`'s flags: stress mode.
pub const RPY_GC_FLAG_STRESS: c_int = 1;
/// Position of the collector kind in `rpy_gc_init`'s flags (bits 8..15).
pub const RPY_GC_KIND_SHIFT: c_int = 8;
/// Collector kind: semispace (the default when the kind bits are 0).
pub const RPY_GC_SEMISPACE: c_int = 0;
/// Collector kind: generational.
pub const RPY_GC_GENERATIONAL: c_int = 1;

/// Next free byte of the allocation area.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut rpy_nursery_free: *mut c_char = null_mut();

/// Limit of the inline fast path.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut rpy_nursery_top: *mut c_char = null_mut();

struct GlobalGc(UnsafeCell<Option<AnyGc>>);

// SAFETY: the runtime is single-threaded by contract.
unsafe impl Sync for GlobalGc {}

static GC: GlobalGc = GlobalGc(UnsafeCell::new(None));

struct Once(UnsafeCell<bool>);

// SAFETY: the runtime is single-threaded by contract.
unsafe impl Sync for Once {}

static ATEXIT_REGISTERED: Once = Once(UnsafeCell::new(false));

extern "C" {
    fn atexit(callback: extern "C" fn()) -> c_int;
}

/// Runs `f` on the global collector with its bump pointer synchronised with the C side; `None`
/// before `rpy_gc_init`.
unsafe fn with_gc<R>(f: impl FnOnce(&mut AnyGc) -> R) -> Option<R> {
    let gc = (*GC.0.get()).as_mut()?;
    gc.set_nursery_free(rpy_nursery_free as *mut u8);
    let result = f(gc);
    rpy_nursery_free = gc.nursery_free() as *mut c_char;
    rpy_nursery_top = gc.nursery_top() as *mut c_char;
    Some(result)
}

/// The global collector without touching the bump pointers, for entry points that neither
/// allocate nor collect.
unsafe fn gc_ref() -> Option<&'static mut AnyGc> {
    (*GC.0.get()).as_mut()
}

/// Prints the summary asked for by `PYPYLOG=gc-summary`; registered with `atexit`.
extern "C" fn print_summary() {
    // SAFETY: called by `exit` on the program's only thread, after the generated code is done.
    let text = unsafe { gc_ref().and_then(|gc| gc.summary()) };
    if let Some(text) = text {
        use core::fmt::Write;
        let _ = crate::sys::Log.write_str(&text);
    }
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
    flags: c_int,
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
    let kind = match GcKind::from_flags(flags) {
        Some(kind) => kind,
        None => crate::fatal(&format!(
            "rpy_gc_init: unknown collector kind {} in flags {flags:#x}",
            (flags >> RPY_GC_KIND_SHIFT) & 0xff
        )),
    };
    let config = GcConfig::from_env(flags & RPY_GC_FLAG_STRESS != 0, kind);
    // Drop the previous collector first, so that two heaps never coexist.
    *GC.0.get() = None;
    let gc = match AnyGc::new(table, statics, config) {
        Ok(gc) => gc,
        Err(msg) => crate::fatal(&format!("rpy_gc_init: {msg}")),
    };
    rpy_nursery_free = gc.nursery_free() as *mut c_char;
    rpy_nursery_top = gc.nursery_top() as *mut c_char;
    let wants_summary = gc.config().summary;
    *GC.0.get() = Some(gc);
    if wants_summary && !*ATEXIT_REGISTERED.0.get() {
        *ATEXIT_REGISTERED.0.get() = true;
        atexit(print_summary);
    }
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

/// A full (major) collection now (nothing before `rpy_gc_init`).
///
/// # Safety
/// As for [`rpy_gc_malloc_slowpath`].
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect() {
    with_gc(|gc| gc.collect(global_roots()));
}

/// A minor collection now (a full one under the semispace collector).
///
/// # Safety
/// As for [`rpy_gc_malloc_slowpath`].
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect_minor() {
    with_gc(|gc| gc.collect_minor(global_roots()));
}

/// `rgc.collect(gen)`: a minor collection for generation 0, else a full one.
///
/// # Safety
/// As for [`rpy_gc_malloc_slowpath`].
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect_gen(generation: i64) {
    if generation == 0 {
        rpy_gc_collect_minor();
    } else {
        rpy_gc_collect();
    }
}

/// `rgc.enable()` (1) and `rgc.disable()` (0); see `rpyrt.h`.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_set_enabled(enabled: c_int) {
    if let Some(gc) = gc_ref() {
        gc.set_enabled(enabled != 0);
    }
}

/// `rgc.add_memory_pressure(bytes)`; negative estimates are ignored.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_add_memory_pressure(bytes: i64) {
    if let (Some(gc), Ok(bytes)) = (gc_ref(), usize::try_from(bytes)) {
        gc.add_memory_pressure(bytes);
    }
}

/// `rgc.isenabled()`.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_isenabled() -> c_int {
    gc_ref().is_none_or(|gc| gc.is_enabled()) as c_int
}

/// `rgc.can_move(obj)`: 1 if the object may still move.
///
/// # Safety
/// `obj` must be a GC object or a static object.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_can_move(obj: *mut c_void) -> c_int {
    // `with_gc`: the semispace collector tells heap objects by the current bump pointer.
    with_gc(|gc| gc.can_move(obj as *mut u8)).unwrap_or(false) as c_int
}

/// Calls `destructor(obj)` when a collection finds `obj` dead.
///
/// # Safety
/// `obj` must be a GC object; `destructor` must be light (see `finalize.rs`).
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_register_destructor(
    obj: *mut c_void,
    destructor: crate::finalize::Destructor,
) {
    if let Some(gc) = gc_ref() {
        gc.register_destructor(obj as *mut u8, destructor);
    }
}

/// Registers `obj` with the finalizer queue `queue` (a small index chosen by the program).
///
/// # Safety
/// `obj` must be a GC object.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_fq_register(queue: i64, obj: *mut c_void) {
    if let (Some(gc), Ok(q)) = (gc_ref(), u32::try_from(queue)) {
        gc.fq_register(q, obj as *mut u8);
    }
}

/// The oldest dead object of finalizer queue `queue` not yet taken, or NULL.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_fq_next_dead(queue: i64) -> *mut c_void {
    match (gc_ref(), u32::try_from(queue)) {
        (Some(gc), Ok(q)) => gc.fq_next_dead(q) as *mut c_void,
        _ => null_mut(),
    }
}

/// A finalizer queue whose trigger must be called (no longer pending afterwards), or -1.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_fq_take_trigger() -> i64 {
    gc_ref()
        .and_then(|gc| gc.fq_take_trigger())
        .map_or(-1, i64::from)
}

/// The write barrier's slow path for a store of a GC pointer into a field of `obj`.
///
/// # Safety
/// `obj` must be a GC object or a static object.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_write_barrier(obj: *mut c_void) {
    match gc_ref() {
        Some(gc) => gc.write_barrier(obj as *mut u8),
        None => crate::typeinfo::clear_track_flag(obj as *mut u8),
    }
}

/// The write barrier's slow path for a store of a GC pointer into item `index` of the array
/// `obj`.
///
/// # Safety
/// As for [`rpy_gc_write_barrier`].
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_write_barrier_array(obj: *mut c_void, index: i64) {
    match gc_ref() {
        Some(gc) => gc.write_barrier_array(obj as *mut u8, index.max(0) as usize),
        None => crate::typeinfo::clear_track_flag(obj as *mut u8),
    }
}

/// The identity hash of `obj` (0 for NULL).
///
/// # Safety
/// `obj` must be NULL, a GC object or a static object.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_identityhash(obj: *mut c_void) -> i64 {
    // `with_gc`: the semispace collector tells heap objects by the current bump pointer.
    with_gc(|gc| gc.identityhash(obj as *mut u8)).unwrap_or_else(|| crate::hash::mix(obj as u64))
}

/// `id()` of `obj`: unique among live objects (0 for NULL).
///
/// # Safety
/// As for [`rpy_gc_identityhash`].
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_id(obj: *mut c_void) -> i64 {
    with_gc(|gc| gc.id(obj as *mut u8)).unwrap_or(obj as i64)
}

/// Number of collections so far: minor plus major.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collections() -> u64 {
    gc_ref().map(|gc| gc.collections()).unwrap_or(0)
}

/// Number of minor collections so far (0 under the semispace collector).
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_minor_collections() -> u64 {
    gc_ref().map(|gc| gc.minor_collections()).unwrap_or(0)
}

/// Number of major (full) collections so far.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_major_collections() -> u64 {
    gc_ref().map(|gc| gc.major_collections()).unwrap_or(0)
}

/// Bytes currently in use.
///
/// # Safety
/// Must not run concurrently with another entry point.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_heap_used() -> u64 {
    with_gc(|gc| gc.heap_used() as u64).unwrap_or(0)
}

/// What `rpy_gc_boehm_settings` fills in: `rpy_boehm_settings` of `rpyrt.h`.
#[repr(C)]
pub struct BoehmSettingsC {
    /// Collect every `stress_every` allocations when nonzero.
    pub stress_every: u64,
    /// The heap limit in bytes, 0 for none.
    pub max_heap: u64,
    /// One line per collection on stderr.
    pub log: c_int,
    /// A summary at exit.
    pub summary: c_int,
    /// Where both go: stderr (2), or the file `PYPYLOG` names.
    pub log_fd: c_int,
    /// Static data of the runtime library that holds no pointer into Boehm's heap (the shadow
    /// stack, which such a program never uses): the collector should not scan it.
    pub noscan_start: *mut c_void,
    /// One past the end of that data.
    pub noscan_end: *mut c_void,
}

/// The settings of a program built with `--gc=boehm`, read from the environment; `stress` is the
/// stress mode chosen at translation time.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_boehm_settings(stress: c_int, out: *mut BoehmSettingsC) {
    let settings = crate::config::BoehmSettings::from_env(stress != 0);
    let (noscan_start, noscan_end) = crate::shadowstack::bounds();
    *out = BoehmSettingsC {
        stress_every: if settings.stress {
            crate::config::BOEHM_STRESS_EVERY
        } else {
            0
        },
        max_heap: settings.max_heap.unwrap_or(0) as u64,
        log: settings.log as c_int,
        summary: settings.summary as c_int,
        log_fd: crate::sys::log_fd(),
        noscan_start,
        noscan_end,
    };
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
