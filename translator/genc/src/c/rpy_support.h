/* rpy_support.h: the C support of translated programs, written next to the generated C.
 *
 * It holds the exception state and the builtin exception classes, the traceback of fatal errors,
 * the inline allocation fast paths over the runtime library's nursery (rpyrt.h), the stack check,
 * integer and float operations with Python's semantics, and the support functions that the
 * rtyper's table (translator/rtyper/src/support.rs) declares, with the effects declared there.
 *
 * Layout contract with genc: every `str` and `bytes` is a `struct rpy_str` (a str's characters
 * take one byte each, or four bytes each in a str whose header has the type id RPY_TID_STR_WIDE:
 * see "strings" below); every resizable list is laid out as `struct rpy_list` and its items as
 * `struct rpy_array`. Generated code defines RPY_TID_STR, RPY_TID_BYTES and RPY_TID_STR_WIDE
 * before including this file.
 *
 * Support functions that allocate keep their GC pointer arguments on the shadow stack across the
 * allocation, since the collector moves objects. Programs translated with --gc=boehm define
 * RPY_GC_BOEHM: allocation, barriers and the shadow stack then go to rpy_boehm.h. */
#ifndef RPY_SUPPORT_H
#define RPY_SUPPORT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/resource.h>
#include <strings.h>
#include <time.h>
#include <sys/stat.h>
#include <fcntl.h>

#include "rpyrt.h"

#define RPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define RPY_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* Slow paths kept out of line (the wide-string cases of string operations). */
#define RPY_COLD __attribute__((noinline, cold))

#ifdef RPY_GC_BOEHM
#include "rpy_boehm.h"
#endif

struct rpy_str {
    uint64_t hdr;
    int64_t hash;
    int64_t length;
    unsigned char items[];
};

static void rpy_fput_text(FILE *f, struct rpy_str *s);

struct rpy_array {
    uint64_t hdr;
    int64_t length;
    char items[];
};

struct rpy_list {
    uint64_t hdr;
    int64_t length;
    struct rpy_array *items;
};

/* An instance of a program class: its class id is its header's type id minus RPY_CLASSID_BASE
 * (the instance types are numbered like the classes, in preorder, so a class and its subclasses
 * form a range). */
struct rpy_inst {
    uint64_t hdr;
};

#define RPY_CLASSID(p) ((int64_t)RPY_HDR_TID(((struct rpy_inst *)(p))->hdr) - RPY_CLASSID_BASE)

static inline bool rpy_isinstance(struct rpy_inst *p, int64_t lo, int64_t hi) {
    return p != NULL && (uint64_t)(RPY_CLASSID(p) - lo) <= (uint64_t)(hi - lo);
}

/* ---- exceptions ----
 *
 * Exceptions are instances of classes; the generated C defines the class id of every builtin
 * exception class (RPY_EXC_IndexError, ...), the class names by id (rpy_class_names), and
 * RPY_CLASSID_BASE (the type id of a class's instances minus its class id) before including this
 * file. The state is
 * the class id of the pending exception (0: none) and the instance, which the C runtime leaves
 * NULL for the exceptions it raises itself until a handler asks for it. */

/* The prefix of every exception instance: its header (with its class) and its message. */
struct rpy_exc_inst {
    uint64_t hdr;
    struct rpy_str *msg;
};

static int64_t rpy_exc_type;
static void *rpy_exc_value;

/* A traceback entry: where an exception passed. */
struct rpy_location {
    const char *func;
    const char *file;
    int line;
};

#define RPY_TB_SIZE 128
static const struct rpy_location *rpy_tb[RPY_TB_SIZE];
static int rpy_tb_count;

static inline void rpy_tb_record(const struct rpy_location *loc) {
    rpy_tb[rpy_tb_count % RPY_TB_SIZE] = loc;
    rpy_tb_count++;
}

static inline void rpy_raise(int64_t cls, struct rpy_str *value) {
    rpy_exc_type = cls;
    rpy_exc_value = value;
    rpy_tb_count = 0;
}

/* Raises an exception instance. */
static inline void rpy_raise_value(void *value) {
    rpy_exc_type = value ? RPY_CLASSID(value) : RPY_EXC_AssertionError;
    rpy_exc_value = value;
    rpy_tb_count = 0;
}

#define RPY_EXC_OCCURRED() RPY_UNLIKELY(rpy_exc_type != 0)

/* Raises OSError from the C `errno` (defined with the os functions). */
static void rpy_raise_oserror(void);

/* Does the pending exception belong to the classes lo..=hi (a class and its subclasses)? */
static inline bool rpy_exc_matches(int64_t lo, int64_t hi) {
    return (uint64_t)(rpy_exc_type - lo) <= (uint64_t)(hi - lo);
}

static void *rpy_malloc_fixed(uint32_t tid, size_t size);
/* Calls the finalizer_trigger() of each finalizer queue the collector made pending (genc writes it). */
static void rpy_fq_run_triggers(void);

/* The pending exception's instance, made now if the runtime raised it without one. */
static void *rpy_exc_fetch_value(void) {
    if (rpy_exc_value == NULL) {
        int64_t t = rpy_exc_type;
        rpy_exc_type = 0;
        struct rpy_exc_inst *e =
            rpy_malloc_fixed((uint32_t)(t + RPY_CLASSID_BASE), sizeof(struct rpy_exc_inst));
        if (e == NULL)
            return NULL;
        rpy_exc_type = t;
        rpy_exc_value = (void *)e;
    }
    return rpy_exc_value;
}

static void rpy_flush_stdout(void);

/* Prints the RPython traceback recorded since the last raise. */
static void rpy_print_traceback(void) {
    int n = rpy_tb_count < RPY_TB_SIZE ? rpy_tb_count : RPY_TB_SIZE;
    fprintf(stderr, "RPython traceback:\n");
    /* Entries were recorded innermost first; print the outermost first, as Python does. When
     * the ring overflowed, the innermost entries are lost. */
    for (int k = rpy_tb_count - 1; k >= rpy_tb_count - n; k--) {
        const struct rpy_location *loc = rpy_tb[k % RPY_TB_SIZE];
        fprintf(stderr, "  File \"%s\", line %d, in %s\n", loc->file, loc->line, loc->func);
    }
    if (rpy_tb_count > RPY_TB_SIZE)
        fprintf(stderr, "  ... (%d more entries)\n", rpy_tb_count - RPY_TB_SIZE);
}

/* Prints "Fatal RPython error: <class>" and the RPython traceback, then exits with status 1. */
static void rpy_fatal_exception(void) {
    rpy_flush_stdout();
    rpy_print_traceback();
    int64_t c = rpy_exc_type;
    const char *name = (c > 0 && c < RPY_N_CLASSES) ? rpy_class_names[c] : "?";
    if (strncmp(name, "builtins.", 9) == 0)
        name += 9;
    fprintf(stderr, "Fatal RPython error: %s", name);
    struct rpy_exc_inst *v = rpy_exc_value;
    if (v != NULL && v->msg != NULL) {
        fprintf(stderr, ": ");
        rpy_fput_text(stderr, v->msg);
    }
    fprintf(stderr, "\n");
    exit(1);
}

/* ---- allocation ---- */

static inline size_t rpy_round_size(size_t size) {
    size = (size + 7) & ~(size_t)7;
    return size < 16 ? 16 : size;
}

static inline void *rpy_malloc_fixed(uint32_t tid, size_t size) {
    size = rpy_round_size(size);
#ifdef RPY_GC_BOEHM
    void *b = rpy_boehm_malloc(tid, size);
    if (RPY_UNLIKELY(b == NULL))
        rpy_raise(RPY_EXC_MemoryError, NULL);
    else if (RPY_UNLIKELY(rpy_boehm_fq_any))
        rpy_fq_run_triggers();
    return b;
#else
    char *p = rpy_nursery_free;
    if (RPY_LIKELY((size_t)(rpy_nursery_top - p) >= size)) {
        rpy_nursery_free = p + size;
        /* The nursery is not zeroed (a constant size makes this a few stores). */
        memset(p, 0, size);
        *(uint64_t *)p = tid;
        return p;
    }
    p = rpy_gc_malloc_slowpath(tid, size);
    if (RPY_UNLIKELY(p == NULL))
        rpy_raise(RPY_EXC_MemoryError, NULL);
    /* Finalizer triggers are light (they neither allocate nor raise): calling them here moves
     * nothing. */
    rpy_fq_run_triggers();
    return p;
#endif
}

#ifndef RPY_GC_BOEHM
/* The slow path of a fixed-size allocation whose fast path genc wrote inline (with the roots
 * saved on the shadow stack around this call only); `size` is rounded. */
__attribute__((noinline)) static void *rpy_malloc_fixed_slow(uint32_t tid, size_t size) {
    char *p = rpy_gc_malloc_slowpath(tid, size);
    if (RPY_UNLIKELY(p == NULL))
        rpy_raise(RPY_EXC_MemoryError, NULL);
    rpy_fq_run_triggers();
    return p;
}
#endif

static inline void *rpy_malloc_varsize(uint32_t tid, size_t fixed, size_t itemsize, int64_t length,
                                       size_t length_offset) {
    if (RPY_UNLIKELY(length < 0 || (uint64_t)length > (((uint64_t)1 << 40) / (itemsize ? itemsize : 1)))) {
        rpy_raise(RPY_EXC_MemoryError, NULL);
        return NULL;
    }
    size_t size = rpy_round_size(fixed + itemsize * (size_t)length);
    char *p;
    if (RPY_UNLIKELY(size > RPY_GC_LARGE_OBJECT)) {
        /* Large objects never go through the nursery. */
        p = rpy_gc_malloc_slowpath(tid, size);
        if (RPY_UNLIKELY(p == NULL))
            rpy_raise(RPY_EXC_MemoryError, NULL);
        rpy_fq_run_triggers();
    } else {
        p = rpy_malloc_fixed(tid, size);
    }
    if (p != NULL)
        *(int64_t *)(p + length_offset) = length;
    return p;
}

/* Keeping GC pointers on the shadow stack across an allocation: RPY_PUSH1 saves one, RPY_POP1
 * reloads it (the collector may have moved it), RPY_PEEK1 reloads the top entry without popping.
 * Under Boehm, which scans the C stack and never moves objects, they do nothing. */
#ifdef RPY_GC_BOEHM
#define RPY_PUSH1(a) ((void)0)
#define RPY_POP1(a) ((void)0)
#define RPY_PEEK1(a) ((void)0)
#else
#define RPY_PUSH1(a) (rpy_shadowstack_top[0] = (void *)(a), rpy_shadowstack_top += 1)
#define RPY_POP1(a) (rpy_shadowstack_top -= 1, (a) = (void *)rpy_shadowstack_top[0])
#define RPY_PEEK1(a) ((a) = (void *)rpy_shadowstack_top[-1])
#endif

