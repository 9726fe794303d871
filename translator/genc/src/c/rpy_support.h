/* rpy_support.h: the C support of translated programs, written next to the generated C.
 *
 * It holds the exception state and the builtin exception classes, the traceback of fatal errors,
 * the inline allocation fast paths over the runtime library's nursery (rpyrt.h), the stack check,
 * integer and float operations with Python's semantics, and the support functions that the
 * rtyper's table (translator/rtyper/src/support.rs) declares, with the effects declared there.
 *
 * Layout contract with genc: every `str` and `bytes` is a `struct rpy_str`; every resizable list
 * is laid out as `struct rpy_list` and its items as `struct rpy_array`. Generated code defines
 * RPY_TID_STR, RPY_TID_BYTES before including this file.
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

#ifdef RPY_GC_BOEHM
#include "rpy_boehm.h"
#endif

struct rpy_str {
    uint64_t hdr;
    int64_t hash;
    int64_t length;
    unsigned char items[];
};

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
        fwrite(v->msg->items, 1, (size_t)v->msg->length, stderr);
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

static inline void rpy_stack_check(void) {
    char here;
    if (RPY_UNLIKELY(&here < rpy_stack_limit))
        rpy_raise(RPY_EXC_RecursionError, NULL);
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

static inline unsigned char rpy_cast_int_to_char(int64_t x) {
    if (RPY_UNLIKELY(x < 0 || x > 255)) {
        rpy_raise(RPY_EXC_ValueError, NULL);
        return 0;
    }
    return (unsigned char)x;
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

/* ---- strings ---- */

static inline struct rpy_str *rpy_str_alloc(uint32_t tid, int64_t length) {
    return rpy_malloc_varsize(tid, offsetof(struct rpy_str, items), 1, length,
                              offsetof(struct rpy_str, length));
}

static struct rpy_str *rpy_str_from_bytes(uint32_t tid, const char *data, int64_t length) {
    struct rpy_str *s = rpy_str_alloc(tid, length);
    if (s != NULL)
        memcpy(s->items, data, (size_t)length);
    return s;
}

static inline struct rpy_str *rpy_str_from_char(unsigned char c) {
    struct rpy_str *s = rpy_str_alloc(RPY_TID_STR, 1);
    if (s != NULL)
        s->items[0] = c;
    return s;
}

static struct rpy_str *rpy_concat_tid(uint32_t tid, struct rpy_str *a, struct rpy_str *b) {
    int64_t n = a->length + b->length;
    RPY_PUSH1(a);
    RPY_PUSH1(b);
    struct rpy_str *s = rpy_str_alloc(tid, n);
    RPY_POP1(b);
    RPY_POP1(a);
    if (s == NULL)
        return NULL;
    memcpy(s->items, a->items, (size_t)a->length);
    memcpy(s->items + a->length, b->items, (size_t)b->length);
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
    return memcmp(a->items, b->items, (size_t)a->length) == 0;
}

static inline bool rpy_bytes_eq(struct rpy_str *a, struct rpy_str *b) { return rpy_str_eq(a, b); }

static inline int64_t rpy_str_cmp(struct rpy_str *a, struct rpy_str *b) {
    int64_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->items, b->items, (size_t)n);
    if (c != 0)
        return c;
    return a->length < b->length ? -1 : (a->length > b->length ? 1 : 0);
}

static inline int64_t rpy_bytes_cmp(struct rpy_str *a, struct rpy_str *b) { return rpy_str_cmp(a, b); }

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
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc(tid, hi - lo);
    RPY_POP1(s);
    if (r != NULL)
        memcpy(r->items, s->items + lo, (size_t)(hi - lo));
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
    for (int64_t i = 0; i + m <= n; i++) {
        if (hay->items[i] == needle->items[0] && memcmp(hay->items + i, needle->items, (size_t)m) == 0)
            return true;
    }
    return false;
}

static inline bool rpy_str_contains_char(struct rpy_str *hay, unsigned char c) {
    return memchr(hay->items, c, (size_t)hay->length) != NULL;
}

static struct rpy_str *rpy_str_mul(struct rpy_str *s, int64_t n) {
    if (n <= 0)
        n = 0;
    int64_t len = s->length;
    if (len != 0 && n > (((int64_t)1 << 40) / len)) {
        rpy_raise(RPY_EXC_MemoryError, NULL);
        return NULL;
    }
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc(RPY_TID_STR, len * n);
    RPY_POP1(s);
    if (r == NULL)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        memcpy(r->items + i * len, s->items, (size_t)len);
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
    unsigned char code = code_s != NULL && code_s->length > 0 ? code_s->items[0] : 'r';
    if (strchr("eEfFgGr", code) == NULL)
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
   underscores between digits), ValueError otherwise. */
