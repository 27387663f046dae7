import random
random.seed(1)
print(random.random())
print(random.random())
random.seed(42)
print(random.randint(1, 100), random.randint(1, 100), random.choice('abcdef'), random.uniform(0, 1))
