package connection

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"github.com/pypool/pypool/pool/pyexc"
)

// The authkey handshake of CPython 3.11 (deliver_challenge /
// answer_challenge): the deliverer sends #CHALLENGE# and 20 random bytes,
// the answerer returns their HMAC-MD5 under the key, the deliverer replies
// #WELCOME# or #FAILURE#. Every message is at most 256 bytes.
const (
	challengePrefix = "#CHALLENGE#"
	welcome         = "#WELCOME#"
	failure         = "#FAILURE#"
	challengeLength = 20
	handshakeMax    = 256
)

// DeliverChallenge sends c's peer a challenge and checks its answer,
// failing with the *[AuthenticationError] "digest received was wrong" (the
// peer is told #FAILURE#). It blocks until the peer answers.
func DeliverChallenge(c *Conn, authkey []byte) error {
	msg := make([]byte, len(challengePrefix)+challengeLength)
	copy(msg, challengePrefix)
	if _, err := randRead(msg[len(challengePrefix):]); err != nil {
		return err
	}
	if err := c.SendBytes(msg, 0, Omitted); err != nil {
		return err
	}
	want := digest(authkey, msg[len(challengePrefix):])
	got, err := c.RecvBytes(handshakeMax)
	if err != nil {
		return err
	}
	if !hmac.Equal(got, want) {
		c.SendBytes([]byte(failure), 0, Omitted)
		return &AuthenticationError{"digest received was wrong"}
	}
	return c.SendBytes([]byte(welcome), 0, Omitted)
}

// AnswerChallenge answers the challenge c's peer sends, failing with the
// *[AuthenticationError] "digest sent was rejected", or an
// *[pyexc.AssertionError] when the peer's first message is no challenge. It
// blocks until the peer has sent its challenge and verdict.
func AnswerChallenge(c *Conn, authkey []byte) error {
	msg, err := c.RecvBytes(handshakeMax)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(msg, []byte(challengePrefix)) {
		return &pyexc.AssertionError{Msg: "message = " + bytesRepr(msg)}
	}
	if err := c.SendBytes(digest(authkey, msg[len(challengePrefix):]), 0, Omitted); err != nil {
		return err
	}
	verdict, err := c.RecvBytes(handshakeMax)
	if err != nil {
		return err
	}
	if string(verdict) != welcome {
		return &AuthenticationError{"digest sent was rejected"}
	}
	return nil
}

// randRead fills a challenge (a variable so that tests can fix it).
var randRead = rand.Read

func digest(key, msg []byte) []byte {
	h := hmac.New(md5.New, key)
	h.Write(msg)
	return h.Sum(nil)
}
