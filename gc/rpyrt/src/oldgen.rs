//! The small-object part of the generational collector's old generation: a segregated-fit
//! allocator with one size class per multiple of 8 bytes up to [`SMALL_MAX`] bytes, each class
//! carving [`PAGE_SIZE`]-byte pages into equal slots.
//!
//! Objects never move once here. A slot is either an object (its header word has a type id) or
//! free (its header word is [`FREE_HEADER`] and the next word links the class's free list). A
//! class allocates from its free list first, then by bumping through its newest page, then takes
//! a new page. The sweep of a major collection walks every page of every class: marked objects
//! lose their mark, unmarked ones become free slots, and pages left without any object go back
//! to the system.
//!
//! Relies on `pages.rs` for page memory, on the collector to copy a whole object into each slot
//! it gets (slots are not zeroed), and on `GCFLAG_VISITED` being the mark. Obtaining a page can
//! fail: [`OldGen::alloc`] returns `None` and the caller decides.

pub use crate::pages::PAGE_SIZE;
use crate::pages::{PagePool, ARENA_SIZE};
use crate::prelude::*;
use crate::typeinfo::{FREE_HEADER, GCFLAG_VISITED};

/// Largest object (in bytes, hash field included) kept in a size class.
pub const SMALL_MAX: usize = 512;
const N_CLASSES: usize = SMALL_MAX / 8 + 1;
/// Free pages kept after a sweep instead of giving their arenas back.
const KEEP_FREE_PAGES: usize = ARENA_SIZE / PAGE_SIZE;

/// One size class: its pages, free list and bump region.
struct SizeClass {
    /// Head of the free list (NULL when empty); each free slot links to the next in word 1.
    free: *mut u8,
    /// Next slot never used of the newest page.
    bump: *mut u8,
    /// End of the last whole slot of the newest page.
    bump_end: *mut u8,
    pages: Vec<*mut u8>,
}

impl SizeClass {
    const fn new() -> SizeClass {
        SizeClass {
            free: core::ptr::null_mut(),
            bump: core::ptr::null_mut(),
            bump_end: core::ptr::null_mut(),
            pages: Vec::new(),
        }
    }
}

/// The size classes and the bytes they hold.
pub struct OldGen {
    classes: [SizeClass; N_CLASSES],
    /// Bytes of slots holding objects (allocated and not yet swept away).
    used: usize,
    /// Number of pages held.
    pages: usize,
    pool: PagePool,
}

impl Default for OldGen {
    fn default() -> OldGen {
        OldGen::new()
    }
}

impl OldGen {
    /// An empty old generation (no memory yet).
    pub fn new() -> OldGen {
        OldGen {
            classes: [const { SizeClass::new() }; N_CLASSES],
            used: 0,
            pages: 0,
            pool: PagePool::new(),
        }
    }

    /// Bytes in objects.
    #[inline]
    pub fn used(&self) -> usize {
        self.used
    }

    /// Bytes of pages held by size classes.
    pub fn footprint(&self) -> usize {
        self.pages * PAGE_SIZE
    }

    /// Bytes of arenas obtained from the system (pages in use and free ones).
    pub fn arena_footprint(&self) -> usize {
        self.pool.footprint()
    }

