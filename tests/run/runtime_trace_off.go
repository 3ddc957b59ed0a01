package main

// runtime/trace compiles: gojit's runtime facade has the tracer's entry points with tracing
// never on (gojit has no execution tracer; runtime.StartTrace reports that). Without a trace
// running, the annotations behave as under gc: WithRegion runs its function, tasks and logs do
// nothing, IsEnabled is false. (testing imports runtime/trace; it still needs the facade's
// MemProfileRate, SetBlockProfileRate and SetMutexProfileFraction.)
// Expectation: Go 1.27.3.

import (
	"context"
	"fmt"
	"runtime/trace"
)

func main() {
	fmt.Println(trace.IsEnabled())
	ctx, task := trace.NewTask(context.Background(), "main")
	trace.Log(ctx, "k", "v")
	trace.Logf(ctx, "k", "%d", 1)
	trace.WithRegion(ctx, "region", func() { fmt.Println("in region") })
	r := trace.StartRegion(ctx, "r2")
	r.End()
	task.End()
}
