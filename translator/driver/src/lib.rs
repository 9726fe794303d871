//! The translation driver: runs the stages of the pipeline in order (load, flow and annotate,
//! rtype, lower, genc, compile), times each, writes dumps on request and reports progress.
//! The `translate` binary is a thin command line over `translate()`; the test harness calls the
//! same function in-process.
//!
//! Relies on every translator crate, on CPython for the load stage (the embedded
//! `rpython-lib/loader.py`), on the system C compiler through the `cc` crate, and on the runtime
//! library `librpyrt.a`, embedded by the build script.

pub mod compile;
pub mod load;
pub mod pipeline;

pub use pipeline::{translate, Gc, Options, Outcome, StageTime, TranslateError};
