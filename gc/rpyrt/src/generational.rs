//! The generational collector, the default of translated programs: a bump-pointer nursery, an old
//! generation that never moves (size classes in `oldgen.rs`, large objects in `large.rs`), a
//! write barrier with a remembered set and card marking (`barrier.rs`), minor collections that
//! copy the nursery's survivors into the old generation, and major collections that mark and
//! sweep the old generation.
//!
//! Minor collection: the roots are the shadow stack, the remembered set (old and static objects
//! whose barrier fired; their flag is set again), and the marked cards of large arrays. Every
//! nursery object reached is copied into the old generation (a hash field appended if its
//! identity was taken), flagged `GCFLAG_TRACK_YOUNG_PTRS` if it can hold GC pointers, and queued
//! for tracing; the queue is last in, first out (a depth-first walk, whose stack stays short
//! for lists and trees), and the nursery objects a copy points to are prefetched when it is
//! made. Copying a fixed-size object whose identity was not taken
//! is the short path of `Minor::copy`; arrays, weak references, hashed and large objects take
//! `Minor::copy_other`. Large objects
//! allocated since the last minor collection are young too: reached ones become old in place,
//! the others are freed.
//!
//! Major collection: a minor collection first (so the nursery is empty), then marking from the
//! shadow stack and every static object's fields, then the sweep of the size classes and the
//! large objects. It starts when the old generation has grown past `major_factor` (1.82) times
//! its size after the previous one, and not below `min_major` (8 nurseries unless `PYPY_GC_MIN`).
//!
//! `rgc.disable()` stops the major collections started by the old generation's growth (minor
//! collections go on, since the nursery must be emptied to be reused); explicit ones
//! (`rgc.collect()`) and those needed under the heap limit still happen.
//!
//! Weak references, destructors and finalizer queues (`finalize.rs`): a minor collection lists
//! the weak references it copies and fixes their referents at its end, then keeps them on the
//! old list that major collections look at (a weak reference is always made young, so an old
//! one never points to a young object). Objects with a destructor or registered with a queue
//! are listed as young or old when the program asks; minor collections look at the young list
//! and move survivors to the old one, major collections look at the old list.
//!
//! The nursery is not zeroed: the slow path clears each object it hands out, and the inline
//! fast paths of the generated code initialise theirs (what RPython's incminimark does, whose
//! `malloc_zero_filled` is false). Clearing the whole nursery ahead of allocation wrote every
//! byte twice.
//!
//! The heap limit (`RPY_GC_MAX_HEAP`) bounds the old generation plus the used part of the
//! nursery: the fast path's limit is lowered so that the nursery can only use what the old
//! generation leaves, and past it the slow path returns NULL after a major collection.
//!
//! Relies on the roots and static objects holding NULL or pointers to objects (in the nursery,
//! the old generation or static data; static objects carry `GCFLAG_STATIC`), and on generated
//! code calling the write barrier before storing a GC pointer into an object whose header has
//! `GCFLAG_TRACK_YOUNG_PTRS`. Running out of system memory while copying survivors cannot be
//! reported as NULL and is fatal; every other exhaustion makes the slow path return NULL.

use crate::barrier::Barrier;
use crate::config::{GcConfig, MIN_MAJOR_NURSERIES, MIN_NURSERY_SIZE};
use crate::finalize::{order_dead, Destructor, Fate, Finalizers};
use crate::hash::{mix, YoungIds};
use crate::large::{card_header_bytes, cards_of, LargeSpace, CARD_ITEMS};
use crate::oldgen::{OldGen, SMALL_MAX};
use crate::prelude::*;
use crate::space::Space;
use crate::stats::Stats;
use crate::typeinfo::{
    header_tid, round_size, TypeTable, GCFLAG_CARDS_SET, GCFLAG_FORWARDED, GCFLAG_HASHFIELD,
    GCFLAG_HASHTAKEN, GCFLAG_HAS_CARDS, GCFLAG_STATIC, GCFLAG_TRACK_YOUNG_PTRS, GCFLAG_VISITED,
    HASH_FIELD_SIZE,
};

/// In stress mode, every this many allocations do a major collection instead of a minor one.
pub const STRESS_MAJOR_EVERY: u64 = 64;
/// Objects bigger than this many bytes are allocated outside the nursery by the slow path (as
/// young large objects); `RPY_GC_LARGE_OBJECT` in `rpyrt.h`. The effective threshold is lower
/// for nurseries smaller than four times this.
pub const LARGE_OBJECT: usize = 64 << 10;

/// While the nursery is filled for the first time, its pages are faulted in up to this many bytes
/// at a time, ahead of the allocation frontier, by one system call each (`pages::populate`) instead
/// of one page fault per 4 KiB page. A chunk is at most this much memory resident before it is
/// used, where a huge page would be up to 2 MiB.
pub const POPULATE_CHUNK: usize = 64 << 10;
/// The first chunk populated; the chunks double up to [`POPULATE_CHUNK`].
pub const POPULATE_FIRST: usize = 16 << 10;

