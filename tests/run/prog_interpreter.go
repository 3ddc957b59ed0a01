package main

import (
	"errors"
	"fmt"
	"strings"
)

// A tiny arithmetic interpreter: tokenizer, recursive-descent parser to an AST, evaluator with
// variables.

type TokenKind int

const (
	NUM TokenKind = iota
	IDENT
	OP
	LPAREN
	RPAREN
	EOF
)

type Token struct {
	Kind TokenKind
	Text string
	Num  int
}

func tokenize(src string) ([]Token, error) {
	var toks []Token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ':
			i++
		case c >= '0' && c <= '9':
			n := 0
			for i < len(src) && src[i] >= '0' && src[i] <= '9' {
				n = n*10 + int(src[i]-'0')
				i++
			}
			toks = append(toks, Token{Kind: NUM, Num: n})
		case c >= 'a' && c <= 'z':
			start := i
			for i < len(src) && src[i] >= 'a' && src[i] <= 'z' {
				i++
			}
			toks = append(toks, Token{Kind: IDENT, Text: src[start:i]})
		case strings.ContainsRune("+-*/%=", rune(c)):
			toks = append(toks, Token{Kind: OP, Text: string(c)})
			i++
		case c == '(':
			toks = append(toks, Token{Kind: LPAREN, Text: "("})
			i++
		case c == ')':
			toks = append(toks, Token{Kind: RPAREN, Text: ")"})
			i++
		default:
			return nil, fmt.Errorf("unexpected character %q at %d", c, i)
		}
	}
	return append(toks, Token{Kind: EOF}), nil
}

type Expr interface {
	Eval(env map[string]int) (int, error)
	String() string
}

type Num int
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}

func (n Num) Eval(map[string]int) (int, error) { return int(n), nil }
func (n Num) String() string                   { return fmt.Sprint(int(n)) }
func (v Var) Eval(env map[string]int) (int, error) {
	if x, ok := env[string(v)]; ok {
		return x, nil
	}
	return 0, fmt.Errorf("undefined variable %s", string(v))
}
func (v Var) String() string { return string(v) }
func (b *Bin) String() string {
	return "(" + b.L.String() + " " + string(b.Op) + " " + b.R.String() + ")"
}

var errDivZero = errors.New("division by zero")

func (b *Bin) Eval(env map[string]int) (int, error) {
	l, err := b.L.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.R.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/', '%':
		if r == 0 {
			return 0, errDivZero
		}
		if b.Op == '/' {
			return l / r, nil
		}
		return l % r, nil
	}
	return 0, fmt.Errorf("bad op %c", b.Op)
}

type Parser struct {
	toks []Token
	pos  int
}

func (p *Parser) peek() Token { return p.toks[p.pos] }
func (p *Parser) next() Token {
	t := p.toks[p.pos]
	p.pos++
	return t
}

func (p *Parser) expr() (Expr, error) {
	left, err := p.term()
	if err != nil {
		return nil, err
	}
	for p.peek().Kind == OP && (p.peek().Text == "+" || p.peek().Text == "-") {
		op := p.next().Text[0]
		right, err := p.term()
		if err != nil {
			return nil, err
		}
		left = &Bin{op, left, right}
	}
	return left, nil
}

func (p *Parser) term() (Expr, error) {
	left, err := p.factor()
	if err != nil {
		return nil, err
	}
	for p.peek().Kind == OP && strings.Contains("*/%", p.peek().Text) {
		op := p.next().Text[0]
		right, err := p.factor()
		if err != nil {
			return nil, err
		}
		left = &Bin{op, left, right}
	}
	return left, nil
}

func (p *Parser) factor() (Expr, error) {
	t := p.next()
	switch t.Kind {
	case NUM:
		return Num(t.Num), nil
	case IDENT:
		return Var(t.Text), nil
	case LPAREN:
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if p.next().Kind != RPAREN {
			return nil, errors.New("expected )")
		}
		return e, nil
	case OP:
		if t.Text == "-" {
			f, err := p.factor()
			if err != nil {
				return nil, err
			}
			return &Bin{'-', Num(0), f}, nil
		}
	}
	return nil, fmt.Errorf("unexpected token %q", t.Text)
}

func run(line string, env map[string]int) {
	target := ""
	if i := strings.Index(line, "="); i >= 0 {
		target = strings.TrimSpace(line[:i])
		line = line[i+1:]
	}
	toks, err := tokenize(line)
	if err != nil {
		fmt.Println("lex error:", err)
		return
	}
	p := &Parser{toks: toks}
	e, err := p.expr()
	if err == nil && p.peek().Kind != EOF {
		err = errors.New("trailing input")
	}
	if err != nil {
		fmt.Println("parse error:", err)
		return
	}
	v, err := e.Eval(env)
	if err != nil {
		fmt.Printf("%v => error: %v (div zero: %t)\n", e, err, errors.Is(err, errDivZero))
		return
	}
	if target != "" {
		env[target] = v
		fmt.Printf("%s = %v = %d\n", target, e, v)
	} else {
		fmt.Printf("%v = %d\n", e, v)
	}
}

func main() {
	env := map[string]int{}
	prog := []string{
		"1 + 2 * 3",
		"(1 + 2) * 3",
		"x = 10 - -4",
		"y = x * x % 7",
		"x / (y - y)",
		"z + 1",
		"2 * (3 + 4",
		"7 $ 3",
		"total = x + y + 100 / 3",
	}
	for _, line := range prog {
		run(line, env)
	}
	fmt.Println(env)
}
