// Command precache writes the list of files the service worker keeps for offline use
// into a built site (see internal/precache). Run it after Hugo and Pagefind and before
// precompress: `make build` does.
package main

import (
	"fmt"
	"os"

	"deelwijzer/internal/precache"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "gebruik: precache <map met de gebouwde site>")
		os.Exit(2)
	}
	m, err := precache.Write(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "precache:", err)
		os.Exit(1)
	}
	fmt.Printf("precache: %d bestanden voor offline gebruik, versie %s\n", len(m.Files), m.Version)
}
