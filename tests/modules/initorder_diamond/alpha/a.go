package alpha

import (
	"example.com/initorder_diamond/internal/reg"
	"example.com/initorder_diamond/zlib"
)

// initialised from another package's variable (zlib has run by now)
var Doubled = zlib.Table["two"] * 2

var Seq = reg.Add("alpha.Seq")

func init() { reg.Add("alpha.init") }

type Item struct{ s string }

// the same unexported method name as zlib.Item's
func (i Item) label() string { return "alpha.label:" + i.s }
func (i Item) Label() string { return i.label() }

func Make(s string) Item { return Item{s} }
