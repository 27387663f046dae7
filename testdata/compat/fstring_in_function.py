def label(i, total):
    return f'[{i:>{len(str(total))}}/{total}]'
for i in (1, 10, 100):
    print(label(i, 100))
