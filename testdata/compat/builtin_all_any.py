print(all([]), any([]), all([1, 'a']), any([0, '', None]), all(x > 0 for x in [1, 2]), any(c.isdigit() for c in 'ab3'))
