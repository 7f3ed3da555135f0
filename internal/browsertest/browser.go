package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// ChromiumPath is the browser the tests start. DEELWIJZER_CHROMIUM
// overrides it for machines where Chromium lives elsewhere.
var ChromiumPath = "/usr/bin/chromium"

// DefaultTimeout bounds every wait of a Tab helper, so a missing element
// fails the test with a message instead of hanging until the test timeout.
const DefaultTimeout = 20 * time.Second

// Keys for Tab.Press.
const (
	KeyTab    = kb.Tab
	KeyEnter  = kb.Enter
	KeySpace  = " "
	KeyEscape = kb.Escape
)

// Browser is one headless Chromium process shared by the tabs of a test.
type Browser struct {
	ctx context.Context
}

// BrowserOptions changes how NewBrowserWith starts Chromium.
type BrowserOptions struct {
	// UserDataDir is the profile directory. Empty means a fresh temporary
	// profile that chromedp removes again. A test that checks what Chromium
	// itself writes to disk passes its own directory; it is left in place.
	UserDataDir string
}

// NewBrowser starts headless Chromium through chromedp's exec allocator
// with exactly the flags below (no chromedp defaults), in a fresh temporary
// profile that chromedp removes again. The browser stops when the test ends.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	return NewBrowserWith(t, BrowserOptions{})
}

// NewBrowserWith is NewBrowser with options.
func NewBrowserWith(t testing.TB, opts BrowserOptions) *Browser {
	t.Helper()
	path := ChromiumPath
	if p := os.Getenv("DEELWIJZER_CHROMIUM"); p != "" {
		path = p
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("browsertest: Chromium not found at %s (install it with `apt-get install chromium`, or set DEELWIJZER_CHROMIUM): %v", path, err)
	}
	allocOpts := AllocatorOptions(path)
	if opts.UserDataDir != "" {
		allocOpts = append(allocOpts, chromedp.UserDataDir(opts.UserDataDir))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Do starts the browser; it gets no timeout, because the
	// browser lives as long as the context of its first run.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browsertest: start Chromium: %v", err)
	}
	return &Browser{ctx: ctx}
}

// Close shuts Chromium down as a user closing the window would
// (Browser.close), and waits until the process has ended, so that
// everything it keeps in its profile has been written. Tabs of the browser
// cannot be used afterwards.
func (b *Browser) Close() error {
	return chromedp.Cancel(b.ctx)
}

// AllocatorOptions starts Chromium at exe headless with exactly the flags this
// machine needs and nothing of chromedp's defaults (which switch off throttling
// and features a visitor's browser has). Without the background-networking flags
// Chromium keeps trying to reach the internet, which these machines do not have.
// The tests and the benchmark share it, so both run the same browser.
func AllocatorOptions(exe string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	}
}

// Request is one request a page made, as the Network domain reports it.
type Request struct {
	URL      string
	Method   string
	Headers  map[string]string
	PostData string
	Type     string // Document, Script, Fetch, ...
	Status   int    // 0 until a response arrived
	Failed   string // error text or blocked reason when loading failed
}

func (r Request) String() string {
	s := fmt.Sprintf("%s %s", r.Method, r.URL)
	if r.Status != 0 {
		s += fmt.Sprintf(" -> %d", r.Status)
	}
	if r.Failed != "" {
		s += " (failed: " + r.Failed + ")"
	}
	return s
}

// Tab is one browser tab with a request recorder and helpers that fail the
// test on error.
type Tab struct {
	// Ctx is the chromedp context of the tab, for actions the helpers do
	// not cover: chromedp.Do(tab.Ctx, ...).
	Ctx     context.Context
	Timeout time.Duration
	t       testing.TB

	// OwnLeaveDialogs is set by a test that answers "leave this page?" itself.
	// Otherwise the tab accepts such a dialog, as a user who navigates on
	// purpose would, so a test that types and then moves on does not hang.
	OwnLeaveDialogs atomic.Bool
	leaveAsked      atomic.Int32

	mu       sync.Mutex
	requests []Request
	byID     map[network.RequestID]int
	errors   []string
}