/// A nursery at least this big is backed by huge pages once the program has used half of it: its
/// second half from then on, and its first half from the first minor collection on (those pages
/// are discarded then, and come back as huge pages). Huge pages pay for themselves in TLB reach
/// and in page faults (gcbench with a 240 MiB nursery: 94 ms a round against 104). Not from the
/// start, because a huge page is faulted in whole: a program that uses a fraction of a large
/// nursery would have up to 2 MiB more resident than it uses, while past half of the nursery
/// that is at most an eighth of what it uses.
pub const HUGE_NURSERY_MIN: usize = 32 << 20;

/// What each `add_memory_pressure` call counts on top of its estimate (two words, as RPython).
const PRESSURE_EXTRA: usize = 16;

/// Keeps every size far enough below `isize::MAX` that address arithmetic cannot overflow.
const SIZE_CAP: usize = (isize::MAX as usize / 4) & !15;

/// The generational collector. The C runtime uses a single global instance; tests create as
/// many as they like.
pub struct GenGc {
    /// Next free byte of the nursery; the inline fast path bumps it.
    pub nursery_free: *mut u8,
    /// Limit of the fast path: the end of the nursery, lowered by the heap limit, or
    /// `nursery_free` itself in stress mode. The memory in between is not zeroed: whoever
    /// allocates there initialises the object.
    pub nursery_top: *mut u8,
    nursery_start: usize,
    nursery_size: usize,
    /// The nursery below this address has been used or populated since it was obtained; the
    /// fast path stops here so that the slow path can populate the next chunk.
    populated: usize,
    /// Where huge pages of the nursery start: its end until half of it has been used.
    huge_from: usize,
    /// Whether all of the nursery has been turned into huge pages.
    huge: bool,
    types: TypeTable,
    statics: Vec<*mut u8>,
    config: GcConfig,
    nursery: Space,
    old: OldGen,
    large: LargeSpace,
    barrier: Barrier,
    ids: YoungIds,
    /// The objects copied by a minor collection and not yet traced, oldest first.
    queue: Vec<*mut u8>,
    /// The objects marked by a major collection and not yet traced.
    stack: Vec<*mut u8>,
    large_threshold: usize,
    min_major: usize,
    next_major: usize,
    stress_count: u64,
    stats: Stats,
    fin: Finalizers,
    /// Set by `rgc.disable()`: no major collection starts because the old generation grew.
    majors_disabled: bool,
}

impl GenGc {
    /// A collector for objects described by `types`, with `statics` (NULL entries are ignored)
    /// as static roots: each gets `GCFLAG_TRACK_YOUNG_PTRS` now, and all are traced by major
    /// collections. Fails when a static object is malformed or no nursery can be obtained.
    ///
    /// # Safety
    /// Every non-NULL entry of `statics` must point to an object with a valid header (and length
    /// field) that stays valid and writable for the life of the collector.
    pub unsafe fn new(
        types: TypeTable,
        statics: &[*mut u8],
        config: GcConfig,
    ) -> Result<GenGc, String> {
        let statics: Vec<*mut u8> = statics.iter().copied().filter(|p| !p.is_null()).collect();
        for (i, &obj) in statics.iter().enumerate() {
            types
                .check_static(obj)
                .map_err(|msg| format!("static object {i}: {msg}"))?;
        }
        let mut size = config.effective_nursery_size();
        let nursery = loop {
            if let Some(nursery) = Space::new(size) {
                break nursery;
            }
            if size <= MIN_NURSERY_SIZE {
                return Err(format!("cannot allocate a nursery of {size} bytes"));
            }
            size = (size / 2).max(MIN_NURSERY_SIZE) & !15;
        };
        for &obj in &statics {
            let hdr = obj as *mut u64;
            hdr.write(hdr.read() | GCFLAG_TRACK_YOUNG_PTRS);
        }
        let min_major = config
            .min_major
            .unwrap_or(MIN_MAJOR_NURSERIES.saturating_mul(size));
        let stats = Stats::new(config.log, config.summary);
        let mut gc = GenGc {
            nursery_free: nursery.start(),
            nursery_top: nursery.start(),
            nursery_start: nursery.start() as usize,
            nursery_size: nursery.size(),
            populated: nursery.start() as usize,
            huge_from: nursery.start() as usize + nursery.size(),
            huge: false,
            types,
            statics,
            nursery,
            old: OldGen::new(),
            large: LargeSpace::new(),
            barrier: Barrier::new(),
            ids: YoungIds::new(),
            queue: Vec::new(),
            stack: Vec::new(),
            large_threshold: LARGE_OBJECT.min(size / 4),
            min_major,
            next_major: min_major,
            stress_count: 0,
            stats,
            config,
            fin: Finalizers::new(),
            majors_disabled: false,
        };
        gc.reset_top();
        Ok(gc)
    }

    /// The settings this collector runs with.
    pub fn config(&self) -> &GcConfig {
        &self.config
    }

