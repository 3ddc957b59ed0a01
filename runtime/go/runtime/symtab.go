// gojit's runtime facade: symbolic information about program counters (gc's symtab.go), read
// from gojit's function table by the runtime (runtime/src/callers.rs): each JIT-compiled Go
// function's entry, its name as gc prints it, and pc -> file:line.

package runtime

// Frames may be used to get function/file/line information for a slice of PC values returned
// by Callers.
type Frames struct {
	// callers is a slice of PCs that have not yet been expanded to frames.
	callers []uintptr

	// nextPC is the virtual pc of the frame enclosing the last one returned, when that frame is a
	// body gojit emitted inline and callers does not hold it next (pcs not from Callers).
	nextPC uintptr
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter for the location in this frame. For a frame that calls another
	// frame, this will be the program counter of a call instruction.
	PC uintptr

	// Func is the Func value of this call frame. This may be nil for non-Go code or fully
	// inlined functions.
	Func *Func

	// Function is the package path-qualified function name of this call frame.
	Function string

	// File and Line are the file name and line number of the location in this frame. For
	// non-leaf frames, this will be the location of a call.
	File string
	Line int

	startLine int

	// Entry point program counter for the function; may be zero if not known. For an inlined
	// function, the entry of the function it is inlined into.
	Entry uintptr
}

// CallersFrames takes a slice of PC values returned by Callers and prepares to return
// function/file/line information. Do not change the slice until you are done with the Frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC values. If it has
// already returned all call frames, Next returns a zero Frame.
//
// The more result indicates whether the next call to Next will return a valid Frame.
func (ci *Frames) Next() (frame Frame, more bool) {
	for {
		var pc uintptr
		if ci.nextPC != 0 {
			pc, ci.nextPC = ci.nextPC, 0
		} else if len(ci.callers) > 0 {
			pc, ci.callers = ci.callers[0], ci.callers[1:]
		} else {
			break
		}
		entry := funcEntry(pc)
		if entry == 0 {
			continue
		}
		// The pcs are those of the instructions following the calls: back up into the call.
		if pc > entry {
			pc--
		}
		// A body emitted inline: Callers reports its enclosing frame next (by a virtual pc);
		// a pc list from elsewhere may lack it, so supply it (as gc does).
		if outer := funcOuter(pc); outer != 0 && (len(ci.callers) == 0 || ci.callers[0] != outer) {
			ci.nextPC = outer
		}
		var f *Func
		if !funcInlined(pc) {
			f = &Func{entry: entry, pc: pc}
		}
		frame = Frame{PC: pc, Func: f, Function: funcName(pc), Entry: entry}
		frame.File, frame.Line = funcFileLine(entry, pc)
		break
	}
	if ci.nextPC != 0 {
		return frame, true
	}
	for _, pc := range ci.callers {
		if funcEntry(pc) != 0 {
			return frame, true
		}
	}
	return frame, false
}

// A Func represents a Go function in the running binary.
type Func struct {
	opaque struct{} // unexported field to disallow conversions

	// entry is the entry pc of the machine function; pc one of its pcs, naming the frame
	// (a pc in a body emitted inline names the inlined function, as gc's FuncForPC).
	entry uintptr
	pc    uintptr
	// inlined: the function is inlined in gc too (gc's funcinl), and FileLine answers for pc.
	inlined bool
}

// FuncForPC returns a *Func describing the function that contains the given program counter
// address, or else nil.
//
// If pc represents multiple functions because of inlining, it returns the *Func describing the
// innermost function, but with an entry of the outermost function.
func FuncForPC(pc uintptr) *Func {
	entry := funcEntry(pc)
	if entry == 0 {
		return nil
	}
	return &Func{entry: entry, pc: pc, inlined: funcInlined(pc)}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.pc)
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	return f.entry
}

// FileLine returns the file name and line number of the source code corresponding to the
// program counter pc. The result will not be accurate if pc is not a program counter within f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	if f.inlined {
		return funcFileLine(f.entry, f.pc)
	}
	return funcFileLine(f.entry, pc)
}

// funcEntry is the entry pc of the Go function containing pc (0: none).
func funcEntry(pc uintptr) uintptr

// funcName is the name (as gc prints it) of the frame pc names: its function's, or that of the
// body emitted inline it lies in.
func funcName(pc uintptr) string

// funcFileLine is the file and line of pc in the function whose entry pc is entry ("?", 0 if pc
// is outside it).
func funcFileLine(entry, pc uintptr) (string, int)

// funcInlined reports whether pc lies in a call inlined in gc too (no Func of its own).
func funcInlined(pc uintptr) bool

// funcOuter is the virtual pc of the frame enclosing pc's when pc lies in a body emitted inline
// (0: none).
func funcOuter(pc uintptr) uintptr
