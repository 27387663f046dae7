package threading

// The Python half of the threading module: the Thread class is written in
// Python so that scripts can subclass it and override run(); everything that
// blocks or touches goroutines is Go (threading_*.go).

const threadingSrc = `
class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname()
            if target is not None:
                try:
                    name = name + " (" + target.__name__ + ")"
                except AttributeError:
                    pass
        self._target = target
        self._args = args
        self._kwargs = kwargs
        self.name = name
        if daemon is None:
            daemon = current_thread().daemon
        self.daemon = daemon
        self.ident = None
        self.native_id = None
        self._tstate = None

    def start(self):
        _start(self)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = None
            self._args = None
            self._kwargs = None

    def join(self, timeout=None):
        _join(self, timeout)

    def is_alive(self):
        return _is_alive(self)

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = str(name)

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def __repr__(self):
        return _thread_repr(self)


class _MainThread(Thread):
    pass


class _DummyThread(Thread):
    pass


def _make_thread(kind, name, daemon):
    if kind == "main":
        t = _MainThread(name=name, daemon=daemon)
    elif kind == "dummy":
        t = _DummyThread(name=name, daemon=daemon)
    else:
        t = Thread(name=name, daemon=daemon)
    return t
`