    /// The statistics so far.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Size of the nursery in bytes.
    pub fn nursery_size(&self) -> usize {
        self.nursery_size
    }

    /// How many bytes at the start of the nursery have been used or populated so far; the fast
    /// path never goes past them.
    pub fn nursery_populated(&self) -> usize {
        self.populated - self.nursery_start
    }

    /// Whether the nursery has been turned into huge pages ([`HUGE_NURSERY_MIN`]).
    pub fn nursery_is_huge(&self) -> bool {
        self.huge
    }

    /// Sizes above this go straight to the large-object space.
    pub fn large_threshold(&self) -> usize {
        self.large_threshold
    }

    /// Minor plus major collections so far.
    pub fn collections(&self) -> u64 {
        self.stats.minor + self.stats.major
    }

    /// Minor collections so far (each major collection starts with one).
    pub fn minor_collections(&self) -> u64 {
        self.stats.minor
    }

    /// Major collections so far.
    pub fn major_collections(&self) -> u64 {
        self.stats.major
    }

    /// Bytes in the old generation: size classes and large objects (young ones included).
    pub fn old_used(&self) -> usize {
        self.old.used() + self.large.used()
    }

    /// Bytes in use: the old generation plus the used part of the nursery.
    pub fn heap_used(&self) -> usize {
        self.old_used() + self.nursery_used()
    }

    /// Old-generation size that triggers the next major collection.
    pub fn next_major(&self) -> usize {
        self.next_major
    }

    /// Number of large objects (young and old).
    pub fn large_objects(&self) -> usize {
        self.large.count()
    }

    /// Whether `obj` may still move: true for objects in the nursery (large objects and old
    /// ones never move).
    pub fn can_move(&self, obj: *mut u8) -> bool {
        self.is_young(obj)
    }

    /// `rgc.disable()` (false) and `rgc.enable()` (true): whether the old generation's growth
    /// starts major collections.
    pub fn set_enabled(&mut self, enabled: bool) {
        self.majors_disabled = !enabled;
    }

    /// `rgc.add_memory_pressure(bytes)`: raw memory the program holds on behalf of its objects
    /// brings the next major collection closer by that much (and a little more, for the
    /// bookkeeping of many small blocks), as in RPython's incminimark. The next major collection
    /// sets its threshold afresh.
    pub fn add_memory_pressure(&mut self, bytes: usize) {
        self.next_major = self
            .next_major
            .saturating_sub(bytes.saturating_add(PRESSURE_EXTRA));
    }

    /// Whether major collections start when the old generation grows.
    pub fn is_enabled(&self) -> bool {
        !self.majors_disabled
    }

    fn young_or_large(&self, obj: *mut u8) -> bool {
        self.is_young(obj) || self.large.is_young(obj)
    }

    /// Calls `f` on `obj` when a collection finds it dead.
    pub fn register_destructor(&mut self, obj: *mut u8, f: Destructor) {
        if self.young_or_large(obj) {
            self.fin.young_destructors.push((obj, f));
        } else {
            self.fin.old_destructors.push((obj, f));
        }
    }

    /// Registers `obj` with finalizer queue `q`: when a collection finds it dead, it is kept
    /// alive and appended to the queue.
    pub fn fq_register(&mut self, q: u32, obj: *mut u8) {
        if self.young_or_large(obj) {
            self.fin.young_registered.push((obj, q));
        } else {
            self.fin.old_registered.push((obj, q));
        }
    }

    /// The oldest dead object of queue `q` not yet taken, or NULL.
    pub fn fq_next_dead(&mut self, q: u32) -> *mut u8 {
        self.fin.next_dead(q)
    }

    /// A finalizer queue whose trigger is pending, which is no longer pending.
    pub fn fq_take_trigger(&mut self) -> Option<u32> {
        self.fin.take_trigger()
    }

    /// Whether `obj` is in the nursery.
    #[inline]
    pub fn is_young(&self, obj: *const u8) -> bool {
        (obj as usize).wrapping_sub(self.nursery_start) < self.nursery_size
    }

    fn nursery_used(&self) -> usize {
        self.nursery_free as usize - self.nursery_start
    }

    /// The furthest the nursery may be used: its end, or less under the heap limit.
    fn nursery_limit(&self) -> usize {
        let end = self.nursery_start + self.nursery_size;
        match self.config.max_heap {
            Some(max) => {
                let room = max.saturating_sub(self.old_used());
                end.min(self.nursery_start + room.min(self.nursery_size))
            }
            None => end,
        }
    }

    fn nursery_fits(&self, size: usize) -> bool {
        self.nursery_limit()
            .saturating_sub(self.nursery_free as usize)
            >= size
    }

    fn reset_top(&mut self) {
        self.nursery_top = if self.config.stress {
            self.nursery_free
        } else {
            let limit = self
                .nursery_limit()
                .min(self.populated)
                .max(self.nursery_free as usize);
            self.nursery_free
                .wrapping_add(limit - self.nursery_free as usize)
        };
    }

