//go:build js

package checklist

// In the browser the definition has already passed cmd/defcheck at build
// time, so the author-only checks are compiled out to keep the
// WebAssembly binary within its size budget. Loading still rejects a
// definition it cannot work with.
const AuthorChecks = false
