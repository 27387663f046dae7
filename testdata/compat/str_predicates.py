for s in ['123', 'abc', 'a1', '   ', 'ABC', 'abc', 'Title Case', 'var_1', '1var', '²', '']:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isnumeric(), s.isdecimal())
