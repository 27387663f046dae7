import random
r = random.Random(123)
print(r.random(), r.randint(0, 9), r.choice([10, 20, 30]))
print(random.Random(5).random() == random.Random(5).random())
