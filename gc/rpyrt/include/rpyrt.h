/* rpyrt.h: the C interface of the Rust runtime library `rpyrt` (garbage collectors, shadow stack
 * and support functions). Generated C includes this header; the Rust side (gc/rpyrt/src) exports
 * exactly these symbols. Object layouts are decided by the C compiler: the generated C describes
 * every GC type in a table of `rpy_typeinfo` filled with sizeof/offsetof and hands it to
 * `rpy_gc_init` before anything is allocated.
 *
 * Every GC object starts with one 64-bit header word: the low 32 bits are the type id (an index
 * into the type table), the high 32 bits are GC flags. Objects are at least 16 bytes long, so a
 * forwarding address fits after the header while the collector copies. An object may be followed
 * by one hidden word (its identity hash, see RPY_GCFLAG_HASHFIELD) that the type's size does not
 * include; generated code never sees it.
 *
 * Two collectors, chosen at start-up (rpy_gc_init's flags, or RPY_GC in the environment):
 * - semispace: copies everything at every collection; never sets RPY_GCFLAG_TRACK_YOUNG_PTRS, so
 *   the write barrier's inline test always fails.
 * - generational (the translator's default): a nursery (bump allocation, emptied by minor
 *   collections that copy survivors out) and an old generation that never moves (mark and sweep
 *   in major collections). Old objects carry RPY_GCFLAG_TRACK_YOUNG_PTRS; generated code must use
 *   the write barrier (RPY_WRITE_BARRIER / RPY_WRITE_BARRIER_ARRAY below) before storing a GC
 *   pointer into an object. Stores into an object allocated since the last operation that can
 *   collect need no barrier (the flag is never set on such an object, large ones included). */
#ifndef RPYRT_H
#define RPYRT_H

#include <stddef.h>
#include <stdint.h>

typedef struct rpy_typeinfo {
    uint32_t flags;         /* RPY_TI_VARSIZE, RPY_TI_GCPTR_ITEMS, RPY_TI_WEAKREF */
    uint32_t fixedsize;     /* bytes of the fixed part, header included; items start here */
    uint32_t itemsize;      /* bytes per item (variable-sized types only) */
    uint32_t length_offset; /* offset of the int64_t item count (variable-sized types only) */
    uint32_t n_ptrs;        /* number of GC pointer fields in the fixed part */
    const uint32_t *ptr_offsets; /* their offsets from the start of the object */
} rpy_typeinfo;

#define RPY_TI_VARSIZE 1u     /* the object ends with `length` items of `itemsize` bytes */
#define RPY_TI_GCPTR_ITEMS 2u /* every item is one GC pointer (itemsize == sizeof(void *)) */
/* A weak reference: a fixed-size type with no pointer fields whose first word after the header
 * is a GC pointer that the collector does not trace. It updates the word when the object moves
 * and sets it to NULL when the object dies. A weak reference must be allocated after its
 * referent exists and never changed afterwards. A static weak reference (a prebuilt object, not
 * registered as a root) must refer to a static object or hold NULL: the collectors never look
 * at it, since its referent can neither move nor die. */
#define RPY_TI_WEAKREF 4u

#define RPY_HDR_TID(hdr) ((uint32_t)(hdr))
/* A prebuilt object in the executable's static data: never moved, never freed. */
#define RPY_GCFLAG_STATIC (1ull << 32)
/* Set by the collector on an old copy while it copies; the new address is in the next word. */
#define RPY_GCFLAG_FORWARDED (1ull << 33)
/* Set (by the generational collector only) on old objects that can hold GC pointers and on every
 * registered static object: before storing a GC pointer into such an object, generated code calls
 * the write barrier's slow path. Static objects may be initialised with or without it. */
