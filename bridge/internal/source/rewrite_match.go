package source

// The match pass: match/case statements (3.10) become if/elif chains on
// the same lines. The subject is kept in a variable by an assignment
// expression (the walrus pass runs next), each case header becomes a
// condition built from its pattern, and captures bind by assignment
// expressions too:
//
//	match cmd:                →  if ((__pp_match_1__ := (cmd)) or True):
//	    case ['go', d]:       →      if (__pp_mseq__(__pp_match_1__, 2, False) and (__pp_match_1__[0] == 'go') and ((d := __pp_match_1__[1]) or True)):
//	    case int(x) if x > 0: →      elif (__pp_mcls__(__pp_match_1__, int) and … and (x > 0)):
//	    case _:               →      elif (True):
//
// Pattern kinds: literal, capture, wildcard, value (dotted name), group,
// sequence (with *rest), mapping (with **rest), class (positional via
// __match_args__, keyword), or-patterns, `as`, guards. The helpers are in
// match_helpers.go.

import (
	"fmt"
	"strings"
)

// rewriteMatch is the match pass of the chain (rewrite.go).
func rewriteMatch(_ *Ctx, toks []Token) ([]Token, error) {
	n := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !t.LineStart || t.Kind != TkName || t.Text != "match" {
			continue
		}
		end := lineEnd(toks, i)
		colon := end - 1
		if colon <= i+1 || !toks[colon].Is(":") || !toks[end].isKeyword("case") && !(toks[end].Kind == TkName && toks[end].Text == "case") || toks[end].Indent <= t.Indent {
			continue
		}
		n++
		subj := fmt.Sprintf("__pp_match_%d__", n)
		t.Text = "if ((" + subj + " := ("
		toks[colon].Text = ")) or True):"
		caseIndent := toks[end].Indent
		first := true
		for j := end; j < len(toks) && toks[j].Kind != TkEOF; j = lineEnd(toks, j) {
			c := &toks[j]
			if c.Indent <= t.Indent {
				break
			}
			if c.Indent != caseIndent {
				continue
			}
			if c.Kind != TkName || c.Text != "case" {
				return nil, &RewriteError{Line: c.Line, Msg: "invalid syntax"}
			}
			hEnd := caseColon(toks, j+1)
			if hEnd < 0 {
				return nil, &RewriteError{Line: c.Line, Msg: "expected ':'"}
			}
			guard := -1
			for _, k := range topLevel(toks, j+1, hEnd) {
				if toks[k].isKeyword("if") {
					guard = k
					break
				}
			}
			patEnd := hEnd
			if guard >= 0 {
				patEnd = guard
			}
			m := &matcher{toks: toks}
			cond, err := m.pattern(j+1, patEnd, subj)
			if err != nil {
				return nil, err
			}
			if guard >= 0 {
				cond += " and (" + rawText(toks[guard+1:hEnd]) + ")"
			}
			kw := "elif"
			if first {
				kw, first = "if", false
			}
			c.Text = kw + " (" + cond
			for k := j + 1; k < hEnd; k++ {
				toks[k].dead = true
			}
			toks[hEnd].Text = "):"
		}
	}
	return toks, nil
}

// caseColon finds the colon ending a case header starting at i.
func caseColon(toks []Token, i int) int {
	end := lineEnd(toks, i-1)
	lambdas := 0
	for _, k := range topLevel(toks, i, end) {
		if toks[k].isKeyword("lambda") {
			lambdas++
		}
		if toks[k].Is(":") {
			if lambdas > 0 {
				lambdas--
				continue
			}
			return k
		}
	}
	return -1
}

type matcher struct {
	toks []Token
}

func (m *matcher) err(i int, msg string) error {
	return &RewriteError{Line: m.toks[i].Line, Msg: msg}
}

func capture(name, acc string) string {
	return "((" + name + " := " + acc + ") or True)"
}

// pattern returns the condition for the pattern in tokens [a, b) matching
// the value of the expression acc.
func (m *matcher) pattern(a, b int, acc string) (string, error) {
	toks := m.toks
	if a >= b {
		return "", m.err(a, "invalid syntax")
	}
	// or-patterns
	var alts [][2]int
	start := a
	for _, k := range topLevel(toks, a, b) {
		if toks[k].Is("|") {
			alts = append(alts, [2]int{start, k})
			start = k + 1
		}
	}
	if len(alts) > 0 {
		alts = append(alts, [2]int{start, b})
		var parts []string
		for _, r := range alts {
			c, err := m.pattern(r[0], r[1], acc)
			if err != nil {
				return "", err
			}
			parts = append(parts, c)
		}
		return "(" + strings.Join(parts, " or ") + ")", nil
	}
	// as-patterns
	for _, k := range topLevel(toks, a, b) {
		if toks[k].isKeyword("as") {
			if k+2 != b || !toks[k+1].isName() {
				return "", m.err(k, "invalid pattern target")
			}
			c, err := m.pattern(a, k, acc)
			if err != nil {
				return "", err
			}
			return "(" + c + " and " + capture(toks[k+1].Text, acc) + ")", nil
		}
	}
	t := &toks[a]
	switch {
	case b == a+1 && t.Kind == TkName:
		switch t.Text {
		case "_":
			return "True", nil
		case "None", "True", "False":
			return "(" + acc + " is " + t.Text + ")", nil
		}
		if !t.isName() {
			return "", m.err(a, "invalid syntax")
		}
		return capture(t.Text, acc), nil
	case t.Kind == TkNumber || t.Kind == TkString || t.Is("-"):
		return "(" + acc + " == " + rawText(toks[a:b]) + ")", nil
	case t.Kind == TkName:
		// dotted value, or a class pattern
		k := a + 1
		for k+1 < b && toks[k].Is(".") && toks[k+1].Kind == TkName {
			k += 2
		}
		if k == b {
			return "(" + acc + " == " + rawText(toks[a:b]) + ")", nil
		}
		if toks[k].Is("(") && toks[k].Match == b-1 {
			return m.class(a, k, acc)
		}
	case t.Is("(") && t.Match == b-1:
		its := items(toks, a)
		comma := false
		for _, k := range topLevel(toks, a+1, b-1) {
			if toks[k].Is(",") {
				comma = true
			}
		}
		if !comma && len(its) == 1 {
			return m.pattern(a+1, b-1, acc)
		}
		return m.sequence(a, acc)
	case t.Is("[") && t.Match == b-1:
		return m.sequence(a, acc)
	case t.Is("{") && t.Match == b-1:
		return m.mapping(a, acc)
	}
	return "", m.err(a, "invalid syntax")
}

