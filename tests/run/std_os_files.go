// GOROOT's os: files in a temporary directory (WriteFile, ReadFile, Create, Open, Read, Seek,
// Stat, ReadDir, Rename, Remove), the errors of missing files, the environment and os.Args.
// Expected output: Go 1.27.3 (tests/regen.sh).
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "gojit-os-*")
	if err != nil {
		fmt.Println("MkdirTemp:", err)
		return
	}
	defer os.RemoveAll(dir)
	hide := func(v any) string { return strings.ReplaceAll(fmt.Sprint(v), dir, "DIR") }

	a := filepath.Join(dir, "a.txt")
	fmt.Println(os.WriteFile(a, []byte("hello\nworld\n"), 0o644))
	b, err := os.ReadFile(a)
	fmt.Printf("%q %v\n", b, err)

	f, err := os.Create(filepath.Join(dir, "b.txt"))
	fmt.Println(err)
	n, err := f.WriteString("0123456789")
	fmt.Println(n, err)
	n, err = fmt.Fprintf(f, "-%d-", 42)
	fmt.Println(n, err)
	fmt.Println(f.Close())
	fmt.Println(hide(f.Close()))

	g, err := os.Open(filepath.Join(dir, "b.txt"))
	fmt.Println(err)
	buf := make([]byte, 4)
	n, err = g.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	off, err := g.Seek(-3, io.SeekEnd)
	fmt.Println(off, err)
	rest, err := io.ReadAll(g)
	fmt.Printf("%q %v\n", rest, err)
	n, err = g.Read(buf)
	fmt.Println(n, err)
	fi, err := g.Stat()
	fmt.Println(fi.Name(), fi.Size(), fi.IsDir(), fi.Mode(), err)
	g.Close()

	fmt.Println(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	fmt.Println(os.Rename(a, filepath.Join(dir, "sub", "c.txt")))
	ents, err := os.ReadDir(dir)
	for _, e := range ents {
		fmt.Println(e.Name(), e.IsDir())
	}
	fmt.Println(err)

	_, err = os.ReadFile(a)
	fmt.Println(hide(err))
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, hide(pe.Path), pe.Err)
	_, err = os.Stat(filepath.Join(dir, "nope"))
	fmt.Println(hide(err))
	fmt.Println(hide(os.Remove(filepath.Join(dir, "sub"))))
	fmt.Println(os.Remove(filepath.Join(dir, "sub", "c.txt")), os.Remove(filepath.Join(dir, "sub")))

	fmt.Println(os.Setenv("GOJIT_OS_TEST", "v1"))
	fmt.Println(os.Getenv("GOJIT_OS_TEST"))
	v, ok := os.LookupEnv("GOJIT_OS_TEST_UNSET")
	fmt.Printf("%q %v\n", v, ok)
	fmt.Println(os.Unsetenv("GOJIT_OS_TEST"), os.Getenv("GOJIT_OS_TEST") == "")
	fmt.Println(len(os.Args), os.Getpid() > 0)
	wd, err := os.Getwd()
	fmt.Println(wd != "", err)
}
