package main

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/factorial-go/factorial/oauth"
)

// callbackServer receives the authorization redirect on loopback (RFC 8252
// section 7.3): the browser brings the code to http://127.0.0.1:PORT/callback.
type callbackServer struct {
	ln          net.Listener
	srv         *http.Server
	results     chan callbackResult
	redirectURI string
}

type callbackResult struct {
	code string
	err  error
}

// listenCallback listens on 127.0.0.1:port (0 picks a free port). The IP
// literal rather than localhost keeps the redirect URI stable whatever the
// resolver says.
func listenCallback(port int) (*callbackServer, error) {
	if port < 0 || port > 65535 {
		return nil, usagef("--port must be between 0 and 65535")
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return nil, fmt.Errorf("listen for the login redirect: %w", err)
	}
	return &callbackServer{
		ln:          ln,
		results:     make(chan callbackResult, 1),
		redirectURI: fmt.Sprintf("http://127.0.0.1:%d/callback", ln.Addr().(*net.TCPAddr).Port),
	}, nil
}

// serve answers redirects for auth until close. Only a redirect whose state
// matches auth counts; anything else is refused and the wait goes on, so a
// forged request cannot end the login.
func (c *callbackServer) serve(auth *oauth.Authorization) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /callback", func(w http.ResponseWriter, r *http.Request) {
		code, err := auth.Callback(r.URL.Query())
		if errors.Is(err, oauth.ErrStateMismatch) {
			callbackPage(w, http.StatusBadRequest, "Login refused",
				"This redirect does not belong to the login running in your terminal. Run factorial auth login again.")
			return
		}
		select {
		case c.results <- callbackResult{code: code, err: err}:
		default:
			callbackPage(w, http.StatusConflict, "Already handled", "The terminal already received an answer for this login.")
			return
		}
		if err != nil {
			callbackPage(w, http.StatusOK, "Login failed", "Factorial did not authorize the CLI: "+err.Error())
			return
		}
		callbackPage(w, http.StatusOK, "Authorization received",
			"The terminal is finishing the login. You can close this tab.")
	})
	c.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = c.srv.Serve(c.ln) }()
}

// wait returns the code of the first matching redirect.
func (c *callbackServer) wait(ctx context.Context) (string, error) {
	select {
	case r := <-c.results:
		return r.code, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// close stops the listener, giving the browser a moment to receive its
// page.
func (c *callbackServer) close() {
	if c.srv == nil {
		_ = c.ln.Close()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = c.srv.Shutdown(ctx)
}

var callbackTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>factorial CLI: {{.Title}}</title></head>
<body style="font-family: sans-serif; margin: 3em">
<h1 id="result">{{.Title}}</h1>
<p id="message">{{.Message}}</p>
</body></html>
`))

func callbackPage(w http.ResponseWriter, status int, title, message string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = callbackTmpl.Execute(w, struct{ Title, Message string }{title, message})
}
