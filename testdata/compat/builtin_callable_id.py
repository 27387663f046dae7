def f(): pass
class C: pass
a = [1]
b = a
print(callable(f), callable(C), callable(C()), callable(len), callable(1), id(a) == id(b), a is b, [1] is [1], isinstance(id(a), int))
