package source

// The compat layer's source-rewriting passes: Python 3.5–3.11 syntax that
// gpython's 3.4 parser lacks, or that it compiles onto its own string-keyed
// dict, rewritten into calls of the __pp_*__ builtins (rewrite_helpers.go).
// Every pass edits tokens in place and never adds or removes a newline, so
// line numbers in tracebacks stay the source's.
//
//	{}  {k: v, **m}  {k: v for …}     → __pp_dict__(…) / __pp_dictcomp__((k, v) for …)
//	{a, *b}  {x for …}                → __pp_set__(…) / __pp_setcomp__(x for …)
//	[*a, b]  (*a, b)                  → __pp_list__(…) / __pp_tuple__(…)
//	f(*a, *b, c, **d, **e, k=1)       → f(*__pp_args__(…), **__pp_kw__(d, e, __pp_kv__(k=1)))
//	1_000                             → 1000
//	@functools.wraps(f)               → @__pp_id__(functools.wraps(f))
//	super()                           → super(Class, self)
//	x: int = 1                        → x = 1 (class bodies keep __annotations__)
//	def f(x: int) -> dict[str, int]:  → def f(x):

import "strings"

// rewriteCompat is the compat pass of the rewrite chain. Source with an
// unterminated string is left alone (the parser then reports the error).
func rewriteCompat(rc *Ctx, toks []Token) ([]Token, error) {
	for i := range toks {
		if toks[i].broken {
			return toks, nil
		}
	}
	rw := &rewriter{toks: toks, rc: rc}
	rw.numbers()
	rw.decorators()
	rw.statements()
	rw.percent()
	rw.tupleAdd()
	rw.brackets()
	return rw.toks, nil
}

// compatRewrite applies the compat pass alone to src.
func compatRewrite(src string) string {
	toks, _ := rewriteCompat(nil, Tokenize(src))
	return Untokenize(toks)
}

type rewriter struct {
	toks []Token
	rc   *Ctx // nil in tests
}

func (rw *rewriter) addBefore(i int, s string) { rw.toks[i].Before += s }

func (rw *rewriter) addAfter(i int, s string) { rw.toks[i].After = s + rw.toks[i].After }

// lineEnd returns the index of the first token of the next logical line.
func (rw *rewriter) lineEnd(i int) int { return lineEnd(rw.toks, i) }

func (rw *rewriter) kill(from, to int) {
	for i := from; i < to; i++ {
		rw.toks[i].dead = true
	}
}

func (rw *rewriter) numbers() {
	for i := range rw.toks {
		t := &rw.toks[i]
		if t.Kind == TkNumber && strings.Contains(t.Text, "_") {
			t.Text = strings.ReplaceAll(t.Text, "_", "")
		}
	}
}

// decorators wraps dotted or otherwise complex decorator expressions.
func (rw *rewriter) decorators() {
	for i := range rw.toks {
		t := &rw.toks[i]
		if !t.LineStart || !t.Is("@") {
			continue
		}
		end := rw.lineEnd(i)
		simple := true
		for _, j := range topLevel(rw.toks, i+1, end) {
			if !rw.toks[j].isName() && !(rw.toks[j].Is("(") && j == i+2) {
				simple = false
			}
		}
		if simple {
			continue
		}
		t.Text = "@__pp_id__("
		rw.addAfter(end-1, ")")
	}
}

type scope struct {
	indent int
	class  bool
	name   string // class or def name
	self   string // a def's first parameter
}