#define RPY_GCFLAG_TRACK_YOUNG_PTRS (1ull << 34)
/* Internal to the collectors; generated code must leave them alone. HASHTAKEN: the identity hash
 * was taken while the object could still move; HASHFIELD: the object is followed by a word holding
 * its identity; HAS_CARDS / CARDS_SET: a large array of GC pointers with a card table in front of
 * it, with marked cards; VISITED: marked by a major collection. */
#define RPY_GCFLAG_HASHTAKEN (1ull << 35)
#define RPY_GCFLAG_HASHFIELD (1ull << 36)
#define RPY_GCFLAG_HAS_CARDS (1ull << 37)
#define RPY_GCFLAG_CARDS_SET (1ull << 38)
#define RPY_GCFLAG_VISITED (1ull << 39)

/* The allocation area: the inline fast path bumps `rpy_nursery_free` while it stays at or below
 * `rpy_nursery_top`. The memory between them is not zeroed: a fast path writes the header and
 * initialises every field of the object it takes (the slow path returns zeroed objects). Under the
 * generational collector this is the nursery; in stress mode `rpy_nursery_top ==
 * rpy_nursery_free`, so every allocation takes the slow path. */
extern char *rpy_nursery_free;
extern char *rpy_nursery_top;

/* The shadow stack of GC roots: generated code stores live GC pointers at `rpy_shadowstack_top`
 * and bumps it around every call that can collect. Entries between the stack's base and its top
 * are roots; each is a GC pointer or NULL. The collector updates them in place when objects move. */
extern void **rpy_shadowstack_top;

/* Flags of rpy_gc_init: bit 0 is stress mode; bits 8..15 are the collector kind. A kind of 0 is
 * the semispace collector, so code that passes just 0 or 1 keeps working. */
#define RPY_GC_FLAG_STRESS 1
#define RPY_GC_KIND_SHIFT 8
#define RPY_GC_KIND_MASK (0xff << RPY_GC_KIND_SHIFT)
#define RPY_GC_SEMISPACE 0
#define RPY_GC_GENERATIONAL 1
#define RPY_GC_FLAGS(kind, stress) (((kind) << RPY_GC_KIND_SHIFT) | ((stress) ? RPY_GC_FLAG_STRESS : 0))

/* Must be called once before any allocation. `static_objs` lists prebuilt objects (flag
 * RPY_GCFLAG_STATIC) whose GC pointer fields must be traced as roots, because they may be mutated
 * to point into the heap; the generational collector sets RPY_GCFLAG_TRACK_YOUNG_PTRS on each of
 * them, so stores into them must go through the write barrier. Static objects not listed must hold
 * no GC pointers. `flags`: see RPY_GC_FLAGS above; an unknown kind is a fatal error.
 * The environment overrides: RPY_GC=semispace|generational (the kind), RPY_GC_STRESS=1 (stress:
 * semispace collects at every allocation; generational does a minor collection at every
 * allocation and a major one every 64th), PYPY_GC_NURSERY or RPY_GC_NURSERY (nursery size, K/M/G
 * suffixes; default: 4 x the per-core L2 cache size from /sys, clamped to [1M, 8M], 4M if
 * unknown), PYPY_GC_MAJOR_COLLECT (default 1.82), PYPY_GC_MIN (default 8 nurseries),
 * RPY_GC_INITIAL_HEAP (semispace), RPY_GC_MAX_HEAP (limit of the whole heap), PYPYLOG (`gc`: one
 * line per collection on stderr; `gc-summary`: a summary at exit). */
void rpy_gc_init(const rpy_typeinfo *types, uint32_t n_types, void *const *static_objs,
                 size_t n_static, int flags);

/* Slow path of allocation: collects as needed, then returns `size` bytes of zeroed memory whose
 * header word is set to `tid`. Returns NULL when the heap limit is reached or the size is absurd;
 * the caller then raises MemoryError. Any size is accepted; under the generational collector,
 * sizes above the large-object threshold are allocated outside the nursery and never move. */
void *rpy_gc_malloc_slowpath(uint32_t tid, size_t size);

