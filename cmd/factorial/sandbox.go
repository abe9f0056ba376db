package main

import (
	"context"
	"fmt"
	"net"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/internal/loopback"
)

const sandboxUsage = `Usage: factorial sandbox [--addr 127.0.0.1:8899]

Run factorialtest, this module's fake of Factorial (a Doorkeeper-faithful OAuth
server and the whole REST API with a demo company, all in memory), until
Ctrl-C or SIGTERM. Any http://127.0.0.1:PORT redirect URI is accepted, so
'factorial auth login' works against it.

It prints the base URL, the client id and secret, an API key and a ready
access token, as shell export lines, with curl examples. These are throwaway
credentials of the local fake server, printed on purpose: they work nowhere
else and die with the server.

Flags:
  --addr HOST:PORT  loopback address to listen on (default 127.0.0.1:8899;
                    127.0.0.1:0 picks a free port)
`

func runSandbox(ctx context.Context, a *app, g *globals, args []string) error {
	addr := "127.0.0.1:8899"
	fs := newFlagSet("sandbox", g)
	fs.StringVar(&addr, "addr", addr, "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return helpOrErr(err, a.stdout, sandboxUsage)
	}
	if err := noArgs("sandbox", rest); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("--addr %q: want HOST:PORT", addr)
	}
	if !loopback.Host(host) {
		// The sandbox hands working credentials to whoever connects.
		return usagef("--addr %q: the sandbox listens on loopback only (127.0.0.1, ::1, localhost)", addr)
	}
	srv, err := factorialtest.Start(addr, factorialtest.WithLoopbackRedirects())
	if err != nil {
		// %v, not %w: a busy port is not a network failure (exit 5).
		return fmt.Errorf("start the sandbox on %s (try --addr 127.0.0.1:0 for a free port): %v", addr, err)
	}
	defer srv.Close()

	c := srv.Credentials()
	w := a.stdout
	fmt.Fprintf(w, "Factorial sandbox running at %s\n", c.BaseURL)
	fmt.Fprintln(w, "factorialtest: a local fake of Factorial's OAuth server and REST API, with a demo company.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "THROWAWAY CREDENTIALS, printed on purpose: they belong to this local fake server,")
	fmt.Fprintln(w, "work nowhere else and die with it. (No other factorial command prints a secret.)")
	fmt.Fprintln(w)
	fmt.Fprint(w, c.String())
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Try it:")
	fmt.Fprintf(w, "  curl -H 'Authorization: Bearer %s' %s/api/%s/resources/api_public/credentials\n", c.AccessToken, c.BaseURL, factorial.DefaultAPIVersion)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Or with this CLI, after pasting the export lines above:")
	fmt.Fprintln(w, "  factorial employees                            # with FACTORIAL_API_KEY, on the current API")
	fmt.Fprintln(w, "  factorial employees --api v1                   # the same on v1")
	fmt.Fprintln(w, "  factorial api GET employees/employees -f limit=2   # one page, with its meta")
	fmt.Fprintln(w, "  unset FACTORIAL_API_KEY; factorial auth login  # the browser flow against the sandbox")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Press Ctrl-C to stop.")

	<-ctx.Done()
	fmt.Fprintln(a.stderr, "Stopping the sandbox.")
	return nil
}
