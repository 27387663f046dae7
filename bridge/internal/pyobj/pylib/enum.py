"""Enumerations, as CPython 3.11's enum module behaves: Enum, IntEnum,
StrEnum, auto, unique.

The metaclass EnumType is Go (bridge/internal/stdlib/enum): it calls _pp_setup_ when
an Enum subclass is made, and the class-level operations (iteration, len,
in, cls[name], cls(value), repr) call the _pp_* classmethods below.

IntEnum and StrEnum members are not int/str instances (isinstance(m, int) is
False); they compare, hash, format and do arithmetic as their values do."""

import _pypool_enum
from _pypool_enum import EnumType

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "auto",
           "unique"]

EnumMeta = EnumType

_auto_null = object()


class auto(object):
    """Instances are replaced with an appropriate value in Enum classes."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_descriptor(obj):
    return (isinstance(obj, (classmethod, staticmethod, property))
            or callable(obj) and not isinstance(obj, auto))


def _is_private(cls_name, name):
    return name.startswith("_")


class Enum(metaclass=EnumType):
    """Generic enumeration: subclass it, assigning the members in the body."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _pp_setup_(cls, order):
        names = []
        member_map = {}
        value_map = {}
        values = []
        ns = cls.__dict__
        for name in order:
            if name in member_map or name not in ns or _is_private(cls.__name__, name):
                continue
            value = ns[name]
            if _is_descriptor(value):
                continue
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(
                        name, 1, len(names), list(values))
                value = value.value
            value = cls._pp_convert_value_(value)
            existing = None
            for m in [member_map[n] for n in names]:
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                # an alias: another name for the same member
                member_map[name] = existing
                setattr(cls, name, existing)
                continue
            member = _pypool_enum.new_member(cls)
            member._name_ = name
            member._value_ = value
            init = cls.__dict__.get("__init__")
            if init is not None:
                if isinstance(value, tuple):
                    init(member, *value)
                else:
                    init(member, value)
            names.append(name)
            values.append(value)
            member_map[name] = member
            try:
                value_map[value] = member
            except TypeError:
                pass
            setattr(cls, name, member)
        cls._member_names_ = names
        cls._member_map_ = member_map
        cls._value2member_map_ = value_map
        cls.__members__ = dict(member_map)

    @staticmethod
    def _pp_convert_value_(value):
        return value

    @classmethod
    def _pp_members_(cls):
        return [cls._member_map_[n] for n in cls.__dict__.get("_member_names_", [])]

    @classmethod
    def _pp_iter_(cls):
        return iter(cls._pp_members_())

    @classmethod
    def _pp_len_(cls):
        return len(cls.__dict__.get("_member_names_", []))

    @classmethod
    def _pp_contains_(cls, obj):
        if isinstance(obj, Enum):
            return isinstance(obj, cls) and obj._name_ in cls._member_map_
        raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                        % (type(obj).__name__, type(cls).__name__))

    @classmethod
    def _pp_getitem_(cls, name):
        return cls.__dict__.get("_member_map_", {})[name]

    @classmethod
    def _pp_class_repr_(cls):
        return "<enum %r>" % cls.__name__

    # (gpython applies a decorator wrongly to a def with defaults: the
    # classmethods with defaults are wrapped after the def)
    def _pp_call_(cls, value=_auto_null, names=None, **kw):
        if "_member_names_" not in cls.__dict__ or not cls._member_names_:
            if value is _auto_null or names is None:
                raise TypeError("%s() takes a value to look up, or a name "
                                "and members to make an enum" % cls.__name__)
            return cls._pp_functional_(value, names, **kw)
        if value is _auto_null:
            raise TypeError("%s() missing 1 required positional argument: "
                            "'value'" % cls.__name__)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._pp_members_():
            if m._value_ == value:
                return m
        found = cls._missing_(value)
        if isinstance(found, cls):
            return found
        if found is not None:
            raise TypeError("error in %s._missing_: returned %r instead of "
                            "None or a valid member" % (cls.__name__, found))
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    _pp_call_ = classmethod(_pp_call_)

    def _pp_functional_(cls, name, names, module=None, qualname=None,
                        type=None, start=1):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        ns = {}
        items = []
        if names and isinstance(names[0], str):
            for i, n in enumerate(names):
                items.append((n, start + i))
        elif isinstance(names, dict):
            items = list(names.items())
        else:
            items = [tuple(p) for p in names]
        new = EnumType(name, (cls,), {"__module__": module or "__main__",
                                      "__qualname__": qualname or name})
        cls_order = []
        for n, v in items:
            setattr(new, n, v)
            cls_order.append(n)
        cls._pp_setup_(new, cls_order)
        return new

    _pp_functional_ = classmethod(_pp_functional_)

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class ReprEnum(Enum):
    """Enum whose str() and format() are its value's (IntEnum, StrEnum)."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def _value_of(x):
    return x._value_ if isinstance(x, Enum) else x


class IntEnum(ReprEnum):
    """Enum whose members are (and compare as) integers."""

    @staticmethod
    def _pp_convert_value_(value):
        return int(value)

    def __eq__(self, other):
        if isinstance(other, Enum) and not isinstance(other, IntEnum):
            return self is other
        return self._value_ == _value_of(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < _value_of(other)

    def __le__(self, other):
        return self._value_ <= _value_of(other)

    def __gt__(self, other):
        return self._value_ > _value_of(other)

    def __ge__(self, other):
        return self._value_ >= _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return self._value_ != 0

    def __add__(self, other):
        return self._value_ + _value_of(other)

    def __radd__(self, other):
        return _value_of(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _value_of(other)

    def __rsub__(self, other):
        return _value_of(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _value_of(other)

    def __rmul__(self, other):
        return _value_of(other) * self._value_

    def __floordiv__(self, other):
        return self._value_ // _value_of(other)

    def __truediv__(self, other):
        return self._value_ / _value_of(other)

    def __mod__(self, other):
        return self._value_ % _value_of(other)

    def __neg__(self):
        return -self._value_

    def __and__(self, other):
        return self._value_ & _value_of(other)

    def __or__(self, other):
        return self._value_ | _value_of(other)


class StrEnum(ReprEnum):
    """Enum whose members are (and compare as) strings."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    @staticmethod
    def _pp_convert_value_(value):
        if not isinstance(value, str):
            raise TypeError("%r is not a string" % (value,))
        return value

    def __eq__(self, other):
        if isinstance(other, Enum) and not isinstance(other, StrEnum):
            return self is other
        return self._value_ == _value_of(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __len__(self):
        return len(self._value_)

    def __add__(self, other):
        return self._value_ + _value_of(other)

    def __radd__(self, other):
        return _value_of(other) + self._value_

    def __getattr__(self, attr):
        # str methods (upper, startswith, …) on the value
        if attr.startswith("_"):
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (type(self).__name__, attr))
        return getattr(self._value_, attr)


def unique(enumeration):
    """Class decorator: raise ValueError if any value has two names."""
    dups = [name for name, m in enumeration._member_map_.items()
            if name != m._name_]
    if dups:
        raise ValueError("duplicate values found in %r: %s" % (
            enumeration, ", ".join("%s -> %s" % (a, enumeration._member_map_[a]._name_)
                                   for a in dups)))
    return enumeration
