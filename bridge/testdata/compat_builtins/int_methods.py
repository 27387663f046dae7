def t(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
exprs = """int('0x10', 16)
int(' 10 ')
(5).conjugate()
(-5).__abs__()
(6).as_integer_ratio()
(5).is_integer() if hasattr(5, 'is_integer') else 'n/a'
(255).to_bytes(1, 'big', signed=False)
(-1).to_bytes(1, 'big', signed=True)
(256).to_bytes(1, 'big')
int.from_bytes([1, 0], 'big')
int.from_bytes(b'\\x01\\x00', byteorder='little')
(3.7).__trunc__()
(3.7).__floor__() if hasattr(3.7, '__floor__') else 'n/a'
(2.5).as_integer_ratio()
float('1e500')
float('-inf')
(1e16).is_integer()
int('12', 0)
int('012', 0)
int('0o17', 0)
int('1_2', 0)
int(b' 42 ')
int(bytearray(b'7'))
float(bytearray(b'2.5'))
bool(bytearray())
complex('1e3j')
complex(' 3 ')
(3+4j).__abs__()
(1+2j).imag
complex(True, False)
int.__doc__ is not None
isinstance(True, int)
True.real
(7).numerator, (7).denominator
round(7.5), round(8.5), round(-7.5)
round(1.2345, 2)
round(12345, -2)
round(5, 2)
round(2.5, None)
type(round(2.5))
type(round(2.5, 0))
bin(0), oct(-8), hex(0)
int(float('inf'))
int(float('nan'))
int('9' * 30)
hash(10**30) == hash(10**30)
10**30 // 7
(-10**30) % 7
pow(10**30, 2, 10**9 + 7)
divmod(10**30, -7)
(2**64).bit_length()
(-(2**64)).bit_count()
sum(range(10**5))
max(1, 2.5, True)
min('b', 'a', key=str.upper)""".splitlines()
for e in exprs:
    t(e)
