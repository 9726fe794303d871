//! The shared model of the translator: typed arenas, source spans and diagnostics, the generic
//! flow-graph structure with its text form and verifier, the flow and low-level operation tables,
//! low-level types and the loader's snapshot.
//!
//! Architecture invariant: this crate depends on no other crate of the translator.

pub mod diag;
pub mod entity;
pub mod flowop;
pub mod graph;
pub mod llop;
pub mod lltype;
pub mod optable;
pub mod simplify;
pub mod snapshot;
pub mod span;
pub mod split;
pub mod verify;

pub use diag::{Diagnostic, Diagnostics};
pub use graph::{
    Block, BlockData, ExitCase, ExitSwitch, Graph, Link, LinkArg, Operation, Value, Var,
};
pub use span::{FileId, SourceMap, Span};
