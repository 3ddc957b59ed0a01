package main

import "fmt"

type Reader interface {
	Read() string
}

type Writer interface {
	Write(s string) int
}

type ReadWriter interface {
	Reader
	Writer
}

type Closer interface{ Close() error }

type ReadWriteCloser interface {
	ReadWriter
	Closer
}

type Buffer struct {
	data   []string
	closed bool
}

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

func (b *Buffer) Close() error {
	b.closed = true
	return nil
}

func use(rw ReadWriter) {
	rw.Write("hello")
	rw.Write("world")
	fmt.Println(rw.Read())
}

func main() {
	b := &Buffer{}
	use(b)
	var r Reader = b
	fmt.Println(r.Read())
	var rwc ReadWriteCloser = b
	var w Writer = rwc
	fmt.Println(w.Write("abc"), rwc.Close(), b.closed)
	rw := ReadWriter(rwc)
	fmt.Println(rw.Read())
	if c, ok := r.(Closer); ok {
		fmt.Println("reader is also closer:", c.Close())
	}
	_, ok := interface{}(42).(Reader)
	fmt.Println(ok)
}
