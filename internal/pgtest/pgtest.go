// Package pgtest starts a throwaway PostgreSQL server for tests: Debian's
// postgresql binaries, initdb and pg_ctl in a temporary directory,
// listening on 127.0.0.1 only, trust authentication for local test use.
//
// PostgreSQL refuses to run as root, so when the tests run as root the
// server runs as the "postgres" system user (which Debian's package
// creates): the temporary directory is handed to that user and initdb,
// pg_ctl and the server are started with its credentials.
//
// Start it once per test binary from TestMain and share it; each test
// creates its own database (CreateDatabase), so tests can run in parallel.
package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// ErrNotInstalled means no PostgreSQL server binaries were found.
var ErrNotInstalled = errors.New("pgtest: PostgreSQL binaries (initdb, pg_ctl) not found; install Debian's postgresql package or set PGTEST_BIN")

// Server is a running PostgreSQL server.
type Server struct {
	dir     string
	data    string
	bin     string
	port    int
	cred    *syscall.Credential
	counter atomic.Int64
}

// FindBin returns the directory holding initdb and pg_ctl: $PGTEST_BIN,
// else the newest /usr/lib/postgresql/<version>/bin, else the directory of
// pg_ctl on PATH.
func FindBin() (string, error) {
	if d := os.Getenv("PGTEST_BIN"); d != "" {
		return d, checkBin(d)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return version(b) - version(a) })
	for _, d := range dirs {
		if checkBin(d) == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		d := filepath.Dir(p)
		if checkBin(d) == nil {
			return d, nil
		}
	}
	return "", ErrNotInstalled
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func checkBin(d string) error {
	for _, name := range []string{"initdb", "pg_ctl", "postgres", "psql"} {
		if _, err := os.Stat(filepath.Join(d, name)); err != nil {
			return fmt.Errorf("%w (%s: %v)", ErrNotInstalled, d, err)
		}
	}
	return nil
}

// Start initialises and starts a server. Stop it when done.
func Start() (*Server, error) {
	bin, err := FindBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, data: filepath.Join(dir, "data"), bin: bin}
	if err := s.start(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

func (s *Server) start() error {
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("pgtest: running as root, and PostgreSQL refuses root: need the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(s.dir, uid, gid); err != nil {
			return fmt.Errorf("pgtest: hand the directory to postgres: %w", err)
		}
	}
	if out, err := s.run("initdb", "-D", s.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
		"--locale=C", "--no-sync", "--no-instructions"); err != nil {
		return fmt.Errorf("pgtest: initdb: %w\n%s", err, out)
	}
	// A free port may be taken between the probe and the server's bind:
	// try a few.
	var lastErr error
	for range 3 {
		port, err := freePort()
		if err != nil {
			return err
		}
		s.port = port
		// fsync off: a test server's data need not survive a machine
		// crash, and syncing would make every commit wait for the disk.
		opts := fmt.Sprintf("-h 127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, s.dir)
		out, err := s.run("pg_ctl", "-D", s.data, "-l", filepath.Join(s.dir, "server.log"), "-o", opts, "-w", "-t", "60", "start")
		if err == nil {
			return nil
		}
		logText, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
		lastErr = fmt.Errorf("pgtest: pg_ctl start: %w\n%s\n%s", err, out, logText)
	}
	return lastErr
}

func (s *Server) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// URL returns the connection URL of database db.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, db)
}

// CreateDatabase creates a database with a fresh name starting with
// prefix and returns its connection URL.
func (s *Server) CreateDatabase(prefix string) (string, error) {
	name := fmt.Sprintf("%s_%d_%d", sanitize(prefix), os.Getpid(), s.counter.Add(1))
	out, err := s.run("psql", "-h", "127.0.0.1", "-p", strconv.Itoa(s.port), "-U", "postgres", "-d", "postgres",
		"-v", "ON_ERROR_STOP=1", "-q", "-c", fmt.Sprintf(`CREATE DATABASE %q`, name))
	if err != nil {
		return "", fmt.Errorf("pgtest: create database: %w\n%s", err, out)
	}
	return s.URL(name), nil
}

func sanitize(s string) string {
	s = strings.ToLower(s)
	b := []byte(s)
	for i, c := range b {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			b[i] = '_'
		}
	}
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

// Stop stops the server at once and removes its directory.
func (s *Server) Stop() error {
	out, err := s.run("pg_ctl", "-D", s.data, "-m", "immediate", "-w", "-t", "30", "stop")
	rmErr := removeAll(s.dir)
	if err != nil {
		return fmt.Errorf("pgtest: pg_ctl stop: %w\n%s", err, out)
	}
	return rmErr
}

// removeAll retries briefly: the server's last processes may still be
// exiting when pg_ctl returns.
func removeAll(dir string) error {
	var err error
	for range 10 {
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}
