class Rec:
    def __init__(self):
        self.a = 1
        self.b = 'two'
r = Rec()
print(vars(r), r.__dict__, sorted(k for k in dir(r) if not k.startswith('_')))
r.__dict__['c'] = 3
print(r.c)