static double rpy_float_of_str(struct rpy_str *s) {
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
    bool on = rpy_debug_category_on(cat->items, cat->length);
    rpy_debug_depth++;
    int d = rpy_debug_depth > 63 ? 63 : rpy_debug_depth;
    if (on)
        rpy_debug_levels |= (uint64_t)1 << (d - 1);
    else
        rpy_debug_levels &= ~((uint64_t)1 << (d - 1));
    if (on || rpy_debug_profile) {
        fprintf(rpy_debug_file, "[%llx] {", rpy_debug_clock());
        fwrite(cat->items, 1, (size_t)cat->length, rpy_debug_file);
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
        fwrite(cat->items, 1, (size_t)cat->length, rpy_debug_file);
        fputs("}\n", rpy_debug_file);
    }
}

static void rpy_debug_write(struct rpy_str *line) {
    if (!rpy_have_debug_prints())
        return;
    FILE *f = rpy_debug_depth == 0 ? stderr : rpy_debug_file;
    fwrite(line->items, 1, (size_t)line->length, f);
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
    return rpy_debug_category_on(prefix->items, prefix->length);
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
    fwrite(msg->items, 1, (size_t)msg->length, stderr);
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
    int r = rpy_parse_int((const char *)s->items, (size_t)s->length, &out);
    if (RPY_UNLIKELY(r != 0))
        rpy_raise(r == 2 ? RPY_EXC_OverflowError : RPY_EXC_ValueError, NULL);
    return out;
}

/* str.encode(): str holds Latin-1 code points, encoded here as UTF-8. */
static struct rpy_str *rpy_str_encode(struct rpy_str *s) {
    int64_t extra = 0;
    for (int64_t i = 0; i < s->length; i++)
        extra += s->items[i] >= 0x80;
    RPY_PUSH1(s);
    struct rpy_str *r = rpy_str_alloc(RPY_TID_BYTES, s->length + extra);
    RPY_POP1(s);
    if (r == NULL)
        return NULL;
    int64_t j = 0;
    for (int64_t i = 0; i < s->length; i++) {
        unsigned char c = s->items[i];
        if (c < 0x80) {
            r->items[j++] = c;
        } else {
            r->items[j++] = (unsigned char)(0xC0 | (c >> 6));
            r->items[j++] = (unsigned char)(0x80 | (c & 0x3F));
        }
    }
    return r;
}

/* str.encode(encoding): "latin-1" (and its aliases) copies the code points; "ascii" too, with
   ValueError (UnicodeEncodeError) above 127; anything else is UTF-8. */
