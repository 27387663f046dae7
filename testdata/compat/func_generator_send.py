def acc():
    total = 0
    while True:
        x = yield total
        total += x
g = acc()
next(g)
print(g.send(5), g.send(10))
g.close()
