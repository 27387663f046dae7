text = 'one\ntwo\r\nthree\n\nfive'
print(text.splitlines())
print(text.splitlines(True))
print(len(text.split('\n')))
