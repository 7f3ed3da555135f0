//go:build !js

package checklist

// AuthorChecks turns on the checks that only help whoever writes a
// definition: unknown keys, id spelling, duplicates, version and date format,
// link paths and cycle explanations. cmd/defcheck and the tests run them;
// every definition is checked that way before the site is built.
const AuthorChecks = true
