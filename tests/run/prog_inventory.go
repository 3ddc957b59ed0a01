package main

import (
	"errors"
	"fmt"
	"strings"
)

type Item struct {
	SKU   string
	Name  string
	Qty   int
	Price float64
}

type Inventory struct {
	items map[string]*Item
	log   []string
}

type StockError struct {
	SKU        string
	Have, Want int
}

func (e *StockError) Error() string {
	return fmt.Sprintf("sku %s: have %d, want %d", e.SKU, e.Have, e.Want)
}

var ErrUnknown = errors.New("unknown sku")

func (inv *Inventory) Add(sku, name string, qty int, price float64) {
	if it, ok := inv.items[sku]; ok {
		it.Qty += qty
	} else {
		inv.items[sku] = &Item{sku, name, qty, price}
	}
	inv.log = append(inv.log, fmt.Sprintf("add %s x%d", sku, qty))
}

func (inv *Inventory) Remove(sku string, qty int) error {
	it, ok := inv.items[sku]
	if !ok {
		return fmt.Errorf("remove %q: %w", sku, ErrUnknown)
	}
	if it.Qty < qty {
		return &StockError{sku, it.Qty, qty}
	}
	it.Qty -= qty
	inv.log = append(inv.log, fmt.Sprintf("remove %s x%d", sku, qty))
	return nil
}

func (inv *Inventory) SortedSKUs() []string {
	var keys []string
	for k := range inv.items {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

func (inv *Inventory) Report() {
	fmt.Printf("%-6s %-12s %5s %9s\n", "SKU", "NAME", "QTY", "VALUE")
	var total float64
	for _, k := range inv.SortedSKUs() {
		it := inv.items[k]
		v := float64(it.Qty) * it.Price
		total += v
		fmt.Printf("%-6s %-12s %5d %9.2f\n", it.SKU, it.Name, it.Qty, v)
	}
	fmt.Printf("%s\n%-25s %9.2f\n", strings.Repeat("=", 35), "TOTAL", total)
}

func main() {
	inv := &Inventory{items: map[string]*Item{}}
	inv.Add("B200", "bolts", 500, 0.05)
	inv.Add("A100", "anvil", 2, 149.99)
	inv.Add("C300", "chain (1m)", 40, 3.25)
	inv.Add("B200", "bolts", 250, 0.05)
	for _, op := range []struct {
		sku string
		n   int
	}{{"A100", 1}, {"A100", 5}, {"Z999", 1}, {"C300", 40}} {
		err := inv.Remove(op.sku, op.n)
		var se *StockError
		switch {
		case err == nil:
			fmt.Println("removed", op.n, op.sku)
		case errors.As(err, &se):
			fmt.Println("short by", se.Want-se.Have, "->", err)
		case errors.Is(err, ErrUnknown):
			fmt.Println("unknown ->", err)
		}
	}
	inv.Report()
	fmt.Println(strings.Join(inv.log, "; "))
}
