"""rpython.rlib.unroll: iterables that the translator unrolls in loops."""


class unrolling_iterable(object):
    """A constant iterable; `for x in it:` over it is unrolled by the translator, each iteration
    seeing `x` as a constant."""

    def __init__(self, iterable):
        self._items = list(iterable)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]


