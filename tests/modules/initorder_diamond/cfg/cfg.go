// Package cfg has no dependency inside the module but sorts first: it initialises first.
package cfg

import "example.com/initorder_diamond/internal/reg"

var Name = "cfg" + string(rune('0'+reg.Add("cfg.Name")))
