//! The slow paths of the write barrier and what they record for the next minor collection.
//!
//! Generated code tests `GCFLAG_TRACK_YOUNG_PTRS` inline before storing a GC pointer into an
//! object and calls these only when it is set, which happens only for old and static objects of
//! the generational collector. [`Barrier::write_barrier`] clears the flag and puts the object in
//! the remembered set: the next minor collection traces all its fields and sets the flag again.
//! [`Barrier::write_barrier_array`] does the same for arrays without cards; on an array with
//! cards (`large.rs`) it marks the card of the item instead and keeps the flag, so that each
//! later store reaches the slow path to mark its own card, and the minor collection traces only
//! the items of marked cards.
//!
//! Relies on `large.rs` for where the card table is, and on the header flags of `typeinfo.rs`.

use crate::large::{cards_of, CARD_ITEMS};
use crate::prelude::*;
use crate::typeinfo::{GCFLAG_CARDS_SET, GCFLAG_HAS_CARDS, GCFLAG_TRACK_YOUNG_PTRS};

/// The remembered set and the arrays with marked cards.
#[derive(Default)]
pub struct Barrier {
    /// Old or static objects whose flag was cleared by the barrier since the last minor
    /// collection.
    pub remembered: Vec<*mut u8>,
    /// Arrays with at least one marked card (each flagged `GCFLAG_CARDS_SET`).
    pub cards: Vec<*mut u8>,
}

impl Barrier {
    /// Nothing recorded.
    pub fn new() -> Barrier {
        Barrier::default()
    }

    /// The barrier before storing a GC pointer into any field of `obj`: remembers the whole
    /// object. Does nothing if the flag is not set.
    ///
    /// # Safety
    /// `obj` must point to a writable object header.
    #[inline]
    pub unsafe fn write_barrier(&mut self, obj: *mut u8) {
        let hdr = obj as *mut u64;
        let header = hdr.read();
        if header & GCFLAG_TRACK_YOUNG_PTRS == 0 {
            return;
        }
        hdr.write(header & !GCFLAG_TRACK_YOUNG_PTRS);
        self.remembered.push(obj);
    }

    /// The barrier before storing a GC pointer into item `index` of the array `obj`: marks the
    /// item's card when the array has cards (and `index` is within them), else remembers the
    /// whole array. Does nothing if the flag is not set.
    ///
    /// # Safety
    /// `obj` must point to a writable object header; with `GCFLAG_HAS_CARDS`, to an array
    /// allocated with cards by `large.rs`.
    #[inline]
    pub unsafe fn write_barrier_array(&mut self, obj: *mut u8, index: usize) {
        let hdr = obj as *mut u64;
        let header = hdr.read();
        if header & GCFLAG_TRACK_YOUNG_PTRS == 0 {
            return;
        }
        if header & GCFLAG_HAS_CARDS != 0 {
            let (cards, n) = cards_of(obj);
            let card = index / CARD_ITEMS;
            if card < n {
                cards.add(card).write(1);
                if header & GCFLAG_CARDS_SET == 0 {
                    hdr.write(header | GCFLAG_CARDS_SET);
                    self.cards.push(obj);
                }
                return;
            }
        }
        self.write_barrier(obj);
    }
}