/* ---- rgc ---- */

/* Weak references need nothing more from the moving collectors, which find them by their type;
 * rpy_boehm.h registers them with Boehm. */
#ifndef RPY_WEAKREF_REGISTER
#define RPY_WEAKREF_REGISTER(slot, obj) ((void)0)
#endif

/* rgc.collect(gen): a minor collection for 0, a full one otherwise (-1: no argument); then the
 * finalizer triggers the collection made pending. */
static void rpy_rgc_collect(int64_t gen) {
    rpy_gc_collect_gen(gen);
    rpy_fq_run_triggers();
}

static void rpy_rgc_set_enabled(bool on) {
    rpy_gc_set_enabled(on ? 1 : 0);
}

static bool rpy_rgc_isenabled(void) {
    return rpy_gc_isenabled() != 0;
}

static void rpy_rgc_add_memory_pressure(int64_t bytes) {
    rpy_gc_add_memory_pressure(bytes);
}

/* ---- stack check ---- */

static char *rpy_stack_limit;

static void rpy_stack_init(void) {
    char here;
    struct rlimit rl;
    size_t size = 8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < ((rlim_t)1 << 32))
        size = (size_t)rl.rlim_cur;
    /* Keep a margin for the C code between checks and for the runtime library. */
    size_t usable = size > (512 << 10) ? size - (256 << 10) : size / 2;
    rpy_stack_limit = &here - usable;
}

/* The stack check: true, with RecursionError raised, when the stack is too deep. genc uses the
 * result as the exception test that follows the check (no exception is pending before it). */
static inline bool rpy_stack_too_deep(void) {
    char here;
    if (RPY_LIKELY(&here >= rpy_stack_limit))
        return false;
    rpy_raise(RPY_EXC_RecursionError, NULL);
    return true;
}

static inline void rpy_stack_check(void) {
    (void)rpy_stack_too_deep();
}

/* ---- integers ---- */

static inline int64_t rpy_int_floordiv(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b == 0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0;
    }
    if (RPY_UNLIKELY(b == -1))
        return (int64_t)(0 - (uint64_t)a);
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q -= 1;
    return q;
}

static inline int64_t rpy_int_mod(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b == 0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0;
    }
    if (RPY_UNLIKELY(b == -1))
        return 0;
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

static inline double rpy_int_truediv(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b == 0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0.0;
    }
    return (double)a / (double)b;
}

static inline int64_t rpy_int_pow(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b < 0)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    uint64_t r = 1, x = (uint64_t)a;
    while (b) {
        if (b & 1)
            r *= x;
        x *= x;
        b >>= 1;
    }
    return (int64_t)r;
}

static inline int64_t rpy_int_lshift(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b < 0)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    return b >= 64 ? 0 : (int64_t)((uint64_t)a << b);
}

/* a << b, raising OverflowError when the result does not fit (ovfcheck). */
static inline int64_t rpy_int_lshift_ovf(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b < 0)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    if (b >= 64 ? a != 0 : ((a << b) >> b) != a) {
        rpy_raise(RPY_EXC_OverflowError, NULL);
        return 0;
    }
    return (int64_t)((uint64_t)a << b);
}

/* ll_assert(cond, msg): a failed low-level assertion is an AssertionError. */
static inline void rpy_ll_assert(bool cond, struct rpy_str *msg) {
    (void)msg;
    if (RPY_UNLIKELY(!cond))
        rpy_raise(RPY_EXC_AssertionError, NULL);
}

static inline int64_t rpy_int_rshift(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b < 0)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    return b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
}

/* r_uint: unsigned division, modulo and shift on the same bits. */
static inline int64_t rpy_uint_floordiv(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b == 0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0;
    }
    return (int64_t)((uint64_t)a / (uint64_t)b);
}

static inline int64_t rpy_uint_mod(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b == 0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0;
    }
    return (int64_t)((uint64_t)a % (uint64_t)b);
}

