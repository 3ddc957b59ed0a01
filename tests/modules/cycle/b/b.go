package b

import "example.com/cyc/a"

func G() { a.F() }
