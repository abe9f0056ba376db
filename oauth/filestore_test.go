package oauth_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/oauth"
)

func testToken(i int) *oauth.Token {
	return &oauth.Token{
		AccessToken:  fmt.Sprintf("access-%d-%s", i, strings.Repeat("x", 4096)),
		TokenType:    "Bearer",
		RefreshToken: fmt.Sprintf("refresh-%d", i),
		Scopes:       []string{"read", "write"},
		CreatedAt:    time.Unix(1_780_000_000+int64(i), 0).UTC(),
		ExpiresIn:    7200,
		Expiry:       time.Unix(1_780_007_200+int64(i), 0).UTC(),
	}
}

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

func TestFileStoreRoundTripAndPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits are not enforced on Windows")
	}
	dir := filepath.Join(t.TempDir(), "config", "factorial")
	path := filepath.Join(dir, "token.json")
	store, err := oauth.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("directory mode %04o, want 0700", m)
	}
	ctx := context.Background()
	if _, err := store.Load(ctx); !errors.Is(err, oauth.ErrNoToken) {
		t.Fatalf("Load of a missing file: %v, want ErrNoToken", err)
	}
	want := testToken(1)
	if err := store.Save(ctx, want); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("token file mode %04o, want 0600", m)
	}
	got, err := store.Load(ctx)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip: %v\n got %v\nwant %v", err, got, want)
	}
	unlock, err := store.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if m := mode(t, path+".lock"); m != 0o600 {
		t.Errorf("lock file mode %04o, want 0600", m)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("directory holds %d entries, want token and lock only", len(entries))
	}
}

func TestFileStoreRefusesWiderPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits are not enforced on Windows")
	}
	tests := []struct {
		name     string
		dirMode  fs.FileMode
		fileMode fs.FileMode
		repair   bool
		wantPath string // "dir" or "file" refused; "" accepted
	}{
		{name: "group-readable directory", dirMode: 0o750, fileMode: 0o600, wantPath: "dir"},
		{name: "world-readable file", dirMode: 0o700, fileMode: 0o644, wantPath: "file"},
		{name: "repair directory and file", dirMode: 0o755, fileMode: 0o666, repair: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			path := filepath.Join(dir, "token.json")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(`{"version":1,"token":{"access_token":"a"}}`), 0o600); err != nil {
				t.Fatal(err)
			}
			// Chmod, not the create mode: the umask must not soften the test.
			if err := os.Chmod(path, tc.fileMode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tc.dirMode); err != nil {
				t.Fatal(err)
			}
			var opts []oauth.FileStoreOption
			if tc.repair {
				opts = append(opts, oauth.WithRepairPermissions())
			}
			store, err := oauth.NewFileStore(path, opts...)
			if err == nil {
				_, err = store.Load(context.Background())
			}
			var pe *oauth.InsecurePermissionsError
			switch tc.wantPath {
			case "":
				if err != nil {
					t.Fatal(err)
				}
				if mode(t, dir) != 0o700 || mode(t, path) != 0o600 {
					t.Errorf("not repaired: dir %04o file %04o", mode(t, dir), mode(t, path))
				}
			case "dir", "file":
				want := dir
				if tc.wantPath == "file" {
					want = path
				}
				if !errors.As(err, &pe) || pe.Path != want {
					t.Fatalf("error = %v, want InsecurePermissionsError for %s", err, want)
				}
				if mode(t, want)&0o077 == 0 {
					t.Error("permissions changed without WithRepairPermissions")
				}
			}
		})
	}
}

