package pyobj

// The raise-from pass: `raise X from Y` → `raise __pp_raise_from__(X, Y)`
// on the same line (see hooks_except_context.go).
func rewriteRaiseFrom(_ *rewriteCtx, toks []Token) ([]Token, error) {
	for i := range toks {
		if !toks[i].isKeyword("raise") {
			continue
		}
		end := lineEnd(toks, i)
		from := -1
		for _, j := range topLevel(toks, i+1, end) {
			if toks[j].is(";") {
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
		toks[i].after = " " + raiseFromName + "("
		toks[from].Text = ","
		toks[end-1].after += ")"
	}
	return toks, nil
}
