"""``NonConstant(value)``: hide from the translator that a value is a constant.

On CPython ``NonConstant(x)`` returns ``x``.  In RPython it makes the
annotator treat the result as a variable of x's type (so that code guarded by
it is not folded away).  Here it is a plain function returning its argument,
specialised per argument type (``specialize.argtype(0)``) so that it can be
used with values of several types; being a call, it already keeps the
translator's flow builder from folding the value.
"""

from rpython.rlib.objectmodel import specialize


@specialize.argtype(0)
def NonConstant(value):
    """Return value, hiding its constness from the translator."""
    return value
