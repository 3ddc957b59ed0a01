//go:build ignore

package other

this file does not even parse