// statements handles per-statement rewrites: variable annotations, def
// annotations, zero-argument super().
func (rw *rewriter) statements() {
	toks := rw.toks
	var stack []scope
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind == TkEOF {
			break
		}
		if t.LineStart {
			for len(stack) > 0 && stack[len(stack)-1].indent >= t.Indent {
				stack = stack[:len(stack)-1]
			}
			k := i
			if t.Kind == TkName && t.Text == "async" {
				k++
			}
			switch {
			case toks[k].Kind == TkName && toks[k].Text == "class" && toks[k+1].Kind == TkName:
				stack = append(stack, scope{indent: t.Indent, class: true, name: toks[k+1].Text})
				if toks[k+2].Is("(") && toks[k+2].Match > k+3 {
					rw.classAttrs(k+2, t.Indent)
				}
			case toks[k].Kind == TkName && toks[k].Text == "def" && toks[k+1].Kind == TkName && toks[k+2].Is("("):
				self := ""
				open := k + 2
				if its := items(toks, open); len(its) > 0 && toks[its[0][0]].isName() {
					self = toks[its[0][0]].Text
				}
				qual := ""
				for _, sc := range stack {
					if sc.class {
						qual += sc.name + "."
					} else {
						qual += sc.name + ".<locals>."
					}
				}
				stack = append(stack, scope{indent: t.Indent, self: self, name: toks[k+1].Text})
				rw.defAnnotations(open, qual+toks[k+1].Text)
			case t.isName():
				ns := ""
				if len(stack) == 0 {
					ns = "globals()"
				} else if stack[len(stack)-1].class {
					ns = "locals()"
				}
				rw.varAnnotation(i, ns)
			}
		}
		if t.Kind == TkName && t.Text == "super" && i+2 < len(toks) && toks[i+1].Is("(") && toks[i+1].Match == i+2 {
			// The innermost def directly in a class.
			for n := len(stack) - 1; n > 0; n-- {
				if !stack[n].class && stack[n-1].class && stack[n].self != "" {
					rw.addAfter(i+1, stack[n-1].name+", "+stack[n].self)
					break
				}
			}
		}
	}
}

// classAttrs passes the names a class body assigns on self (self.x = …) to
// the class statement as the keyword __pp_attrs__ (exception classes need
// them: see classes_build.go).
func (rw *rewriter) classAttrs(open, indent int) {
	toks := rw.toks
	close := toks[open].Match
	seen := map[string]bool{}
	var names []string
	for j := close + 1; j+3 < len(toks); j++ {
		if toks[j].Kind == TkEOF || toks[j].LineStart && toks[j].Indent <= indent {
			break
		}
		if toks[j].Kind == TkName && toks[j].Text == "self" && toks[j+1].Is(".") && toks[j+2].Kind == TkName && toks[j+3].Is("=") && !seen[toks[j+2].Text] {
			seen[toks[j+2].Text] = true
			names = append(names, "'"+toks[j+2].Text+"'")
		}
	}
	if len(names) == 0 {
		return
	}
	rw.addBefore(close, ", __pp_attrs__=("+strings.Join(names, ", ")+",)")
}

// defAnnotations drops parameter and return annotations of the def whose
// parameter list opens at open.
func (rw *rewriter) defAnnotations(open int, qualname string) {
	toks := rw.toks
	close := toks[open].Match
	if close < 0 {
		return
	}
	def := DefInfo{Name: toks[open-1].Text, Qualname: qualname, Line: toks[open-1].Line}
	if rw.rc != nil {
		def.Line = rw.rc.Line(def.Line)
	}
	for n, it := range items(toks, open) {
		if it[1] == it[0]+1 && toks[it[0]].Is("/") {
			// Positional-only marker: gpython's grammar lacks it; the
			// parameters before it are recorded (func_attrs.go checks
			// that calls do not pass them by keyword).
			for _, p := range items(toks, open)[:n] {
				def.Posonly = append(def.Posonly, toks[p[0]].Text)
			}
			rw.kill(it[0], it[1])
			if toks[it[0]-1].Is(",") {
				rw.kill(it[0]-1, it[0])
			} else if it[1] < close && toks[it[1]].Is(",") {
				rw.kill(it[1], it[1]+1)
			}
			continue
		}
		colon, eq := -1, -1
		for _, j := range topLevel(toks, it[0], it[1]) {
			if toks[j].Is(":") && colon < 0 {
				colon = j
			}
			if toks[j].Is("=") && eq < 0 {
				eq = j
			}
		}
		if colon < 0 {
			continue
		}
		end := it[1]
		if eq > colon {
			end = eq
		}
		name := it[0]
		for name < colon && !toks[name].isName() {
			name++ // * or ** before the name
		}
		def.Anns = append(def.Anns, annSource{toks[name].Text, rawText(toks[colon+1 : end])})
		rw.kill(colon, end)
	}
	if close+1 < len(toks) && toks[close+1].Is("->") {
		for _, j := range topLevel(toks, close+1, len(toks)-1) {
			if toks[j].Is(":") {
				def.Anns = append(def.Anns, annSource{"return", rawText(toks[close+2 : j])})
				rw.kill(close+1, j)
				break
			}
		}
	}
	if rw.rc != nil {
		rw.rc.Defs = append(rw.rc.Defs, def)
	}
}

