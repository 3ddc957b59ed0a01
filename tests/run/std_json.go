// encoding/json: Marshal/Unmarshal of structs with tags (omitempty, "-", string option, renamed
// and embedded fields), maps, slices, pointers, MarshalIndent, custom Marshaler/Unmarshaler,
// decoding into any, json.Number, Decoder over a stream, and error messages (expected output
// from Go 1.27.3's go run).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Base struct {
	ID      int    `json:"id"`
	Created string `json:"created,omitempty"`
}

type Person struct {
	Base
	Name     string            `json:"name"`
	Age      int               `json:"age,omitempty"`
	Email    *string           `json:"email"`
	Tags     []string          `json:"tags"`
	Attrs    map[string]int    `json:"attrs,omitempty"`
	Home     *Address          `json:"home,omitempty"`
	Secret   string            `json:"-"`
	Score    float64           `json:"score,string"`
	internal int
	Extra    map[string]any    `json:"extra,omitempty"`
	Nick     string
}

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

func (c *Celsius) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	s = strings.TrimSuffix(s, "C")
	var f float64
	_, err := fmt.Sscanf(s, "%g", &f)
	*c = Celsius(f)
	return err
}

type Reading struct {
	Where string    `json:"where"`
	Temps []Celsius `json:"temps"`
}

func main() {
	email := "ann@example.com"
	p := Person{
		Base:   Base{ID: 7},
		Name:   "Ann",
		Age:    31,
		Email:  &email,
		Tags:   []string{"a", "b"},
		Attrs:  map[string]int{"z": 26, "a": 1, "m": 13},
		Home:   &Address{Street: "1 Main St"},
		Secret: "hidden",
		Score:  9.5,
		Nick:   "annie <&>",
	}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)

	var q Person
	err = json.Unmarshal(b, &q)
	fmt.Println(err, q.ID, q.Name, q.Age, *q.Email, q.Tags, q.Attrs, q.Home.Street, q.Secret == "", q.Score, q.Nick)

	ind, _ := json.MarshalIndent(map[string]any{"b": []int{1, 2}, "a": nil, "c": map[string]bool{"t": true}}, "", "  ")
	fmt.Println(string(ind))

	var anyv any
	err = json.Unmarshal([]byte(`{"n": 1.5e3, "s": "x\u00e9\n", "l": [true, null, {"k": []}], "i": 42}`), &anyv)
	fmt.Printf("%v %T\n", err, anyv)
	m := anyv.(map[string]any)
	fmt.Printf("%v %T %q %v %v\n", m["n"], m["i"], m["s"], m["l"], len(m))

	r := Reading{Where: "lab", Temps: []Celsius{21.5, -3}}
	b, _ = json.Marshal(r)
	fmt.Println(string(b))
	var r2 Reading
	fmt.Println(json.Unmarshal(b, &r2), r2.Where, r2.Temps)

	dec := json.NewDecoder(strings.NewReader(`{"street":"A"} {"street":"B","city":"C"} [1]`))
	for {
		var a Address
		if err := dec.Decode(&a); err != nil {
			fmt.Println("decode:", err)
			break
		}
		fmt.Printf("%+v\n", a)
	}

	d2 := json.NewDecoder(strings.NewReader(`{"x": 12345678901234567890}`))
	d2.UseNumber()
	var nm map[string]any
	fmt.Println(d2.Decode(&nm), nm["x"], fmt.Sprintf("%T", nm["x"]))

	var bad Person
	err = json.Unmarshal([]byte(`{"name": 5}`), &bad)
	fmt.Println(err)
	var ute *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &ute), ute.Field, ute.Value)
	err = json.Unmarshal([]byte(`{"name": "x",}`), &bad)
	fmt.Println(err)
	var se *json.SyntaxError
	fmt.Println(errors.As(err, &se), se.Offset)
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent(">", "\t")
	enc.Encode([]any{1, "two", 3.25, nil, map[int]string{2: "b", 1: "a"}})
	enc2 := json.NewEncoder(os.Stdout)
	enc2.SetEscapeHTML(false)
	enc2.Encode("<a&b>")
	fmt.Println(json.Valid([]byte(`{"a":[1,2]}`)), json.Valid([]byte(`{a:1}`)))
}
