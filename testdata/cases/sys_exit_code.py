# sys.exit(n) ends the script with status n; finally blocks run.
import sys
try:
    print('exiting')
    sys.exit(3)
finally:
    print('finally ran')
print('not reached')