func TestFileStoreCorruptFiles(t *testing.T) {
	const secret = "refresh-SECRET-in-a-broken-file"
	tests := []struct {
		name    string
		content string
	}{
		{"empty", ""},
		{"truncated JSON", `{"version":1,"token":{"access_token":"` + secret},
		{"not JSON", "access_token=" + secret},
		{"null", "null"},
		{"wrong type", `{"version":1,"token":{"access_token":12345,"refresh_token":"` + secret + `"}}`},
		{"future version", `{"version":2,"token":{"refresh_token":"` + secret + `"}}`},
		{"no token", `{"version":1}`},
		{"empty token", `{"version":1,"token":{}}`},
		{"bad expiry", `{"version":1,"token":{"access_token":"a","expiry":"` + secret + `"}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s", "token.json")
			store, err := oauth.NewFileStore(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err = store.Load(context.Background())
			var ce *oauth.CorruptTokenError
			if !errors.As(err, &ce) || ce.Path != path {
				t.Fatalf("error = %v, want CorruptTokenError", err)
			}
			if errors.Is(err, oauth.ErrNoToken) {
				t.Error("a corrupt file must not look like a missing one")
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v", err), secret) {
				t.Errorf("error quotes the file: %v", err)
			}
		})
	}
}

func TestFileStoreLockHonoursContext(t *testing.T) {
	// A directory of its own: t.TempDir is 0755, which the store refuses.
	path := filepath.Join(t.TempDir(), "store", "token.json")
	a, err := oauth.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := oauth.NewFileStore(path) // a second value: only the file lock protects it
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := a.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Millisecond)
	defer cancel()
	if _, err := b.Lock(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second Lock while held: %v, want DeadlineExceeded", err)
	}
	unlock()
	unlock2, err := b.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	unlock2()
}

// childSaveLoop saves ever newer tokens until it is killed. The parent
// kills it at a random moment, possibly in the middle of a write.
func childSaveLoop() int {
	store, err := oauth.NewFileStore(os.Getenv("OAUTH_TEST_PATH"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx := context.Background()
	for i := 1; ; i++ {
		if err := store.Save(ctx, testToken(i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if i == 1 {
			fmt.Println("ready")
		}
	}
}

func TestKilledWriterLeavesLoadableStore(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	const runs = 20
	maxSeen, midWrite := 0, 0
	for run := range runs {
		path := filepath.Join(t.TempDir(), "store", "token.json")
		store, err := oauth.NewFileStore(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Save(context.Background(), testToken(0)); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=save-loop", "OAUTH_TEST_PATH="+path)
		stdout, _ := cmd.StdoutPipe()
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || line != "ready\n" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("run %d: child did not start: %v %s", run, err, stderr.String())
		}
		time.Sleep(time.Duration(rand.IntN(25_000)) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL: no cleanup runs
			t.Fatal(err)
		}
		_ = cmd.Wait()

		tok, err := store.Load(context.Background())
		if err != nil {
			t.Fatalf("run %d: store unreadable after kill: %v", run, err)
		}
		i, err := strconv.Atoi(strings.TrimPrefix(tok.RefreshToken, "refresh-"))
		if err != nil || !reflect.DeepEqual(tok, testToken(i)) {
			t.Fatalf("run %d: store holds a mixed or torn token", run)
		}
		maxSeen = max(maxSeen, i)
		// A temporary file left behind means the kill landed between
		// creating it and the rename.
		if debris, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".token.json.tmp-*")); len(debris) > 0 {
			midWrite++
		}
		// A new writer must be able to carry on over any debris.
		if err := store.Save(context.Background(), testToken(0)); err != nil {
			t.Fatalf("run %d: save after kill: %v", run, err)
		}
	}
	if maxSeen < 2 {
		t.Fatalf("the children never got past their first save (max token %d); the test proved nothing", maxSeen)
	}
	t.Logf("%d kills, %d of them in the middle of a save; newest token found %d saves in", runs, midWrite, maxSeen)
}

// TestFileStoreRechecksItsDirectory: a directory opened up after
// NewFileStore is refused by the next Load and Save, and Save writes no
// token into it.
func TestFileStoreRechecksItsDirectory(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows mode bits do not describe access")
	}
	dir := filepath.Join(t.TempDir(), "store")
	path := filepath.Join(dir, "token.json")
	store, err := oauth.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := store.Save(ctx, &oauth.Token{AccessToken: "first"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var pe *oauth.InsecurePermissionsError
	if _, err := store.Load(ctx); !errors.As(err, &pe) || pe.Path != dir {
		t.Errorf("Load after the directory opened up: %v", err)
	}
	if err := store.Save(ctx, &oauth.Token{AccessToken: "second-SECRET"}); !errors.As(err, &pe) || pe.Path != dir {
		t.Errorf("Save after the directory opened up: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil || strings.Contains(string(b), "second-SECRET") {
		t.Errorf("Save wrote the token into an open directory: %s %v", b, err)
	}
}
