package bench

import (
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// BenchmarkValidatingTransport is figure 5: what specvalidate.Transport,
// which every HTTP test in this module wraps its client in, adds to a round
// trip. Both sides send the same request over the same kind of transport
// and read the whole body; the validated side also matches the route and
// validates the request and the response against the spec.
func BenchmarkValidatingTransport(b *testing.B) {
	srv := cannedServer(b)
	v := specvalidate.MustNew()
	cases := []struct{ name, path string }{
		{"me", "/api/v1/me"},
		{"employees100", "/api/v1/employees"},
	}
	for _, tc := range cases {
		url := srv.urls[100] + tc.path
		for _, validated := range []bool{false, true} {
			name := tc.name + "/plain"
			var rt http.RoundTripper = rawClient().Transport
			if validated {
				name = tc.name + "/validated"
				rt = &specvalidate.Transport{Validator: v, Base: rt, Report: func(err error) { b.Error(err) }}
			}
			b.Run(name, func(b *testing.B) {
				benchLoop(b, func() error { return roundTrip(rt, url) })
			})
		}
	}
}

func roundTrip(rt http.RoundTripper, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", apiKey)
	req.Header.Set("Accept", "application/json")
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d", resp.StatusCode)
	}
	return err
}
