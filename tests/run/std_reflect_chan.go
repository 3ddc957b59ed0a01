// reflect's channel operations: Send/TrySend/Recv/TryRecv, MakeChan, Close, Select with default and send cases, a goroutine hand-off, send on a closed channel (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
)

func main() {
	ch := make(chan int, 2)
	v := reflect.ValueOf(ch)
	v.Send(reflect.ValueOf(1))
	fmt.Println(v.TrySend(reflect.ValueOf(2)), v.TrySend(reflect.ValueOf(3)), v.Len())
	x, ok := v.Recv()
	fmt.Println(x.Int(), ok)
	x, ok = v.TryRecv()
	fmt.Println(x.Int(), ok)
	x, ok = v.TryRecv()
	fmt.Println(x.IsValid(), ok)

	mc := reflect.MakeChan(reflect.TypeOf(make(chan string)), 1)
	mc.Send(reflect.ValueOf("hello"))
	s, ok := mc.Recv()
	fmt.Println(s.String(), ok, mc.Cap())
	mc.Close()
	s, ok = mc.Recv()
	fmt.Printf("%q %v\n", s.String(), ok)

	a := make(chan int, 1)
	b := make(chan string, 1)
	b <- "from b"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)},
	}
	i, rv, rok := reflect.Select(cases)
	fmt.Println(i, rv, rok)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectDefault})
	i, rv, rok = reflect.Select(cases)
	fmt.Println(i, rv.IsValid(), rok)
	cases = []reflect.SelectCase{
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a), Send: reflect.ValueOf(42)},
		{Dir: reflect.SelectDefault},
	}
	i, _, _ = reflect.Select(cases)
	fmt.Println(i, <-a)

	done := make(chan bool)
	go func() {
		v := reflect.ValueOf(done)
		v.Send(reflect.ValueOf(true))
	}()
	r, _ := reflect.ValueOf(done).Recv()
	fmt.Println("goroutine sent", r.Bool())

	defer func() { fmt.Println("recovered:", recover()) }()
	cl := make(chan int)
	close(cl)
	reflect.ValueOf(cl).Send(reflect.ValueOf(1))
}
