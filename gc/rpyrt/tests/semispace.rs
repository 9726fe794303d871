//! Direct tests of the semispace collector, in the style of PyPy's GC tests: a fake type table
//! (cons cells, arrays of pointers, byte strings), allocation through the same fast path and slow
//! path the generated C uses, roots kept on a shadow stack, and forced collections, growth, stress
//! mode and the heap limit.
//!
//! Relies on the `Gc` instance API (each test owns its collector, so tests run in parallel) and on
//! a test helper that performs the inline fast path on `Gc::nursery_free`/`nursery_top`.

use rpyrt::typeinfo::{round_size, GCFLAG_FORWARDED, GCFLAG_STATIC, TI_GCPTR_ITEMS, TI_VARSIZE};
use rpyrt::{Gc, GcConfig, TypeInfo, TypeTable};
use std::ptr::null_mut;

const CONS: u32 = 0;
const ARRAY: u32 = 1;
const STR: u32 = 2;

/// Cons cell: header, car, cdr, value.
const CONS_SIZE: usize = 32;
/// Arrays and strings: header, length, items.
const VAR_HEADER: usize = 16;

static CONS_PTRS: [u32; 2] = [8, 16];

fn type_table() -> TypeTable {
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
    ];
    unsafe { TypeTable::new(&types) }.unwrap()
}

type Obj = *mut u8;

fn word(obj: Obj, offset: usize) -> *mut u64 {
    obj.wrapping_add(offset) as *mut u64
}

fn car(obj: Obj) -> Obj {
    unsafe { *(word(obj, 8) as *mut Obj) }
}
fn cdr(obj: Obj) -> Obj {
    unsafe { *(word(obj, 16) as *mut Obj) }
}
fn value(obj: Obj) -> i64 {
    unsafe { *(word(obj, 24) as *mut i64) }
}
fn set_car(obj: Obj, to: Obj) {
    unsafe { *(word(obj, 8) as *mut Obj) = to }
}
fn set_cdr(obj: Obj, to: Obj) {
    unsafe { *(word(obj, 16) as *mut Obj) = to }
}
fn header(obj: Obj) -> u64 {
    unsafe { *word(obj, 0) }
}
fn length(obj: Obj) -> usize {
    unsafe { *word(obj, 8) as usize }
}
fn item(array: Obj, i: usize) -> Obj {
    assert!(i < length(array));
    unsafe { *(word(array, VAR_HEADER + 8 * i) as *mut Obj) }
}
fn set_item(array: Obj, i: usize, to: Obj) {
    assert!(i < length(array));
    unsafe { *(word(array, VAR_HEADER + 8 * i) as *mut Obj) = to }
}
fn str_bytes<'a>(s: Obj) -> &'a [u8] {
    unsafe { std::slice::from_raw_parts(s.add(VAR_HEADER), length(s)) }
}

/// A collector plus its shadow stack of roots.
struct Heap {
    gc: Gc,
    roots: Vec<Obj>,
}

impl Heap {
    fn new(config: GcConfig) -> Heap {
        Heap::with_statics(config, &[])
    }

    fn with_statics(config: GcConfig, statics: &[Obj]) -> Heap {
        let gc = unsafe { Gc::new(type_table(), statics, config) }.unwrap();
        Heap {
            gc,
            roots: Vec::new(),
        }
    }

    fn small(space: usize) -> Heap {
        Heap::new(GcConfig {
            initial_space: space,
            ..GcConfig::default()
        })
    }

    /// What the generated C does inline: round, bump while it fits, clear the object and write
    /// the header; otherwise call the slow path. NULL means MemoryError.
    fn try_alloc(&mut self, tid: u32, size: usize) -> Obj {
        let size = round_size(size).unwrap();
        let p = self.gc.nursery_free;
        if (self.gc.nursery_top as usize).wrapping_sub(p as usize) >= size
            && p <= self.gc.nursery_top
        {
            self.gc.nursery_free = p.wrapping_add(size);
            unsafe {
                std::ptr::write_bytes(p, 0, size);
                *(p as *mut u64) = tid as u64;
            }
            p
        } else {
            unsafe { self.gc.malloc_slowpath(tid, size, &mut self.roots) }
        }
    }

