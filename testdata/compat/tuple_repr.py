print((1,), (), ((1,),), (1, 'a', None), tuple([1]), tuple('ab'))
x = 5,
print(x, type(x).__name__)
