class Registry:
    items = []
    count = 0
    def __init__(self, name):
        Registry.items.append(name)
        Registry.count += 1
Registry('a'); Registry('b')
print(Registry.items, Registry.count, Registry('c').count)
