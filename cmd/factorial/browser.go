package main

import (
	"context"
	"errors"
	"os/exec"
	"runtime"
	"strings"
)

// openBrowser opens url in the user's browser: $BROWSER when set (as many
// command-line tools honour), otherwise the platform's opener. It does not
// wait for the browser; a failure only means the user opens the printed
// URL by hand.
func openBrowser(_ context.Context, getenv func(string) string, url string) error {
	browserEnv := getenv("BROWSER")
	name, args := browserCommand(runtime.GOOS, browserEnv, url)
	if name == "" {
		return errors.New("no way to open a browser on " + runtime.GOOS)
	}
	if name == "xdg-open" && getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		// Over SSH xdg-open would start a text browser in this terminal,
		// or fail obscurely.
		return errors.New("no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)")
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return err
	}
	// Not CommandContext: the browser must outlive this command.
	cmd := exec.Command(path, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap the opener when it exits
	return nil
}

// browserCommand returns the program and arguments that open url.
func browserCommand(goos, browserEnv, url string) (string, []string) {
	if b := strings.TrimSpace(browserEnv); b != "" {
		// $BROWSER may list alternatives separated by colons; take the
		// first. A %s placeholder marks where the URL goes.
		b, _, _ = strings.Cut(b, ":")
		fields := strings.Fields(b)
		if len(fields) > 0 {
			args := fields[1:]
			placed := false
			for i, f := range args {
				if strings.Contains(f, "%s") {
					args[i] = strings.ReplaceAll(f, "%s", url)
					placed = true
				}
			}
			if !placed {
				args = append(args, url)
			}
			return fields[0], args
		}
	}
	switch goos {
	case "darwin":
		return "open", []string{url}
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris", "illumos":
		return "xdg-open", []string{url}
	}
	return "", nil
}
