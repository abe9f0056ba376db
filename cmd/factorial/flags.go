package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// globals are the flags every command accepts, before or after its name.
type globals struct {
	env          string
	clientID     string
	clientSecret string
	apiKey       string
	configDir    string
	debug        bool
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.env, "env", g.env, "environment: production, demo or a base URL (env FACTORIAL_ENV)")
	fs.StringVar(&g.clientID, "client-id", g.clientID, "OAuth client id (env FACTORIAL_CLIENT_ID)")
	fs.StringVar(&g.clientSecret, "client-secret", g.clientSecret, "OAuth client secret (env FACTORIAL_CLIENT_SECRET)")
	fs.StringVar(&g.apiKey, "api-key", g.apiKey, "company API key, sent as x-api-key (env FACTORIAL_API_KEY)")
	fs.StringVar(&g.configDir, "config-dir", g.configDir, "config directory; tokens go in DIR/tokens (env FACTORIAL_CONFIG_DIR)")
	fs.BoolVar(&g.debug, "debug", g.debug, "log requests to stderr (never credentials)")
}

const globalsHelp = `Flags for every command:
  --env production|demo|URL  environment (env FACTORIAL_ENV or FACTORIAL_BASE_URL; default production)
  --client-id ID             OAuth client id (env FACTORIAL_CLIENT_ID)
  --client-secret SECRET     OAuth client secret (env FACTORIAL_CLIENT_SECRET)
  --api-key KEY              company API key, sent as x-api-key (env FACTORIAL_API_KEY)
  --config-dir DIR           config directory, tokens in DIR/tokens (env FACTORIAL_CONFIG_DIR;
                             default the user config dir + /factorial, e.g. ~/.config/factorial)
  --debug                    log requests to stderr (never credentials)
`

// newFlagSet returns a flag set that reports errors to the caller instead
// of printing or exiting, with the global flags registered on g.
func newFlagSet(name string, g *globals) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	g.register(fs)
	return fs
}

// parseFlags parses args allowing flags after positional arguments
// (factorial api POST /path -f a=1), which the flag package alone does
// not. "--" ends flag parsing. -h and --help return flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// oneOf checks a flag value against its allowed values.
func oneOf(flagName, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usagef("--%s must be one of %s, not %q", flagName, strings.Join(allowed, ", "), value)
}

// noArgs refuses positional arguments for commands that take none.
func noArgs(cmd string, args []string) error {
	if len(args) > 0 {
		return usagef("%s: unexpected argument %q", cmd, args[0])
	}
	return nil
}

// errHelpShown is returned after a command printed its own help for -h.
var errHelpShown = errors.New("help shown")

func helpOrErr(err error, w io.Writer, usage string) error {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(w, usage)
		fmt.Fprint(w, "\n"+globalsHelp)
		return errHelpShown
	}
	return err
}
