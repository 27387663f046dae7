
class Process:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        n = _next_process_number()
        self._target = target
        self._args = tuple(args)
        if kwargs is None:
            kwargs = {}
        self._kwargs = kwargs
        if name is None:
            name = _class_name(self) + "-" + str(n)
        self.name = name
        if daemon is None:
            daemon = False
        self.daemon = daemon
        self.pid = None
        self.ident = None
        self.exitcode = None
        self._ex = None
        self._fut = None
        self._parent = _getpid()

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._fut is not None:
            raise AssertionError("cannot start a process twice")
        ex = _executor()
        pid = ex.submit(_getpid).result()
        if type(self) is Process:
            fut = ex.submit(_child_main, self.name, None, self._target, self._args, self._kwargs)
        else:
            fut = ex.submit(_child_main, self.name, self, None, None, None)
        ex.shutdown(wait=False)
        self._ex = ex
        self._fut = fut
        self.pid = pid
        self.ident = pid

    def join(self, timeout=None):
        if self._fut is None:
            raise AssertionError("can only join a started process")
        try:
            self._fut.exception(timeout)
        except TimeoutError:
            return
        self.exitcode = _process_exitcode(self._fut)

    def is_alive(self):
        if self._fut is None:
            return False
        if self._fut.done():
            self.exitcode = _process_exitcode(self._fut)
            return False
        return True

    def terminate(self):
        self._signal(15)

    def kill(self):
        self._signal(9)

    def _signal(self, signum):
        if self._fut is not None and not self._fut.done():
            import os
            try:
                os.kill(self.pid, signum)
            except OSError:
                pass

    def close(self):
        pass

    def __repr__(self):
        info = [_class_name(self), "name=" + repr(self.name)]
        status = "initial"
        code = None
        if self._fut is not None:
            info.append("pid=" + str(self.pid))
            status = "started"
            if self._fut.done():
                status = "stopped"
                code = _process_exitcode(self._fut)
        info.append("parent=" + str(self._parent))
        info.append(status)
        if code is not None:
            info.append("exitcode=" + _EXITCODE_NAMES.get(code, str(code)))
        if self.daemon:
            info.append("daemon")
        return "<" + " ".join(info) + ">"


_EXITCODE_NAMES = {-1: "-SIGHUP", -2: "-SIGINT", -3: "-SIGQUIT", -6: "-SIGABRT", -9: "-SIGKILL",
                   -10: "-SIGUSR1", -11: "-SIGSEGV", -12: "-SIGUSR2", -13: "-SIGPIPE",
                   -14: "-SIGALRM", -15: "-SIGTERM"}


def _child_main(name, obj, target, args, kwargs):
    _set_process_name(name)
    try:
        if obj is None:
            if target is not None:
                target(*args, **kwargs)
        else:
            obj.run()
        return 0
    except SystemExit as e:
        return _exit_code(e)
    except BaseException as e:
        _print_process_error(name, e)
        return 1
    finally:
        _set_process_name("")
