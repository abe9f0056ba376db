package engine

import (
	"context"
	"log/slog"
	"time"
)

// warnIfRetired logs, once per engine, that a dated API call made at now
// goes to a version Factorial no longer serves as itself.
func (d *Engine) warnIfRetired(ctx context.Context, now time.Time) {
	if d.retiredOn.IsZero() || now.Before(d.retiredOn) {
		return
	}
	d.retiredOnce.Do(func() {
		d.log.LogAttrs(ctx, slog.LevelWarn, "factorial: API version past its year of service; Factorial silently answers with its oldest supported version instead",
			slog.String("api_version", d.apiVersion),
			slog.String("retired_on", d.retiredOn.Format(time.DateOnly)))
	})
}
