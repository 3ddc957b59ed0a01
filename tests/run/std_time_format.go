// GOROOT's time: Duration printing and arithmetic, a fixed date formatted in UTC with the
// standard layouts, parsing, Unix times, and the monotonic clock. Expected output: Go 1.27.3.
package main

import (
	"fmt"
	"time"
)

func main() {
	for _, d := range []time.Duration{0, 1, 1500, 2 * time.Millisecond, 1500 * time.Millisecond, 90 * time.Minute, -3*time.Hour - 25*time.Second, 1<<63 - 1} {
		fmt.Println(d, d.Seconds(), d.Truncate(time.Second), d.Round(time.Minute))
	}
	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano, time.RFC1123, time.Kitchen, time.ANSIC, "2006-01-02 15:04:05.000 MST", "Jan _2 Mon"} {
		fmt.Println(t.Format(layout))
	}
	fmt.Println(t)
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Unix(), t.UnixNano())
	u := t.Add(36*time.Hour + 30*time.Second)
	fmt.Println(u, u.Sub(t), u.After(t), t.Equal(t.Add(0)))
	fmt.Println(t.AddDate(0, 3, 25).Format(time.DateOnly), t.Truncate(time.Hour).Format(time.TimeOnly))
	p, err := time.Parse(time.RFC3339, "2024-02-29T12:30:00Z")
	fmt.Println(p, err, p.Weekday())
	_, err = time.Parse(time.RFC3339, "2024-13-01T00:00:00Z")
	fmt.Println(err)
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err, d.Minutes())
	fmt.Println(time.Unix(1700000000, 0).UTC())
	start := time.Now()
	time.Sleep(2 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 2*time.Millisecond, el < 5*time.Second, time.Now().After(start), time.Until(start) < 0)
	fmt.Println(start.Year() >= 2024, start.Location())
}
