import random
random.seed(7)
xs = list(range(10))
random.shuffle(xs)
print(xs, random.sample(range(100), 5), random.choices('ab', k=4), random.randrange(0, 100, 5))
