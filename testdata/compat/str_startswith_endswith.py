f = 'report.csv'
print(f.startswith('rep'), f.endswith(('.csv', '.tsv')), f.startswith(('x', 'y')), f.endswith('csv', 0, 6))
