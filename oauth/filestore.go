package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// FileStore keeps the token as JSON in a file only the owner can read
// (0600) inside a directory only the owner can enter (0700), for CLIs and
// daemons that must survive restarts.
//
// Writes are atomic: the token goes to a temporary file in the same
// directory, which is fsynced and renamed over the old file before the
// directory is fsynced, so a crash at any point leaves the old token or the
// new one, never a torn file.
//
// Lock is an advisory lock (flock on Unix, LockFileEx on Windows) on a
// sibling ".lock" file, so several processes can share one FileStore:
// TokenSource holds it around re-reading the file and refreshing, and a
// process that finds a fresher token on disk uses it instead of spending
// the same rotating refresh token again. On other platforms Lock only
// serialises users of the same FileStore value.
type FileStore struct {
	path     string
	dir      string
	lockPath string
	repair   bool
	local    chan struct{} // in-process part of Lock
}

// FileStoreOption configures NewFileStore.
type FileStoreOption func(*FileStore)

// WithRepairPermissions makes the store chmod a directory or token file
// that others can access back to 0700/0600 instead of refusing it. The
// refusal is the default because a readable token may already have been
// copied: the user should know, and revoke it if that matters.
func WithRepairPermissions() FileStoreOption { return func(f *FileStore) { f.repair = true } }

// NewFileStore returns a store for the token file at path, creating its
// directory with mode 0700 if needed. An existing directory that group or
// others can access is an *InsecurePermissionsError (unless
// WithRepairPermissions): use a directory of its own, such as
// $XDG_CONFIG_HOME/yourapp.
func NewFileStore(path string, opts ...FileStoreOption) (*FileStore, error) {
	if path == "" {
		return nil, errors.New("oauth: file store: empty path")
	}
	path = filepath.Clean(path)
	f := &FileStore{
		path:     path,
		dir:      filepath.Dir(path),
		lockPath: path + ".lock",
		local:    make(chan struct{}, 1),
	}
	for _, o := range opts {
		o(f)
	}
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return nil, fmt.Errorf("oauth: file store: %w", err)
	}
	if err := f.checkMode(f.dir, 0o700); err != nil {
		return nil, err
	}
	return f, nil
}

// Path returns the token file's path.
func (f *FileStore) Path() string { return f.path }

// fileFormat versions the file so a later release can migrate it.
type fileFormat struct {
	Version int    `json:"version"`
	Token   *Token `json:"token"`
}

// Load reads the token. A missing file matches ErrNoToken; an unreadable
// one is a *CorruptTokenError; a file, or a directory, others can access
// is an *InsecurePermissionsError.
func (f *FileStore) Load(context.Context) (*Token, error) {
	// The directory is checked on every use, not only by NewFileStore: a
	// long-running process must notice one opened up since.
	if err := f.checkMode(f.dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("oauth: %s: %w", f.path, ErrNoToken)
		}
		return nil, err
	}
	if err := f.checkMode(f.path, 0o600); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("oauth: %s: %w", f.path, ErrNoToken)
		}
		return nil, err
	}
	data, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("oauth: %s: %w", f.path, ErrNoToken)
	}
	if err != nil {
		return nil, fmt.Errorf("oauth: read token file: %w", err)
	}
	var ff fileFormat
	if err := json.Unmarshal(data, &ff); err != nil {
		return nil, &CorruptTokenError{Path: f.path, Err: err}
	}
	switch {
	case ff.Version != 1:
		return nil, &CorruptTokenError{Path: f.path, Err: fmt.Errorf("unsupported version %d", ff.Version)}
	case ff.Token == nil || (ff.Token.AccessToken == "" && ff.Token.RefreshToken == ""):
		return nil, &CorruptTokenError{Path: f.path, Err: errors.New("no token in file")}
	}
	return ff.Token, nil
}

