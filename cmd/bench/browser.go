package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// chromiumFlags are the test harness's Chromium flags plus a temporary profile,
// so the benchmark measures the same browser the tests drive.
func chromiumFlags(exe, profile string) []chromedp.ExecAllocatorOption {
	return append(browsertest.AllocatorOptions(exe), chromedp.UserDataDir(profile))
}

type browser struct {
	ctx    context.Context
	cancel func()
}

func startBrowser(exe, profile string) (*browser, error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumFlags(exe, profile)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return nil, fmt.Errorf("start Chromium: %w", err)
	}
	return &browser{ctx: ctx, cancel: func() { cancel(); cancelAlloc() }}, nil
}

// siteServer serves a built site on a loopback address, as a static host with
// precompressed files does (see siteHandler).
type siteServer struct {
	URL string // http://127.0.0.1:port/
	srv *http.Server

	mu     sync.Mutex
	sent   map[string]sentFile // by URL path, the last response
	served []string            // every path answered, in order
}

// servedSince returns the paths answered since the server had answered n, and the
// count now.
func (s *siteServer) servedSince(n int) ([]string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.served[min(n, len(s.served)):]...), len(s.served)
}

// sentFile is what the server sent for one path: status line, headers and body,
// in bytes, and the Content-Encoding.
type sentFile struct {
	Bytes    int
	Encoding string
}

func serveSite(dir string) (*siteServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &siteServer{URL: "http://" + ln.Addr().String() + "/", sent: map[string]sentFile{}}
	files := siteHandler(dir)
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		files.ServeHTTP(cw, r)
		s.mu.Lock()
		// A whole response only: the service worker's precache revalidates the
		// files it already has, and its 304s are not what the page received.
		if cw.code == http.StatusOK {
			s.sent[r.URL.Path] = sentFile{cw.header + cw.body, w.Header().Get("Content-Encoding")}
		}
		s.served = append(s.served, r.URL.Path)
		s.mu.Unlock()
	})}
	go s.srv.Serve(ln)
	return s, nil
}

// countingWriter counts the bytes of a response: the status line and headers as
// Go's server writes them (with the Date header it adds), and the body.
type countingWriter struct {
	http.ResponseWriter
	header, body, code int
	wrote              bool
}

func (c *countingWriter) WriteHeader(code int) {
	if !c.wrote {
		c.wrote, c.code = true, code
		var buf strings.Builder
		c.Header().Write(&buf)
		// "HTTP/1.1 200 OK\r\n", the Date header Go adds (37 bytes), the blank line.
		c.header = len("HTTP/1.1 ") + 3 + 1 + len(http.StatusText(code)) + 2 + buf.Len() + 37 + 2
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if !c.wrote {
		c.WriteHeader(http.StatusOK)
	}
	n, err := c.ResponseWriter.Write(p)
	c.body += n
	return n, err
}

// fromServer completes requests whose response the page's DevTools session never
// saw, with what this server sent for them. A Web Worker's own script is such a
// request: the page asks for it, but Chromium reports its response to the worker.
func (s *siteServer) fromServer(reqs []recordedRequest) []recordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]recordedRequest(nil), reqs...)
	for i, rq := range out {
		if rq.Finished || rq.Status != 0 || !strings.HasPrefix(rq.URL, s.URL) {
			continue
		}
		u, err := url.Parse(rq.URL)
		if err != nil {
			continue
		}
		if f, ok := s.sent[u.Path]; ok {
			out[i].Status, out[i].Received, out[i].Encoding, out[i].Finished = http.StatusOK, f.Bytes, f.Encoding, true
			out[i].Note = "as sent by the server: Chromium reports a worker's script to the worker"
		}
	}
	return out
}

