# compute_unique_id / compute_identity_hash: stable across collections, distinct ids.
# expect: same id True True
# expect: same hash True True
# expect: different ids False True
# expect: after mutation True True
# expect: distinct 100 True
# expect: after garbage True True 20000
# expect: str hash True
from rpython.rlib.objectmodel import compute_unique_id, compute_identity_hash, compute_hash


class Obj:
    def __init__(self, x):
        self.x = x
        self.other = None


def churn(n):
    total = 0
    for i in range(n):
        o = Obj(i)
        o.other = Obj(i + 1)
        total += o.other.x - o.x
    return total


def entry_point(argv):
    a = Obj(1)
    b = Obj(1)
    c = a
    print("same id", compute_unique_id(a) == compute_unique_id(a),
          compute_unique_id(a) == compute_unique_id(c))
    print("same hash", compute_identity_hash(a) == compute_identity_hash(a),
          compute_identity_hash(c) == compute_identity_hash(a))
    print("different ids", compute_unique_id(a) == compute_unique_id(b),
          compute_unique_id(a) != compute_unique_id(b))
    ida = compute_unique_id(a)
    ha = compute_identity_hash(a)
    a.x = 42
    a.other = b
    print("after mutation", ida == compute_unique_id(a), ha == compute_identity_hash(c))
    objs = []
    ids = []
    hashes = []
    for i in range(100):
        o = Obj(i)
        objs.append(o)
        ids.append(compute_unique_id(o))
        hashes.append(compute_identity_hash(o))
    ok = True
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            if ids[i] == ids[j]:
                ok = False
    print("distinct", len(ids), ok)
    moved = churn(20000)
    same_ids = True
    same_hashes = True
    for i in range(len(objs)):
        if compute_unique_id(objs[i]) != ids[i]:
            same_ids = False
        if compute_identity_hash(objs[i]) != hashes[i]:
            same_hashes = False
    print("after garbage", same_ids, same_hashes and ha == compute_identity_hash(a), moved)
    s = "ab"
    if len(argv) > 0:
        s += "c"
    print("str hash", compute_hash("abc") == compute_hash(s))
    return 0


def target(driver, args):
    return entry_point, None
