"""rpython.annotator.policy: `AnnotatorPolicy`, which RPython targets may return from
`target()` or subclass to steer specialisation. The translator here reads specialisation from
the functions' own hints, so a policy object is accepted and has no further effect."""


class AnnotatorPolicy(object):
    def __init__(self):
        pass
