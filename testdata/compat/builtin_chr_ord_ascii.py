print(chr(65), ord('a'), chr(20013), ord('进'), ascii('é进'), repr(chr(0)))
