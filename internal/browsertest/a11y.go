package browsertest

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// AXNode is what Chromium's accessibility tree says about one element: what a
// screen reader reads out for it.
type AXNode struct {
	Role        string
	Name        string
	Description string
	Ignored     bool
	// Props holds the states and properties by name: "invalid" ("true" or
	// "false"), "required", "checked", "live", "focused", "modal", ...
	Props map[string]string
}

func (n AXNode) String() string {
	return fmt.Sprintf("%s %q (description %q, ignored %v, %v)", n.Role, n.Name, n.Description, n.Ignored, n.Props)
}

// axText reads an AX value (a JSON scalar) as text.
func axText(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var x any
	if err := json.Unmarshal(v.Value, &x); err != nil {
		return string(v.Value)
	}
	return fmt.Sprint(x)
}

// AX returns the accessibility node of the first element that matches the
// CSS selector, from Chromium's accessibility tree (Accessibility domain):
// its computed role, name, description and states.
func (tab *Tab) AX(sel string) AXNode {
	tab.t.Helper()
	n, err := AXOf(tab.Ctx, sel)
	if err != nil {
		tab.fail("accessibility node of "+sel, err)
	}
	return n
}

// AXOf is AX for code that wants the error.
func AXOf(ctx context.Context, sel string) (AXNode, error) {
	expr := fmt.Sprintf("document.querySelector(%q)", sel)
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: expr})
	if err != nil {
		return AXNode{}, err
	}
	if res.Result == nil || res.Result.ObjectID == "" {
		return AXNode{}, fmt.Errorf("no element matches %s", sel)
	}
	defer chromedp.Call(ctx, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: res.Result.ObjectID})
	no := false
	tree, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: res.Result.ObjectID, FetchRelatives: &no})
	if err != nil {
		return AXNode{}, err
	}
	if len(tree.Nodes) == 0 {
		return AXNode{}, fmt.Errorf("%s has no accessibility node", sel)
	}
	raw := tree.Nodes[0]
	n := AXNode{Role: axText(raw.Role), Name: axText(raw.Name), Description: axText(raw.Description), Ignored: raw.Ignored, Props: map[string]string{}}
	for _, p := range raw.Properties {
		n.Props[string(p.Name)] = axText(p.Value)
	}
	return n, nil
}

// Announcement is one change of a live region's text that a screen reader
// would speak: the region (its id, or its tag) and its new text. An empty
// Text means the region was emptied or left the page's rendering.
type Announcement struct {
	Region string
	Text   string
}

// announcementRecorder runs in every document of the tab before the page's
// own scripts. It watches the live regions (aria-live, role status, alert
// and log) and logs each change of their text, and each time a region is
// emptied or stops being rendered (after which screen readers may not hear
// it again).
const announcementRecorder = `(() => {
  const log = window.__dwAnnouncements = [];
  const last = new Map();
  const liveSel = '[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]';
  const regionOf = (n) => { const e = n && (n.nodeType === 1 ? n : n.parentElement); return e && e.closest(liveSel); };
  const check = (region) => {
    const shown = region.isConnected && region.checkVisibility();
    const raw = shown ? region.textContent : '';
    const before = last.has(region) ? last.get(region) : '';
    if (raw === before) return;
    last.set(region, raw);
    log.push({Region: region.id || region.tagName.toLowerCase(), Text: raw.replace(/\s+/g, ' ').trim()});
  };
  const observer = new MutationObserver((records) => {
    const regions = new Set();
    for (const r of records) {
      const own = regionOf(r.target);
      if (own) regions.add(own);
      for (const n of r.addedNodes) if (n.nodeType === 1) for (const e of [n, ...n.querySelectorAll(liveSel)]) if (e.matches(liveSel)) regions.add(e);
      // A region shown or hidden by an ancestor's attribute.
      if (r.type === 'attributes' && r.target.nodeType === 1) for (const e of r.target.querySelectorAll(liveSel)) regions.add(e);
    }
    for (const region of last.keys()) if (!region.isConnected) regions.add(region);
    for (const region of regions) check(region);
  });
  observer.observe(document, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'class', 'style']});
})()`

// RecordAnnouncements makes the tab record the changes of live regions in
// every page it loads from now on; read them with Announcements. Call it
// before Go.
func (tab *Tab) RecordAnnouncements() {
	tab.t.Helper()
	if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: announcementRecorder}); err != nil {
		tab.fail("install the live-region recorder", err)
	}
}

// Announcements returns what the live regions of the current page said since
// it loaded or since the last ClearAnnouncements, in order.
func (tab *Tab) Announcements() []Announcement {
	tab.t.Helper()
	return Eval[[]Announcement](tab, `window.__dwAnnouncements || []`)
}

// ClearAnnouncements forgets what was recorded so far.
func (tab *Tab) ClearAnnouncements() {
	tab.t.Helper()
	Eval[bool](tab, `(window.__dwAnnouncements && (window.__dwAnnouncements.length = 0), true)`)
}

// EmulateMedia sets CSS media features for the tab, e.g.
// EmulateMedia("forced-colors", "active") for Windows high-contrast mode.
// With no arguments the emulation is switched off.
func (tab *Tab) EmulateMedia(nameValue ...string) {
	tab.t.Helper()
	var features []*emulation.MediaFeature
	for i := 0; i+1 < len(nameValue); i += 2 {
		features = append(features, &emulation.MediaFeature{Name: nameValue[i], Value: nameValue[i+1]})
	}
	if _, err := chromedp.Call(tab.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features}); err != nil {
		tab.fail("emulate media", err)
	}
}
