package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/oauth"
)

// Exit codes, documented in the package doc and in factorial help.
const (
	exitOK          = 0
	exitAPI         = 1
	exitUsage       = 2
	exitCredentials = 3
	exitLogin       = 4
	exitNetwork     = 5
	exitInterrupted = 130
)

const exitCodesHelp = `Exit codes:
  0    success
  1    the API answered with an error (its messages are printed), or another failure
  2    bad flags or arguments, or a request the spec rejects (api)
  3    missing or rejected client credentials
  4    not logged in, or the login expired or was revoked: run factorial auth login
  5    network failure: the server could not be reached or the connection broke
  130  interrupted
`

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{msg: fmt.Sprintf(format, args...)} }

// credentialsError says which credentials are missing or were rejected.
type credentialsError struct{ msg string }

func (e *credentialsError) Error() string { return e.msg }

// loginError means there is no usable login for the environment.
type loginError struct {
	msg string
	err error
}

func (e *loginError) Error() string {
	if e.err != nil {
		return e.msg + ": " + e.err.Error()
	}
	return e.msg
}

func (e *loginError) Unwrap() error { return e.err }

// exitCode classifies err into one of the documented exit codes.
func exitCode(err error) int {
	var (
		ue  *usageError
		sr  *specRejection
		ce  *credentialsError
		le  *loginError
		fe  *factorial.Error
		oe  *oauth.Error
		cfg *factorial.ConfigError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &ue), errors.As(err, &sr), errors.As(err, &cfg):
		return exitUsage
	case errors.As(err, &ce):
		return exitCredentials
	case errors.As(err, &le), errors.Is(err, oauth.ErrReauthRequired):
		return exitLogin
	case errors.As(err, &oe) && (oe.Code == oauth.CodeInvalidClient || oe.Code == oauth.CodeUnauthorizedClient):
		// Also when it is the cause of a 401: the refresh that followed
		// failed because the client credentials are wrong.
		return exitCredentials
	case errors.As(err, &fe):
		if fe.StatusCode == http.StatusUnauthorized {
			return exitLogin
		}
		if fe.Kind == factorial.KindBodyRead {
			return exitNetwork
		}
		return exitAPI
	case errors.As(err, &oe):
		if oe.Code == oauth.CodeInvalidToken {
			return exitLogin
		}
		return exitAPI
	case isNetworkError(err):
		return exitNetwork
	}
	return exitAPI
}

func isNetworkError(err error) bool {
	var (
		ue *url.Error
		ne net.Error
		oe *net.OpError
	)
	return errors.As(err, &ue) || errors.As(err, &ne) || errors.As(err, &oe) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, context.DeadlineExceeded)
}

// report prints err for a person: what went wrong, the server's messages,
// and what to do next. Nothing here includes a credential: the errors of
// package factorial and oauth never carry one. usedAPIKey tailors the
// advice for a 401.
func report(w io.Writer, err error, usedAPIKey bool) {
	code := exitCode(err)
	var fe *factorial.Error
	var pe *oauth.InsecurePermissionsError
	switch {
	case code == exitInterrupted:
		fmt.Fprintln(w, "factorial: interrupted")
		return
	case errors.As(err, &fe):
		fmt.Fprintf(w, "factorial: %s %s: %s\n", fe.Method, pathOf(fe.URL), statusLine(fe.StatusCode, fe.Kind))
		for _, m := range fe.Messages {
			fmt.Fprintf(w, "  %s\n", m)
		}
		if d := challengeDescription(fe.Header); d != "" && len(fe.Messages) == 0 {
			fmt.Fprintf(w, "  %s\n", d)
		}
		if fe.Err != nil {
			// The cause: a decoding problem, or the refresh that failed
			// after a 401.
			fmt.Fprintf(w, "  %v\n", fe.Err)
		}
		if fe.RequestID != "" {
			fmt.Fprintf(w, "  request id %s\n", fe.RequestID)
		}
	case errors.As(err, &pe):
		// The library's message names its own option for a program;
		// a person at the command line is told what to run.
		what := "token file"
		if pe.Want == 0o700 {
			what = "token directory"
		}
		fmt.Fprintf(w, "factorial: the %s %s has mode %04o, so other users may have read the token.\n", what, pe.Path, pe.Mode.Perm())
		fmt.Fprintf(w, "If someone may have, run 'factorial auth logout' to revoke it after fixing the mode. Fix it with: chmod %04o %s\n", pe.Want, pe.Path)
	default:
		msg := err.Error()
		if !strings.HasPrefix(msg, "factorial: ") {
			msg = "factorial: " + msg
		}
		fmt.Fprintln(w, msg)
	}
	if errors.As(err, &fe) && fe.StatusCode == http.StatusForbidden && strings.HasPrefix(challengeDescription(fe.Header), "insufficient_scope") {
		// The dated API grants each area to its own OAuth scope; a login
		// made with v1's read and write lacks them.
		fmt.Fprintln(w, "The token lacks a scope this operation needs: log in again asking for it,")
		fmt.Fprintln(w, "e.g. factorial auth login --scopes \"employees time_off time_tracking\" (or use --api v1).")
	}
	switch code {
	case exitUsage:
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(w, "Run 'factorial help' for usage.")
		}
	case exitCredentials:
		fmt.Fprintln(w, "Check FACTORIAL_API_KEY, or FACTORIAL_CLIENT_ID and FACTORIAL_CLIENT_SECRET (or --api-key, --client-id, --client-secret).")
	case exitLogin:
		if usedAPIKey {
			fmt.Fprintln(w, "The API key was refused: check FACTORIAL_API_KEY or --api-key.")
		} else {
			fmt.Fprintln(w, "You are not logged in, or your login expired or was revoked: run 'factorial auth login'.")
		}
	case exitNetwork:
		fmt.Fprintln(w, "Could not reach the server: check the network and --env.")
	}
}

func statusLine(status int, kind factorial.ErrorKind) string {
	s := fmt.Sprintf("%d %s", status, http.StatusText(status))
	if kind != "" && kind != factorial.KindStatus {
		s += " (" + string(kind) + ")"
	}
	return s
}

// pathOf strips scheme, host and query from an (already redacted) URL.
func pathOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Path != "" {
		return u.Path
	}
	return raw
}

var challengeRE = regexp.MustCompile(`error="([^"]*)"(?:.*error_description="([^"]*)")?`)

// challengeDescription reads the reason from a Doorkeeper 401's
// WWW-Authenticate header, which comes with an empty body.
func challengeDescription(h http.Header) string {
	m := challengeRE.FindStringSubmatch(h.Get("WWW-Authenticate"))
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1] + ": " + m[2])
}
