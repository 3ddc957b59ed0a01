package secret

import "fmt"

var Key = compute()

func compute() int {
	fmt.Println("secret.compute")
	return 5
}

func Word() string { return "w" }
