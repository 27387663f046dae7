class Counter:
    step = 1

    def __init__(self, start=0):
        self.value = start

    def tick(self):
        self.value += self.step
        return self

c = Counter(5)
c.tick().tick()
print(c.value, Counter.step, c.step, hasattr(c, 'value'), getattr(c, 'missing', 'dflt'))
c.step = 10
c.tick()
print(c.value, Counter.step)
