x = None
print(x is None, x is not None, x == None, [] == [], 1 in [1], 2 not in {1})
