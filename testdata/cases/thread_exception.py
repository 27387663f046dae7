# An exception in a threading.Thread is printed ("Exception in thread ..."); the program goes on.
import threading

def bad():
    raise ValueError('thread boom')

t = threading.Thread(target=bad, name='worker-1')
t.start()
t.join()
print('main continues', t.is_alive())