// siteHandler serves a built site as the README's hosts do: a directory as
// its index.html, .wasm as application/wasm, and where the browser accepts
// it and `make build` wrote one, the .br (or else .gz) file next to the
// requested one with Content-Encoding, as nginx's brotli_static and
// gzip_static do. So the bytes the browser receives are those of a real host.
func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if path.Ext(name) == ".wasm" {
			ctype = "application/wasm"
		}
		if ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		w.Header().Add("Vary", "Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.token) {
				continue
			}
			file := filepath.Join(dir, filepath.FromSlash(name)) + enc.ext
			if info, err := os.Stat(file); err == nil && info.Mode().IsRegular() && ctype != "" {
				w.Header().Set("Content-Encoding", enc.token)
				http.ServeFile(w, r, file)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (a listed token without q=0).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

func (s *siteServer) Close() { s.srv.Close() }

// recordedRequest is one request the page made, from Chromium's Network events.
type recordedRequest struct {
	URL      string
	Status   int
	Encoding string // Content-Encoding of the response
	Received int    // bytes received, headers included (encodedDataLength)
	Finished bool   // loading finished; false if it failed or never ended
	Note     string // how the figure was had, when not from the page's events
}

// pageLoad is one cold load of a page in a fresh browser context: an empty
// cache, as for a first visit.
type pageLoad struct {
	ctx    context.Context
	cancel func()

	mu   sync.Mutex
	reqs []recordedRequest
	byID map[network.RequestID]int

	trace     []traceEvent  // a Chrome trace, when startTrace ran (trace.go)
	traceDone chan struct{} // closed when the trace is complete
}

func (b *browser) coldLoad(pageURL string, timeout time.Duration) (*pageLoad, error) {
	return b.coldLoadWith(pageURL, timeout, nil)
}

// coldLoadWith runs before (if any) on the new tab before navigating, e.g. to
// start the profiler.
func (b *browser) coldLoadWith(pageURL string, timeout time.Duration, before func(*pageLoad) error) (*pageLoad, error) {
	pl := &pageLoad{byID: map[network.RequestID]int{}}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext(), chromedp.WithListener(pl.record))
	pl.ctx, pl.cancel = ctx, cancel
	// The first action opens the tab, which lives as long as the context of
	// that action: it must not be the one with the timeout.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, fmt.Errorf("open tab: %w", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: startupJS}); err != nil {
		cancel()
		return nil, fmt.Errorf("start-up probe: %w", err)
	}
	if before != nil {
		if err := before(pl); err != nil {
			cancel()
			return nil, err
		}
	}
	tctx, tcancel := context.WithTimeout(ctx, timeout)
	defer tcancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(pageURL)); err != nil {
		cancel()
		return nil, fmt.Errorf("load %s: %w", pageURL, err)
	}
	return pl, nil
}

func (pl *pageLoad) Close() { pl.cancel() }

func (pl *pageLoad) record(ev any) {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request == nil || strings.HasPrefix(ev.Request.URL, "data:") {
			return
		}
		if i, ok := pl.byID[ev.RequestID]; ok && ev.RedirectResponse != nil {
			pl.reqs[i].Status = int(ev.RedirectResponse.Status)
		}
		pl.byID[ev.RequestID] = len(pl.reqs)
		pl.reqs = append(pl.reqs, recordedRequest{URL: ev.Request.URL})
	case *network.EventResponseReceived:
		if i, ok := pl.byID[ev.RequestID]; ok && ev.Response != nil {
			pl.reqs[i].Status = int(ev.Response.Status)
			for k, v := range ev.Response.Headers {
				if strings.EqualFold(k, "Content-Encoding") {
					pl.reqs[i].Encoding = fmt.Sprint(v)
				}
			}
		}
	case *network.EventLoadingFinished:
		if i, ok := pl.byID[ev.RequestID]; ok {
			pl.reqs[i].Received = int(ev.EncodedDataLength)
			pl.reqs[i].Finished = true
		}
	case *tracing.EventDataCollected:
		values := make([][]byte, len(ev.Value))
		for i, v := range ev.Value {
			values[i] = v
		}
		pl.addTraceData(values)
	case *tracing.EventTracingComplete:
		if pl.traceDone != nil {
			close(pl.traceDone)
			pl.traceDone = nil
		}
	}
}

func (pl *pageLoad) requests() []recordedRequest {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return append([]recordedRequest(nil), pl.reqs...)
}

