class Box:
    def __init__(self, items):
        self.items = list(items)
    def __bool__(self):
        return bool(self.items)
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
print(bool(Box([])), bool(Box([1])), 2 in Box([1, 2]), list(Box('ab')), 'yes' if Box([0]) else 'no')
