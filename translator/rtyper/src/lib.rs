//! The rtyper: turns annotated flow graphs into low-level graphs. Each annotation gets a
//! low-level representation (`repr.rs`), each flow operation becomes inline low-level operations
//! or calls of support functions (`rtype.rs`, `support.rs`), and values whose representations
//! differ across a link are converted in a block inserted on that link. Prebuilt constants
//! (strings, lists, tuples) become prebuilt objects of the `LlProgram`.
//!
//! Relies on the annotator's results and on `rpy-model`; knows nothing of C.

pub mod repr;
pub mod rtype;
pub mod support;

pub use rtype::rtype_program;
