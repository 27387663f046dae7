a = 1
s = (f'a={a}, '
     'plain, '

     # comment
     f'b={a + 1}')
print(s)
x = [f"{a}"
     "z", "q"]
print(x)
def g():
    raise ValueError(f"line {a}")
g()
