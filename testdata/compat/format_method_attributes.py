class P:
    def __init__(self):
        self.x = 5
        self.y = [7, 8]
p = P()
print('{0.x} {0.y[1]} {p.x:03d}'.format(p, p=p))
