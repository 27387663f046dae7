package connection_test

import (
	"fmt"
	"io"

	"github.com/pypool/pypool/pool/connection"
)

// A duplex Pipe: both ends send and receive, bytes or wire values.
func ExamplePipe() {
	a, b, err := connection.Pipe(true)
	if err != nil {
		panic(err)
	}
	defer a.Close()

	a.SendBytes([]byte("hello"), 0, connection.Omitted)
	msg, _ := b.RecvBytes(connection.Omitted)
	fmt.Printf("%s\n", msg)

	b.Send(int64(42))
	v, _ := a.Recv()
	fmt.Println(v)

	b.Close()
	_, err = a.Recv()
	fmt.Println(err == io.EOF) // Python's EOFError
	// Output:
	// hello
	// 42
	// true
}

// A Listener with an authkey and a Client that knows it.
func ExampleNewListener() {
	key := []byte("secret")
	l, err := connection.NewListener(connection.Address{Host: "localhost"}, "", 1, key)
	if err != nil {
		panic(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept() // after the handshake
			if err == connection.ErrListenerClosed {
				return
			}
			if err != nil {
				continue // e.g. a client that failed the handshake
			}
			v, _ := c.Recv()
			c.Send(fmt.Sprint("got ", v))
			c.Close()
		}
	}()

	c, err := connection.Client(l.Address(), "", key)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	c.Send("ping")
	fmt.Println(c.Recv())

	_, err = connection.Client(l.Address(), "", []byte("wrong"))
	fmt.Println(err)
	// Output:
	// got ping <nil>
	// digest sent was rejected
}
