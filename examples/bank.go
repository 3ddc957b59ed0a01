// A small bank simulation: structs with pointer receivers, maps, custom error types,
// errors.Is/As and %w wrapping, formatted reports.
package main

import (
	"errors"
	"fmt"
	"os"
)

var ErrFrozen = errors.New("account frozen")

type InsufficientFunds struct {
	Need, Have int64
}

func (e *InsufficientFunds) Error() string {
	return fmt.Sprintf("insufficient funds: need %s, have %s", cents(e.Need), cents(e.Have))
}

type Account struct {
	Name    string
	Balance int64
	Frozen  bool
}

func (a *Account) Withdraw(amount int64) error {
	if a.Frozen {
		return fmt.Errorf("%s: %w", a.Name, ErrFrozen)
	}
	if amount > a.Balance {
		return fmt.Errorf("%s: %w", a.Name, &InsufficientFunds{amount, a.Balance})
	}
	a.Balance -= amount
	return nil
}

func cents(c int64) string { return fmt.Sprintf("$%d.%02d", c/100, c%100) }

type Ledger struct {
	accounts map[string]*Account
	order    []string
}

func (l *Ledger) Open(name string, balance int64) {
	l.accounts[name] = &Account{Name: name, Balance: balance}
	l.order = append(l.order, name)
}

func (l *Ledger) Transfer(from, to string, amount int64) error {
	src, dst := l.accounts[from], l.accounts[to]
	if src == nil || dst == nil {
		return fmt.Errorf("transfer %s -> %s: unknown account", from, to)
	}
	if err := src.Withdraw(amount); err != nil {
		return fmt.Errorf("transfer %s -> %s: %w", from, to, err)
	}
	dst.Balance += amount
	return nil
}

func main() {
	l := &Ledger{accounts: map[string]*Account{}}
	l.Open("alice", 12000)
	l.Open("bob", 3050)
	l.Open("carol", 0)
	l.accounts["carol"].Frozen = true

	failures := 0
	for _, t := range []struct {
		from, to string
		amount   int64
	}{
		{"alice", "bob", 4500},
		{"bob", "carol", 9000},
		{"carol", "alice", 1},
		{"bob", "dave", 10},
		{"bob", "alice", 7550},
	} {
		err := l.Transfer(t.from, t.to, t.amount)
		var funds *InsufficientFunds
		switch {
		case err == nil:
			fmt.Printf("ok     %-5s -> %-5s %9s\n", t.from, t.to, cents(t.amount))
			continue
		case errors.As(err, &funds):
			fmt.Printf("short  %v (short by %s)\n", err, cents(funds.Need-funds.Have))
		case errors.Is(err, ErrFrozen):
			fmt.Printf("frozen %v\n", err)
		default:
			fmt.Printf("error  %v\n", err)
		}
		failures++
	}
	fmt.Println()
	for _, name := range l.order {
		a := l.accounts[name]
		fmt.Printf("%-6s %9s frozen=%t\n", a.Name, cents(a.Balance), a.Frozen)
	}
	fmt.Fprintf(os.Stderr, "%d transfers failed\n", failures)
}
