ratio = 0.256
big = 1234567.891
print(f'{ratio:.1%} {ratio:%} {big:,.2f} {big:_.1f} {1e6:,.0f}')
