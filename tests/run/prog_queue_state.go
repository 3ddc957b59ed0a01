package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Paused
	Done
)

var names = map[State]string{Idle: "Idle", Running: "Running", Paused: "Paused", Done: "Done"}

func (s State) String() string { return names[s] }

type Event string

type Machine struct {
	state State
	trans map[State]map[Event]State
	hist  []State
}

func NewMachine() *Machine {
	return &Machine{
		state: Idle,
		trans: map[State]map[Event]State{
			Idle:    {"start": Running},
			Running: {"pause": Paused, "finish": Done},
			Paused:  {"resume": Running, "finish": Done},
		},
	}
}

func (m *Machine) Fire(e Event) bool {
	next, ok := m.trans[m.state][e]
	if !ok {
		return false
	}
	m.hist = append(m.hist, m.state)
	m.state = next
	return true
}

type IntQueue struct {
	items []int
	head  int
}

func (q *IntQueue) Push(v int) { q.items = append(q.items, v) }
func (q *IntQueue) Pop() (int, bool) {
	if q.head >= len(q.items) {
		return 0, false
	}
	v := q.items[q.head]
	q.head++
	return v, true
}
func (q *IntQueue) Len() int { return len(q.items) - q.head }

func main() {
	m := NewMachine()
	for _, e := range []Event{"pause", "start", "pause", "start", "resume", "finish", "start"} {
		ok := m.Fire(e)
		fmt.Printf("%-7s ok=%-5t state=%v\n", e, ok, m.state)
	}
	fmt.Println(m.hist)
	var q IntQueue
	for i := 1; i <= 5; i++ {
		q.Push(i * i)
	}
	for q.Len() > 2 {
		v, _ := q.Pop()
		fmt.Print(v, " ")
	}
	_, ok := q.Pop()
	fmt.Println(q.Len(), ok)
	// BFS on a small graph
	graph := map[int][]int{1: {2, 3}, 2: {4}, 3: {4, 5}, 4: {6}, 5: {6}, 6: {}}
	dist := map[int]int{1: 0}
	var bq IntQueue
	bq.Push(1)
	for bq.Len() > 0 {
		n, _ := bq.Pop()
		for _, nb := range graph[n] {
			if _, seen := dist[nb]; !seen {
				dist[nb] = dist[n] + 1
				bq.Push(nb)
			}
		}
	}
	fmt.Println(dist)
}
