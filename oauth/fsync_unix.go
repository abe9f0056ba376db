//go:build unix

package oauth

import "os"

// enforcePermissions: Unix mode bits are meaningful, so check them.
const enforcePermissions = true

// syncDir flushes a directory entry change (the rename) to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