    /// A slot of `size` bytes (a multiple of 8, from 16 to [`SMALL_MAX`]) whose contents are
    /// undefined; `None` when a new page is needed and the system refuses it.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> Option<*mut u8> {
        debug_assert!(size.is_multiple_of(8) && (16..=SMALL_MAX).contains(&size));
        let class = &mut self.classes[size >> 3];
        let slot = class.free;
        if !slot.is_null() {
            // SAFETY: free slots link to the next one in their second word.
            class.free = unsafe { (slot.add(8) as *const *mut u8).read() };
            self.used += size;
            return Some(slot);
        }
        if (class.bump_end as usize) - (class.bump as usize) >= size {
            class.bump = class.bump.wrapping_add(size);
            self.used += size;
            return Some(class.bump.wrapping_sub(size));
        }
        self.alloc_in_new_page(size)
    }

    #[cold]
    #[inline(never)]
    fn alloc_in_new_page(&mut self, size: usize) -> Option<*mut u8> {
        let page = self.pool.alloc()?;
        self.pages += 1;
        let class = &mut self.classes[size >> 3];
        class.pages.push(page);
        class.bump = page.wrapping_add(size);
        class.bump_end = page.wrapping_add(PAGE_SIZE / size * size);
        self.used += size;
        Some(page)
    }

    /// After the marking phase of a major collection: clears the marks of live objects, turns
    /// unmarked objects into free slots and gives empty pages back to the system. Returns the
    /// bytes freed.
    ///
    /// # Safety
    /// Every slot below each class's bump pointer must hold an object or be free.
    pub unsafe fn sweep(&mut self) -> usize {
        let before = self.used;
        let mut used = 0;
        let mut pages_left = 0;
        for (index, class) in self.classes.iter_mut().enumerate() {
            if class.pages.is_empty() {
                continue;
            }
            let size = index * 8;
            let newest = *class.pages.last().unwrap_or(&core::ptr::null_mut());
            let mut kept = Vec::with_capacity(class.pages.len());
            // The free list is rebuilt in address order of pages, lowest slot first.
            let mut head: *mut u8 = core::ptr::null_mut();
            let mut tail: *mut *mut u8 = &mut head;
            for &page in &class.pages {
                let end = if page == newest {
                    class.bump
                } else {
                    page.add(PAGE_SIZE / size * size)
                };
                let mut live = 0usize;
                let page_head_before = tail;
                let mut slot = page;
                while slot < end {
                    let hdr = slot as *mut u64;
                    let header = hdr.read();
                    if header != FREE_HEADER && header & GCFLAG_VISITED != 0 {
                        hdr.write(header & !GCFLAG_VISITED);
                        live += 1;
                    } else {
                        hdr.write(FREE_HEADER);
                        *tail = slot;
                        tail = slot.add(8) as *mut *mut u8;
                    }
                    slot = slot.add(size);
                }
                if live == 0 && page != newest {
                    // Unlink the slots of this page again and give it back.
                    *page_head_before = core::ptr::null_mut();
                    tail = page_head_before;
                    self.pool.free(page);
                    self.pages -= 1;
                } else {
                    used += live * size;
                    kept.push(page);
                }
            }
            *tail = core::ptr::null_mut();
            class.free = head;
            class.pages = kept;
            pages_left += class.pages.len();
        }
        debug_assert_eq!(pages_left, self.pages);
        self.pool.release_empty_arenas(KEEP_FREE_PAGES);
        self.used = used;
        before.saturating_sub(used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe fn put(slot: *mut u8, header: u64) {
        (slot as *mut u64).write(header);
    }

    #[test]
    fn allocation_and_sweep() {
        let mut old = OldGen::new();
        let mut slots = Vec::new();
        for _ in 0..5000 {
            let s = old.alloc(32).unwrap();
            unsafe { put(s, 0) };
            slots.push(s);
        }
        let distinct: std::collections::HashSet<_> = slots.iter().collect();
        assert_eq!(distinct.len(), slots.len());
        assert_eq!(old.used(), 5000 * 32);
        assert_eq!(old.footprint(), 3 * PAGE_SIZE);
        // Keep every third object.
        for (i, &s) in slots.iter().enumerate() {
            if i % 3 == 0 {
                unsafe { put(s, GCFLAG_VISITED) };
            }
        }
        let freed = unsafe { old.sweep() };
        let kept = slots.len().div_ceil(3);
        assert_eq!(old.used(), kept * 32);
        assert_eq!(freed, (5000 - kept) * 32);
        for (i, &s) in slots.iter().enumerate() {
            let h = unsafe { (s as *const u64).read() };
            assert_eq!(h, if i % 3 == 0 { 0 } else { FREE_HEADER });
        }
        // Freed slots are reused before new memory.
        let reused = old.alloc(32).unwrap();
        assert!(slots.contains(&reused));
        assert_eq!(old.footprint(), 3 * PAGE_SIZE);
        // Nothing marked: every page but the newest goes back.
        unsafe { put(reused, 0) };
        unsafe { old.sweep() };
        assert_eq!(old.used(), 0);
        assert_eq!(old.footprint(), PAGE_SIZE);
        for size in (16..=SMALL_MAX).step_by(8) {
            let s = old.alloc(size).unwrap();
            unsafe { put(s, 0) };
        }
        // 63 classes from 16 to 512 bytes, one of which (32) already has its page.
        assert_eq!(old.footprint(), 63 * PAGE_SIZE);
    }
}
