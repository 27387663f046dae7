CONSTANT = 42

def greet(name):
    return f"hello {name}"
