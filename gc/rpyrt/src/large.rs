//! Large objects of the generational collector: each one allocated by itself from the system
//! allocator, never moved, tracked in a list, freed by the collector.
//!
//! Two kinds of object live here: objects allocated directly outside the nursery because they
//! are too big for it, and survivors of minor collections too big for a size class. The first
//! kind is *young* until the next minor collection (in a set the minor collection consults): if
//! that collection reaches it, it becomes old, otherwise it is freed at once. Old ones are freed
//! by the sweep of a major collection when unmarked.
//!
//! A large array of GC pointers with more than [`CARD_ITEMS`] items carries a card table just
//! in front of it: one byte per [`CARD_ITEMS`] items, then a word with the number of cards. The
//! array write barrier marks the card of the item written instead of remembering the whole array,
//! and the next minor collection traces only the items of marked cards.
//!
//! Relies on `alloc::alloc` (failures are returned as `None`), on `GCFLAG_VISITED` as the mark of
//! major collections, and on the collector to set `GCFLAG_HAS_CARDS` in the header of objects
//! allocated with cards.

use crate::hash::AddrSet;
use crate::prelude::*;
use crate::typeinfo::GCFLAG_VISITED;
use alloc::alloc::{alloc, alloc_zeroed, dealloc, Layout};

/// Items per card: the array write barrier marks one card per this many items.
pub const CARD_ITEMS: usize = 128;
const ALIGN: usize = 16;

/// Bytes in front of an array of `n_items` GC pointers for its card table; 0 when it gets none
/// (at most [`CARD_ITEMS`] items).
pub fn card_header_bytes(n_items: usize) -> usize {
    if n_items <= CARD_ITEMS {
        0
    } else {
        n_items.div_ceil(CARD_ITEMS).next_multiple_of(8) + 8
    }
}

/// The card bytes of an object allocated with cards, and how many there are.
///
/// # Safety
/// `obj` must have been allocated here with a card table.
#[inline]
pub unsafe fn cards_of(obj: *mut u8) -> (*mut u8, usize) {
    let n = (obj.sub(8) as *const u64).read() as usize;
    (obj.sub(8 + n.next_multiple_of(8)), n)
}

struct LargeObj {
    obj: *mut u8,
    base: *mut u8,
    size: usize,
}

impl LargeObj {
    unsafe fn free(&self) {
        dealloc(
            self.base,
            Layout::from_size_align_unchecked(self.size, ALIGN),
        );
    }
}

/// The large objects, young and old.
#[derive(Default)]
pub struct LargeSpace {
    young: Vec<LargeObj>,
    /// The young objects not yet reached by the current minor collection.
    young_set: AddrSet,
    old: Vec<LargeObj>,
    used: usize,
}

impl LargeSpace {
    /// No large objects.
    pub fn new() -> LargeSpace {
        LargeSpace::default()
    }

    /// Bytes held, card tables included.
    #[inline]
    pub fn used(&self) -> usize {
        self.used
    }

    /// Number of large objects held.
    pub fn count(&self) -> usize {
        self.young.len() + self.old.len()
    }

    /// Whether some large object is young.
    #[inline]
    pub fn has_young(&self) -> bool {
        !self.young_set.is_empty()
    }

    /// Memory for an object of `size` bytes, with a (zeroed) card table for `n_card_items` items
    /// when that is above [`CARD_ITEMS`] (pass 0 for none); the object itself is zeroed when
    /// `zeroed`. Young objects wait in the young set for the next minor collection. `None` when
    /// the system refuses.
    pub fn alloc(
        &mut self,
        size: usize,
        n_card_items: usize,
        zeroed: bool,
        young: bool,
    ) -> Option<*mut u8> {
        let cards = card_header_bytes(n_card_items);
        let total = size.checked_add(cards)?;
        let layout = Layout::from_size_align(total, ALIGN).ok()?;
        // SAFETY: the size is non-zero (objects are at least 16 bytes).
        let base = unsafe {
            if zeroed {
                alloc_zeroed(layout)
            } else {
                alloc(layout)
            }
        };
        if base.is_null() {
            return None;
        }
        // SAFETY: the card table and object are inside the block just allocated.
        let obj = unsafe {
            let obj = base.add(cards);
            if cards > 0 {
                if !zeroed {
                    core::ptr::write_bytes(base, 0, cards - 8);
                }
                (obj.sub(8) as *mut u64).write(n_card_items.div_ceil(CARD_ITEMS) as u64);
            }
            obj
        };
        let entry = LargeObj {
            obj,
            base,
            size: total,
        };
        if young {
            self.young_set.insert(obj as usize);
            self.young.push(entry);
        } else {
            self.old.push(entry);
        }
        self.used += total;
        Some(obj)
    }

