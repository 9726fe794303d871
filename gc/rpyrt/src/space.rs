//! One space of memory obtained from the system allocator (zeroed when obtained): a semispace, or the nursery.
//!
//! Relies on `alloc::alloc::alloc_zeroed` with 16-byte alignment, which the system allocator serves
//! with `calloc`, so a fresh space costs no page writes until it is used. Allocation failure is
//! reported as `None`, never as an abort.

use alloc::alloc::{alloc_zeroed, dealloc, Layout};

const ALIGN: usize = 16;

/// A zeroed memory block owned by the collector, or the empty space (no memory at all).
#[derive(Debug)]
pub struct Space {
    start: *mut u8,
    size: usize,
}

impl Space {
    /// A space with no memory; no pointer is inside it.
    pub fn empty() -> Space {
        Space {
            start: core::ptr::null_mut(),
            size: 0,
        }
    }

    /// `size` bytes of zeroed memory, or `None` when the system refuses.
    pub fn new(size: usize) -> Option<Space> {
        if size == 0 {
            return Some(Space::empty());
        }
        let layout = Layout::from_size_align(size, ALIGN).ok()?;
        // SAFETY: the layout has a non-zero size.
        let start = unsafe { alloc_zeroed(layout) };
        if start.is_null() {
            None
        } else {
            Some(Space { start, size })
        }
    }

    /// First byte.
    pub fn start(&self) -> *mut u8 {
        self.start
    }

    /// One past the last byte.
    pub fn end(&self) -> *mut u8 {
        self.start.wrapping_add(self.size)
    }

    /// Size in bytes.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether this is the empty space.
    pub fn is_empty(&self) -> bool {
        self.start.is_null()
    }
}

impl Drop for Space {
    fn drop(&mut self) {
        if !self.start.is_null() {
            // SAFETY: allocated in `Space::new` with this very layout.
            unsafe {
                dealloc(
                    self.start,
                    Layout::from_size_align_unchecked(self.size, ALIGN),
                )
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroed_at_first() {
        let space = Space::new(4096).unwrap();
        let bytes = unsafe { core::slice::from_raw_parts_mut(space.start(), space.size()) };
        assert!(bytes.iter().all(|&b| b == 0));
        assert_eq!(space.end() as usize - space.start() as usize, 4096);
    }

    #[test]
    fn refusal_is_none() {
        assert!(Space::new(usize::MAX - 64).is_none());
        assert!(Space::new(1 << 62).is_none());
        assert!(Space::empty().is_empty());
        assert!(Space::new(0).unwrap().is_empty());
    }
}
