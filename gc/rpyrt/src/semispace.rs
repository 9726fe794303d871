//! The semispace collector: precise, moving, copying with Cheney's breadth-first scan.
//!
//! Objects are allocated by bumping `nursery_free` up to `nursery_top` inside the current space
//! (the inline C fast path does this on the exported statics; see `capi.rs`). When a request does
//! not fit, [`Gc::malloc_slowpath`] copies everything reachable from the roots (the shadow stack
//! slots and the pointer fields of the static objects) into the other space, which becomes the
//! current one. Spaces grow when live data fills more than half of one, up to the configured
//! limit; failure to get memory makes the slow path return NULL, never abort.
//!
//! Identity hashes: every object of the heap can move, so the first `id()` or identity hash of an
//! object hands out a value kept on the side (`hash.rs`) and flags the object
//! `GCFLAG_HASHTAKEN`; the next copy appends a field holding the value and flags it
//! `GCFLAG_HASHFIELD`, and later copies carry the field along. The room those fields need is
//! counted before a collection chooses the size of to-space. Static objects hash by address.
//!
//! Allocation does not rely on zeroed memory: the slow path clears each object it hands out and
//! the generated code's inline fast paths initialise theirs, so a space is not cleared for reuse.
//!
//! The write barrier's flag is never set on objects of this collector; its slow paths are
//! no-ops here apart from clearing the flag.
//!
//! Weak references, destructors and finalizer queues (`finalize.rs`): the weak references copied
//! by a collection are listed as they are copied and fixed once the scan is over; objects with a
//! destructor or registered with a queue are listed when the program asks, and every collection
//! looks at all of them (an object is alive if it was copied). `rgc.disable()` has no effect
//! here: every collection is needed to make room.
//!
//! Relies on `typeinfo.rs` for object sizes and pointer fields, on `space.rs` for its memory,
//! and on the caller for the roots: every root slot holds NULL, a pointer to the start of an
//! object, or a pointer outside the heap (left alone).

use crate::config::{GcConfig, MIN_SPACE_SIZE};
use crate::finalize::{order_dead, Destructor, Fate, Finalizers};
use crate::hash::{mix, YoungIds};
use crate::prelude::*;
use crate::space::Space;
use crate::stats::Stats;
use crate::typeinfo::{
    round_size, TypeTable, GCFLAG_FORWARDED, GCFLAG_HASHFIELD, GCFLAG_HASHTAKEN,
    GCFLAG_TRACK_YOUNG_PTRS, HASH_FIELD_SIZE,
};

/// Keeps every size far enough below `isize::MAX` that address arithmetic cannot overflow.
const SIZE_CAP: usize = (isize::MAX as usize / 4) & !15;

/// One collector instance with its two spaces. The C runtime uses a single global instance;
/// tests create as many as they like.
pub struct Gc {
    /// Next free byte of the current space; the inline fast path bumps it.
    pub nursery_free: *mut u8,
    /// Limit of the fast path: the end of the current space, or `nursery_free` in stress mode so
    /// that every allocation comes to the slow path.
    pub nursery_top: *mut u8,
    types: TypeTable,
    statics: Vec<*mut u8>,
    config: GcConfig,
    from: Space,
    spare: Space,
    space_size: usize,
    grow_pending: bool,
    last_live: usize,
    ids: YoungIds,
    stats: Stats,
    fin: Finalizers,
    enabled: bool,
}

