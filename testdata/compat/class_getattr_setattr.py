class Dyn:
    def __getattr__(self, name):
        return f'<{name}>'
d = Dyn()
d.real = 1
setattr(d, 'other', 2)
print(d.real, d.other, d.missing, getattr(d, 'x'), hasattr(d, 'anything'))
delattr(d, 'real')
print(d.real)
