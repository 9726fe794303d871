//! Page memory for the old generation's size classes: arenas of [`ARENA_SIZE`] bytes obtained
//! from the system, aligned to their size, carved into [`PAGE_SIZE`]-byte pages, and given back
//! when all their pages are free.
//!
//! On Linux, arenas come from `mmap` and are advised for transparent huge pages
//! (`MADV_HUGEPAGE`), so that filling the old generation costs one page fault per 2 MiB instead
//! of one per 4 KiB (the kernel honours the advice when
//! `/sys/kernel/mm/transparent_hugepage/enabled` is `madvise` or `always`). Elsewhere they come
//! from `alloc::alloc`. [`populate`] faults in memory about to be used in one system call (the
//! nursery, on its first fill), and [`refault_as_huge_pages`] turns memory whose contents are
//! garbage into huge pages (a large nursery, once it has been filled).
//!
//! Relies on libc's `mmap`, `munmap` and `madvise` (declared here; every C program links libc)
//! with the Linux constants of x86-64 and AArch64. Failures are reported as `None`, never as an
//! abort.

use crate::hash::AddrMap;
use crate::prelude::*;

/// Size in bytes of one page of a size class.
pub const PAGE_SIZE: usize = 64 << 10;
/// Size in bytes (and alignment) of one arena.
pub const ARENA_SIZE: usize = 2 << 20;
const PAGES_PER_ARENA: usize = ARENA_SIZE / PAGE_SIZE;

#[cfg(target_os = "linux")]
mod sys {
    use core::ffi::{c_int, c_long, c_void};

    extern "C" {
        fn mmap(
            addr: *mut c_void,
            len: usize,
            prot: c_int,
            flags: c_int,
            fd: c_int,
            offset: c_long,
        ) -> *mut c_void;
        fn munmap(addr: *mut c_void, len: usize) -> c_int;
        fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int;
    }

    const PROT_READ: c_int = 1;
    const PROT_WRITE: c_int = 2;
    const MAP_PRIVATE: c_int = 0x02;
    const MAP_ANONYMOUS: c_int = 0x20;
    const MADV_HUGEPAGE: c_int = 14;
    const MADV_POPULATE_WRITE: c_int = 23;
    const MADV_DONTNEED: c_int = 4;
    const MAP_FAILED: *mut c_void = !0usize as *mut c_void;

