package b

import "example.com/ib/a/internal/x"

var V = x.V
