/* rpy_dict.h: insertion-ordered compact hash tables for translated programs, generic over the
 * key and value representations through a `rpy_dict_kind` descriptor that genc emits per dict
 * type. Included by rpy_support.h.
 *
 * Layout (the GC struct genc emits for every DICT<K, V> has the same fields in this order):
 * `num_items` live entries; `num_used` entries ever appended (live or deleted); `indexes`, an
 * open-addressing table of entry numbers (-1 free, -2 deleted); `keys`, `values` and `hashes`,
 * parallel arrays of entries in insertion order (a deleted entry has hash RPY_DICT_DELETED).
 * Every array is homogeneous, so the collector traces them with the ordinary type table.
 *
 * Keys and values cross this interface as 64-bit words (every low-level value fits: integers,
 * floats by their bits, chars, bools and pointers). Functions that allocate keep the dict and
 * any GC pointer among key and value on the shadow stack across the allocation.
 *
 * Weak dictionaries (rweakref's RWeakValueDictionary and RWeakKeyDictionary) are dicts of the same
 * layout whose values (`weak` 1) or keys (`weak` 2, key kind RPY_KEY_WEAK) are WEAKREF objects.
 * A weak key is looked up by its instance: its hash is the instance's identity hash, stored with
 * the entry, and it equals an instance if its referent is that instance. Entries whose weak
 * reference died are dropped whenever the table is rebuilt, as RPython's weak dicts do, so that
 * they never accumulate: a table that keeps growing is rebuilt at each doubling. */
#ifndef RPY_DICT_H
#define RPY_DICT_H

#define RPY_DICT_FREE (-1)
#define RPY_DICT_DUMMY (-2)
#define RPY_DICT_DELETED INT64_MIN

enum { RPY_KEY_INT, RPY_KEY_CHAR, RPY_KEY_FLOAT, RPY_KEY_STR, RPY_KEY_IDENTITY, RPY_KEY_CUSTOM,
       RPY_KEY_WEAK };

typedef bool (*rpy_dict_eq_fn)(uint64_t a, uint64_t b);
typedef int64_t (*rpy_dict_hash_fn)(uint64_t a);

struct rpy_dict_kind {
    int key_kind;
    uint8_t key_size, value_size; /* bytes per item in the keys and values arrays */
    bool key_gc, value_gc;        /* GC pointers (rooted across allocations) */
    rpy_dict_eq_fn eq;            /* for RPY_KEY_CUSTOM */
    rpy_dict_hash_fn hash;        /* for RPY_KEY_CUSTOM */
    uint32_t tid_index, tid_keys, tid_values, tid_hashes;
    uint8_t weak;         /* 0: a dict; 1: weak values; 2: weak keys */
    uint32_t tid_weakref; /* the WEAKREF type, for weak dicts */
};

/* A weak reference (the WEAKREF type of genc): its referent's address, or 0 once it died. */
struct rpy_weakref {
    uint64_t hdr;
    int64_t referent;
};

struct rpy_dict {
    uint64_t hdr;
    int64_t num_items;
    int64_t num_used;
    struct rpy_array *indexes;
    struct rpy_array *keys;
    struct rpy_array *values;
    struct rpy_array *hashes;
};

static inline uint64_t rpy_f2b(double x) {
    uint64_t b;
    memcpy(&b, &x, 8);
    return b;
}

static inline double rpy_b2f(uint64_t b) {
    double x;
    memcpy(&x, &b, 8);
    return x;
}

static inline uint64_t rpy_item_get(struct rpy_array *a, int64_t i, uint8_t size) {
    switch (size) {
    case 1:
        return ((uint8_t *)a->items)[i];
    case 4:
        return ((uint32_t *)(void *)a->items)[i];
    default:
        return ((uint64_t *)a->items)[i];
    }
}

static inline void rpy_item_set(struct rpy_array *a, int64_t i, uint8_t size, uint64_t v) {
    switch (size) {
    case 1:
        ((uint8_t *)a->items)[i] = (uint8_t)v;
        break;
    case 4:
        ((uint32_t *)(void *)a->items)[i] = (uint32_t)v;
        break;
    default:
        ((uint64_t *)a->items)[i] = v;
    }
}

