v = 7
print(f'{{literal}} {{{v}}} {{}}')