// varAnnotation rewrites `target: ann [= value]` starting at token i.
func (rw *rewriter) varAnnotation(i int, ns string) {
	toks := rw.toks
	end := rw.lineEnd(i)
	p := i + 1
	simple := true
	for p < end {
		if toks[p].Is(".") && p+1 < end && toks[p+1].Kind == TkName {
			p += 2
			simple = false
			continue
		}
		if toks[p].Is("[") && toks[p].Match > 0 {
			p = toks[p].Match + 1
			simple = false
			continue
		}
		break
	}
	if p >= end || !toks[p].Is(":") {
		return
	}
	eq := -1
	for _, j := range topLevel(toks, p+1, end) {
		if toks[j].Is("=") {
			eq = j
			break
		}
		if toks[j].Is(";") {
			return
		}
	}
	annEnd := end
	if eq >= 0 {
		annEnd = eq
	}
	if ns != "" && simple {
		ann := rawText(toks[p+1 : annEnd])
		rw.kill(p, annEnd)
		call := "__pp_ann__(" + ns + ", '" + toks[i].Text + "', (" + ann + "))"
		if eq < 0 {
			toks[i].Text = call
			rw.kill(i+1, p)
			return
		}
		rw.addAfter(end-1, "; "+call)
		return
	}
	rw.kill(p, annEnd)
	if eq < 0 {
		toks[i].Text = "pass"
		rw.kill(i+1, p)
	}
}

