package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

// app carries a run's input, output and environment. There is no global
// state: tests run many apps side by side.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// openURL opens a URL in the user's browser (auth login).
	openURL func(ctx context.Context, url string) error
	// usedAPIKey records that the command authenticated with an API key,
	// for the advice printed with a 401.
	usedAPIKey bool
	// demoStarted, when set, is given the sandbox the demo started, so a
	// test can read what only the server knows (the tokens it issued, the
	// webhook challenges it delivered) and check the output against it.
	demoStarted func(*factorialtest.Server)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string
	run     func(ctx context.Context, a *app, g *globals, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "walk the getting-started guide end to end against a local sandbox", demoUsage, runDemo},
		{"auth", "log in, show the login, refresh it, log out", authUsage, runAuth},
		{"api", "call any API operation, checked against the spec", apiUsage, runAPI},
		{"list", "list every record of any collection of the dated API", listUsage, runList},
		{"me", "show who the credentials act as", resourceUsage("me"), resourceCommand("me")},
		{"employees", "list employees", resourceUsage("employees"), resourceCommand("employees")},
		{"teams", "list teams", resourceUsage("teams"), resourceCommand("teams")},
		{"locations", "list locations", resourceUsage("locations"), resourceCommand("locations")},
		{"leaves", "list leaves (time off)", resourceUsage("leaves"), resourceCommand("leaves")},
		{"leave-types", "list leave types", resourceUsage("leave-types"), resourceCommand("leave-types")},
		{"shifts", "list shifts (clock-ins) of a month", resourceUsage("shifts"), resourceCommand("shifts")},
		{"holidays", "list company holidays", resourceUsage("holidays"), resourceCommand("holidays")},
		{"sandbox", "run a local fake of Factorial and print its credentials", sandboxUsage, runSandbox},
		{"help", "show help for a command", "Usage: factorial help [COMMAND]\n", nil},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// run is the whole program: parse args, run the command, print any error
// and return the exit code. main only adds the process around it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newApp(stdin, stdout, stderr).main(ctx, args)
}

// newApp is an app on these streams and the process's environment.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	a.openURL = func(ctx context.Context, url string) error { return openBrowser(ctx, a.getenv, url) }
	return a
}

// main runs one command line and returns its exit code.
func (a *app) main(ctx context.Context, args []string) int {
	err := a.dispatch(ctx, args)
	if err == nil || errors.Is(err, errHelpShown) {
		return exitOK
	}
	report(a.stderr, err, a.usedAPIKey)
	return exitCode(err)
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	var g globals
	fs := newFlagSet("factorial", &g)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(a.stdout, mainUsage())
			return errHelpShown
		}
		return usagef("%v", err)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprint(a.stderr, mainUsage())
		return usagef("no command given")
	}
	name, rest := rest[0], rest[1:]
	if name == "help" {
		return a.help(rest)
	}
	cmd, ok := findCommand(name)
	if !ok {
		return usagef("unknown command %q", name)
	}
	return cmd.run(ctx, a, &g, rest)
}

func (a *app) help(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.stdout, mainUsage())
		return nil
	}
	name := args[0]
	cmd, ok := findCommand(name)
	if !ok {
		return usagef("unknown command %q", name)
	}
	fmt.Fprint(a.stdout, cmd.usage)
	if name != "help" {
		fmt.Fprint(a.stdout, "\n"+globalsHelp)
	}
	return nil
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString(`factorial: a command-line client for Factorial HR's API.

Usage: factorial [flags] COMMAND [arguments]

Try it with no account and no network:
  go run ./cmd/factorial demo

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-12s %s\n", c.name, c.summary)
	}
	b.WriteString(`
auth has subcommands: login, status, refresh, logout.
api, the reads (me, employees, ...), auth login and status, and demo call
Factorial's current dated API, /api/VERSION/resources with version ` + factorial.DefaultAPIVersion + `,
unless --api says otherwise: --api v1 for the legacy API, or another version date.
Run 'factorial help COMMAND' for a command's flags.

`)
	b.WriteString(globalsHelp)
	b.WriteString(`
Credentials: an API key (FACTORIAL_API_KEY) needs no login and wins over a
stored login. Otherwise FACTORIAL_CLIENT_ID and FACTORIAL_CLIENT_SECRET plus
'factorial auth login', which stores the token per environment in the config
directory. No command prints a token, code, verifier, client secret or API
key, except 'factorial sandbox' for its own throwaway credentials.

`)
	b.WriteString(exitCodesHelp)
	return b.String()
}