/* Objects larger than this many bytes should be allocated by calling rpy_gc_malloc_slowpath
 * directly, skipping the inline fast path: the generational collector then places them outside the
 * nursery instead of copying them at the next minor collection. (Skipping the check is correct,
 * only slower: a large object bump-allocated in the nursery is copied out when it survives.) */
#define RPY_GC_LARGE_OBJECT (64 * 1024)

/* The write barrier. Before storing a GC pointer into a field of `p` (a GC object or a static
 * object), generated code does RPY_WRITE_BARRIER(p); before storing one into item `i` of an array
 * of GC pointers `p`, RPY_WRITE_BARRIER_ARRAY(p, i). Before copying many items into an array at
 * once (memcpy), use RPY_WRITE_BARRIER(dst), which remembers the whole array. The slow paths
 * remember the object for the next minor collection (clearing its flag) or, for large arrays,
 * mark the card of RPY_GC_CARD_ITEMS items holding item `i` (the flag stays set). */
void rpy_gc_write_barrier(void *p);
void rpy_gc_write_barrier_array(void *p, int64_t i);
#define RPY_GC_CARD_ITEMS 128
#define RPY_WRITE_BARRIER(p)                                                           \
    do {                                                                               \
        if (__builtin_expect((*(const uint64_t *)(p) & RPY_GCFLAG_TRACK_YOUNG_PTRS) != 0, 0)) \
            rpy_gc_write_barrier((void *)(p));                                         \
    } while (0)
#define RPY_WRITE_BARRIER_ARRAY(p, i)                                                  \
    do {                                                                               \
        if (__builtin_expect((*(const uint64_t *)(p) & RPY_GCFLAG_TRACK_YOUNG_PTRS) != 0, 0)) \
            rpy_gc_write_barrier_array((void *)(p), (int64_t)(i));                     \
    } while (0)

/* Identity: rpy_gc_id(obj) is unique among live objects and stable for the object's life (the
 * address of an object that never moves, otherwise a value kept by the collector);
 * rpy_gc_identityhash(obj) is a scrambling of it. Both are 0 for NULL. Neither allocates nor
 * collects. */
int64_t rpy_gc_identityhash(void *obj);
int64_t rpy_gc_id(void *obj);

/* A full (major) collection now. */
void rpy_gc_collect(void);
/* A minor collection now (a full one under the semispace collector). */
void rpy_gc_collect_minor(void);

/* rgc.collect(gen): 0 is a minor collection, anything else a full one. */
void rpy_gc_collect_gen(int64_t generation);
/* rgc.enable() / rgc.disable() (1 / 0) and rgc.isenabled(): while disabled, the generational
 * collector starts no major collection because the old generation grew (minor collections go
 * on; rpy_gc_collect and the heap limit still collect fully). No effect on the semispace
 * collector, whose every collection makes room. */
void rpy_gc_set_enabled(int enabled);
int rpy_gc_isenabled(void);
/* rgc.add_memory_pressure(bytes): raw memory held by the program's objects brings the
 * generational collector's next major collection that much closer (negative: ignored; no effect
 * on the semispace collector). */
void rpy_gc_add_memory_pressure(int64_t bytes);
/* rgc.can_move(obj): 1 if obj may still move (young objects of the generational collector,
 * every heap object of the semispace collector), 0 for old, large and static objects. */
int rpy_gc_can_move(void *obj);

/* Light destructors: after rpy_gc_register_destructor(obj, fn), the collection that finds obj
 * dead calls fn(obj) while its memory is intact, then frees it. fn must not allocate, raise,
 * store or keep GC pointers, nor call any rpy_gc_ function. */
