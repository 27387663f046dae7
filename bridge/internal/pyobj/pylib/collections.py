"""collections for pypool: Counter, defaultdict, OrderedDict, namedtuple, deque, ChainMap."""

import sys as _sys


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        _factories[id(self)] = default_factory

    @property
    def default_factory(self):
        return _factories.get(id(self))

    def __missing__(self, key):
        f = _factories.get(id(self))
        if f is None:
            raise KeyError(key)
        value = f()
        self[key] = value
        return value

    def __repr__(self):
        f = _factories.get(id(self))
        return "defaultdict(%r, %s)" % (f, dict.__repr__(self))

    def copy(self):
        return defaultdict(_factories.get(id(self)), self)


_factories = {}


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_count_key, reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) + count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    def __repr__(self):
        if not self:
            return "Counter()"
        items = ", ".join("%r: %r" % kv for kv in self.most_common())
        return "Counter({%s})" % items

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result


def _count_key(item):
    return item[1]


class OrderedDict(dict):
    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self.items()),)

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            for k, v in items:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return (key, self.pop(key))

    def copy(self):
        return OrderedDict(self)


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items = []

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[-n:] + self._items[:-n]

    def count(self, x):
        return self._items.count(x)

    def remove(self, x):
        self._items.remove(x)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self.maxlen)

    def index(self, x, *args):
        return self._items.index(x, *args)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)


def _nt_init(self, *args, **kwargs):
    fields = self._fields
    nfields = len(fields)
    typename = type(self).__name__
    if len(args) > nfields:
        raise TypeError("%s() takes %d positional arguments but %d were given" % (typename, nfields + 1, len(args) + 1))
    values = list(args)
    for name in fields[len(args):]:
        if name in kwargs:
            values.append(kwargs.pop(name))
        elif name in self._field_defaults:
            values.append(self._field_defaults[name])
        else:
            raise TypeError("%s() missing 1 required positional argument: '%s'" % (typename, name))
    if kwargs:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (typename, list(kwargs)[0]))
    self._tuple = tuple(values)
    for name, value in zip(fields, values):
        setattr(self, name, value)


def _nt_repr(self):
    return type(self).__name__ + "(" + ", ".join("%s=%r" % (n, v) for n, v in zip(self._fields, self._tuple)) + ")"


def _nt_iter(self):
    return iter(self._tuple)


def _nt_len(self):
    return len(self._tuple)


def _nt_getitem(self, i):
    return self._tuple[i]


def _nt_contains(self, x):
    return x in self._tuple


def _nt_asdict(self):
    return dict(zip(self._fields, self._tuple))


def _nt_replace(self, **kwargs):
    values = [kwargs.pop(n, v) for n, v in zip(self._fields, self._tuple)]
    if kwargs:
        raise ValueError("Got unexpected field names: %r" % list(kwargs))
    return type(self)(*values)


def _nt_count(self, x):
    return self._tuple.count(x)


def _nt_index(self, x):
    return self._tuple.index(x)


def _nt_values(x):
    if isinstance(x, tuple) and hasattr(x, "_tuple"):
        return x._tuple
    return x


def _nt_eq(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return self._tuple == other


def _nt_ne(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return self._tuple != other


def _nt_cmp(a, b):
    for x, y in zip(a, b):
        if x != y:
            return -1 if x < y else 1
    if len(a) == len(b):
        return 0
    return -1 if len(a) < len(b) else 1


def _nt_lt(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return _nt_cmp(self._tuple, other) < 0


def _nt_le(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return _nt_cmp(self._tuple, other) <= 0


def _nt_gt(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return _nt_cmp(self._tuple, other) > 0


def _nt_ge(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return _nt_cmp(self._tuple, other) >= 0


def _nt_hash(self):
    return hash(self._tuple)


def _nt_add(self, other):
    other = _nt_values(other)
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(list(self._tuple) + list(other))


def _nt_radd(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(list(other) + list(self._tuple))


def _nt_mul(self, n):
    return self._tuple * n


def _nt_make(cls, iterable):
    return cls(*iterable)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(str(f) for f in field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    ns = {
        "__init__": _nt_init, "__repr__": _nt_repr, "__iter__": _nt_iter, "__len__": _nt_len,
        "__getitem__": _nt_getitem, "__contains__": _nt_contains, "_asdict": _nt_asdict,
        "_replace": _nt_replace, "count": _nt_count, "index": _nt_index, "_make": classmethod(_nt_make),
        "__eq__": _nt_eq, "__ne__": _nt_ne, "__lt__": _nt_lt, "__le__": _nt_le, "__gt__": _nt_gt,
        "__ge__": _nt_ge, "__hash__": _nt_hash, "__add__": _nt_add, "__radd__": _nt_radd,
        "__mul__": _nt_mul, "__rmul__": _nt_mul,
        "_fields": fields, "_field_defaults": field_defaults,
        "__module__": module if module is not None else _caller_module(),
    }
    return _make_class(typename, ns)


def _caller_module():
    return "__main__"


def _make_class(name, ns):
    return type(name, (tuple,), ns)


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        del self.maps[0][key]

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for m in reversed(self.maps):
            d.update(dict.fromkeys(m))
        return iter(d)

    def keys(self):
        return list(iter(self))

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def new_child(self, m=None):
        return ChainMap(m if m is not None else {}, *self.maps)

    def __repr__(self):
        return "ChainMap(%s)" % ", ".join(repr(m) for m in self.maps)


class UserDict(dict):
    pass
