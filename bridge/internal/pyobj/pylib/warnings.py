"""Warning control, as CPython 3.11's warnings module behaves.

Where a warning points: gpython gives no access to the caller's frame, so
the compile rewrite (bridge/threading_warnsite.go) turns each call written
`warnings.warn(...)` or `warn(...)` into one that passes the call's file, line
and globals as the keyword _pypool_at.  A stacklevel above 1 still points at
that call (README, Differences from CPython).
"""

import sys
import _pypool_warnings

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings"]

# (action, message regex or None, category, module regex/str or None, lineno)
filters = []
defaultaction = "default"
onceregistry = {}
_actions = ("error", "ignore", "always", "default", "module", "once")
_version = [1]


def _filters_mutated():
    _version[0] += 1


def _add_filter(item, append):
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _filters_mutated()


def _check_action(action):
    if action not in _actions:
        raise AssertionError("invalid action: %r" % (action,))


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    _check_action(action)
    if not isinstance(message, str):
        raise TypeError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise TypeError("module must be a string")
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    msg_re = None
    mod_re = None
    if message or module:
        import re
        if message:
            msg_re = re.compile(message, re.I)
        if module:
            mod_re = re.compile(module)
    _add_filter((action, msg_re, category, mod_re, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry (no message or module condition)."""
    _check_action(action)
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    del filters[:]
    _filters_mutated()


def _default_filters():
    filters.append(("default", None, DeprecationWarning, "__main__", 0))
    filters.append(("ignore", None, DeprecationWarning, None, 0))
    filters.append(("ignore", None, PendingDeprecationWarning, None, 0))
    filters.append(("ignore", None, ImportWarning, None, 0))
    filters.append(("ignore", None, ResourceWarning, None, 0))


_default_filters()


class WarningMessage(object):
    """One warning, as catch_warnings(record=True) records it."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning() writes: 'file:line: Category: message' and
    the stripped source line."""
    return _pypool_warnings.format(filename, lineno, category.__name__,
                                   str(message), line)


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename,
                             msg.lineno, msg.line)
    return _pypool_warnings.format(msg.filename, msg.lineno,
                                   msg.category.__name__, str(msg.message),
                                   msg.line)


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to a file (sys.stderr by default)."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    f = msg.file
    if f is None:
        f = sys.stderr
        if f is None:
            return
    text = _formatwarnmsg(msg)
    try:
        f.write(text)
    except OSError:
        pass


def _showwarnmsg(msg):
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno,
                    msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text) is not None


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    """Issue a warning at an explicit location."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _version[0]:
        registry.clear()
        registry["version"] = _version[0]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    action = defaultaction
    for item in filters:
        if (_matches(item[1], text) and issubclass(category, item[2])
                and _matches(item[3], module)
                and (item[4] == 0 or item[4] == lineno)):
            action = item[0]
            break
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        if onceregistry.get((text, category)):
            return
        onceregistry[(text, category)] = 1
    elif action == "module":
        registry[key] = 1
        if registry.get((text, category, 0)):
            return
        registry[(text, category, 0)] = 1
    elif action == "default":
        registry[key] = 1
    elif action != "always":
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s"
                           % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None,
                                None, source))


def warn(message, category=None, stacklevel=1, source=None, _pypool_at=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    if _pypool_at is None:
        # no call site known (the call was not written warn(...)): CPython's
        # answer when the stack is shallower than stacklevel
        filename, lineno, globals_ = "sys", 1, _sys_globals
    else:
        filename, lineno, globals_ = _pypool_at
    module = globals_.get("__name__", "<string>")
    registry = globals_.get("__warningregistry__")
    if registry is None:
        registry = {}
        globals_["__warningregistry__"] = registry
    warn_explicit(message, category, filename, lineno, module, registry,
                  globals_, source)


_sys_globals = {"__name__": "sys"}


class catch_warnings(object):
    """Save the warnings filters and showwarning() on entry and restore them
    on exit; with record=True, __enter__ returns the list the warnings are
    appended to instead of being shown."""

    def __init__(self, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = __import__("warnings") if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not __import__("warnings"):
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        m = self._module
        self._filters = list(m.filters)
        self._showwarning = m.showwarning
        self._showwarnmsg_impl = m._showwarnmsg_impl
        m._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            m._showwarnmsg_impl = log.append
            m.showwarning = m._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        m = self._module
        m.filters[:] = self._filters
        m._filters_mutated()
        m.showwarning = self._showwarning
        m._showwarnmsg_impl = self._showwarnmsg_impl
        return None
