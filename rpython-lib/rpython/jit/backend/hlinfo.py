"""rpython.jit.backend.hlinfo: information the JIT backend gives the interpreter at run time.
No JIT is generated yet, so `highleveljitinfo` holds nothing; the name exists so that
interpreters that import it translate."""


class HighLevelJITInfo(object):
    def __init__(self):
        # The executable's path, which interpreters store for the JIT's log viewer.
        self.sys_executable = None


highleveljitinfo = HighLevelJITInfo()
