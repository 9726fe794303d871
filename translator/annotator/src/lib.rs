//! The annotator: whole-program type inference over flow graphs, from the entry point to a
//! fixpoint. Blocks are re-flowed whenever one of their inputs generalises; calls connect the
//! graphs (arguments flow into the callee's start block, its return annotation back into every
//! caller); list item cells are shared and merged by union-find.
//!
//! Relies on `rpy-flow` only through the graphs it is given (the driver builds them on request
//! through the `GraphSource` trait), and on `rpy-model` for the IR.

pub mod ann;
pub mod annotate;
pub mod classdef;
pub mod finalizer;
pub mod prelude;
pub mod rules;
pub mod weakdict;

pub use ann::{Ann, IntKind, ListKey, WeakDictDef};
pub use annotate::{Annotator, GraphId, GraphSource};
pub use classdef::{ClassDef, ClassId};
