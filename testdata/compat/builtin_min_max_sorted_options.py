words = ['kiwi', 'fig', 'banana']
print(min(words, key=len), max(words, key=len), max([], default='empty'), min(3, 7), sorted(words, key=str.upper, reverse=True), max('a', 'B', key=str.lower))
