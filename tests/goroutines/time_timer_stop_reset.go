// Timer.Stop/Reset with Go 1.23's synchronous timer channels: no stale value after Stop or
// Reset returns, Stop reports an expired-but-unreceived timer as stopped, len/cap are 0.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("len/cap", len(t.C), cap(t.C))
	fmt.Println("stop", t.Stop())
	fmt.Println("stop again", t.Stop())
	fmt.Println("reset", t.Reset(5*time.Millisecond))
	<-t.C
	fmt.Println("fired; stop", t.Stop())

	t2 := time.NewTimer(2 * time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("expired unreceived; stop", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}

	t3 := time.NewTimer(2 * time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("reset expired", t3.Reset(20*time.Millisecond))
	select {
	case <-t3.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}
	<-t3.C
	fmt.Println("fired after reset")

	t4 := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	select {
	case <-t4.C:
		fmt.Println("expired timer delivers on receive")
	default:
		fmt.Println("nothing")
	}
}
