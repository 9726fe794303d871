/* rpy_boehm.h: the collector interface of rpyrt.h over Boehm's conservative collector (libgc), for
 * programs translated with --gc=boehm. Generated code then defines RPY_GC_BOEHM, and
 * rpy_support.h includes this file after rpyrt.h and its own first macros; the program is linked
 * with -lgc.
 *
 * Boehm never moves objects and finds its roots itself, conservatively: the C stack, the
 * registers and the data segments (where the prebuilt objects live). So the write barrier and the
 * shadow stack of the support code are no-ops (the translator does not emit the generated code's
 * shadow-stack pushes at all), identity is the address, and rpy_gc_init is never called: main
 * calls rpy_boehm_init instead. Objects keep their header word (type id and flags); those whose
 * type holds no GC pointer are allocated "atomic" (never scanned) and zeroed here, the others come
 * zeroed from GC_MALLOC. Generated code defines rpy_type_has_gcptrs(tid) after its type table.
 *
 * Environment (read through the runtime library, rpy_gc_boehm_settings): RPY_GC_STRESS=1 makes
 * every 64th allocation run a full collection first; RPY_GC_MAX_HEAP limits the heap (allocation
 * then fails with MemoryError); PYPYLOG=gc prints a line per collection, gc-summary the number of
 * collections, the heap size and the bytes allocated at exit. */
#ifndef RPY_BOEHM_H
#define RPY_BOEHM_H

#include <gc/gc.h>

static inline bool rpy_type_has_gcptrs(uint32_t tid);

static uint64_t rpy_boehm_stress_every;
static uint64_t rpy_boehm_stress_count;

/* Zeroed memory for an object of type `tid` whose header word is set; NULL when the heap is
 * exhausted. */
static inline void *rpy_boehm_malloc(uint32_t tid, size_t size) {
    if (RPY_UNLIKELY(rpy_boehm_stress_every != 0) &&
        ++rpy_boehm_stress_count % rpy_boehm_stress_every == 0)
        GC_gcollect();
    void *p;
    if (rpy_type_has_gcptrs(tid)) {
        p = GC_MALLOC(size);
    } else {
        p = GC_MALLOC_ATOMIC(size);
        if (RPY_LIKELY(p != NULL))
            memset(p, 0, size);
    }
    if (RPY_LIKELY(p != NULL))
        *(uint64_t *)p = tid;
    return p;
}

/* The entry points of rpyrt.h that generated code and the support headers call, over Boehm. */
#define rpy_gc_malloc_slowpath(tid, size) rpy_boehm_malloc((tid), (size))
#define rpy_gc_collect() GC_gcollect()
#define rpy_gc_collect_minor() GC_gcollect()
#define rpy_gc_collections() ((uint64_t)GC_get_gc_no())
#define rpy_gc_minor_collections() ((uint64_t)0)
#define rpy_gc_major_collections() ((uint64_t)GC_get_gc_no())
#define rpy_gc_heap_used() ((uint64_t)(GC_get_heap_size() - GC_get_free_bytes()))
#define rpy_gc_id(p) ((int64_t)(uintptr_t)(p))
#define rpy_gc_identityhash(p) rpy_boehm_identityhash((const void *)(p))

/* rgc over Boehm: collections are always full; "disabled" stops the collections Boehm would
 * start by itself; nothing ever moves. */
static bool rpy_boehm_disabled;
/* A full collection, then the finalizers it made ready (so that the finalizer queues are filled
 * before rgc.collect() runs their triggers). */
static inline void rpy_boehm_collect_gen(int64_t gen) {
    (void)gen;
    GC_gcollect();
    GC_invoke_finalizers();
}
#define rpy_gc_collect_gen(gen) rpy_boehm_collect_gen(gen)
static inline void rpy_boehm_set_enabled(int enabled) {
    if (enabled && rpy_boehm_disabled)
        GC_enable();
    else if (!enabled && !rpy_boehm_disabled)
        GC_disable();
    rpy_boehm_disabled = !enabled;
}
#define rpy_gc_set_enabled(on) rpy_boehm_set_enabled(on)
#define rpy_gc_isenabled() (!rpy_boehm_disabled)
/* Boehm's collector paces itself by its own heap; raw memory pressure is not reported to it. */
#define rpy_gc_add_memory_pressure(bytes) ((void)(bytes))
#define rpy_gc_can_move(p) ((void)(p), 0)