func (m *matcher) sequence(open int, acc string) (string, error) {
	toks := m.toks
	its := items(toks, open)
	star := -1
	for i, it := range its {
		if toks[it[0]].Is("*") {
			if star >= 0 {
				return "", m.err(it[0], "multiple starred names in sequence pattern")
			}
			star = i
		}
	}
	n := len(its)
	conds := []string{fmt.Sprintf("__pp_mseq__(%s, %d, %v)", acc, n, map[bool]string{true: "True", false: "False"}[star >= 0])}
	if star >= 0 {
		conds[0] = fmt.Sprintf("__pp_mseq__(%s, %d, True)", acc, n-1)
	}
	for i, it := range its {
		if i == star {
			if it[1] != it[0]+2 || toks[it[0]+1].Kind != TkName {
				return "", m.err(it[0], "invalid syntax")
			}
			if name := toks[it[0]+1].Text; name != "_" {
				after := n - 1 - star
				conds = append(conds, capture(name, fmt.Sprintf("list(%s[%d:len(%s)-%d])", acc, star, acc, after)))
			}
			continue
		}
		idx := fmt.Sprint(i)
		if star >= 0 && i > star {
			idx = fmt.Sprint(i - n)
		}
		c, err := m.pattern(it[0], it[1], acc+"["+idx+"]")
		if err != nil {
			return "", err
		}
		if c != "True" {
			conds = append(conds, c)
		}
	}
	return "(" + strings.Join(conds, " and ") + ")", nil
}

func (m *matcher) mapping(open int, acc string) (string, error) {
	toks := m.toks
	var keys []string
	var conds []string
	rest := ""
	for _, it := range items(toks, open) {
		if toks[it[0]].Is("**") {
			if it[1] != it[0]+2 || !toks[it[0]+1].isName() {
				return "", m.err(it[0], "invalid syntax")
			}
			rest = toks[it[0]+1].Text
			continue
		}
		colon := -1
		for _, k := range topLevel(toks, it[0], it[1]) {
			if toks[k].Is(":") {
				colon = k
				break
			}
		}
		if colon < 0 {
			return "", m.err(it[0], "invalid syntax")
		}
		key := rawText(toks[it[0]:colon])
		keys = append(keys, key)
		c, err := m.pattern(colon+1, it[1], acc+"["+key+"]")
		if err != nil {
			return "", err
		}
		if c != "True" {
			conds = append(conds, c)
		}
	}
	keyTuple := "(" + strings.Join(keys, ", ")
	if len(keys) > 0 {
		keyTuple += ","
	}
	keyTuple += ")"
	out := []string{"__pp_mmap__(" + acc + ", " + keyTuple + ")"}
	out = append(out, conds...)
	if rest != "" {
		out = append(out, capture(rest, "__pp_mrest__("+acc+", "+keyTuple+")"))
	}
	return "(" + strings.Join(out, " and ") + ")", nil
}

func (m *matcher) class(a, open int, acc string) (string, error) {
	toks := m.toks
	cls := rawText(toks[a:open])
	conds := []string{"__pp_mcls__(" + acc + ", " + cls + ")"}
	pos := 0
	for _, it := range items(toks, open) {
		key := ""
		start := it[0]
		if it[1] > it[0]+2 && toks[it[0]].isName() && toks[it[0]+1].Is("=") {
			key = "'" + toks[it[0]].Text + "'"
			start = it[0] + 2
		} else {
			key = fmt.Sprint(pos)
			pos++
		}
		sub := "__pp_mget__(" + acc + ", " + cls + ", " + key + ")"
		c, err := m.pattern(start, it[1], sub)
		if err != nil {
			return "", err
		}
		conds = append(conds, "__pp_mhas__("+acc+", "+cls+", "+key+")")
		if c != "True" {
			conds = append(conds, c)
		}
	}
	return "(" + strings.Join(conds, " and ") + ")", nil
}
