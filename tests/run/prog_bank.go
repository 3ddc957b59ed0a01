package main

import (
	"errors"
	"fmt"
	"strings"
)

var ErrInsufficient = errors.New("insufficient funds")
var ErrNoAccount = errors.New("no such account")

type Account struct {
	ID      int
	Owner   string
	Balance int64 // cents
	History []string
}

func (a *Account) Deposit(c int64) {
	a.Balance += c
	a.History = append(a.History, fmt.Sprintf("+%d", c))
}

func (a *Account) Withdraw(c int64) error {
	if c > a.Balance {
		return fmt.Errorf("withdraw %d from #%d: %w", c, a.ID, ErrInsufficient)
	}
	a.Balance -= c
	a.History = append(a.History, fmt.Sprintf("-%d", c))
	return nil
}

func (a Account) String() string {
	return fmt.Sprintf("#%d %-6s %8s", a.ID, a.Owner, money(a.Balance))
}

func money(c int64) string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

type Bank struct {
	accounts map[int]*Account
	nextID   int
}

func NewBank() *Bank { return &Bank{accounts: map[int]*Account{}, nextID: 1} }

func (b *Bank) Open(owner string, initial int64) *Account {
	a := &Account{ID: b.nextID, Owner: owner}
	b.nextID++
	a.Deposit(initial)
	b.accounts[a.ID] = a
	return a
}

func (b *Bank) Transfer(from, to int, c int64) error {
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("transfer from %d: %w", from, ErrNoAccount)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("transfer to %d: %w", to, ErrNoAccount)
	}
	if err := src.Withdraw(c); err != nil {
		return err
	}
	dst.Deposit(c)
	return nil
}

func (b *Bank) Report() {
	total := int64(0)
	for id := 1; id < b.nextID; id++ {
		a := b.accounts[id]
		fmt.Println(a)
		total += a.Balance
	}
	fmt.Println(strings.Repeat("-", 24))
	fmt.Printf("%-15s %8s\n", "total", money(total))
}

func main() {
	bank := NewBank()
	alice := bank.Open("alice", 10000)
	bob := bank.Open("bob", 2550)
	bank.Open("carol", 0)
	steps := []struct {
		from, to int
		amount   int64
	}{{1, 2, 2500}, {2, 3, 6000}, {2, 3, 5050}, {3, 9, 1}, {7, 1, 1}, {1, 3, 7500}}
	for _, s := range steps {
		err := bank.Transfer(s.from, s.to, s.amount)
		switch {
		case err == nil:
			fmt.Printf("ok   %d -> %d %s\n", s.from, s.to, money(s.amount))
		case errors.Is(err, ErrInsufficient):
			fmt.Println("FAIL", err)
		case errors.Is(err, ErrNoAccount):
			fmt.Println("MISS", err)
		}
	}
	bank.Report()
	fmt.Println(alice.History, bob.History)
	fmt.Println(money(-12345), money(5))
}
