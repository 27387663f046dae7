words = ['pear', 'fig', 'apple', 'kiwi']
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1]); print(words)
nums = [5, -3, 2, -8]
nums.sort(key=abs, reverse=True); print(nums)
print(sorted([3, 1, 2], reverse=True))
