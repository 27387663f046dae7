"""Data classes, as CPython 3.11's dataclasses module behaves: @dataclass
(init, repr, eq, order, frozen, unsafe_hash), field(), fields(), asdict(),
astuple(), replace(), is_dataclass(), __post_init__.

The generated methods are generic functions over the class's fields (no
source is generated), so their signatures read (self, *args, **kwargs)."""

import _pypool_classes

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "fields",
           "asdict", "astuple", "replace", "is_dataclass", "MISSING"]


class _MissingType(object):
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen dataclass instance."""


class Field(object):
    """One field of a dataclass, as field() describes it."""

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,"
                "repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r)"
                % (self.name, self.type, self.default, self.default_factory,
                   self.init, self.repr, self.hash, self.compare,
                   self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a field: default, default_factory, init, repr, compare, …"""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in definition order."""
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in fs.values())


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_instance(obj):
    return not isinstance(obj, type) and is_dataclass(obj)


def _convert(obj, as_dict, factory):
    # (plain loops and no closures: gpython mixes up a comprehension's free
    # variables in a closure that also owns cells)
    if _is_instance(obj):
        items = []
        for f in fields(obj):
            v = _convert(getattr(obj, f.name), as_dict, factory)
            items.append((f.name, v) if as_dict else v)
        return factory(items)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        vals = []
        for v in obj:
            vals.append(_convert(v, as_dict, factory))
        return type(obj)(*vals)
    if isinstance(obj, (list, tuple)):
        vals = []
        for v in obj:
            vals.append(_convert(v, as_dict, factory))
        return type(obj)(vals)
    if isinstance(obj, dict):
        items = []
        for k, v in obj.items():
            items.append((_convert(k, as_dict, factory),
                          _convert(v, as_dict, factory)))
        return type(obj)(items)
    return obj


def asdict(obj, *, dict_factory=dict):
    """The instance's fields as a dict (recursing into dataclasses,
    lists, tuples and dicts)."""
    if not _is_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, True, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """The instance's field values as a tuple (recursing)."""
    if not _is_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, False, tuple_factory)


def replace(obj, **changes):
    """A new instance with some fields changed."""
    if not _is_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it "
                                 "cannot be specified with replace()" % f.name)
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def _field_values(self, which):
    out = []
    for f in which:
        out.append(getattr(self, f.name))
    return tuple(out)


