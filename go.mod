module github.com/pypool/pypool

go 1.26.8
