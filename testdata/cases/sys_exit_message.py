# sys.exit('message') prints the message on stderr and exits 1; SystemExit can be caught.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught', e.code)
raise SystemExit('fatal: giving up')