    /// `size` bytes aligned to `size` (a power of two), zeroed, or NULL.
    pub fn alloc_aligned(size: usize) -> *mut u8 {
        // SAFETY: an anonymous private mapping touches no existing memory.
        let raw = unsafe {
            mmap(
                core::ptr::null_mut(),
                2 * size,
                PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == MAP_FAILED {
            return core::ptr::null_mut();
        }
        let start = raw as usize;
        let aligned = (start + size - 1) & !(size - 1);
        // SAFETY: both pieces trimmed are parts of the mapping just made and unused.
        unsafe {
            if aligned > start {
                munmap(raw, aligned - start);
            }
            let tail = start + 2 * size - (aligned + size);
            if tail > 0 {
                munmap((aligned + size) as *mut c_void, tail);
            }
        }
        advise_huge(aligned as *mut u8, size, false);
        aligned as *mut u8
    }

    /// Gives back memory from [`alloc_aligned`].
    ///
    /// # Safety
    /// `p` must come from `alloc_aligned(size)` and not be used afterwards.
    pub unsafe fn free_aligned(p: *mut u8, size: usize) {
        munmap(p as *mut c_void, size);
    }

    /// Advises the kernel to back the whole 2 MiB blocks inside `[p, p + len)` by huge pages;
    /// with `discard`, also drops their present pages, so that they come back as huge pages
    /// (filled with zeros) when next touched.
    pub fn advise_huge(p: *mut u8, len: usize, discard: bool) {
        let huge = 2usize << 20;
        let start = (p as usize + huge - 1) & !(huge - 1);
        let end = (p as usize + len) & !(huge - 1);
        if end > start {
            // SAFETY: on memory the caller owns, and whose contents it gives up with `discard`.
            unsafe {
                if madvise(start as *mut c_void, end - start, MADV_HUGEPAGE) == 0 && discard {
                    madvise(start as *mut c_void, end - start, MADV_DONTNEED);
                }
            }
        }
    }

    /// Faults in the pages of `[p, p + len)` (page-aligned) for writing in one system call;
    /// false when the kernel cannot (before Linux 5.14) or refuses.
    pub fn populate(p: *mut u8, len: usize) -> bool {
        // SAFETY: the caller owns the memory; populating for writing does not change its
        // contents.
        unsafe { madvise(p as *mut c_void, len, MADV_POPULATE_WRITE) == 0 }
    }
}

#[cfg(not(target_os = "linux"))]
mod sys {
    use alloc::alloc::{alloc_zeroed, dealloc, Layout};

    pub fn alloc_aligned(size: usize) -> *mut u8 {
        match Layout::from_size_align(size, size) {
            // SAFETY: a non-zero size.
            Ok(layout) => unsafe { alloc_zeroed(layout) },
            Err(_) => core::ptr::null_mut(),
        }
    }

    pub unsafe fn free_aligned(p: *mut u8, size: usize) {
        dealloc(p, Layout::from_size_align_unchecked(size, size));
    }

    pub fn populate(_p: *mut u8, _len: usize) -> bool {
        false
    }

    pub fn advise_huge(_p: *mut u8, _len: usize, _discard: bool) {}
}

/// Size of the pages that [`populate`] works on.
pub const OS_PAGE: usize = 4096;

/// Faults in, for writing, the whole pages inside `[p, p + len)` in one system call, so that
/// memory about to be filled does not cost one page fault per page. False when the system
/// cannot (not Linux, or a kernel before 5.14) or refuses; the memory is then faulted in as it
/// is touched, as usual.
pub fn populate(p: *mut u8, len: usize) -> bool {
    let start = (p as usize + OS_PAGE - 1) & !(OS_PAGE - 1);
    let end = (p as usize + len) & !(OS_PAGE - 1);
    end <= start || sys::populate(start as *mut u8, end - start)
}

/// Advises the kernel to back the whole 2 MiB blocks inside `[p, p + len)` by huge pages when
/// they are first touched.
pub fn advise_huge_pages(p: *mut u8, len: usize) {
    sys::advise_huge(p, len, false);
}

/// Replaces the pages of the whole 2 MiB blocks inside `[p, p + len)` by huge pages, faulted in
/// (filled with zeros) when next touched. Their contents are lost.
///
/// # Safety
/// Nothing may rely on the contents of that memory any more.
pub unsafe fn refault_as_huge_pages(p: *mut u8, len: usize) {
    sys::advise_huge(p, len, true);
}

/// The arenas and their free pages.
#[derive(Default)]
pub struct PagePool {
    /// Free pages, the next one to hand out last.
    free: Vec<*mut u8>,
    /// Number of pages in use per arena, keyed by the arena's address.
    arenas: AddrMap<usize>,
}

impl PagePool {
    /// No arenas yet.
    pub fn new() -> PagePool {
        PagePool::default()
    }

    /// A page (contents undefined), or `None` when the system refuses memory.
    pub fn alloc(&mut self) -> Option<*mut u8> {
        if self.free.is_empty() {
            let arena = sys::alloc_aligned(ARENA_SIZE);
            if arena.is_null() {
                return None;
            }
            self.arenas.insert(arena as usize, 0);
            // Hand out the lowest page first.
            for i in (0..PAGES_PER_ARENA).rev() {
                self.free.push(arena.wrapping_add(i * PAGE_SIZE));
            }
        }
        let page = self.free.pop()?;
        if let Some(used) = self.arenas.get_mut(&arena_of(page)) {
            *used += 1;
        }
        Some(page)
    }

    /// Takes back a page from [`PagePool::alloc`].
    pub fn free(&mut self, page: *mut u8) {
        if let Some(used) = self.arenas.get_mut(&arena_of(page)) {
            *used -= 1;
        }
        self.free.push(page);
    }

    /// Gives back to the system every arena with no page in use, keeping up to `keep` free
    /// pages.
    pub fn release_empty_arenas(&mut self, keep: usize) {
        let mut excess = self.free.len().saturating_sub(keep);
        if excess < PAGES_PER_ARENA {
            return;
        }
        let mut released = crate::hash::AddrSet::default();
        for (&arena, &used) in &self.arenas {
            if used == 0 && excess >= PAGES_PER_ARENA {
                released.insert(arena);
                excess -= PAGES_PER_ARENA;
            }
        }
        if released.is_empty() {
            return;
        }
        self.free
            .retain(|&page| !released.contains(&arena_of(page)));
        for &arena in &released {
            self.arenas.remove(&arena);
            // SAFETY: the arena came from `alloc_aligned` and none of its pages is in use.
            unsafe { sys::free_aligned(arena as *mut u8, ARENA_SIZE) };
        }
    }

    /// Bytes of arenas held.
    pub fn footprint(&self) -> usize {
        self.arenas.len() * ARENA_SIZE
    }
}

impl Drop for PagePool {
    fn drop(&mut self) {
        for &arena in self.arenas.keys() {
            // SAFETY: every arena came from `alloc_aligned`; nothing uses it any more.
            unsafe { sys::free_aligned(arena as *mut u8, ARENA_SIZE) };
        }
    }
}

fn arena_of(page: *mut u8) -> usize {
    page as usize & !(ARENA_SIZE - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arenas_come_and_go() {
        let mut pool = PagePool::new();
        let pages: Vec<*mut u8> = (0..PAGES_PER_ARENA + 1)
            .map(|_| pool.alloc().unwrap())
            .collect();
        assert_eq!(pool.footprint(), 2 * ARENA_SIZE);
        assert_eq!(pages[0] as usize % ARENA_SIZE, 0);
        assert_eq!(pages[1] as usize, pages[0] as usize + PAGE_SIZE);
        for &p in &pages {
            unsafe { core::ptr::write_bytes(p, 0xab, PAGE_SIZE) };
        }
        for &p in &pages[..PAGES_PER_ARENA] {
            pool.free(p);
        }
        pool.release_empty_arenas(0);
        assert_eq!(pool.footprint(), ARENA_SIZE);
        let again = pool.alloc().unwrap();
        assert_eq!(arena_of(again), arena_of(pages[PAGES_PER_ARENA]));
    }
}
