//! Identity hashes and `id()` on demand, without a hash word in every object.
//!
//! An object's identity value (what `id()` returns; the identity hash is a scrambling of it) is:
//! - its address, for objects that never move: static objects, and old objects of the
//!   generational collector that have no hash field;
//! - the value stored in its appended hash field, for objects with `GCFLAG_HASHFIELD`;
//! - for an object that can still move and has no field yet (in the nursery, or anywhere in the
//!   semispace heap), a fresh value handed out on first request, remembered in [`YoungIds`] under
//!   the object's current address and flagged `GCFLAG_HASHTAKEN` in its header. When the
//!   collector copies such an object it appends a field holding the value and sets
//!   `GCFLAG_HASHFIELD` (see `generational.rs` and `semispace.rs`), then forgets the table.
//!
//! Fresh values are odd (`2n + 1`), and addresses are multiples of 8, so no fresh value equals an
//! address: two distinct live objects never share an identity value.
//!
//! Relies on the header flags of `typeinfo.rs` and on the collectors clearing [`YoungIds`] after
//! every collection that moves objects.

use core::hash::{BuildHasherDefault, Hasher};
use hashbrown::{HashMap, HashSet};

/// A cheap hasher for addresses (multiplicative, keeping the high bits), for the side tables of
/// the collectors. Not for untrusted input.
#[derive(Default, Clone, Copy)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        let x = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = x ^ (x >> 29);
    }
}

/// A hash map keyed by addresses.
pub type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;
/// A hash set of addresses.
pub type AddrSet = HashSet<usize, BuildHasherDefault<AddrHasher>>;

/// Scrambles an identity value into an identity hash, so that aligned addresses and consecutive
/// odd values spread over all bits (dictionaries index with the low bits).
#[inline]
pub fn mix(id: u64) -> i64 {
    let mut x = id;
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 29;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 32;
    x as i64
}

/// The identity values handed out to objects that may still move, keyed by their current
/// address, and the counter that makes new ones.
#[derive(Default)]
pub struct YoungIds {
    map: AddrMap<u64>,
    next: u64,
}

impl YoungIds {
    /// An empty table.
    pub fn new() -> YoungIds {
        YoungIds::default()
    }

    /// The value of the object at `addr`, handing out a fresh one on first request.
    #[inline]
    pub fn get_or_assign(&mut self, addr: usize) -> u64 {
        let next = &mut self.next;
        *self.map.entry(addr).or_insert_with(|| {
            *next += 1;
            2 * *next + 1
        })
    }

    /// The value handed out for the object at `addr`, removed from the table. The caller knows
    /// one was handed out (the object has `GCFLAG_HASHTAKEN`); a missing entry is heap corruption.
    #[inline]
    pub fn take(&mut self, addr: usize) -> u64 {
        match self.map.remove(&addr) {
            Some(value) => value,
            None => crate::fatal(&format!(
                "object at {addr:#x} has RPY_GCFLAG_HASHTAKEN but no identity was handed out"
            )),
        }
    }

    /// Number of objects whose value is pending (each needs a hash field when it moves).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no value is pending.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Forgets every pending value (after a collection, when every object that had one has
    /// either moved with its field or died).
    pub fn clear(&mut self) {
        if !self.map.is_empty() {
            self.map.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_values_are_odd_and_stable() {
        let mut ids = YoungIds::new();
        let a = ids.get_or_assign(0x1000);
        let b = ids.get_or_assign(0x1010);
        assert_ne!(a, b);
        assert_eq!(a % 2, 1);
        assert_eq!(b % 2, 1);
        assert_eq!(ids.get_or_assign(0x1000), a);
        assert_eq!(ids.len(), 2);
        assert_eq!(ids.take(0x1000), a);
        ids.clear();
        assert!(ids.is_empty());
        // Values are never reused, even for a recycled address.
        let c = ids.get_or_assign(0x1000);
        assert!(c != a && c != b);
    }

    #[test]
    fn mixing_spreads_aligned_addresses() {
        let mut low = std::collections::HashSet::new();
        for i in 0..1024u64 {
            low.insert(mix(0x7f00_0000_0000 + 16 * i) & 1023);
        }
        assert!(low.len() > 500, "{}", low.len());
        assert_ne!(mix(8), mix(16));
    }
}
