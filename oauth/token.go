package oauth

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// Token is a Factorial OAuth token as this package stores it. Unlike
// *oauth2.Token it keeps the granted scopes and Doorkeeper's created_at
// (x/oauth2 leaves both in an untyped Extra map and its Expiry ignores
// created_at).
//
// Printing or logging a Token shows no secret; encoding/json does (stores
// need it), so never log its JSON.
type Token struct {
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Scopes       []string  `json:"scopes,omitempty"`
	CreatedAt    time.Time `json:"created_at,omitzero"`  // issue time the server reported
	ExpiresIn    int64     `json:"expires_in,omitempty"` // lifetime in seconds as sent
	// Expiry is when the access token stops working, on the local clock
	// (see Exchange for how it is computed). Zero means it never expires.
	Expiry time.Time `json:"expiry,omitzero"`
}

// OAuth2 converts the token for x/oauth2 users. Scope (space-delimited)
// and created_at (Unix seconds) are available through Extra.
func (t *Token) OAuth2() *oauth2.Token {
	extra := map[string]any{"scope": strings.Join(t.Scopes, " ")}
	if !t.CreatedAt.IsZero() {
		extra["created_at"] = t.CreatedAt.Unix()
	}
	o := &oauth2.Token{
		AccessToken:  t.AccessToken,
		TokenType:    t.TokenType,
		RefreshToken: t.RefreshToken,
		Expiry:       t.Expiry,
		ExpiresIn:    t.ExpiresIn,
	}
	return o.WithExtra(extra)
}

// FromOAuth2 converts a token obtained through x/oauth2 (for example one
// stored by an earlier version of a program), reading scope and created_at
// from Extra when present.
func FromOAuth2(o *oauth2.Token) *Token {
	t := &Token{
		AccessToken:  o.AccessToken,
		TokenType:    o.TokenType,
		RefreshToken: o.RefreshToken,
		Expiry:       o.Expiry,
		ExpiresIn:    o.ExpiresIn,
	}
	if s, ok := o.Extra("scope").(string); ok {
		t.Scopes = strings.Fields(s)
	}
	t.CreatedAt = createdAt(o.Extra("created_at"))
	return t
}

// NeverExpires reports whether the token has no expiry: the server sent no
// expires_in, as for Factorial's company tokens. TokenSource hands such a
// token out until the server rejects it, and never refreshes it early.
func (t *Token) NeverExpires() bool { return t.Expiry.IsZero() }

// HasScope reports whether the server granted scope (a Scope constant).
// The granted scopes may be fewer than the requested ones, so check before
// calling an area of the API that needs a granular scope.
func (t *Token) HasScope(scope string) bool { return slices.Contains(t.Scopes, scope) }

func (t *Token) clone() *Token {
	c := *t
	c.Scopes = slices.Clone(t.Scopes)
	return &c
}

// String shows the token without secrets. Value receivers cover printing a
// dereferenced Token as well.
func (t Token) String() string {
	exp := "never"
	if !t.Expiry.IsZero() {
		exp = t.Expiry.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("oauth.Token{type: %s, access: %s, refresh: %s, scopes: %v, expiry: %s}",
		t.TokenType, mask(t.AccessToken), mask(t.RefreshToken), t.Scopes, exp)
}

// GoString keeps %#v from printing the secrets.
func (t Token) GoString() string { return t.String() }

// Format applies String to every verb.
func (t Token) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", t.String())
		return
	}
	_, _ = f.Write([]byte(t.String()))
}

// LogValue keeps slog from printing the secrets.
func (t Token) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("access_token", mask(t.AccessToken)),
		slog.String("refresh_token", mask(t.RefreshToken)),
		slog.Any("scopes", t.Scopes),
		slog.Time("expiry", t.Expiry),
	)
}

func mask(s string) string {
	if s == "" {
		return "none"
	}
	return redacted
}
