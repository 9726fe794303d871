/* rpyrt.h: the C interface of the Rust runtime library `rpyrt` (garbage collector, shadow stack
 * and support functions). Generated C includes this header; the Rust side (gc/rpyrt/src) exports
 * exactly these symbols. Object layouts are decided by the C compiler: the generated C describes
 * every GC type in a table of `rpy_typeinfo` filled with sizeof/offsetof and hands it to
 * `rpy_gc_init` before anything is allocated.
 *
 * Every GC object starts with one 64-bit header word: the low 32 bits are the type id (an index
 * into the type table), the high 32 bits are GC flags. Objects are at least 16 bytes long, so a
 * forwarding address fits after the header while the collector copies. */
#ifndef RPYRT_H
#define RPYRT_H

#include <stddef.h>
#include <stdint.h>

typedef struct rpy_typeinfo {
    uint32_t flags;         /* RPY_TI_VARSIZE, RPY_TI_GCPTR_ITEMS */
    uint32_t fixedsize;     /* bytes of the fixed part, header included; items start here */
    uint32_t itemsize;      /* bytes per item (variable-sized types only) */
    uint32_t length_offset; /* offset of the int64_t item count (variable-sized types only) */
    uint32_t n_ptrs;        /* number of GC pointer fields in the fixed part */
    const uint32_t *ptr_offsets; /* their offsets from the start of the object */
} rpy_typeinfo;

#define RPY_TI_VARSIZE 1u     /* the object ends with `length` items of `itemsize` bytes */
#define RPY_TI_GCPTR_ITEMS 2u /* every item is one GC pointer (itemsize == sizeof(void *)) */

#define RPY_HDR_TID(hdr) ((uint32_t)(hdr))
/* A prebuilt object in the executable's static data: never moved, never freed. */
#define RPY_GCFLAG_STATIC (1ull << 32)
/* Set by the collector on an old copy while it copies; the new address is in the next word. */
#define RPY_GCFLAG_FORWARDED (1ull << 33)

/* The allocation area: the inline fast path bumps `rpy_nursery_free` while it stays at or below
 * `rpy_nursery_top`; everything between them is zeroed memory. */
extern char *rpy_nursery_free;
extern char *rpy_nursery_top;

/* The shadow stack of GC roots: generated code stores live GC pointers at `rpy_shadowstack_top`
 * and bumps it around every call that can collect. Entries between the stack's base and its top
 * are roots; each is a GC pointer or NULL. The collector updates them in place when objects move. */
extern void **rpy_shadowstack_top;

/* Must be called once before any allocation. `static_objs` lists prebuilt objects (flag
 * RPY_GCFLAG_STATIC) whose GC pointer fields must be traced as roots at every collection, because
 * they may be mutated to point into the heap. `stress` != 0 forces a collection at every allocation
 * (the environment variable RPY_GC_STRESS=1 does the same). */
void rpy_gc_init(const rpy_typeinfo *types, uint32_t n_types, void *const *static_objs,
                 size_t n_static, int stress);

/* Slow path of allocation: collects (and grows the heap) as needed, then returns `size` bytes of
 * zeroed memory whose header word is set to `tid`. Returns NULL when the heap limit is reached or
 * the size is absurd; the caller then raises MemoryError. */
void *rpy_gc_malloc_slowpath(uint32_t tid, size_t size);

/* A full collection now. */
void rpy_gc_collect(void);

/* Number of collections so far, and bytes currently in use (for tests and statistics). */
uint64_t rpy_gc_collections(void);
uint64_t rpy_gc_heap_used(void);

/* Writes Python's repr() of a float (shortest round-trip digits, CPython's layout: "1.0",
 * "1e+16", "1.5e-05", "inf", "-inf", "nan") into `buf`, which has room for 32 bytes. Returns the
 * number of bytes written; no terminating NUL. */
size_t rpy_float_repr(double x, char *buf);

/* Parses `len` bytes as Python's int() does for a str in base 10: surrounding whitespace, an
 * optional sign, digits with single underscores between them. Returns 0 and sets *out on success,
 * 1 when the text is not a valid integer (ValueError), 2 when it does not fit in 64 bits. */
int rpy_parse_int(const char *s, size_t len, int64_t *out);

#endif
