stock = {'apples': 3, 'pears': 0, 'plums': 5}
for name in stock:
    print(name, end=' ')
print()
for name, qty in stock.items():
    if qty:
        print(f'{name}: {qty}')
print(sum(stock.values()), [k for k, v in stock.items() if not v])