// rawText renders tokens as source on one line.
func rawText(toks []Token) string {
	var b strings.Builder
	for n, t := range toks {
		if n > 0 && t.Pre != "" {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// percent rewrites `left % right` into __pp_mod__(left, right) when left
// is a string literal or a name/attribute/call/subscript chain (it may hold
// a format string: gpython's own str % formats with Go's fmt). Numeric
// literals on the left, and operands whose precedence would change, are
// left alone.
func (rw *rewriter) percent() {
	toks := rw.toks
	for i := 1; i+1 < len(toks); i++ {
		if !toks[i].Is("%") || toks[i].dead {
			continue
		}
		start := rw.percentLeft(i)
		if start < 0 {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].Is("-") || toks[j].Is("+") || toks[j].Is("~")) {
			j++
		}
		switch {
		case toks[j].Kind == TkString:
			for j < len(toks) && toks[j].Kind == TkString {
				j++
			}
		case toks[j].Kind == TkName && !pyKeywords[toks[j].Text] || toks[j].Kind == TkNumber:
			j++
		case toks[j].Kind == TkOp && toks[j].Match > j:
			j = toks[j].Match + 1
		default:
			continue
		}
		for j+1 < len(toks) {
			if toks[j].Is(".") && toks[j+1].Kind == TkName {
				j += 2
			} else if (toks[j].Is("(") || toks[j].Is("[")) && toks[j].Match > j {
				j = toks[j].Match + 1
			} else {
				break
			}
		}
		if j < len(toks) && toks[j].Is("**") {
			continue
		}
		rw.addBefore(start, "__pp_mod__(")
		toks[i].Text = ","
		if !strings.ContainsAny(toks[i].Pre, "\n#\\") {
			toks[i].Pre = ""
		}
		rw.addAfter(j-1, ")")
	}
}

// isTupleDisplay reports whether the bracket at open is a tuple display:
// (a, b) or (a,), not a call or a parenthesised expression.
func (rw *rewriter) isTupleDisplay(open int) bool {
	toks := rw.toks
	if !toks[open].Is("(") || toks[open].Match < 0 || (open > 0 && toks[open-1].endsOperand()) {
		return false
	}
	close := toks[open].Match
	if close == open+1 {
		return true
	}
	for _, j := range topLevel(toks, open+1, close) {
		if toks[j].Is(",") {
			return true
		}
	}
	return false
}

// tupleAdd rewrites `x + (a, b)` and `t += (a,)` into __pp_add__ calls:
// gpython's tuple + tuple misplaces the right operand when the lengths
// differ.
func (rw *rewriter) tupleAdd() {
	toks := rw.toks
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].dead || !(toks[i].Is("+") || toks[i].Is("+=")) || !rw.isTupleDisplay(i+1) {
			continue
		}
		end := toks[i+1].Match
		if end+1 < len(toks) && (toks[end+1].Is("*") || toks[end+1].Is("**") || toks[end+1].Is("[") || toks[end+1].Is(".") || toks[end+1].Is("%") || toks[end+1].Is("/") || toks[end+1].Is("//")) {
			continue
		}
		if toks[i].Is("+=") {
			// Only a plain name target: `name += (…)`.
			if i != 1 && !toks[i-1].LineStart && !(toks[i-1].Kind == TkName && toks[i-1].LineStart) {
				if !(toks[i-1].Kind == TkName && (i < 2 || toks[i-2].Is(";"))) {
					continue
				}
			}
			if toks[i-1].Kind != TkName || !toks[i-1].LineStart && !(i >= 2 && toks[i-2].Is(";")) {
				continue
			}
			toks[i].Text = "= __pp_add__(" + toks[i-1].Text + ","
			rw.addAfter(end, ")")
			continue
		}
		start := rw.primaryStart(i)
		if start < 0 {
			continue
		}
		if start > 0 && !toks[start].LineStart {
			p := &toks[start-1]
			if p.Kind == TkOp && (p.Text == "-" || p.Text == "+" || p.Text == "*" || p.Text == "/" || p.Text == "//" || p.Text == "%" || p.Text == "**" || p.Text == "@" || p.Text == "~" || p.Text == "." || p.Text == "<<" || p.Text == ">>") {
				continue
			}
			if p.Kind != TkOp && !(p.Kind == TkName && pyKeywords[p.Text] && p.Text != "await" && p.Text != "lambda") {
				continue
			}
		}
		rw.addBefore(start, "__pp_add__(")
		toks[i].Text = ","
		if !strings.ContainsAny(toks[i].Pre, "\n#\\") {
			toks[i].Pre = ""
		}
		rw.addAfter(end, ")")
	}
}

// primaryStart returns the first token of the primary expression ending
// just before i (a name, literal, or group with trailers), or -1.
func (rw *rewriter) primaryStart(i int) int {
	toks := rw.toks
	j := i - 1
	if toks[j].Kind == TkString {
		for j > 0 && toks[j-1].Kind == TkString && !toks[j].LineStart {
			j--
		}
		return j
	}
	for {
		t := &toks[j]
		switch {
		case t.Kind == TkName && !pyKeywords[t.Text], t.Kind == TkNumber:
		case t.Kind == TkOp && (t.Text == ")" || t.Text == "]" || t.Text == "}") && t.Match >= 0:
			j = t.Match
		default:
			return -1
		}
		if j > 1 && toks[j-1].Is(".") {
			j -= 2
			continue
		}
		if (toks[j].Is("(") || toks[j].Is("[")) && j > 0 && !toks[j].LineStart && (toks[j-1].Kind == TkName && !pyKeywords[toks[j-1].Text] || toks[j-1].Is(")") || toks[j-1].Is("]")) {
			j--
			continue
		}
		return j
	}
}