    /// The young objects not yet reached by a minor collection (between collections: all the
    /// young ones).
    pub fn young_objects(&self) -> impl Iterator<Item = *mut u8> + '_ {
        self.young_set.iter().map(|&addr| addr as *mut u8)
    }

    /// During a minor collection: if `obj` is a young large object not yet reached, records it
    /// as reached and returns true (the caller then traces it and flags it old).
    #[inline]
    pub fn reach_young(&mut self, obj: *mut u8) -> bool {
        self.young_set.remove(&(obj as usize))
    }

    /// Whether `obj` is a young large object (during a minor collection: one not reached yet).
    #[inline]
    pub fn is_young(&self, obj: *mut u8) -> bool {
        self.young_set.contains(&(obj as usize))
    }

    /// At the end of a minor collection: young objects reached become old, the others are
    /// freed. Returns the bytes freed.
    pub fn end_minor(&mut self) -> usize {
        if self.young.is_empty() {
            return 0;
        }
        let mut freed = 0;
        for entry in self.young.drain(..) {
            if self.young_set.contains(&(entry.obj as usize)) {
                freed += entry.size;
                // SAFETY: allocated in `alloc` with this size and freed once.
                unsafe { entry.free() };
            } else {
                self.old.push(entry);
            }
        }
        self.young_set.clear();
        self.used -= freed;
        freed
    }

    /// After the marking phase of a major collection (with no young objects left): clears the
    /// marks of old objects reached and frees the others. Returns the bytes freed.
    ///
    /// # Safety
    /// Every object must still have a readable header.
    pub unsafe fn sweep(&mut self) -> usize {
        debug_assert!(self.young.is_empty());
        let mut freed = 0;
        self.old.retain(|entry| {
            let hdr = entry.obj as *mut u64;
            let header = hdr.read();
            if header & GCFLAG_VISITED != 0 {
                hdr.write(header & !GCFLAG_VISITED);
                true
            } else {
                freed += entry.size;
                entry.free();
                false
            }
        });
        self.used -= freed;
        freed
    }
}

impl Drop for LargeSpace {
    fn drop(&mut self) {
        for entry in self.young.iter().chain(self.old.iter()) {
            // SAFETY: every entry is freed exactly once, here or in the sweeps that removed it.
            unsafe { entry.free() };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_and_lifetimes() {
        assert_eq!(card_header_bytes(0), 0);
        assert_eq!(card_header_bytes(CARD_ITEMS), 0);
        assert_eq!(card_header_bytes(CARD_ITEMS + 1), 16);
        assert_eq!(card_header_bytes(CARD_ITEMS * 9), 24);
        let mut large = LargeSpace::new();
        let a = large.alloc(16 + 8 * 1000, 1000, true, true).unwrap();
        let b = large.alloc(100_000, 0, false, true).unwrap();
        assert_eq!(large.count(), 2);
        unsafe {
            let (cards, n) = cards_of(a);
            assert_eq!(n, 8);
            assert!((0..n).all(|i| cards.add(i).read() == 0));
            assert_eq!(a as usize - cards as usize, 16);
        }
        assert!(large.has_young());
        assert!(large.reach_young(a));
        assert!(!large.reach_young(a));
        let freed = large.end_minor();
        assert!(freed >= 100_000);
        assert!(!large.has_young());
        assert_eq!(large.count(), 1);
        assert!(!large.reach_young(b));
        unsafe {
            (a as *mut u64).write(GCFLAG_VISITED);
            assert_eq!(large.sweep(), 0);
            assert_eq!((a as *const u64).read(), 0);
            assert!(large.sweep() > 8000);
        }
        assert_eq!(large.used(), 0);
        assert_eq!(large.count(), 0);
    }
}
