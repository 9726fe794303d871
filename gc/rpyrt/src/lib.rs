//! `rpyrt`, the runtime library linked into every translated program: a precise, moving
//! semispace garbage collector, the shadow stack of GC roots, and support functions for float
//! formatting and integer parsing.
//!
//! Built as a static library (`librpyrt.a`) whose C interface is `include/rpyrt.h`, and as an rlib
//! so that Rust tests can drive a collector directly. The crate relies on nothing but `std`, and
//! on its C callers being single-threaded.
//!
//! Environment variables read by `rpy_gc_init`:
//! - `RPY_GC_INITIAL_HEAP`: size of each of the two semispaces at start-up (default 4M); sizes are
//!   bytes with an optional `K`, `M`, `G` suffix (binary multiples).
//! - `RPY_GC_MAX_HEAP`: limit for both semispaces together (default: none); past it the allocation
//!   slow path returns NULL.
//! - `RPY_GC_STRESS=1`: collect at every allocation.
//! - `PYPYLOG` containing `gc`: one line per collection on stderr.
//!
//! Modules: `capi` (the exported C symbols), `semispace` (the collector), `space` (its memory),
//! `typeinfo` (the type table and header layout), `shadowstack` (the global root stack),
//! `config` (settings), `floatrepr`, `parseint`.

pub mod capi;
pub mod config;
pub mod floatrepr;
pub mod parseint;
pub mod semispace;
pub mod shadowstack;
pub mod space;
pub mod typeinfo;

pub use config::GcConfig;
pub use semispace::Gc;
pub use typeinfo::{TypeInfo, TypeTable};

/// Reports a broken invariant of the generated program (a malformed type table, a corrupt heap)
/// and aborts. Never used for running out of memory, which the allocator reports as NULL.
#[cold]
pub(crate) fn fatal(msg: &str) -> ! {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "rpyrt: fatal error: {msg}");
    std::process::abort()
}
