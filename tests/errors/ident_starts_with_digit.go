package main

// A non-ASCII decimal digit cannot start an identifier (gc: `identifier cannot begin with digit`).
func main() {
	١a := 1
	_ = ١a
}
