"""typing for pypool: the common names, subscriptable, with CPython's reprs."""


class _Special:
    def __init__(self, name, args=None):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Type %s cannot be instantiated" % self._name)

    def __repr__(self):
        if self.__args__ is None:
            return "typing." + self._name
        return "typing.%s[%s]" % (self._name, ", ".join(_type_repr(a) for a in self.__args__))


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    return repr(obj)


Any = _Special("Any")
Union = _Special("Union")
Optional = _Special("Optional")
List = _Special("List")
Dict = _Special("Dict")
Set = _Special("Set")
FrozenSet = _Special("FrozenSet")
Tuple = _Special("Tuple")
Callable = _Special("Callable")
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
Generator = _Special("Generator")
Sequence = _Special("Sequence")
Mapping = _Special("Mapping")
MutableMapping = _Special("MutableMapping")
Type = _Special("Type")
Literal = _Special("Literal")
Final = _Special("Final")
ClassVar = _Special("ClassVar")
Deque = _Special("Deque")
DefaultDict = _Special("DefaultDict")
Counter = _Special("Counter")
NoReturn = _Special("NoReturn")
Awaitable = _Special("Awaitable")
AnyStr = _Special("AnyStr")
Text = str

TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type


class NamedTuple:
    """Class syntax: class P(NamedTuple): x: int; y: int = 0."""


def _namedtuple_from_class(cls):
    import collections
    ann = cls.__dict__.get("__annotations__", {})
    fields = list(ann)
    defaults = [cls.__dict__[f] for f in fields if f in cls.__dict__]
    nt = collections.namedtuple(cls.__name__, fields, defaults=defaults or None)
    for k, v in cls.__dict__.items():
        if k not in fields and not k.startswith("__") and k not in ("_fields",):
            setattr(nt, k, v)
    return nt


NamedTuple.__pp_transform__ = staticmethod(_namedtuple_from_class)
