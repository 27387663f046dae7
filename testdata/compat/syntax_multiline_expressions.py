total = (1 +
         2 +
         3)
items = [
    'a',
    'b',
]
call = max(
    1,
    5,
)
print(total, items, call, \
      'continued')
