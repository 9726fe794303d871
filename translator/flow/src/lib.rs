//! The flow stage: parses the source of every function reached and abstractly interprets its
//! syntax tree into a flow graph, folding constants (globals, closure cells, attributes of
//! modules) from the loader's snapshot.
//!
//! Relies on `rpy-model` for the IR and on `rustpython-parser` through `parse.rs` only.

pub mod ast;
pub mod build;
pub mod format;
pub mod parse;

pub use build::{FlowContext, FuncKey};