/* String hash (FNV-1a over the code points, never RPY_DICT_DELETED), cached in the string's
   hash field: the same for a string at either width (and bytes hash their bytes). */
static inline int64_t rpy_str_hash(struct rpy_str *s) {
    if (s->hash != 0)
        return s->hash;
    uint64_t h = 1469598103934665603ull;
    if (RPY_UNLIKELY(RPY_STR_IS_WIDE(s))) {
        for (int64_t i = 0; i < s->length; i++) {
            h ^= RPY_STR_WIDE_ITEMS(s)[i];
            h *= 1099511628211ull;
        }
    } else {
        for (int64_t i = 0; i < s->length; i++) {
            h ^= s->items[i];
            h *= 1099511628211ull;
        }
    }
    int64_t r = (int64_t)(h >> 1);
    if (r == 0)
        r = 1;
    s->hash = r;
    return r;
}

static inline int64_t rpy_float_hash(double x) {
    if (x == (double)(int64_t)x)
        return (int64_t)x;
    uint64_t b;
    memcpy(&b, &x, 8);
    return (int64_t)(b ^ (b >> 29));
}

/* The key functions of an r_dict run inside the dict's own lookups, which hold raw pointers:
   they must not allocate. A collection while one ran is a fatal error, not a crash. */
static void rpy_rdict_check(uint64_t collections_before) {
    if (RPY_UNLIKELY(rpy_gc_collections() != collections_before)) {
        fflush(stdout);
        fprintf(stderr, "Fatal RPython error: the key equality or hash function of an r_dict "
                        "allocated memory; these functions must not allocate\n");
        exit(1);
    }
}

static inline int64_t rpy_dict_key_hash(const struct rpy_dict_kind *k, uint64_t key) {
    int64_t h;
    switch (k->key_kind) {
    case RPY_KEY_INT:
    case RPY_KEY_CHAR:
        h = (int64_t)key;
        break;
    case RPY_KEY_FLOAT: {
        double x;
        memcpy(&x, &key, 8);
        h = rpy_float_hash(x);
        break;
    }
    case RPY_KEY_STR:
        h = rpy_str_hash((struct rpy_str *)(uintptr_t)key);
        break;
    case RPY_KEY_IDENTITY:
    case RPY_KEY_WEAK: /* the instance a weak key is looked up by */
        h = key ? rpy_gc_identityhash((void *)(uintptr_t)key) : 0;
        break;
    default:
        h = k->hash(key);
    }
    return h == RPY_DICT_DELETED ? 0 : h;
}

static inline bool rpy_dict_key_eq(const struct rpy_dict_kind *k, uint64_t a, uint64_t b) {
    if (a == b)
        return k->key_kind != RPY_KEY_FLOAT || a == a; /* NaN bits equal: Python says equal by identity */
    switch (k->key_kind) {
    case RPY_KEY_FLOAT: {
        double x, y;
        memcpy(&x, &a, 8);
        memcpy(&y, &b, 8);
        return x == y;
    }
    case RPY_KEY_STR:
        return rpy_str_eq((struct rpy_str *)(uintptr_t)a, (struct rpy_str *)(uintptr_t)b);
    case RPY_KEY_CUSTOM:
        return k->eq(a, b);
    case RPY_KEY_WEAK: /* a stored weak key and the instance looked up */
        return a != 0 && b != 0 && (uint64_t)((struct rpy_weakref *)(uintptr_t)a)->referent == b;
    default:
        return false;
    }
}

static inline struct rpy_array *rpy_dict_new_array(uint32_t tid, int64_t n, size_t itemsize) {
    return rpy_malloc_varsize(tid, offsetof(struct rpy_array, items), itemsize, n,
                              offsetof(struct rpy_array, length));
}

/* The slot of `key` in the index table: the slot holding its entry, or the free slot where it
 * would go (the first dummy met, if any). */
