package engine

import (
	"net/url"
	"testing"
)

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://h/p?a=1&token=s&B=2":                 "https://h/p?a=1&token=REDACTED&B=2",
		"https://h/p?Client_Secret=s&code=c&state=ok": "https://h/p?Client_Secret=REDACTED&code=REDACTED&state=ok",
		"https://h/p?id_token=x&my%5Ftoken=y":         "https://h/p?id_token=REDACTED&my%5Ftoken=REDACTED",
		"https://u:p@h/p#frag":                        "https://REDACTED@h/p",
		"https://h/p?flag":                            "https://h/p?flag",
		"https://h/p?password=%zz":                    "https://h/p?password=REDACTED",
	} {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := RedactURL(u); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
