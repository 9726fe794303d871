//! Checks that the constants of `include/rpyrt.h` agree with the Rust side: header flags, the
//! collector kinds and flag layout of `rpy_gc_init`, the large-object threshold and the card size,
//! and that every function the header declares is exported by the crate.
//!
//! Relies on the header's `#define NAME value` lines being simple enough to evaluate here
//! (integers, `(1ull << n)`, `(a * b)`).

use rpyrt::capi::{RPY_GC_FLAG_STRESS, RPY_GC_GENERATIONAL, RPY_GC_KIND_SHIFT, RPY_GC_SEMISPACE};
use rpyrt::generational::LARGE_OBJECT;
use rpyrt::large::CARD_ITEMS;
use rpyrt::typeinfo::*;
use std::collections::HashMap;

fn header_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/rpyrt.h")).unwrap()
}

fn eval(expr: &str) -> Option<u64> {
    let e = expr.trim();
    let e = e
        .strip_prefix('(')
        .and_then(|e| e.strip_suffix(')'))
        .unwrap_or(e)
        .trim();
    if let Some((a, b)) = e.split_once("<<") {
        return Some(eval(a)? << eval(b)?);
    }
    if let Some((a, b)) = e.split_once('*') {
        return Some(eval(a)? * eval(b)?);
    }
    let digits = e.trim_end_matches(['u', 'l', 'U', 'L']);
    digits.parse().ok()
}

fn defines() -> HashMap<String, u64> {
    let mut out = HashMap::new();
    for line in header_text().lines() {
        let Some(rest) = line.strip_prefix("#define ") else {
            continue;
        };
        let Some((name, value)) = rest.split_once(' ') else {
            continue;
        };
        if name.contains('(') {
            continue;
        }
        let value = value.split("/*").next().unwrap();
        if let Some(v) = eval(value) {
            out.insert(name.to_string(), v);
        }
    }
    out
}

#[test]
fn constants_agree() {
    let d = defines();
    let flags = [
        ("RPY_GCFLAG_STATIC", GCFLAG_STATIC),
        ("RPY_GCFLAG_FORWARDED", GCFLAG_FORWARDED),
        ("RPY_GCFLAG_TRACK_YOUNG_PTRS", GCFLAG_TRACK_YOUNG_PTRS),
        ("RPY_GCFLAG_HASHTAKEN", GCFLAG_HASHTAKEN),
        ("RPY_GCFLAG_HASHFIELD", GCFLAG_HASHFIELD),
        ("RPY_GCFLAG_HAS_CARDS", GCFLAG_HAS_CARDS),
        ("RPY_GCFLAG_CARDS_SET", GCFLAG_CARDS_SET),
        ("RPY_GCFLAG_VISITED", GCFLAG_VISITED),
        ("RPY_TI_VARSIZE", TI_VARSIZE as u64),
        ("RPY_TI_GCPTR_ITEMS", TI_GCPTR_ITEMS as u64),
        ("RPY_TI_WEAKREF", TI_WEAKREF as u64),
        ("RPY_GC_FLAG_STRESS", RPY_GC_FLAG_STRESS as u64),
        ("RPY_GC_KIND_SHIFT", RPY_GC_KIND_SHIFT as u64),
        ("RPY_GC_SEMISPACE", RPY_GC_SEMISPACE as u64),
        ("RPY_GC_GENERATIONAL", RPY_GC_GENERATIONAL as u64),
        ("RPY_GC_LARGE_OBJECT", LARGE_OBJECT as u64),
        ("RPY_GC_CARD_ITEMS", CARD_ITEMS as u64),
    ];
    for (name, value) in flags {
        assert_eq!(d.get(name), Some(&value), "{name}");
    }
    // Every flag is its own bit in the high half of the header word.
    let bits: Vec<u64> = flags[..8].iter().map(|f| f.1).collect();
    for (i, a) in bits.iter().enumerate() {
        assert_eq!(a.count_ones(), 1);
        assert!(*a >= 1 << 32);
        for b in &bits[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn declared_functions_are_exported() {
    let text = header_text();
    let exported = [
        "rpy_gc_init",
        "rpy_gc_malloc_slowpath",
        "rpy_gc_write_barrier",
        "rpy_gc_write_barrier_array",
        "rpy_gc_identityhash",
        "rpy_gc_id",
        "rpy_gc_collect",
        "rpy_gc_collect_minor",
        "rpy_gc_collections",
        "rpy_gc_minor_collections",
        "rpy_gc_major_collections",
        "rpy_gc_heap_used",
        "rpy_float_repr",
        "rpy_parse_int",
        "rpy_gc_boehm_settings",
        "rpy_gc_collect_gen",
        "rpy_gc_set_enabled",
        "rpy_gc_isenabled",
        "rpy_gc_add_memory_pressure",
        "rpy_gc_can_move",
        "rpy_gc_register_destructor",
        "rpy_gc_fq_register",
        "rpy_gc_fq_next_dead",
        "rpy_gc_fq_take_trigger",
        "rpy_unicode_flags",
        "rpy_unicode_map",
    ];
    let mut declared = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        // Skip preprocessor lines, macro bodies and comments.
        if line.starts_with('#')
            || line.trim_end().ends_with('\\')
            || line.starts_with('*')
            || line.starts_with("/*")
        {
            continue;
        }
        if let Some(open) = line.find('(') {
            let before = &line[..open];
            if let Some(name) = before.split([' ', '*']).next_back() {
                if name.starts_with("rpy_") && !line.contains("typedef") {
                    declared.push(name.to_string());
                }
            }
        }
    }
    declared.sort();
    let mut expected: Vec<String> = exported.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(declared, expected);
    // And each of them links (taking the address is enough).
    use rpyrt::capi::*;
    let _ = [
        rpy_gc_init as *const () as usize,
        rpy_gc_boehm_settings as *const () as usize,
        rpy_gc_malloc_slowpath as *const () as usize,
        rpy_gc_add_memory_pressure as *const () as usize,
        rpy_gc_write_barrier as *const () as usize,
        rpy_gc_write_barrier_array as *const () as usize,
        rpy_gc_identityhash as *const () as usize,
        rpy_gc_id as *const () as usize,
        rpy_gc_collect as *const () as usize,
        rpy_gc_collect_minor as *const () as usize,
        rpy_gc_collections as *const () as usize,
        rpy_gc_minor_collections as *const () as usize,
        rpy_gc_major_collections as *const () as usize,
        rpy_gc_heap_used as *const () as usize,
        rpy_float_repr as *const () as usize,
        rpy_parse_int as *const () as usize,
        rpy_gc_collect_gen as *const () as usize,
        rpy_gc_set_enabled as *const () as usize,
        rpy_gc_isenabled as *const () as usize,
        rpy_gc_can_move as *const () as usize,
        rpy_gc_register_destructor as *const () as usize,
        rpy_gc_fq_register as *const () as usize,
        rpy_gc_fq_next_dead as *const () as usize,
        rpy_gc_fq_take_trigger as *const () as usize,
        rpyrt::unicode::rpy_unicode_flags as *const () as usize,
        rpyrt::unicode::rpy_unicode_map as *const () as usize,
    ];
}