// percentLeft returns the first token of the left operand of the % at i,
// or -1 when the expression is not rewritten.
func (rw *rewriter) percentLeft(i int) int {
	toks := rw.toks
	j := i - 1
	if toks[j].Kind == TkString {
		for j > 0 && toks[j-1].Kind == TkString && !toks[j].LineStart {
			j--
		}
	} else {
		// A primary: name, or (…)/[…] groups, with .name / (…) / […] trailers.
		for {
			t := &toks[j]
			switch {
			case t.Kind == TkName && !pyKeywords[t.Text]:
			case t.Kind == TkOp && (t.Text == ")" || t.Text == "]") && t.Match >= 0:
				j = t.Match
			default:
				return -1
			}
			if j > 0 && toks[j-1].Is(".") && j > 1 {
				j -= 2
				continue
			}
			if (toks[j].Is("(") || toks[j].Is("[")) && j > 0 && (toks[j-1].Kind == TkName && !pyKeywords[toks[j-1].Text] || toks[j-1].Is(")") || toks[j-1].Is("]")) && !toks[j].LineStart {
				j--
				continue
			}
			break
		}
		if toks[j].Is("(") && j > 0 && toks[j-1].Kind == TkName && (toks[j-1].Text == "def" || toks[j-1].Text == "class") {
			return -1
		}
	}
	if j > 0 && !toks[j].LineStart {
		p := &toks[j-1]
		if p.Kind == TkOp {
			switch p.Text {
			case "**", "*", "/", "//", "%", "@", "~", ".":
				return -1
			case "-", "+":
				// Unary (not after an operand): -x % y is (-x) % y.
				if j < 2 || !toks[j-2].endsOperand() {
					return -1
				}
			}
		}
		if p.Kind == TkName && (p.Text == "await" || p.Text == "lambda") {
			return -1
		}
		if p.Kind == TkString || p.Kind == TkNumber || p.Kind == TkName && !pyKeywords[p.Text] {
			return -1
		}
	}
	return j
}

// brackets rewrites displays and calls, outermost first.
func (rw *rewriter) brackets() {
	toks := rw.toks
	for i := range toks {
		t := &toks[i]
		if t.Kind != TkOp || t.dead || t.Match < 0 || t.Match < i {
			continue
		}
		prevOperand := i > 0 && toks[i-1].endsOperand() && !toks[i-1].dead
		switch t.Text {
		case "{":
			rw.braces(i)
		case "[":
			if !prevOperand {
				rw.starDisplay(i, "__pp_list__(")
			}
		case "(":
			if prevOperand {
				if i >= 2 && toks[i-2].Kind == TkName && (toks[i-2].Text == "def" || toks[i-2].Text == "class") {
					continue
				}
				rw.call(i)
			} else {
				rw.starDisplay(i, "__pp_tuple__(")
			}
		}
	}
}

func (rw *rewriter) firstTopFor(start, end int) int {
	for _, j := range topLevel(rw.toks, start, end) {
		if rw.toks[j].Kind == TkName && rw.toks[j].Text == "for" {
			return j
		}
	}
	return -1
}

// dictColon finds the key/value colon of a dict item (lambdas' colons skipped).
func (rw *rewriter) dictColon(start, end int) int {
	lambdas := 0
	for _, j := range topLevel(rw.toks, start, end) {
		t := &rw.toks[j]
		if t.Kind == TkName && t.Text == "lambda" {
			lambdas++
		}
		if t.Is(":") {
			if lambdas > 0 {
				lambdas--
				continue
			}
			return j
		}
	}
	return -1
}

func (rw *rewriter) braces(open int) {
	toks := rw.toks
	close := toks[open].Match
	its := items(toks, open)
	if len(its) == 0 {
		toks[open].Text = "__pp_dict__("
		toks[close].Text = ")"
		return
	}
	if f := rw.firstTopFor(open+1, close); f >= 0 {
		if colon := rw.dictColon(open+1, f); colon >= 0 {
			toks[open].Text = "__pp_dictcomp__(("
			toks[colon].Text = ","
			rw.addAfter(f-1, ")")
		} else {
			toks[open].Text = "__pp_setcomp__("
		}
		toks[close].Text = ")"
		return
	}
	isDict := false
	for _, it := range its {
		if toks[it[0]].Is("**") || rw.dictColon(it[0], it[1]) >= 0 {
			isDict = true
			break
		}
	}
	if isDict {
		toks[open].Text = "__pp_dict__("
		for _, it := range its {
			if toks[it[0]].Is("**") {
				toks[it[0]].Text = "__pp_dstar__("
				rw.addAfter(it[1]-1, ")")
				continue
			}
			if c := rw.dictColon(it[0], it[1]); c >= 0 {
				toks[c].Text = ","
			}
		}
	} else {
		toks[open].Text = "__pp_set__("
		rw.wrapStars(its)
	}
	toks[close].Text = ")"
}

