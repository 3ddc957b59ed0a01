package main

import (
	"fmt"
	"strings"
)

// A JSON-ish pretty printer over a small value model built from interfaces.

type Value interface{}

type Object struct {
	Keys []string
	Vals map[string]Value
}

func obj(kv ...interface{}) *Object {
	o := &Object{Vals: map[string]Value{}}
	for i := 0; i < len(kv); i += 2 {
		k := kv[i].(string)
		o.Keys = append(o.Keys, k)
		o.Vals[k] = kv[i+1]
	}
	return o
}

func quote(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\n':
			sb.WriteString(`\n`)
		default:
			if r < 0x20 {
				sb.WriteString(fmt.Sprintf(`\u%04x`, r))
			} else {
				sb.WriteRune(r)
			}
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

func write(sb *strings.Builder, v Value, indent int) {
	pad := strings.Repeat("  ", indent)
	switch x := v.(type) {
	case nil:
		sb.WriteString("null")
	case bool:
		sb.WriteString(fmt.Sprint(x))
	case int:
		sb.WriteString(fmt.Sprintf("%d", x))
	case float64:
		sb.WriteString(fmt.Sprintf("%g", x))
	case string:
		sb.WriteString(quote(x))
	case []Value:
		if len(x) == 0 {
			sb.WriteString("[]")
			return
		}
		sb.WriteString("[\n")
		for i, e := range x {
			sb.WriteString(pad + "  ")
			write(sb, e, indent+1)
			if i < len(x)-1 {
				sb.WriteString(",")
			}
			sb.WriteString("\n")
		}
		sb.WriteString(pad + "]")
	case *Object:
		sb.WriteString("{\n")
		for i, k := range x.Keys {
			sb.WriteString(pad + "  " + quote(k) + ": ")
			write(sb, x.Vals[k], indent+1)
			if i < len(x.Keys)-1 {
				sb.WriteString(",")
			}
			sb.WriteString("\n")
		}
		sb.WriteString(pad + "}")
	default:
		sb.WriteString(fmt.Sprintf("\"<%T>\"", x))
	}
}

func main() {
	doc := obj(
		"name", "gojit",
		"version", 1,
		"ratio", 0.75,
		"tags", []Value{"jit", "go", "cranelift"},
		"nested", obj("ok", true, "none", nil, "empty", []Value{}),
		"text", "line1\nline2 \"quoted\" \t tab",
		"odd", struct{}{},
	)
	var sb strings.Builder
	write(&sb, doc, 0)
	fmt.Println(sb.String())
}