static int64_t rpy_dict_slot(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key,
                             int64_t hash, int64_t *entry) {
    int64_t mask = d->indexes->length - 1;
    int64_t *idx = (int64_t *)d->indexes->items;
    int64_t *hashes = (int64_t *)d->hashes->items;
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & mask;
    int64_t first_dummy = -1;
    for (;;) {
        int64_t e = idx[i];
        if (e == RPY_DICT_FREE) {
            *entry = -1;
            return first_dummy >= 0 ? first_dummy : i;
        }
        if (e == RPY_DICT_DUMMY) {
            if (first_dummy < 0)
                first_dummy = i;
        } else if (hashes[e] == hash && rpy_dict_key_eq(k, rpy_item_get(d->keys, e, k->key_size), key)) {
            *entry = e;
            return i;
        }
        perturb >>= 5;
        i = (int64_t)(((uint64_t)i * 5 + perturb + 1) & (uint64_t)mask);
    }
}

/* The entry number of `key`, or -1. */
static int64_t rpy_dict_lookup(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key) {
    if (d->num_items == 0)
        return -1;
    int64_t entry;
    rpy_dict_slot(d, k, key, rpy_dict_key_hash(k, key), &entry);
    return entry;
}

/* Whether entry e of a weak dict holds a weak reference whose referent is alive. */
static inline bool rpy_weak_entry_alive(struct rpy_dict *d, const struct rpy_dict_kind *k, int64_t e) {
    struct rpy_array *side = k->weak == 1 ? d->values : d->keys;
    struct rpy_weakref *w = (struct rpy_weakref *)(uintptr_t)rpy_item_get(side, e, 8);
    return w != NULL && w->referent != 0;
}

/* Rebuilds the index table and compacts the entries to hold at least `need` live entries.
 * Returns false on MemoryError. The dict must be rooted by the caller (it is re-read from the
 * shadow stack). */
static bool rpy_dict_resize(struct rpy_dict **dp, const struct rpy_dict_kind *k, int64_t need) {
    if (k->weak) {
        /* Entries whose weak reference died are deleted first, and need no room. */
        struct rpy_dict *d = *dp;
        for (int64_t e = 0; e < d->num_used; e++) {
            if (((int64_t *)d->hashes->items)[e] == RPY_DICT_DELETED)
                continue;
            if (rpy_weak_entry_alive(d, k, e))
                continue;
            ((int64_t *)d->hashes->items)[e] = RPY_DICT_DELETED;
            rpy_item_set(d->keys, e, k->key_size, 0);
            rpy_item_set(d->values, e, k->value_size, 0);
            d->num_items--;
            need--;
        }
    }
    int64_t size = 8;
    while (size * 2 < need * 3)
        size *= 2;
    int64_t cap = size * 2 / 3 + 1;
    RPY_PUSH1(*dp);
    struct rpy_array *idx = rpy_dict_new_array(k->tid_index, size, 8);
    RPY_PUSH1(idx);
    struct rpy_array *keys = idx ? rpy_dict_new_array(k->tid_keys, cap, k->key_size) : NULL;
    RPY_PUSH1(keys);
    struct rpy_array *vals = keys ? rpy_dict_new_array(k->tid_values, cap, k->value_size) : NULL;
    RPY_PUSH1(vals);
    struct rpy_array *hashes = vals ? rpy_dict_new_array(k->tid_hashes, cap, 8) : NULL;
    RPY_POP1(vals);
    RPY_POP1(keys);
    RPY_POP1(idx);
    RPY_POP1(*dp);
    if (hashes == NULL)
        return false;
    struct rpy_dict *d = *dp;
    /* The arrays allocated first may have become old during the later allocations. */
    RPY_WRITE_BARRIER(keys);
    RPY_WRITE_BARRIER(vals);
    for (int64_t i = 0; i < size; i++)
        ((int64_t *)idx->items)[i] = RPY_DICT_FREE;
    int64_t n = 0;
    int64_t mask = size - 1;
    for (int64_t e = 0; e < d->num_used; e++) {
        int64_t h = ((int64_t *)d->hashes->items)[e];
        if (h == RPY_DICT_DELETED)
            continue;
        rpy_item_set(keys, n, k->key_size, rpy_item_get(d->keys, e, k->key_size));
        rpy_item_set(vals, n, k->value_size, rpy_item_get(d->values, e, k->value_size));
        ((int64_t *)hashes->items)[n] = h;
        uint64_t perturb = (uint64_t)h;
        int64_t i = h & mask;
        while (((int64_t *)idx->items)[i] != RPY_DICT_FREE) {
            perturb >>= 5;
            i = (int64_t)(((uint64_t)i * 5 + perturb + 1) & (uint64_t)mask);
        }
        ((int64_t *)idx->items)[i] = n;
        n++;
    }
    RPY_WRITE_BARRIER(d);
    d->indexes = idx;
    d->keys = keys;
    d->values = vals;
    d->hashes = hashes;
    d->num_used = n;
    d->num_items = n;
    return true;
}

