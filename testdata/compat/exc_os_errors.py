# OSErrors of os functions: the errno's subclass, errno, [Errno N] text and filename.
import os
for f in (lambda: os.remove('/nonexistent/x'), lambda: os.listdir('/nonexistent'), lambda: os.mkdir('/tmp'), lambda: os.rmdir('/nonexistent'), lambda: os.chdir('/nonexistent'), lambda: os.path.getsize('/nonexistent')):
    try:
        f()
        print('ok')
    except OSError as e:
        print(type(e).__name__, e.errno, e)
