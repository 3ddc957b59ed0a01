package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type Account struct {
	Owner   string
	Balance float64
	Tags    []string
}

func newAccount(owner string) *Account {
	return &Account{Owner: owner}
}

func deposit(a *Account, amt float64) {
	a.Balance += amt
}

func main() {
	a := newAccount("zoe")
	deposit(a, 12.5)
	(*a).Balance *= 2
	fmt.Println(a.Owner, a.Balance)
	fmt.Println(a)
	fmt.Printf("%v %+v\n", a, a)
	b := a
	b.Owner = "yann"
	fmt.Println(a.Owner)
	c := *a
	c.Owner = "xavi"
	fmt.Println(a.Owner, c.Owner)
	n := &Node{1, &Node{2, &Node{3, nil}}}
	for p := n; p != nil; p = p.Next {
		fmt.Print(p.Val, " ")
	}
	fmt.Println()
	fmt.Printf("%+v\n", *n.Next.Next)
	var np *Node
	fmt.Println(np == nil, np)
	fmt.Printf("%v %+v\n", np, np)
	ps := []*Account{{Owner: "a"}, {Owner: "b", Tags: []string{"vip"}}}
	for _, p := range ps {
		p.Balance = 1
	}
	fmt.Println(*ps[0], *ps[1])
	fmt.Println(ps[1])
	pp := &ps[0]
	(*pp).Owner = "changed"
	fmt.Println(ps[0].Owner)
	type Pair struct {
		L, R *int
	}
	x, y := 1, 2
	pr := Pair{&x, &y}
	*pr.L, *pr.R = *pr.R, *pr.L
	fmt.Println(x, y, pr.L == &x)
	nested := &struct {
		Inner *Account
		N     int
	}{N: 5}
	fmt.Printf("%+v\n", *nested)
}
