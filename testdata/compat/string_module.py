import string
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], string.punctuation[:5], len(string.printable))