/* Light destructors are Boehm finalizers without ordering; Boehm runs them from an allocation,
 * once the object is found unreachable. */
static void GC_CALLBACK rpy_boehm_run_destructor(void *obj, void *fn) {
    ((void (*)(void *))fn)(obj);
}
static inline void rpy_boehm_register_destructor(void *obj, void (*fn)(void *)) {
    GC_register_finalizer_no_order(obj, rpy_boehm_run_destructor, (void *)fn, NULL, NULL);
}
#define rpy_gc_register_destructor(obj, fn) rpy_boehm_register_destructor((obj), (fn))

/* Finalizer queues: a registered object found unreachable is resurrected by Boehm (with
 * everything it reaches) and its finalizer appends it to its queue, a list of GC_MALLOC'd
 * cells whose ends live in static data, which Boehm scans. */
#define RPY_BOEHM_QUEUES 64
struct rpy_boehm_cell {
    void *obj;
    struct rpy_boehm_cell *next;
};
static struct rpy_boehm_cell *rpy_boehm_fq_head[RPY_BOEHM_QUEUES];
static struct rpy_boehm_cell *rpy_boehm_fq_tail[RPY_BOEHM_QUEUES];
static bool rpy_boehm_fq_pending[RPY_BOEHM_QUEUES];
/* Some queue has a pending trigger: the allocation path tests this one flag. */
static bool rpy_boehm_fq_any;

static void GC_CALLBACK rpy_boehm_fq_dead(void *obj, void *queue) {
    int64_t q = (int64_t)(intptr_t)queue;
    struct rpy_boehm_cell *c = GC_MALLOC(sizeof(struct rpy_boehm_cell));
    if (c == NULL) {
        fprintf(stderr, "Fatal RPython error: out of memory while queueing a finalizer\n");
        abort();
    }
    c->obj = obj;
    c->next = NULL;
    if (rpy_boehm_fq_tail[q] != NULL)
        rpy_boehm_fq_tail[q]->next = c;
    else
        rpy_boehm_fq_head[q] = c;
    rpy_boehm_fq_tail[q] = c;
    rpy_boehm_fq_pending[q] = true;
    rpy_boehm_fq_any = true;
}
static inline void rpy_boehm_fq_register(int64_t queue, void *obj) {
    if (queue < 0 || queue >= RPY_BOEHM_QUEUES) {
        fprintf(stderr, "Fatal RPython error: more than %d finalizer queues\n", RPY_BOEHM_QUEUES);
        abort();
    }
    /* Boehm's ordered finalization: an object is queued before the objects it refers to
     * (which wait for a later collection), as with our collectors. Unlike them, Boehm never
     * queues the members of a cycle of registered objects. */
    GC_register_finalizer(obj, rpy_boehm_fq_dead, (void *)(intptr_t)queue, NULL, NULL);
}
#define rpy_gc_fq_register(queue, obj) rpy_boehm_fq_register((queue), (obj))
static inline void *rpy_boehm_fq_next_dead(int64_t queue) {
    struct rpy_boehm_cell *c = rpy_boehm_fq_head[queue];
    if (c == NULL)
        return NULL;
    rpy_boehm_fq_head[queue] = c->next;
    if (c->next == NULL)
        rpy_boehm_fq_tail[queue] = NULL;
    return c->obj;
}
#define rpy_gc_fq_next_dead(queue) rpy_boehm_fq_next_dead(queue)
static inline int64_t rpy_boehm_fq_take_trigger(void) {
    rpy_boehm_fq_any = false;
    for (int64_t q = 0; q < RPY_BOEHM_QUEUES; q++) {
        if (rpy_boehm_fq_pending[q]) {
            rpy_boehm_fq_pending[q] = false;
            rpy_boehm_fq_any = true;
            return q;
        }
    }
    return -1;
}
#define rpy_gc_fq_take_trigger() rpy_boehm_fq_take_trigger()

