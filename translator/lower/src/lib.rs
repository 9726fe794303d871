//! Lowering of low-level graphs before C generation, as an ordered pipeline of passes:
//!
//! 1. `effects`: which functions can raise and which can collect, to a fixpoint over the call
//!    graph (support functions declare theirs in the rtyper's table);
//! 2. `stackcheck`: a `stack_check` at the start of every function on a cycle of the call graph,
//!    so deep recursion raises RecursionError instead of overflowing the C stack;
//! 3. `exceptions`: the exception transform — after every operation that can raise, a test of the
//!    global exception state that either continues, jumps to the handler that catches it, or
//!    records a traceback entry and returns to the caller; `raise` sets the state;
//! 4. `gcroots`: the shadow-stack root transform — around every operation that can collect, the
//!    GC pointers live after it are pushed on the shadow stack and reloaded afterwards, since a
//!    moving collector may change them. Skipped for Boehm's collector, which scans the C stack
//!    conservatively and never moves objects ([`GcRoots::Conservative`]).
//!
//! After them, `light::check` reports the destructors and finalizer triggers that do too much
//! (the driver calls it).
//!
//! Relies only on `rpy-model` (and `petgraph` for strongly connected components). After these
//! passes the graphs are in the "lowered" dialect that genc prints.

pub mod effects;
pub mod exceptions;
pub mod gcroots;
pub mod light;
pub mod stackcheck;

use rpy_model::llop::LlProgram;

/// How the program's collector finds the GC pointers held in local variables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcRoots {
    /// On the shadow stack, which the `gcroots` pass maintains (our moving collectors).
    ShadowStack,
    /// By scanning the C stack and registers itself (Boehm's collector): no pass is needed.
    Conservative,
}

/// Runs every lowering pass in order.
pub fn lower_program(p: &mut LlProgram, roots: GcRoots) {
    effects::compute(p);
    stackcheck::insert(p);
    exceptions::transform(p);
    // Catching an exception may allocate its instance: the effects are recomputed on the
    // lowered graphs before the GC transform and genc read them.
    effects::compute(p);
    if roots == GcRoots::ShadowStack {
        gcroots::transform(p);
    }
}
