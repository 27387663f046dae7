import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice('abcdef'))
r = random.Random(7)
print(r.getrandbits(40), r.uniform(1, 2))
