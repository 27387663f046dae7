X = 1
def hello():
    return "hi from helper"