    /// Populates the nursery up to at least `end` (a chunk boundary past it, or the nursery's
    /// end). If the system cannot populate, the rest of the nursery is left to page faults. Past
    /// half of a nursery of [`HUGE_NURSERY_MIN`] or more, the rest of it is advised for huge
    /// pages instead, faulted in as it is used.
    fn populate_to(&mut self, end: usize) {
        let nursery_end = self.nursery_start + self.nursery_size;
        if self.nursery_size >= HUGE_NURSERY_MIN && end > self.nursery_start + self.nursery_size / 2
        {
            crate::pages::advise_huge_pages(
                self.populated as *mut u8,
                nursery_end - self.populated,
            );
            self.huge_from = self.populated;
            self.populated = nursery_end;
            return;
        }
        // Chunks grow from `POPULATE_FIRST` as the nursery is used, so that a program that
        // allocates little does not have a whole chunk resident.
        let chunk = (self.populated - self.nursery_start)
            .next_power_of_two()
            .clamp(POPULATE_FIRST, POPULATE_CHUNK);
        let target = end
            .checked_next_multiple_of(chunk)
            .unwrap_or(nursery_end)
            .min(nursery_end);
        let from = self.populated as *mut u8;
        self.populated = if crate::pages::populate(from, target - self.populated) {
            target
        } else {
            nursery_end
        };
    }

    /// Allocates `size` bytes of zeroed memory with its header set to `tid`: in the nursery, or
    /// outside it for sizes above [`GenGc::large_threshold`], collecting as needed. NULL when the
    /// heap limit is reached, the system refuses memory, or the size is absurd. `size` is
    /// rounded up like the fast path does.
    ///
    /// # Safety
    /// `roots` must hold NULL or valid object pointers, and every object reachable from them and
    /// from the static objects must be well formed.
    pub unsafe fn malloc_slowpath(
        &mut self,
        tid: u32,
        size: usize,
        roots: &mut [*mut u8],
    ) -> *mut u8 {
        let size = match round_size(size) {
            Some(size) if size <= SIZE_CAP => size,
            _ => return core::ptr::null_mut(),
        };
        if tid as usize >= self.types.len() {
            crate::fatal(&format!(
                "allocation of type id {tid}, but the type table has {} types",
                self.types.len()
            ));
        }
        if self.config.stress {
            self.stress_count += 1;
            if self.stress_count.is_multiple_of(STRESS_MAJOR_EVERY) && !self.majors_disabled {
                self.major_collection(roots);
            } else {
                self.minor_collection(roots);
                self.major_if_due(roots);
            }
        }
        if size > self.large_threshold {
            return self.malloc_large(tid, size, roots);
        }
        if !self.nursery_fits(size) {
            self.minor_collection(roots);
            let majored = self.major_if_due(roots);
            if !self.nursery_fits(size) && !majored {
                self.major_collection(roots);
            }
            if !self.nursery_fits(size) {
                self.reset_top();
                return core::ptr::null_mut();
            }
        }
        let obj = self.nursery_free;
        if obj as usize + size > self.populated {
            self.populate_to(obj as usize + size);
        }
        core::ptr::write_bytes(obj, 0, size);
        self.nursery_free = obj.add(size);
        (obj as *mut u64).write(tid as u64);
        self.reset_top();
        obj
    }

    /// A young large object, outside the nursery.
    unsafe fn malloc_large(&mut self, tid: u32, size: usize, roots: &mut [*mut u8]) -> *mut u8 {
        let card_items = self.types.items_in_size(tid, size);
        let need = size + card_header_bytes(card_items);
        let mut majored = false;
        if self.old_used().saturating_add(need) > self.next_major && !self.majors_disabled {
            self.major_collection(roots);
            majored = true;
        }
        if let Some(max) = self.config.max_heap {
            if self.heap_used().saturating_add(need) > max && !majored {
                self.major_collection(roots);
                majored = true;
            }
            if self.heap_used().saturating_add(need) > max {
                self.reset_top();
                return core::ptr::null_mut();
            }
        }
        let obj = match self.large.alloc(size, card_items, true, true) {
            Some(obj) => obj,
            None if !majored => {
                self.major_collection(roots);
                match self.large.alloc(size, card_items, true, true) {
                    Some(obj) => obj,
                    None => return core::ptr::null_mut(),
                }
            }
            None => return core::ptr::null_mut(),
        };
        let cards = if card_header_bytes(card_items) > 0 {
            GCFLAG_HAS_CARDS
        } else {
            0
        };
        (obj as *mut u64).write(tid as u64 | cards);
        self.stats.sample_heap(self.heap_used());
        self.reset_top();
        obj
    }

    fn major_if_due(&mut self, roots: &mut [*mut u8]) -> bool {
        if self.old_used() > self.next_major && !self.majors_disabled {
            // SAFETY: the caller's contract holds for the roots.
            unsafe { self.major_collection(roots) };
            true
        } else {
            false
        }
    }