/* A new empty dict of a DICT type `tid_dict`. */
static struct rpy_dict *rpy_dict_new(uint32_t tid_dict, const struct rpy_dict_kind *k) {
    struct rpy_dict *d = rpy_malloc_fixed(tid_dict, sizeof(struct rpy_dict));
    if (d == NULL)
        return NULL;
    if (!rpy_dict_resize(&d, k, 0))
        return NULL;
    return d;
}

static void rpy_dict_setitem_hashed(struct rpy_dict *d, const struct rpy_dict_kind *k,
                                    uint64_t key, int64_t hash, uint64_t value);

/* d[key] = value. */
static void rpy_dict_setitem(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key,
                             uint64_t value) {
    rpy_dict_setitem_hashed(d, k, key, rpy_dict_key_hash(k, key), value);
}

/* d[key] = value, where `hash` is the key's hash. */
static void rpy_dict_setitem_hashed(struct rpy_dict *d, const struct rpy_dict_kind *k,
                                    uint64_t key, int64_t hash, uint64_t value) {
    int64_t entry;
    int64_t slot = rpy_dict_slot(d, k, key, hash, &entry);
    if (entry >= 0) {
        if (k->value_gc)
            RPY_WRITE_BARRIER_ARRAY(d->values, entry);
        rpy_item_set(d->values, entry, k->value_size, value);
        return;
    }
    if (d->num_used >= d->keys->length || (d->num_used + 1) * 3 > d->indexes->length * 2) {
        /* Keep key and value alive (and updated) across the allocation. */
        void *kp = k->key_gc ? (void *)(uintptr_t)key : NULL;
        void *vp = k->value_gc ? (void *)(uintptr_t)value : NULL;
        RPY_PUSH1(kp);
        RPY_PUSH1(vp);
        bool ok = rpy_dict_resize(&d, k, d->num_items + 1);
        RPY_POP1(vp);
        RPY_POP1(kp);
        if (k->key_gc)
            key = (uint64_t)(uintptr_t)kp;
        if (k->value_gc)
            value = (uint64_t)(uintptr_t)vp;
        if (!ok)
            return;
        slot = rpy_dict_slot(d, k, key, hash, &entry);
    }
    int64_t e = d->num_used++;
    if (k->key_gc)
        RPY_WRITE_BARRIER_ARRAY(d->keys, e);
    rpy_item_set(d->keys, e, k->key_size, key);
    if (k->value_gc)
        RPY_WRITE_BARRIER_ARRAY(d->values, e);
    rpy_item_set(d->values, e, k->value_size, value);
    ((int64_t *)d->hashes->items)[e] = hash;
    ((int64_t *)d->indexes->items)[slot] = e;
    d->num_items++;
}

/* Removes the entry of `key`; returns false (and raises KeyError) if absent. */
static bool rpy_dict_delitem(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key) {
    int64_t entry = -1;
    int64_t slot = d->num_items ? rpy_dict_slot(d, k, key, rpy_dict_key_hash(k, key), &entry) : 0;
    if (entry < 0) {
        rpy_raise(RPY_EXC_KeyError, NULL);
        return false;
    }
    ((int64_t *)d->indexes->items)[slot] = RPY_DICT_DUMMY;
    ((int64_t *)d->hashes->items)[entry] = RPY_DICT_DELETED;
    rpy_item_set(d->keys, entry, k->key_size, 0);
    rpy_item_set(d->values, entry, k->value_size, 0);
    d->num_items--;
    /* Trailing deleted entries can be reused at once. */
    while (d->num_used > 0 && ((int64_t *)d->hashes->items)[d->num_used - 1] == RPY_DICT_DELETED &&
           d->num_items < d->num_used)
        d->num_used--;
    return true;
}

