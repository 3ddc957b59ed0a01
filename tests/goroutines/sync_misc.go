// sync.Map, sync.Pool, atomic counters and WaitGroup.Go across goroutines.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	var n atomic.Int64
	for i := 0; i < 20; i++ {
		wg.Go(func() {
			m.Store(i%5, i)
			n.Add(int64(i))
		})
	}
	wg.Wait()
	keys := []int{}
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(int))
		return true
	})
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	fmt.Println(keys, n.Load())
	v, ok := m.Load(3)
	fmt.Println(v != nil, ok)
	actual, loaded := m.LoadOrStore(9, "nine")
	fmt.Println(actual, loaded)

	p := sync.Pool{New: func() any { return new([64]byte) }}
	b := p.Get().(*[64]byte)
	b[0] = 7
	p.Put(b)
	fmt.Println(len(p.Get().(*[64]byte)))
}
