//! The nursery of the generational collector: one block of memory where new objects are
//! allocated by bumping a pointer, emptied by every minor collection.
//!
//! The inline fast path needs zeroed memory below its limit. Instead of clearing the whole
//! nursery after each minor collection, the memory is cleared in chunks of [`ZERO_CHUNK`] bytes
//! just ahead of the allocation pointer, when the slow path moves the limit forward: the chunk is
//! then still in the cache when objects are written into it. Memory never used since the block
//! was obtained (zeroed by the system, and not yet touched) is not cleared again.
//!
//! Relies on `space.rs` for the zeroed block (advised for huge pages by `pages.rs`); the collector owns the bump pointer itself and asks
//! this module only for zeroed room and for the reset after a collection.

use crate::space::Space;

/// How much memory is cleared ahead of the allocation pointer at a time.
pub const ZERO_CHUNK: usize = 128 << 10;

/// The nursery block and how much of it is known to be zero.
pub struct Nursery {
    space: Space,
    /// `[free, zeroed_to)` is zeroed memory, where `free` is the collector's bump pointer.
    zeroed_to: *mut u8,
    /// `[dirty_to, end)` has never been written since the block was obtained, so it is zero.
    dirty_to: *mut u8,
}

impl Nursery {
    /// A nursery of `size` bytes (a multiple of 16), or `None` when the system refuses.
    pub fn new(size: usize) -> Option<Nursery> {
        let space = Space::new(size)?;
        crate::pages::advise_huge_pages(space.start(), size);
        let start = space.start();
        Some(Nursery {
            space,
            zeroed_to: start,
            dirty_to: start,
        })
    }

    /// First byte.
    #[inline]
    pub fn start(&self) -> *mut u8 {
        self.space.start()
    }

    /// One past the last byte.
    #[inline]
    pub fn end(&self) -> *mut u8 {
        self.space.end()
    }

    /// Size in bytes.
    #[inline]
    pub fn size(&self) -> usize {
        self.space.size()
    }

    /// End of the zeroed memory ahead of the allocation pointer: the furthest the fast path may
    /// go.
    #[inline]
    pub fn zeroed_to(&self) -> *mut u8 {
        self.zeroed_to
    }

    /// Makes sure the memory up to `need` (at most [`Nursery::end`]) is zeroed, clearing at least
    /// a chunk ahead.
    ///
    /// # Safety
    /// Everything from the allocation pointer to `need` must be free nursery memory.
    pub unsafe fn zero_up_to(&mut self, need: *mut u8) {
        if need <= self.zeroed_to {
            return;
        }
        let end = self.end();
        let target = (self.zeroed_to as usize)
            .saturating_add(ZERO_CHUNK)
            .max(need as usize)
            .min(end as usize);
        let target = self.zeroed_to.add(target - self.zeroed_to as usize);
        if self.zeroed_to < self.dirty_to {
            let stop = target.min(self.dirty_to);
            core::ptr::write_bytes(self.zeroed_to, 0, stop as usize - self.zeroed_to as usize);
        }
        self.zeroed_to = target;
    }

    /// After a minor collection that found the allocation pointer at `free`: the nursery is
    /// empty again, and nothing ahead of its start is known to be zeroed any more.
    pub fn reset(&mut self, free: *mut u8) {
        if free > self.dirty_to {
            self.dirty_to = free;
        }
        self.zeroed_to = self.start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroing_ahead() {
        let size = 4 * ZERO_CHUNK;
        let mut n = Nursery::new(size).unwrap();
        let start = n.start();
        assert_eq!(n.zeroed_to(), start);
        unsafe {
            n.zero_up_to(start.add(16));
            assert_eq!(n.zeroed_to(), start.add(ZERO_CHUNK));
            n.zero_up_to(start.add(ZERO_CHUNK + 8));
            assert_eq!(n.zeroed_to(), start.add(2 * ZERO_CHUNK));
            n.zero_up_to(start.add(size));
            assert_eq!(n.zeroed_to(), n.end());
            // Dirty the first half, as allocation would, then reset and check it is cleared.
            core::ptr::write_bytes(start, 0xab, size / 2);
            n.reset(start.add(size / 2));
            n.zero_up_to(start.add(size));
            let bytes = core::slice::from_raw_parts(start, size);
            assert!(bytes.iter().all(|&b| b == 0));
        }
    }
}
