// GOROOT's path/filepath: lexical operations and WalkDir over a temporary tree.
// Expected output: Go 1.27.3 (tests/regen.sh).
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	fmt.Println(filepath.Join("a", "b/../c", "/d"), filepath.Clean("/x//y/./z/.."), filepath.Base("/p/q.tar.gz"))
	fmt.Println(filepath.Dir("/p/q/r"), filepath.Ext("q.tar.gz"), filepath.IsAbs("rel/x"), filepath.ToSlash("a/b"))
	d, f := filepath.Split("/usr/lib/x.so")
	fmt.Println(d, f)
	r, err := filepath.Rel("/a/b", "/a/c/d")
	fmt.Println(r, err)
	m, err := filepath.Match("*.go", "main.go")
	fmt.Println(m, err)
	_, err = filepath.Match("[", "x")
	fmt.Println(err)
	fmt.Println(filepath.SplitList("/bin:/usr/bin"), filepath.VolumeName("/x"))

	dir, err := os.MkdirTemp("", "gojit-walk-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	for _, p := range []string{"a/x.txt", "a/b/y.go", "c.go", "a/b/z.go"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(p), 0o644)
	}
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		fmt.Println(rel, e.IsDir(), err)
		return nil
	})
	fmt.Println(err)
	gl, err := filepath.Glob(filepath.Join(dir, "a", "b", "*.go"))
	for _, g := range gl {
		fmt.Println(filepath.Base(g))
	}
	fmt.Println(len(gl), err)
}
