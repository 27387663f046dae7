class Widget:
    pass
w = Widget()
print(type(w).__name__, Widget.__name__, w.__class__.__name__, type(w) is Widget, type(3).__name__, type([]).__name__, Widget.__qualname__, Widget.__module__)
