package main

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSentenceWords is the B1 limit for one sentence in running text. Longer
// sentences are hard to follow for many readers; the site splits them.
const maxSentenceWords = 25

// checkSentences reports every sentence in running text (paragraphs, list
// items, table cells) with more than maxSentenceWords words, with the line
// where it starts and its first words, so an author can find and split it.
func checkSentences(p *page) []problem {
	r := collectRunningText(p)
	text := r.text.String()
	var out []problem
	for _, s := range splitSentences(text) {
		n := countWords(text[s[0]:s[1]])
		if n <= maxSentenceWords {
			continue
		}
		line := 1
		if off := r.offset[s[0]]; off >= 0 {
			line = p.lines.line(p.bodyStart + off)
		}
		out = append(out, problem{p.file, line,
			fmt.Sprintf("zin van %d woorden (meer dan %d): %q", n, maxSentenceWords, firstWords(text[s[0]:s[1]], 8)), "zinnen"})
	}
	return out
}

// splitSentences returns [start, end) of each sentence. A sentence ends at a
// block separator (newline), or at '.', '?' or '!' followed by white space
// and a capital letter, a digit-free opening quote or bracket. So "art. 5.2.6"
// and "bijv. de" do not end a sentence, and "(art. 26 AVG). De" does.
func splitSentences(text string) [][2]int {
	var out [][2]int
	start := 0
	flush := func(end int) {
		if strings.TrimSpace(text[start:end]) != "" {
			for start < end && (text[start] == ' ' || text[start] == '\t') {
				start++
			}
			out = append(out, [2]int{start, end})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			flush(i)
			start = i + 1
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ')' || text[j] == '"' || text[j] == '\'' || text[j] == '*') {
			j++
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\n') {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			flush(j)
			start = j
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsUpper(next) || next == '"' || next == '(' || next == '\u201c' {
			flush(j)
			start = j
		}
	}
	flush(len(text))
	return out
}

// shortcodeMarker matches a Hugo shortcode tag such as {{% letop %}}.
var shortcodeMarker = regexp.MustCompile(`\{\{[%<].*?[%>]\}\}`)

// countWords counts tokens with at least one letter or digit, leaving out
// Hugo shortcode markers such as {{% letop %}}.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(shortcodeMarker.ReplaceAllString(s, " ")) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

func firstWords(s string, n int) string {
	f := strings.Fields(shortcodeMarker.ReplaceAllString(s, " "))
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " ..."
}
