class Registry:
    def __init__(self):
        self.funcs = {}
    def register(self, name):
        def deco(fn):
            self.funcs[name] = fn
            return fn
        return deco
reg = Registry()
@reg.register('double')
def double(x):
    return 2 * x
print(reg.funcs['double'](4), sorted(reg.funcs))
