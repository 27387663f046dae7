package source

// The raise-from pass: `raise X from Y` → `raise __pp_raise_from__(X, Y)`
// on the same line (see hooks_except_context.go).
func rewriteRaiseFrom(_ *Ctx, toks []Token) ([]Token, error) {
	for i := range toks {
		if !toks[i].isKeyword("raise") {
			continue
		}
		end := lineEnd(toks, i)
		from := -1
		for _, j := range topLevel(toks, i+1, end) {
			if toks[j].Is(";") {
				end = j
				break
			}
			if toks[j].isKeyword("from") && from < 0 && j > i+1 {
				from = j
			}
		}
		if from < 0 || from+1 >= end {
			continue
		}
		toks[i].After = " " + RaiseFromName + "("
		toks[from].Text = ","
		toks[end-1].After += ")"
	}
	return toks, nil
}

// raiseFromName is the builtin that rewritten raise-from statements call.
const RaiseFromName = "__pp_raise_from__"