static inline int64_t rpy_uint_rshift(int64_t a, int64_t b) {
    if (RPY_UNLIKELY(b < 0)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    return b >= 64 ? 0 : (int64_t)((uint64_t)a >> b);
}

static inline int64_t rpy_int_abs(int64_t a) { return a < 0 ? (int64_t)(0 - (uint64_t)a) : a; }

/* ---- floats ---- */

static inline double rpy_float_truediv(double a, double b) {
    if (RPY_UNLIKELY(b == 0.0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0.0;
    }
    return a / b;
}

static inline double rpy_float_mod(double a, double b) {
    if (RPY_UNLIKELY(b == 0.0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0.0;
    }
    double m = fmod(a, b);
    if (m != 0.0) {
        if ((b < 0) != (m < 0))
            m += b;
    } else {
        m = copysign(0.0, b);
    }
    return m;
}

static inline double rpy_float_floordiv(double a, double b) {
    if (RPY_UNLIKELY(b == 0.0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0.0;
    }
    double m = fmod(a, b);
    double div = (a - m) / b;
    if (m != 0.0 && ((b < 0) != (m < 0)))
        div -= 1.0;
    double fl;
    if (div != 0.0) {
        fl = floor(div);
        if (div - fl > 0.5)
            fl += 1.0;
    } else {
        fl = copysign(0.0, a / b);
    }
    return fl;
}

static inline double rpy_float_pow(double a, double b) {
    if (RPY_UNLIKELY(a == 0.0 && b < 0.0)) {
        rpy_raise(RPY_EXC_ZeroDivisionError, NULL);
        return 0.0;
    }
    return pow(a, b);
}

static inline int64_t rpy_cast_float_to_int(double x) {
    if (RPY_UNLIKELY(isnan(x))) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    if (RPY_UNLIKELY(!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))) {
        rpy_raise(RPY_EXC_OverflowError, NULL);
        return 0;
    }
    return (int64_t)x;
}

static inline uint32_t rpy_cast_int_to_char(int64_t x) {
    if (RPY_UNLIKELY(x < 0 || x > 0x10FFFF)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    return (uint32_t)x;
}

/* ---- checks ---- */

/* Python's index normalisation: a negative index counts from the end; out of range raises. */
static inline int64_t rpy_check_index(int64_t i, int64_t length) {
    if (i < 0)
        i += length;
    if (RPY_UNLIKELY((uint64_t)i >= (uint64_t)length)) {
        rpy_raise(RPY_EXC_IndexError, NULL);
        return 0;
    }
    return i;
}

static inline void rpy_check_range_step(int64_t step) {
    if (RPY_UNLIKELY(step == 0))
        rpy_raise(RPY_EXC_ValueError, NULL);
}

/* ---- strings ----
 *
 * A str holds code points at one of two widths, told apart by the type id in its header: one
 * byte per character (RPY_TID_STR) when every character is at most U+00FF, four bytes
 * (RPY_TID_STR_WIDE) otherwise. The width is canonical: a string whose characters all fit in one
 * byte is always narrow, so strings of different widths are never equal, and `length` counts
 * code points at both widths. bytes (RPY_TID_BYTES) share the layout, one byte per item. */

#define RPY_STR_IS_WIDE(s) (RPY_HDR_TID((s)->hdr) == RPY_TID_STR_WIDE)
#define RPY_STR_WIDE_ITEMS(s) ((uint32_t *)(void *)(s)->items)

static inline uint32_t rpy_str_get(struct rpy_str *s, int64_t i) {
    if (RPY_UNLIKELY(RPY_STR_IS_WIDE(s)))
        return RPY_STR_WIDE_ITEMS(s)[i];
    return s->items[i];
}

/* ord() of a str that is not known to be one character: CPython's TypeError otherwise. */
static int64_t rpy_str_ord(struct rpy_str *s) {
    if (RPY_UNLIKELY(s == NULL || s->length != 1)) {
        rpy_raise(RPY_EXC_TypeError, NULL);
        return -1;
    }
    return rpy_str_get(s, 0);
}

static inline void rpy_str_put(struct rpy_str *s, int64_t i, uint32_t c) {
    if (RPY_STR_IS_WIDE(s))
        RPY_STR_WIDE_ITEMS(s)[i] = c;
    else
        s->items[i] = (unsigned char)c;
}

static inline struct rpy_str *rpy_str_alloc(uint32_t tid, int64_t length) {
    return rpy_malloc_varsize(tid, offsetof(struct rpy_str, items), 1, length,
                              offsetof(struct rpy_str, length));
}

/* A narrow str (or bytes) of n items from the nursery's bump pointer, or NULL when only the
   allocation slow path (which may collect) can make it: callers try this before keeping their
   arguments on the shadow stack for rpy_str_alloc. The same fast path as rpy_malloc_varsize. */
static inline struct rpy_str *rpy_str_alloc_fast(uint32_t tid, int64_t n) {
#ifdef RPY_GC_BOEHM
    (void)tid;
    (void)n;
    return NULL;
#else
    /* One unsigned test keeps n non-negative and the object below the large-object size. */
    size_t size = rpy_round_size(offsetof(struct rpy_str, items) + (size_t)n);
    char *p = rpy_nursery_free;
    if (RPY_LIKELY((uint64_t)n <= RPY_GC_LARGE_OBJECT - 64 && (size_t)(rpy_nursery_top - p) >= size)) {
        rpy_nursery_free = p + size;
        /* The nursery is not zeroed: the callers write all n items. */
        *(uint64_t *)p = tid;
        ((struct rpy_str *)p)->hash = 0;
        ((struct rpy_str *)p)->length = n;
        return (struct rpy_str *)p;
    }
    return NULL;
#endif
}

/* A new str of `length` characters, four bytes each if `wide`. */
static inline struct rpy_str *rpy_str_alloc_width(bool wide, int64_t length) {
    if (!wide)
        return rpy_str_alloc(RPY_TID_STR, length);
    return rpy_malloc_varsize(RPY_TID_STR_WIDE, offsetof(struct rpy_str, items), 4, length,
                              offsetof(struct rpy_str, length));
}

/* Whether characters lo..hi of s need the wide representation. */
static bool rpy_str_range_wide(struct rpy_str *s, int64_t lo, int64_t hi) {
    if (!RPY_STR_IS_WIDE(s))
        return false;
    const uint32_t *w = RPY_STR_WIDE_ITEMS(s);
    for (int64_t i = lo; i < hi; i++)
        if (w[i] > 0xFF)
            return true;
    return false;
}

/* Copies n characters of src from lo into dst at pos, converting the width (dst is wide, or
   the characters fit in one byte). */
static void rpy_str_copy(struct rpy_str *dst, int64_t pos, struct rpy_str *src, int64_t lo, int64_t n) {
    bool dw = RPY_STR_IS_WIDE(dst), sw = RPY_STR_IS_WIDE(src);
    if (!dw && !sw) {
        memcpy(dst->items + pos, src->items + lo, (size_t)n);
    } else if (dw && sw) {
        memcpy(RPY_STR_WIDE_ITEMS(dst) + pos, RPY_STR_WIDE_ITEMS(src) + lo, (size_t)n * 4);
    } else if (dw) {
        uint32_t *d = RPY_STR_WIDE_ITEMS(dst) + pos;
        const unsigned char *p = src->items + lo;
        for (int64_t i = 0; i < n; i++)
            d[i] = p[i];
    } else {
        unsigned char *d = dst->items + pos;
        const uint32_t *p = RPY_STR_WIDE_ITEMS(src) + lo;
        for (int64_t i = 0; i < n; i++)
            d[i] = (unsigned char)p[i];
    }
}

static struct rpy_str *rpy_str_from_bytes(uint32_t tid, const char *data, int64_t length) {
    struct rpy_str *s = rpy_str_alloc(tid, length);
    if (s != NULL)
        memcpy(s->items, data, (size_t)length);
    return s;
}

/* The one-character strings of U+0000..U+00FF, shared (static data, never collected). */
struct rpy_str_char {
    uint64_t hdr;
    int64_t hash;
    int64_t length;
    unsigned char items[8];
};
#define RPY_CH1(c) {RPY_GCFLAG_STATIC | RPY_TID_STR, 0, 1, {(unsigned char)(c)}}
#define RPY_CH4(c) RPY_CH1(c), RPY_CH1((c) + 1), RPY_CH1((c) + 2), RPY_CH1((c) + 3)
#define RPY_CH16(c) RPY_CH4(c), RPY_CH4((c) + 4), RPY_CH4((c) + 8), RPY_CH4((c) + 12)
#define RPY_CH64(c) RPY_CH16(c), RPY_CH16((c) + 16), RPY_CH16((c) + 32), RPY_CH16((c) + 48)
static struct rpy_str_char rpy_chars[256] = {RPY_CH64(0), RPY_CH64(64), RPY_CH64(128), RPY_CH64(192)};

static inline struct rpy_str *rpy_str_from_char(uint32_t c) {
    if (RPY_LIKELY(c <= 0xFF))
        return (struct rpy_str *)&rpy_chars[c];
    struct rpy_str *s = rpy_str_alloc_width(true, 1);
    if (s != NULL)
        RPY_STR_WIDE_ITEMS(s)[0] = c;
    return s;
}

static struct rpy_str *rpy_concat_wide(struct rpy_str *a, struct rpy_str *b);

static struct rpy_str *rpy_concat_tid(uint32_t tid, struct rpy_str *a, struct rpy_str *b) {
    int64_t n = a->length + b->length;
    if (RPY_UNLIKELY(RPY_STR_IS_WIDE(a) || RPY_STR_IS_WIDE(b)))
        return rpy_concat_wide(a, b);
    struct rpy_str *s = rpy_str_alloc_fast(tid, n);
    if (RPY_UNLIKELY(s == NULL)) {
        RPY_PUSH1(a);
        RPY_PUSH1(b);
        s = rpy_str_alloc(tid, n);
        RPY_POP1(b);
        RPY_POP1(a);
        if (s == NULL)
            return NULL;
    }
    memcpy(s->items, a->items, (size_t)a->length);
    memcpy(s->items + a->length, b->items, (size_t)b->length);
    return s;
}

static RPY_COLD struct rpy_str *rpy_concat_wide(struct rpy_str *a, struct rpy_str *b) {
    RPY_PUSH1(a);
    RPY_PUSH1(b);
    struct rpy_str *s = rpy_str_alloc_width(true, a->length + b->length);
    RPY_POP1(b);
    RPY_POP1(a);
    if (s == NULL)
        return NULL;
    rpy_str_copy(s, 0, a, 0, a->length);
    rpy_str_copy(s, a->length, b, 0, b->length);
    return s;
}

static struct rpy_str *rpy_str_concat(struct rpy_str *a, struct rpy_str *b) {
    return rpy_concat_tid(RPY_TID_STR, a, b);
}

static struct rpy_str *rpy_bytes_concat(struct rpy_str *a, struct rpy_str *b) {
    return rpy_concat_tid(RPY_TID_BYTES, a, b);
}

static inline bool rpy_str_eq(struct rpy_str *a, struct rpy_str *b) {
    if (a == b)
        return true;
    if (a == NULL || b == NULL || a->length != b->length)
        return false;
    if (RPY_UNLIKELY(RPY_STR_IS_WIDE(a) || RPY_STR_IS_WIDE(b))) /* the width is canonical */
        return RPY_STR_IS_WIDE(a) && RPY_STR_IS_WIDE(b) &&
               memcmp(a->items, b->items, (size_t)a->length * 4) == 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (a->length <= 16) {
        /* Short strings (dict keys, words) compare as two masked words: a string object always
           extends to the next multiple of 8 bytes after its items. */
        uint64_t x, y, n = (uint64_t)a->length;
        memcpy(&x, a->items, 8);
        memcpy(&y, b->items, 8);
        if (n < 8)
            return ((x ^ y) & ((1ull << (n * 8)) - 1)) == 0;
        if (x != y)
            return false;
        if (n == 8)
            return true;
        memcpy(&x, a->items + 8, 8);
        memcpy(&y, b->items + 8, 8);
        return n == 16 ? x == y : ((x ^ y) & ((1ull << ((n - 8) * 8)) - 1)) == 0;
    }
#endif
    return memcmp(a->items, b->items, (size_t)a->length) == 0;
}

static inline bool rpy_bytes_eq(struct rpy_str *a, struct rpy_str *b) { return rpy_str_eq(a, b); }

static RPY_COLD int64_t rpy_str_cmp_wide(struct rpy_str *a, struct rpy_str *b) {
    int64_t n = a->length < b->length ? a->length : b->length;
    for (int64_t i = 0; i < n; i++) {
        uint32_t x = rpy_str_get(a, i), y = rpy_str_get(b, i);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a->length < b->length ? -1 : (a->length > b->length ? 1 : 0);
}

static inline int64_t rpy_str_cmp(struct rpy_str *a, struct rpy_str *b) {
    if (RPY_UNLIKELY(RPY_STR_IS_WIDE(a) || RPY_STR_IS_WIDE(b)))
        return rpy_str_cmp_wide(a, b);
    int64_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->items, b->items, (size_t)n);
    if (c != 0)
        return c;
    return a->length < b->length ? -1 : (a->length > b->length ? 1 : 0);
}

static inline int64_t rpy_bytes_cmp(struct rpy_str *a, struct rpy_str *b) { return rpy_str_cmp(a, b); }

static struct rpy_str *rpy_slice_wide(struct rpy_str *s, int64_t lo, int64_t hi);

static struct rpy_str *rpy_slice_tid(uint32_t tid, struct rpy_str *s, int64_t lo, int64_t hi) {
    int64_t n = s->length;
    if (lo < 0) {
        lo += n;
        if (lo < 0)
            lo = 0;
    } else if (lo > n) {
        lo = n;
    }
    if (hi < 0) {
        hi += n;
        if (hi < 0)
            hi = 0;
    } else if (hi > n) {
        hi = n;
    }
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && tid == RPY_HDR_TID(s->hdr))
        return s;
    if (RPY_UNLIKELY(RPY_STR_IS_WIDE(s)))
        return rpy_slice_wide(s, lo, hi);
    struct rpy_str *r = rpy_str_alloc_fast(tid, hi - lo);
    if (RPY_UNLIKELY(r == NULL)) {
        RPY_PUSH1(s);
        r = rpy_str_alloc(tid, hi - lo);
        RPY_POP1(s);
        if (r == NULL)
            return NULL;
    }
    memcpy(r->items, s->items + lo, (size_t)(hi - lo));
    return r;
}

/* A slice lo..hi (normalised) of a wide string: narrow again if its characters allow. */
static RPY_COLD struct rpy_str *rpy_slice_wide(struct rpy_str *s, int64_t lo, int64_t hi) {
    if (lo == 0 && hi == s->length)
        return s;
    bool wide = rpy_str_range_wide(s, lo, hi);
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc_width(wide, hi - lo);
    RPY_POP1(s);
    if (r != NULL)
        rpy_str_copy(r, 0, s, lo, hi - lo);
    return r;
}

static struct rpy_str *rpy_str_slice(struct rpy_str *s, int64_t lo, int64_t hi) {
    return rpy_slice_tid(RPY_TID_STR, s, lo, hi);
}

static struct rpy_str *rpy_bytes_slice(struct rpy_str *s, int64_t lo, int64_t hi) {
    return rpy_slice_tid(RPY_TID_BYTES, s, lo, hi);
}

static bool rpy_str_contains(struct rpy_str *hay, struct rpy_str *needle) {
    int64_t n = hay->length, m = needle->length;
    if (m == 0)
        return true;
    if (!RPY_STR_IS_WIDE(hay) && !RPY_STR_IS_WIDE(needle)) {
        for (int64_t i = 0; i + m <= n; i++) {
            if (hay->items[i] == needle->items[0] && memcmp(hay->items + i, needle->items, (size_t)m) == 0)
                return true;
        }
        return false;
    }
    if (!RPY_STR_IS_WIDE(hay))
        return false; /* the needle has a character the haystack cannot hold */
    uint32_t first = rpy_str_get(needle, 0);
    for (int64_t i = 0; i + m <= n; i++) {
        if (RPY_STR_WIDE_ITEMS(hay)[i] != first)
            continue;
        int64_t j = 1;
        while (j < m && RPY_STR_WIDE_ITEMS(hay)[i + j] == rpy_str_get(needle, j))
            j++;
        if (j == m)
            return true;
    }
    return false;
}

static inline bool rpy_str_contains_char(struct rpy_str *hay, uint32_t c) {
    if (RPY_LIKELY(!RPY_STR_IS_WIDE(hay)))
        return c <= 0xFF && memchr(hay->items, (int)c, (size_t)hay->length) != NULL;
    for (int64_t i = 0; i < hay->length; i++)
        if (RPY_STR_WIDE_ITEMS(hay)[i] == c)
            return true;
    return false;
}

static struct rpy_str *rpy_str_mul(struct rpy_str *s, int64_t n) {
    if (n <= 0)
        n = 0;
    int64_t len = s->length;
    if (len != 0 && n > (((int64_t)1 << 40) / len)) {
        rpy_raise(RPY_EXC_MemoryError, NULL);
        return NULL;
    }
    bool wide = RPY_STR_IS_WIDE(s);
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc_width(wide, len * n);
    RPY_POP1(s);
    if (r == NULL)
        return NULL;
    size_t size = wide ? 4 : 1;
    for (int64_t i = 0; i < n; i++)
        memcpy(r->items + (size_t)(i * len) * size, s->items, (size_t)len * size);
    return r;
}

/* ---- UTF-8 ---- */

/* The code point of the UTF-8 sequence at p[i] (strict: no overlong forms, surrogates or values
   above U+10FFFF), stored in *cp; returns the index after it, or -1 if the sequence is invalid. */
static inline int64_t rpy_utf8_next(const unsigned char *p, int64_t n, int64_t i, uint32_t *cp) {
    unsigned char c = p[i];
    if (c < 0x80) {
        *cp = c;
        return i + 1;
    }
    int k;
    uint32_t v, min_second = 0x80, max_second = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        k = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            min_second = 0xA0;
        else if (c == 0xED)
            max_second = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 3;
        v = c & 0x07;
        if (c == 0xF0)
            min_second = 0x90;
        else if (c == 0xF4)
            max_second = 0x8F;
    } else {
        return -1;
    }
    if (i + k >= n)
        return -1;
    for (int j = 1; j <= k; j++) {
        unsigned char d = p[i + j];
        if (j == 1 ? (d < min_second || d > max_second) : (d & 0xC0) != 0x80)
            return -1;
        v = (v << 6) | (d & 0x3F);
    }
    *cp = v;
    return i + k + 1;
}

/* Scans n bytes of UTF-8: the number of code points and whether one is above U+00FF. An
   invalid byte counts as the Latin-1 character of that byte if `lenient`, else the scan stops
   and returns -1. */
static int64_t rpy_utf8_scan(const unsigned char *p, int64_t n, bool lenient, bool *wide) {
    int64_t count = 0, i = 0;
    *wide = false;
    while (i < n) {
        uint32_t cp;
        int64_t j = rpy_utf8_next(p, n, i, &cp);
        if (j < 0) {
            if (!lenient)
                return -1;
            j = i + 1;
            cp = p[i];
        }
        if (cp > 0xFF)
            *wide = true;
        count++;
        i = j;
    }
    return count;
}

static void rpy_utf8_fill(struct rpy_str *r, const unsigned char *p, int64_t n) {
    int64_t i = 0, k = 0;
    while (i < n) {
        uint32_t cp;
        int64_t j = rpy_utf8_next(p, n, i, &cp);
        if (j < 0) {
            j = i + 1;
            cp = p[i];
        }
        rpy_str_put(r, k++, cp);
        i = j;
    }
}

/* A str of UTF-8 text held outside the GC heap (invalid bytes as Latin-1 characters). Kept out
   of line: inlined into `main` (through rpy_make_argv) it made the C compiler allocate the
   registers of the whole program's inlined code worse. */
static __attribute__((noinline)) struct rpy_str *rpy_str_from_utf8(const char *data, int64_t n) {
    bool wide;
    int64_t count = rpy_utf8_scan((const unsigned char *)data, n, true, &wide);
    struct rpy_str *r = rpy_str_alloc_width(wide, count);
    if (r != NULL)
        rpy_utf8_fill(r, (const unsigned char *)data, n);
    return r;
}

/* Writes the UTF-8 form of the code point c (surrogates included) into buf; returns its length. */
static inline int rpy_utf8_put(unsigned char *buf, uint32_t c) {
    if (c < 0x80) {
        buf[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (unsigned char)(0xC0 | (c >> 6));
        buf[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (unsigned char)(0xE0 | (c >> 12));
        buf[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    buf[0] = (unsigned char)(0xF0 | (c >> 18));
    buf[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    buf[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    buf[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* The UTF-8 form of a str into buf (NUL-terminated); its length, or -1 if it does not fit. */
static int64_t rpy_str_to_utf8_buf(struct rpy_str *s, char *buf, size_t size) {
    size_t j = 0;
    for (int64_t i = 0; i < s->length; i++) {
        unsigned char b[4];
        int k = rpy_utf8_put(b, rpy_str_get(s, i));
        if (j + (size_t)k + 1 > size)
            return -1;
        memcpy(buf + j, b, (size_t)k);
        j += (size_t)k;
    }
    buf[j] = 0;
    return (int64_t)j;
}

/* Writes a str as UTF-8 to a C stream (error output, debug logs). */
static void rpy_fput_text(FILE *f, struct rpy_str *s) {
    if (!RPY_STR_IS_WIDE(s)) {
        bool ascii = true;
        for (int64_t i = 0; i < s->length && ascii; i++)
            ascii = s->items[i] < 0x80;
        if (ascii) {
            fwrite(s->items, 1, (size_t)s->length, f);
            return;
        }
    }
    for (int64_t i = 0; i < s->length; i++) {
        unsigned char b[4];
        fwrite(b, 1, (size_t)rpy_utf8_put(b, rpy_str_get(s, i)), f);
    }
}

/* ---- character classes and case mappings ----
 *
 * As CPython's str methods: flags and full case mappings come from the runtime library's tables
 * (rpy_unicode_flags, rpy_unicode_map) beyond Latin-1, from rpy_latin1_flags below up to U+00FF.
 * The kinds of rpy_str_is / rpy_char_is (the rtyper passes them): a positive kind is a set of
 * RPY_U_* flags, and the string must be non-empty with one of them on every character
 * (isalpha, isalnum, ...); RPY_IS_LOWER, RPY_IS_UPPER, RPY_IS_TITLE follow the cased-character
 * rules of islower/isupper/istitle; RPY_IS_PRINTABLE and RPY_IS_ASCII are true when empty. */

#define RPY_IS_LOWER (-1)
#define RPY_IS_UPPER (-2)
#define RPY_IS_TITLE (-3)
#define RPY_IS_PRINTABLE (-4)
#define RPY_IS_ASCII (-5)

/* BEGIN rpy_latin1_flags: generated by tools/gen_unicode_tables.py */
static const uint16_t rpy_latin1_flags[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 2064, 2064, 2064, 2064, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2064, 2064, 2064, 16,
    1040, 1024, 1024, 1024, 1024, 1024, 1024, 1536, 1024, 1024, 1024, 1024, 1024, 1024, 1536, 1024,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1536, 1024, 1024, 1024, 1024, 1024,
    1024, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345,
    1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1024, 1024, 1024, 1536, 1024,
    1536, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313,
    1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1024, 1024, 1024, 1024, 0,
    0, 0, 0, 0, 0, 2064, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    16, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1536, 1024, 1313, 1024, 1024, 512, 1024, 1536,
    1024, 1024, 1036, 1036, 1536, 1313, 1024, 1536, 1536, 1036, 1313, 1024, 1032, 1032, 1032, 1024,
    1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1345,
    1345, 1345, 1345, 1345, 1345, 1345, 1345, 1024, 1345, 1345, 1345, 1345, 1345, 1345, 1345, 1313,
    1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313,
    1313, 1313, 1313, 1313, 1313, 1313, 1313, 1024, 1313, 1313, 1313, 1313, 1313, 1313, 1313, 1313,
};
/* END rpy_latin1_flags */

static inline uint32_t rpy_char_flags(uint32_t c) {
    if (RPY_LIKELY(c <= 0xFF))
        return rpy_latin1_flags[c];
    return rpy_unicode_flags(c);
}

/* The class test over n code points, read by `get(data, i)` from one byte or four bytes each. */
static bool rpy_text_is(const unsigned char *narrow, const uint32_t *wide, int64_t n, int64_t kind) {
#define RPY_AT(i) (wide ? wide[i] : (uint32_t)narrow[i])
    if (kind > 0) {
        if (n == 0)
            return false;
        for (int64_t i = 0; i < n; i++)
            if ((rpy_char_flags(RPY_AT(i)) & (uint32_t)kind) == 0)
                return false;
        return true;
    }
    if (kind == RPY_IS_PRINTABLE || kind == RPY_IS_ASCII) {
        for (int64_t i = 0; i < n; i++) {
            uint32_t c = RPY_AT(i);
            if (kind == RPY_IS_ASCII ? c >= 0x80 : (rpy_char_flags(c) & RPY_U_PRINTABLE) == 0)
                return false;
        }
        return true;
    }
    bool cased = false, previous_cased = false;
    for (int64_t i = 0; i < n; i++) {
        uint32_t f = rpy_char_flags(RPY_AT(i));
        if (kind == RPY_IS_LOWER) {
            if (f & (RPY_U_UPPER | RPY_U_TITLE))
                return false;
            cased |= (f & RPY_U_LOWER) != 0;
        } else if (kind == RPY_IS_UPPER) {
            if (f & (RPY_U_LOWER | RPY_U_TITLE))
                return false;
            cased |= (f & RPY_U_UPPER) != 0;
        } else if (f & (RPY_U_UPPER | RPY_U_TITLE)) {
            if (previous_cased)
                return false;
            previous_cased = cased = true;
        } else if (f & RPY_U_LOWER) {
            if (!previous_cased)
                return false;
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return cased;
#undef RPY_AT
}

static bool rpy_str_is(struct rpy_str *s, int64_t kind) {
    return rpy_text_is(s->items, RPY_STR_IS_WIDE(s) ? RPY_STR_WIDE_ITEMS(s) : NULL, s->length, kind);
}

static inline bool rpy_char_is(uint32_t c, int64_t kind) {
    if (kind > 0)
        return (rpy_char_flags(c) & (uint32_t)kind) != 0;
    return rpy_text_is(NULL, &c, 1, kind);
}

/* The kinds of rpy_str_case. */
#define RPY_CASE_LOWER 0
#define RPY_CASE_UPPER 1
#define RPY_CASE_TITLE 2
#define RPY_CASE_FOLD 3
#define RPY_CASE_SWAP 4
#define RPY_CASE_CAPITALIZE 5

/* The full mapping of one code point (kind 0 lower .. 3 casefold) into out; its length. */
static inline int rpy_map_char(uint32_t c, int kind, uint32_t *out) {
    if (c < 0x80) {
        if (kind == RPY_CASE_UPPER || kind == RPY_CASE_TITLE)
            out[0] = c >= 'a' && c <= 'z' ? c - 32 : c;
        else
            out[0] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        return 1;
    }
    return (int)rpy_unicode_map(c, (uint32_t)kind, out);
}

/* Lowercase of the character at i, with the final-sigma rule of str.lower. */
static int rpy_lower_at(struct rpy_str *s, int64_t i, uint32_t c, uint32_t *out) {
    if (c != 0x3A3)
        return rpy_map_char(c, RPY_CASE_LOWER, out);
    int64_t j = i - 1;
    uint32_t f = 0;
    while (j >= 0 && ((f = rpy_char_flags(rpy_str_get(s, j))) & RPY_U_CASE_IGNORABLE))
        j--;
    bool final = j >= 0 && (f & RPY_U_CASED);
    if (final) {
        j = i + 1;
        while (j < s->length && ((f = rpy_char_flags(rpy_str_get(s, j))) & RPY_U_CASE_IGNORABLE))
            j++;
        final = j == s->length || !(f & RPY_U_CASED);
    }
    out[0] = final ? 0x3C2 : 0x3C3;
    return 1;
}

/* The mapping of character i of s for str.lower/upper/title/casefold/swapcase/capitalize;
   `*prev_cased` carries title's state. */
static int rpy_case_at(struct rpy_str *s, int64_t i, int kind, bool *prev_cased, uint32_t *out) {
    uint32_t c = rpy_str_get(s, i);
    switch (kind) {
    case RPY_CASE_LOWER:
        return rpy_lower_at(s, i, c, out);
    case RPY_CASE_UPPER:
    case RPY_CASE_FOLD:
        return rpy_map_char(c, kind, out);
    case RPY_CASE_SWAP: {
        uint32_t f = rpy_char_flags(c);
        if (f & RPY_U_UPPER)
            return rpy_lower_at(s, i, c, out);
        if (f & RPY_U_LOWER)
            return rpy_map_char(c, RPY_CASE_UPPER, out);
        out[0] = c;
        return 1;
    }
    case RPY_CASE_CAPITALIZE:
        return i == 0 ? rpy_map_char(c, RPY_CASE_TITLE, out) : rpy_lower_at(s, i, c, out);
    default: {
        int n = *prev_cased ? rpy_lower_at(s, i, c, out) : rpy_map_char(c, RPY_CASE_TITLE, out);
        *prev_cased = (rpy_char_flags(c) & RPY_U_CASED) != 0;
        return n;
    }
    }
}

/* str.lower(), upper(), title(), casefold(), swapcase(), capitalize(): a new string. */
static struct rpy_str *rpy_str_case(struct rpy_str *s, int64_t kind) {
    int64_t n = s->length, total = 0;
    bool wide = false, prev = false, ascii = !RPY_STR_IS_WIDE(s);
    for (int64_t i = 0; i < n && ascii; i++)
        ascii = s->items[i] < 0x80;
    if (ascii) {
        total = n;
    } else {
        for (int64_t i = 0; i < n; i++) {
            uint32_t out[3];
            int k = rpy_case_at(s, i, (int)kind, &prev, out);
            for (int j = 0; j < k; j++)
                wide |= out[j] > 0xFF;
            total += k;
        }
    }
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc_width(wide, total);
    RPY_POP1(s);
    if (r == NULL)
        return NULL;
    prev = false;
    int64_t pos = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t out[3];
        int k = rpy_case_at(s, i, (int)kind, &prev, out);
        for (int j = 0; j < k; j++)
            rpy_str_put(r, pos++, out[j]);
    }
    return r;
}

static struct rpy_str *rpy_str_of_int(int64_t x) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", (long long)x);
    return rpy_str_from_bytes(RPY_TID_STR, buf, n);
}

static struct rpy_str *rpy_str_of_float(double x) {
    char buf[40];
    size_t n = rpy_float_repr(x, buf);
    return rpy_str_from_bytes(RPY_TID_STR, buf, (int64_t)n);
}

/* rpython.rlib.rfloat.formatd(x, code, precision, flags): `code` one of e E f F g G r,
   flags DTSF_SIGN (1), DTSF_ADD_DOT_0 (2), DTSF_ALT (4), as Python's float formatting. */
static struct rpy_str *rpy_formatd(double x, struct rpy_str *code_s, int64_t prec, int64_t flags) {
    uint32_t c0 = code_s != NULL && code_s->length > 0 ? rpy_str_get(code_s, 0) : 'r';
    unsigned char code = c0 < 0x80 ? (unsigned char)c0 : 'r';
    if (code == 0 || strchr("eEfFgGr", code) == NULL)
        code = 'r';
    char buf[512];
    size_t n;
    if (code == 'r') {
        n = rpy_float_repr(x, buf);
        /* Without DTSF_ADD_DOT_0, an integral value has no ".0". */
        if (!(flags & 2) && n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0')
            n -= 2;
        if (flags & 1 && !(buf[0] == '-')) {
            memmove(buf + 1, buf, n);
            buf[0] = '+';
            n++;
        }
        return rpy_str_from_bytes(RPY_TID_STR, buf, (int64_t)n);
    }
    if (prec < 0)
        prec = 6;
    if (prec > 400)
        prec = 400;
    if (isnan(x) || isinf(x)) {
        const char *t = isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
        n = 0;
        if (flags & 1 && !(x < 0 && isinf(x)))
            buf[n++] = '+';
        for (; *t; t++)
            buf[n++] = (code >= 'A' && code <= 'Z') ? (char)(*t - 32 * (*t >= 'a')) : *t;
        return rpy_str_from_bytes(RPY_TID_STR, buf, (int64_t)n);
    }
    char fmt[16];
    int k = 0;
    fmt[k++] = '%';
    if (flags & 1)
        fmt[k++] = '+';
    if (flags & 4)
        fmt[k++] = '#';
    fmt[k++] = '.';
    fmt[k++] = '*';
    fmt[k++] = (char)code;
    fmt[k] = 0;
    int r;
    if ((code == 'g' || code == 'G') && (flags & 2)) {
        /* As Python's format without a type: 'g', but a fixed-point result keeps one digit
           after the point, so the exponent form starts one power of ten earlier. */
        int p = prec == 0 ? 1 : (int)prec;
        fmt[k - 1] = code == 'g' ? 'e' : 'E';
        r = snprintf(buf, sizeof buf - 3, fmt, p - 1, x);
        const char *e = strpbrk(buf, "eE");
        int exp10 = e != NULL ? atoi(e + 1) : 0;
        if (exp10 < -4 || exp10 >= p - 1) {
            if (!(flags & 4) && e != NULL) {
                /* Strip the mantissa's trailing zeros (and a bare point). */
                size_t epos = (size_t)(e - buf), m = epos;
                if (memchr(buf, '.', epos) != NULL) {
                    while (m > 0 && buf[m - 1] == '0')
                        m--;
                    if (m > 0 && buf[m - 1] == '.')
                        m--;
                }
                memmove(buf + m, buf + epos, (size_t)r - epos + 1);
                r -= (int)(epos - m);
            }
        } else {
            fmt[k - 1] = code;
            r = snprintf(buf, sizeof buf - 3, fmt, p, x);
        }
    } else {
        r = snprintf(buf, sizeof buf - 3, fmt, (int)prec, x);
    }
    n = r < 0 ? 0 : (size_t)r;
    if (n > sizeof buf - 3)
        n = sizeof buf - 3;
    if (flags & 8) {
        /* DTSF_CUT_EXP_0: no leading zeros in the exponent. */
        for (size_t i = 0; i < n; i++) {
            if (buf[i] == 'e' || buf[i] == 'E') {
                size_t j = i + 1;
                if (j < n && (buf[j] == '+' || buf[j] == '-'))
                    j++;
                size_t k = j;
                while (k + 1 < n && buf[k] == '0')
                    k++;
                memmove(buf + j, buf + k, n - k);
                n -= k - j;
                break;
            }
        }
    }
    if (flags & 2) {
        bool plain = true;
        for (size_t i = 0; i < n; i++)
            if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'E')
                plain = false;
        if (plain) {
            buf[n++] = '.';
            buf[n++] = '0';
        }
    }
    return rpy_str_from_bytes(RPY_TID_STR, buf, (int64_t)n);
}

/* float(str): Python's syntax (spaces around, `inf`, `nan`, `infinity` in any case, single
   underscores between digits), ValueError otherwise (also for text with characters above
   U+00FF, where CPython would accept other scripts' digits). */
static double rpy_float_of_str(struct rpy_str *s) {
    if (RPY_STR_IS_WIDE(s)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    int64_t i = 0, n = s->length;
    while (i < n && (s->items[i] == ' ' || (s->items[i] >= 9 && s->items[i] <= 13)))
        i++;
    while (n > i && (s->items[n - 1] == ' ' || (s->items[n - 1] >= 9 && s->items[n - 1] <= 13)))
        n--;
    char buf[128];
    int64_t k = 0;
    bool prev_digit = false;
    if (n - i >= (int64_t)sizeof buf)
        goto bad_long;
    for (int64_t j = i; j < n; j++) {
        unsigned char c = s->items[j];
        if (c == '_') {
            bool next_digit = j + 1 < n && s->items[j + 1] >= '0' && s->items[j + 1] <= '9';
            if (!prev_digit || !next_digit)
                goto bad;
            prev_digit = false;
            continue;
        }
        if (c == 'x' || c == 'X' || c == 'p' || c == 'P' || c == 0)
            goto bad;
        prev_digit = c >= '0' && c <= '9';
        buf[k++] = (char)c;
    }
    buf[k] = 0;
    if (k == 0)
        goto bad;
    {
        const char *p = buf;
        if (*p == '+' || *p == '-')
            p++;
        if (strcasecmp(p, "inf") == 0 || strcasecmp(p, "infinity") == 0)
            return buf[0] == '-' ? -INFINITY : INFINITY;
        if (strcasecmp(p, "nan") == 0)
            return buf[0] == '-' ? -NAN : NAN;
        if (!((*p >= '0' && *p <= '9') || *p == '.'))
            goto bad;
        char *end = NULL;
        double r = strtod(buf, &end);
        if (end != buf + k)
            goto bad;
        return r;
    }
bad_long:
    {
        /* A long literal: parse it through a heap buffer. */
        char *big = malloc((size_t)(n - i) + 1);
        if (big == NULL)
            goto bad;
        int64_t m = 0;
        for (int64_t j = i; j < n; j++)
            if (s->items[j] != '_')
                big[m++] = (char)s->items[j];
        big[m] = 0;
        char *end = NULL;
        double r = strtod(big, &end);
        bool ok = m > 0 && end == big + m && strpbrk(big, "xXpP") == NULL;
        free(big);
        if (ok)
            return r;
    }
bad:
    rpy_raise(RPY_EXC_ValueError, NULL);
    return 0.0;
}

/* rpython.rlib.debug: the debug log, controlled by PYPYLOG as in RPython. `PYPYLOG=cat1,cat2:file`
   logs the sections whose category starts with one of the prefixes (`:file` alone: all of
   them, `-` for stderr); `PYPYLOG=file` logs section starts and stops only. Outside any
   section, debug_print writes to stderr. */
static bool rpy_debug_inited;
static FILE *rpy_debug_file;
static char *rpy_debug_prefixes; /* NULL: no category enabled; "": all of them */
static bool rpy_debug_profile;
static int rpy_debug_depth;
static uint64_t rpy_debug_levels; /* bit i: section at depth i+1 enabled (bit 63 for deeper) */

static void rpy_debug_open(void) {
    if (rpy_debug_inited)
        return;
    rpy_debug_inited = true;
    rpy_debug_file = stderr;
    const char *env = getenv("PYPYLOG");
    if (env == NULL || *env == 0)
        return;
    const char *colon = strchr(env, ':');
    const char *path = env;
    if (colon != NULL) {
        size_t n = (size_t)(colon - env);
        rpy_debug_prefixes = malloc(n + 1);
        if (rpy_debug_prefixes != NULL) {
            memcpy(rpy_debug_prefixes, env, n);
            rpy_debug_prefixes[n] = 0;
        }
        path = colon + 1;
    } else {
        rpy_debug_profile = true;
    }
    if (strcmp(path, "-") != 0 && *path != 0) {
        FILE *f = fopen(path, "w");
        if (f != NULL)
            rpy_debug_file = f;
    }
}

static bool rpy_debug_category_on(const unsigned char *cat, int64_t len) {
    if (rpy_debug_prefixes == NULL)
        return false;
    if (*rpy_debug_prefixes == 0)
        return true;
    const char *p = rpy_debug_prefixes;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if ((int64_t)n <= len && memcmp(p, cat, n) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

static unsigned long long rpy_debug_clock(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

static bool rpy_have_debug_prints(void) {
    rpy_debug_open();
    if (rpy_debug_depth == 0)
        return true;
    int d = rpy_debug_depth > 63 ? 63 : rpy_debug_depth;
    return (rpy_debug_levels >> (d - 1)) & 1;
}

static void rpy_debug_start(struct rpy_str *cat) {
    rpy_debug_open();
    bool on = !RPY_STR_IS_WIDE(cat) && rpy_debug_category_on(cat->items, cat->length);
    rpy_debug_depth++;
    int d = rpy_debug_depth > 63 ? 63 : rpy_debug_depth;
    if (on)
        rpy_debug_levels |= (uint64_t)1 << (d - 1);
    else
        rpy_debug_levels &= ~((uint64_t)1 << (d - 1));
    if (on || rpy_debug_profile) {
        fprintf(rpy_debug_file, "[%llx] {", rpy_debug_clock());
        rpy_fput_text(rpy_debug_file, cat);
        fputc('\n', rpy_debug_file);
    }
}

static void rpy_debug_stop(struct rpy_str *cat) {
    rpy_debug_open();
    bool on = rpy_debug_depth > 0 && rpy_have_debug_prints();
    if (rpy_debug_depth > 0)
        rpy_debug_depth--;
    if (on || rpy_debug_profile) {
        fprintf(rpy_debug_file, "[%llx] ", rpy_debug_clock());
        rpy_fput_text(rpy_debug_file, cat);
        fputs("}\n", rpy_debug_file);
    }
}

static void rpy_debug_write(struct rpy_str *line) {
    if (!rpy_have_debug_prints())
        return;
    FILE *f = rpy_debug_depth == 0 ? stderr : rpy_debug_file;
    rpy_fput_text(f, line);
    fputc('\n', f);
}

static void rpy_debug_flush(void) {
    rpy_debug_open();
    fflush(rpy_debug_file);
}

static bool rpy_have_debug_prints_for(struct rpy_str *prefix) {
    rpy_debug_open();
    if (rpy_have_debug_prints())
        return true;
    return !RPY_STR_IS_WIDE(prefix) && rpy_debug_category_on(prefix->items, prefix->length);
}

static int64_t rpy_debug_offset(void) {
    rpy_debug_open();
    if (rpy_debug_file == stderr)
        return -1;
    fflush(rpy_debug_file);
    return (int64_t)ftell(rpy_debug_file);
}

static void rpy_flush_stdout(void);

static void rpy_fatalerror_notb(struct rpy_str *msg) {
    rpy_flush_stdout();
    fputs("fatal error: ", stderr);
    rpy_fput_text(stderr, msg);
    fputc('\n', stderr);
    exit(1);
}

static void rpy_fatalerror(struct rpy_str *msg) {
    rpy_flush_stdout();
    if (rpy_tb_count > 0)
        rpy_print_traceback();
    rpy_fatalerror_notb(msg);
}

/* The math module: libm with Python's errors (ValueError for a domain error, OverflowError
   for a result too large), as RPython's ll_math. */
static inline double rpy_math_check(double r, double x, bool loglike) {
    if (RPY_UNLIKELY(isnan(r) && !isnan(x)))
        rpy_raise(RPY_EXC_ValueError, NULL);
    else if (RPY_UNLIKELY(isinf(r) && isfinite(x)))
        rpy_raise(loglike ? RPY_EXC_ValueError : RPY_EXC_OverflowError, NULL);
    return r;
}
static double rpy_math_sqrt(double x) { return rpy_math_check(sqrt(x), x, false); }
static double rpy_math_exp(double x) { return rpy_math_check(exp(x), x, false); }
static double rpy_math_log(double x) { return rpy_math_check(log(x), x, true); }
static double rpy_math_log10(double x) { return rpy_math_check(log10(x), x, true); }
static double rpy_math_log2(double x) { return rpy_math_check(log2(x), x, true); }
static double rpy_math_sin(double x) { return rpy_math_check(sin(x), x, false); }
static double rpy_math_cos(double x) { return rpy_math_check(cos(x), x, false); }
static double rpy_math_tan(double x) { return rpy_math_check(tan(x), x, false); }
static double rpy_math_asin(double x) { return rpy_math_check(asin(x), x, false); }
static double rpy_math_acos(double x) { return rpy_math_check(acos(x), x, false); }
static double rpy_math_atan(double x) { return rpy_math_check(atan(x), x, false); }
static double rpy_math_sinh(double x) { return rpy_math_check(sinh(x), x, false); }
static double rpy_math_cosh(double x) { return rpy_math_check(cosh(x), x, false); }
static double rpy_math_tanh(double x) { return rpy_math_check(tanh(x), x, false); }
static double rpy_math_asinh(double x) { return rpy_math_check(asinh(x), x, false); }
static double rpy_math_acosh(double x) { return rpy_math_check(acosh(x), x, false); }
static double rpy_math_atanh(double x) { return rpy_math_check(atanh(x), x, true); }
static double rpy_math_fabs(double x) { return rpy_math_check(fabs(x), x, false); }

/* rpython.rlib.longlong2float: the bits of a double as a 64-bit integer and back. */
static inline int64_t rpy_float2longlong(double x) {
    int64_t r;
    memcpy(&r, &x, sizeof r);
    return r;
}

static inline double rpy_longlong2float(int64_t x) {
    double r;
    memcpy(&r, &x, sizeof r);
    return r;
}
static double rpy_math_expm1(double x) { return rpy_math_check(expm1(x), x, false); }
static double rpy_math_log1p(double x) { return rpy_math_check(log1p(x), x, true); }
static double rpy_math_erf(double x) { return rpy_math_check(erf(x), x, false); }
static double rpy_math_erfc(double x) { return rpy_math_check(erfc(x), x, false); }
static double rpy_math_gamma(double x) { return rpy_math_check(tgamma(x), x, true); }
static double rpy_math_lgamma(double x) { return rpy_math_check(lgamma(x), x, true); }
static double rpy_math_atan2(double x, double y) { double r = atan2(x, y); if (RPY_UNLIKELY(isnan(r) && !isnan(x) && !isnan(y))) rpy_raise(RPY_EXC_ValueError, NULL); else if (RPY_UNLIKELY(isinf(r) && isfinite(x) && isfinite(y))) rpy_raise(RPY_EXC_OverflowError, NULL); return r; }
static double rpy_math_pow(double x, double y) { double r = pow(x, y); if (RPY_UNLIKELY(isnan(r) && !isnan(x) && !isnan(y))) rpy_raise(RPY_EXC_ValueError, NULL); else if (RPY_UNLIKELY(isinf(r) && isfinite(x) && isfinite(y))) rpy_raise(RPY_EXC_ValueError, NULL); return r; }
static double rpy_math_fmod(double x, double y) { double r = fmod(x, y); if (RPY_UNLIKELY(isnan(r) && !isnan(x) && !isnan(y))) rpy_raise(RPY_EXC_ValueError, NULL); else if (RPY_UNLIKELY(isinf(r) && isfinite(x) && isfinite(y))) rpy_raise(RPY_EXC_ValueError, NULL); return r; }
static double rpy_math_hypot(double x, double y) { double r = hypot(x, y); if (RPY_UNLIKELY(isnan(r) && !isnan(x) && !isnan(y))) rpy_raise(RPY_EXC_ValueError, NULL); else if (RPY_UNLIKELY(isinf(r) && isfinite(x) && isfinite(y))) rpy_raise(RPY_EXC_OverflowError, NULL); return r; }
static double rpy_math_copysign(double x, double y) { double r = copysign(x, y); if (RPY_UNLIKELY(isnan(r) && !isnan(x) && !isnan(y))) rpy_raise(RPY_EXC_ValueError, NULL); else if (RPY_UNLIKELY(isinf(r) && isfinite(x) && isfinite(y))) rpy_raise(RPY_EXC_OverflowError, NULL); return r; }
static double rpy_math_ldexp(double x, int64_t e) {
    double r = ldexp(x, e > 100000 ? 100000 : (e < -100000 ? -100000 : (int)e));
    if (RPY_UNLIKELY(isinf(r) && isfinite(x)))
        rpy_raise(RPY_EXC_OverflowError, NULL);
    return r;
}
static int64_t rpy_float_to_int_checked(double x) {
    if (RPY_UNLIKELY(isnan(x))) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    if (RPY_UNLIKELY(!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))) {
        rpy_raise(RPY_EXC_OverflowError, NULL);
        return 0;
    }
    return (int64_t)x;
}
static int64_t rpy_math_floor(double x) { return rpy_float_to_int_checked(floor(x)); }
static int64_t rpy_math_ceil(double x) { return rpy_float_to_int_checked(ceil(x)); }
static int64_t rpy_math_trunc(double x) { return rpy_float_to_int_checked(trunc(x)); }
static bool rpy_math_isnan(double x) { return isnan(x); }
static bool rpy_math_isinf(double x) { return isinf(x); }
static bool rpy_math_isfinite(double x) { return isfinite(x); }

static struct rpy_str *rpy_str_of_uint(int64_t x) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)(uint64_t)x);
    return rpy_str_from_bytes(RPY_TID_STR, buf, (int64_t)n);
}

static struct rpy_str *rpy_str_of_bool(bool b) {
    static struct { uint64_t hdr; int64_t hash; int64_t length; unsigned char items[8]; } t = {
        RPY_GCFLAG_STATIC | RPY_TID_STR, 0, 4, "True"}, f = {RPY_GCFLAG_STATIC | RPY_TID_STR, 0, 5, "False"};
    return b ? (struct rpy_str *)&t : (struct rpy_str *)&f;
}

/* int(str): ValueError (fatal unless caught) for text that is not an integer. */
static int64_t rpy_int_of_str(struct rpy_str *s) {
    int64_t out = 0;
    if (RPY_STR_IS_WIDE(s)) {
        rpy_raise(RPY_EXC_ValueError, NULL); /* digits of other scripts are not read */
        return 0;
    }
    int r = rpy_parse_int((const char *)s->items, (size_t)s->length, &out);
    if (RPY_UNLIKELY(r != 0))
        rpy_raise(r == 2 ? RPY_EXC_OverflowError : RPY_EXC_ValueError, NULL);
    return out;
}

/* str.encode() / encode("utf-8"): UnicodeEncodeError for a surrogate, as CPython's strict
   encoder. */
static struct rpy_str *rpy_str_encode(struct rpy_str *s) {
    int64_t size = 0;
    for (int64_t i = 0; i < s->length; i++) {
        uint32_t c = rpy_str_get(s, i);
        if (RPY_UNLIKELY(c >= 0xD800 && c <= 0xDFFF)) {
            rpy_raise(RPY_EXC_UnicodeEncodeError, NULL);
            return NULL;
        }
        size += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc(RPY_TID_BYTES, size);
    RPY_POP1(s);
    if (r == NULL)
        return NULL;
    if (size == s->length && !RPY_STR_IS_WIDE(s)) {
        memcpy(r->items, s->items, (size_t)size);
        return r;
    }
    int64_t j = 0;
    for (int64_t i = 0; i < s->length; i++)
        j += rpy_utf8_put(r->items + j, rpy_str_get(s, i));
    return r;
}

/* The encoding named by a str, lowercased with '_' as '-', in e (room for 16 bytes). */
static void rpy_encoding_name(struct rpy_str *enc, char *e) {
    int64_t k = 0;
    for (int64_t i = 0; i < enc->length && k < 15; i++) {
        uint32_t c = rpy_str_get(enc, i);
        if (c == '_')
            c = '-';
        e[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c < 0x80 ? c : '?');
    }
    e[k] = 0;
}

static bool rpy_encoding_is_latin1(const char *e) {
    return strcmp(e, "latin-1") == 0 || strcmp(e, "latin1") == 0 || strcmp(e, "iso-8859-1") == 0 ||
           strcmp(e, "iso8859-1") == 0 || strcmp(e, "l1") == 0 || strcmp(e, "latin") == 0;
}

static bool rpy_encoding_is_ascii(const char *e) {
    return strcmp(e, "ascii") == 0 || strcmp(e, "us-ascii") == 0;
}

/* str.encode(encoding): "latin-1" (and its aliases) and "ascii" copy the code points, with
   UnicodeEncodeError (a ValueError) above U+00FF or U+007F; anything else is UTF-8. */
static struct rpy_str *rpy_str_encode_as(struct rpy_str *s, struct rpy_str *enc) {
    char e[16];
    rpy_encoding_name(enc, e);
    bool latin1 = rpy_encoding_is_latin1(e), ascii = rpy_encoding_is_ascii(e);
    if (!latin1 && !ascii)
        return rpy_str_encode(s);
    if (RPY_STR_IS_WIDE(s) || ascii) {
        for (int64_t i = 0; i < s->length; i++) {
            if (rpy_str_get(s, i) >= (ascii ? 0x80u : 0x100u)) {
                rpy_raise(RPY_EXC_UnicodeEncodeError, NULL);
                return NULL;
            }
        }
    }
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc(RPY_TID_BYTES, s->length);
    RPY_POP1(s);
    if (r == NULL)
        return NULL;
    memcpy(r->items, s->items, (size_t)s->length);
    return r;
}

/* ---- output ---- */

static char rpy_outbuf[1 << 16];
static size_t rpy_outlen;

static void rpy_write_all(int fd, const void *data, size_t n) {
    const char *p = data;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static void rpy_flush_stdout(void) {
    if (rpy_outlen) {
        rpy_write_all(1, rpy_outbuf, rpy_outlen);
        rpy_outlen = 0;
    }
}

static void rpy_out(const void *data, size_t n) {
    if (rpy_outlen + n > sizeof rpy_outbuf) {
        rpy_flush_stdout();
        if (n > sizeof rpy_outbuf) {
            rpy_write_all(1, data, n);
            return;
        }
    }
    memcpy(rpy_outbuf + rpy_outlen, data, n);
    rpy_outlen += n;
}

/* print() writes text as UTF-8, like CPython's stdout (a lone surrogate is written as its
   three-byte form, where CPython raises UnicodeEncodeError). */
static void rpy_print_char(uint32_t c) {
    unsigned char b[4];
    rpy_out(b, (size_t)rpy_utf8_put(b, c));
}

static void rpy_print_str(struct rpy_str *s) {
    if (s == NULL) {
        rpy_out("None", 4);
        return;
    }
    if (!RPY_STR_IS_WIDE(s)) {
        int64_t i = 0;
        while (i < s->length && s->items[i] < 0x80)
            i++;
        if (i == s->length) {
            rpy_out(s->items, (size_t)s->length);
            return;
        }
    }
    for (int64_t j = 0; j < s->length; j++)
        rpy_print_char(rpy_str_get(s, j));
}

static void rpy_print_int(int64_t x) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", (long long)x);
    rpy_out(buf, (size_t)n);
}

static void rpy_print_float(double x) {
    char buf[40];
    size_t n = rpy_float_repr(x, buf);
    rpy_out(buf, n);
}

static void rpy_print_bool(bool b) {
    if (b)
        rpy_out("True", 4);
    else
        rpy_out("False", 5);
}

static void rpy_print_none(void) { rpy_out("None", 4); }

/* os.write(fd, data): flushes print()'s buffer first so output keeps its order. */
static int64_t rpy_os_write(int64_t fd, struct rpy_str *data) {
    rpy_flush_stdout();
    ssize_t w;
    do {
        w = write((int)fd, data->items, (size_t)data->length);
    } while (w < 0 && errno == EINTR);
    if (w < 0) {
        rpy_raise_oserror();
        return 0;
    }
    return (int64_t)w;
}

/* os.open(path, flags, mode): OSError on failure. */
static bool rpy_path(struct rpy_str *path, char *buf, size_t size);

static int64_t rpy_os_open(struct rpy_str *path, int64_t flags, int64_t mode) {
    char buf[4096];
    if (!rpy_path(path, buf, sizeof buf))
        return -1;
    int fd;
    do {
        fd = open(buf, (int)flags, (int)mode);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        rpy_raise_oserror();
    return fd;
}

/* os.read(fd, n): at most n bytes, b"" at the end of the file. */
static struct rpy_str *rpy_os_read(int64_t fd, int64_t n) {
    if (n < 0) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return NULL;
    }
    struct rpy_str *s = rpy_str_alloc(RPY_TID_BYTES, n);
    if (s == NULL)
        return NULL;
    ssize_t got;
    do {
        got = read((int)fd, s->items, (size_t)n);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        rpy_raise_oserror();
        return NULL;
    }
    s->length = got; /* shrinking keeps the object valid for the collector */
    return s;
}

static void rpy_os_close(int64_t fd) {
    if (close((int)fd) < 0)
        rpy_raise_oserror();
}

/* An OSError instance with errno and strerror (written by genc for the program's layout; NULL
   when the program never reads them), and the raising of one from the C `errno`. */
static void *rpy_new_oserror(int64_t eno, struct rpy_str *msg);

static void rpy_raise_oserror(void) {
    int e = errno;
    const char *text = strerror(e);
    struct rpy_str *msg = rpy_str_from_bytes(RPY_TID_STR, text, (int64_t)strlen(text));
    void *inst = msg != NULL ? rpy_new_oserror(e, msg) : NULL;
    rpy_raise(RPY_EXC_OSError, NULL);
    rpy_exc_value = inst;
}

/* A NUL-terminated UTF-8 copy of a str path in `buf` (false, with OSError raised, if too long). */
static bool rpy_path(struct rpy_str *path, char *buf, size_t size) {
    if (rpy_str_to_utf8_buf(path, buf, size) < 0) {
        errno = ENAMETOOLONG;
        rpy_raise_oserror();
        return false;
    }
    return true;
}

static int64_t rpy_os_lseek(int64_t fd, int64_t pos, int64_t how) {
    off_t r = lseek((int)fd, (off_t)pos, (int)how);
    if (r < 0)
        rpy_raise_oserror();
    return (int64_t)r;
}

static void rpy_os_ftruncate(int64_t fd, int64_t len) {
    if (ftruncate((int)fd, (off_t)len) < 0)
        rpy_raise_oserror();
}

static void rpy_os_unlink(struct rpy_str *path) {
    char buf[4096];
    if (rpy_path(path, buf, sizeof buf) && unlink(buf) < 0)
        rpy_raise_oserror();
}

static void rpy_os_rmdir(struct rpy_str *path) {
    char buf[4096];
    if (rpy_path(path, buf, sizeof buf) && rmdir(buf) < 0)
        rpy_raise_oserror();
}

/* os.path.exists (kind 0), isfile (1), isdir (2). */
static bool rpy_os_path_kind(struct rpy_str *path, int64_t kind) {
    char buf[4096];
    struct stat st;
    if (rpy_str_to_utf8_buf(path, buf, sizeof buf) < 0)
        return false;
    if (stat(buf, &st) < 0)
        return false;
    if (kind == 1)
        return S_ISREG(st.st_mode);
    if (kind == 2)
        return S_ISDIR(st.st_mode);
    return true;
}

static bool rpy_os_isatty(int64_t fd) { return isatty((int)fd) == 1; }

static int64_t rpy_os_getpid(void) { return (int64_t)getpid(); }

/* os.getenv(name): the value, or None. */
static struct rpy_str *rpy_os_getenv(struct rpy_str *name) {
    char buf[4096];
    if (rpy_str_to_utf8_buf(name, buf, sizeof buf) < 0)
        return NULL;
    const char *v = getenv(buf);
    if (v == NULL)
        return NULL;
    return rpy_str_from_utf8(v, (int64_t)strlen(v));
}

/* time.time (kind 0), a monotonic clock (1), the process CPU time (2), in seconds. */
static double rpy_time_now(int64_t kind) {
    struct timespec ts;
    clock_gettime(kind == 0 ? CLOCK_REALTIME : kind == 1 ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void rpy_time_sleep(double secs) {
    if (!(secs > 0))
        return;
    struct timespec ts;
    ts.tv_sec = (time_t)secs;
    ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* sys.stdout.write / sys.stderr.write: text as UTF-8; stdout goes through print's buffer. */
static int64_t rpy_sys_write(int64_t fd, struct rpy_str *s) {
    if (fd == 1) {
        rpy_print_str(s);
    } else {
        rpy_flush_stdout();
        rpy_fput_text(stderr, s);
        fflush(stderr);
    }
    return s->length;
}

/* sys.stdin.readline() (line = 1: up to and including a newline) or sys.stdin.read(). The
   input is decoded as UTF-8; invalid UTF-8 raises UnicodeDecodeError, as CPython's stdin. */
static struct rpy_str *rpy_stdin_read(int64_t line) {
    rpy_flush_stdout();
    size_t cap = 256, n = 0;
    unsigned char *buf = malloc(cap);
    if (buf == NULL) {
        rpy_raise(RPY_EXC_MemoryError, NULL);
        return NULL;
    }
    for (;;) {
        unsigned char c;
        ssize_t got = read(0, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (nb == NULL)
                break;
            buf = nb;
            cap *= 2;
        }
        buf[n++] = c;
        if (line && c == '\n')
            break;
    }
    bool wide;
    int64_t count = rpy_utf8_scan(buf, (int64_t)n, false, &wide);
    if (count < 0) {
        free(buf);
        rpy_raise(RPY_EXC_UnicodeDecodeError, NULL);
        return NULL;
    }
    struct rpy_str *r = rpy_str_alloc_width(wide, count);
    if (r != NULL)
        rpy_utf8_fill(r, buf, (int64_t)n);
    free(buf);
    return r;
}

static void rpy_sys_exit(int64_t code) {
    rpy_flush_stdout();
    exit((int)code);
}

/* bytes.decode(encoding): Latin-1 copies; ASCII copies, UnicodeDecodeError (a ValueError) above
   0x7F; anything else is strict UTF-8, UnicodeDecodeError for malformed input. */
static struct rpy_str *rpy_bytes_decode(struct rpy_str *b, struct rpy_str *enc) {
    char e[16];
    rpy_encoding_name(enc, e);
    bool latin1 = rpy_encoding_is_latin1(e), ascii = rpy_encoding_is_ascii(e);
    bool wide = false;
    int64_t count = b->length;
    if (ascii) {
        for (int64_t i = 0; i < b->length; i++)
            if (b->items[i] >= 0x80)
                count = -1;
    } else if (!latin1) {
        count = rpy_utf8_scan(b->items, b->length, false, &wide);
    }
    if (count < 0) {
        rpy_raise(RPY_EXC_UnicodeDecodeError, NULL);
        return NULL;
    }
    RPY_PUSH1(b);
    struct rpy_str *s = rpy_str_alloc_width(wide, count);
    RPY_POP1(b);
    if (s == NULL)
        return NULL;
    if (count == b->length)
        memcpy(s->items, b->items, (size_t)count);
    else
        rpy_utf8_fill(s, b->items, b->length);
    return s;
}

/* ---- lists ---- */

/* Makes room for at least `n` items, over-allocating as CPython does. */
static void rpy_list_grow(struct rpy_list *l, int64_t n, uint32_t array_tid, size_t itemsize) {
    int64_t cap = l->items ? l->items->length : 0;
    if (RPY_LIKELY(n <= cap))
        return;
    int64_t newcap = n + (n >> 3) + (n < 9 ? 3 : 6);
    RPY_PUSH1(l);
    struct rpy_array *a = rpy_malloc_varsize(array_tid, offsetof(struct rpy_array, items), itemsize,
                                             newcap, offsetof(struct rpy_array, length));
    RPY_POP1(l);
    if (a == NULL)
        return;
    if (l->items)
        memcpy(a->items, l->items->items, (size_t)l->length * itemsize);
    RPY_WRITE_BARRIER(l);
    l->items = a;
}

static struct rpy_list *rpy_list_mul(struct rpy_list *src, int64_t n, uint32_t list_tid,
                                     uint32_t array_tid, size_t itemsize) {
    if (n < 0)
        n = 0;
    int64_t len = src->length;
    if (len != 0 && n > (((int64_t)1 << 36) / len)) {
        rpy_raise(RPY_EXC_MemoryError, NULL);
        return NULL;
    }
    RPY_PUSH1(src);
    struct rpy_array *a = rpy_malloc_varsize(array_tid, offsetof(struct rpy_array, items), itemsize,
                                             len * n, offsetof(struct rpy_array, length));
    RPY_PUSH1(a);
    struct rpy_list *l = a ? rpy_malloc_fixed(list_tid, sizeof(struct rpy_list)) : NULL;
    RPY_POP1(a);
    RPY_POP1(src);
    if (l == NULL)
        return NULL;
    /* `a` may have become old when `l` was allocated. */
    RPY_WRITE_BARRIER(a);
    size_t chunk = (size_t)len * itemsize;
    if (len == 1 && itemsize == 8) {
        int64_t v = *(int64_t *)src->items->items;
        int64_t *items = (int64_t *)a->items;
        for (int64_t i = 0; i < n; i++)
            items[i] = v;
    } else {
        for (int64_t i = 0; i < n; i++)
            memcpy(a->items + (size_t)i * chunk, src->items->items, chunk);
    }
    /* `l` is fresh: no allocation since, so no barrier. */
    l->length = len * n;
    l->items = a;
    return l;
}

/* sep.join(list of str). */
static struct rpy_str *rpy_str_join(struct rpy_str *sep, struct rpy_list *l) {
    int64_t n = l->length, total = 0;
    struct rpy_str **items = (struct rpy_str **)l->items->items;
    bool wide = n > 1 && RPY_STR_IS_WIDE(sep);
    for (int64_t i = 0; i < n; i++) {
        total += items[i]->length + (i ? sep->length : 0);
        wide |= RPY_STR_IS_WIDE(items[i]);
    }
    RPY_PUSH1(sep);
    RPY_PUSH1(l);
    struct rpy_str *r = rpy_str_alloc_width(wide, total);
    RPY_POP1(l);
    RPY_POP1(sep);
    if (r == NULL)
        return NULL;
    items = (struct rpy_str **)l->items->items;
    int64_t j = 0;
    if (!wide) {
        for (int64_t i = 0; i < n; i++) {
            if (i) {
                memcpy(r->items + j, sep->items, (size_t)sep->length);
                j += sep->length;
            }
            memcpy(r->items + j, items[i]->items, (size_t)items[i]->length);
            j += items[i]->length;
        }
        return r;
    }
    for (int64_t i = 0; i < n; i++) {
        if (i) {
            rpy_str_copy(r, j, sep, 0, sep->length);
            j += sep->length;
        }
        rpy_str_copy(r, j, items[i], 0, items[i]->length);
        j += items[i]->length;
    }
    return r;
}

/* bytes(list of int): ValueError for values outside 0..255. */
static struct rpy_str *rpy_bytes_from_ints(struct rpy_list *l) {
    RPY_PUSH1(l);
    struct rpy_str *r = rpy_str_alloc(RPY_TID_BYTES, l->length);
    RPY_POP1(l);
    if (r == NULL)
        return NULL;
    int64_t *items = (int64_t *)l->items->items;
    for (int64_t i = 0; i < l->length; i++) {
        if ((uint64_t)items[i] > 255) {
            rpy_raise(RPY_EXC_ValueError, NULL);
            return NULL;
        }
        r->items[i] = (unsigned char)items[i];
    }
    return r;
}

/* a + b for lists of one type: a new list. */
static struct rpy_list *rpy_list_concat(struct rpy_list *a, struct rpy_list *b, uint32_t list_tid,
                                        uint32_t array_tid, size_t itemsize) {
    int64_t n = a->length + b->length;
    RPY_PUSH1(a);
    RPY_PUSH1(b);
    struct rpy_array *arr = rpy_malloc_varsize(array_tid, offsetof(struct rpy_array, items), itemsize, n,
                                               offsetof(struct rpy_array, length));
    RPY_PUSH1(arr);
    struct rpy_list *l = arr ? rpy_malloc_fixed(list_tid, sizeof(struct rpy_list)) : NULL;
    RPY_POP1(arr);
    RPY_POP1(b);
    RPY_POP1(a);
    if (l == NULL)
        return NULL;
    /* `arr` may have become old when `l` was allocated. */
    RPY_WRITE_BARRIER(arr);
    if (a->length)
        memcpy(arr->items, a->items->items, (size_t)a->length * itemsize);
    if (b->length)
        memcpy(arr->items + (size_t)a->length * itemsize, b->items->items, (size_t)b->length * itemsize);
    l->length = n;
    l->items = arr;
    return l;
}

/* The list of command-line arguments given to the entry point. */
static struct rpy_list *rpy_make_argv(int argc, char **argv, uint32_t list_tid, uint32_t array_tid) {
    struct rpy_list *l = rpy_malloc_fixed(list_tid, sizeof(struct rpy_list));
    if (l == NULL)
        return NULL;
    RPY_PUSH1(l);
    rpy_list_grow(l, argc, array_tid, sizeof(void *));
    for (int i = 0; i < argc && !rpy_exc_type; i++) {
        struct rpy_str *s = rpy_str_from_utf8(argv[i], (int64_t)strlen(argv[i]));
        RPY_PEEK1(l);
        RPY_WRITE_BARRIER_ARRAY(l->items, i);
        ((struct rpy_str **)l->items->items)[i] = s;
        l->length = i + 1;
    }
    RPY_POP1(l);
    return l;
}

#include "rpy_dict.h"

#endif
