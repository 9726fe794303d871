//! The fake heap shared by the collector tests, in the style of PyPy's GC tests: a small type
//! table (cons cells, arrays of pointers, byte strings), allocation through the same inline fast
//! path and slow path the generated C uses, roots on a shadow stack (a `Vec`), and stores through
//! the same inline write-barrier test the generated C does. Works with either collector through
//! `AnyGc`.
//!
//! Relies on the collectors' instance API only; each test owns its heap, so tests run in
//! parallel.

#![allow(dead_code)]

use rpyrt::typeinfo::{
    round_size, GCFLAG_TRACK_YOUNG_PTRS, TI_GCPTR_ITEMS, TI_VARSIZE, TI_WEAKREF,
};
use rpyrt::{AnyGc, GcConfig, GcKind, TypeInfo, TypeTable};
use std::ptr::null_mut;

pub const CONS: u32 = 0;
pub const ARRAY: u32 = 1;
pub const STR: u32 = 2;
/// A weak reference: header, referent (not traced).
pub const WEAKREF: u32 = 3;

/// Cons cell: header, car, cdr, value.
pub const CONS_SIZE: usize = 32;
/// Arrays and strings: header, length, items.
pub const VAR_HEADER: usize = 16;

static CONS_PTRS: [u32; 2] = [8, 16];

pub fn type_table() -> TypeTable {
    let types = [
        TypeInfo {
            flags: 0,
            fixedsize: CONS_SIZE as u32,
            itemsize: 0,
            length_offset: 0,
            n_ptrs: 2,
            ptr_offsets: CONS_PTRS.as_ptr(),
        },
        TypeInfo {
            flags: TI_VARSIZE | TI_GCPTR_ITEMS,
            fixedsize: VAR_HEADER as u32,
            itemsize: 8,
            length_offset: 8,
            n_ptrs: 0,
            ptr_offsets: std::ptr::null(),
        },
        TypeInfo {
            flags: TI_VARSIZE,
            fixedsize: VAR_HEADER as u32,
            itemsize: 1,
            length_offset: 8,
            n_ptrs: 0,
            ptr_offsets: std::ptr::null(),
        },
        TypeInfo {
            flags: TI_WEAKREF,
            fixedsize: 16,
            itemsize: 0,
            length_offset: 0,
            n_ptrs: 0,
            ptr_offsets: std::ptr::null(),
        },
    ];
    unsafe { TypeTable::new(&types) }.unwrap()
}

pub type Obj = *mut u8;

pub fn word(obj: Obj, offset: usize) -> *mut u64 {
    obj.wrapping_add(offset) as *mut u64
}

pub fn header(obj: Obj) -> u64 {
    unsafe { *word(obj, 0) }
}
pub fn car(obj: Obj) -> Obj {
    unsafe { *(word(obj, 8) as *mut Obj) }
}
pub fn cdr(obj: Obj) -> Obj {
    unsafe { *(word(obj, 16) as *mut Obj) }
}
pub fn value(obj: Obj) -> i64 {
    unsafe { *(word(obj, 24) as *mut i64) }
}
pub fn set_value(obj: Obj, v: i64) {
    unsafe { *(word(obj, 24) as *mut i64) = v }
}
/// A raw store with no barrier, for fresh objects (as generated code may do) and for showing
/// what a missing barrier breaks.
pub fn raw_set_car(obj: Obj, to: Obj) {
    unsafe { *(word(obj, 8) as *mut Obj) = to }
}
pub fn raw_set_cdr(obj: Obj, to: Obj) {
    unsafe { *(word(obj, 16) as *mut Obj) = to }
}
pub fn length(obj: Obj) -> usize {
    unsafe { *word(obj, 8) as usize }
}
pub fn item(array: Obj, i: usize) -> Obj {
    assert!(i < length(array));
    unsafe { *(word(array, VAR_HEADER + 8 * i) as *mut Obj) }
}
pub fn raw_set_item(array: Obj, i: usize, to: Obj) {
    assert!(i < length(array));
    unsafe { *(word(array, VAR_HEADER + 8 * i) as *mut Obj) = to }
}
pub fn str_bytes<'a>(s: Obj) -> &'a [u8] {
    unsafe { std::slice::from_raw_parts(s.add(VAR_HEADER), length(s)) }
}

