class O:
    a = 1
o = O()
setattr(o, 'b', 2)
print(getattr(o, 'a'), getattr(o, 'b'), getattr(o, 'c', None), hasattr(o, 'a'), hasattr(o, 'zz'))
delattr(o, 'b')
print(hasattr(o, 'b'))
try:
    getattr(o, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