    /// The write barrier's slow path for a store into any field of `obj`.
    ///
    /// # Safety
    /// `obj` must be an object of this collector or a static object.
    #[inline]
    pub unsafe fn write_barrier(&mut self, obj: *mut u8) {
        self.barrier.write_barrier(obj);
    }

    /// The write barrier's slow path for a store into item `index` of the array `obj`.
    ///
    /// # Safety
    /// As for [`GenGc::write_barrier`].
    #[inline]
    pub unsafe fn write_barrier_array(&mut self, obj: *mut u8, index: usize) {
        self.barrier.write_barrier_array(obj, index);
    }

    /// The identity value of `obj` (`id()`): its address if it never moves, else a value kept
    /// in its hash field once it has moved (see `hash.rs`). 0 for NULL.
    ///
    /// # Safety
    /// `obj` must be NULL, an object of this collector or a static object.
    pub unsafe fn id(&mut self, obj: *mut u8) -> i64 {
        if obj.is_null() {
            return 0;
        }
        let hdr = obj as *mut u64;
        let header = hdr.read();
        if self.is_young(obj) {
            let value = self.ids.get_or_assign(obj as usize);
            if header & GCFLAG_HASHTAKEN == 0 {
                hdr.write(header | GCFLAG_HASHTAKEN);
            }
            return value as i64;
        }
        if header & GCFLAG_HASHFIELD != 0 {
            let size = self.types.base_size(obj);
            return (obj.add(size) as *const i64).read();
        }
        obj as i64
    }

    /// The identity hash of `obj`: a scrambling of [`GenGc::id`], stable for the object's life.
    ///
    /// # Safety
    /// As for [`GenGc::id`].
    pub unsafe fn identityhash(&mut self, obj: *mut u8) -> i64 {
        if obj.is_null() {
            return 0;
        }
        mix(self.id(obj) as u64)
    }

    /// A minor collection now: the nursery is empty afterwards.
    ///
    /// # Safety
    /// As for [`GenGc::malloc_slowpath`].
    pub unsafe fn collect_minor(&mut self, roots: &mut [*mut u8]) {
        self.minor_collection(roots);
    }

    /// A major collection now (which starts with a minor one).
    ///
    /// # Safety
    /// As for [`GenGc::malloc_slowpath`].
    pub unsafe fn collect(&mut self, roots: &mut [*mut u8]) {
        self.major_collection(roots);
    }

    unsafe fn minor_collection(&mut self, roots: &mut [*mut u8]) {
        let timer = self.stats.start();
        self.stats.sample_heap(self.heap_used());
        let nursery_used = self.nursery_used();
        let old_before = self.old_used();
        let remembered = self.barrier.remembered.len();
        let carded = self.barrier.cards.len();
        let types = &self.types;
        let fin = &mut self.fin;
        let mut weakrefs = core::mem::take(&mut fin.copied_weakrefs);
        let mut m = Minor {
            types,
            nursery_start: self.nursery_start,
            nursery_size: self.nursery_size,
            old: &mut self.old,
            large: &mut self.large,
            ids: &mut self.ids,
            queue: &mut self.queue,
            copied: 0,
            weakrefs: &mut weakrefs,
        };
        for root in roots.iter_mut() {
            m.forward(root);
        }
        fin.queues
            .iter_mut()
            .flatten()
            .for_each(|slot| m.forward(slot));
        for obj in self.barrier.remembered.drain(..) {
            types.trace_ptrs(obj, |slot| m.forward(slot));
            let hdr = obj as *mut u64;
            hdr.write(hdr.read() | GCFLAG_TRACK_YOUNG_PTRS);
        }
        for obj in self.barrier.cards.drain(..) {
            let (cards, n) = cards_of(obj);
            for card in 0..n {
                let byte = cards.add(card);
                if byte.read() != 0 {
                    byte.write(0);
                    let from = card * CARD_ITEMS;
                    types.trace_items(obj, from, from + CARD_ITEMS, |slot| m.forward(slot));
                }
            }
            let hdr = obj as *mut u64;
            hdr.write(hdr.read() & !GCFLAG_CARDS_SET);
        }
        m.drain();
        if !fin.young_registered.is_empty() {
            // Registered objects found dead are kept alive (with all they reach) and queued,
            // unless another one found dead refers to them.
            let (queued, kept) = order_dead(
                core::mem::take(&mut fin.young_registered),
                |obj| m.fate(obj) != Fate::Dead,
                |obj, f| types.trace_ptrs(obj, |slot| f(slot.read())),
            );
            for (mut obj, q) in kept {
                m.forward(&mut obj);
                fin.old_registered.push((obj, q));
            }
            for (mut obj, q) in queued {
                m.forward(&mut obj);
                fin.enqueue(q, obj);
            }
            m.drain();
        }
        for &w in m.weakrefs.iter() {
            Finalizers::update_weakref(w, |obj| m.fate(obj));
        }
        fin.old_weakrefs.append(m.weakrefs);
        Finalizers::destroy(
            &mut fin.young_destructors,
            Some(&mut fin.old_destructors),
            |obj| m.fate(obj),
        );
        let copied = m.copied;
        self.queue.clear();
        shrink(&mut self.queue);
        shrink(&mut self.barrier.remembered);
        shrink(&mut self.barrier.cards);
        let large_freed = self.large.end_minor();
        self.ids.clear();
        self.nursery_free = self.nursery.start();
        if !self.huge
            && self.nursery_size >= HUGE_NURSERY_MIN
            && self.populated >= self.nursery_start + self.nursery_size
        {
            // SAFETY: every object of the nursery has just been copied out or is dead.
            crate::pages::refault_as_huge_pages(
                self.nursery.start(),
                self.huge_from - self.nursery_start,
            );
            self.huge = true;
        }
        self.reset_top();
        self.stats.copied += copied as u64;
        let old_after = self.old_used();
        self.stats.end_minor(timer, || {
            format!(
                "nursery {nursery_used} bytes, copied {copied} bytes, remembered {remembered}, \
                 carded {carded}, young large freed {large_freed} bytes, old {old_before} -> \
                 {old_after} bytes"
            )
        });
    }

