//! The global shadow stack of GC roots used by the generated C: a private 64 MiB array in
//! zero-initialised static data, and the exported `rpy_shadowstack_top` that the C code bumps.
//!
//! Relies on the operating system mapping zero-initialised static data (`.bss`) lazily, so the
//! reservation costs nothing until it is used, and on the top pointer being valid from program
//! start, so C code may push roots even before `rpy_gc_init`. Single-threaded, like the rest of
//! the runtime.

use core::ffi::c_void;
use core::ptr::{addr_of_mut, null_mut};

/// Number of root slots in the global shadow stack (64 MiB on 64-bit targets).
pub const SHADOWSTACK_SLOTS: usize = (64 << 20) / core::mem::size_of::<*mut c_void>();

static mut SHADOWSTACK: [*mut c_void; SHADOWSTACK_SLOTS] = [null_mut(); SHADOWSTACK_SLOTS];

/// One past the last root of the global shadow stack.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut rpy_shadowstack_top: *mut *mut c_void =
    addr_of_mut!(SHADOWSTACK) as *mut *mut c_void;

/// The address range of the whole shadow stack, for programs built with Boehm's collector: they
/// never use it, and their collector must not spend its time scanning 64 MiB of zeroes.
pub(crate) fn bounds() -> (*mut c_void, *mut c_void) {
    let base = addr_of_mut!(SHADOWSTACK) as *mut *mut c_void;
    (
        base as *mut c_void,
        base.wrapping_add(SHADOWSTACK_SLOTS) as *mut c_void,
    )
}

/// The live part of the global shadow stack, from its base to `rpy_shadowstack_top`.
///
/// # Safety
/// No other reference to the shadow stack may be alive while the slice is used, and the slots
/// must hold what the collector expects (see `semispace.rs`).
pub(crate) unsafe fn global_roots() -> &'static mut [*mut u8] {
    let base = addr_of_mut!(SHADOWSTACK) as *mut *mut u8;
    let top = rpy_shadowstack_top as *mut *mut u8;
    let depth = (top as usize).wrapping_sub(base as usize) / core::mem::size_of::<*mut u8>();
    if top < base || depth > SHADOWSTACK_SLOTS {
        crate::fatal(&format!(
            "rpy_shadowstack_top = {top:p} is outside the shadow stack \
             ({base:p}, {SHADOWSTACK_SLOTS} slots): overflow or corruption"
        ));
    }
    core::slice::from_raw_parts_mut(base, depth)
}
