// go.mod pins the language at 1.26: generic methods (Go 1.27) are refused as gc refuses them.
module example.com/langmod

go 1.26