static struct rpy_str *rpy_str_encode_as(struct rpy_str *s, struct rpy_str *enc) {
    char e[16];
    int64_t k = 0;
    for (int64_t i = 0; i < enc->length && k < 15; i++) {
        unsigned char c = enc->items[i];
        if (c == '_')
            c = '-';
        e[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    e[k] = 0;
    bool latin1 = strcmp(e, "latin-1") == 0 || strcmp(e, "latin1") == 0 ||
                  strcmp(e, "iso-8859-1") == 0 || strcmp(e, "iso8859-1") == 0 || strcmp(e, "l1") == 0;
    bool ascii = strcmp(e, "ascii") == 0 || strcmp(e, "us-ascii") == 0;
    if (!latin1 && !ascii)
        return rpy_str_encode(s);
    if (ascii) {
        for (int64_t i = 0; i < s->length; i++) {
            if (s->items[i] >= 0x80) {
                rpy_raise(RPY_EXC_ValueError, NULL);
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

/* print() writes text: Latin-1 characters are encoded as UTF-8, like CPython's stdout. */
static void rpy_print_char(unsigned char c) {
    if (c < 0x80) {
        rpy_out(&c, 1);
    } else {
        unsigned char b[2] = {(unsigned char)(0xC0 | (c >> 6)), (unsigned char)(0x80 | (c & 0x3F))};
        rpy_out(b, 2);
    }
}

static void rpy_print_str(struct rpy_str *s) {
    if (s == NULL) {
        rpy_out("None", 4);
        return;
    }
    for (int64_t i = 0; i < s->length; i++) {
        if (s->items[i] >= 0x80) {
            for (int64_t j = 0; j < s->length; j++)
                rpy_print_char(s->items[j]);
            return;
        }
    }
    rpy_out(s->items, (size_t)s->length);
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
static int64_t rpy_os_open(struct rpy_str *path, int64_t flags, int64_t mode) {
    char buf[4096];
    if (path->length >= (int64_t)sizeof buf) {
        errno = ENAMETOOLONG;
        rpy_raise_oserror();
        return -1;
    }
    memcpy(buf, path->items, (size_t)path->length);
    buf[path->length] = 0;
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

/* A NUL-terminated copy of a str path in `buf` (false, with OSError raised, if too long). */
static bool rpy_path(struct rpy_str *path, char *buf, size_t size) {
    if (path->length >= (int64_t)size) {
        errno = ENAMETOOLONG;
        rpy_raise_oserror();
        return false;
    }
    memcpy(buf, path->items, (size_t)path->length);
    buf[path->length] = 0;
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
    if (path->length >= (int64_t)sizeof buf)
        return false;
    memcpy(buf, path->items, (size_t)path->length);
    buf[path->length] = 0;
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
    if (name->length >= (int64_t)sizeof buf)
        return NULL;
    memcpy(buf, name->items, (size_t)name->length);
    buf[name->length] = 0;
    const char *v = getenv(buf);
    if (v == NULL)
        return NULL;
    return rpy_str_from_bytes(RPY_TID_STR, v, (int64_t)strlen(v));
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
        for (int64_t i = 0; i < s->length; i++) {
            unsigned char c = s->items[i];
            if (c < 0x80) {
                fputc(c, stderr);
            } else {
                fputc(0xC0 | (c >> 6), stderr);
                fputc(0x80 | (c & 0x3F), stderr);
            }
        }
        fflush(stderr);
    }
    return s->length;
}

/* sys.stdin.readline() (line = 1: up to and including a newline) or sys.stdin.read(). The
   input is decoded as UTF-8 where valid, byte by byte (Latin-1) otherwise. */
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
    /* Decode two-byte UTF-8 sequences of Latin-1 characters; keep other bytes. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = buf[i];
        if ((c == 0xC2 || c == 0xC3) && i + 1 < n && (buf[i + 1] & 0xC0) == 0x80) {
            buf[m++] = (unsigned char)(((c & 0x1F) << 6) | (buf[i + 1] & 0x3F));
            i++;
        } else {
            buf[m++] = c;
        }
    }
    struct rpy_str *r = rpy_str_from_bytes(RPY_TID_STR, (const char *)buf, (int64_t)m);
    free(buf);
    return r;
}

static void rpy_sys_exit(int64_t code) {
    rpy_flush_stdout();
    exit((int)code);
}

/* bytes.decode(encoding): Latin-1 copies; UTF-8 decodes (characters above U+00FF are not
 * supported by this str yet and raise UnicodeDecodeError, as malformed input does). */
static struct rpy_str *rpy_bytes_decode(struct rpy_str *b, struct rpy_str *enc) {
    bool latin1 = enc->length >= 5 && (memcmp(enc->items, "latin", 5) == 0 || memcmp(enc->items, "iso-8", 5) == 0);
    RPY_PUSH1(b);
    struct rpy_str *s = rpy_str_alloc(RPY_TID_STR, b->length);
    RPY_POP1(b);
    if (s == NULL)
        return NULL;
    int64_t j = 0;
    for (int64_t i = 0; i < b->length; i++) {
        unsigned char c = b->items[i];
        if (latin1 || c < 0x80) {
            s->items[j++] = c;
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < b->length && (b->items[i + 1] & 0xC0) == 0x80) {
            s->items[j++] = (unsigned char)(((c & 0x1F) << 6) | (b->items[i + 1] & 0x3F));
            i++;
        } else {
            rpy_raise(RPY_EXC_UnicodeDecodeError, NULL);
            return NULL;
        }
    }
    s->length = j;
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
    for (int64_t i = 0; i < n; i++)
        total += items[i]->length + (i ? sep->length : 0);
    RPY_PUSH1(sep);
    RPY_PUSH1(l);
    struct rpy_str *r = rpy_str_alloc(RPY_TID_STR, total);
    RPY_POP1(l);
    RPY_POP1(sep);
    if (r == NULL)
        return NULL;
    items = (struct rpy_str **)l->items->items;
    int64_t j = 0;
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
        struct rpy_str *s = rpy_str_from_bytes(RPY_TID_STR, argv[i], (int64_t)strlen(argv[i]));
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
