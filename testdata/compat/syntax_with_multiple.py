class Res:
    def __init__(self, name):
        self.name = name
        self.closed = False
    def __enter__(self):
        print('open', self.name)
        return self
    def __exit__(self, *exc):
        print('close', self.name)
        self.closed = True
        return False
with Res('a') as f, Res('b') as g:
    print('using', f.name, g.name)
print(f.closed, g.closed)
