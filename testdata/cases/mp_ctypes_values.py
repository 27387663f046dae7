# ctypes scalar types, and multiprocessing.Value/Array/RawValue made with them.
import ctypes
from ctypes import c_int, c_double, c_bool, c_char
import multiprocessing as mp
for n in ['c_bool','c_char','c_wchar','c_byte','c_ubyte','c_short','c_ushort','c_int','c_uint','c_long','c_ulong','c_longlong','c_ulonglong','c_float','c_double','c_size_t','c_ssize_t','c_int8','c_uint8','c_int16','c_uint16','c_int32','c_uint32','c_int64','c_uint64']:
  t=getattr(ctypes,n); print(n, t.__name__, t._type_, ctypes.sizeof(t))
print(repr(ctypes.c_int()), repr(ctypes.c_char()), repr(ctypes.c_double(2)), repr(ctypes.c_bool(3)), ctypes.c_byte(300).value, ctypes.c_uint(-1).value)
try: ctypes.c_int(1.5)
except Exception as e: print(type(e).__name__, e)
try: ctypes.c_int('a')
except Exception as e: print(type(e).__name__, e)
v = mp.Value(c_double, 2.5); a = mp.Array(c_int, [1, 2]); b = mp.RawValue(c_bool, 1); ch = mp.Array(c_char, b'ab')
print(v, a[:], b, ch.value, mp.Value(ctypes.c_longlong, -5).value)