/* d[key]: the value, or KeyError. */
static uint64_t rpy_dict_getitem(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key) {
    int64_t e = rpy_dict_lookup(d, k, key);
    if (e < 0) {
        rpy_raise(RPY_EXC_KeyError, NULL);
        return 0;
    }
    return rpy_item_get(d->values, e, k->value_size);
}

/* The next live entry at or after `i`, or -1 at the end (iteration in insertion order). */
static inline int64_t rpy_dict_next_entry(struct rpy_dict *d, int64_t i) {
    int64_t *hashes = (int64_t *)d->hashes->items;
    while (i < d->num_used) {
        if (hashes[i] != RPY_DICT_DELETED)
            return i;
        i++;
    }
    return -1;
}

/* A new weak reference to `obj` (not null), or NULL on MemoryError. */
static struct rpy_weakref *rpy_weakref_new(const struct rpy_dict_kind *k, void *obj) {
    RPY_PUSH1(obj);
    struct rpy_weakref *w = rpy_malloc_fixed(k->tid_weakref, sizeof(struct rpy_weakref));
    RPY_POP1(obj);
    if (w != NULL) {
        w->referent = (int64_t)(uintptr_t)obj;
        RPY_WEAKREF_REGISTER(&w->referent, obj);
    }
    return w;
}

/* The instance stored for `key` in a weak dict: the live value of a weak-value dict, the value
 * of a weak-key dict; NULL if there is none or it died. */
static void *rpy_weakdict_get(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key) {
    int64_t e = rpy_dict_lookup(d, k, key);
    if (e < 0)
        return NULL;
    uint64_t v = rpy_item_get(d->values, e, 8);
    if (k->weak == 2)
        return (void *)(uintptr_t)v;
    return v ? (void *)(uintptr_t)((struct rpy_weakref *)(uintptr_t)v)->referent : NULL;
}

/* Stores `value` for `key` in a weak dict (held weakly if the values are weak), or removes
 * `key` if `value` is NULL. */
static void rpy_weakdict_set(struct rpy_dict *d, const struct rpy_dict_kind *k, uint64_t key,
                             void *value) {
    int64_t e = rpy_dict_lookup(d, k, key);
    if (value == NULL) {
        if (e >= 0)
            rpy_dict_delitem(d, k, key);
        return;
    }
    if (k->weak == 2 && e >= 0) {
        RPY_WRITE_BARRIER_ARRAY(d->values, e);
        rpy_item_set(d->values, e, 8, (uint64_t)(uintptr_t)value);
        return;
    }
    void *kp = k->key_gc || k->weak == 2 ? (void *)(uintptr_t)key : NULL;
    RPY_PUSH1(d);
    RPY_PUSH1(kp);
    RPY_PUSH1(value);
    struct rpy_weakref *w = rpy_weakref_new(k, k->weak == 2 ? kp : value);
    RPY_POP1(value);
    RPY_POP1(kp);
    RPY_POP1(d);
    if (w == NULL)
        return;
    if (k->key_gc || k->weak == 2)
        key = (uint64_t)(uintptr_t)kp;
    if (k->weak == 1)
        rpy_dict_setitem(d, k, key, (uint64_t)(uintptr_t)w);
    else
        rpy_dict_setitem_hashed(d, k, (uint64_t)(uintptr_t)w, rpy_dict_key_hash(k, key),
                                (uint64_t)(uintptr_t)value);
}

/* The number of entries of a weak-key dict whose key is alive. */
static int64_t rpy_weakdict_length(struct rpy_dict *d, const struct rpy_dict_kind *k) {
    int64_t n = 0;
    for (int64_t e = 0; e < d->num_used; e++) {
        if (((int64_t *)d->hashes->items)[e] == RPY_DICT_DELETED)
            continue;
        if (rpy_weak_entry_alive(d, k, e))
            n++;
    }
    return n;
}

/* Removes everything. */
static void rpy_dict_clear(struct rpy_dict *d, const struct rpy_dict_kind *k) {
    d->num_items = 0;
    d->num_used = 0;
    rpy_dict_resize(&d, k, 0);
}

#endif
