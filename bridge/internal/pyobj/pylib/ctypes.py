"""ctypes, as far as pypool has it: the scalar types (c_int, c_double,
c_char, c_bool, ...), their values and sizeof. They are what
multiprocessing.Value, Array, RawValue and RawArray take as
typecode_or_type (shared memory is multiprocessing's, not these objects').
Pointers, Structure, Union, arrays and foreign functions are not built."""


class _SimpleCData:
    _type_ = None
    _size_ = 0

    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError('__init__ expected at most 1 argument, got %d' % len(args))
        self.value = args[0] if args else self._default()

    def _default(self):
        return 0

    def _convert(self, v):
        return v

    def __setattr__(self, name, v):
        if name == 'value':
            v = self._convert(v)
        object.__setattr__(self, name, v)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.value)


def _integer(name, code, size, signed):
    bits = size * 8

    def convert(self, v):
        if isinstance(v, bool):
            v = int(v)
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        v &= (1 << bits) - 1
        if signed and v >= 1 << (bits - 1):
            v -= 1 << bits
        return v

    return type(name, (_SimpleCData,), {'_type_': code, '_size_': size, '_convert': convert})


c_byte = _integer('c_byte', 'b', 1, True)
c_ubyte = _integer('c_ubyte', 'B', 1, False)
c_short = _integer('c_short', 'h', 2, True)
c_ushort = _integer('c_ushort', 'H', 2, False)
c_int = _integer('c_int', 'i', 4, True)
c_uint = _integer('c_uint', 'I', 4, False)
c_long = _integer('c_long', 'l', 8, True)
c_ulong = _integer('c_ulong', 'L', 8, False)
c_longlong = c_long
c_ulonglong = c_ulong
c_size_t = c_ulong
c_ssize_t = c_long
c_int8, c_uint8 = c_byte, c_ubyte
c_int16, c_uint16 = c_short, c_ushort
c_int32, c_uint32 = c_int, c_uint
c_int64, c_uint64 = c_long, c_ulong


class c_float(_SimpleCData):
    _type_ = 'f'
    _size_ = 4

    def _default(self):
        return 0.0

    def _convert(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        return float(v)


class c_double(c_float):
    _type_ = 'd'
    _size_ = 8


class c_bool(_SimpleCData):
    _type_ = '?'
    _size_ = 1

    def _default(self):
        return False

    def _convert(self, v):
        return bool(v)


class c_char(_SimpleCData):
    _type_ = 'c'
    _size_ = 1

    def _default(self):
        return b'\x00'

    def _convert(self, v):
        if isinstance(v, int) and 0 <= v < 256:
            return bytes([v])
        if isinstance(v, (bytes, bytearray)) and len(v) == 1:
            return bytes(v)
        raise TypeError('one character bytes, bytearray or integer expected')


class c_wchar(_SimpleCData):
    _type_ = 'u'
    _size_ = 4

    def _default(self):
        return '\x00'

    def _convert(self, v):
        if isinstance(v, str) and len(v) == 1:
            return v
        raise TypeError('one character unicode string expected')


def sizeof(obj):
    """The size in bytes of a ctypes type or instance."""
    t = obj if isinstance(obj, type) else type(obj)
    if isinstance(t, type) and issubclass(t, _SimpleCData) and t._size_:
        return t._size_
    raise TypeError('this type has no size')


def _not_built(name):
    def f(*args, **kwargs):
        raise NotImplementedError('ctypes.%s is not available in pypool' % name)
    f.__name__ = name
    return f


for _name in ('Structure', 'Union', 'POINTER', 'pointer', 'CDLL', 'cdll', 'byref', 'cast',
              'c_char_p', 'c_wchar_p', 'c_void_p', 'c_longdouble', 'create_string_buffer'):
    globals()[_name] = _not_built(_name)
del _name
