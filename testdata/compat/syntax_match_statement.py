def describe(cmd):
    match cmd:
        case ['go', direction]:
            return f'going {direction}'
        case ['stop']:
            return 'stopping'
        case {'n': n}:
            return f'n={n}'
        case int(x) if x > 0:
            return 'positive'
        case _:
            return 'unknown'
for c in [['go', 'north'], ['stop'], {'n': 3}, 5, 'x']:
    print(describe(c))
