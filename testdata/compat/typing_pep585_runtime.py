results: dict[int, bool] = {}
results[1] = True
names: list[str] = ['a']
count: int = 0
print(results, names, count)
print(list[int], dict[str, list[int]], tuple[int, ...])
