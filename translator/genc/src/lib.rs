//! genc: writes the C source of a lowered low-level program. It emits a struct per GC type, the
//! GC type table (sizes and offsets by `sizeof`/`offsetof`, so the C compiler decides layouts),
//! static data for every prebuilt object, one C function per graph (blocks as labels, links as
//! parallel moves and `goto`), `#line` directives back to the RPython source, and `main`.
//!
//! Relies only on `rpy-model`: genc sees low-level graphs and constants, never annotations or
//! Python objects. The support header `c/rpy_support.h` and the runtime header `rpyrt.h` are
//! embedded and written next to the generated files (and `c/rpy_boehm.h` for programs using
//! Boehm's collector).

pub mod emit;

pub use emit::{generate, CProgram, GencOptions};

/// The support header, written next to the generated C.
pub const SUPPORT_H: &str = include_str!("c/rpy_support.h");
/// The dict implementation, included by the support header.
pub const DICT_H: &str = include_str!("c/rpy_dict.h");
/// The collector interface over Boehm's collector, for programs translated with `--gc=boehm`.
pub const BOEHM_H: &str = include_str!("c/rpy_boehm.h");
/// The runtime library's C interface.
pub const RPYRT_H: &str = include_str!("../../../gc/rpyrt/include/rpyrt.h");