void rpy_gc_register_destructor(void *obj, void (*fn)(void *));
/* Finalizer queues (rgc.FinalizerQueue), numbered from 0 by the program: an object registered
 * with a queue that a collection finds dead is kept alive with everything it reaches and appended
 * to the queue; rpy_gc_fq_next_dead takes the oldest (NULL if none). After a collection,
 * rpy_gc_fq_take_trigger returns a queue whose finalizer_trigger must be called (once per call,
 * lowest index first) or -1; the generated code calls it at a safe point, never inside the
 * collector. */
void rpy_gc_fq_register(int64_t queue, void *obj);
void *rpy_gc_fq_next_dead(int64_t queue);
int64_t rpy_gc_fq_take_trigger(void);

/* Statistics: collections so far (minor + major), minor and major separately (the semispace
 * collector's collections are all major), and bytes currently in use. */
uint64_t rpy_gc_collections(void);
uint64_t rpy_gc_minor_collections(void);
uint64_t rpy_gc_major_collections(void);
uint64_t rpy_gc_heap_used(void);

/* Programs translated with --gc=boehm use Boehm's conservative collector (libgc) instead of
 * rpy_gc_init and the functions above (the support header rpy_boehm.h replaces them); they read
 * their settings from the environment with this function: RPY_GC_STRESS (or `stress`, nonzero
 * when translated with --gc-stress) gives `stress_every`, the number of allocations between two
 * full collections (0: no stress); RPY_GC_MAX_HEAP gives `max_heap` (0: no limit); PYPYLOG gives
 * `log` (a line per collection) and `summary` (a summary at exit). RPY_GC naming another collector
 * is reported on stderr and ignored. `noscan_start`..`noscan_end` is static data of the runtime
 * library (the unused shadow stack) that holds no pointer into Boehm's heap: Boehm should exclude
 * it from its roots. */
typedef struct rpy_boehm_settings {
    uint64_t stress_every;
    uint64_t max_heap;
    int log;
    int summary;
    int log_fd; /* where the log and the summary go: 2, or the file PYPYLOG names */
    void *noscan_start;
    void *noscan_end;
} rpy_boehm_settings;
void rpy_gc_boehm_settings(int stress, rpy_boehm_settings *out);

/* Writes Python's repr() of a float (shortest round-trip digits, CPython's layout: "1.0",
 * "1e+16", "1.5e-05", "inf", "-inf", "nan") into `buf`, which has room for 32 bytes. Returns the
 * number of bytes written; no terminating NUL. */
size_t rpy_float_repr(double x, char *buf);

/* Parses `len` bytes as Python's int() does for a str in base 10: surrounding whitespace, an
 * optional sign, digits with single underscores between them. Returns 0 and sets *out on success,
 * 1 when the text is not a valid integer (ValueError), 2 when it does not fit in 64 bits. */
int rpy_parse_int(const char *s, size_t len, int64_t *out);

/* Character classes of a code point, as CPython's str methods (src/unicode.rs, tables generated
 * by tools/gen_unicode_tables.py): a set of the RPY_U_* flags (0 outside the Unicode range). */
#define RPY_U_ALPHA (1u << 0)
#define RPY_U_DECIMAL (1u << 1)
#define RPY_U_DIGIT (1u << 2)
#define RPY_U_NUMERIC (1u << 3)
#define RPY_U_SPACE (1u << 4)
#define RPY_U_LOWER (1u << 5)
#define RPY_U_UPPER (1u << 6)
#define RPY_U_TITLE (1u << 7)
#define RPY_U_CASED (1u << 8)
#define RPY_U_CASE_IGNORABLE (1u << 9)
#define RPY_U_PRINTABLE (1u << 10)
#define RPY_U_LINEBREAK (1u << 11)
uint32_t rpy_unicode_flags(uint32_t cp);

/* The full case mapping of `cp` (kind 0 lower, 1 upper, 2 title, 3 casefold), written into `out`
 * (room for 3 code points); returns its length, 1 to 3. Final sigma is left to the caller. */
size_t rpy_unicode_map(uint32_t cp, uint32_t kind, uint32_t *out);

#endif
