ns = {}
exec('x = 6 * 7\ndef f(y):\n    return y + x', ns)
print(ns['x'], ns['f'](1), eval('1 + 2'), eval('a * 2', {'a': 21}))
code = compile('z = 5', '<string>', 'exec')
exec(code, ns)
print(ns['z'])
