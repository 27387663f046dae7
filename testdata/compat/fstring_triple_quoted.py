who = 'world'
n = 2
text = f"""hello {who}
line {n}:
  {n ** 10}"""
print(text)
