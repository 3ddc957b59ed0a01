// text/template: fields, methods, maps, range/else, if/else if, with, variables, pipelines,
// printf/len/index/slice/eq/lt/and/or/not, custom funcs, define/template/block, whitespace trim,
// Must on a parse error, and execution errors (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
	Tags  []string
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }

func (i *Item) Label(prefix string) string { return prefix + ":" + strings.ToUpper(i.Name) }

type Order struct {
	ID       int
	Customer map[string]string
	Items    []*Item
	Notes    []string
	Paid     bool
}

const page = `{{define "item"}}- {{.Name | printf "%-8s"}} {{printf "%6.2f" .Total}}{{if .Tags}} [{{join .Tags ","}}]{{end}}{{end -}}
Order #{{.ID}} for {{.Customer.name}} ({{index .Customer "city"}})
{{range $i, $it := .Items}}{{$i}} {{template "item" $it}} {{$it.Label "x"}}
{{else}}no items
{{end -}}
{{with .Notes}}notes: {{len .}} first={{index . 0}}{{else}}no notes{{end}}
{{if and .Paid (gt (len .Items) 1)}}paid, many{{else if .Paid}}paid{{else}}unpaid{{end}}
{{- /* a comment */ -}}
{{$total := 0.0}}{{range .Items}}{{$total = add $total .Total}}{{end}}
total={{printf "%.2f" $total}} {{eq .ID 7 8 9}} {{lt 1 2}} {{not .Paid}} {{or "" "dflt"}} {{slice "abcdef" 1 3}}
{{block "footer" .}}default footer {{.ID}}{{end}}
`

func main() {
	funcs := template.FuncMap{
		"join": strings.Join,
		"add":  func(a, b float64) float64 { return a + b },
	}
	t := template.Must(template.New("page").Funcs(funcs).Parse(page))
	o := Order{
		ID:       9,
		Customer: map[string]string{"name": "Bo", "city": "Oslo"},
		Items: []*Item{
			{Name: "apple", Price: 0.5, Qty: 6, Tags: []string{"fruit", "red"}},
			{Name: "pear", Price: 0.75, Qty: 2},
		},
		Paid: true,
	}
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println("error:", err)
	}
	o2 := Order{ID: 8, Customer: map[string]string{"name": "Cy"}, Notes: []string{"fragile", "x"}}
	t2 := template.Must(template.Must(t.Clone()).Parse(`{{define "footer"}}custom footer{{end}}`))
	if err := t2.Execute(os.Stdout, o2); err != nil {
		fmt.Println("error:", err)
	}

	_, err := template.New("bad").Parse("{{.Name")
	fmt.Println(err)
	_, err = template.New("bad2").Parse("{{if}}x{{end}}")
	fmt.Println(err)
	_, err = template.New("bad3").Parse("{{nosuch 1}}")
	fmt.Println(err)

	t3 := template.Must(template.New("e").Parse("a={{.A}} {{.Missing}}\n"))
	err = t3.Execute(os.Stdout, struct{ A int }{5})
	fmt.Println()
	fmt.Println(err)
	t4 := template.Must(template.New("m").Option("missingkey=error").Parse("{{.k}}\n"))
	err = t4.Execute(os.Stdout, map[string]int{"j": 1})
	fmt.Println(err)
	var sb strings.Builder
	template.Must(template.New("h").Parse(`{{html .}} {{js .}} {{urlquery .}} {{print 1 2 "x"}} {{println "y"}}`)).Execute(&sb, "<a href='x'>&</a>")
	fmt.Printf("%q\n", sb.String())
	fmt.Println(t.Lookup("item") != nil, t.Lookup("nope") == nil)
}