    fn alloc(&mut self, tid: u32, size: usize) -> Obj {
        let obj = self.try_alloc(tid, size);
        assert!(!obj.is_null(), "out of memory");
        obj
    }

    fn push(&mut self, obj: Obj) {
        self.roots.push(obj);
    }
    fn pop(&mut self) -> Obj {
        self.roots.pop().unwrap()
    }
    fn top(&self) -> Obj {
        *self.roots.last().unwrap()
    }
    fn root(&self, i: usize) -> Obj {
        self.roots[i]
    }

    fn cons(&mut self, car_: Obj, cdr_: Obj, val: i64) -> Obj {
        self.push(car_);
        self.push(cdr_);
        let cell = self.alloc(CONS, CONS_SIZE);
        set_cdr(cell, self.pop());
        set_car(cell, self.pop());
        unsafe { *(word(cell, 24) as *mut i64) = val };
        cell
    }

    fn array(&mut self, len: usize) -> Obj {
        let array = self.alloc(ARRAY, VAR_HEADER + 8 * len);
        unsafe { *word(array, 8) = len as u64 };
        array
    }

    fn string(&mut self, bytes: &[u8]) -> Obj {
        let s = self.alloc(STR, VAR_HEADER + bytes.len());
        unsafe {
            *word(s, 8) = bytes.len() as u64;
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), s.add(VAR_HEADER), bytes.len());
        }
        s
    }

    fn collect(&mut self) {
        assert!(unsafe { self.gc.collect(&mut self.roots) });
    }

    /// A list of `n` cells holding n-1 .. 0 (the head holds n-1), left on the shadow stack.
    fn push_list(&mut self, n: i64) {
        self.push(null_mut());
        for i in 0..n {
            let head = self.pop();
            let cell = self.cons(null_mut(), head, i);
            self.push(cell);
        }
    }
}

fn check_list(mut cell: Obj, n: i64) {
    for i in (0..n).rev() {
        assert!(!cell.is_null());
        assert_eq!(header(cell), CONS as u64);
        assert_eq!(value(cell), i);
        cell = cdr(cell);
    }
    assert!(cell.is_null());
}

#[test]
fn a_list_survives_many_collections() {
    let mut heap = Heap::small(64 << 10);
    heap.push_list(100_000);
    assert!(heap.gc.collections() >= 6, "{}", heap.gc.collections());
    check_list(heap.top(), 100_000);
    heap.collect();
    heap.collect();
    check_list(heap.top(), 100_000);
}

#[test]
fn unreachable_data_is_reclaimed() {
    let mut heap = Heap::small(1 << 20);
    heap.push_list(10);
    for i in 0..10_000 {
        heap.cons(null_mut(), null_mut(), i);
    }
    let before = heap.gc.heap_used();
    assert!(before >= 10_000 * CONS_SIZE);
    heap.collect();
    assert_eq!(heap.gc.heap_used(), 10 * CONS_SIZE);
    check_list(heap.top(), 10);
    heap.pop();
    heap.collect();
    assert_eq!(heap.gc.heap_used(), 0);
}

#[test]
fn slow_path_objects_are_zeroed_over_reused_memory() {
    // Spaces are not cleared for reuse: the slow path clears what it hands out.
    let mut heap = Heap::small(64 << 10);
    for round in 0..3 {
        for i in 0..5_000 {
            let c = heap.cons(null_mut(), null_mut(), -1 - i);
            unsafe { *word(c, 16) = u64::MAX };
        }
        let cell = unsafe { heap.gc.malloc_slowpath(CONS, CONS_SIZE, &mut heap.roots) };
        assert!(!cell.is_null());
        assert_eq!(header(cell), CONS as u64);
        for off in [8, 16, 24] {
            assert_eq!(
                unsafe { *word(cell, off) },
                0,
                "round {round}, offset {off}"
            );
        }
    }
}