func eval[T any](pl *pageLoad, expr string, timeout time.Duration) (T, error) {
	ctx, cancel := context.WithTimeout(pl.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// domContentLoaded is the time from navigation start to the end of the
// DOMContentLoaded handlers, in milliseconds.
func (pl *pageLoad) domContentLoaded() (float64, error) {
	return eval[float64](pl, `performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`, 10*time.Second)
}

// engineReady waits for html[data-engine=ready] and returns the time of the
// dw-engine-ready mark and of DOMContentLoaded, both from navigation start.
func (pl *pageLoad) engineReady(timeout time.Duration) (ready, dcl float64, err error) {
	js := `new Promise((resolve) => {
		const t0 = performance.now();
		const check = () => {
			if (document.documentElement.dataset.engine === 'ready') {
				resolve({ready: performance.getEntriesByName('dw-engine-ready')[0].startTime,
					dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd});
			} else if (performance.now() - t0 > ` + fmt.Sprint(timeout.Milliseconds()) + `) {
				const note = document.querySelector('.dw-callout[role=status]');
				resolve({error: note ? note.textContent : 'html[data-engine=ready] did not appear'});
			} else setTimeout(check, 5);
		};
		check();
	})`
	res, err := eval[struct {
		Ready, DCL float64
		Error      string
	}](pl, js, timeout+5*time.Second)
	if err != nil {
		return 0, 0, err
	}
	if res.Error != "" {
		return 0, 0, errors.New(res.Error)
	}
	return res.Ready, res.DCL, nil
}

//go:embed startup.js
var startupJS string

// startup are the start-up figures of one load of a checklist page, in
// milliseconds from navigation start (see startup.js).
type startup struct {
	FirstQuestion float64 // first question visible, and the next task started
	LongTasks     int     // tasks over 50 ms that started before the engine was ready
	LongestTask   float64 // the longest of those
}

// startupFigures reads the probe once the engine is ready (ready: its time).
func (pl *pageLoad) startupFigures(ready float64) (startup, error) {
	var st startup
	res, err := eval[struct {
		Interactive float64
		Tasks       []struct{ Start, Duration float64 }
	}](pl, `new Promise((resolve) => {
		const p = window.__dwProbe, t0 = performance.now();
		const done = () => resolve({Interactive: p.firstQuestionInteractive, Tasks: p.longTasks});
		const wait = () => (p.firstQuestionInteractive || performance.now() - t0 > 5000) ? done() : setTimeout(wait, 10);
		wait();
	})`, 10*time.Second)
	if err != nil {
		return st, err
	}
	if res.Interactive == 0 {
		return st, errors.New("no form control of #checklist became visible")
	}
	st.FirstQuestion = res.Interactive
	for _, t := range res.Tasks {
		if t.Start < ready {
			st.LongTasks++
			st.LongestTask = max(st.LongestTask, t.Duration)
		}
	}
	return st, nil
}

// memory is the JS heap in use plus the WebAssembly linear memory of the page's
// engine, in bytes, after a garbage collection of the JS heap. The engine runs in a
// Web Worker: its JS heap (a second one) and its linear memory are read in the
// worker, through the worker's own DevTools target.
func (pl *pageLoad) memory() (jsHeap, wasm float64, err error) {
	ctx, cancel := context.WithTimeout(pl.ctx, 10*time.Second)
	defer cancel()
	heap := func(ctx context.Context) (float64, error) {
		if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
			return 0, err
		}
		use, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return 0, err
		}
		return use.UsedSize, nil
	}
	if jsHeap, err = heap(ctx); err != nil {
		return 0, 0, err
	}
	wctx, wcancel, err := pl.engineWorker(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer wcancel()
	workerHeap, err := heap(wctx)
	if err != nil {
		return 0, 0, err
	}
	wasm, err = chromedp.Run(wctx, chromedp.Evaluate[float64](`self.deelwijzerMemory()`))
	if err != nil {
		return 0, 0, fmt.Errorf("engine memory in the worker: %w", err)
	}
	return jsHeap + workerHeap, wasm, nil
}

// engineWorker attaches to the engine's Web Worker of this page (the one worker
// target in the page's browser context).
func (pl *pageLoad) engineWorker(ctx context.Context) (context.Context, context.CancelFunc, error) {
	self := chromedp.FromContext(pl.ctx).Target.TargetID
	for range 50 {
		targets, err := chromedp.Targets(ctx)
		if err != nil {
			return nil, nil, err
		}
		var bc cdp.BrowserContextID
		for _, t := range targets {
			if t.TargetID == self {
				bc = t.BrowserContextID
			}
		}
		for _, t := range targets {
			if t.Type == "worker" && t.BrowserContextID == bc {
				wctx, cancel := chromedp.NewContext(pl.ctx, chromedp.WithTargetID(t.TargetID))
				return wctx, cancel, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, nil, errors.New("the page's engine worker is not among the browser's targets")
}

//go:embed reevaluate.js
var reevaluateJS string

// clickTimes are the times of the clicks of one run, in milliseconds (see
// reevaluate.js).
type clickTimes struct {
	Handlers []float64 // the click's synchronous handlers (main thread)
	Answer   []float64 // from the click to the engine's answer from its worker
	Apply    []float64 // drawing that answer (main thread)
	Frame    []float64 // from the click to the next frame drawn after it
	Outcome  []float64 // from the click to the frame that shows the engine's outcome
}

// reevaluate fills the form with answers (JSON, may be "null"), then clicks
// unchecked visible radios one by one and times each click.
func (pl *pageLoad) reevaluate(answers string, warmup, samples int) (clickTimes, error) {
	return pl.reevaluateMarked(answers, warmup, samples, false)
}

// reevaluateMarked is reevaluate that, with marks, also leaves user-timing
// marks around each timed click and engine call for a trace (clickprof.go).
func (pl *pageLoad) reevaluateMarked(answers string, warmup, samples int, marks bool) (clickTimes, error) {
	js := fmt.Sprintf("(%s)(%s, %d, %d, %t)", reevaluateJS, answers, warmup, samples, marks)
	res, err := eval[struct {
		Times, AnswerTimes, ApplyTimes, FrameTimes, OutcomeTimes []float64
		Error                                                    string
	}](pl, js, 120*time.Second)
	if err != nil {
		return clickTimes{}, err
	}
	if res.Error != "" {
		return clickTimes{}, errors.New(res.Error)
	}
	return clickTimes{res.Times, res.AnswerTimes, res.ApplyTimes, res.FrameTimes, res.OutcomeTimes}, nil
}

// scriptlessText loads a page with JavaScript switched off and returns the
// length of the text in <main>, to show the page needs no script.
// disableScripts turns off the page's scripts (for coldLoadWith); the bench can
// still evaluate in the page.
func (pl *pageLoad) disableScripts() error {
	_, err := chromedp.Call(pl.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	return err
}

func (b *browser) scriptlessText(pageURL string) (int, error) {
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	tctx, tcancel := context.WithTimeout(ctx, 30*time.Second)
	defer tcancel()
	if err := chromedp.Do(tctx); err != nil {
		return 0, err
	}
	if _, err := chromedp.Call(tctx, emulation.SetScriptExecutionDisabled,
		emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		return 0, err
	}
	if err := chromedp.Do(tctx, chromedp.Navigate(pageURL)); err != nil {
		return 0, err
	}
	return chromedp.Run(tctx, chromedp.Evaluate[int](`(document.querySelector('main') || document.body).innerText.trim().length`))
}

// siteFile maps a request URL of the served site to the file that answers it.
func siteFile(siteDir, base, rawURL string) (string, bool) {
	if !strings.HasPrefix(rawURL, base) {
		return "", false
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", false
	}
	p := path.Clean("/" + u.Path)
	if strings.HasSuffix(u.Path, "/") {
		p = path.Join(p, "index.html")
	}
	file := filepath.Join(siteDir, filepath.FromSlash(p))
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		file = filepath.Join(file, "index.html")
	}
	return file, true
}