func (rw *rewriter) wrapStars(its [][2]int) {
	for _, it := range its {
		if rw.toks[it[0]].Is("*") {
			rw.toks[it[0]].Text = "__pp_star__("
			rw.addAfter(it[1]-1, ")")
		}
	}
}

// starDisplay rewrites a list or tuple display holding *items.
func (rw *rewriter) starDisplay(open int, helper string) {
	toks := rw.toks
	close := toks[open].Match
	its := items(toks, open)
	hasStar := false
	for _, it := range its {
		if toks[it[0]].Is("*") {
			hasStar = true
		}
	}
	if !hasStar || rw.firstTopFor(open+1, close) >= 0 {
		return
	}
	// An assignment or for target keeps gpython's own star unpacking.
	if close+1 < len(toks) && (toks[close+1].Is("=") || toks[close+1].Kind == TkName && toks[close+1].Text == "in") {
		return
	}
	if open > 0 && toks[open-1].Kind == TkName && toks[open-1].Text == "for" {
		return
	}
	toks[open].Text = helper
	rw.wrapStars(its)
	toks[close].Text = ")"
}

type argKind int

const (
	argPos argKind = iota
	argStar
	argDStar
	argKw
)

// call rewrites a call's arguments when gpython's grammar cannot take them
// (several *, positionals after *, ** anywhere) or when ** must accept a
// project dict.
func (rw *rewriter) call(open int) {
	toks := rw.toks
	close := toks[open].Match
	its := items(toks, open)
	if len(its) == 0 {
		return
	}
	if len(its) == 1 && rw.firstTopFor(its[0][0], its[0][1]) >= 0 {
		return
	}
	kinds := make([]argKind, len(its))
	for n, it := range its {
		switch {
		case toks[it[0]].Is("*"):
			kinds[n] = argStar
		case toks[it[0]].Is("**"):
			kinds[n] = argDStar
		case toks[it[0]].Kind == TkName && it[0]+1 < it[1] && toks[it[0]+1].Is("="):
			kinds[n] = argKw
		}
	}
	_ = close
	// Positional part.
	first, last, stars := -1, -1, 0
	posAfterStar := false
	for n, k := range kinds {
		switch k {
		case argStar:
			stars++
			if first < 0 {
				first = n
			}
			last = n
		case argPos:
			if first >= 0 {
				posAfterStar = true
				last = n
			}
		}
	}
	if first >= 0 && (stars > 1 || posAfterStar) {
		ok := true
		for n := first; n <= last; n++ {
			if kinds[n] == argKw || kinds[n] == argDStar {
				ok = false
			}
		}
		if ok {
			lastTok := its[last][1] - 1
			rw.addAfter(lastTok, ")")
			for n := first; n <= last; n++ {
				if kinds[n] == argStar {
					toks[its[n][0]].Text = "__pp_star__("
					rw.addAfter(its[n][1]-1, ")")
				}
			}
			toks[its[first][0]].Text = "*__pp_args__(__pp_star__("
		}
	}
	// Keyword part: everything from the first ** on goes into one mapping.
	fd := -1
	for n, k := range kinds {
		if k == argDStar {
			fd = n
			break
		}
	}
	if fd < 0 {
		return
	}
	lastTok := its[len(its)-1][1] - 1
	rw.addAfter(lastTok, ")")
	for n := fd + 1; n < len(its); n++ {
		switch kinds[n] {
		case argDStar:
			toks[its[n][0]].Text = ""
		case argKw:
			rw.addBefore(its[n][0], "__pp_kv__(")
			rw.addAfter(its[n][1]-1, ")")
		}
	}
	toks[its[fd][0]].Text = "**__pp_kw__("
}