pub fn config(kind: GcKind) -> GcConfig {
    GcConfig {
        kind,
        ..GcConfig::default()
    }
}

/// A generational configuration with a nursery of `nursery` bytes.
pub fn gen_config(nursery: usize) -> GcConfig {
    GcConfig {
        kind: GcKind::Generational,
        nursery_size: nursery,
        ..GcConfig::default()
    }
}

/// A collector plus its shadow stack of roots.
pub struct Heap {
    pub gc: AnyGc,
    pub roots: Vec<Obj>,
}

impl Heap {
    pub fn new(config: GcConfig) -> Heap {
        Heap::with_statics(config, &[])
    }

    pub fn with_statics(config: GcConfig, statics: &[Obj]) -> Heap {
        let gc = unsafe { AnyGc::new(type_table(), statics, config) }.unwrap();
        Heap {
            gc,
            roots: Vec::new(),
        }
    }

    pub fn generational(nursery: usize) -> Heap {
        Heap::new(gen_config(nursery))
    }

    pub fn semispace(space: usize) -> Heap {
        Heap::new(GcConfig {
            initial_space: space,
            ..config(GcKind::Semispace)
        })
    }

    pub fn gen(&self) -> &rpyrt::GenGc {
        match &self.gc {
            AnyGc::Generational(gc) => gc,
            AnyGc::Semispace(_) => panic!("not the generational collector"),
        }
    }

    /// What the generated C does inline: round, bump while it fits (and is below the large-object
    /// threshold), clear the object and write the header; otherwise call the slow path. NULL
    /// means MemoryError.
    pub fn try_alloc(&mut self, tid: u32, size: usize) -> Obj {
        let size = round_size(size).unwrap();
        let p = self.gc.nursery_free();
        let top = self.gc.nursery_top();
        let large = match &self.gc {
            AnyGc::Generational(gc) => size > gc.large_threshold(),
            AnyGc::Semispace(_) => false,
        };
        if !large && (top as usize).wrapping_sub(p as usize) >= size && p <= top {
            self.gc.set_nursery_free(p.wrapping_add(size));
            unsafe {
                std::ptr::write_bytes(p, 0, size);
                *(p as *mut u64) = tid as u64;
            }
            p
        } else {
            unsafe { self.gc.malloc_slowpath(tid, size, &mut self.roots) }
        }
    }

    pub fn alloc(&mut self, tid: u32, size: usize) -> Obj {
        let obj = self.try_alloc(tid, size);
        assert!(!obj.is_null(), "out of memory");
        obj
    }

    pub fn push(&mut self, obj: Obj) {
        self.roots.push(obj);
    }
    pub fn pop(&mut self) -> Obj {
        self.roots.pop().unwrap()
    }
    pub fn top(&self) -> Obj {
        *self.roots.last().unwrap()
    }
    pub fn root(&self, i: usize) -> Obj {
        self.roots[i]
    }

    /// The inline barrier test of `RPY_WRITE_BARRIER`.
    pub fn barrier(&mut self, obj: Obj) {
        if header(obj) & GCFLAG_TRACK_YOUNG_PTRS != 0 {
            unsafe { self.gc.write_barrier(obj) };
        }
    }

    /// The inline barrier test of `RPY_WRITE_BARRIER_ARRAY`.
    pub fn barrier_array(&mut self, obj: Obj, i: usize) {
        if header(obj) & GCFLAG_TRACK_YOUNG_PTRS != 0 {
            unsafe { self.gc.write_barrier_array(obj, i) };
        }
    }

    pub fn set_car(&mut self, obj: Obj, to: Obj) {
        self.barrier(obj);
        raw_set_car(obj, to);
    }
    pub fn set_cdr(&mut self, obj: Obj, to: Obj) {
        self.barrier(obj);
        raw_set_cdr(obj, to);
    }
    pub fn set_item(&mut self, array: Obj, i: usize, to: Obj) {
        self.barrier_array(array, i);
        raw_set_item(array, i, to);
    }

