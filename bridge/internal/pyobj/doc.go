// Package pyobj is the object model: gpython's types mended toward CPython
// 3.11 and the types it lacks — dict (insertion-ordered, any hashable key),
// set and frozenset, hashing and equality, bytes, bytearray and memoryview,
// instances and classes (operator dunders, subclasses of builtins,
// __build_class__), str/list/tuple/int/float methods, repr/str/format and
// printf-style %, CPython's error wording and the OSError family,
// tracebacks and exception printing, files and print, sorting, generators,
// for-loop and except-clause mends (with the code patches they need),
// imports, sys, the builtins gpython lacks, and the Python-source modules
// shipped in the binary (pylib/*.py, one loader).
//
// It imports pyrt, source and bytecode. Everything above imports it: the
// evaluator, pickle, the standard modules, the pool modules and the facade.
// A mend registers itself from its file's init: pyrt.OnInstall for
// process-global patches, pyrt.OnCodePatch / pyrt.OnCompile for code.
package pyobj