#[test]
fn garbage_does_not_grow_the_heap() {
    let mut heap = Heap::small(64 << 10);
    heap.push_list(100);
    for i in 0..1_000_000 {
        heap.cons(null_mut(), null_mut(), i);
    }
    assert_eq!(heap.gc.space_size(), 64 << 10);
    assert!(heap.gc.collections() >= 1_000_000 * CONS_SIZE as u64 / (64 << 10));
    check_list(heap.top(), 100);
}

fn build_tree(heap: &mut Heap, depth: u32, label: &mut i64) -> Obj {
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

fn tree_sum(node: Obj) -> (i64, usize) {
    if node.is_null() {
        return (0, 0);
    }
    let (ls, ln) = tree_sum(car(node));
    let (rs, rn) = tree_sum(cdr(node));
    (ls + rs + value(node), ln + rn + 1)
}

#[test]
fn a_tree_keeps_its_shape() {
    let mut heap = Heap::small(32 << 10);
    let mut label = 0;
    let tree = build_tree(&mut heap, 15, &mut label);
    heap.push(tree);
    heap.collect();
    let n = (1usize << 15) - 1;
    assert_eq!(tree_sum(heap.top()), ((n * (n + 1) / 2) as i64, n));
}

#[test]
fn sharing_and_cycles_are_preserved() {
    let mut heap = Heap::small(4 << 10);
    let a = heap.cons(null_mut(), null_mut(), 1);
    heap.push(a);
    let b = heap.cons(heap.top(), null_mut(), 2);
    set_cdr(heap.top(), b); // a <-> b
    heap.push(b);
    heap.push(heap.root(0)); // the same object twice on the stack
    let arr = heap.array(3);
    for i in 0..3 {
        set_item(arr, i, heap.root(1));
    }
    heap.push(arr);
    for _ in 0..3 {
        heap.collect();
    }
    let (a, b, a2, arr) = (heap.root(0), heap.root(1), heap.root(2), heap.root(3));
    assert_eq!(a, a2);
    assert_eq!(cdr(a), b);
    assert_eq!(car(b), a);
    assert_eq!((value(a), value(b)), (1, 2));
    for i in 0..3 {
        assert_eq!(item(arr, i), b);
    }
    assert_eq!(header(a) & GCFLAG_FORWARDED, 0);
    assert_eq!(
        heap.gc.heap_used(),
        2 * CONS_SIZE + round_size(VAR_HEADER + 24).unwrap()
    );
}

#[test]
fn arrays_and_strings_survive() {
    let mut heap = Heap::small(16 << 10);
    let arr = heap.array(200);
    heap.push(arr);
    for i in 0..200 {
        let text: Vec<u8> = (0..i).map(|k| (k * 7 + i) as u8).collect();
        let s = heap.string(&text);
        set_item(heap.top(), i, s);
        // Garbage in between, so that collections happen while the array is half filled.
        heap.array(i % 17);
    }
    heap.collect();
    let arr = heap.top();
    for i in 0..200 {
        let expected: Vec<u8> = (0..i).map(|k| (k * 7 + i) as u8).collect();
        assert_eq!(str_bytes(item(arr, i)), &expected[..]);
        assert_eq!(header(item(arr, i)), STR as u64);
    }
    let empty = heap.string(b"");
    assert_eq!(str_bytes(empty), b"");
}

#[test]
fn static_objects_keep_their_referents_alive() {
    // Two prebuilt cons cells outside the heap; the second one is only reachable from the roots
    // or from the first and must never be copied or traced through.
    let mut statics = Box::new([[0u64; 4]; 2]);
    statics[0][0] = CONS as u64 | GCFLAG_STATIC;
    statics[0][3] = 100;
    statics[1][0] = CONS as u64 | GCFLAG_STATIC;
    statics[1][3] = 200;
    let s0 = statics[0].as_mut_ptr() as Obj;
    let s1 = statics[1].as_mut_ptr() as Obj;
    let mut heap = Heap::with_statics(
        GcConfig {
            initial_space: 4 << 10,
            ..GcConfig::default()
        },
        &[s0, null_mut()],
    );
    heap.push_list(50);
    set_car(s0, heap.pop());
    let x = heap.cons(null_mut(), null_mut(), 7);
    set_car(s1, x); // s1 is not a registered root: x dies
    set_cdr(s0, s1);
    heap.push(s1);
    let before = car(s0);
    heap.collect();
    assert_ne!(car(s0), before, "the static object's field was not updated");
    check_list(car(s0), 50);
    assert_eq!(cdr(s0), s1);
    assert_eq!(heap.top(), s1);
    assert_eq!(value(s1), 200);
    assert_eq!(car(s1), x, "a static object was traced through");
    assert_eq!(heap.gc.heap_used(), 50 * CONS_SIZE);
    for i in 0..10_000 {
        heap.cons(null_mut(), null_mut(), i);
    }
    check_list(car(s0), 50);
    assert_eq!(header(s0), CONS as u64 | GCFLAG_STATIC);
}

#[test]
fn malformed_statics_are_rejected() {
    let mut obj = [CONS as u64, 0, 0, 0];
    let p = obj.as_mut_ptr() as Obj;
    assert!(unsafe { Gc::new(type_table(), &[p], GcConfig::default()) }.is_err());
    let mut obj = [77 | GCFLAG_STATIC, 0, 0, 0];
    let p = obj.as_mut_ptr() as Obj;
    assert!(unsafe { Gc::new(type_table(), &[p], GcConfig::default()) }.is_err());
}

#[test]
fn pointers_outside_the_heap_are_left_alone() {
    let mut heap = Heap::small(4 << 10);
    let mut foreign = [CONS as u64, 0xdead, 0xbeef, 0];
    let foreign = foreign.as_mut_ptr() as Obj;
    heap.push(foreign);
    heap.push(8 as Obj);
    heap.push_list(3);
    heap.collect();
    assert_eq!(heap.root(0), foreign);
    assert_eq!(heap.root(1), 8 as Obj);
    assert_eq!(car(foreign) as usize, 0xdead);
    check_list(heap.root(2), 3);
}

#[test]
fn large_arrays_grow_the_heap() {
    let mut heap = Heap::small(64 << 10);
    let n = 1 << 20; // 8 MiB of pointers
    let arr = heap.array(n);
    heap.push(arr);
    assert!(heap.gc.space_size() >= 8 << 20);
    for i in 0..n {
        if i % 4 == 0 {
            let cell = heap.cons(null_mut(), null_mut(), i as i64);
            set_item(heap.top(), i, cell);
        }
    }
    heap.collect();
    let arr = heap.top();
    for i in (0..n).step_by(4) {
        assert_eq!(value(item(arr, i)), i as i64);
        assert!(item(arr, i + 1).is_null());
    }
    // A collection after live data passed half a space grows the spaces to twice the live size.
    heap.collect();
    assert!(heap.gc.space_size() >= 2 * heap.gc.heap_used());
}

#[test]
fn growth_happens_when_live_data_passes_half_a_space() {
    let mut heap = Heap::small(64 << 10);
    heap.push_list(1500); // 48000 bytes live: more than half of 64K
    heap.collect();
    assert_eq!(heap.gc.space_size(), 64 << 10);
    heap.collect(); // the pending growth happens at the next collection
    assert_eq!(heap.gc.space_size(), 128 << 10);
    check_list(heap.top(), 1500);
    heap.pop();
    heap.collect();
    heap.collect();
    assert_eq!(heap.gc.space_size(), 128 << 10, "spaces never shrink");
}

#[test]
fn the_heap_limit_gives_null() {
    let mut heap = Heap::new(GcConfig {
        initial_space: 64 << 10,
        max_heap: Some(1 << 20),
        ..GcConfig::default()
    });
    heap.push(null_mut());
    let mut n = 0;
    loop {
        let cell = heap.try_alloc(CONS, CONS_SIZE);
        if cell.is_null() {
            break;
        }
        set_cdr(cell, heap.pop());
        unsafe { *(word(cell, 24) as *mut i64) = n };
        heap.push(cell);
        n += 1;
        assert!(n < 1 << 20, "the limit was not enforced");
    }
    // Half a megabyte per space holds 16384 cells, and the list may fill all of it.
    assert_eq!(n, 16384);
    assert_eq!(heap.gc.space_size(), 512 << 10);
    check_list(heap.top(), n);
    // Dropping the list makes room again.
    heap.pop();
    heap.push_list(1000);
    check_list(heap.top(), 1000);
}

#[test]
fn absurd_sizes_give_null() {
    let mut heap = Heap::small(4 << 10);
    heap.push_list(10);
    for size in [usize::MAX, usize::MAX - 7, 1 << 62, isize::MAX as usize] {
        let p = unsafe { heap.gc.malloc_slowpath(ARRAY, size, &mut heap.roots) };
        assert!(p.is_null(), "{size}");
    }
    let limited = &mut Heap::new(GcConfig {
        max_heap: Some(1 << 20),
        initial_space: 4 << 10,
        ..GcConfig::default()
    });
    assert!(limited.try_alloc(STR, 600 << 10).is_null());
    assert!(!limited.try_alloc(STR, 400 << 10).is_null());
    check_list(heap.top(), 10);
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let mut heap = Heap::new(GcConfig {
        initial_space: 4 << 10,
        stress: true,
        ..GcConfig::default()
    });
    assert_eq!(heap.gc.nursery_free, heap.gc.nursery_top);
    heap.push(null_mut());
    for i in 0..3000 {
        let before = heap.gc.collections();
        let s = heap.string(format!("item {i}").as_bytes());
        assert_eq!(heap.gc.collections(), before + 1);
        assert_eq!(heap.gc.nursery_free, heap.gc.nursery_top);
        let head = heap.pop();
        let cell = heap.cons(s, head, i);
        heap.push(cell);
    }
    let mut cell = heap.top();
    for i in (0..3000).rev() {
        assert_eq!(value(cell), i);
        assert_eq!(str_bytes(car(cell)), format!("item {i}").as_bytes());
        cell = cdr(cell);
    }
    heap.collect();
    assert_eq!(heap.gc.nursery_free, heap.gc.nursery_top);
    assert!(heap.gc.space_size() > 4 << 10);
}

#[test]
fn stress_mode_tree() {
    let mut heap = Heap::new(GcConfig {
        initial_space: 1 << 10,
        stress: true,
        ..GcConfig::default()
    });
    let mut label = 0;
    let tree = build_tree(&mut heap, 10, &mut label);
    heap.push(tree);
    let n = (1usize << 10) - 1;
    assert_eq!(tree_sum(heap.top()), ((n * (n + 1) / 2) as i64, n));
    assert!(heap.gc.collections() >= n as u64);
}

#[test]
fn unrounded_sizes_are_rounded() {
    let mut heap = Heap::small(4 << 10);
    let a = unsafe { heap.gc.malloc_slowpath(STR, 1, &mut heap.roots) };
    let b = unsafe { heap.gc.malloc_slowpath(STR, 17, &mut heap.roots) };
    let c = unsafe { heap.gc.malloc_slowpath(STR, 24, &mut heap.roots) };
    assert_eq!(b as usize - a as usize, 16);
    assert_eq!(c as usize - b as usize, 24);
    assert_eq!(header(c), STR as u64);
    assert_eq!(heap.gc.heap_used(), 64);
}
