// Package p declares unexported names that main declares too: each is a different name (types2's
// Id qualifies an unexported name by its package), so none of these types is main's.
package p

type Private interface{ private() string }

type Impl struct{}

func (*Impl) private() string { return "p.Impl.private" }

var X Private = new(Impl)

type S struct{}

func (*S) get() string { return "p.S.get" }

type I interface{ get() string }

func F(i I) string { return i.get() }

func Lit() any      { return struct{ x int }{1} }
func Emb() any      { return struct{ int }{2} }
func Blank() any    { return struct{ _ []int }{} }
func Iface() any    { return (*interface{ get() string })(nil) }