// Save replaces the token file atomically (see FileStore). A directory
// others can access is an *InsecurePermissionsError, and nothing is
// written.
func (f *FileStore) Save(_ context.Context, tok *Token) error {
	if tok == nil {
		return errors.New("oauth: save: nil token")
	}
	data, err := json.MarshalIndent(fileFormat{Version: 1, Token: tok}, "", "  ")
	if err != nil {
		return fmt.Errorf("oauth: encode token: %w", err)
	}
	// A directory others can now enter is refused before the token is
	// written into it (see Load).
	if err := f.checkMode(f.dir, 0o700); err != nil {
		return err
	}
	// CreateTemp makes the file 0600, so the token is never readable by
	// others, not even before the rename.
	tmp, err := os.CreateTemp(f.dir, f.tempPrefix()+"*")
	if err != nil {
		return fmt.Errorf("oauth: save token: %w", err)
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("oauth: save token: %w", err)
	}
	// The data must be on disk before the rename is, or a crash could
	// leave the new name pointing at an empty file.
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("oauth: save token: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("oauth: save token: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return fmt.Errorf("oauth: save token: %w", err)
	}
	done = true
	// Persist the rename itself; until then a crash may bring back the old
	// file, whose refresh token the server has already revoked.
	if err := syncDir(f.dir); err != nil {
		return fmt.Errorf("oauth: save token: sync directory: %w", err)
	}
	f.removeStaleTemps()
	return nil
}

func (f *FileStore) tempPrefix() string { return "." + filepath.Base(f.path) + ".tmp-" }

// removeStaleTemps deletes temporary files a killed writer left behind. A
// live writer renames its file within milliseconds, so anything older than
// a few minutes is debris.
func (f *FileStore) removeStaleTemps() {
	entries, err := os.ReadDir(f.dir)
	if err != nil {
		return
	}
	prefix := f.tempPrefix()
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 5*time.Minute {
			_ = os.Remove(filepath.Join(f.dir, e.Name()))
		}
	}
}

// Lock takes the cross-process lock (see FileStore). The lock file is
// never deleted: removing it while another process waits on it would let
// two processes hold "the" lock on different files.
func (f *FileStore) Lock(ctx context.Context) (func(), error) {
	select {
	case f.local <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("oauth: lock token file: %w", context.Cause(ctx))
	}
	lf, err := os.OpenFile(f.lockPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		<-f.local
		return nil, fmt.Errorf("oauth: lock token file: %w", err)
	}
	// Poll with a short backoff: a blocking flock cannot be abandoned when
	// ctx ends, and holders keep the lock only for one token request.
	wait := time.Millisecond
	for {
		ok, err := tryLockFile(lf)
		if err != nil {
			_ = lf.Close()
			<-f.local
			return nil, fmt.Errorf("oauth: lock token file: %w", err)
		}
		if ok {
			return func() {
				_ = unlockFile(lf)
				_ = lf.Close()
				<-f.local
			}, nil
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			_ = lf.Close()
			<-f.local
			return nil, fmt.Errorf("oauth: lock token file: %w", context.Cause(ctx))
		}
		wait = min(wait*2, 25*time.Millisecond)
	}
}

// checkMode refuses (or repairs) a path whose permission bits exceed want.
func (f *FileStore) checkMode(path string, want fs.FileMode) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !enforcePermissions {
		return nil
	}
	mode := info.Mode().Perm()
	if mode&^want == 0 {
		return nil
	}
	if f.repair {
		if err := os.Chmod(path, want); err != nil {
			return fmt.Errorf("oauth: repair permissions of %s: %w", path, err)
		}
		return nil
	}
	return &InsecurePermissionsError{Path: path, Mode: mode, Want: want}
}

// InsecurePermissionsError reports a token file or directory that others
// can access.
type InsecurePermissionsError struct {
	Path string
	Mode fs.FileMode
	Want fs.FileMode
}

func (e *InsecurePermissionsError) Error() string {
	return fmt.Sprintf("oauth: %s has mode %04o, want %04o: other users may have read the token (revoke it if so), then chmod %04o it or use WithRepairPermissions",
		e.Path, e.Mode, e.Want, e.Want)
}

// CorruptTokenError reports a token file that cannot be decoded. Its
// message does not quote the file, which may hold secrets; Unwrap gives the
// decoding error.
type CorruptTokenError struct {
	Path string
	Err  error
}

func (e *CorruptTokenError) Error() string {
	reason := "unreadable content"
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(e.Err, &syn):
		reason = fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(e.Err, &typ):
		reason = fmt.Sprintf("field %q has the wrong type", typ.Field)
	}
	return fmt.Sprintf("oauth: token file %s is corrupt (%s); log in again to replace it", e.Path, reason)
}

func (e *CorruptTokenError) Unwrap() error { return e.Err }
