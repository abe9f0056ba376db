package bench

//lint:file-ignore SA1019 the v1 benchmarks measure the retired API's services on purpose

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// fanIn is figure 2's crowd.
const fanIn = 1000

// refreshFixture is an oauth.TokenSource on factorialtest's clock holding
// a token issued by that server.
type refreshFixture struct {
	srv  *factorialtest.Server
	ts   *oauth.TokenSource
	life time.Duration
}

func newRefreshFixture(tb testing.TB) *refreshFixture {
	tb.Helper()
	srv := factorialtest.NewServer(factorialtest.WithTB(tb))
	issued, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		tb.Fatal(err)
	}
	store := oauth.NewMemoryStore(&oauth.Token{
		AccessToken:  issued.AccessToken,
		TokenType:    "Bearer",
		RefreshToken: issued.RefreshToken,
		Scopes:       issued.Scopes,
		CreatedAt:    issued.CreatedAt,
		ExpiresIn:    int64(issued.ExpiresIn.Seconds()),
		Expiry:       issued.CreatedAt.Add(issued.ExpiresIn),
	})
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI,
		oauth.WithBaseURL(srv.URL()), oauth.WithClock(srv.Now), oauth.WithHTTPClient(srv.Client()))
	if err != nil {
		tb.Fatal(err)
	}
	ts, err := oauth.NewTokenSource(cfg, store)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ts.Token(); err != nil {
		tb.Fatal(err)
	}
	return &refreshFixture{srv: srv, ts: ts, life: issued.ExpiresIn}
}

// BenchmarkRefreshFanIn is figure 2: each iteration moves factorialtest's
// clock past the current token's expiry, releases 1,000 goroutines at once
// into TokenSource.TokenContext, and fails unless exactly one
// refresh_token request reached the server and every goroutine got the
// new token. The wait of a goroutine is from its call to its return;
// p50 and p99 are over every goroutine of every iteration.
func BenchmarkRefreshFanIn(b *testing.B) {
	f := newRefreshFixture(b)
	var waits []time.Duration
	for b.Loop() {
		w, err := f.fanIn(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		waits = append(waits, w...)
	}
	reportWaits(b, waits)
}

// fanIn runs one round and returns each goroutine's wait.
func (f *refreshFixture) fanIn(ctx context.Context) ([]time.Duration, error) {
	before := f.srv.TokenRequests("refresh_token")
	old, err := f.ts.TokenContext(ctx)
	if err != nil {
		return nil, err
	}
	f.srv.Advance(f.life) // the current token has just expired
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		waits = make([]time.Duration, fanIn)
		toks  = make([]string, fanIn)
		errs  = make([]error, fanIn)
	)
	for i := range fanIn {
		wg.Go(func() {
			<-start
			t0 := time.Now()
			tok, err := f.ts.TokenContext(ctx)
			waits[i] = time.Since(t0)
			if err != nil {
				errs[i] = err
				return
			}
			toks[i] = tok.AccessToken
		})
	}
	close(start)
	wg.Wait()
	if n := f.srv.TokenRequests("refresh_token") - before; n != 1 {
		return nil, fmt.Errorf("%d goroutines caused %d refresh requests, want exactly 1", fanIn, n)
	}
	for i := range fanIn {
		if errs[i] != nil {
			return nil, fmt.Errorf("goroutine %d: %w", i, errs[i])
		}
		if toks[i] == old.AccessToken || toks[i] != toks[0] {
			return nil, fmt.Errorf("goroutine %d did not get the one refreshed token", i)
		}
	}
	return waits, nil
}

// BenchmarkRefreshFanInClient is figure 2 through the full client: the
// server has expired the token (ExpireToken) while the source still
// believes it valid, so 1,000 concurrent Credentials.GetMe calls all get
// 401, each asks RefreshIfStale with the rejected token, and each retries.
// It fails unless exactly one refresh_token request was made and every call
// succeeded. The wait is the whole call, 401, refresh and retry included,
// queueing for one of 32 connections too.
func BenchmarkRefreshFanInClient(b *testing.B) {
	f := newRefreshFixture(b)
	// 1,000 simultaneous dials overflow the loopback listener's backlog
	// and the kernel retransmits the dropped SYNs 1, 3 and 7 seconds
	// later, which would be all this measures; 32 pooled connections keep
	// it about the 401 and the refresh.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxConnsPerHost, tr.MaxIdleConnsPerHost = 32, 32
	c, err := factorial.NewClient(factorial.WithBaseURL(f.srv.URL()), factorial.WithTokenSource(f.ts), factorial.WithTransport(tr))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.V1.Credentials.GetMe(ctx); err != nil {
		b.Fatal(err)
	}
	var waits []time.Duration
	for b.Loop() {
		before := f.srv.TokenRequests("refresh_token")
		cur, err := f.ts.TokenContext(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if !f.srv.ExpireToken(cur.AccessToken) {
			b.Fatal("ExpireToken: unknown token")
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		w := make([]time.Duration, fanIn)
		errs := make([]error, fanIn)
		for i := range fanIn {
			wg.Go(func() {
				<-start
				t0 := time.Now()
				_, errs[i] = c.V1.Credentials.GetMe(ctx)
				w[i] = time.Since(t0)
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				b.Fatalf("call %d: %v", i, err)
			}
		}
		if n := f.srv.TokenRequests("refresh_token") - before; n != 1 {
			b.Fatalf("%d calls with one rejected token caused %d refresh requests, want exactly 1", fanIn, n)
		}
		waits = append(waits, w...)
	}
	reportWaits(b, waits)
}

func reportWaits(b *testing.B, waits []time.Duration) {
	if len(waits) == 0 {
		return
	}
	slices.Sort(waits)
	q := func(p float64) float64 { return float64(waits[int(p*float64(len(waits)-1))].Microseconds()) }
	b.ReportMetric(q(0.50), "p50-µs")
	b.ReportMetric(q(0.99), "p99-µs")
	b.ReportMetric(float64(fanIn), "goroutines")
}