    /// A fresh cons cell (initialising stores need no barrier).
    pub fn cons(&mut self, car_: Obj, cdr_: Obj, val: i64) -> Obj {
        self.push(car_);
        self.push(cdr_);
        let cell = self.alloc(CONS, CONS_SIZE);
        raw_set_cdr(cell, self.pop());
        raw_set_car(cell, self.pop());
        set_value(cell, val);
        cell
    }

    pub fn array(&mut self, len: usize) -> Obj {
        let array = self.alloc(ARRAY, VAR_HEADER + 8 * len);
        unsafe { *word(array, 8) = len as u64 };
        array
    }

    pub fn string(&mut self, bytes: &[u8]) -> Obj {
        let s = self.alloc(STR, VAR_HEADER + bytes.len());
        unsafe {
            *word(s, 8) = bytes.len() as u64;
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), s.add(VAR_HEADER), bytes.len());
        }
        s
    }

    /// A fresh weak reference to `obj`, as the generated C makes one.
    pub fn weakref(&mut self, obj: Obj) -> Obj {
        self.push(obj);
        let w = self.alloc(WEAKREF, 16);
        unsafe { *(word(w, 8) as *mut Obj) = self.pop() };
        w
    }

    pub fn collect(&mut self) {
        assert!(unsafe { self.gc.collect(&mut self.roots) });
        self.verify();
    }

    pub fn collect_minor(&mut self) {
        assert!(unsafe { self.gc.collect_minor(&mut self.roots) });
        self.verify();
    }

    /// The generational collector's invariant check (nothing for semispace).
    pub fn verify(&self) {
        if let AnyGc::Generational(gc) = &self.gc {
            if let Err(msg) = unsafe { gc.verify(&self.roots) } {
                panic!("heap invariant broken: {msg}");
            }
        }
    }

    pub fn is_young(&self, obj: Obj) -> bool {
        match &self.gc {
            AnyGc::Generational(gc) => gc.is_young(obj),
            AnyGc::Semispace(_) => true,
        }
    }

    /// A list of `n` cells holding n-1 .. 0 (the head holds n-1), left on the shadow stack.
    pub fn push_list(&mut self, n: i64) {
        self.push(null_mut());
        for i in 0..n {
            let head = self.pop();
            let cell = self.cons(null_mut(), head, i);
            self.push(cell);
        }
    }

    pub fn id(&mut self, obj: Obj) -> i64 {
        unsafe { self.gc.id(obj) }
    }

    pub fn hash(&mut self, obj: Obj) -> i64 {
        unsafe { self.gc.identityhash(obj) }
    }
}

/// The referent of a weak reference (NULL once it died).
pub fn deref(w: Obj) -> Obj {
    unsafe { *(word(w, 8) as *mut Obj) }
}

pub fn check_list(mut cell: Obj, n: i64) {
    for i in (0..n).rev() {
        assert!(!cell.is_null());
        assert_eq!(header(cell) as u32, CONS);
        assert_eq!(value(cell), i);
        cell = cdr(cell);
    }
    assert!(cell.is_null());
}

pub fn build_tree(heap: &mut Heap, depth: u32, label: &mut i64) -> Obj {
    if depth == 0 {
        return null_mut();
    }
    let left = build_tree(heap, depth - 1, label);
    heap.push(left);
    let right = build_tree(heap, depth - 1, label);
    let left = heap.pop();
    *label += 1;
    heap.cons(left, right, *label)
}

pub fn tree_sum(node: Obj) -> (i64, usize) {
    if node.is_null() {
        return (0, 0);
    }
    let (ls, ln) = tree_sum(car(node));
    let (rs, rn) = tree_sum(cdr(node));
    (ls + rs + value(node), ln + rn + 1)
}

/// A deterministic pseudo-random generator for the randomized tests.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
