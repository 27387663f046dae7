def weight():
    return 1
