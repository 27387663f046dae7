import sys
print("before")
sys.exit("bye")
print("after")
