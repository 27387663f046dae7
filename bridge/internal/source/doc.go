// Package source rewrites Python source text before gpython parses it: the
// one tokenizer (Tokenize, Untokenize) and the ordered chain of rewrite
// passes that turn Python 3.5–3.11 syntax into the Python 3.4 subset
// gpython's parser accepts, keeping every line where it was.
//
// It is pure text → text: it imports nothing of the project and no gpython.
// The compile wrapper (pyrt) runs the chain through RewriteCtx; packages above
// add passes of their own with Register from their init (pyobj's eval-exec,
// threading's warn-sites). rewrite.go lists the chain and its order; a new
// pass goes in a file of its own here, registered in rewrite.go's init, or
// in the package whose builtins the rewritten source calls.
package source
