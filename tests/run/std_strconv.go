// strconv compiled from GOROOT (expected output from Go 1.27.3's go run).
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"123", "-45", "0x1f", "9223372036854775808", "12a", "", "+7"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	i, err := strconv.ParseInt("-0x1F", 0, 64)
	fmt.Println(i, err)
	i, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(i, err, errors.Is(err, strconv.ErrRange))
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err)
	u, err := strconv.ParseUint("1_000", 0, 32)
	fmt.Println(u, err)
	for _, s := range []string{"3.14159", "1e10", "-0", "inf", "NaN", "0x1p-2", "1e400", "abc", "2.5e-324"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	f32, err := strconv.ParseFloat("3.4e39", 32)
	fmt.Println(f32, err)
	b, err := strconv.ParseBool("TRUE")
	fmt.Println(b, err)
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)
	fmt.Println(strconv.Itoa(-9876), strconv.FormatInt(-255, 16), strconv.FormatUint(255, 2), strconv.FormatInt(35, 36))
	for _, f := range []float64{0, 1, -1.5, 3.141592653589793, 1e21, 1e-7, 123456789.125, 5e-324} {
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'b', -1, 64), strconv.FormatFloat(f, 'x', -1, 64))
	}
	fmt.Println(strconv.FormatFloat(1.0/3, 'g', 5, 32), strconv.FormatFloat(2.5, 'f', 0, 64), strconv.FormatFloat(3.5, 'f', 0, 64))
	fmt.Println(strconv.Quote("héllo\n\t\"wörld\"\x00\u2028"), strconv.QuoteToASCII("héllo☺"), strconv.QuoteToGraphic("a\u00a0b"))
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('\n'), strconv.Quote("\xff"))
	for _, q := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `"\u263a"`, `"bad`, `"\q"`, `'ab'`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("%q %v\n", s, err)
	}
	r, mb, tail, err := strconv.UnquoteChar(`\x41rest`, '"')
	fmt.Println(r, mb, tail, err)
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, 42, 10)
	buf = strconv.AppendQuote(buf, "q")
	buf = strconv.AppendBool(buf, false)
	buf = strconv.AppendFloat(buf, 1.25, 'f', 2, 64)
	fmt.Println(string(buf))
	fmt.Println(strconv.IsPrint('\u00ad'), strconv.IsPrint('a'), strconv.IsGraphic('\u3000'), strconv.CanBackquote("a`b"), strconv.IntSize)
	c, err := strconv.ParseComplex("1+2i", 128)
	fmt.Println(c, err, strconv.FormatComplex(complex(1.5, -2), 'g', -1, 128))
}
