print(bin(10), hex(255), oct(8), bin(-3), hex(0), (255).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'big'))