    unsafe fn major_collection(&mut self, roots: &mut [*mut u8]) {
        self.minor_collection(roots);
        let timer = self.stats.start();
        let before = self.old_used();
        let types = &self.types;
        let mut m = Marker {
            types,
            stack: &mut self.stack,
        };
        for root in roots.iter_mut() {
            m.mark(root);
        }
        for &obj in &self.statics {
            types.trace_ptrs(obj, |slot| m.mark(slot));
        }
        let fin = &mut self.fin;
        fin.queues
            .iter_mut()
            .flatten()
            .for_each(|slot| m.mark(slot));
        while let Some(obj) = m.stack.pop() {
            types.trace_ptrs(obj, |slot| m.mark(slot));
        }
        if !fin.old_registered.is_empty() {
            // Registered objects found dead are kept alive (with all they reach) and queued,
            // unless another one found dead refers to them.
            let (queued, kept) = order_dead(
                core::mem::take(&mut fin.old_registered),
                |obj| marked_fate(obj) != Fate::Dead,
                |obj, f| types.trace_ptrs(obj, |slot| f(slot.read())),
            );
            fin.old_registered = kept;
            for (mut obj, q) in queued {
                m.mark(&mut obj);
                fin.enqueue(q, obj);
            }
            while let Some(obj) = m.stack.pop() {
                types.trace_ptrs(obj, |slot| m.mark(slot));
            }
        }
        fin.old_weakrefs.retain(|&w| marked_fate(w) != Fate::Dead);
        for &w in &fin.old_weakrefs {
            Finalizers::update_weakref(w, |obj| marked_fate(obj));
        }
        Finalizers::destroy(&mut fin.old_destructors, None, |obj| marked_fate(obj));
        shrink(&mut self.stack);
        let freed = self.old.sweep() + self.large.sweep();
        let live = self.old_used();
        let grown = (live as f64 * self.config.major_factor).min(usize::MAX as f64 / 2.0) as usize;
        self.next_major = grown.max(self.min_major);
        self.reset_top();
        let next = self.next_major;
        let pages = self.old.footprint();
        self.stats.end_major(timer, || {
            format!(
                "old {before} -> {live} bytes (freed {freed}, pages {pages} bytes), \
                 next major at {next} bytes"
            )
        });
    }

    /// Checks the heap's invariants from `roots` and the static objects, for tests: every
    /// reachable object has a known type and no collection flag left over, and every old or
    /// static object that points to a young object (in the nursery or a young large object)
    /// is known to the barrier: its `GCFLAG_TRACK_YOUNG_PTRS` is clear, or the item is in a
    /// marked card. Returns a description of the first violation.
    ///
    /// # Safety
    /// As for [`GenGc::malloc_slowpath`].
    pub unsafe fn verify(&self, roots: &[*mut u8]) -> Result<(), String> {
        let mut seen = crate::hash::AddrSet::default();
        let mut todo: Vec<*mut u8> = Vec::new();
        let mut add = |obj: *mut u8, todo: &mut Vec<*mut u8>| {
            if !obj.is_null() && seen.insert(obj as usize) {
                todo.push(obj);
            }
        };
        for &root in roots {
            add(root, &mut todo);
        }
        for &obj in &self.statics {
            add(obj, &mut todo);
        }
        let young_large: crate::hash::AddrSet = self.large_young_set();
        while let Some(obj) = todo.pop() {
            let header = (obj as *const u64).read();
            if header_tid(header) as usize >= self.types.len() {
                return Err(format!("object {obj:p} has a bad header {header:#x}"));
            }
            if header & (GCFLAG_FORWARDED | GCFLAG_VISITED) != 0 {
                return Err(format!("object {obj:p} has stale flags {header:#x}"));
            }
            let young = self.is_young(obj) || young_large.contains(&(obj as usize));
            let tracked = !young && header & GCFLAG_TRACK_YOUNG_PTRS != 0;
            let cards = if header & GCFLAG_HAS_CARDS != 0 {
                Some(cards_of(obj))
            } else {
                None
            };
            let items_start = obj as usize + self.types.fixedsize(header_tid(header));
            let mut error = None;
            self.types.trace(obj, |slot| {
                let target = slot.read();
                if target.is_null() {
                    return;
                }
                let target_young =
                    self.is_young(target) || young_large.contains(&(target as usize));
                if tracked && target_young && error.is_none() {
                    let carded = match cards {
                        Some((bytes, n)) if slot as usize >= items_start => {
                            let card = (slot as usize - items_start) / 8 / CARD_ITEMS;
                            card < n && bytes.add(card).read() != 0
                        }
                        _ => false,
                    };
                    if !carded {
                        error = Some(format!(
                            "old object {obj:p} (header {header:#x}) points to young \
                             {target:p} at offset {} without the write barrier",
                            slot as usize - obj as usize
                        ));
                    }
                }
                add(target, &mut todo);
            });
            if let Some(error) = error {
                return Err(error);
            }
        }
        Ok(())
    }

