//go:build !unix && !windows

package oauth

import "os"

// Platforms without flock or LockFileEx (plan9, js, wasip1) get no
// cross-process lock: FileStore.Lock still serialises the users of one
// FileStore value, but two processes sharing the file may both refresh.
func tryLockFile(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) error { return nil }
