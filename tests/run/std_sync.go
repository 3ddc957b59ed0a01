// GOROOT's sync and sync/atomic compiled from source: Mutex, WaitGroup, RWMutex, Cond, Once,
// Pool, Map across goroutines (semaphores and notify lists hooked into the scheduler), atomics
// as inline Cranelift atomic instructions.

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	var n atomic.Int64
	var c int32
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				total += j
				mu.Unlock()
				n.Add(1)
				atomic.AddInt32(&c, 2)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(total, n.Load(), atomic.LoadInt32(&c))
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once") })
	}
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() {
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
			done <- true
		}()
	}
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	for i := 0; i < 3; i++ {
		<-done
	}
	fmt.Println("cond ok")
	var p sync.Pool
	p.New = func() any { return new(int) }
	x := p.Get().(*int)
	*x = 7
	p.Put(x)
	fmt.Println(*p.Get().(*int))
	var m sync.Map
	m.Store("a", 1)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	var v2 atomic.Value
	v2.Store("hello")
	fmt.Println(v2.Load(), atomic.CompareAndSwapInt32(&c, 10000, 1), c)
	var u atomic.Uint32
	u.Store(5)
	fmt.Println(u.Swap(6), u.Load(), u.CompareAndSwap(6, 7), u.Load(), u.Or(8), u.And(3), u.Load())
}
