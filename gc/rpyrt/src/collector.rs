//! The collector chosen at start-up: [`AnyGc`] holds either collector and forwards every
//! operation of the C interface to it, so that `capi.rs` (and tests that run the same scenario
//! under both collectors) need not care which one runs.
//!
//! Relies on both collectors keeping their bump pointers in public fields that the caller
//! synchronises with the inline fast path.

use crate::config::{GcConfig, GcKind};
use crate::finalize::Destructor;
use crate::generational::GenGc;
use crate::prelude::*;
use crate::semispace::Gc;
use crate::typeinfo::TypeTable;

/// One collector of either kind.
// A program has one collector, so the size difference between the variants costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum AnyGc {
    /// The semispace collector.
    Semispace(Gc),
    /// The generational collector.
    Generational(GenGc),
}

impl AnyGc {
    /// A collector of the kind `config.kind`; see [`Gc::new`] and [`GenGc::new`].
    ///
    /// # Safety
    /// As for [`Gc::new`].
    pub unsafe fn new(
        types: TypeTable,
        statics: &[*mut u8],
        config: GcConfig,
    ) -> Result<AnyGc, String> {
        Ok(match config.kind {
            GcKind::Semispace => AnyGc::Semispace(Gc::new(types, statics, config)?),
            GcKind::Generational => AnyGc::Generational(GenGc::new(types, statics, config)?),
        })
    }

    /// Which collector this is.
    pub fn kind(&self) -> GcKind {
        match self {
            AnyGc::Semispace(_) => GcKind::Semispace,
            AnyGc::Generational(_) => GcKind::Generational,
        }
    }

    /// The settings it runs with.
    pub fn config(&self) -> &GcConfig {
        match self {
            AnyGc::Semispace(gc) => gc.config(),
            AnyGc::Generational(gc) => gc.config(),
        }
    }

    /// The bump pointer of the fast path.
    #[inline]
    pub fn nursery_free(&self) -> *mut u8 {
        match self {
            AnyGc::Semispace(gc) => gc.nursery_free,
            AnyGc::Generational(gc) => gc.nursery_free,
        }
    }

    /// Stores the bump pointer after the fast path moved it.
    #[inline]
    pub fn set_nursery_free(&mut self, free: *mut u8) {
        match self {
            AnyGc::Semispace(gc) => gc.nursery_free = free,
            AnyGc::Generational(gc) => gc.nursery_free = free,
        }
    }

    /// The limit of the fast path.
    #[inline]
    pub fn nursery_top(&self) -> *mut u8 {
        match self {
            AnyGc::Semispace(gc) => gc.nursery_top,
            AnyGc::Generational(gc) => gc.nursery_top,
        }
    }

    /// The allocation slow path; see [`Gc::malloc_slowpath`] and [`GenGc::malloc_slowpath`].
    ///
    /// # Safety
    /// As for [`Gc::malloc_slowpath`].
    pub unsafe fn malloc_slowpath(
        &mut self,
        tid: u32,
        size: usize,
        roots: &mut [*mut u8],
    ) -> *mut u8 {
        match self {
            AnyGc::Semispace(gc) => gc.malloc_slowpath(tid, size, roots),
            AnyGc::Generational(gc) => gc.malloc_slowpath(tid, size, roots),
        }
    }

    /// A full collection. False only when the semispace collector could not get memory for
    /// to-space (nothing changed then).
    ///
    /// # Safety
    /// As for [`Gc::malloc_slowpath`].
    pub unsafe fn collect(&mut self, roots: &mut [*mut u8]) -> bool {
        match self {
            AnyGc::Semispace(gc) => gc.collect(roots),
            AnyGc::Generational(gc) => {
                gc.collect(roots);
                true
            }
        }
    }

    /// A minor collection (a full one for the semispace collector, which has only that).
    ///
    /// # Safety
    /// As for [`Gc::malloc_slowpath`].
    pub unsafe fn collect_minor(&mut self, roots: &mut [*mut u8]) -> bool {
        match self {
            AnyGc::Semispace(gc) => gc.collect(roots),
            AnyGc::Generational(gc) => {
                gc.collect_minor(roots);
                true
            }
        }
    }

    /// The write barrier's slow path for a store into a field of `obj`.
    ///
    /// # Safety
    /// `obj` must be an object of this collector or a static object.
    #[inline]
    pub unsafe fn write_barrier(&mut self, obj: *mut u8) {
        match self {
            AnyGc::Semispace(gc) => gc.write_barrier(obj),
            AnyGc::Generational(gc) => gc.write_barrier(obj),
        }
    }

    /// The write barrier's slow path for a store into item `index` of the array `obj`.
    ///
    /// # Safety
    /// As for [`AnyGc::write_barrier`].
    #[inline]
    pub unsafe fn write_barrier_array(&mut self, obj: *mut u8, index: usize) {
        match self {
            AnyGc::Semispace(gc) => gc.write_barrier(obj),
            AnyGc::Generational(gc) => gc.write_barrier_array(obj, index),
        }
    }

