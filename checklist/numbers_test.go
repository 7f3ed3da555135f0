package checklist_test

import (
	"testing"

	"deelwijzer/checklist"
)

// Numbers are written in the shortest form that reads back as the same
// float64, and numbers no float64 can hold are refused.
func TestJSONNumbers(t *testing.T) {
	cases := []struct{ in, out string }{
		{`10000000000000.1`, `10000000000000.1`},
		{`1e-7`, `1e-07`},
		{`0.000001`, `0.000001`},
		{`0.1234567890123`, `0.1234567890123`},
		{`-0.5`, `-0.5`},
		{`1e15`, `1000000000000000`},
		{`1e21`, `1e+21`},
		{`999999999999999`, `999999999999999`},
		{`123456789012345678901234567890`, `1.2345678901234568e+29`},
		{`5e-324`, `5e-324`},
		{`1e-400`, `0`},
		{`-0`, `0`},
	}
	for _, c := range cases {
		tree, err := checklist.ParseJSON(c.in, 0)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := checklist.JSONText(tree); got != c.out {
			t.Errorf("%s: got %s, want %s", c.in, got, c.out)
		}
	}
	for _, in := range []string{`1e400`, `-1e309`, `[1,2e999]`} {
		if _, err := checklist.ParseJSON(in, 0); err == nil {
			t.Errorf("%s: accepted a number no float64 holds", in)
		}
	}
}
