//go:build browser

package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// flowOverlaps measures the data-flow drawing as the browser lays it out
// (getBoundingClientRect of every node box, name and number) and lists what
// overlaps: a name with another organisation's box, with a number or with
// another name; two numbers; a number with a box; and a name that sticks out
// of its own box. It also returns the rendered size of the names' text.
const flowOverlaps = `(() => {
  const svg = document.querySelector('#resultaat svg.dw-flow');
  if (!svg) return { problems: ['no data-flow drawing'], fontPx: 0, names: 0, numbers: 0 };
  const r = (e) => e.getBoundingClientRect();
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const inside = (o, i) => i.left >= o.left - 0.5 && i.right <= o.right + 0.5 && i.top >= o.top - 0.5 && i.bottom <= o.bottom + 0.5;
  const orgs = Array.from(svg.querySelectorAll('g.dw-flow__org')).map((g) => ({ box: r(g.querySelector('rect')), names: Array.from(g.querySelectorAll('text')).map((t) => ({ text: t.textContent, box: r(t) })) }));
  const nums = Array.from(svg.querySelectorAll('g.dw-flow__numgroup')).map((g) => ({ text: g.textContent, box: r(g) }));
  const names = orgs.flatMap((o, i) => o.names.map((n) => ({ ...n, org: i })));
  const out = [];
  for (const n of names) {
    if (!inside(orgs[n.org].box, n.box)) out.push('name "' + n.text + '" sticks out of its box');
    orgs.forEach((o, j) => { if (j !== n.org && hit(o.box, n.box)) out.push('name "' + n.text + '" overlaps box ' + (j + 1)); });
    for (const m of nums) if (hit(m.box, n.box)) out.push('name "' + n.text + '" overlaps number ' + m.text);
    for (const m of names) if (m !== n && hit(m.box, n.box)) out.push('names "' + n.text + '" and "' + m.text + '" overlap');
  }
  nums.forEach((a, i) => {
    for (const o of orgs) if (hit(a.box, o.box)) out.push('number ' + a.text + ' overlaps a box');
    for (const b of nums.slice(i + 1)) if (hit(a.box, b.box)) out.push('numbers ' + a.text + ' and ' + b.text + ' overlap');
  });
  const label = svg.querySelector('text.dw-flow__label');
  const scale = r(svg).width / svg.viewBox.baseVal.width;
  return { problems: out, fontPx: parseFloat(getComputedStyle(label).fontSize) * scale, names: names.length, numbers: nums.length };
})()`

// brokenWords lists the words in the result (answers, overviews, tables)
// that the browser splits over two lines, as "Deel/mom/ent": a word is
// measured with a Range, and more than one line box means a break inside
// it. A hyphen or slash is a fair place to break, so it splits words here.
// Words of more than max characters are left out (they may have to break on
// a narrow screen).
const brokenWords = `((max) => {
  const out = [];
  const walker = document.createTreeWalker(document.getElementById('resultaat'), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.getClientRects().length || n.parentElement.closest('svg')) continue;
    const re = /[^\s\-\/]+/g;
    for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
      if (m[0].length > max) continue;
      range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
      const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) out.push(m[0] + ' in ' + n.parentElement.tagName + '.' + n.parentElement.className + ' (' + (n.parentElement.closest('table') ? 'table' : n.parentElement.closest('dl, ul, p, div').className) + ')');
    }
  }
  return [...new Set(out)].slice(0, 20);
})`

type flowMeasure struct {
	Problems []string `json:"problems"`
	FontPx   float64  `json:"fontPx"`
	Names    int      `json:"names"`
	Numbers  int      `json:"numbers"`
}

