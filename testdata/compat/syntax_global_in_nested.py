total = 0
def add_all(xs):
    def add(x):
        global total
        total += x
    for x in xs:
        add(x)
add_all([1, 2, 3])
print(total)