// NewTab opens a new tab in the browser. It records every request the
// page makes from the start. The tab closes when the test ends.
func (b *Browser) NewTab(t testing.TB) *Tab {
	t.Helper()
	tab := &Tab{t: t, Timeout: DefaultTimeout, byID: map[network.RequestID]int{}}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(tab.record))
	t.Cleanup(cancel)
	tab.Ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browsertest: open tab: %v", err)
	}
	return tab
}

// record runs in the event loop of the tab: it must return fast and send
// no commands.
func (tab *Tab) record(ev any) {
	if e, ok := ev.(*page.EventJavascriptDialogOpening); ok && e.Type == page.DialogTypeBeforeunload {
		tab.leaveAsked.Add(1)
		if !tab.OwnLeaveDialogs.Load() {
			// The listener may not send commands itself.
			go chromedp.Call(tab.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
		return
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		req := Request{
			URL:     ev.Request.URL,
			Method:  ev.Request.Method,
			Headers: map[string]string{},
			Type:    string(ev.Type),
		}
		for k, v := range ev.Request.Headers {
			req.Headers[k] = fmt.Sprint(v)
		}
		for _, e := range ev.Request.PostDataEntries {
			req.PostData += string(e.Bytes)
		}
		if ev.Request.HasPostData && req.PostData == "" {
			req.PostData = "(post data not reported)"
		}
		// A redirect reuses the request id; keep both hops.
		tab.byID[ev.RequestID] = len(tab.requests)
		tab.requests = append(tab.requests, req)
	case *network.EventResponseReceived:
		if i, ok := tab.byID[ev.RequestID]; ok && ev.Response != nil {
			tab.requests[i].Status = int(ev.Response.Status)
		}
	case *cdplog.EventEntryAdded:
		// Browser messages: CSP violations, failed loads, deprecations.
		if ev.Entry != nil && ev.Entry.Level == cdplog.EntryLevelError {
			tab.errors = append(tab.errors, fmt.Sprintf("%s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *runtime.EventExceptionThrown:
		if d := ev.ExceptionDetails; d != nil {
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text += " " + d.Exception.Description
			}
			tab.errors = append(tab.errors, fmt.Sprintf("exception: %s (%s:%d)", text, d.URL, d.LineNumber+1))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tab.errors = append(tab.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *network.EventLoadingFailed:
		if i, ok := tab.byID[ev.RequestID]; ok {
			reason := ev.ErrorText
			if ev.BlockedReason != "" {
				reason += " blocked:" + string(ev.BlockedReason)
			}
			tab.requests[i].Failed = reason
		}
	}
}

// LeaveAsked is how often the page asked "leave this page?" (beforeunload).
func (tab *Tab) LeaveAsked() int { return int(tab.leaveAsked.Load()) }

// Requests returns the requests recorded so far.
func (tab *Tab) Requests() []Request {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Request(nil), tab.requests...)
}

// ResetRequests forgets the recorded requests and page errors, to look at
// one step only.
func (tab *Tab) ResetRequests() {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	tab.requests = nil
	tab.byID = map[network.RequestID]int{}
	tab.errors = nil
}

// PageErrors returns the errors the page reported since the last
// ResetRequests: uncaught exceptions, console.error calls and browser log
// errors such as Content-Security-Policy violations.
func (tab *Tab) PageErrors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// RequestProblems lists every recorded request that is not a GET to
// origin (scheme://host:port), that failed or got a status of 400 or more,
// or whose URL, headers or post data contain marker (skipped when marker is
// empty). Tests use the marker to prove that what a visitor types never
// leaves the browser.
func (tab *Tab) RequestProblems(origin, marker string) []string {
	var out []string
	for _, r := range tab.Requests() {
		u, err := url.Parse(r.URL)
		switch {
		case err != nil:
			out = append(out, "unparsable URL: "+r.String())
		case u.Scheme == "data" || u.Scheme == "blob":
			// In-page data, not a network request.
		case u.Scheme+"://"+u.Host != origin:
			out = append(out, "other origin: "+r.String())
		case r.Method != "GET":
			out = append(out, "not GET: "+r.String())
		}
		if r.Status >= 400 {
			hint := ""
			if err == nil && u.Path == "/favicon.ico" {
				// Chromium asks for /favicon.ico at the host root when a page
				// declares no icon; under a subpath that is always a 404.
				hint = " (automatic favicon request: declare <link rel=\"icon\"> in the page head)"
			}
			out = append(out, "HTTP error: "+r.String()+hint)
		}
		if r.Failed != "" && !strings.Contains(r.Failed, "ERR_ABORTED") {
			out = append(out, "failed: "+r.String())
		}
		if marker != "" {
			if strings.Contains(r.URL, marker) || strings.Contains(r.PostData, marker) {
				out = append(out, fmt.Sprintf("marker %q sent: %s", marker, r))
			}
			for k, v := range r.Headers {
				if strings.Contains(v, marker) {
					out = append(out, fmt.Sprintf("marker %q in header %s: %s", marker, k, r))
				}
			}
		}
	}
	return out
}

// with runs actions under the tab's timeout.
func (tab *Tab) with(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tab.Ctx, tab.Timeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

func (tab *Tab) fail(what string, err error) {
	tab.t.Helper()
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("no result within %s: %w", tab.Timeout, err)
	}
	tab.t.Fatalf("%s: %v", what, err)
}

// Navigate loads url and waits for the load event. It returns the error, so
// a crawl can report a page and go on.
func (tab *Tab) Navigate(url string) error {
	return tab.with(chromedp.Navigate(url))
}

// Go loads url and fails the test when that does not work.
func (tab *Tab) Go(url string) {
	tab.t.Helper()
	if err := tab.Navigate(url); err != nil {
		tab.fail("navigate to "+url, err)
	}
}

// WaitVisible waits until a CSS selector matches a visible element.
func (tab *Tab) WaitVisible(sel string) {
	tab.t.Helper()
	if err := tab.with(chromedp.WaitVisible(chromedp.CSS(sel))); err != nil {
		tab.fail("wait for visible "+sel, err)
	}
}

// WaitReady waits until a CSS selector matches an element in the DOM.
func (tab *Tab) WaitReady(sel string) {
	tab.t.Helper()
	if err := tab.with(chromedp.WaitReady(chromedp.CSS(sel))); err != nil {
		tab.fail("wait for "+sel, err)
	}
}

// WaitNotVisible waits until the element is hidden or gone.
func (tab *Tab) WaitNotVisible(sel string) {
	tab.t.Helper()
	if err := tab.with(chromedp.WaitNotVisible(chromedp.CSS(sel))); err != nil {
		tab.fail("wait until not visible "+sel, err)
	}
}

// Click clicks the first visible element that matches the selector, with
// the mouse.
func (tab *Tab) Click(sel string) {
	tab.t.Helper()
	tab.Settle()
	if err := tab.with(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		tab.fail("click "+sel, err)
	}
}

// Type focuses the element and types text into it, key by key.
func (tab *Tab) Type(sel, text string) {
	tab.t.Helper()
	tab.Settle()
	if err := tab.with(chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
		tab.fail("type into "+sel, err)
	}
}

// Focus puts the keyboard focus on the element.
func (tab *Tab) Focus(sel string) {
	tab.t.Helper()
	tab.Settle()
	if err := tab.with(chromedp.Focus(chromedp.CSS(sel))); err != nil {
		tab.fail("focus "+sel, err)
	}
}

// Press sends keys to whatever has the focus, as a keyboard user would:
// KeyTab, KeyEnter, KeySpace, KeyEscape or plain text. shift presses them
// with Shift held (Shift+Tab goes back).
func (tab *Tab) Press(keys string, shift ...bool) {
	tab.t.Helper()
	tab.Settle()
	var opts []chromedp.KeyOption
	if len(shift) > 0 && shift[0] {
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	if err := tab.with(chromedp.KeyEvent(keys, opts...)); err != nil {
		tab.fail(fmt.Sprintf("press %q", keys), err)
	}
}

// Text returns the visible text of the first element that matches.
func (tab *Tab) Text(sel string) string {
	tab.t.Helper()
	tab.Settle()
	ctx, cancel := context.WithTimeout(tab.Ctx, tab.Timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		tab.fail("read text of "+sel, err)
	}
	return s
}

// Count returns how many elements match the selector now (no waiting).
func (tab *Tab) Count(sel string) int {
	tab.t.Helper()
	return Eval[int](tab, fmt.Sprintf("document.querySelectorAll(%q).length", sel))
}

// Focused describes the element that has the focus, e.g.
// `a#naar-inhoud "Naar de inhoud"`, for keyboard tests.
func (tab *Tab) Focused() string {
	tab.t.Helper()
	return Eval[string](tab, `(() => {
		const e = document.activeElement;
		if (!e || e === document.body) return "body";
		let d = e.tagName.toLowerCase();
		if (e.id) d += "#" + e.id;
		const text = (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 60);
		return text ? d + " " + JSON.stringify(text) : d;
	})()`)
}

// settleJS resolves once the page's engine has answered every call made so
// far: a checklist page marks <html data-engine-busy> while calls to the
// engine's Web Worker wait for their answer (assets/js/checklist/engine.js).
// What follows an answer (drawing the outcome, the next call it makes) runs in
// the same task as the answer, so no read comes in between.
const settleJS = `new Promise((resolve) => {
	const check = () => (document.documentElement && document.documentElement.hasAttribute('data-engine-busy') ? setTimeout(check, 5) : resolve(true));
	check();
})`

// Settle waits until the page's engine is idle (see settleJS): a visitor's
// key or click is taken at once and its outcome drawn a moment later, when the
// engine answers. Every read of the page (Eval, Text, Count, Focused, PrintPDF)
// and every action (Click, Type, Focus, Press) settles first, so a test reads
// the page as the visitor sees it once it is up to date, and acts as a visitor
// who looks before the next key: a question that a click reveals is there
// before Tab moves on. A page that is navigating away, or has no engine, settles at once.
func (tab *Tab) Settle() {
	ctx, cancel := context.WithTimeout(tab.Ctx, tab.Timeout)
	defer cancel()
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](settleJS, chromedp.EvalAwaitPromise))
}

// Eval evaluates a JavaScript expression in the page and decodes the
// result into T; it fails the test on an error or exception. Promises are
// awaited. It settles first (Settle).
func Eval[T any](tab *Tab, expr string) T {
	tab.t.Helper()
	tab.Settle()
	v, err := EvalErr[T](tab.Ctx, expr, tab.Timeout)
	if err != nil {
		tab.fail("evaluate "+shorten(expr), err)
	}
	return v
}

// EvalErr is Eval for code that wants the error.
func EvalErr[T any](ctx context.Context, expr string, timeout time.Duration) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// DisableJavaScript switches script execution off for this tab
// (Emulation.setScriptExecutionDisabled), as a visitor without JavaScript
// would have it. Call it before Go; it holds for later navigations in the
// tab. DevTools evaluation (Eval, Axe) keeps working.
func (tab *Tab) DisableJavaScript() {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, tab.Timeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled,
		emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		tab.fail("disable JavaScript", err)
	}
}

// SetViewport sets the size of the page in CSS pixels, e.g. 320 wide for
// the reflow check.
func (tab *Tab) SetViewport(width, height int64) {
	tab.t.Helper()
	if err := tab.with(chromedp.EmulateViewport(width, height)); err != nil {
		tab.fail("set viewport", err)
	}
}
