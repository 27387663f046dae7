class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s, len(s), s.peek(), s.pop(), isinstance(s, list))
class Config(dict):
    def __missing__(self, key):
        return f'default-{key}'
c = Config(a=1)
print(c['a'], c['zz'])
