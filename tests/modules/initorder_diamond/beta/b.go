package beta

import (
	"example.com/initorder_diamond/alpha"
	"example.com/initorder_diamond/beta/inner"
	"example.com/initorder_diamond/internal/reg"
	"example.com/initorder_diamond/zlib"
)

var Sum = alpha.Doubled + zlib.Seq + inner.Offset

var Seq = reg.Add("beta.Seq")

func init() { reg.Add("beta.init 1") }
func init() { reg.Add("beta.init 2") }