    fn large_young_set(&self) -> crate::hash::AddrSet {
        self.large.young_objects().map(|p| p as usize).collect()
    }

    /// The summary printed at exit by `PYPYLOG=gc-summary`.
    pub fn summary(&self) -> String {
        self.stats
            .summary_text("generational", Some(self.nursery_size))
    }
}

/// The state of one minor collection.
struct Minor<'a> {
    types: &'a TypeTable,
    nursery_start: usize,
    nursery_size: usize,
    old: &'a mut OldGen,
    large: &'a mut LargeSpace,
    ids: &'a mut YoungIds,
    /// Copied objects not traced yet, last in, first out: the stack holds the frontier of a
    /// depth-first walk (one object for a linked list, about the depth for a tree, where a
    /// queue held every object of a list and half of a tree's leaves).
    queue: &'a mut Vec<*mut u8>,
    copied: usize,
    /// The weak references copied so far.
    weakrefs: &'a mut Vec<*mut u8>,
}

impl Minor<'_> {
    /// Where `obj` is after the tracing: its old copy if it was in the nursery and copied, dead
    /// if it was in the nursery and not copied or is a young large object not reached, else
    /// where it was.
    unsafe fn fate(&self, obj: *mut u8) -> Fate {
        if (obj as usize).wrapping_sub(self.nursery_start) < self.nursery_size {
            let header = (obj as *const u64).read();
            if header & GCFLAG_FORWARDED != 0 {
                return Fate::Alive((obj.add(8) as *const *mut u8).read());
            }
            return Fate::Dead;
        }
        if self.large.is_young(obj) {
            Fate::Dead
        } else {
            Fate::Alive(obj)
        }
    }

    /// Makes the slot point to the old copy of its object if it is in the nursery, copying it on
    /// the first visit; records a young large object as reached. Other slots are left alone.
    #[inline(always)]
    unsafe fn forward(&mut self, slot: *mut *mut u8) {
        let obj = slot.read();
        if (obj as usize).wrapping_sub(self.nursery_start) >= self.nursery_size {
            if self.large.has_young() && !obj.is_null() {
                self.reach_large(obj);
            }
            return;
        }
        let header = (obj as *const u64).read();
        if header & GCFLAG_FORWARDED != 0 {
            slot.write((obj.add(8) as *const *mut u8).read());
            return;
        }
        slot.write(self.copy(obj, header));
    }

    #[inline(never)]
    unsafe fn reach_large(&mut self, obj: *mut u8) {
        if self.large.reach_young(obj) {
            let hdr = obj as *mut u64;
            let header = hdr.read();
            if self.types.has_ptrs(header_tid(header)) {
                hdr.write(header | GCFLAG_TRACK_YOUNG_PTRS);
                self.queue.push(obj);
            }
        }
    }

    /// Traces the queued copies (and those their tracing queues) until none is left.
    unsafe fn drain(&mut self) {
        let types = self.types;
        while let Some(obj) = self.queue.pop() {
            types.trace_ptrs(obj, |slot| self.forward(slot));
        }
    }

    /// Copies a nursery object into the old generation, leaves the forwarding address in it,
    /// and queues the copy for tracing if it can hold GC pointers. Inlined into every caller:
    /// the common case is a few loads and stores.
    #[inline(always)]
    unsafe fn copy(&mut self, obj: *mut u8, header: u64) -> *mut u8 {
        if header & GCFLAG_HASHTAKEN == 0 {
            if let Some((size, ptr_offsets)) = self.types.plain(header_tid(header)) {
                if size <= SMALL_MAX {
                    let Some(new) = self.old.alloc(size) else {
                        out_of_memory(size)
                    };
                    // Objects are at least 16 bytes: the header (written below) and one word.
                    let (src, dst) = (obj as *const u64, new as *mut u64);
                    dst.add(1).write(src.add(1).read());
                    let mut i = 2;
                    while i < size / 8 {
                        dst.add(i).write(src.add(i).read());
                        i += 1;
                    }
                    if ptr_offsets.is_empty() {
                        dst.write(header);
                    } else {
                        dst.write(header | GCFLAG_TRACK_YOUNG_PTRS);
                        self.queue.push(new);
                        for &offset in ptr_offsets {
                            let target = (new.add(offset) as *const *mut u8).read();
                            if (target as usize).wrapping_sub(self.nursery_start)
                                < self.nursery_size
                            {
                                prefetch(target);
                            }
                        }
                    }
                    (obj as *mut u64).write(header | GCFLAG_FORWARDED);
                    (obj.add(8) as *mut *mut u8).write(new);
                    self.copied += size;
                    return new;
                }
            }
        }
        self.copy_other(obj, header)
    }

    /// `copy` for arrays, weak references, objects whose identity was taken and objects too
    /// big for the size classes.
    #[inline(never)]
    unsafe fn copy_other(&mut self, obj: *mut u8, header: u64) -> *mut u8 {
        let info = self.types.info(obj);
        let size = info.size;
        let hashed = header & GCFLAG_HASHTAKEN != 0;
        let total = if hashed { size + HASH_FIELD_SIZE } else { size };
        let mut new_header = header & !GCFLAG_HASHTAKEN;
        let new = if total <= SMALL_MAX {
            match self.old.alloc(total) {
                Some(new) => new,
                None => out_of_memory(total),
            }
        } else {
            let card_items = if info.gcptr_items {
                self.types.length(obj)
            } else {
                0
            };
            if card_header_bytes(card_items) > 0 {
                new_header |= GCFLAG_HAS_CARDS;
            }
            match self.large.alloc(total, card_items, false, false) {
                Some(new) => new,
                None => out_of_memory(total),
            }
        };
        if size <= 64 {
            let (src, dst) = (obj as *const u64, new as *mut u64);
            for i in 1..size / 8 {
                dst.add(i).write(src.add(i).read());
            }
        } else {
            core::ptr::copy_nonoverlapping(obj.add(8), new.add(8), size - 8);
        }
        if hashed {
            (new.add(size) as *mut u64).write(self.ids.take(obj as usize));
            new_header |= GCFLAG_HASHFIELD;
        }
        if info.has_ptrs {
            new_header |= GCFLAG_TRACK_YOUNG_PTRS;
        }
        (new as *mut u64).write(new_header);
        if info.weakref {
            self.weakrefs.push(new);
        }
        if info.has_ptrs {
            self.queue.push(new);
            for &offset in info.ptr_offsets {
                let target = (new.add(offset) as *const *mut u8).read();
                if (target as usize).wrapping_sub(self.nursery_start) < self.nursery_size {
                    prefetch(target);
                }
            }
        }
        (obj as *mut u64).write(header | GCFLAG_FORWARDED);
        (obj.add(8) as *mut *mut u8).write(new);
        self.copied += total;
        new
    }
}