impl Gc {
    /// A collector for objects described by `types`, tracing the pointer fields of `statics` (NULL
    /// entries are ignored) at every collection. Fails when a static object is malformed.
    ///
    /// # Safety
    /// Every non-NULL entry of `statics` must point to an object with a valid header (and length
    /// field) that stays valid and writable for the life of the collector.
    pub unsafe fn new(
        types: TypeTable,
        statics: &[*mut u8],
        config: GcConfig,
    ) -> Result<Gc, String> {
        let statics: Vec<*mut u8> = statics.iter().copied().filter(|p| !p.is_null()).collect();
        for (i, &obj) in statics.iter().enumerate() {
            types
                .check_static(obj)
                .map_err(|msg| format!("static object {i}: {msg}"))?;
        }
        let mut stats = Stats::new(config.log, config.summary);
        stats.major_name = "collection";
        let mut gc = Gc {
            nursery_free: core::ptr::null_mut(),
            nursery_top: core::ptr::null_mut(),
            types,
            statics,
            config,
            from: Space::empty(),
            spare: Space::empty(),
            space_size: 0,
            grow_pending: false,
            last_live: 0,
            ids: YoungIds::new(),
            stats,
            fin: Finalizers::new(),
            enabled: true,
        };
        let initial = gc.config.initial_space.clamp(MIN_SPACE_SIZE, SIZE_CAP);
        gc.space_size = ((initial + 15) & !15).min(gc.max_space());
        // If the system refuses this now, the first slow-path call tries again.
        if let Some(space) = Space::new(gc.space_size) {
            gc.from = space;
        }
        gc.nursery_free = gc.from.start();
        gc.reset_top();
        Ok(gc)
    }

    /// The settings this collector runs with.
    pub fn config(&self) -> &GcConfig {
        &self.config
    }

    /// Number of collections so far (all of them full collections).
    pub fn collections(&self) -> u64 {
        self.stats.major
    }

    /// The statistics so far.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The summary printed at exit by `PYPYLOG=gc-summary`.
    pub fn summary(&self) -> String {
        self.stats.summary_text("semispace", None)
    }

    /// The identity value of `obj` (`id()`): its address for static objects and pointers
    /// outside the heap, else a value handed out on first request and kept in the object's hash
    /// field once it has moved. 0 for NULL.
    ///
    /// # Safety
    /// `obj` must be NULL, an object of this collector, a static object or a pointer outside the
    /// heap to a readable header.
    pub unsafe fn id(&mut self, obj: *mut u8) -> i64 {
        if obj.is_null() {
            return 0;
        }
        let addr = obj as usize;
        if addr < self.from.start() as usize || addr >= self.nursery_free as usize {
            return addr as i64;
        }
        let hdr = obj as *mut u64;
        let header = hdr.read();
        if header & GCFLAG_HASHFIELD != 0 {
            let size = self.types.base_size(obj);
            return (obj.add(size) as *const i64).read();
        }
        if header & GCFLAG_HASHTAKEN == 0 {
            hdr.write(header | GCFLAG_HASHTAKEN);
        }
        self.ids.get_or_assign(addr) as i64
    }

    /// The identity hash of `obj`: a scrambling of [`Gc::id`], stable for the object's life.
    ///
    /// # Safety
    /// As for [`Gc::id`].
    pub unsafe fn identityhash(&mut self, obj: *mut u8) -> i64 {
        if obj.is_null() {
            return 0;
        }
        mix(self.id(obj) as u64)
    }

    /// Whether `obj` may still move: true for every object of the heap.
    pub fn can_move(&self, obj: *mut u8) -> bool {
        let addr = obj as usize;
        addr >= self.from.start() as usize && addr < self.nursery_free as usize
    }

    /// What `rgc.isenabled()` reports; `rgc.disable()` has no effect on this collector, but is
    /// remembered for this answer.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Remembers `rgc.enable()` / `rgc.disable()` (without effect on this collector).
    pub fn set_enabled(&mut self, enabled: bool) {
        self.enabled = enabled;
    }

    /// Calls `f` on `obj` when a collection finds it dead.
    pub fn register_destructor(&mut self, obj: *mut u8, f: Destructor) {
        self.fin.young_destructors.push((obj, f));
    }

    /// Registers `obj` with finalizer queue `q`: when a collection finds it dead, it is kept
    /// alive and appended to the queue.
    pub fn fq_register(&mut self, q: u32, obj: *mut u8) {
        self.fin.young_registered.push((obj, q));
    }

