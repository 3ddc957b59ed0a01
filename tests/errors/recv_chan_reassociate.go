package main

// `<-` before a channel type re-associates as gc's parser does: `<-chan<-chan int` is
// `<-chan (<-chan int)`; `<-<-chan int` and `<-chan<-int` are syntax errors, reported as
// for the same types in a type declaration.

func main() {
	var c <-chan <-chan int
	_ = c
	_ = (<-chan<-chan int)(nil)
	type _ <-<-chan int
	<-<-chan int
	type _ <-chan<-int
	<-chan<-int
}