    /// `id()` of `obj`.
    ///
    /// # Safety
    /// `obj` must be NULL, an object of this collector or a static object.
    pub unsafe fn id(&mut self, obj: *mut u8) -> i64 {
        match self {
            AnyGc::Semispace(gc) => gc.id(obj),
            AnyGc::Generational(gc) => gc.id(obj),
        }
    }

    /// The identity hash of `obj`.
    ///
    /// # Safety
    /// As for [`AnyGc::id`].
    pub unsafe fn identityhash(&mut self, obj: *mut u8) -> i64 {
        match self {
            AnyGc::Semispace(gc) => gc.identityhash(obj),
            AnyGc::Generational(gc) => gc.identityhash(obj),
        }
    }

    /// Whether `obj` may still move (`rgc.can_move`).
    pub fn can_move(&self, obj: *mut u8) -> bool {
        match self {
            AnyGc::Semispace(gc) => gc.can_move(obj),
            AnyGc::Generational(gc) => gc.can_move(obj),
        }
    }

    /// `rgc.enable()` / `rgc.disable()`: only the generational collector's major collections
    /// started by the old generation's growth can be turned off; the semispace collector needs
    /// each of its collections.
    pub fn set_enabled(&mut self, enabled: bool) {
        match self {
            AnyGc::Semispace(gc) => gc.set_enabled(enabled),
            AnyGc::Generational(gc) => gc.set_enabled(enabled),
        }
    }

    /// `rgc.add_memory_pressure(bytes)`: the generational collector's next major collection
    /// comes that much sooner; the semispace collector, which collects when its space is full,
    /// ignores it (as RPython's semispace collector does).
    pub fn add_memory_pressure(&mut self, bytes: usize) {
        if let AnyGc::Generational(gc) = self {
            gc.add_memory_pressure(bytes);
        }
    }

    /// What `rgc.isenabled()` reports: the last `set_enabled` (true at start-up).
    pub fn is_enabled(&self) -> bool {
        match self {
            AnyGc::Semispace(gc) => gc.is_enabled(),
            AnyGc::Generational(gc) => gc.is_enabled(),
        }
    }

    /// Calls `f` on `obj` when a collection finds it dead.
    pub fn register_destructor(&mut self, obj: *mut u8, f: Destructor) {
        match self {
            AnyGc::Semispace(gc) => gc.register_destructor(obj, f),
            AnyGc::Generational(gc) => gc.register_destructor(obj, f),
        }
    }

    /// Registers `obj` with finalizer queue `q`.
    pub fn fq_register(&mut self, q: u32, obj: *mut u8) {
        match self {
            AnyGc::Semispace(gc) => gc.fq_register(q, obj),
            AnyGc::Generational(gc) => gc.fq_register(q, obj),
        }
    }

    /// The oldest dead object of queue `q` not yet taken, or NULL.
    pub fn fq_next_dead(&mut self, q: u32) -> *mut u8 {
        match self {
            AnyGc::Semispace(gc) => gc.fq_next_dead(q),
            AnyGc::Generational(gc) => gc.fq_next_dead(q),
        }
    }

    /// A finalizer queue whose trigger is pending, which is no longer pending.
    pub fn fq_take_trigger(&mut self) -> Option<u32> {
        match self {
            AnyGc::Semispace(gc) => gc.fq_take_trigger(),
            AnyGc::Generational(gc) => gc.fq_take_trigger(),
        }
    }

    /// Minor plus major collections.
    pub fn collections(&self) -> u64 {
        self.minor_collections() + self.major_collections()
    }

    /// Minor collections (always 0 for the semispace collector).
    pub fn minor_collections(&self) -> u64 {
        match self {
            AnyGc::Semispace(_) => 0,
            AnyGc::Generational(gc) => gc.minor_collections(),
        }
    }

    /// Major (full) collections.
    pub fn major_collections(&self) -> u64 {
        match self {
            AnyGc::Semispace(gc) => gc.collections(),
            AnyGc::Generational(gc) => gc.major_collections(),
        }
    }

    /// Bytes in use.
    pub fn heap_used(&self) -> usize {
        match self {
            AnyGc::Semispace(gc) => gc.heap_used(),
            AnyGc::Generational(gc) => gc.heap_used(),
        }
    }

    /// The text printed at exit for `PYPYLOG=gc-summary`, if it was asked for.
    pub fn summary(&self) -> Option<String> {
        if !self.config().summary {
            return None;
        }
        Some(match self {
            AnyGc::Semispace(gc) => gc.summary(),
            AnyGc::Generational(gc) => gc.summary(),
        })
    }
}
