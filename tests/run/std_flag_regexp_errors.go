// flag over a FlagSet (every kind, a Value, parse errors, defaults), regexp (submatches, named groups, replace, split, a compile error), errors.Is/As/Unwrap across fmt.Errorf chains and *fs.PathError, time.Duration formatting, rounding and parsing (expected output from Go 1.27.3's go run; errors.Join is left out: gojit's errors is still its own model).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

func main() {
	// flag: a FlagSet over explicit arguments, every kind of flag, errors with ContinueOnError
	fs1 := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs1.SetOutput(os.Stdout)
	n := fs1.Int("n", 5, "count")
	name := fs1.String("name", "anon", "who")
	v := fs1.Bool("v", false, "verbose")
	d := fs1.Duration("wait", time.Second, "delay")
	f := fs1.Float64("ratio", 0.5, "ratio")
	var tags listFlag
	fs1.Var(&tags, "tag", "tags (repeatable)")
	err := fs1.Parse([]string{"-n", "12", "--name=gopher", "-v", "-wait", "1m30s", "-ratio=2.5", "-tag", "a", "-tag=b", "rest", "-x"})
	fmt.Println(err, *n, *name, *v, *d, *f, tags, fs1.Args(), fs1.NArg())
	fs1.Visit(func(fl *flag.Flag) { fmt.Println("set:", fl.Name, fl.Value) })
	fmt.Println(fs1.Parse([]string{"-bogus"}))
	fmt.Println(fs1.Parse([]string{"-n", "notanumber"}))
	fs1.PrintDefaults()

	// regexp
	re := regexp.MustCompile(`(?P<user>\w+)@(?P<host>[a-z]+)\.(com|org)`)
	text := "mail ann@go.com, bob@example.org and bad@x.net"
	fmt.Println(re.MatchString(text), re.FindString(text), re.FindStringIndex(text))
	fmt.Println(re.FindAllStringSubmatch(text, -1))
	fmt.Println(re.ReplaceAllString(text, "${host}:${user}"), re.SubexpNames(), re.NumSubexp())
	fmt.Println(re.ReplaceAllStringFunc(text, strings.ToUpper))
	fmt.Printf("%q\n", regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ;  d", -1))
	fmt.Println(regexp.QuoteMeta("1+1=2?"), regexp.MustCompile(`^\d{3}-\d{4}$`).MatchString("555-1234"))
	_, err = regexp.Compile(`a(b`)
	fmt.Println(err)

	// errors: Is, As, Join, Unwrap chains
	base := &NotFound{"cfg"}
	wrapped := fmt.Errorf("loading: %w", base)
	twice := fmt.Errorf("startup: %w", wrapped)
	var nf *NotFound
	fmt.Println(errors.Is(twice, base), errors.As(twice, &nf), nf.Name, errors.Unwrap(twice) == wrapped)
	_, err = os.Open("/nonexistent/file")
	var pe *fs.PathError
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.As(err, &pe), pe.Op, pe.Path)

	// time.Duration formatting and arithmetic
	for _, dd := range []time.Duration{0, 1, 1500 * time.Microsecond, 90 * time.Minute, -2*time.Hour - 3*time.Millisecond, 1<<63 - 1} {
		fmt.Println(dd, dd.Seconds(), dd.Round(time.Second), dd.Truncate(time.Minute))
	}
	pd, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(pd, err, pd.Minutes())
	_, err = time.ParseDuration("5 parsecs")
	fmt.Println(err)
}
