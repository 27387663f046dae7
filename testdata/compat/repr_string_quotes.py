print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\t\nnl'), repr('\x00\x7f'), repr('é中'), repr('\\'))
print(['a\nb'], ("'",))