/// The marking state of one major collection.
struct Marker<'a> {
    types: &'a TypeTable,
    stack: &'a mut Vec<*mut u8>,
}

impl Marker<'_> {
    /// Marks the object the slot points to, if any, and queues it for tracing on the first
    /// visit. Static objects are never marked: those holding GC pointers are roots anyway.
    #[inline]
    unsafe fn mark(&mut self, slot: *mut *mut u8) {
        let obj = slot.read();
        if obj.is_null() {
            return;
        }
        let hdr = obj as *mut u64;
        let header = hdr.read();
        if header & (GCFLAG_VISITED | GCFLAG_STATIC) != 0 {
            return;
        }
        hdr.write(header | GCFLAG_VISITED);
        if self.types.has_ptrs(header_tid(header)) {
            self.stack.push(obj);
        }
    }
}

/// Whether `obj` survives the major collection whose marking is over: marked or static.
///
/// # Safety
/// `obj` must point to a readable object header.
unsafe fn marked_fate(obj: *mut u8) -> Fate {
    if (obj as *const u64).read() & (GCFLAG_VISITED | GCFLAG_STATIC) != 0 {
        Fate::Alive(obj)
    } else {
        Fate::Dead
    }
}

/// Gives back the memory of a work list that grew large in a collection (they are empty between
/// collections).
fn shrink<T: Shrink>(list: &mut T) {
    list.shrink_big();
}

trait Shrink {
    fn shrink_big(&mut self);
}

/// Entries a work list keeps between collections.
const KEEP_ENTRIES: usize = 64 << 10;

impl<T> Shrink for Vec<T> {
    fn shrink_big(&mut self) {
        if self.capacity() > KEEP_ENTRIES {
            self.shrink_to(KEEP_ENTRIES);
        }
    }
}

/// Asks the processor to bring the cache line at `p` in (a hint; never faults).
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint and never faults, whatever the address.
    unsafe {
        core::arch::x86_64::_mm_prefetch(p as *const i8, core::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[cold]
fn out_of_memory(size: usize) -> ! {
    crate::fatal(&format!(
        "out of memory while copying a {size}-byte object out of the nursery"
    ))
}
