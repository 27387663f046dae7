package bytecode

import (
	"testing"

	"github.com/go-python/gpython/vm"
)

func TestOpcodesAreGpythons(t *testing.T) {
	for name, pair := range map[string][2]int{
		"POP_TOP":              {POP_TOP, int(vm.POP_TOP)},
		"ROT_TWO":              {ROT_TWO, int(vm.ROT_TWO)},
		"ROT_THREE":            {ROT_THREE, int(vm.ROT_THREE)},
		"DUP_TOP":              {DUP_TOP, int(vm.DUP_TOP)},
		"DUP_TOP_TWO":          {DUP_TOP_TWO, int(vm.DUP_TOP_TWO)},
		"NOP":                  {NOP, int(vm.NOP)},
		"BINARY_SUBSCR":        {BINARY_SUBSCR, int(vm.BINARY_SUBSCR)},
		"GET_ITER":             {GET_ITER, int(vm.GET_ITER)},
		"YIELD_VALUE":          {YIELD_VALUE, int(vm.YIELD_VALUE)},
		"POP_EXCEPT":           {POP_EXCEPT, int(vm.POP_EXCEPT)},
		"STORE_NAME":           {STORE_NAME, int(vm.STORE_NAME)},
		"HAVE_ARGUMENT":        {HAVE_ARGUMENT, int(vm.HAVE_ARGUMENT)},
		"DELETE_NAME":          {DELETE_NAME, int(vm.DELETE_NAME)},
		"FOR_ITER":             {FOR_ITER, int(vm.FOR_ITER)},
		"STORE_GLOBAL":         {STORE_GLOBAL, int(vm.STORE_GLOBAL)},
		"DELETE_GLOBAL":        {DELETE_GLOBAL, int(vm.DELETE_GLOBAL)},
		"LOAD_CONST":           {LOAD_CONST, int(vm.LOAD_CONST)},
		"LOAD_NAME":            {LOAD_NAME, int(vm.LOAD_NAME)},
		"BUILD_TUPLE":          {BUILD_TUPLE, int(vm.BUILD_TUPLE)},
		"BUILD_LIST":           {BUILD_LIST, int(vm.BUILD_LIST)},
		"LOAD_ATTR":            {LOAD_ATTR, int(vm.LOAD_ATTR)},
		"COMPARE_OP":           {COMPARE_OP, int(vm.COMPARE_OP)},
		"JUMP_FORWARD":         {JUMP_FORWARD, int(vm.JUMP_FORWARD)},
		"JUMP_IF_FALSE_OR_POP": {JUMP_IF_FALSE_OR_POP, int(vm.JUMP_IF_FALSE_OR_POP)},
		"JUMP_IF_TRUE_OR_POP":  {JUMP_IF_TRUE_OR_POP, int(vm.JUMP_IF_TRUE_OR_POP)},
		"JUMP_ABSOLUTE":        {JUMP_ABSOLUTE, int(vm.JUMP_ABSOLUTE)},
		"POP_JUMP_IF_FALSE":    {POP_JUMP_IF_FALSE, int(vm.POP_JUMP_IF_FALSE)},
		"POP_JUMP_IF_TRUE":     {POP_JUMP_IF_TRUE, int(vm.POP_JUMP_IF_TRUE)},
		"LOAD_GLOBAL":          {LOAD_GLOBAL, int(vm.LOAD_GLOBAL)},
		"CONTINUE_LOOP":        {CONTINUE_LOOP, int(vm.CONTINUE_LOOP)},
		"SETUP_LOOP":           {SETUP_LOOP, int(vm.SETUP_LOOP)},
		"SETUP_EXCEPT":         {SETUP_EXCEPT, int(vm.SETUP_EXCEPT)},
		"SETUP_FINALLY":        {SETUP_FINALLY, int(vm.SETUP_FINALLY)},
		"LOAD_FAST":            {LOAD_FAST, int(vm.LOAD_FAST)},
		"STORE_FAST":           {STORE_FAST, int(vm.STORE_FAST)},
		"DELETE_FAST":          {DELETE_FAST, int(vm.DELETE_FAST)},
		"CALL_FUNCTION":        {CALL_FUNCTION, int(vm.CALL_FUNCTION)},
		"MAKE_FUNCTION":        {MAKE_FUNCTION, int(vm.MAKE_FUNCTION)},
		"BUILD_SLICE":          {BUILD_SLICE, int(vm.BUILD_SLICE)},
		"MAKE_CLOSURE":         {MAKE_CLOSURE, int(vm.MAKE_CLOSURE)},
		"LOAD_CLOSURE":         {LOAD_CLOSURE, int(vm.LOAD_CLOSURE)},
		"LOAD_DEREF":           {LOAD_DEREF, int(vm.LOAD_DEREF)},
		"STORE_DEREF":          {STORE_DEREF, int(vm.STORE_DEREF)},
		"DELETE_DEREF":         {DELETE_DEREF, int(vm.DELETE_DEREF)},
		"SETUP_WITH":           {SETUP_WITH, int(vm.SETUP_WITH)},
		"EXTENDED_ARG":         {EXTENDED_ARG, int(vm.EXTENDED_ARG)},
		"LIST_APPEND":          {LIST_APPEND, int(vm.LIST_APPEND)},
		"SET_ADD":              {SET_ADD, int(vm.SET_ADD)},
		"MAP_ADD":              {MAP_ADD, int(vm.MAP_ADD)},
		"LOAD_CLASSDEREF":      {LOAD_CLASSDEREF, int(vm.LOAD_CLASSDEREF)},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s = %d, gpython's vm says %d", name, pair[0], pair[1])
		}
	}
}
