module github.com/pypool/pypool

go 1.26.8

require (
	github.com/go-python/gpython v0.2.0
	github.com/vmihailenco/msgpack/v5 v5.4.1
	golang.org/x/text v0.44.0
)

require github.com/vmihailenco/tagparser/v2 v2.0.0 // indirect
