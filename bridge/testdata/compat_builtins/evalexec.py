x = 10
def f():
    y = 5
    print(eval('x + y'), eval('y * 2', {'y': 7}))
    exec('z = y + 1')
    print(sorted(k for k in locals()))
f()
ns = {'a': 1}
exec('b = a + 1\nc = b * 2\ndef g():\n    return c + d', ns)
ns['d'] = 100
exec('d = 3', ns)
print(ns['g'](), sorted(k for k in ns if k != '__builtins__'), list(ns)[:1], list(ns)[1:])
exec('del a', ns)
print('a' in ns)
try:
    eval('1 +', {})
except SyntaxError as e:
    print('SyntaxError')
try:
    exec('raise ValueError("v")', ns)
except ValueError as e:
    print('ValueError', e)
try:
    eval('q', {})
except NameError as e:
    print('NameError', e)
print(eval('  3 * 3'))
print(eval('w', {'w': 1}, {'w': 2}))
loc = {}
exec('r = 5', {}, loc)
print(loc)
class C:
    exec('k = 7')
print(C.k)
e2 = eval
print(e2('1+1'))
code = compile('x * 3', '<s>', 'eval')
print(eval(code), eval(code, {'x': 2}))
try:
    eval('1', [])
except TypeError as e:
    print('TypeError', e)
print(eval(b'2+2'))
g = {}
exec('import math\nv = math.floor(2.5)', g)
print(g['v'])
print(eval("[i*i for i in range(3)]", {}))
print(eval("{i: i for i in range(2)}"))
