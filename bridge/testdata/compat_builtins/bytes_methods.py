def t(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
for e in ["b'a,b,,c'.split(b',')", "b'a,b,,c'.split(b',', 1)", "b' a  b '.split()", "b'a b c'.rsplit(None, 1)", "b'x'.split('x')", "b'abcabc'.find(b'c', 3)", "b'abc'.find(99)", "b'abc'.index(b'z')", "b'abcabc'.rindex(b'b')", "b'abcabc'.count(b'bc')", "b'abc'.count(98, 2)", "b'l1\\nl2\\r\\n'.splitlines()", "b'l1\\nl2'.splitlines(True)", "b'  x '.lstrip()", "b'xxaxx'.strip(b'x')", "b'ab'.zfill(5)", "b'-1'.zfill(4)", "b'a\\tb'.expandtabs(4)", "b'abc'.removeprefix(b'a')", "b'abc'.removesuffix(b'bc')", "b'a.b.c'.rpartition(b'.')", "b'abc'.partition(b'x')", "b'aaa'.replace(b'a', b'b', 2)", "b'ab'.rjust(4, b'*')", "b'\\xff\\xe9a'.upper()", "b'hello world'.title()", "b'hELLO'.capitalize()", "b'Hello World'.istitle()", "b'abc'.islower()", "b'ABC1'.isupper()", "b''.isalpha()", "b' \\t'.isspace()", "b'\\x80'.isascii()", "b'ab12'.isalnum()", "b'abc'.translate(bytes.maketrans(b'abc', b'xyz'))", "b'abc'.translate(None, b'b')", "b'%05.1f|%-3d|%s|%x|%r' % (2.25, 7, b'by', 255, b'q')", "b'%s' % 'str'", "b'%(a)s' % {b'a': b'1'}", "b'%d%%' % 50",
          "bytearray(b'a,b').split(b',')", "bytearray(b'abc').find(b'c')", "bytearray(b'abc').upper()", "bytearray(b' x ').strip()", "bytearray(b'%d') % 3", "bytearray(b'abc').replace(b'b', b'')", "bytearray(b'ab').partition(b'a')", "bytearray(b'ab').isalpha()", "b'ab'.center(7, b'-')", "b'abc'.startswith('a')"]:
    t(e)
