package inner

import "example.com/initorder_diamond/internal/reg"

var Offset = 1000 + reg.Add("beta/inner.Offset")
