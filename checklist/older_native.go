//go:build !js

package checklist

// Outside the browser (cmd/defcheck, the tests, the tools) there is no size
// budget: every file is read.
func init() { ReadOlderFiles() }
