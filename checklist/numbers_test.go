package checklist_test

import (
	"strconv"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// Numbers are kept as their literal text, so they are written back exactly
// as they were read, and numbers no float64 can hold are refused, as before
// (encoding/json and JSON.parse disagree on them).
func TestJSONNumbers(t *testing.T) {
	for _, in := range []string{`10000000000000.1`, `1e-7`, `0.000001`, `0.1234567890123`, `-0.5`,
		`1e15`, `1e21`, `999999999999999`, `123456789012345678901234567890`, `5e-324`, `1e-400`, `-0`,
		`1.7976931348623157e308`, `-1.7976931348623157e+308`, `1E308`, `0.00001e313`, `1e-99999999999999999999`,
		`0e99999999999999999999`} {
		tree, err := checklist.ParseJSON(in, 0)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := checklist.JSONText(tree); got != in {
			t.Errorf("%s: written as %s", in, got)
		}
	}
	for _, in := range []string{`1e400`, `-1e309`, `[1,2e999]`, `1e99999999999999999999`, `1.7976931348623159e308`,
		`0.00001e314`, `179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792`} {
		if _, err := checklist.ParseJSON(in, 0); err == nil {
			t.Errorf("%s: accepted a number no float64 holds", in)
		}
	}
}

// TestJSONNumberFloat64Boundary: the refusal follows float64 rounding
// exactly: the largest number that still rounds to the largest float64 is
// accepted, the next one is refused. Checked against strconv.ParseFloat.
func TestJSONNumberFloat64Boundary(t *testing.T) {
	limit := "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"
	below := limit[:len(limit)-1] + "1.999"
	for _, c := range []struct {
		in   string
		fits bool
	}{{limit, false}, {below, true}, {"-" + below, true}, {"0." + limit + "e309", false}, {"0." + limit[:len(limit)-1] + "1999e309", true}, {"0." + limit + "e308", true}} {
		_, err := checklist.ParseJSON(c.in, 0)
		_, stdErr := strconv.ParseFloat(c.in, 64)
		if (err == nil) != c.fits || (stdErr == nil) != c.fits {
			t.Errorf("%s…: engine error %v, strconv error %v, want fits=%v", c.in[:20], err, stdErr, c.fits)
		}
	}
	// A long run of digits around the limit, compared with strconv.
	for _, tail := range []string{"0", "1", "2", "3", "9", "20", "19999"} {
		in := limit[:len(limit)-1] + tail + "e-" + strconv.Itoa(len(tail)-1)
		_, err := checklist.ParseJSON(in, 0)
		_, stdErr := strconv.ParseFloat(in, 64)
		if (err == nil) != (stdErr == nil) {
			t.Errorf("…%s: engine error %v, strconv error %v", in[len(in)-12:], err, stdErr)
		}
	}
}

// TestNumberInt: whole numbers in any JSON spelling give an int, as the
// float64 tree did; fractions and numbers beyond 18 digits do not.
func TestNumberInt(t *testing.T) {
	for in, want := range map[string]int{"0": 0, "-0": 0, "3": 3, "3.0": 3, "0.3e1": 3, "300e-2": 3, "1e3": 1000,
		"-12": -12, "10000": 10000, "1.000E+2": 100, "999999999999999999": 999999999999999999} {
		got, ok := checklist.Number(in).Int()
		if !ok || got != want {
			t.Errorf("%s: got %d, %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"1.5", "0.1", "1e-1", "1e18", "1000000000000000000", "1e400", "-" + strings.Repeat("9", 30)} {
		if got, ok := checklist.Number(in).Int(); ok {
			t.Errorf("%s: got %d, want no int", in, got)
		}
	}
}

// TestSchemaVersionSpellings: a version number may be written as 1.0 or
// 1e0 (as before), but not as 1.5.
func TestSchemaVersionSpellings(t *testing.T) {
	def, _, err := loadQuiet(smallWith("true", "true", "x"))
	if err != nil || def == nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		version string
		ok      bool
	}{{"1", true}, {"1.0", true}, {"1e0", true}, {"1.5", false}, {"0", false}, {`"1"`, false}} {
		file := `{"schema":"` + checklist.FileSchema + `","schemaVersion":` + c.version + `,"checklist":"` + def.ID + `","answers":{}}`
		_, err := checklist.Import(def, file)
		if (err == nil) != c.ok {
			t.Errorf("schemaVersion %s: error %v, want ok=%v", c.version, err, c.ok)
		}
	}
}
