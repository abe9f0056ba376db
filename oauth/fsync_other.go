//go:build !unix

package oauth

// enforcePermissions is off where mode bits do not describe access (on
// Windows they are synthesised; ACLs of the user profile protect the file).
const enforcePermissions = false

// syncDir is a no-op: Windows cannot open a directory for fsync, and NTFS
// journals the rename itself.
func syncDir(string) error { return nil }