/* A weak reference's referent is a word of an atomic object, which Boehm does not scan; Boehm
 * clears it when the referent dies. A prebuilt referent (static data, flagged in its header)
 * never dies and is no object of Boehm's heap: no link is registered for it. */
#define RPY_WEAKREF_REGISTER(slot, obj) \
    ((obj) != NULL && (*(const uint64_t *)(obj) & RPY_GCFLAG_STATIC) == 0 \
         ? (void)GC_general_register_disappearing_link((void **)(slot), (void *)(obj)) \
         : (void)0)

#undef RPY_WRITE_BARRIER
#undef RPY_WRITE_BARRIER_ARRAY
#define RPY_WRITE_BARRIER(p) ((void)(p))
#define RPY_WRITE_BARRIER_ARRAY(p, i) ((void)(p), (void)(i))

/* A scrambling of the address, so that hashes of nearby objects differ in their low bits. */
static inline int64_t rpy_boehm_identityhash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    if (x == 0)
        return 0;
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 32;
    return (int64_t)x;
}

static bool rpy_boehm_log;
static uint64_t rpy_boehm_collections;
static double rpy_boehm_pause, rpy_boehm_pause_max, rpy_boehm_started;

static double rpy_boehm_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Where the log lines and the summary go: stderr, or the file PYPYLOG names. */
static int rpy_boehm_log_fd = 2;

/* Called by the collector with its lock held: it must not call back into the collector. */
static void GC_CALLBACK rpy_boehm_event(GC_EventType event) {
    if (event == GC_EVENT_START) {
        rpy_boehm_started = rpy_boehm_now();
    } else if (event == GC_EVENT_END) {
        double pause = rpy_boehm_now() - rpy_boehm_started;
        rpy_boehm_collections++;
        rpy_boehm_pause += pause;
        if (pause > rpy_boehm_pause_max)
            rpy_boehm_pause_max = pause;
        if (rpy_boehm_log)
            dprintf(rpy_boehm_log_fd, "[gc] boehm collection %llu: %.3f ms\n",
                    (unsigned long long)rpy_boehm_collections, pause * 1e3);
    }
}

static void rpy_boehm_summary(void) {
    int fd = rpy_boehm_log_fd;
    dprintf(fd, "[gc-summary] collector boehm\n");
    dprintf(fd, "[gc-summary] collections: %llu, total pause %.3f ms, longest %.3f ms\n",
            (unsigned long long)GC_get_gc_no(), rpy_boehm_pause * 1e3, rpy_boehm_pause_max * 1e3);
    dprintf(fd, "[gc-summary] heap size %llu bytes, free %llu bytes, allocated in total %llu bytes\n",
            (unsigned long long)GC_get_heap_size(), (unsigned long long)GC_get_free_bytes(),
            (unsigned long long)GC_get_total_bytes());
}

/* Boehm warns when it runs out of memory (the program reports MemoryError itself) and when it
 * allocates large blocks repeatedly (which large lists do); other warnings go to stderr. */
static void GC_CALLBACK rpy_boehm_warn(char *msg, GC_word arg) {
    if (strstr(msg, "Out of Memory") != NULL || strstr(msg, "very large block") != NULL)
        return;
    fprintf(stderr, msg, (unsigned long)arg);
}

static void rpy_boehm_init(int stress) {
    GC_INIT();
    GC_set_warn_proc(rpy_boehm_warn);
    rpy_boehm_settings s;
    rpy_gc_boehm_settings(stress, &s);
    GC_exclude_static_roots(s.noscan_start, s.noscan_end);
    rpy_boehm_stress_every = s.stress_every;
    if (s.max_heap != 0)
        GC_set_max_heap_size((GC_word)s.max_heap);
    rpy_boehm_log = s.log != 0;
    rpy_boehm_log_fd = s.log_fd;
    if (s.log || s.summary)
        GC_set_on_collection_event(rpy_boehm_event);
    if (s.summary)
        atexit(rpy_boehm_summary);
}

#endif