// realisticAnswers reads the answers of the realistic golden case.
func realisticAnswers(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("../../checklist/testdata/real/werkwijze--wijkteam-vijf-partners.txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "-- answers.json --\n")
	section, _, _ := strings.Cut(rest, "\n-- ")
	var answers map[string]any
	if err := json.Unmarshal([]byte(section), &answers); !ok || err != nil {
		t.Fatalf("the realistic case has no readable answers.json: %v", err)
	}
	return answers
}

// twelveOrganisations is the realistic case with twelve organisations, most
// with long names, and twelve deelmomenten between them.
func twelveOrganisations(t *testing.T) map[string]any {
	answers := realisticAnswers(t)
	names := []string{"Wijkteam gemeente Zaanstad", "Woningcorporatie Parteon", "Politie eenheid Noord-Holland, basisteam Zaanstreek",
		"GGD Zaanstreek-Waterland", "Veilig Thuis Zaanstreek-Waterland", "Stichting Maatschappelijke Dienstverlening Zaanstreek",
		"Schuldhulpverlening gemeente Zaanstad", "Raad voor de Kinderbescherming", "Leger des Heils Jeugdbescherming en Reclassering",
		"Huisartsenpraktijk De Vaart", "Zorg- en Veiligheidshuis Zaanstreek-Waterland", "Sociale Verzekeringsbank"}
	var orgs, rows, legal []any
	for i, name := range names {
		orgs = append(orgs, map[string]any{"_id": fmt.Sprintf("org-%d", i), "naam": name})
	}
	for i := range names {
		rows = append(rows, map[string]any{"processtap": fmt.Sprintf("Stap %d", i%5+1), "van": fmt.Sprintf("org-%d", i), "naar": fmt.Sprintf("org-%d", (i*5+3)%len(names)),
			"gegevens": "Naam en adres", "doel": "Hulp afstemmen", "kanaal": "beveiligd", "bijzonder": "nee"})
		legal = append(legal, map[string]any{"grondslag": "algemeen-belang", "beroepsgeheim": "geen", "noodzakelijk": "ja", "proportioneel": "ja", "minst-ingrijpend": "ja"})
	}
	answers["organisaties"] = orgs
	answers["deelmomenten"] = rows
	answers["rechtmatigheid"] = legal
	return answers
}

// TestFlowDiagramNoOverlap imports the realistic case (five organisations,
// four deelmomenten) and a case with twelve organisations, shows the result,
// and measures the data-flow drawing at 1280 and at 375 CSS pixels wide: no
// name overlaps a box, a number or another name, the names are at least 12
// px on screen, the page itself does not scroll sideways, and axe finds
// nothing on the result with the views shown.
func TestFlowDiagramNoOverlap(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	cases := []struct {
		name    string
		answers map[string]any
		orgs    int
	}{
		{"realistisch", realisticAnswers(t), 5},
		{"twaalf-organisaties", twelveOrganisations(t), 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.SetViewport(1280, 900)
			openChecklist(t, tab, s.URL+"/checklists/werkwijze/")
			d := pageDefinition(t, tab)
			file := writeJSON(t, c.name+".json", map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": d.ID,
				"definitionVersion": d.Version, "exported": "2026-11-30T10:00:00Z", "answers": c.answers})
			if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
				t.Fatal(err)
			}
			tab.WaitVisible("#importmelding")
			tab.Focus("#afronden")
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#resultaat svg.dw-flow")
			// 3.1.2: an English term in the result is marked lang="en"; in a
			// list that opens (an <option> holds no markup) "Engels:" says so.
			if c.name == "realistisch" {
				if !browsertest.Eval[bool](tab, `Array.from(document.querySelectorAll('#resultaat [lang=en]')).some((e) => e.textContent === 'function creep')`) {
					t.Error("the result shows \"function creep\" without lang=en")
				}
				if !browsertest.Eval[bool](tab, `Array.from(document.querySelectorAll('#checklist option')).some((o) => o.textContent.includes('(Engels: function creep)'))`) {
					t.Error("no option says \"Engels:\" before the English term")
				}
				// Dates in Dutch form, and one word for a row, in the result.
				text := tab.Text("#resultaat")
				if iso := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b|\b\d{2}-\d{2}-\d{4}\b`).FindString(text); iso != "" || !strings.Contains(text, "3 maart 2026") {
					t.Errorf("the result shows a date as %q, want the Dutch form (3 maart 2026)", iso)
				}
				if w := regexp.MustCompile(`\b[Rr]egels?\b`).FindString(text); w != "" {
					t.Errorf("the result calls a row %q; the word is \"rij\"", w)
				}
			}
			for _, width := range []int64{1280, 375} {
				checkFlowDiagram(t, tab, c.name, width, len(c.answers["deelmomenten"].([]any)), c.orgs)
			}
		})
	}
}

// checkFlowDiagram shows the result (already open in tab) at width CSS pixels
// and checks its data-flow drawing: nothing overlaps (flowOverlaps), one
// number per deelmoment and at least one line of names per organisation,
// names at least 12 px on screen, no sideways scrolling of the page (a wide
// drawing scrolls in a named, focusable region), no words broken mid-word, and
// axe finds nothing. It logs the sizes it measured.
func checkFlowDiagram(t *testing.T, tab *browsertest.Tab, name string, width int64, moments, orgs int) {
	t.Helper()
	tab.SetViewport(width, 900)
	m := browsertest.Eval[flowMeasure](tab, flowOverlaps)
	if len(m.Problems) > 0 {
		t.Errorf("%d px: the data-flow drawing overlaps:\n%s", width, strings.Join(m.Problems, "\n"))
	}
	if m.Numbers != moments || m.Names < orgs {
		t.Errorf("%d px: %d numbers and %d lines of names, want one number per deelmoment and %d organisations", width, m.Numbers, m.Names, orgs)
	}
	if m.FontPx < 12 {
		t.Errorf("%d px: the names are %.1f px on screen, want at least 12", width, m.FontPx)
	}
	if wide := browsertest.Eval[int](tab, `document.documentElement.scrollWidth > window.innerWidth ? document.documentElement.scrollWidth : 0`); wide > 0 {
		t.Errorf("%d px: the page scrolls sideways; a wide drawing must scroll in its own region: %s", width, browsertest.Eval[string](tab, `Array.from(document.querySelectorAll('body *')).filter((e) => !e.closest('.dw-table-scroll, .dw-flow-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')`))
	}
	// A drawing wider than its region scrolls there, and the
	// region can be reached with the keyboard.
	if n := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll('#resultaat .dw-flow-scroll')).filter((r) => r.scrollWidth > r.clientWidth && !(r.tabIndex === 0 && r.getAttribute('role') === 'region' && r.getAttribute('aria-label'))).length`); n != 0 {
		t.Errorf("%d px: %d scrolling drawings not in a named, focusable region", width, n)
	}
	// Words break only where they must: never at 1280 px, and on a
	// phone only a word too long for any column.
	max := map[int64]int{1280: 1000, 375: 16}[width]
	if broken := browsertest.Eval[[]string](tab, fmt.Sprintf("%s(%d)", brokenWords, max)); len(broken) > 0 {
		t.Errorf("%d px: words broken mid-word in the result: %q", width, broken)
	}
	height := browsertest.Eval[[]int](tab, `[document.documentElement.scrollHeight, document.getElementById('resultaat').offsetHeight, Math.round(document.querySelector('#resultaat svg.dw-flow').getBoundingClientRect().width)]`)
	t.Logf("%s at %d px: names at %.1f px, drawing %d px wide, result %d px high, whole page %d px", name, width, m.FontPx, height[2], height[1], height[0])
	axeClean(t, tab, fmt.Sprintf("%s result with views at %d px", name, width))
}
