package pyobj

// PythonVersion is the CPython version pypool follows.
var PythonVersion = [3]int{3, 11, 7}
