package pgstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLockID is the advisory lock Migrate holds, so replicas that
// start together apply each migration once.
const migrationLockID = 0x6661637430617574 // "fact0aut"

// Migrations returns the schema migrations, migrations/NNNN_name.sql, for
// applications that run their own migration tool instead of Migrate. Each
// file is idempotent.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists at build time
	}
	return sub
}

// Migrate creates or updates the schema in db's current schema (the first
// one on search_path): the table factorial_oauth_tokens and
// factorial_oauth_migrations, which records the migrations applied. It
// runs in one transaction under an advisory lock, so any number of
// replicas may call it at startup; it does nothing when the schema is
// current.
func Migrate(ctx context.Context, db DB) (err error) {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("pgstore: migrate: %w", err)
	}
	tx, err := db.Begin(ctx)
	if err != nil {
		return fmt.Errorf("pgstore: migrate: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLockID)); err != nil {
		return fmt.Errorf("pgstore: migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS factorial_oauth_migrations (
		version    integer     PRIMARY KEY,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return fmt.Errorf("pgstore: migrate: %w", err)
	}
	for _, f := range files {
		name := path.Base(f)
		version, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("pgstore: migrate: %s: no version number", name)
		}
		var done bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM factorial_oauth_migrations WHERE version = $1)`, version).Scan(&done); err != nil {
			return fmt.Errorf("pgstore: migrate: %w", err)
		}
		if done {
			continue
		}
		sql, err := migrations.ReadFile(f)
		if err != nil {
			return fmt.Errorf("pgstore: migrate: %w", err)
		}
		// Without arguments pgx uses the simple protocol, which runs a
		// file of several statements.
		if _, err := tx.Exec(ctx, string(sql)); err != nil {
			return fmt.Errorf("pgstore: migrate: %s: %w", name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO factorial_oauth_migrations (version) VALUES ($1)`, version); err != nil {
			return fmt.Errorf("pgstore: migrate: %s: %w", name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("pgstore: migrate: commit: %w", err)
	}
	return nil
}
