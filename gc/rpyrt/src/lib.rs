//! `rpyrt`, the runtime library linked into every translated program: two precise, moving
//! garbage collectors (the generational default and a semispace collector for bootstrapping and
//! testing), the shadow stack of GC roots, and support functions for float formatting and integer
//! parsing.
//!
//! Built as a static library (`librpyrt.a`) whose C interface is `include/rpyrt.h`, and as an rlib
//! so that Rust tests can drive a collector directly. The crate relies on nothing but `std` (and
//! libc's `atexit`), and on its C callers being single-threaded.
//!
//! Environment variables read by `rpy_gc_init` (sizes are bytes with an optional `K`, `M`, `G`
//! suffix, binary multiples):
//! - `RPY_GC=semispace|generational`: overrides the collector compiled into the program.
//! - `PYPY_GC_NURSERY` or `RPY_GC_NURSERY`: the nursery size (generational); the default comes
//!   from the L2 cache size (`config::nursery_rule`).
//! - `PYPY_GC_MAJOR_COLLECT` (factor, default 1.82) and `PYPY_GC_MIN` (size, default 8
//!   nurseries): when major collections happen.
//! - `RPY_GC_INITIAL_HEAP`: size of each of the two semispaces at start-up (default 4M).
//! - `RPY_GC_MAX_HEAP`: limit for the whole heap (default: none); past it the allocation slow
//!   path returns NULL.
//! - `RPY_GC_STRESS=1`: collect at every allocation.
//! - `PYPYLOG`: categories containing `gc` print one line per collection on stderr;
//!   `gc-summary` (or `summary`) prints a summary at exit.
//!
//! Modules: `capi` (the exported C symbols), `collector` (the choice between the collectors),
//! `semispace` (the copying collector) and `space` (its memory), `generational` (the default
//! collector) with `nursery`, `oldgen` (size classes) over `pages` (arenas), `large` (large objects and card tables)
//! and `barrier` (remembered set), `hash` (identity hashes), `stats` (counters and `PYPYLOG`),
//! `typeinfo` (the type table and header layout), `finalize` (weak references, destructors and
//! finalizer queues), `shadowstack` (the global root stack),
//! `config` (settings), `floatrepr`, `parseint`.

pub mod barrier;
pub mod capi;
pub mod collector;
pub mod config;
pub mod finalize;
pub mod floatrepr;
pub mod generational;
pub mod hash;
pub mod large;
pub mod nursery;
pub mod oldgen;
pub mod pages;
pub mod parseint;
pub mod semispace;
pub mod shadowstack;
pub mod space;
pub mod stats;
pub mod typeinfo;

pub use collector::AnyGc;
pub use config::{GcConfig, GcKind};
pub use generational::GenGc;
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