    /// The oldest dead object of queue `q` not yet taken, or NULL.
    pub fn fq_next_dead(&mut self, q: u32) -> *mut u8 {
        self.fin.next_dead(q)
    }

    /// A finalizer queue whose trigger is pending, which is no longer pending.
    pub fn fq_take_trigger(&mut self) -> Option<u32> {
        self.fin.take_trigger()
    }

    /// The write barrier's slow path: never needed by this collector, which never sets the
    /// flag; clears it if some object has it anyway.
    ///
    /// # Safety
    /// `obj` must point to a writable header.
    pub unsafe fn write_barrier(&mut self, obj: *mut u8) {
        let hdr = obj as *mut u64;
        hdr.write(hdr.read() & !GCFLAG_TRACK_YOUNG_PTRS);
    }

    /// Bytes in use in the current space: live data at the last collection plus everything
    /// allocated since.
    pub fn heap_used(&self) -> usize {
        self.nursery_free as usize - self.from.start() as usize
    }

    /// Current size of one semispace.
    pub fn space_size(&self) -> usize {
        self.space_size
    }

    /// Allocates `size` bytes of zeroed memory with its header set to `tid`, collecting and
    /// growing the heap as needed; NULL when the heap limit is reached, the system refuses memory,
    /// or the size is absurd. `size` is rounded up like the fast path does.
    ///
    /// # Safety
    /// `roots` must hold NULL or valid object pointers (or pointers outside the heap), and every
    /// object reachable from them and from the static objects must be well formed.
    pub unsafe fn malloc_slowpath(
        &mut self,
        tid: u32,
        size: usize,
        roots: &mut [*mut u8],
    ) -> *mut u8 {
        let size = match round_size(size) {
            Some(size) if size <= self.max_space() => size,
            _ => return core::ptr::null_mut(),
        };
        if tid as usize >= self.types.len() {
            crate::fatal(&format!(
                "allocation of type id {tid}, but the type table has {} types",
                self.types.len()
            ));
        }
        if self.config.stress || !self.fits(size) {
            if !self.collect_for(size, roots) {
                return core::ptr::null_mut();
            }
            if !self.fits(size) {
                // Only reachable if the system refused memory in a way `collect_for` missed.
                return core::ptr::null_mut();
            }
        }
        let obj = self.nursery_free;
        self.nursery_free = obj.add(size);
        core::ptr::write_bytes(obj, 0, size);
        (obj as *mut u64).write(tid as u64);
        self.reset_top();
        obj
    }

    /// A full collection now (growing the spaces if a growth is pending). Returns false, having
    /// changed nothing, when no memory could be obtained for the other space.
    ///
    /// # Safety
    /// As for [`Gc::malloc_slowpath`].
    pub unsafe fn collect(&mut self, roots: &mut [*mut u8]) -> bool {
        self.collect_for(0, roots)
    }

    /// Bytes the next collection adds to live data: one hash field per object whose identity
    /// was taken since the last collection (at most; some of them may be dead).
    fn pending_hash_bytes(&self) -> usize {
        self.ids.len() * HASH_FIELD_SIZE
    }

    fn max_space(&self) -> usize {
        match self.config.max_heap {
            Some(max) => (max / 2).min(SIZE_CAP) & !15,
            None => SIZE_CAP,
        }
    }

    fn fits(&self, size: usize) -> bool {
        size <= self.from.end() as usize - self.nursery_free as usize
    }

    fn reset_top(&mut self) {
        self.nursery_top = if self.config.stress {
            self.nursery_free
        } else {
            self.from.end()
        };
    }

    /// The size to grow to for `need` bytes of live data: at least double the current size and at
    /// least twice `need`, within the limit; `None` when even the limit is too small.
    fn grown_size(&self, need: usize) -> Option<usize> {
        let max = self.max_space();
        if need > max {
            return None;
        }
        let goal = need.saturating_mul(2);
        let mut size = self.space_size.max(MIN_SPACE_SIZE);
        loop {
            size = size.saturating_mul(2);
            if size >= goal || size >= max {
                return Some(size.min(max));
            }
        }
    }