def _make_init(cls, flds, frozen, has_post_init):
    init_fields = [f for f in flds if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    kw_only = [f for f in init_fields if f.kw_only]
    name = cls.__qualname__
    init_names = [f.name for f in init_fields]

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            raise TypeError("%s.__init__() takes %d positional arguments but "
                            "%d were given" % (name, len(positional) + 1,
                                               len(args) + 1))
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k in values:
                raise TypeError("%s.__init__() got multiple values for "
                                "argument '%s'" % (name, k))
            if k not in init_names:
                raise TypeError("%s.__init__() got an unexpected keyword "
                                "argument '%s'" % (name, k))
            values[k] = v
        _check_missing(name, positional, values, "positional")
        _check_missing(name, kw_only, values, "keyword-only")
        for f in flds:
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        if has_post_init:
            self.__post_init__()
    return __init__


def _check_missing(name, flds, values, kind):
    # (plain loops: gpython mixes up a comprehension's free variables in a
    # closure that also owns cells)
    missing = []
    for f in flds:
        if (f.name not in values and f.default is MISSING
                and f.default_factory is MISSING):
            missing.append(f.name)
    if missing:
        _missing_error(name, missing, "positional" if kind == "positional"
                       else kind)


def _missing_error(name, missing, kind):
    quoted = ["'%s'" % m for m in missing]
    if len(quoted) == 1:
        listed = quoted[0]
    elif len(quoted) == 2:
        listed = quoted[0] + " and " + quoted[1]
    else:
        listed = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
    raise TypeError("%s.__init__() missing %d required %s argument%s: %s"
                    % (name, len(missing), kind,
                       "" if len(missing) == 1 else "s", listed))


def _make_repr(flds):
    shown = [f for f in flds if f.repr]

    def __repr__(self):
        parts = []
        for f in shown:
            parts.append("%s=%r" % (f.name, getattr(self, f.name)))
        return "%s(%s)" % (type(self).__qualname__, ", ".join(parts))
    return __repr__


def _compare_fields(flds):
    return [f for f in flds if f.compare]


def _make_eq(flds):
    cmp = _compare_fields(flds)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return _field_values(self, cmp) == _field_values(other, cmp)
    return __eq__


def _compare(a, b):
    # tuples compared item by item (gpython's < takes no tuples)
    for x, y in zip(a, b):
        if x == y:
            continue
        return -1 if x < y else 1
    return 0


def _make_order(flds, op):
    cmp = _compare_fields(flds)

    def compare(self, other):
        if type(other) is not type(self):
            return NotImplemented
        c = _compare(_field_values(self, cmp), _field_values(other, cmp))
        if op == "<":
            return c < 0
        if op == "<=":
            return c <= 0
        if op == ">":
            return c > 0
        return c >= 0
    return compare


def _make_hash(flds):
    hashed = [f for f in flds if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(_field_values(self, hashed))
    return __hash__


def _frozen_setattr(self, name, value):
    if name in type(self).__dataclass_fields__:
        raise FrozenInstanceError("cannot assign to field '%s'" % name)
    object.__setattr__(self, name, value)


def _frozen_delattr(self, name):
    if name in type(self).__dataclass_fields__:
        raise FrozenInstanceError("cannot delete field '%s'" % name)
    object.__delattr__(self, name)


def _defines(cls, name):
    """Whether the class body itself defines name (pypool copies inherited
    dunders into a class's __dict__: those do not count)."""
    v = cls.__dict__.get(name, MISSING)
    if v is MISSING:
        return False
    for b in cls.__mro__[1:]:
        if b.__dict__.get(name, MISSING) is v:
            return False
    return True


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    flds = {}
    for b in reversed(cls.__mro__[1:]):
        base_fields = b.__dict__.get("__dataclass_fields__")
        if base_fields:
            for f in base_fields.values():
                flds[f.name] = f
    ann = cls.__dict__.get("__annotations__", {})
    for name, tp in ann.items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError("mutable default %s for field %s is not "
                                 "allowed: use default_factory"
                                 % (type(default), name))
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(default, Field):
            if f.default is MISSING:
                if name in cls.__dict__:
                    delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        flds[name] = f
    seen_default = None
    for f in flds.values():
        if not f.init or f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = f
        elif seen_default is not None:
            raise TypeError("non-default argument '%s' follows default "
                            "argument" % f.name)
    cls.__dataclass_fields__ = flds
    all_fields = list(flds.values())
    if init:
        cls.__init__ = _make_init(cls, all_fields, frozen,
                                  hasattr(cls, "__post_init__"))
    if repr and not _defines(cls, "__repr__"):
        cls.__repr__ = _make_repr(all_fields)
    if eq and not _defines(cls, "__eq__"):
        cls.__eq__ = _make_eq(all_fields)
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"),
                         ("__ge__", ">=")):
            if _defines(cls, name):
                raise TypeError("Cannot overwrite attribute %s in class %s. "
                                "Consider using functools.total_ordering"
                                % (name, cls.__name__))
            setattr(cls, name, _make_order(all_fields, op))
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = _make_hash(all_fields)
    elif eq and not _defines(cls, "__hash__"):
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in all_fields if f.init)
    if frozen:
        # last: gpython then routes assignments to the class through it too
        cls.__delattr__ = _frozen_delattr
        cls.__setattr__ = _frozen_setattr
    _pypool_classes.refresh(cls)
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False):
    """Add __init__, __repr__, __eq__ (and with order=True the comparisons,
    with frozen=True read-only fields and __hash__) from the annotations."""
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen,
                              kw_only)
    if cls is None:
        return wrap
    return wrap(cls)
