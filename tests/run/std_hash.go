// GOROOT's hash/crc32 (its SSE4.2/PCLMULQDQ assembly hooked as table loops: IEEE and Castagnoli over
// short and long buffers, the three-way split of archUpdateCastagnoli), hash/fnv, encoding/hex.

package main

import (
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"encoding/hex"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)))
	big := make([]byte, 100000)
	for i := range big {
		big[i] = byte(i*7 + i/13)
	}
	fmt.Println(crc32.ChecksumIEEE(big), crc32.Checksum(big, crc32.MakeTable(crc32.Castagnoli)), crc32.Checksum(big[:5000], crc32.MakeTable(crc32.Castagnoli)), crc32.Checksum(big[:600], crc32.MakeTable(crc32.Castagnoli)))
	h := crc32.NewIEEE()
	h.Write(big[:77])
	h.Write(big[77:1000])
	fmt.Println(h.Sum32())
	f := fnv.New64a()
	f.Write(data)
	fmt.Println(f.Sum64(), hex.EncodeToString(data[:8]))
}
