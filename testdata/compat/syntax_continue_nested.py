out = []
for i in range(4):
    if i % 2:
        continue
    for j in range(3):
        if j == 2:
            break
        out.append((i, j))
print(out)