    /// Collects so that `request` more bytes fit, growing the spaces if needed or pending.
    unsafe fn collect_for(&mut self, request: usize, roots: &mut [*mut u8]) -> bool {
        let current = self.space_size;
        let mut collected = false;
        let worst = self.heap_used() + self.pending_hash_bytes();
        if worst > current {
            // The hash fields to append may not fit in a space of the current size.
            match self.grown_size(worst + request) {
                Some(bigger) if bigger >= worst => {
                    if !self.collect_into(bigger, roots) {
                        return false;
                    }
                    collected = true;
                }
                _ => return false,
            }
        } else if self.grow_pending {
            // An optional growth: if the memory is not there, collect without growing.
            if let Some(bigger) = self.grown_size(self.last_live + request) {
                if bigger > current {
                    collected = self.collect_into(bigger, roots);
                }
            }
        }
        if !collected && !self.collect_into(current, roots) {
            return false;
        }
        let live = self.heap_used();
        if request > self.space_size - live {
            match self.grown_size(live + request) {
                Some(bigger) if bigger > self.space_size => {
                    if !self.collect_into(bigger, roots) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        self.grow_pending =
            self.heap_used() > self.space_size / 2 && self.space_size < self.max_space();
        true
    }

    /// Copies everything reachable into a space of `size` bytes, which becomes the current
    /// space. Returns false, having changed nothing, when that space cannot be obtained.
    unsafe fn collect_into(&mut self, size: usize, roots: &mut [*mut u8]) -> bool {
        let timer = self.stats.start();
        self.stats.sample_heap(self.heap_used());
        let old_used = self.heap_used();
        debug_assert!(size >= old_used + self.pending_hash_bytes());
        let spare = core::mem::replace(&mut self.spare, Space::empty());
        let to = if !spare.is_empty() && spare.size() == size {
            spare
        } else {
            drop(spare);
            match Space::new(size) {
                Some(space) => space,
                None => return false,
            }
        };

        let fin = &mut self.fin;
        let mut weakrefs = core::mem::take(&mut fin.copied_weakrefs);
        let mut copier = Copier {
            types: &self.types,
            from_start: self.from.start() as usize,
            from_end: self.nursery_free as usize,
            free: to.start(),
            limit: to.end(),
            ids: &mut self.ids,
            weakrefs: &mut weakrefs,
        };
        for root in roots.iter_mut() {
            copier.forward(root);
        }
        for &obj in &self.statics {
            self.types.trace(obj, |slot| copier.forward(slot));
        }
        fin.queues.iter_mut().flatten().for_each(|slot| {
            copier.forward(slot);
        });
        let mut scan = to.start();
        while scan < copier.free {
            let size = self.types.trace(scan, |slot| copier.forward(slot));
            scan = scan.add(size);
        }
        // Registered objects found dead are kept alive (with all they reach) and queued,
        // unless another one found dead refers to them.
        let types = &self.types;
        let (dead, mut registered) = order_dead(
            core::mem::take(&mut fin.young_registered),
            |obj| copier.fate(obj) != Fate::Dead,
            |obj, f| {
                types.trace(obj, |slot| f(slot.read()));
            },
        );
        for entry in registered.iter_mut() {
            copier.forward(&mut entry.0);
        }
        let mut queued = Vec::new();
        for (mut obj, q) in dead {
            copier.forward(&mut obj);
            queued.push((q, obj));
        }
        while scan < copier.free {
            let size = self.types.trace(scan, |slot| copier.forward(slot));
            scan = scan.add(size);
        }
        let free = copier.free;
        let (from_start, from_end) = (copier.from_start, copier.from_end);
        fin.young_registered = registered;
        for (q, obj) in queued {
            fin.enqueue(q, obj);
        }
        for w in weakrefs.drain(..) {
            Finalizers::update_weakref(w, |obj| fate(from_start, from_end, obj));
        }
        fin.copied_weakrefs = weakrefs;
        Finalizers::destroy(&mut fin.young_destructors, None, |obj| {
            fate(from_start, from_end, obj)
        });
        self.ids.clear();

        let old = core::mem::replace(&mut self.from, to);
        if old.size() == size {
            self.spare = old;
        }
        self.space_size = size;
        self.nursery_free = free;
        self.reset_top();
        self.last_live = self.heap_used();
        self.stats.copied += self.last_live as u64;
        let (live, space) = (self.last_live, self.space_size);
        self.stats
            .end_major(timer, || format!("live {live} bytes, space {space} bytes"));
        true
    }
}

/// The copying state of one collection.
struct Copier<'a> {
    types: &'a TypeTable,
    from_start: usize,
    from_end: usize,
    free: *mut u8,
    limit: *mut u8,
    ids: &'a mut YoungIds,
    /// The weak references copied so far.
    weakrefs: &'a mut Vec<*mut u8>,
}

impl Copier<'_> {
    unsafe fn fate(&self, obj: *mut u8) -> Fate {
        fate(self.from_start, self.from_end, obj)
    }

    /// Makes the slot point to the to-space copy of its object, copying it if this is the first
    /// visit. Slots pointing outside the used part of from-space are left alone.
    #[inline]
    unsafe fn forward(&mut self, slot: *mut *mut u8) {
        let obj = slot.read();
        let addr = obj as usize;
        if addr < self.from_start || addr >= self.from_end {
            return;
        }
        let header = (obj as *const u64).read();
        if header & GCFLAG_FORWARDED != 0 {
            slot.write((obj.add(8) as *const *mut u8).read());
            return;
        }
        let info = self.types.info(obj);
        let size = if header & GCFLAG_HASHFIELD != 0 {
            info.size + HASH_FIELD_SIZE
        } else {
            info.size
        };
        if info.weakref {
            self.weakrefs.push(self.free);
        }
        let extra = if header & GCFLAG_HASHTAKEN != 0 {
            HASH_FIELD_SIZE
        } else {
            0
        };
        if size + extra > self.limit as usize - self.free as usize || size > self.from_end - addr {
            does_not_fit(obj, size);
        }
        let new = self.free;
        if size <= 64 {
            // Most objects are small: a few word moves beat a call to memcpy.
            let (src, dst) = (obj as *const u64, new as *mut u64);
            for i in 0..size / 8 {
                dst.add(i).write(src.add(i).read());
            }
        } else {
            core::ptr::copy_nonoverlapping(obj, new, size);
        }
        if extra != 0 {
            (new.add(size) as *mut u64).write(self.ids.take(addr));
            (new as *mut u64).write((header & !GCFLAG_HASHTAKEN) | GCFLAG_HASHFIELD);
        }
        self.free = new.add(size + extra);
        (obj as *mut u64).write(header | GCFLAG_FORWARDED);
        (obj.add(8) as *mut *mut u8).write(new);
        slot.write(new);
    }
}

/// Where `obj` is after the copying phase of a collection whose from-space was
/// `from_start..from_end`: at its copy's address if it was copied, where it was if it is outside
/// from-space (a static object), else `Dead`.
///
/// # Safety
/// `obj` must point to a readable object header.
unsafe fn fate(from_start: usize, from_end: usize, obj: *mut u8) -> Fate {
    let addr = obj as usize;
    if addr < from_start || addr >= from_end {
        return Fate::Alive(obj);
    }
    if (obj as *const u64).read() & GCFLAG_FORWARDED != 0 {
        Fate::Alive((obj.add(8) as *const *mut u8).read())
    } else {
        Fate::Dead
    }
}

#[cold]
fn does_not_fit(obj: *const u8, size: usize) -> ! {
    crate::fatal(&format!(
        "object at {obj:p} of {size} bytes does not fit (heap corruption)"
    ))
}
