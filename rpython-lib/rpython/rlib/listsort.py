"""A stable list sort for RPython programs: ``TimSort`` and ``make_timsort_class``.

Usage, as in RPython::

    class IntSort(TimSort):
        def lt(self, a, b):
            return a < b

    IntSort(lst).sort()            # or IntSort(lst, len(lst)).sort()

``sort()`` sorts ``list[0:listlength]`` in place (the whole list when
``listlength`` is omitted, negative or None; the default is -1 rather than
RPython's None, so that the argument is an int at every call of a
translated program), stable (equal items keep their order), calling only
``self.lt(a, b)``.  The algorithm is our own,
simple one: binary insertion sort of runs of ``MIN_RUN`` items, then
bottom-up merging of neighbouring runs through a temporary copy of the left
run (a merge is skipped when the two runs are already in order, so sorted
input costs O(n) comparisons beyond the insertion sorts); O(n log n)
comparisons and moves in all cases.  If ``lt`` raises, the exception
propagates and the list holds the same items in some order.

``make_timsort_class(getitem=None, setitem=None, length=None,
getitem_slice=None, lt=None)`` returns a new class with the same interface
whose accesses go through the given functions (``getitem(list, i)``,
``setitem(list, i, item)``, ``length(list)``, ``getitem_slice(list, start,
stop)`` returning a new container that ``getitem`` can read, and
``lt(a, b)`` as the default ordering).  Each call makes fresh methods, so
that a program sorting lists of different item types uses one class per item
type (one ``TimSort`` subclass per type would merge the types of the shared
base methods).  ``TimSort`` itself is ``make_timsort_class()``.

Note for translation: a subclass overriding ``lt`` shares the class's other
methods, and the translator analyses every ``lt`` of the class tree with the
items of every list sorted by it, so the base ``lt`` (``a < b`` by default)
must accept those items too: to sort instances, pass ``lt=`` to
``make_timsort_class`` (or subclass a class made with such an ``lt``).
"""

from rpython.rlib.objectmodel import we_are_translated

MIN_RUN = 32


def make_timsort_class(getitem=None, setitem=None, length=None,
                       getitem_slice=None, lt=None):
    """A new sort class using the given accessors (see the module doc)."""
    # The default accessors are made afresh for each class, so that the
    # translator gives each class its own versions (typed by its own items).
    if getitem is None:
        def getitem(list, item):
            return list[item]
    if setitem is None:
        def setitem(list, item, value):
            list[item] = value
    if length is None:
        def length(list):
            return len(list)
    if getitem_slice is None:
        def getitem_slice(list, start, stop):
            result = []
            i = start
            while i < stop:
                result.append(list[i])
                i += 1
            return result
    if lt is None:
        def lt(a, b):
            return a < b

    class TimSort(object):
        """Stable in-place sort of ``list[0:listlength]`` ordered by ``lt``."""

        def __init__(self, list, listlength=-1):
            self.list = list
            if not we_are_translated() and listlength is None:
                listlength = -1
            if listlength < 0:
                listlength = length(list)
            self.listlength = listlength

        def lt(self, a, b):
            """The ordering: override it in a subclass."""
            return lt(a, b)

        def le(self, a, b):
            return not self.lt(b, a)

        def binarysort(self, lo, hi, start):
            """Sort list[lo:hi] by insertion, list[lo:start] being sorted."""
            lst = self.list
            i = start
            while i < hi:
                pivot = getitem(lst, i)
                left = lo
                right = i
                while left < right:
                    middle = (left + right) >> 1
                    if self.lt(pivot, getitem(lst, middle)):
                        right = middle
                    else:
                        left = middle + 1
                j = i
                while j > left:
                    setitem(lst, j, getitem(lst, j - 1))
                    j -= 1
                setitem(lst, left, pivot)
                i += 1

        def count_run(self, lo, hi):
            """The length of the non-descending run starting at lo."""
            lst = self.list
            n = lo + 1
            while n < hi and not self.lt(getitem(lst, n), getitem(lst, n - 1)):
                n += 1
            return n - lo

        def merge(self, lo, mid, hi):
            """Merge the sorted runs list[lo:mid] and list[mid:hi]."""
            lst = self.list
            # Items of the left run not greater than the right run's first
            # item are already in place.
            first = getitem(lst, mid)
            left = lo
            right = mid
            while left < right:
                middle = (left + right) >> 1
                if self.lt(first, getitem(lst, middle)):
                    right = middle
                else:
                    left = middle + 1
            lo = left
            if lo == mid:
                return
            tmp = getitem_slice(lst, lo, mid)
            nleft = mid - lo
            i = 0
            j = mid
            k = lo
            try:
                while i < nleft and j < hi:
                    b = getitem(lst, j)
                    a = getitem(tmp, i)
                    if self.lt(b, a):
                        setitem(lst, k, b)
                        j += 1
                    else:
                        setitem(lst, k, a)
                        i += 1
                    k += 1
            finally:
                # the rest of the left run goes to list[k:j], which is
                # exactly its size (also when lt() raised)
                while i < nleft:
                    setitem(lst, k, getitem(tmp, i))
                    i += 1
                    k += 1

        def sort(self):
            """Sort list[0:listlength] in place."""
            n = self.listlength
            if n < 2:
                return
            lo = 0
            while lo < n:
                hi = lo + MIN_RUN
                if hi > n:
                    hi = n
                run = self.count_run(lo, hi)
                self.binarysort(lo, hi, lo + run)
                lo = hi
            width = MIN_RUN
            while width < n:
                lo = 0
                while lo + width < n:
                    mid = lo + width
                    hi = mid + width
                    if hi > n:
                        hi = n
                    lst = self.list
                    if self.lt(getitem(lst, mid), getitem(lst, mid - 1)):
                        self.merge(lo, mid, hi)
                    lo = hi
                width = width * 2

    return TimSort


TimSort = make_timsort_class()
